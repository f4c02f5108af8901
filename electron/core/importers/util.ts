/**
 * Small, allocation-light helpers shared by the format readers: safe property access on
 * untrusted JSON, language maps, dates, data: URIs and plain-words formatting.
 * Nothing here throws anything but ImportError.
 */
import { LIMITS } from '../../shared/limits'
import {
  ImportError,
  type CredentialContainer,
  type CredentialFormat,
  type ParsedCredential,
  type ParsedSkill,
} from './types'
import { classifyAlignment } from './alignments'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/** The largest text payload (JSON, JWS, URL) read from inside a file: 5 MB. */
export const MAX_PAYLOAD_CHARS = LIMITS.payloadChars
/** The largest image kept from a data: URI: 5 MB. */
export const MAX_DATA_URI_CHARS = LIMITS.dataUriChars

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Own property only: never reads through the prototype chain ("__proto__", "constructor"). */
export function get(o: unknown, key: string): Json | undefined {
  if (!isObject(o) || !Object.prototype.hasOwnProperty.call(o, key)) return undefined
  return o[key]
}

export const asArray = (v: Json | undefined): Json[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])

/** A non-empty trimmed string, or null. Numbers are accepted as text (ids, codes). */
export function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim()
    return t.length > 0 ? t : null
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return null
}

const ENGLISH = /^en(?:[-_][A-Za-z0-9]+)*$/i
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/i

/**
 * Text that may be a plain string, a JSON-LD value object ({"@value": …}), an array of those
 * (language-tagged) or a language map ({"en": …, "de": …}): English first, else the first.
 */
export function text(v: Json | undefined): string | null {
  const direct = str(v)
  if (direct !== null) return direct
  if (Array.isArray(v)) {
    let first: string | null = null
    for (const item of v) {
      const value = isObject(item) ? str(item['@value']) : str(item)
      if (value === null) continue
      if (isObject(item) && typeof item['@language'] === 'string' && ENGLISH.test(item['@language'])) return value
      first ??= value
    }
    return first
  }
  if (isObject(v)) {
    const value = get(v, '@value')
    if (value !== undefined) return str(value)
    // A language map: every key a language tag, every value a string.
    let first: string | null = null
    for (const key of Object.keys(v)) {
      if (!LANGUAGE_TAG.test(key)) return null
      const candidate = str(v[key])
      if (candidate === null) continue
      if (ENGLISH.test(key)) return candidate
      first ??= candidate
    }
    return first
  }
  return null
}

/** A string id, or the `id` of an object (`{"id": "https://…", "type": "Image"}`). */
export function idOf(v: Json | undefined): string | null {
  return str(v) ?? (isObject(v) ? str(get(v, 'id')) : null)
}

/** The `type` property as a list of strings (string or array in real files). */
export function typesOf(o: unknown): string[] {
  const t = get(o, 'type') ?? get(o, '@type')
  const out: string[] = []
  for (const item of asArray(t)) if (typeof item === 'string') out.push(item)
  return out
}

export const hasType = (types: string[], name: string) => types.some((t) => t.toLowerCase() === name.toLowerCase())

/** The `@context` as a list of URL strings (objects inside it are skipped). */
export function contextsOf(o: unknown): string[] {
  return asArray(get(o, '@context')).filter((c): c is string => typeof c === 'string')
}

export const isHttpUrl = (s: string | null): s is string => s !== null && /^https?:\/\/[^\s]+$/i.test(s)

// ---------------------------------------------------------------------------------------------
// Dates

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31)

function fromUnix(n: number, label: string, raw: string, warnings: string[]): string | null {
  const ms = n > 1e11 ? n : n * 1000 // 13 digits are milliseconds, up to 11 are seconds
  const date = new Date(ms)
  if (!Number.isFinite(ms) || n <= 0 || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    warnings.push(`The ${label} (${raw}) is not a date Skillfolio can read, so it was left out.`)
    return null
  }
  const iso = date.toISOString().replace('.000Z', 'Z')
  warnings.push(`The ${label} was written as a Unix timestamp (${raw}); it was read as ${iso}.`)
  return iso
}

