/**
 * Baked SVG badges. A namespace-aware streaming parse (saxes) finds the first
 * `<openbadges:assertion>` (OB 2.0, http://openbadges.org) or `<openbadges:credential>`
 * (OB 3.0, https://purl.imsglobal.org/ob/v3p0) element and stops as soon as it closes; its
 * `verify` attribute and its text/CDATA are the payload.
 *
 * Safety: saxes never expands entities other than the five predefined ones and never fetches
 * anything; on top of that, checkDoctype refuses dangerous entity declarations outright
 * (external SYSTEM/PUBLIC entities, parameter entities, entities built from other entities as
 * in "billion laughs") and ignores plain ones. A DOCTYPE that only names an external DTD (as the
 * 1EdTech samples write) is ignored, never loaded.
 *
 * Real files are not always well-formed (the specification's own example is not): when the
 * strict parse fails before the badge element has been read, a tolerant scanner extracts the
 * first badge element instead, with a warning.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { LIMITS } from '../../shared/limits'
import { ImportError } from './types'
import { MAX_PAYLOAD_CHARS, formatBytes } from './util'

export type SvgBadgeKind = 'assertion' | 'credential'

export interface BakedSvg {
  kind: SvgBadgeKind
  /** The `verify` attribute: a hosted assertion URL (OB 2.0) or a compact JWS (OB 3.0). */
  verify: string | null
  /** Text and CDATA inside the element, trimmed ('' when the element is empty). */
  content: string
  /** True when the tolerant fallback had to be used. */
  tolerant: boolean
  warnings: string[]
}

export const MAX_SVG_ELEMENTS = LIMITS.svgElements
export const MAX_SVG_DEPTH = LIMITS.svgDepth

const OB2_NAMESPACES = new Set(['http://openbadges.org', 'https://openbadges.org'])
const OB3_NAMESPACES = new Set(['https://purl.imsglobal.org/ob/v3p0', 'http://purl.imsglobal.org/ob/v3p0'])

class Stop extends Error {}

const tooBig = () => new ImportError('too_complex', `The badge data in this SVG is larger than ${formatBytes(MAX_PAYLOAD_CHARS)}, which is past Skillfolio's safety limit.`)

const unsafe = (what: string) => new ImportError('unknown_format', `This SVG contains a DOCTYPE with ${what}, which Skillfolio does not read for safety.`)

/** End of a DOCTYPE internal subset that starts at `open` ('['): the first ']' outside quotes. */
function subsetEnd(text: string, open: number): number {
  let quote = 0
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === 0x22 || c === 0x27) quote = c
    else if (c === 0x5d /* ] */) return i
  }
  return text.length
}

/**
 * Checks the DOCTYPE before any parsing. Entities are never expanded (saxes knows only the five
 * predefined ones, the tolerant reader likewise), so this refuses the dangerous declarations
 * outright and merely notes harmless ones:
 * - refused: external entities (SYSTEM/PUBLIC: a file or web address), parameter entities, and
 *   entities whose value refers to other entities (the "billion laughs" pattern);
 * - ignored with a warning: plain text entities, as Adobe Illustrator writes for its namespaces.
 * A DOCTYPE that only names an external DTD is ignored (never loaded). Linear in the text.
 */
export function checkDoctype(text: string): string[] {
  const start = text.search(/<!DOCTYPE/i)
  if (start < 0) return []
  let quote = 0
  for (let i = start + 9; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === 0x22 || c === 0x27) quote = c
    else if (c === 0x3e /* > */) return []
    else if (c === 0x5b /* [ */) {
      const subset = text.slice(i + 1, subsetEnd(text, i))
      let declared = 0
      for (let at = subset.indexOf('<!ENTITY'); at >= 0; at = subset.indexOf('<!ENTITY', at + 8)) {
        const close = subset.indexOf('>', at)
        const declaration = subset.slice(at + 8, close < 0 ? subset.length : close)
        if (/^\s*%/.test(declaration)) throw unsafe('parameter entities')
        if (/\b(?:SYSTEM|PUBLIC)\b/.test(declaration)) throw unsafe('an external entity (a reference to another file or web address)')
        if (declaration.includes('&') || declaration.includes('%')) throw unsafe('entity definitions that expand into other entities')
        if (++declared > 100) throw unsafe('more than 100 entity definitions')
      }
      return declared > 0 ? [`This SVG declares ${declared} entit${declared === 1 ? 'y' : 'ies'} in its DOCTYPE; Skillfolio ignored ${declared === 1 ? 'it' : 'them'} (it never expands entities).`] : []
    }
  }
  return []
}

