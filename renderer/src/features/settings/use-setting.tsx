/**
 * One Settings card and one way to save a setting, shared by every card: the value shown follows
 * the stored one when it changes elsewhere (the command line, another window), a save goes
 * through `settings:update`, a failure puts back what was shown before and says "Not changed",
 * and a success refreshes what depends on settings and confirms in a toast.
 */
import { useId, useState, type ReactNode } from 'react'
import { call } from '../../api'
import { useInvalidate } from '../../data'
import type { Settings } from '../../shared'
import { ErrorBanner } from '../../ui/Feedback'
import { useToast } from '../../ui/Toast'

/** What a save confirms: the value to show now and the toast (info when the change did not happen). */
export interface Saved<T> {
  value: T
  message: string
  tone?: 'success' | 'info'
}

export function useSetting<T>(stored: T) {
  const [value, setValue] = useState(stored)
  const [seen, setSeen] = useState(stored)
  if (!Object.is(seen, stored)) {
    setSeen(stored)
    setValue(stored)
  }
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const invalidate = useInvalidate()
  const toast = useToast()

  /** Saves `patch`, showing `shown` while it is saved; `done` says what to show after. */
  const save = async (patch: Partial<Settings>, shown: T, done: (saved: Settings) => Saved<T>): Promise<void> => {
    if (saving) return
    const before = value
    setValue(shown)
    setSaving(true)
    setFailure(null)
    try {
      const result = done(await call('settings:update', patch))
      setValue(result.value)
      invalidate()
      toast.show(result.message, result.tone ?? 'success')
    } catch (error) {
      setValue(before)
      setFailure(error)
    } finally {
      setSaving(false)
    }
  }
  return { value, setValue, saving, failure, save }
}

/** A Settings card: a titled section and what went wrong with its last save. */
export function SettingsCard({ title, failure, children }: { title: string; failure: unknown; children: ReactNode }) {
  const id = useId()
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-head">
        <h2 className="card-title" id={id}>
          {title}
        </h2>
      </div>
      {failure ? <ErrorBanner title="Not changed" error={failure} /> : null}
      {children}
    </section>
  )
}
