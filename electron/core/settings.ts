import type { Db } from './db/open'
import type { SettingsGetOutput, SettingsUpdateInput, SettingsUpdateOutput } from '../shared/io'
import { Settings } from '../shared/imports'
import { DEFAULT_EXPIRY_REMINDER_DAYS } from '../shared/reminders'

const DEFAULTS: Settings = { onlineChecks: false, expiryReminderDays: DEFAULT_EXPIRY_REMINDER_DAYS }

/** App settings as JSON values in one key/value table; unknown or damaged values fall back to defaults. */
export function createSettings(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM setting')
  const put = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const read = (): Settings => {
    const stored: Record<string, unknown> = {}
    for (const row of all.all()) stored[row.key] = JSON.parse(row.value)
    const parsed = Settings.safeParse({ ...DEFAULTS, ...stored })
    return parsed.success ? parsed.data : DEFAULTS
  }
  return {
    get: (): SettingsGetOutput => read(),
    update(patch: SettingsUpdateInput): SettingsUpdateOutput {
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value))
      })()
      return read()
    },
  }
}
export type SettingsService = ReturnType<typeof createSettings>
