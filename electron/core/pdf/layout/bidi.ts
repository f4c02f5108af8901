/**
 * A small part of the Unicode Bidirectional Algorithm (UAX #9), enough to print right-to-left
 * words and phrases (a name in Hebrew or Arabic, a school's name) inside a left-to-right resume:
 *
 * - the paragraph direction is always left to right (level 0): resumes are laid out left to
 *   right, whatever their content;
 * - explicit embeddings and isolates (U+202A–202E, U+2066–2069) are ignored, like other
 *   invisible format characters; LRM, RLM and ALM count as the strong letters they stand for;
 * - the rules are applied to one printed line at a time (W1–W7, N0 for (), [] and {}, N1–N2,
 *   I1–I2, L1, L2), and brackets drawn right to left are mirrored (L4).
 *
 * Character classes come from the Unicode blocks and general categories rather than the full
 * bidi table, which is exact for Hebrew, Arabic, Syriac, Thaana, NKo and digits, and close for
 * the rest. Arabic letters are joined by fontkit's Arabic shaper; this module only decides the
 * order in which runs are drawn.
 */

/** Bidi classes used here (UAX #9 table 4); explicit formatting classes are folded into BN. */
export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'BN' | 'B' | 'S' | 'WS' | 'ON'

/** Any character of a right-to-left script (or RLM/ALM): a line without one needs no reordering. */
const RTL_CHAR = /[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text)
}

const MARK = /\p{Mn}|\p{Me}/u
const LETTERISH = /\p{L}|\p{Mc}|\p{Nd}|\p{Nl}|\p{No}|\p{Co}/u
const NEUTRAL = /\p{P}|\p{S}/u

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true
  return false
}

const EN_RANGES = [[0x30, 0x39], [0xb2, 0xb3], [0xb9, 0xb9], [0x6f0, 0x6f9], [0x2070, 0x2070], [0x2074, 0x2079], [0x2080, 0x2089], [0x2488, 0x249b], [0xff10, 0xff19], [0x1d7ce, 0x1d7ff]] as const
const AN_RANGES = [[0x600, 0x605], [0x660, 0x669], [0x66b, 0x66c], [0x6dd, 0x6dd], [0x8e2, 0x8e2], [0x10e60, 0x10e7e]] as const
const ES_RANGES = [[0x2b, 0x2b], [0x2d, 0x2d], [0x207a, 0x207b], [0x208a, 0x208b], [0x2212, 0x2212], [0xfb29, 0xfb29], [0xfe62, 0xfe63], [0xff0b, 0xff0b], [0xff0d, 0xff0d]] as const
const ET_RANGES = [[0x23, 0x25], [0xa2, 0xa5], [0xb0, 0xb1], [0x58f, 0x58f], [0x609, 0x60a], [0x66a, 0x66a], [0x9f2, 0x9f3], [0x2030, 0x2034], [0x20a0, 0x20cf], [0x212e, 0x212e], [0x2213, 0x2213], [0xfe5f, 0xfe5f], [0xfe69, 0xfe6a], [0xff03, 0xff05], [0xffe0, 0xffe1], [0xffe5, 0xffe6]] as const
const CS_RANGES = [[0x2c, 0x2c], [0x2e, 0x2f], [0x3a, 0x3a], [0xa0, 0xa0], [0x60c, 0x60c], [0x202f, 0x202f], [0x2044, 0x2044], [0xfe50, 0xfe50], [0xfe52, 0xfe52], [0xfe55, 0xfe55], [0xff0c, 0xff0c], [0xff0e, 0xff0f], [0xff1a, 0xff1a]] as const
const WS_RANGES = [[0x20, 0x20], [0x0c, 0x0c], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2028], [0x205f, 0x205f], [0x3000, 0x3000]] as const
const BN_RANGES = [[0x00, 0x08], [0x0e, 0x1b], [0x7f, 0x84], [0x86, 0x9f], [0xad, 0xad], [0x180e, 0x180e], [0x200b, 0x200d], [0x202a, 0x202e], [0x2060, 0x2069], [0xfeff, 0xfeff]] as const
/** Hebrew, NKo, Samaritan, Mandaic and the supplementary right-to-left blocks. */
const R_RANGES = [[0x590, 0x5ff], [0x7c0, 0x85f], [0xfb1d, 0xfb4f], [0x10800, 0x10fff], [0x1e800, 0x1edff], [0x1ef00, 0x1efff]] as const
/** Arabic, Syriac, Thaana and their supplements and presentation forms. */
const AL_RANGES = [[0x600, 0x7bf], [0x860, 0x8ff], [0xfb50, 0xfdff], [0xfe70, 0xfefe], [0x1ee00, 0x1eeff]] as const

