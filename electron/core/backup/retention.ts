/**
 * Which automatic daily backups to keep: the newest of each of the last 7 days that have one,
 * and the newest of each of the last 4 weeks (ISO weeks, Monday to Sunday) that have one.
 * Days and weeks are UTC, the same calendar the file names use. Backups made on demand or
 * before an upgrade are never pruned.
 */
export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4

export interface Dated {
  path: string
  createdAt: string
}

const dayOf = (iso: string) => iso.slice(0, 10)

/** The Monday (UTC) of the week holding this instant. */
function weekOf(iso: string): string {
  const d = new Date(`${dayOf(iso)}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/** The newest entry of each of the first `limit` periods, newest first. */
function newestPer(sorted: readonly Dated[], period: (iso: string) => string, limit: number): Dated[] {
  const seen = new Set<string>()
  const kept: Dated[] = []
  for (const b of sorted) {
    const key = period(b.createdAt)
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(b)
    if (kept.length === limit) break
  }
  return kept
}

/** The daily backups that retention lets go. */
export function expired<T extends Dated>(dailies: readonly T[]): T[] {
  const sorted = [...dailies].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  const keep = new Set([...newestPer(sorted, dayOf, KEEP_DAILY), ...newestPer(sorted, weekOf, KEEP_WEEKLY)].map((b) => b.path))
  return sorted.filter((b) => !keep.has(b.path))
}

/** Whether a daily backup was already made on the day (UTC) of `now`. */
export const hasDailyFor = (dailies: readonly Dated[], now: Date) => dailies.some((b) => dayOf(b.createdAt) === dayOf(now.toISOString()))
