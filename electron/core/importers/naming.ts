/**
 * The title a credential gets in the portfolio. Its own name when it has a real one (OB 3.0: the
 * achievement's name, else the credential's; a placeholder such as "Badge", "Achievement 1" or a
 * file name does not count). Without one: "Issuer – Month Year" (en dash, the month and year of
 * issue as written, else of the award), "Issuer – undated" without a date, and "Untitled
 * credential" only when the issuer is unknown too (a placeholder name such as "Badge" is then
 * kept: it still says more). The issuer: issuerLabel below.
 */
import type { ParsedCredential } from './types'

export const UNTITLED = 'Untitled credential'

export type TitleSource = 'name' | 'issuer-date' | 'issuer-undated' | 'untitled'

export interface ChosenTitle {
  title: string
  source: TitleSource
  /** Names in the file passed over as placeholders ("Badge", "ob3-credential.json"). */
  skipped: string[]
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

// Words issuers leave in the name field when they did not name the badge.
const PLACEHOLDER = /^(?:(?:open ?)?badge|achievement|credential|verifiable ?credential|certificate|diploma|degree|award|course|test|untitled|name|title|example|sample)(?:[\s#_-]*\d+)?$/i
const FILE_NAME = /\.(?:json|jsonld|json-ld|png|svg|jwt|jws|txt|pdf)$/i

/** A name that says nothing about the achievement: a bare type word, a number or a file name. */
export function isPlaceholderName(name: string): boolean {
  const n = name.trim()
  return n.length === 0 || PLACEHOLDER.test(n) || FILE_NAME.test(n) || !/\p{L}/u.test(n)
}

/** "January 2010" from an ISO date or timestamp as written (no time-zone shift), else null. */
export function monthYear(iso: string | null | undefined): string | null {
  const m = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null
  const month = m ? Number(m[2]) : 0
  return m && month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${m[1]}` : null
}

/** "example.com" from https://www.example.com/issuers/1 or did:web:example.com:issuers; null for local or IP hosts. */
export function hostOf(ref: string | null): string | null {
  if (!ref) return null
  let host: string | null = null
  const web = /^did:web:([^:#?/]+)/i.exec(ref)
  if (web) host = decodeURIComponent(web[1]!).replace(/:\d+$/, '')
  else if (/^https?:\/\//i.test(ref)) {
    try {
      host = new URL(ref).hostname
    } catch {
      host = null
    }
  }
  if (!host) return null
  host = host.toLowerCase().replace(/^www\./, '')
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.includes('[') || !host.includes('.')) return null
  return host
}

/**
 * Who issued it, as a person reads it: the name, else the awarding body, else the host of the
 * issuer's address. A hosted Open Badge must be served from its issuer's origin (OB 2.0 hosted
 * verification), so the host of the hosted assertion, else of its badge class, stands in last.
 */
export function issuerLabel(parsed: Pick<ParsedCredential, 'issuer' | 'awardedBy' | 'urls'>): string | null {
  const name = parsed.issuer.name?.trim() || parsed.awardedBy?.name?.trim()
  return name || hostOf(parsed.issuer.url) || hostOf(parsed.issuer.id) || hostOf(parsed.awardedBy?.url ?? null) || hostOf(parsed.urls.verify) || hostOf(parsed.urls.badge)
}

export function chooseTitle(parsed: Pick<ParsedCredential, 'title' | 'credentialName' | 'issuer' | 'awardedBy' | 'urls' | 'issuedOn' | 'awardedOn'>): ChosenTitle {
  const skipped: string[] = []
  for (const candidate of [parsed.title, parsed.credentialName]) {
    const name = candidate?.trim()
    if (!name) continue
    if (!isPlaceholderName(name)) return { title: name, source: 'name', skipped }
    if (!skipped.includes(name)) skipped.push(name)
  }
  const issuer = issuerLabel(parsed)
  if (!issuer) {
    // "Badge" still says more than "Untitled credential"; a file name does not.
    const word = skipped.find((s) => !FILE_NAME.test(s) && /\p{L}/u.test(s))
    return word ? { title: word, source: 'name', skipped: [] } : { title: UNTITLED, source: 'untitled', skipped }
  }
  const when = monthYear(parsed.issuedOn) ?? monthYear(parsed.awardedOn)
  return when ? { title: `${issuer} – ${when}`, source: 'issuer-date', skipped } : { title: `${issuer} – undated`, source: 'issuer-undated', skipped }
}