export function bidiClass(cp: number): BidiClass {
  if (cp < 0x80) {
    // The common case first, without regular expressions.
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return 'L'
    if (cp >= 0x30 && cp <= 0x39) return 'EN'
    if (cp === 0x20 || cp === 0x0c) return 'WS'
    if (cp === 0x09 || cp === 0x0b || cp === 0x1f) return 'S'
    if (cp === 0x0a || cp === 0x0d || (cp >= 0x1c && cp <= 0x1e)) return 'B'
  }
  if (cp === 0x200e) return 'L'
  if (cp === 0x200f) return 'R'
  if (cp === 0x61c) return 'AL'
  if (cp === 0x85 || cp === 0x2029) return 'B'
  if (inRanges(cp, BN_RANGES)) return 'BN'
  if (inRanges(cp, EN_RANGES)) return 'EN'
  if (inRanges(cp, AN_RANGES)) return 'AN'
  if (inRanges(cp, ES_RANGES)) return 'ES'
  if (inRanges(cp, ET_RANGES)) return 'ET'
  if (inRanges(cp, CS_RANGES)) return 'CS'
  if (inRanges(cp, WS_RANGES)) return 'WS'
  const ch = String.fromCodePoint(cp)
  if (MARK.test(ch)) return 'NSM'
  if (inRanges(cp, AL_RANGES)) return LETTERISH.test(ch) || !NEUTRAL.test(ch) ? 'AL' : 'ON'
  if (inRanges(cp, R_RANGES)) return LETTERISH.test(ch) || !NEUTRAL.test(ch) ? 'R' : 'ON'
  if (NEUTRAL.test(ch)) return 'ON'
  return 'L'
}

const isNeutral = (c: BidiClass) => c === 'B' || c === 'S' || c === 'WS' || c === 'ON'

/**
 * The embedding level of each UTF-16 code unit of `text` (one printed line) in a left-to-right
 * paragraph: 0 for left-to-right, 1 for right-to-left, 2 for numbers inside right-to-left text.
 * The second unit of a surrogate pair gets the level of the first.
 */
export function bidiLevels(text: string): Uint8Array {
  const n = text.length
  const types: BidiClass[] = new Array<BidiClass>(n)
  /** Second units of surrogate pairs: they follow the first. */
  const low: number[] = []
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i)!
    types[i] = bidiClass(cp)
    if (cp > 0xffff) {
      types[++i] = 'BN'
      low.push(i)
    }
  }
  const original = types.slice()

  // X9 (simplified): invisible format characters take the class of what precedes them.
  // W1: a non-spacing mark takes the class of its base (sos, L, at the start).
  let prev: BidiClass = 'L'
  for (let i = 0; i < n; i++) {
    if (types[i] === 'BN' || types[i] === 'NSM') types[i] = prev
    else prev = types[i]!
  }
  // W2: European digits after Arabic letters are Arabic numbers. W3: AL is R.
  let strong: BidiClass = 'L'
  for (let i = 0; i < n; i++) {
    const t = types[i]!
    if (t === 'L' || t === 'R' || t === 'AL') strong = t
    else if (t === 'EN' && strong === 'AL') types[i] = 'AN'
  }
  for (let i = 0; i < n; i++) if (types[i] === 'AL') types[i] = 'R'
  // W4: one separator between two numbers of the same kind joins them.
  for (let i = 1; i < n - 1; i++) {
    const t = types[i]
    const before = types[i - 1]
    const after = types[i + 1]
    if (t === 'ES' && before === 'EN' && after === 'EN') types[i] = 'EN'
    else if (t === 'CS' && before === after && (before === 'EN' || before === 'AN')) types[i] = before
  }
  // W5: terminators (%, $, °) next to European digits belong to the number.
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'ET') continue
    let j = i
    while (j < n && types[j] === 'ET') j++
    if ((i > 0 && types[i - 1] === 'EN') || (j < n && types[j] === 'EN')) for (let k = i; k < j; k++) types[k] = 'EN'
    i = j - 1
  }
  // W6: remaining separators and terminators are neutral.
  for (let i = 0; i < n; i++) if (types[i] === 'ES' || types[i] === 'ET' || types[i] === 'CS') types[i] = 'ON'
  // W7: European digits in left-to-right context are left-to-right.
  strong = 'L'
  for (let i = 0; i < n; i++) {
    const t = types[i]!
    if (t === 'L' || t === 'R') strong = t
    else if (t === 'EN' && strong === 'L') types[i] = 'L'
  }
  resolveBrackets(text, types)
  // N1, N2: a run of neutrals between two runs of the same direction takes it (numbers count as
  // right-to-left here); otherwise the paragraph's (left to right).
  const dir = (t: BidiClass): 'L' | 'R' => (t === 'L' ? 'L' : 'R')
  for (let i = 0; i < n; i++) {
    if (!isNeutral(types[i]!)) continue
    let j = i
    while (j < n && isNeutral(types[j]!)) j++
    const before = i > 0 ? dir(types[i - 1]!) : 'L'
    const after = j < n ? dir(types[j]!) : 'L'
    const resolved = before === after ? before : 'L'
    for (let k = i; k < j; k++) types[k] = resolved
    i = j - 1
  }
  // I1: levels in a left-to-right paragraph.
  const levels = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const t = types[i]
    levels[i] = t === 'R' ? 1 : t === 'AN' || t === 'EN' ? 2 : 0
  }
  // L1: separators, and white space before them or at the end of the line, go back to level 0.
  let trailing = true
  for (let i = n - 1; i >= 0; i--) {
    const o = original[i]!
    if (o === 'S' || o === 'B') {
      levels[i] = 0
      trailing = true
    } else if (trailing && (o === 'WS' || o === 'BN')) levels[i] = 0
    else trailing = false
  }
  for (const i of low) levels[i] = levels[i - 1]!
  return levels
}

