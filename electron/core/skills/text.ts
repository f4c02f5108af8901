/**
 * Tokenizer shared by the matcher and the posting extractor. Text is folded (NFKC, diacritics
 * removed, lower case) character by character so every token keeps exact offsets into the
 * original string, which the renderer highlights.
 *
 * Between two tokens the tokenizer records how strong the separation is (`gaps[i]` is the gap
 * before token i):
 *   0 spaces only                       "machine learning"
 *   1 a joiner inside a term            "Node.js", "CI/CD", "front-end", "T-SQL", "CI / CD"
 *   2 a clause or list separator        ",", ";", ":", "(", ")", " - ", bullets
 *   3 a line or sentence break          "\n", ". " (but not "e.g. ")
 * A multi-word term may span gaps of 0 and 1 only; list context may span up to 2; context
 * cues are looked for up to a gap of 3.
 */

export const GAP_NONE = 0
export const GAP_JOIN = 1
export const GAP_CLAUSE = 2
export const GAP_BREAK = 3

export interface Tokens {
  /** Folded token text: "node", "js", "c++", ".net", "and" (also for "&"). */
  readonly keys: string[]
  readonly starts: number[]
  readonly ends: number[]
  /** Separation before token i (see above); the first token has GAP_BREAK. */
  readonly gaps: number[]
  readonly length: number
}

const foldCache = new Map<number, string>()

/** Folds one non-ASCII code point: NFKC, then strip combining marks, then lower case. */
function foldCodePoint(cp: number): string {
  let out = foldCache.get(cp)
  if (out === undefined) {
    const ch = String.fromCodePoint(cp)
    out = ch.normalize('NFKC').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    // Typographic punctuation that means the same as its ASCII form here.
    out = out.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u2010\u2011]/g, '-').replace(/[\u2028\u2029\u0085]/g, '\n')
    foldCache.set(cp, out)
  }
  return out
}

interface Folded {
  text: string
  /** Start offset in the original of the code point each folded char came from. */
  srcStart: Int32Array | null
  srcEnd: Int32Array | null
}

// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/

/** Folds a whole string, remembering where each folded character came from. */
export function foldText(text: string): Folded {
  if (ASCII_ONLY.test(text)) return { text: text.toLowerCase(), srcStart: null, srcEnd: null }
  let out = ''
  const starts: number[] = []
  const ends: number[] = []
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!
    const width = cp > 0xffff ? 2 : 1
    const piece = cp < 0x80 ? String.fromCharCode(cp >= 65 && cp <= 90 ? cp + 32 : cp) : foldCodePoint(cp)
    for (let k = 0; k < piece.length; k++) {
      starts.push(i)
      ends.push(i + width)
    }
    out += piece
    i += width
  }
  return { text: out, srcStart: Int32Array.from(starts), srcEnd: Int32Array.from(ends) }
}

/** Folds a single name to the key the matcher compares: "Ｐýthon " -> "python". */
export function foldKey(name: string): string {
  return tokenize(name).keys.join(' ')
}

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
const WORD_RE = /[\p{L}\p{N}]/u
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0)
  if (c < 0x80) return isWordCode(c)
  return WORD_RE.test(ch)
}

/** Abbreviations whose trailing period does not end a sentence ("e.g. Python, R"). */
const NON_SENTENCE_DOT = new Set(['e', 'g', 'i', 'eg', 'ie', 'etc', 'vs', 'incl', 'approx', 'ca', 'min', 'max', 'no', 'nr', 'dept', 'esp', 'resp', 'sr', 'jr', 'mr', 'ms', 'dr'])

/**
 * Splits text into tokens. Words are runs of letters and digits; "+" and "#" stay on very
 * short words ("C++", "C#", "10+"); a "." that starts a word after a space stays on it
 * (".NET"); "&" becomes the token "and" ("R&D" = r and d).
 */
