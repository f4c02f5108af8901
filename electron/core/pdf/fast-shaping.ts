/**
 * Shaping without the shaping engine, for the text resumes are mostly made of.
 *
 * fontkit's layout (GSUB substitutions, then GPOS positioning) costs tens of microseconds per
 * word, and a resume the typesetter has not seen has hundreds of such words; the first layout in
 * each face also parses its substitution and positioning tables. In the bundled DejaVu faces,
 * with ligatures off, a text made only of "simple" characters (Latin, Greek and Cyrillic letters
 * without combining marks, digits, punctuation, spaces: `simpleScript`) shapes to one glyph per
 * character, the one the cmap gives, advanced by its width plus the kerning of the pair it
 * starts; that kerning is the sum, over the lookups of the GPOS 'kern' feature of the text's
 * script (fontkit takes the script from the text's first letter), of the first pair adjustment
 * that applies. `PairKerning` reads exactly that from the table, the way fontkit's GPOS
 * processor does. Glyphs the positioning features could attach as marks are left to fontkit.
 * Checked against fontkit for every ordered pair of these characters in every bundled face, in
 * Latin, Greek and Cyrillic text and text without letters; tests/core/pdf/fast-shaping.test.ts
 * repeats it on samples. So a run is put together from cached glyphs and pair values, with the
 * numbers fontkit gives, and the PDF comes out the same.
 */
import type { FontkitFont } from 'fontkit'
import type { FontTables } from './font-tables'

export interface ShapedGlyph {
  id: number
  codePoints: number[]
  advanceWidth: number
}

export interface GlyphPosition {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}

/** What pdfkit reads of a shaped run (fontkit's GlyphRun has the same members), in 1000ths of the font size. */
export interface ShapedRun {
  glyphs: ShapedGlyph[]
  positions: GlyphPosition[]
  readonly advanceWidth: number
}

/**
 * A glyph position whose fields are not enumerable: pdfkit scales every enumerable field of a
 * position in place (`for (key in position) position[key] *= scale`), which with a scale of 1
 * changes nothing but, as a keyed store of a double, allocates a number box per field and glyph
 * on every call.
 */
export function position(xAdvance: number, yAdvance: number, xOffset: number, yOffset: number, advanceWidth: number): GlyphPosition {
  const field = (value: number) => ({ value, writable: true, enumerable: false, configurable: false })
  return Object.defineProperties({} as GlyphPosition, {
    xAdvance: field(xAdvance),
    yAdvance: field(yAdvance),
    xOffset: field(xOffset),
    yOffset: field(yOffset),
    advanceWidth: field(advanceWidth),
  })
}

/** A run over `glyphs` and `positions`; its width is the sum of the advances, in order (as fontkit's). */
export function shapedRun(glyphs: ShapedGlyph[], positions: GlyphPosition[]): ShapedRun {
  return {
    glyphs,
    positions,
    get advanceWidth() {
      let w = 0
      for (const p of positions) w += p.xAdvance
      return w
    },
  }
}

/** The scripts fontkit can detect in simple text; NONE for text without letters. */
const NONE = 0
const LATIN = 1
const GREEK = 2
const CYRILLIC = 3

/**
 * Characters the fast path shapes: Basic Latin and Latin-1 to Latin Extended-B, Greek, Cyrillic,
 * Latin Extended Additional, general punctuation and currency signs; never a combining mark, a
 * Coptic letter or a default-ignorable character (fontkit hides those: U+00AD, U+200B–U+200F,
 * U+202A–U+202E, U+2060 on).
 */
const SIMPLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x20a0, 0x20bf],
]
const MARK = /\p{M}/u

/** The script of a simple character (NONE for digits, punctuation, symbols), or -1 when the fast path does not take it. */
function simpleScript(cp: number): number {
  if (cp === 0xad || !SIMPLE_RANGES.some(([from, to]) => cp >= from && cp <= to)) return -1
  const ch = String.fromCodePoint(cp)
  if (MARK.test(ch)) return -1
  if (/\p{Script=Latin}/u.test(ch)) return LATIN
  if (/\p{Script=Greek}/u.test(ch)) return GREEK
  if (/\p{Script=Cyrillic}/u.test(ch)) return CYRILLIC
  return /\p{Script=Common}/u.test(ch) ? NONE : -1
}

