/** Settings: how many days ahead Skillfolio reminds of expiring credentials (0: no reminders). */
import { useId, useState, type FormEvent } from 'react'
import { call } from '../../api'
import { useInvalidate } from '../../data'
import { ErrorBanner } from '../../ui/Feedback'
import { Button } from '../../ui/Button'
import { useToast } from '../../ui/Toast'
import { MAX_EXPIRY_REMINDER_DAYS } from '../../../../electron/shared/reminders'
import '../../styles/expiry.css'

/** The typed days as the setting, or what is wrong with them. */
function parseDays(text: string): { days: number } | { error: string } {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return { error: `Enter a whole number of days from 0 to ${MAX_EXPIRY_REMINDER_DAYS}.` }
  const days = Number(trimmed)
  return days > MAX_EXPIRY_REMINDER_DAYS ? { error: `At most ${MAX_EXPIRY_REMINDER_DAYS} days (a year).` } : { days }
}

export function ExpiryReminders({ days: stored }: { days: number }) {
  const id = useId()
  const [text, setText] = useState(String(stored))
  const [seen, setSeen] = useState(stored)
  if (seen !== stored) {
    setSeen(stored)
    setText(String(stored))
  }
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const invalidate = useInvalidate()
  const toast = useToast()
  const changed = text.trim() !== String(stored)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseDays(text)
    if ('error' in parsed) {
      setError(parsed.error)
      return
    }
    setError(null)
    setFailure(null)
    setSaving(true)
    try {
      const saved = await call('settings:update', { expiryReminderDays: parsed.days })
      setText(String(saved.expiryReminderDays))
      invalidate()
      toast.show(saved.expiryReminderDays === 0 ? 'Expiry reminders are off' : `You will be reminded ${saved.expiryReminderDays} days before a credential expires`)
    } catch (err) {
      setFailure(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 className="card-title" id={`${id}-title`}>
          Expiry reminders
        </h2>
      </div>
      {failure ? <ErrorBanner title="Not changed" error={failure} /> : null}
      <form className="expiry-setting" onSubmit={(e) => void save(e)} noValidate>
        <label className="expiry-setting-label" htmlFor={id}>
          Remind me of credentials that expire within
        </label>
        <input
          id={id}
          className="input expiry-setting-days"
          inputMode="numeric"
          aria-label="Remind me of credentials that expire within this many days"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value)
            setError(null)
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        <span aria-hidden="true">days</span>
        <Button type="submit" size="sm" variant={changed ? 'primary' : 'secondary'} busy={saving} disabled={!changed && !error}>
          Save
        </Button>
      </form>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        <p className="setting-desc" id={`${id}-hint`}>
          Shown in a banner when Skillfolio starts, and once per credential as a notification from your system. 0 turns reminders off.
        </p>
      )}
    </section>
  )
}
