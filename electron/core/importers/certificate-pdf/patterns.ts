/**
 * What any certificate's text may hold, found without knowing its layout: dates written out
 * ("March 15, 2024", "15 March 2024", "2024-03-15", "03/15/2024"), web addresses, a labelled
 * credential ID, the learner named around "has completed", and the largest text.
 */
import type { PdfLine, PdfText } from './text'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const DATE_PATTERNS: Array<{ re: RegExp; ymd: (m: RegExpExecArray) => [string, string, string] }> = [
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), ymd: (m) => [m[3]!, m[1]!, m[2]!] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i'), ymd: (m) => [m[3]!, m[2]!, m[1]!] },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, ymd: (m) => [m[1]!, m[2]!, m[3]!] },
  // Numeric day/month order is the US one: the platforms read here print dates that way.
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, ymd: (m) => [m[3]!, m[1]!, m[2]!] },
]

const pad = (n: number) => String(n).padStart(2, '0')

/** "2024-03-15" for a real day, else null. */
function isoDay(year: string, month: string, day: string): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1
  const y = Number(year)
  const d = Number(day)
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null
}

/** The first date written in `text`, as YYYY-MM-DD. */
export function findDate(text: string): string | null {
  let best: { at: number; iso: string } | null = null
  for (const { re, ymd } of DATE_PATTERNS) {
    const m = re.exec(text)
    if (!m) continue
    const iso = isoDay(...ymd(m))
    if (iso && (!best || m.index < best.at)) best = { at: m.index, iso }
  }
  return best?.iso ?? null
}

/** The date on the line that `label` starts ("Date of achievement: …"), or on the line after it. */
export function labelledDate(pdf: PdfText, label: RegExp): string | null {
  const i = pdf.lines.findIndex((l) => label.test(l.text))
  if (i < 0) return null
  return findDate(pdf.lines[i]!.text.replace(label, ' ')) ?? findDate(pdf.lines[i + 1]?.text ?? '')
}

const URL_RE = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"']*/gi

/** Web addresses in the text and the link annotations, each with https:// in front, trailing punctuation dropped. */
export function findUrls(pdf: PdfText): string[] {
  const found = [...pdf.text.matchAll(URL_RE)].map((m) => m[0]).concat(pdf.links)
  const clean = found.map((u) => u.replace(/[.,;:)\]]+$/, '')).map((u) => (/^https?:\/\//i.test(u) ? u : `https://${u}`))
  return [...new Set(clean)]
}

/** The first address whose host and path match `re` (tested without the scheme and "www."). */
export function urlMatching(pdf: PdfText, re: RegExp): { url: string; match: RegExpExecArray } | null {
  for (const url of findUrls(pdf)) {
    const match = re.exec(url.replace(/^https?:\/\/(www\.)?/i, ''))
    if (match) return { url, match }
  }
  return null
}

/** "Certificate ID: AB-12", "Credential ID AB12", "Certification number: …", "Certificate No. …". */
export function labelledId(text: string): string | null {
  const m = /\b(?:certificate|certification|credential|license|licence)\s*(?:id|no\.?|number|#|code)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,63})\b/i.exec(text)
  return m?.[1] ?? null
}

/** The line after the first line that matches `anchor` (and is not just the anchor's continuation). */
export function lineAfter(pdf: PdfText, anchor: RegExp): PdfLine | null {
  const i = pdf.lines.findIndex((l) => anchor.test(l.text))
  return i >= 0 ? (pdf.lines[i + 1] ?? null) : null
}

/** The line before the first line that matches `anchor`. */
export function lineBefore(pdf: PdfText, anchor: RegExp): PdfLine | null {
  const i = pdf.lines.findIndex((l) => anchor.test(l.text))
  return i > 0 ? pdf.lines[i - 1]! : null
}

const COMPLETED = /^(?:has\s+)?(?:successfully\s+)?(?:completed|earned|achieved|passed)\b/i
const CERTIFY = /\b(?:certify|certifies|certified)\s+that\b|\b(?:awarded|presented|issued)\s+to\b/i

/** Whether a line can be a person's name: a few words, letters only, no sentence. */
export function looksLikeName(text: string): boolean {
  const words = text.split(' ')
  return words.length >= 2 && words.length <= 6 && /^[\p{L}][\p{L}\p{M}'’.\- ]*$/u.test(text) && !/\b(?:certificate|completion|course|program|of|the|and|for)\b/i.test(text)
}

/** The learner: the name on the line before "has (successfully) completed", or after "this is to certify that / awarded to". */
export function findLearner(pdf: PdfText): string | null {
  const before = lineBefore(pdf, COMPLETED)
  if (before && looksLikeName(before.text)) return before.text
  const certify = pdf.lines.find((l) => CERTIFY.test(l.text))
  if (certify) {
    const rest = certify.text.replace(/^.*?(?:certify|certifies|certified)\s+that|^.*?(?:awarded|presented|issued)\s+to/i, '').trim()
    if (looksLikeName(rest)) return rest
    const next = pdf.lines[pdf.lines.indexOf(certify) + 1]
    if (next && looksLikeName(next.text)) return next.text
  }
  return null
}

const NOT_A_TITLE = /^(?:certificate(?:\s+of\s+(?:completion|achievement|accomplishment|participation))?|congratulations.*|this is to certify.*)$/i

/** The largest text on the first page that is not the learner, a date, an address or "Certificate of Completion". */
export function largestText(pdf: PdfText, except: Array<string | null>): string | null {
  const skip = new Set(except.filter((e): e is string => e !== null).map((e) => e.toLowerCase()))
  const candidates = pdf.lines.filter(
    (l) => l.page === 1 && l.text.length >= 3 && !skip.has(l.text.toLowerCase()) && !NOT_A_TITLE.test(l.text) && findDate(l.text) === null && !/\.[a-z]{2,}\//i.test(l.text),
  )
  let best: PdfLine | null = null
  for (const l of candidates) if (!best || l.size > best.size) best = l
  return best?.text ?? null
}
