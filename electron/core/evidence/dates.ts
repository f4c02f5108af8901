/** Date arithmetic on YYYY-MM-DD strings (UTC), for durations of work and recency. */

/** Whole months from `from` to `to` (0 when `to` is before `from`). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number]
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0)
  return Math.max(0, months)
}

/** "3 years 2 months", "1 year", "8 months", "less than a month". */
export function durationWords(months: number): string {
  const y = Math.floor(months / 12)
  const m = months % 12
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
  if (y === 0 && m === 0) return 'less than a month'
  return [y ? part(y, 'year') : '', m ? part(m, 'month') : ''].filter(Boolean).join(' ')
}

/** Five years before `today` (YYYY-MM-DD): evidence older than this is stale. */
export const staleBefore = (today: string) => `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`
