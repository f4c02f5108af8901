/** Display helpers: dates, money in minor units, durations, expiry. */
import { currencyDigits, formatMoneyIn, type CredentialKind, type CredentialStatus, type Money, type SkillCategory, type SkillLevel } from './shared'

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
const monthFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' })

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

const dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })

/** A moment (ISO timestamp) in the person's own time zone: "Nov 28, 2026, 10:44 AM"; today: "Today, 10:44 AM". */
export function formatDateTime(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  if (todayIso(d) === todayIso(now)) return `Today, ${timeFmt.format(d)}`
  return dateTimeFmt.format(d)
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = utc(iso)
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d)
}

export function formatMonth(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = utc(iso)
  return Number.isNaN(d.getTime()) ? iso : monthFmt.format(d)
}

export function formatRange(from: string | null, to: string | null, openEnd = 'Present'): string {
  if (!from && !to) return ''
  if (!from) return formatMonth(to)
  return `${formatMonth(from)} – ${to ? formatMonth(to) : openEnd}`
}

/** Today as YYYY-MM-DD in the person's own time zone. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((utc(toIso).getTime() - utc(fromIso).getTime()) / 86_400_000)
}

export type Expiry = { state: 'expired' | 'soon'; days: number; label: string } | null

/** Expired, or expiring within 90 days; null when neither (or no expiry date). */
export function expiryOf(expiresOn: string | null, today = todayIso()): Expiry {
  if (!expiresOn) return null
  const days = daysBetween(today, expiresOn)
  if (days < 0) return { state: 'expired', days, label: `Expired ${formatDate(expiresOn)}` }
  if (days <= 90)
    return { state: 'soon', days, label: days === 0 ? 'Expires today' : `Expires in ${days} day${days === 1 ? '' : 's'}` }
  return null
}

export { currencyDigits }

/** The person's own locale, as the dates above use: "$1,299.99" in English, "1.299,99 $" in German. */
const LOCALE = new Intl.NumberFormat().resolvedOptions().locale

/** Money for the screens: "$49.50", "Free" for nothing, '' for no amount (electron/shared/format). */
export function formatMoney(money: Money | null | undefined): string {
  return formatMoneyIn(money, LOCALE)
}

/** Minor units back to the text a person types ("1234.50"), for the edit form. */
export function minorToText(money: Money | null | undefined): string {
  if (!money) return ''
  const digits = currencyDigits(money.currency)
  if (digits === 0) return String(money.amountMinor)
  const s = String(money.amountMinor).padStart(digits + 1, '0')
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`
}

/**
 * "1,234.5" in USD -> 123450. Accepts a comma or a point as the decimal mark. Returns an
 * error sentence for text that is not an amount or has more decimals than the currency.
 */
export function parseAmount(text: string, currency: string): { minor: number } | { error: string } {
  let s = text.replace(/[\s\u00a0'’]/g, '')
  if (s.startsWith('-')) return { error: 'cannot be negative' }
  s = s.replace(/^[^\d.,-]+/, '').replace(/[^\d.,]+$/, '') // a currency symbol before or after
  if (s.startsWith('-')) return { error: 'cannot be negative' }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { error: 'must be an amount such as 49.99' }
  const digits = currencyDigits(currency)
  let whole = s
  let frac = ''
  const hasDot = s.includes('.')
  const hasComma = s.includes(',')
  if (hasDot && hasComma) {
    // "1,234.50" or "1.234,50": the later mark is the decimal one.
    const mark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ','
    whole = s.slice(0, s.lastIndexOf(mark))
    frac = s.slice(s.lastIndexOf(mark) + 1)
  } else if (hasDot || hasComma) {
    const mark = hasDot ? '.' : ','
    const parts = s.split(mark)
    const last = parts.at(-1) ?? ''
    // "1,234" or "1.234.567" group thousands; "12.5" and "12,50" have decimals.
    const grouping = parts.length > 2 || (last.length === 3 && digits !== 3)
    if (!grouping) {
      whole = parts.slice(0, -1).join('')
      frac = last
    }
  }
  whole = whole.replace(/[.,]/g, '')
  if (frac.includes('.') || frac.includes(',')) return { error: 'must be an amount such as 49.99' }
  if (frac.length > digits)
    return { error: digits === 0 ? `${currency} amounts have no decimals` : `use at most ${digits} decimals for ${currency}` }
  const minor = Number(whole || '0') * 10 ** digits + Number(frac.padEnd(digits, '0') || '0')
  if (!Number.isSafeInteger(minor)) return { error: 'is too large' }
  return { minor }
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return ''
  const n = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(hours)
  return `${n} h`
}

export const KIND_LABEL: Record<CredentialKind, string> = {
  platform: 'Online course',
  bootcamp: 'Bootcamp',
  employer: 'Employer',
  academic: 'Academic',
  certification: 'Certification',
  badge: 'Badge',
  other: 'Other',
}

export const STATUS_LABEL: Record<CredentialStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  earned: 'Earned',
  expired: 'Expired',
  revoked: 'Revoked',
}

export const LEVEL_LABEL: Record<SkillLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  expert: 'Expert',
}

export const CATEGORY_LABEL: Record<SkillCategory, string> = {
  technology: 'Technology',
  knowledge: 'Knowledge',
  transversal: 'Transversal',
  language: 'Language',
  other: 'Other',
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

const FORMAT_LABEL: Record<string, string> = {
  'ob0.5': 'Open Badges 0.5',
  ob1: 'Open Badges 1.0',
  ob2: 'Open Badges 2.0',
  ob3: 'Open Badges 3.0',
  clr2: 'CLR 2.0',
  vc: 'Verifiable credential',
  blockcerts: 'Blockcerts',
  edc: 'European Digital Credential',
}

const CONTAINER_LABEL: Record<string, string> = {
  json: 'JSON',
  jws: 'signed JWS',
  jwt: 'VC-JWT',
  png: 'baked PNG',
  svg: 'baked SVG',
  url: 'link',
}

/** Where an imported credential came from: "Open Badges 2.0 · baked PNG". */
export function formatLabel(format: string, container: string): string {
  return `${FORMAT_LABEL[format] ?? format} · ${CONTAINER_LABEL[container] ?? container}`
}
