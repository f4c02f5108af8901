/** Settings: how many days ahead Skillfolio reminds of expiring credentials (0: no reminders). */
import { useId, useState, type FormEvent } from 'react'
import { Button } from '../../ui/Button'
import { MAX_EXPIRY_REMINDER_DAYS } from '../../../../electron/shared/reminders'
import '../../styles/expiry.css'
import { SettingsCard, useSetting } from './use-setting'

/** The typed days as the setting, or what is wrong with them. */
function parseDays(text: string): { days: number } | { error: string } {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return { error: `Enter a whole number of days from 0 to ${MAX_EXPIRY_REMINDER_DAYS}.` }
  const days = Number(trimmed)
  return days > MAX_EXPIRY_REMINDER_DAYS ? { error: `At most ${MAX_EXPIRY_REMINDER_DAYS} days (a year).` } : { days }
}

export function ExpiryReminders({ days: stored }: { days: number }) {
  const id = useId()
  const { value: text, setValue: setText, saving, failure, save } = useSetting(String(stored))
  const [error, setError] = useState<string | null>(null)
  const changed = text.trim() !== String(stored)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseDays(text)
    if ('error' in parsed) {
      setError(parsed.error)
      return
    }
    setError(null)
    await save({ expiryReminderDays: parsed.days }, text, (saved) => ({
      value: String(saved.expiryReminderDays),
      message: saved.expiryReminderDays === 0 ? 'Expiry reminders are off' : `You will be reminded ${saved.expiryReminderDays} days before a credential expires`,
    }))
  }

  return (
    <SettingsCard title="Expiry reminders" failure={failure}>
      <form className="expiry-setting" onSubmit={(e) => void submit(e)} noValidate>
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
    </SettingsCard>
  )
}
