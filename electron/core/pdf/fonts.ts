/**
 * The fonts every PDF embeds: DejaVu Sans and DejaVu Serif (Bitstream Vera licence, see
 * resources/fonts/LICENSE.txt), which cover Latin including extended, Greek and Cyrillic.
 *
 * The shells load the files once with `loadPdfFonts(resourcesDir)` and hand the Buffers to
 * the renderers; nothing reads a path at render time. Parsing a TTF is the slowest part of a
 * first render, so each Buffer is parsed by fontkit once and the parsed font is reused by every
 * later document (pdfkit subsets per document, so documents never share output state).
 *
 * Ligatures are switched off: fontkit applies `liga` and `clig` by default, which turns "fi"
 * in "certified" into one glyph (U+FB01) that many parsers cannot map back. Every text call
 * passes `features: NO_LIGATURES`, and the font view below shapes with it by default too, so
 * no code path can produce a ligature.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { create, type FontkitFont, type FontkitGlyphRun } from 'fontkit'

export const FONT_KEYS = ['sans', 'sansBold', 'sansItalic', 'sansBoldItalic', 'serif', 'serifBold', 'serifItalic'] as const
export type FontKey = (typeof FONT_KEYS)[number]

/** The TTF bytes of each face; what the core receives. */
export type PdfFonts = Readonly<Record<FontKey, Uint8Array>>

export const FONT_FILES: Readonly<Record<FontKey, string>> = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansItalic: 'DejaVuSans-Oblique.ttf',
  sansBoldItalic: 'DejaVuSans-BoldOblique.ttf',
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
}

export const fontsDir = (resourcesDir: string) => join(resourcesDir, 'fonts')

const loaded = new Map<string, PdfFonts>()

/** Reads the seven TTFs from `<resourcesDir>/fonts` once per folder. */
export function loadPdfFonts(resourcesDir: string): PdfFonts {
  const dir = fontsDir(resourcesDir)
  let fonts = loaded.get(dir)
  if (!fonts) {
    const entries = FONT_KEYS.map((key) => [key, new Uint8Array(readFileSync(join(dir, FONT_FILES[key])))] as const)
    fonts = Object.freeze(Object.fromEntries(entries) as Record<FontKey, Uint8Array>)
    loaded.set(dir, fonts)
  }
  return fonts
}

/** Glyph metrics the layout needs, in units of the font size. */
export interface FaceMetrics {
  ascent: number
  descent: number
}

export interface PreparedFace {
  /** A view of the parsed font for pdfkit's `registerFont` (see `prepareFace`). */
  font: FontkitFont
  metrics: FaceMetrics
  /** Advance width of `text` in 1000ths of the font size, ligatures off (cached). */
  width(text: string): number
}
export type PreparedFonts = Readonly<Record<FontKey, PreparedFace>>

/**
 * The OpenType features every text call passes (pdfkit's `features` option): ligatures off.
 * Not frozen, because it is handed to fontkit as is.
 */
export const NO_LIGATURES: Record<string, boolean> = { liga: false, clig: false, dlig: false, hlig: false }

const parsed = new WeakMap<Uint8Array, PreparedFace>()
const prepared = new WeakMap<PdfFonts, PreparedFonts>()

/** What pdfkit reads of a shaped run (fontkit's GlyphRun has the same members). */
interface ShapedRun {
  glyphs: Array<{ id: number; codePoints: number[]; advanceWidth: number }>
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>
  readonly advanceWidth: number
}

interface FontkitSubset {
  glyphs: number[]
  encode(): Uint8Array
}

/**
 * A glyph position whose fields are not enumerable: pdfkit scales every enumerable field of a
 * position in place (`for (key in position) position[key] *= scale`), which with a scale of 1
 * changes nothing but, as a keyed store of a double, allocates a number box per field and glyph
 * on every call.
 */
function position(xAdvance: number, yAdvance: number, xOffset: number, yOffset: number, advanceWidth: number): ShapedRun['positions'][number] {
  const field = (value: number) => ({ value, writable: true, enumerable: false, configurable: false })
  return Object.defineProperties({} as ShapedRun['positions'][number], {
    xAdvance: field(xAdvance),
    yAdvance: field(yAdvance),
    xOffset: field(xOffset),
    yOffset: field(yOffset),
    advanceWidth: field(advanceWidth),
  })
}