/** One character of a face: its glyph, and its positions by the glyph that follows, per script. */
class SimpleGlyph {
  readonly glyph: ShapedGlyph
  /** Its position at the end of a text. */
  readonly last: GlyphPosition
  private readonly byKern = new Map<number, GlyphPosition>()
  /** Per script: its position by the id of the glyph after it. */
  private readonly before: Array<Map<number, GlyphPosition> | undefined> = []

  constructor(
    readonly id: number,
    codePoint: number,
    /** Advance width in font units. */
    readonly units: number,
    readonly script: number,
    private readonly scale: number,
  ) {
    this.glyph = { id, codePoints: [codePoint], advanceWidth: units * scale }
    this.last = position(units * scale, 0, 0, 0, this.glyph.advanceWidth)
    this.byKern.set(0, this.last)
  }

  /** Its position when `next` follows, in a text of `script` (shared: positions are never changed). */
  positionBefore(next: SimpleGlyph, script: number, kerning: PairKerning): GlyphPosition {
    const map = (this.before[script] ??= new Map())
    let p = map.get(next.id)
    if (!p) {
      const kern = kerning.between(this.id, next.id)
      p = this.byKern.get(kern)
      if (!p) this.byKern.set(kern, (p = position((this.units + kern) * this.scale, 0, 0, 0, this.glyph.advanceWidth)))
      if (map.size < MAX_PAIRS) map.set(next.id, p)
    }
    return p
  }
}

/** fontkit's script tags for NONE (its "unknown": text without letters), LATIN, GREEK, CYRILLIC. */
const SCRIPT_TAGS = ['zzzz', 'latn', 'grek', 'cyrl'] as const
/** Where fontkit looks when the font has no entry for the script. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn']

/** GPOS value format bits. */
const X_ADVANCE = 0x4

/** The number of bytes of a value record of `format` (two per bit set). */
function valueSize(format: number): number {
  let n = 0
  for (let f = format; f; f >>= 1) n += f & 1
  return 2 * n
}

/** One PairPos subtable, read from the table bytes on demand. */
interface PairSubtable {
  coverage: number
  format: 1 | 2
  /** The offset of the subtable (pair set offsets are relative to it). */
  at: number
  /** Bytes in a pair value record (format 1) or a class2 record (format 2). */
  recordSize: number
  classDef1: number
  classDef2: number
  class2Count: number
  /** Offset of the class records (format 2). */
  records: number
}

/**
 * The GPOS pair kerning of one script of a face, read from the table's bytes the way fontkit's
 * GPOS processor applies it to two adjacent glyphs (the script's default language, the 'kern'
 * feature's lookups in lookup order, in each the first subtable that covers the pair), and the
 * glyphs the script's other positioning features may move (marks, cursive attachments), which
 * the fast path leaves to fontkit. `read` gives null when the script's positioning is anything
 * else (kerning that is not a plain adjustment of the first glyph's advance, lookup flags,
 * other kinds of positioning, feature variations): then every text of the script goes to fontkit.
 */
class PairKerning {
  private constructor(
    private readonly view: DataView,
    private readonly lookups: ReadonlyArray<readonly PairSubtable[]>,
    /** Glyphs the script's other positioning features may move. */
    readonly moved: ReadonlySet<number>,
  ) {}

