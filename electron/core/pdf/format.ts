/** Dates, money and small text helpers for the documents (English, deterministic). */

/** One collator for every sort by name (String#localeCompare with a locale builds one per call). */
export const collator = new Intl.Collator('en')

/** Plain code-unit order, for ISO dates and keys. */
export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `YYYY-MM-DD` of `now` in UTC. */
export const isoDay = (now: Date) => now.toISOString().slice(0, 10)

/** "Mar 2024" for an ISO date (or its `YYYY-MM` / `YYYY` prefix). */
export function monthYear(iso: string | null | undefined): string | null {
  if (!iso) return null
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(iso)
  if (!m) return iso
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined
  return month ? `${month} ${m[1]}` : m[1]!
}

/** "12 Mar 2024". */
export function dayMonthYear(iso: string | null | undefined): string | null {
  if (!iso) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return monthYear(iso)
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`
}

/** "Mar 2022 – Present", "2019 – 2021", "Jun 2023" (an en dash, as typeset ranges use). */
export function dateRange(start: string | null, end: string | null, ongoing = 'Present'): string | null {
  const a = monthYear(start)
  const b = monthYear(end)
  if (a && b) return a === b ? a : `${a} – ${b}`
  if (a) return `${a} – ${ongoing}`
  return b
}

export { formatMoney } from '../../shared/format'

/** "https://www.example.org/a/" → "example.org/a" for display where the link carries the URL. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '')
}

/** "a, b and c" */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
