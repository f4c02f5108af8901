/**
 * Expiry reminders (shared/reminders.ts): which earned credentials expire soon, and which of
 * them the desktop shell has already shown a notification for. That record maps each id to the
 * expiry date it was shown for, so a renewed credential (a new date) is reminded of again. It
 * lives in the setting table under its own key: not a setting the person edits, and not part of
 * exports, like the settings.
 */
import type { Db } from './db/open'
import type { ExpiringCredential, ExpiringReminders } from '../shared/reminders'
import { toPublicId, toRowId } from './portfolio/ids'

const NOTICED_KEY = 'expiryNoticed'
const DAY_MS = 86_400_000

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS))
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

export function createReminders(db: Db, now: () => Date) {
  const expiring = db.prepare<[string, string], { id: number; title: string; issuer: string | null; expiresOn: string }>(
    `SELECT id, title, COALESCE(issuer_name, provider) AS issuer, expires_on AS expiresOn
       FROM credential
      WHERE status = 'earned' AND expires_on IS NOT NULL AND expires_on >= ? AND expires_on <= ?
      ORDER BY expires_on, title COLLATE NOCASE, id`,
  )
  const expiryRow = db.prepare<[number], string | null>('SELECT expires_on FROM credential WHERE id = ?').pluck()
  /** The credential's expiry date now; null when it has none or is gone (or the id is not a credential's). */
  const expiryOf = (id: string): string | null => {
    const row = /^cred-[1-9]\d{0,14}$/.test(id) ? toRowId('credential', id) : null
    return row === null ? null : (expiryRow.get(row) ?? null)
  }
  const readNoticed = db.prepare<[string], string>('SELECT value FROM setting WHERE key = ?').pluck()
  const writeNoticed = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')

  /** id → the expiry date its notification was shown for; a damaged value counts as none shown. */
  const noticed = (): Record<string, string> => {
    const raw = readNoticed.get(NOTICED_KEY)
    try {
      const parsed: unknown = raw === undefined ? {} : JSON.parse(raw)
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'))
    } catch {
      return {}
    }
  }

  return {
    /** Earned credentials expiring from today to `days` days from now, soonest first. */
    expiring(days: number): ExpiringReminders {
      if (days <= 0) return { days: 0, items: [], unnoticed: [] }
      const today = isoDay(now())
      const items: ExpiringCredential[] = expiring.all(today, addDays(today, days)).map((row) => ({
        id: toPublicId('credential', row.id),
        title: row.title,
        issuer: row.issuer,
        expiresOn: row.expiresOn,
        daysLeft: daysFrom(today, row.expiresOn),
      }))
      const shown = noticed()
      return { days, items, unnoticed: items.filter((item) => shown[item.id] !== item.expiresOn).map((item) => item.id) }
    },
    /** Records that these credentials' notifications were shown for their current expiry dates. */
    markNoticed(ids: readonly string[]): { noticed: number } {
      const today = isoDay(now())
      let count = 0
      db.transaction(() => {
        const kept: Record<string, string> = {}
        // Entries whose credential is gone, or whose date has passed, are dropped: the record stays small.
        for (const [id, day] of Object.entries(noticed())) if (day >= today && expiryOf(id)) kept[id] = day
        for (const id of ids) {
          const day = expiryOf(id)
          if (!day) continue
          kept[id] = day
          count++
        }
        writeNoticed.run(NOTICED_KEY, JSON.stringify(kept))
      })()
      return { noticed: count }
    },
  }
}