function badgeKindOf(tag: SaxesTagNS, warnings: string[]): SvgBadgeKind | null {
  const local = tag.local
  if (local !== 'assertion' && local !== 'credential') return null
  const uri = tag.uri.replace(/\/+$/, '')
  const ob2 = OB2_NAMESPACES.has(uri)
  const ob3 = OB3_NAMESPACES.has(uri)
  if (!ob2 && !ob3) return null
  if ((local === 'assertion' && ob3) || (local === 'credential' && ob2)) warnings.push(`The SVG's <${tag.name}> element uses the other Open Badges version's namespace; it was read anyway.`)
  return local
}

interface StrictResult {
  badge: BakedSvg | null
  root: string | null
  error: Error | null
}

function strictParse(text: string): StrictResult {
  const parser = new SaxesParser({ xmlns: true, position: false })
  const warnings: string[] = []
  let root: string | null = null
  let depth = 0
  let elements = 0
  let inBadge = false
  let badgeDepth = 0
  let kind: SvgBadgeKind = 'assertion'
  let verify: string | null = null
  let content = ''
  let badge: BakedSvg | null = null
  const append = (t: string) => {
    if (!inBadge) return
    content += t
    if (content.length > MAX_PAYLOAD_CHARS) throw tooBig()
  }
  parser.on('error', (e) => {
    throw e
  })
  parser.on('opentag', (tag) => {
    depth++
    if (++elements > MAX_SVG_ELEMENTS) throw new ImportError('too_complex', `This SVG has more than ${MAX_SVG_ELEMENTS.toLocaleString('en-US')} elements before its badge, which is past Skillfolio's safety limit.`)
    if (depth > MAX_SVG_DEPTH) throw new ImportError('too_complex', `This SVG nests its elements more than ${MAX_SVG_DEPTH} levels deep, which is past Skillfolio's safety limit.`)
    root ??= tag.local
    if (inBadge) return
    const found = badgeKindOf(tag, warnings)
    if (found === null) return
    inBadge = true
    badgeDepth = depth
    kind = found
    const v = tag.attributes['verify'] ?? Object.values(tag.attributes).find((a) => a.local === 'verify')
    verify = v ? v.value.trim() || null : null
  })
  parser.on('text', append)
  parser.on('cdata', append)
  parser.on('closetag', () => {
    if (inBadge && depth === badgeDepth) {
      badge = { kind, verify, content: content.trim(), tolerant: false, warnings }
      throw new Stop()
    }
    depth--
  })
  try {
    parser.write(text).close()
  } catch (e) {
    if (e instanceof Stop) return { badge, root, error: null }
    if (e instanceof ImportError) throw e
    return { badge: null, root, error: e instanceof Error ? e : new Error(String(e)) }
  }
  return { badge: null, root, error: null }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Decodes only the predefined entities and character references; anything else stays as is. */
function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
    }
    return PREDEFINED[ref] ?? all
  })
}

/** Removes comments and tags from text outside CDATA, by scanning (no backtracking regex). */
function stripMarkup(s: string): string {
  if (!s.includes('<')) return s
  let out = ''
  let i = 0
  while (i < s.length) {
    const lt = s.indexOf('<', i)
    if (lt < 0) {
      out += s.slice(i)
      break
    }
    out += s.slice(i, lt)
    const isComment = s.startsWith('<!--', lt)
    const end = isComment ? s.indexOf('-->', lt + 4) : s.indexOf('>', lt + 1)
    if (end < 0) break
    i = end + (isComment ? 3 : 1)
  }
  return out
}

