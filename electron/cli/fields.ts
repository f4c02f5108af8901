/**
 * Turning command-line text into contract values: money, hours, skill lists, links.
 * These parsers refuse what cannot be meant (49.999 USD, "12h"), naming the flag; the
 * core's zod schemas still validate everything that reaches it.
 */
import { currencyDigits } from '../shared/format'
import { SKILL_LEVELS, type Money, type SkillLevel } from '../shared/schemas'
import { usage } from './errors'
import { didYouMean } from './suggest'
import { showValue } from './errors'
import { quote } from '../shared/text-rules'
import { bulletText, bulletsText } from '../shared/bullets'

let currencies: Set<string> | null = null
function knownCurrencies(): Set<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'))
  return currencies
}

/**
 * `49.00 USD`, `USD 49`, `49 usd`, `1,299.99 EUR`, `0 USD`, `500 JPY` -> integer minor units.
 * Refuses more decimals than the currency has, negative amounts and unknown currency codes.
 */
export function parseCost(raw: string, flag = '--cost'): Money {
  const text = raw.trim().replace(/\s+/g, ' ')
  const m = /^([A-Za-z]{3})\s*(-?[\d.,]+)$/.exec(text) ?? /^(-?[\d.,]+)\s*([A-Za-z]{3})$/.exec(text)
  const bad = (why: string) => usage(`${flag}: ${showValue(raw)} ${why}`, [{ path: 'cost', flag, message: `${flag}: ${showValue(raw)} ${why}` }])
  if (!m) {
    if (/^-?[\d.,]+$/.test(text)) throw bad('needs a currency, e.g. "49.00 USD"')
    throw bad('is not an amount with a currency, e.g. "49.00 USD" or "1,299.99 EUR"')
  }
  const [amountText, codeText] = /^[A-Za-z]/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!]
  const currency = codeText.toUpperCase()
  if (amountText.startsWith('-')) throw bad('cannot be negative')
  if (!/^[A-Z]{3}$/.test(currency) || !knownCurrencies().has(currency))
    throw bad(`has an unknown currency code ${currency}; use an ISO 4217 code such as USD, EUR or GBP`)
  // Thousands separators are commas between groups of three digits; the decimal mark is a point.
  const am = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(amountText)
  if (!am) throw bad('is not a number like 49, 49.00 or 1,299.99')
  const whole = am[1]!.replace(/,/g, '')
  const fraction = am[2] ?? ''
  const digits = currencyDigits(currency)
  if (fraction.length > digits) {
    const allowed = digits === 0 ? `${currency} has no minor units` : `${currency} has ${digits} decimal place${digits === 1 ? '' : 's'}`
    throw bad(`has too many decimals: ${allowed}`)
  }
  const amountMinor = Number(whole + fraction.padEnd(digits, '0'))
  if (!Number.isSafeInteger(amountMinor)) throw bad('is too large')
  return { amountMinor, currency }
}

/** `--hours 12.5`: a plain decimal number. The range (>= 0) is the core's to check. */
export function parseHours(raw: string, flag = '--hours'): number {
  const text = raw.trim()
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text))
    throw usage(`${flag}: ${showValue(raw)} is not a number of hours (e.g. 12 or 12.5)`, [
      { path: 'hours', flag, message: `${flag}: ${showValue(raw)} is not a number of hours` },
    ])
  return Number(text)
}

/** A whole number for --limit and friends. */
export function parseCount(raw: string, flag: string, min = 0): number {
  if (!/^\d+$/.test(raw.trim())) throw usage(`${flag}: ${showValue(raw)} is not a whole number`)
  const n = Number(raw.trim())
  if (n < min) throw usage(`${flag}: ${showValue(raw)} must be at least ${min}`)
  return n
}

/** `"JS, ECMAScript"` -> ['JS', 'ECMAScript']; empty items are dropped. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** `"SQL, Python:advanced"` -> [{ name: 'SQL', level: null }, { name: 'Python', level: 'advanced' }]. */
export function parseSkills(raw: string, flag = '--skills'): Array<{ name: string; level: SkillLevel | null }> {
  return splitList(raw).map((item) => {
    const colon = item.lastIndexOf(':')
    if (colon < 0) return { name: item, level: null }
    const name = item.slice(0, colon).trim()
    const levelText = item.slice(colon + 1).trim().toLowerCase()
    if (!name) throw usage(`${flag}: ${showValue(item)} has a level but no skill name`)
    if (!(SKILL_LEVELS as readonly string[]).includes(levelText))
      throw usage(
        `${flag}: ${showValue(item)} has an unknown level ${quote(levelText)}${didYouMean(levelText, SKILL_LEVELS)}; use ${SKILL_LEVELS.join(', ')}`,
      )
    return { name, level: levelText as SkillLevel }
  })
}

/** `--link https://…` or `--link "Demo=https://…"` (label, equals sign, address). */
export function parseLink(raw: string): { label: string | null; url: string } {
  const m = /^\s*([^=]*?)\s*=\s*(https?:\/\/\S.*)$/i.exec(raw)
  if (m && m[1]) return { label: m[1], url: m[2]!.trim() }
  return { label: null, url: raw.trim() }
}

/** Closed choices (kind, status, sort …) refused with a suggestion before anything is opened. */
export function parseChoice<T extends string>(raw: string, choices: readonly T[], flag: string): T {
  const value = raw.trim().toLowerCase().replace(/-/g, '_')
  if ((choices as readonly string[]).includes(value)) return value as T
  const hint = didYouMean(value, choices)
  const message = `${flag}: ${showValue(raw)} is not one of ${choices.join(', ')}${hint}`
  throw usage(message, [{ path: flag.slice(2), flag, message }])
}

/**
 * `--bullet TEXT`, repeated → the description, one "- " line per bullet (electron/shared/bullets.ts
 * reads a marked line as one bullet as written, so a bullet of two sentences stays one). A marker
 * typed by habit ("- Built …") is not doubled; an empty bullet or one with a line break is refused
 * rather than dropped or split.
 */
export function parseBullets(values: string[], flag = '--bullet'): string {
  const bullets = values.map((raw, i) => {
    const fail = (why: string) => usage(`${flag}: ${why}`, [{ path: `description.${i}`, flag, message: `${flag}: ${why}` }])
    const text = bulletText(raw)
    if (!text) throw fail(`bullet ${i + 1} is empty; give its text, or remove the description with --clear description`)
    if (/[\r\n]/.test(text)) throw fail(`${showValue(raw)} has a line break; give each bullet its own ${flag}`)
    return text
  })
  return bulletsText(bullets)
}