/**
 * An ISO 8601 date or date-time, kept exactly as written (a space separator becomes "T").
 * Unix seconds or milliseconds (number or digits) become an ISO timestamp with a warning;
 * impossible dates (2015-04-31) and unreadable text are left out with a warning.
 */
export function parseDate(v: Json | undefined, label: string, warnings: string[]): string | null {
  if (v === undefined || v === null || v === '') return null
  if (typeof v === 'number') return Number.isInteger(v) ? fromUnix(v, label, String(v), warnings) : fromUnix(Math.round(v), label, String(v), warnings)
  if (typeof v !== 'string') {
    warnings.push(`The ${label} is not written as text, so it was left out.`)
    return null
  }
  const s = v.trim()
  if (/^\d{9,13}$/.test(s)) return fromUnix(Number(s), label, s, warnings)
  const m = s.length <= 40 ? ISO.exec(s) : null
  if (!m) {
    warnings.push(`The ${label} "${s.slice(0, 40)}" is not a date Skillfolio can read, so it was left out.`)
    return null
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || year < 1000) {
    warnings.push(`The ${label} "${s}" is not a real date, so it was left out.`)
    return null
  }
  if (day < 1 || day > daysIn(year, month)) {
    warnings.push(`The ${label} "${s}" is not a real date (${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days), so it was left out.`)
    return null
  }
  if (m[4] !== undefined) {
    const [hour, minute, second] = [Number(m[5]), Number(m[6]), Number(m[7] ?? 0)]
    if (hour > 24 || minute > 59 || second > 60) {
      warnings.push(`The ${label} "${s}" has an impossible time of day, so it was left out.`)
      return null
    }
    if (m[4] !== 'T') return `${s.slice(0, 10)}T${s.slice(11)}`
  }
  return s
}

// ---------------------------------------------------------------------------------------------
// Images

/** A data: URI decoded to bytes, or null when it is not one (or is damaged / too large). */
export function decodeDataUri(uri: string, warnings: string[]): { bytes: Uint8Array; mediaType: string } | null {
  if (!uri.startsWith('data:')) return null
  const comma = uri.indexOf(',')
  if (comma < 0 || uri.length > MAX_DATA_URI_CHARS) {
    warnings.push(uri.length > MAX_DATA_URI_CHARS ? 'The embedded image is larger than 5 MB and was left out.' : 'The embedded image is damaged and was left out.')
    return null
  }
  const meta = uri.slice(5, comma)
  const parts = meta.split(';')
  const mediaType = (parts[0] || 'text/plain').trim().toLowerCase()
  const data = uri.slice(comma + 1)
  try {
    const bytes = parts.some((p) => p.trim().toLowerCase() === 'base64') ? Buffer.from(data.replace(/\s+/g, ''), 'base64') : Buffer.from(decodeURIComponent(data), 'utf8')
    if (bytes.length === 0) throw new Error('empty')
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), mediaType }
  } catch {
    warnings.push('The embedded image is damaged and was left out.')
    return null
  }
}

/** An image property (URL string, data: URI or {"id": …} object) as ParsedCredential['image']. */
export function imageOf(v: Json | undefined, warnings: string[]): ParsedCredential['image'] {
  const ref = idOf(v)
  if (ref === null) return null
  if (ref.startsWith('data:')) return decodeDataUri(ref, warnings)
  return /^[a-z][a-z0-9+.-]*:/i.test(ref) ? { url: ref } : null
}

// ---------------------------------------------------------------------------------------------
// Result building

