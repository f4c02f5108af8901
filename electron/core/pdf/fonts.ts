/**
 * The fonts every PDF embeds: DejaVu Sans and DejaVu Serif (Bitstream Vera licence, see
 * resources/fonts/LICENSE.txt), which cover Latin including extended, Greek and Cyrillic;
 * DejaVu Sans (regular and bold) also has Hebrew and Arabic. Characters a style's face lacks are
 * drawn with the next face of its chain (see `NEAREST`): the other bundled faces, then the
 * fallback faces the caller found on the computer (core/fonts), so a Chinese name prints with
 * Noto Sans CJK where it is installed. What no face has is reported (coverage.ts).
 *
 * The shells load the files once with `loadPdfFonts(resourcesDir)` and hand the Buffers to
 * the renderers; nothing reads a path at render time. Parsing a TTF is the slowest part of a
 * first render, so each Buffer is parsed by fontkit once and the parsed font is reused by every
 * later document (pdfkit subsets per document, so documents never share output state).
 *
 * Ligatures are switched off: fontkit applies `liga` and `clig` by default, which turns "fi"
 * in "certified" into one glyph (U+FB01) that many parsers cannot map back. Every text call
 * passes `features: NO_LIGATURES` (or `NO_LIGATURES_RTL`, the same drawn right to left), and
 * the font view below shapes with it by default too, so no code path can produce a ligature.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { create, type FontkitCollection, type FontkitFont, type FontkitGlyphRun } from 'fontkit'
import { splitRuns, type FaceRun } from './coverage'
import { position, shapedRun, SimpleShaper, type ShapedRun } from './fast-shaping'
import { fontTables } from './font-tables'
import { subsetEncoder, type FontkitSubset } from './subset'

export const FONT_KEYS = ['sans', 'sansBold', 'sansItalic', 'sansBoldItalic', 'serif', 'serifBold', 'serifItalic'] as const
export type FontKey = (typeof FONT_KEYS)[number]

/** A font found on the computer for characters the bundled faces lack (core/fonts finds them). */
export interface FallbackFont {
  /** The file it was read from: caching and messages. */
  source: string
  /** The whole file (TrueType or CFF-based OpenType, or a collection of them). */
  bytes: Uint8Array
  /** The face inside a collection (.ttc, .otc); null for a file of one face. */
  postscriptName: string | null
  /** A bold face: bold styles try it before the regular ones (and regular styles after). */
  bold: boolean
}

/** The TTF bytes of each face, and the fallbacks if any; what the core receives. */
export type PdfFonts = Readonly<Record<FontKey, Uint8Array>> & {
  /** Faces for what the bundled ones lack, in order of preference (see `withFallbacks`). */
  readonly fallbacks?: readonly FallbackFont[]
}

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

const withFallbacksCache = new WeakMap<PdfFonts, Map<string, PdfFonts>>()

/**
 * `fonts` with `fallbacks` added (replacing any it had). The same fonts and fallback files give
 * the same object, so parsed faces and shaped runs are reused from one render to the next.
 */
export function withFallbacks(fonts: PdfFonts, fallbacks: readonly FallbackFont[]): PdfFonts {
  const key = fallbacks.map((f) => `${f.source}#${f.postscriptName ?? ''}`).join('\n')
  let byKey = withFallbacksCache.get(fonts)
  if (!byKey) withFallbacksCache.set(fonts, (byKey = new Map()))
  let out = byKey.get(key)
  if (!out) {
    const bundled = Object.fromEntries(FONT_KEYS.map((k) => [k, fonts[k]])) as Record<FontKey, Uint8Array>
    out = Object.freeze({ ...bundled, fallbacks: Object.freeze([...fallbacks]) })
    byKey.set(key, out)
  }
  return out
}

/** Glyph metrics the layout needs, in units of the font size. */
export interface FaceMetrics {
  ascent: number
  descent: number
}