export function tokenize(original: string): Tokens {
  const folded = foldText(original)
  const t = folded.text
  const n = t.length
  const keys: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  const gaps: number[] = []
  const srcS = folded.srcStart
  const srcE = folded.srcEnd
  const from = (k: number) => (srcS ? srcS[k]! : k)
  const to = (k: number) => (srcE ? srcE[k - 1]! : k) // end offset of folded range ending before k

  let gap = GAP_BREAK
  let i = 0
  while (i < n) {
    const ch = t[i]!
    if (isWordChar(ch) || (ch === '.' && i + 1 < n && isWordChar(t[i + 1]!) && (i === 0 || !isWordChar(t[i - 1]!)) && startsDotWord(t, i))) {
      const begin = i
      i++
      while (i < n && isWordChar(t[i]!)) i++
      let key = t.slice(begin, i)
      // C++, C#, F#, 10+: keep the symbols on a short word or a number.
      if (i < n && (t[i] === '+' || t[i] === '#') && (key.length <= 2 || /^\d+$/.test(key))) {
        while (i < n && (t[i] === '+' || t[i] === '#')) i++
        key = t.slice(begin, i)
      }
      keys.push(key)
      starts.push(from(begin))
      ends.push(to(i))
      gaps.push(gap)
      gap = GAP_NONE
      continue
    }
    // A separator character.
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') gap = GAP_BREAK
    else if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v') {
      /* spaces only */
    } else if (ch === '.' || ch === '!' || ch === '?') {
      const prevWord = i > 0 && isWordChar(t[i - 1]!)
      const nextWord = i + 1 < n && isWordChar(t[i + 1]!)
      if (ch === '.' && prevWord && nextWord) gap = Math.max(gap, GAP_JOIN) // node.js, asp.net
      else if (ch === '.' && keys.length && NON_SENTENCE_DOT.has(keys[keys.length - 1]!)) gap = Math.max(gap, GAP_CLAUSE)
      else gap = GAP_BREAK
    } else if (ch === '&') {
      keys.push('and')
      starts.push(from(i))
      ends.push(to(i + 1))
      gaps.push(gap)
      gap = GAP_NONE
    } else if (ch === '-' || ch === '/' || ch === '_' || ch === "'" || ch === '+' || ch === '\u2010' || ch === '\u2011') {
      // "front-end", "CI/CD", "CI / CD" join; " - " and "– " separate clauses.
      const spaceBefore = i > 0 && (t[i - 1] === ' ' || t[i - 1] === '\t')
      const spaceAfter = i + 1 < n && (t[i + 1] === ' ' || t[i + 1] === '\t')
      gap = Math.max(gap, ch === '-' && spaceBefore && spaceAfter ? GAP_CLAUSE : GAP_JOIN)
    } else gap = Math.max(gap, GAP_CLAUSE)
    i++
  }
  return { keys, starts, ends, gaps, length: keys.length }
}

/** ".NET", ".net": a dot that begins a word of letters (not ".5" or a second sentence dot). */
function startsDotWord(t: string, i: number): boolean {
  const c = t.charCodeAt(i + 1)
  return c >= 97 && c <= 122
}

/** Third-person verbs that look like plurals ("the team works", "she leads"): never singularised. */
const VERB_FORMS = new Set(
  'works needs uses helps makes runs leads gets goes takes gives brings means looks seems comes keeps wants knows says lets puts thinks drives loves offers does has was is its this thus plus bus gas yes'.split(' '),
)

/** Singular forms to try for a plural-looking word: "databases" -> database; "libraries" -> library. */
export function singulars(key: string): string[] {
  if (key.length < 4 || key.charCodeAt(key.length - 1) !== 115 /* s */ || VERB_FORMS.has(key)) return []
  if (key.endsWith('ss') || key.endsWith('us') || key.endsWith('is')) return []
  if (key.endsWith('ies')) return [`${key.slice(0, -3)}y`]
  if (key.endsWith('es')) return [key.slice(0, -1), key.slice(0, -2)]
  return [key.slice(0, -1)]
}