  static read(gpos: Uint8Array | null, tag: string): PairKerning | null {
    const none = new PairKerning(new DataView(new ArrayBuffer(0)), [], new Set())
    if (!gpos || gpos.length < 10) return none
    const v = new DataView(gpos.buffer, gpos.byteOffset, gpos.byteLength)
    const u16 = (at: number) => v.getUint16(at)
    // Feature variations (GPOS 1.1) could swap the kern feature's lookups.
    if (u16(2) !== 0 && gpos.length >= 14 && v.getUint32(10) !== 0) return null
    const scriptList = u16(4)
    const featureList = u16(6)
    const lookupList = u16(8)
    const tags = (count: number, at: number) => Array.from({ length: count }, (_, i) => String.fromCharCode(...gpos.subarray(at + 6 * i, at + 6 * i + 4)))
    const scriptTags = tags(u16(scriptList), scriptList + 2)
    const found = [tag, ...DEFAULT_SCRIPTS].map((t) => scriptTags.indexOf(t)).find((i) => i >= 0)
    if (found === undefined) return none
    const script = scriptList + u16(scriptList + 2 + 6 * found + 4)
    if (u16(script) === 0) return none
    const langSys = script + u16(script)
    const kern = new Set<number>()
    const other = new Set<number>()
    const featureTags = tags(u16(featureList), featureList + 2)
    for (let i = 0; i < u16(langSys + 4); i++) {
      const index = u16(langSys + 6 + 2 * i)
      const feature = featureList + u16(featureList + 2 + 6 * index + 4)
      for (let l = 0; l < u16(feature + 2); l++) (featureTags[index] === 'kern' ? kern : other).add(u16(feature + 4 + 2 * l))
    }
    /** The subtables of a lookup with their type (extensions opened), or null when the lookup has flags. */
    const subtables = (index: number): Array<{ type: number; at: number }> | null => {
      const lookup = lookupList + u16(lookupList + 2 + 2 * index)
      if (u16(lookup + 2) !== 0) return null
      const type = u16(lookup)
      return Array.from({ length: u16(lookup + 4) }, (_, k) => {
        const at = lookup + u16(lookup + 6 + 2 * k)
        return type === 9 ? { type: u16(at + 2), at: at + v.getUint32(at + 4) } : { type, at }
      })
    }
    const moved = new Set<number>()
    for (const l of other) {
      // Marks to bases, ligatures and marks, and cursive attachment: their coverage is the first thing after the format.
      for (const t of subtables(l) ?? []) {
        if (t.type < 3 || t.type > 6) return null
        coveredGlyphs(v, t.at + u16(t.at + 2), moved)
      }
    }
    const lookups: PairSubtable[][] = []
    for (const l of [...kern].sort((a, b) => a - b)) {
      const list = subtables(l)
      if (!list) return null
      const pairs: PairSubtable[] = []
      for (const { type, at } of list) {
        const format = u16(at)
        const format1 = u16(at + 4)
        if (type !== 2 || (format !== 1 && format !== 2) || (format1 & ~X_ADVANCE) !== 0 || u16(at + 6) !== 0) return null
        pairs.push({
          coverage: at + u16(at + 2),
          format,
          at,
          recordSize: format === 1 ? 2 + valueSize(format1) : valueSize(format1),
          classDef1: format === 2 ? at + u16(at + 8) : 0,
          classDef2: format === 2 ? at + u16(at + 10) : 0,
          class2Count: format === 2 ? u16(at + 14) : 0,
          records: at + 16,
        })
      }
      lookups.push(pairs)
    }
    return new PairKerning(v, lookups, moved)
  }

  /** The kerning after `first` when `second` follows, in font units. */
  between(first: number, second: number): number {
    const v = this.view
    let kern = 0
    for (const lookup of this.lookups)
      for (const t of lookup) {
        const index = coverageIndex(v, t.coverage, first)
        if (index < 0) continue
        if (t.format === 1) {
          const set = t.at + v.getUint16(t.at + 10 + 2 * index)
          let found = -1
          for (let i = 0, n = v.getUint16(set); i < n; i++)
            if (v.getUint16(set + 2 + t.recordSize * i) === second) {
              found = set + 2 + t.recordSize * i + 2
              break
            }
          if (found < 0) continue
          if (t.recordSize > 2) kern += v.getInt16(found)
        } else {
          const at = t.records + (classOf(v, t.classDef1, first) * t.class2Count + classOf(v, t.classDef2, second)) * t.recordSize
          if (t.recordSize) kern += v.getInt16(at)
        }
        break
      }
    return kern
  }
}

/** A glyph's index in a coverage table, as fontkit finds it (-1 when not covered). */
function coverageIndex(v: DataView, at: number, glyph: number): number {
  const format = v.getUint16(at)
  const count = v.getUint16(at + 2)
  if (format === 1) {
    for (let i = 0; i < count; i++) if (v.getUint16(at + 4 + 2 * i) === glyph) return i
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const r = at + 4 + 6 * i
      if (v.getUint16(r) <= glyph && glyph <= v.getUint16(r + 2)) return v.getUint16(r + 4) + glyph - v.getUint16(r)
    }
  }
  return -1
}

/** A glyph's class in a class definition table, as fontkit finds it (0 when not listed). */
function classOf(v: DataView, at: number, glyph: number): number {
  const format = v.getUint16(at)
  if (format === 1) {
    const i = glyph - v.getUint16(at + 2)
    if (i >= 0 && i < v.getUint16(at + 4)) return v.getUint16(at + 6 + 2 * i)
  } else if (format === 2) {
    for (let i = 0, n = v.getUint16(at + 2); i < n; i++) {
      const r = at + 4 + 6 * i
      if (v.getUint16(r) <= glyph && glyph <= v.getUint16(r + 2)) return v.getUint16(r + 4)
    }
  }
  return 0
}