const OPENING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' }
const CLOSING = new Set(Object.values(OPENING))

/**
 * N0 in a left-to-right paragraph: a bracket pair with left-to-right text inside is left to
 * right; one with only right-to-left text (or numbers) inside follows the text before it, so
 * "דוד (כהן)" keeps its brackets round the right word. Other brackets stay neutral.
 */
function resolveBrackets(text: string, types: BidiClass[]): void {
  const stack: Array<{ ch: string; at: number }> = []
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < text.length; i++) {
    if (types[i] !== 'ON') continue
    const ch = text[i]!
    if (OPENING[ch]) {
      if (stack.length >= 63) break
      stack.push({ ch, at: i })
    } else if (CLOSING.has(ch)) {
      const k = stack.findLastIndex((o) => OPENING[o.ch] === ch)
      if (k < 0) continue
      pairs.push([stack[k]!.at, i])
      stack.length = k
    }
  }
  pairs.sort((a, b) => a[0] - b[0])
  for (const [open, close] of pairs) {
    let inside: 'L' | 'R' | null = null
    for (let i = open + 1; i < close; i++) {
      const t = types[i]
      if (t === 'L') {
        inside = 'L'
        break
      }
      if (t === 'R' || t === 'EN' || t === 'AN') inside = 'R'
    }
    if (inside === null) continue
    let resolved: 'L' | 'R' = 'L'
    if (inside === 'R') {
      let before: 'L' | 'R' = 'L'
      for (let i = open - 1; i >= 0; i--) {
        const t = types[i]
        if (t === 'L') break
        if (t === 'R' || t === 'EN' || t === 'AN') {
          before = 'R'
          break
        }
      }
      resolved = before
    }
    types[open] = resolved
    types[close] = resolved
  }
}

/**
 * L2: the visual order of items with the given levels (left to right on the page): from the
 * highest level down to the lowest odd one, every run of items at that level or higher is
 * reversed. Returns indices into `levels`.
 */
export function visualOrder(levels: ArrayLike<number>): number[] {
  const order = Array.from({ length: levels.length }, (_, i) => i)
  let max = 0
  let minOdd = Infinity
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i]!
    if (l > max) max = l
    if (l % 2 === 1 && l < minOdd) minOdd = l
  }
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i++
        continue
      }
      let j = i
      while (j < order.length && levels[order[j]!]! >= level) j++
      const run = order.slice(i, j).reverse()
      for (let k = 0; k < run.length; k++) order[i + k] = run[k]!
      i = j
    }
  }
  return order
}

/** Characters drawn as their mirror image in right-to-left text (Bidi_Mirroring_Glyph, the common pairs). */
const MIRRORS: Readonly<Record<string, string>> = {
  '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
  '«': '»', '»': '«', '‹': '›', '›': '‹', '⁅': '⁆', '⁆': '⁅', '〈': '〉', '〉': '〈',
  '（': '）', '）': '（', '［': '］', '］': '［', '｛': '｝', '｝': '｛', '＜': '＞', '＞': '＜',
}
const MIRRORABLE = /[()[\]{}<>«»‹›⁅⁆〈〉（）［］｛｝＜＞]/g

/** `text` with brackets swapped for their mirror images (rule L4), for drawing right to left. */
export function mirrored(text: string): string {
  return text.replace(MIRRORABLE, (c) => MIRRORS[c] ?? c)
}