/** Text of an element's content: CDATA sections verbatim, the rest without tags and comments. */
function contentText(inner: string): string {
  let out = ''
  let i = 0
  while (i < inner.length) {
    const cdata = inner.indexOf('<![CDATA[', i)
    const plainEnd = cdata < 0 ? inner.length : cdata
    out += decodeXmlText(stripMarkup(inner.slice(i, plainEnd)))
    if (cdata < 0) break
    const end = inner.indexOf(']]>', cdata + 9)
    out += inner.slice(cdata + 9, end < 0 ? inner.length : end)
    i = end < 0 ? inner.length : end + 3
    if (out.length > MAX_PAYLOAD_CHARS) throw tooBig()
  }
  if (out.length > MAX_PAYLOAD_CHARS) throw tooBig()
  return out
}

/** The tolerant reader: first `<prefix:assertion>` / `<prefix:credential>` start tag by text. */
function tolerantParse(text: string): BakedSvg | null {
  const open = /<([A-Za-z_][\w.-]{0,40}):(assertion|credential)(?=[\s/>])/i.exec(text)
  if (!open) return null
  const prefix = open[1]!
  const kind = open[2]!.toLowerCase() as SvgBadgeKind
  // End of the start tag, skipping quoted attribute values.
  let quote = 0
  let tagEnd = -1
  for (let i = open.index + open[0].length; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === 0x22 || c === 0x27) quote = c
    else if (c === 0x3e) {
      tagEnd = i
      break
    }
  }
  const warnings = ['This SVG is not well-formed XML; its badge was read with a tolerant reader.']
  if (tagEnd < 0) return { kind, verify: null, content: '', tolerant: true, warnings }
  const startTag = text.slice(open.index, tagEnd + 1)
  const v = /\sverify\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(startTag)
  const verify = v ? decodeXmlText(v[1] ?? v[2] ?? '').trim() || null : null
  if (startTag.endsWith('/>')) return { kind, verify, content: '', tolerant: true, warnings }
  const closeName = `</${prefix}:${open[2]!}`
  let close = text.indexOf(closeName, tagEnd)
  if (close < 0) close = text.toLowerCase().indexOf(closeName.toLowerCase(), tagEnd)
  if (close < 0) warnings.push('The badge element in this SVG is never closed; everything after it was read as badge data.')
  const inner = text.slice(tagEnd + 1, close < 0 ? text.length : close)
  return { kind, verify, content: contentText(inner).trim(), tolerant: true, warnings }
}

/**
 * Finds the baked badge in an SVG document's text. Throws ImportError: 'unknown_format' for
 * XML that is not an SVG or declares entities, 'no_credential' for an SVG without a badge,
 * 'too_complex' past the limits, 'corrupt' for a badge element that cannot be read.
 */
export function readSvg(text: string): BakedSvg {
  const doctypeWarnings = checkDoctype(text)
  const strict = strictParse(text)
  if (strict.badge !== null) {
    strict.badge.warnings.unshift(...doctypeWarnings)
    return strict.badge
  }
  const isSvg = strict.root === 'svg' || (strict.root === null && /<svg[\s>]/i.test(text.slice(0, 65536)))
  if (strict.error === null) {
    if (!isSvg) throw new ImportError('unknown_format', `This is an XML document (its main element is <${strict.root ?? '?'}>), not an SVG image or a badge.`)
    throw new ImportError('no_credential', 'This SVG image has no badge baked into it (it has no <openbadges:assertion> or <openbadges:credential> element).')
  }
  const tolerant = tolerantParse(text)
  if (tolerant !== null) {
    tolerant.warnings.unshift(...doctypeWarnings)
    return tolerant
  }
  if (!isSvg && !/<svg[\s>]/i.test(text)) throw new ImportError('unknown_format', 'This file starts like XML or a web page but is not an SVG image or a badge.')
  throw new ImportError('no_credential', 'This SVG image has no badge baked into it (it has no <openbadges:assertion> or <openbadges:credential> element), and it is not well-formed XML either.')
}