const MAX_CACHED_RUNS = 50_000
const MAX_CACHED_SUBSETS = 32

/**
 * A view of a parsed font for pdfkit, built for speed across many renders:
 *
 * - It reports 1000 units per em, with every metric pdfkit reads (ascent, descent, line gap,
 *   cap and x height, bounding box) converted to that scale, and shapes text into runs already
 *   in 1000-unit space. pdfkit's scale factor (1000 / unitsPerEm) is then exactly 1, so the
 *   scaling it applies to each run in place leaves it unchanged, and one shaped run can be
 *   handed out again and again: shaping a string (glyph substitution and positioning) costs far
 *   more than drawing it, a resume repeats its text from one render to the next (a live preview
 *   re-renders on every change), and re-creating position objects for every call was half of
 *   all memory a render allocated. Runs are cached by text, across documents.
 * - The embedded TrueType subset is taken from the real font (its tables keep their own units),
 *   and an encoded subset is reused when a render uses the same glyphs in the same order.
 * - Everything else is inherited from the parsed font.
 */
function prepareFace(bytes: Uint8Array): PreparedFace {
  let face = parsed.get(bytes)
  if (face) return face
  const base = create(bytes)
  const k = 1000 / base.unitsPerEm
  const baseAny = base as unknown as {
    capHeight: number
    xHeight: number
    bbox: { minX: number; minY: number; maxX: number; maxY: number }
    createSubset(this: FontkitFont): FontkitSubset
  }

  const shape = (text: string, features: Record<string, boolean> | string[]): ShapedRun => {
    const run = base.layout(text, features) as FontkitGlyphRun & { positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> }
    const glyphs = run.glyphs.map((g) => ({ id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth * k }))
    const positions = run.positions.map((p, i) => position(p.xAdvance * k, p.yAdvance * k, p.xOffset * k, p.yOffset * k, glyphs[i]!.advanceWidth))
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
  const runs = new Map<string, ShapedRun>()
  const layout = (text: string, features?: Record<string, boolean> | string[]): ShapedRun => {
    if (features && features !== NO_LIGATURES) return shape(text, features)
    let run = runs.get(text)
    if (!run) {
      run = shape(text, NO_LIGATURES)
      if (runs.size >= MAX_CACHED_RUNS) runs.clear()
      runs.set(text, run)
    }
    return run
  }

  const subsets = new Map<string, Uint8Array>()
  const createSubset = (): FontkitSubset => {
    const subset = baseAny.createSubset.call(base)
    const encode = subset.encode.bind(subset)
    subset.encode = () => {
      const key = subset.glyphs.join(',')
      let out = subsets.get(key)
      if (!out) {
        out = encode()
        if (subsets.size >= MAX_CACHED_SUBSETS) subsets.clear()
        subsets.set(key, out)
      }
      return out
    }
    return subset
  }

  const font = Object.create(base) as FontkitFont
  const own = (name: string, value: unknown) => Object.defineProperty(font, name, { value })
  own('layout', layout)
  own('createSubset', createSubset)
  own('unitsPerEm', 1000)
  own('ascent', base.ascent * k)
  own('descent', base.descent * k)
  own('lineGap', base.lineGap * k)
  own('capHeight', baseAny.capHeight * k)
  own('xHeight', baseAny.xHeight * k)
  own('bbox', { minX: baseAny.bbox.minX * k, minY: baseAny.bbox.minY * k, maxX: baseAny.bbox.maxX * k, maxY: baseAny.bbox.maxY * k })
  const widths = new Map<string, number>()
  const width = (text: string): number => {
    let w = widths.get(text)
    if (w === undefined) {
      w = layout(text).advanceWidth
      if (widths.size >= MAX_CACHED_RUNS) widths.clear()
      widths.set(text, w)
    }
    return w
  }
  face = { font, width, metrics: { ascent: base.ascent / base.unitsPerEm, descent: -base.descent / base.unitsPerEm } }
  parsed.set(bytes, face)
  return face
}

/** Parses (once) and returns the faces ready for pdfkit. */
export function prepareFonts(fonts: PdfFonts): PreparedFonts {
  let p = prepared.get(fonts)
  if (!p) {
    p = Object.freeze(Object.fromEntries(FONT_KEYS.map((key) => [key, prepareFace(fonts[key])])) as Record<FontKey, PreparedFace>)
    prepared.set(fonts, p)
  }
  return p
}