export interface ReadContext {
  container: CredentialContainer
  /** The compact JWS when the credential came as one (file or baked), else null. */
  jws: string | null
  /** The original document for `document` when it differs from the one being read (JAdES). */
  outerDocument?: unknown
  /** The file itself when it is an image (baked PNG/SVG). */
  image: ParsedCredential['image']
  /** A hosted-assertion link found outside the JSON (SVG `verify` attribute). */
  verifyUrl: string | null
  warnings: string[]
}

export function blankCredential(format: CredentialFormat, ctx: ReadContext, document: unknown): ParsedCredential {
  return {
    format,
    container: ctx.container,
    sourceId: null,
    title: null,
    description: null,
    criteria: null,
    achievementType: null,
    issuer: { id: null, name: null, url: null },
    issuedOn: null,
    expiresOn: null,
    recipient: { name: null, identity: null, type: null, hashed: false, salt: null },
    skills: [],
    image: ctx.image,
    urls: { verify: ctx.verifyUrl, badge: null, evidence: [] },
    document: ctx.jws ?? ctx.outerDocument ?? document,
    jws: ctx.jws,
    warnings: ctx.warnings,
  }
}

export function addSkill(skills: ParsedSkill[], skill: ParsedSkill): void {
  if (skill.name.length === 0) return
  const same = skills.some((s) => s.name === skill.name && s.framework === skill.framework && s.code === skill.code && s.url === skill.url && s.source === skill.source)
  if (!same) skills.push(skill)
}

/**
 * Alignments: OB 2.0/3.0 `targetName`… and the OB 1.0 `name`/`url`/`description` form. Those
 * naming a competency become skills; levels, qualifications, credit schemes, classifications
 * and bare codes are kept apart in `otherAlignments` (rules: alignments.ts). `badgeName` is the
 * badge's or achievement's own name (an alignment repeating it points at the badge itself).
 */
export function addAlignments(out: Pick<ParsedCredential, 'skills' | 'otherAlignments'>, v: Json | undefined, badgeName: string | null): void {
  for (const a of asArray(v)) {
    if (!isObject(a)) continue
    const name = text(get(a, 'targetName')) ?? text(get(a, 'name'))
    if (name === null) continue
    const target = {
      name,
      framework: text(get(a, 'targetFramework')) ?? text(get(a, 'framework')),
      code: str(get(a, 'targetCode')) ?? str(get(a, 'code')),
      url: idOf(get(a, 'targetUrl')) ?? idOf(get(a, 'url')),
    }
    const type = str(get(a, 'targetType'))
    const { kind, rule } = classifyAlignment({ ...target, type }, badgeName)
    if (kind === 'skill') {
      addSkill(out.skills, { ...target, source: 'alignment' })
      continue
    }
    const others = (out.otherAlignments ??= [])
    if (!others.some((o) => o.name === name && o.framework === target.framework && o.code === target.code && o.url === target.url)) others.push({ ...target, type, kind, rule })
  }
}

export function addTags(skills: ParsedSkill[], v: Json | undefined): void {
  for (const t of asArray(v)) {
    const name = text(t)
    if (name !== null) addSkill(skills, { name, framework: null, code: null, url: null, source: 'tag' })
  }
}

/** Evidence: URL strings or objects with an id/url, as a list of links. */
export function evidenceUrls(v: Json | undefined): string[] {
  const out: string[] = []
  for (const e of asArray(v)) {
    const ref = idOf(e) ?? (isObject(e) ? str(get(e, 'url')) : null)
    if (ref !== null && !out.includes(ref)) out.push(ref)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Plain words

/** "1,247 bytes", "12 KB", "4 GB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = n / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const shown = value < 10 && Math.round(value * 10) % 10 !== 0 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')
  return `${shown} ${units[unit]}`
}

/** Exact bytes below 1 MB ("84,056 bytes"), else rounded ("12 MB"): for file sizes in messages. */
export const fileSize = (n: number): string => (n < 1024 * 1024 ? `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}` : formatBytes(n))

export const quote = (s: string, max = 60) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`

export function fail(reason: ImportError['reason'], message: string): never {
  throw new ImportError(reason, message)
}