export interface PreparedFace {
  /** The name it is registered under in every document (unique per parsed face). */
  id: string
  /** The font's PostScript name ("DejaVuSans", "NotoSansCJKjp-Regular"). */
  postscriptName: string
  /** A view of the parsed font for pdfkit's `registerFont` (see `prepareFace`). */
  font: FontkitFont
  metrics: FaceMetrics
  /** Whether the font has a glyph for the code point (a set lookup). */
  covers(codePoint: number): boolean
  /** Advance width of `text` in 1000ths of the font size, ligatures off (cached when fontkit shaped it). */
  width(text: string): number
  /** The same, when the face's fast path shapes `text` (fast-shaping.ts), else null; not cached, and about as fast as a cache. */
  fastWidth(text: string): number | null
}

/** The faces a style's characters are looked up in, in order; the first is the style's own. */
export interface FaceChain {
  readonly faces: readonly PreparedFace[]
  /** Width of `text` in 1000ths of the font size, each character in the face that draws it (cached unless the fast path measured it). */
  width(text: string): number
  /**
   * `text` cut into runs of one face each, what no face has replaced by "\uFFFD" (cached when cut);
   * null when the style's own face has every character, the common case.
   */
  runs(text: string): readonly FaceRun[] | null
}

export type PreparedFonts = Readonly<Record<FontKey, PreparedFace>> & {
  /** The fallback faces, in order of preference (empty without fallbacks). */
  readonly fallbacks: readonly PreparedFace[]
  /** Every face: the bundled ones (FONT_KEYS order), then the fallbacks. */
  readonly all: readonly PreparedFace[]
  readonly chains: Readonly<Record<FontKey, FaceChain>>
}

/**
 * The OpenType features every text call passes (pdfkit's `features` option): ligatures off.
 * Not frozen, because it is handed to fontkit as is.
 */
export const NO_LIGATURES: Record<string, boolean> = { liga: false, clig: false, dlig: false, hlig: false }
/**
 * The same features, for text drawn right to left: passing this object makes the font view
 * lay the run out with its glyphs in right-to-left order (see layout/bidi.ts), whatever script
 * fontkit would detect (Arabic-Indic digits are Arabic script but read left to right).
 */
export const NO_LIGATURES_RTL: Record<string, boolean> = { ...NO_LIGATURES }

/** Parsed faces by file, then by PostScript name in a collection ('' for a one-face file). */
const parsed = new WeakMap<Uint8Array, Map<string, PreparedFace>>()
const prepared = new WeakMap<PdfFonts, PreparedFonts>()
let faceCount = 0

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
 *   all memory a render allocated. Runs fontkit shaped are cached by text, across documents.
 * - In the bundled DejaVu faces, text made of Latin, Greek and Cyrillic letters, digits and
 *   punctuation is shaped and measured without fontkit's engine, from the cmap, the advance
 *   widths and the GPOS pair kerning (fast-shaping.ts), with fontkit's numbers: a document never
 *   seen before costs about what one written before costs, and none of it is kept (shaping it
 *   again is about as fast as a lookup, while keeping every word of every document made each
 *   young garbage collection slower). Other text goes to fontkit.
 * - The embedded TrueType subset is put together from glyph data read once per face (subset.ts),
 *   byte for byte what fontkit's encoder writes; an encoded subset is also reused when a render
 *   uses the same glyphs in the same order.
 * - Everything else is inherited from the parsed font.
 */