/** Every glyph of a coverage table. */
function coveredGlyphs(v: DataView, at: number, into: Set<number>): void {
  const format = v.getUint16(at)
  const count = v.getUint16(at + 2)
  if (format === 1) for (let i = 0; i < count; i++) into.add(v.getUint16(at + 4 + 2 * i))
  else if (format === 2)
    for (let i = 0; i < count; i++) {
      const r = at + 4 + 6 * i
      for (let g = v.getUint16(r); g <= v.getUint16(r + 2); g++) into.add(g)
    }
}

/** Pairs remembered per glyph and script: far more than any set of documents meets. */
const MAX_PAIRS = 4096
/** Characters the fast path may take are all below this code point (SIMPLE_RANGES). */
const SIMPLE_LIMIT = 0x20c0

export class SimpleShaper {
  /** By code unit: the character, null when the fast path does not take it, undefined before it is looked up. */
  private readonly chars: Array<SimpleGlyph | null | undefined> = new Array(SIMPLE_LIMIT)
  /** Per script, read on first use: its GPOS kerning, or null when the script is left to fontkit. */
  private readonly kerning: Array<PairKerning | null | undefined> = []
  /** The glyphs of the text being shaped (reused: shaping never nests). */
  private readonly scratch: SimpleGlyph[] = []

  constructor(
    private readonly font: FontkitFont,
    /** The face's tables, read from its file (font-tables.ts). */
    private readonly tables: FontTables,
    /** 1000 / unitsPerEm: shaped runs are in 1000ths of the font size. */
    private readonly scale: number,
  ) {}

  private char(code: number): SimpleGlyph | null {
    if (code >= SIMPLE_LIMIT) return null
    let c = this.chars[code]
    if (c === undefined) {
      c = null
      const script = simpleScript(code)
      if (script >= 0 && this.font.hasGlyphForCodePoint(code)) {
        // fontkit keeps this glyph object with its character, as its own shaping would.
        const id = (this.font as FontkitFont & { glyphForCodePoint(cp: number): { id: number } }).glyphForCodePoint(code).id
        c = new SimpleGlyph(id, code, this.tables.advance(id), script, this.scale)
      }
      this.chars[code] = c
    }
    return c
  }

  private kerningOf(script: number): PairKerning | null {
    let k = this.kerning[script]
    if (k === undefined) {
      try {
        k = PairKerning.read(this.tables.table('GPOS'), SCRIPT_TAGS[script]!)
      } catch {
        // A damaged table (an offset out of range): leave the script to fontkit.
        k = null
      }
      this.kerning[script] = k
    }
    return k
  }

  /**
   * Puts the simple glyphs of `text` in `scratch` and returns the text's script, or -1 when a
   * character is not simple or the script's positioning is left to fontkit.
   */
  private glyphsOf(text: string): number {
    const n = text.length
    if (n === 0) return -1
    const glyphs = this.scratch
    glyphs.length = n
    let script = NONE
    for (let i = 0; i < n; i++) {
      const g = this.char(text.charCodeAt(i))
      if (!g) return -1
      if (script === NONE) script = g.script
      glyphs[i] = g
    }
    const kerning = this.kerningOf(script)
    if (!kerning) return -1
    for (let i = 0; i < n; i++) if (kerning.moved.has(glyphs[i]!.id)) return -1
    return script
  }

  /** `text` shaped as fontkit would, or null when it is not simple (then fontkit shapes it). */
  run(text: string): ShapedRun | null {
    const script = this.glyphsOf(text)
    if (script < 0) return null
    const kerning = this.kerning[script]!
    const from = this.scratch
    const n = from.length
    const glyphs = new Array<ShapedGlyph>(n)
    const positions = new Array<GlyphPosition>(n)
    for (let i = 0; i < n; i++) {
      const g = from[i]!
      glyphs[i] = g.glyph
      positions[i] = i + 1 < n ? g.positionBefore(from[i + 1]!, script, kerning) : g.last
    }
    return shapedRun(glyphs, positions)
  }

  /** The advance width of `text` in 1000ths of the font size (the same sum as `run(text).advanceWidth`), or null as for `run`. */
  width(text: string): number | null {
    const script = this.glyphsOf(text)
    if (script < 0) return null
    const kerning = this.kerning[script]!
    const from = this.scratch
    const n = from.length
    let w = 0
    for (let i = 0; i + 1 < n; i++) w += from[i]!.positionBefore(from[i + 1]!, script, kerning).xAdvance
    return w + from[n - 1]!.last.xAdvance
  }
}