function prepareFace(bytes: Uint8Array, postscriptName: string | null, bundled: boolean): PreparedFace {
  let byName = parsed.get(bytes)
  if (!byName) parsed.set(bytes, (byName = new Map()))
  let face = byName.get(postscriptName ?? '')
  if (face) return face
  const base = openFace(bytes, postscriptName)
  const k = 1000 / base.unitsPerEm
  const baseAny = base as unknown as {
    capHeight: number
    xHeight: number
    bbox: { minX: number; minY: number; maxX: number; maxY: number }
    createSubset(this: FontkitFont): FontkitSubset
  }

  // The bundled DejaVu faces shape simple text without fontkit's engine (fast-shaping.ts).
  const tables = bundled && base.postscriptName.startsWith('DejaVu') ? fontTables(base, bytes) : null
  const shaper = tables ? new SimpleShaper(base, tables, k) : null
  const shape = (text: string, features: Record<string, boolean> | string[], direction?: 'ltr' | 'rtl'): ShapedRun => {
    const run = base.layout(text, features, undefined, undefined, direction) as FontkitGlyphRun & { positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> }
    const glyphs = run.glyphs.map((g) => ({ id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth * k }))
    const positions = run.positions.map((p, i) => position(p.xAdvance * k, p.yAdvance * k, p.xOffset * k, p.yOffset * k, glyphs[i]!.advanceWidth))
    return shapedRun(glyphs, positions)
  }
  const runs = new Map<string, ShapedRun>()
  const rtlRuns = new Map<string, ShapedRun>()
  const layout = (text: string, features?: Record<string, boolean> | string[]): ShapedRun => {
    const rtl = features === NO_LIGATURES_RTL
    if (features && features !== NO_LIGATURES && !rtl) return shape(text, features)
    const cache = rtl ? rtlRuns : runs
    // The fast path shapes about as fast as a lookup; caching its runs kept every word of every
    // document alive (the heap grew by ~60 MB over a few hundred resumes, and each young
    // collection copied the new entries): only fontkit's runs are worth keeping.
    const fast = rtl ? null : shaper?.run(text)
    if (fast) return fast
    let run = cache.get(text)
    if (!run) {
      run = shape(text, NO_LIGATURES, rtl ? 'rtl' : 'ltr')
      if (cache.size >= MAX_CACHED_RUNS) cache.clear()
      cache.set(text, run)
    }
    return run
  }

  const subsets = new Map<string, Uint8Array>()
  // Set up on the first document that embeds this face (subset.ts).
  let fastEncode: ReturnType<typeof subsetEncoder> | undefined
  const createSubset = (): FontkitSubset => {
    const subset = baseAny.createSubset.call(base)
    const encode = subset.encode.bind(subset)
    subset.encode = () => {
      const key = subset.glyphs.join(',')
      let out = subsets.get(key)
      if (!out) {
        if (fastEncode === undefined) fastEncode = subsetEncoder(base, bytes)
        out = fastEncode ? fastEncode(subset) : encode()
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
  // Words are measured far more often than drawn: the fast path measures without building a run.
  const fastWidth = (text: string): number | null => (shaper ? shaper.width(text) : null)
  const widths = new Map<string, number>()
  const width = (text: string): number => {
    const fast = fastWidth(text)
    if (fast !== null) return fast
    let w = widths.get(text)
    if (w === undefined) {
      w = layout(text).advanceWidth
      if (widths.size >= MAX_CACHED_RUNS) widths.clear()
      widths.set(text, w)
    }
    return w
  }
  // Asked per character met, not from the whole character map (reading all of it is slow on a first render).
  const covered = new Map<number, boolean>()
  const covers = (cp: number) => {
    let has = covered.get(cp)
    if (has === undefined) covered.set(cp, (has = base.hasGlyphForCodePoint(cp)))
    return has
  }
  face = {
    id: `face${++faceCount}`,
    postscriptName: base.postscriptName,
    font,
    covers,
    width,
    fastWidth,
    metrics: { ascent: base.ascent / base.unitsPerEm, descent: -base.descent / base.unitsPerEm },
  }
  byName.set(postscriptName ?? '', face)
  return face
}

/** One face of a font file; a collection's face by PostScript name (else its first). */
function openFace(bytes: Uint8Array, postscriptName: string | null): FontkitFont {
  const opened = create(bytes)
  if (!isCollection(opened)) return opened
  const face = postscriptName ? opened.getFont(postscriptName) : opened.fonts[0]
  if (!face) throw new Error(`The font collection has no face named ${postscriptName ?? '(none)'}.`)
  return face
}

export function isCollection(f: FontkitFont | FontkitCollection): f is FontkitCollection {
  return 'fonts' in f && Array.isArray(f.fonts)
}

/**
 * The bundled faces tried after a style's own, nearest first: the same weight in Sans (the
 * face with most scripts), then the regular. DejaVu Serif has no Hebrew or Arabic, so a serif
 * resume prints those words in DejaVu Sans. Every chain then has every other bundled face.
 */
const NEAREST: Readonly<Record<FontKey, readonly FontKey[]>> = {
  sans: [],
  sansBold: ['sans'],
  sansItalic: ['sans'],
  sansBoldItalic: ['sansBold', 'sansItalic', 'sans'],
  serif: ['sans'],
  serifBold: ['sansBold', 'serif', 'sans'],
  serifItalic: ['sansItalic', 'serif', 'sans'],
}
const BOLD_KEYS: ReadonlySet<FontKey> = new Set(['sansBold', 'sansBoldItalic', 'serifBold'])

const MAX_CACHED_SPLITS = 20_000

function faceChain(faces: readonly PreparedFace[]): FaceChain {
  const first = faces[0]!
  const splits = new Map<string, readonly FaceRun[] | null>()
  const widths = new Map<string, number>()
  const runs = (text: string): readonly FaceRun[] | null => {
    let r = splits.get(text)
    if (r === undefined) {
      r = splitRuns(faces, text)
      // Text all in the first face is found so by one quick scan: not worth keeping.
      if (r === null) return r
      if (splits.size >= MAX_CACHED_SPLITS) splits.clear()
      splits.set(text, r)
    }
    return r
  }
  const chainWidth = (text: string): number => {
    const r = runs(text)
    return r === null ? first.width(text) : r.reduce((sum, run) => sum + run.face.width(run.text), 0)
  }
  const width = (text: string): number => {
    // Text the style's own face shapes on its fast path has every character in that face, and is
    // measured without a cache (see layout in prepareFace).
    const fast = first.fastWidth(text)
    if (fast !== null) return fast
    let w = widths.get(text)
    if (w === undefined) {
      w = chainWidth(text)
      if (widths.size >= MAX_CACHED_SPLITS) widths.clear()
      widths.set(text, w)
    }
    return w
  }
  return { faces, runs, width }
}

/** Parses (once) and returns the faces ready for pdfkit, with each style's chain of faces. */
export function prepareFonts(fonts: PdfFonts): PreparedFonts {
  let p = prepared.get(fonts)
  if (!p) {
    const bundled = Object.fromEntries(FONT_KEYS.map((key) => [key, prepareFace(fonts[key], null, true)])) as Record<FontKey, PreparedFace>
    const fallbackFonts = fonts.fallbacks ?? []
    const fallbacks = fallbackFonts.map((f) => prepareFace(f.bytes, f.postscriptName, false))
    const boldFirst = [...fallbacks.filter((_, i) => fallbackFonts[i]!.bold), ...fallbacks.filter((_, i) => !fallbackFonts[i]!.bold)]
    const regularFirst = [...fallbacks.filter((_, i) => !fallbackFonts[i]!.bold), ...fallbacks.filter((_, i) => fallbackFonts[i]!.bold)]
    const chains = Object.fromEntries(
      FONT_KEYS.map((key) => {
        const order = [key, ...NEAREST[key], ...FONT_KEYS.filter((k) => k !== key && !NEAREST[key].includes(k))]
        return [key, faceChain([...order.map((k) => bundled[k]), ...(BOLD_KEYS.has(key) ? boldFirst : regularFirst)])]
      }),
    ) as Record<FontKey, FaceChain>
    p = Object.freeze({ ...bundled, fallbacks, all: [...FONT_KEYS.map((k) => bundled[k]), ...fallbacks], chains })
    prepared.set(fonts, p)
  }
  return p
}
