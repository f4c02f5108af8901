/**
 * Styled text: measuring with the document's fonts, greedy line wrapping of styled runs,
 * and drawing one wrapped line with its links.
 *
 * Lines are wrapped here rather than by pdfkit so the layout engine knows every line before
 * anything is drawn: a page break can then fall only between lines, and pdfkit never adds a
 * page on its own (each segment is written at an explicit position: text-writer.ts).
 *
 * Each character is drawn in the first face of its style's chain that has it (fonts.ts,
 * coverage.ts), and measured in that face, so a Chinese name in a DejaVu resume wraps and
 * aligns like any other text. Chinese and Japanese text may break between any two characters
 * (except before closing punctuation and after opening brackets). Right-to-left words are put
 * in visual order line by line (bidi.ts).
 */
import type { FontKey, PreparedFace, PreparedFonts } from '../fonts'
import { NO_LIGATURES, NO_LIGATURES_RTL } from '../fonts'
import { bidiLevels, hasRtl, mirrored, visualOrder } from './bidi'
import type { Doc, Tag } from './tags'
import { writeText } from './text-writer'

export interface TextStyle {
  font: FontKey
  size: number
  color: string
}

export interface Run {
  text: string
  style: TextStyle
  /** A URL (https:, mailto:) the run links to. */
  link?: string | null
  /** Screen-reader description of the link (the annotation's Contents). */
  linkLabel?: string
}

export interface Segment {
  text: string
  style: TextStyle
  /** The face that draws it: the style's own, or the next one in its chain that has the characters. */
  face: PreparedFace
  /** Drawn right to left (a right-to-left run after the bidi step). */
  rtl: boolean
  link: string | null
  linkLabel: string | null
  /** Offset from the line start. */
  x: number
  width: number
}

export interface Line {
  segments: Segment[]
  width: number
  /** The largest font size on the line. */
  size: number
}

/** A word or a space of a run, on its way into a line. */
interface Piece {
  text: string
  run: Run
}

/**
 * Words, runs of blanks (as " ") and line breaks ("\n") of a text; Chinese and Japanese words
 * cut into characters (see `ideographicParts`). Cached: texts repeat across renders.
 */
const partsCache = new Map<string, readonly string[]>()
function partsOf(text: string): readonly string[] {
  let parts = partsCache.get(text)
  if (!parts) {
    parts = splitParts(text)
    if (partsCache.size >= 20_000) partsCache.clear()
    partsCache.set(text, parts)
  }
  return parts
}

/** `partsOf` without the cache: one pass over the text (a new document's texts are all new). */
function splitParts(text: string): string[] {
  const parts: string[] = []
  const word = (from: number, to: number) => {
    const w = text.slice(from, to)
    // Ideographs are all at or above U+2E80; most words have none, and skip the test.
    if (!HIGH.test(w) || !IDEOGRAPHIC.test(w)) parts.push(w)
    else for (const p of ideographicParts(w)) parts.push(p)
  }
  let start = 0
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x09) {
      if (i > start) word(start, i)
      while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++
      parts.push(' ')
      start = i
    } else if (c === 0x0a || c === 0x0d) {
      if (i > start) word(start, i)
      // "\r\n" and a lone "\r" are line breaks too.
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1
      parts.push('\n')
      start = i
    } else i++
  }
  if (i > start) word(start, i)
  return parts
}

/** A character at or above U+2E80, where every ideograph is. */
const HIGH = /[\u2e80-\uffff]/
/** Han, kana, CJK punctuation and full-width forms: written without spaces, broken anywhere. Not Hangul (Korean has spaces). */
const IDEOGRAPHIC = /[\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u
/** Never at the start of a line (kinsoku): closing punctuation, small kana, the prolonged sound mark. */
const NO_LINE_START = new Set([...'、。，．・：；？！ー」』）】〕〉》｝］’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠〜…,.:;?!)]}%'])
/** Never at the end of a line: opening brackets. */
const NO_LINE_END = new Set([...'「『（【〔〈《｛［‘“([{'])

/** A word with ideographs, cut where a line may break: between two ideographs, not inside other words. */
function ideographicParts(word: string): string[] {
  const parts: string[] = []
  let current = ''
  let glue = false
  let afterIdeograph = false
  for (const ch of word) {
    const ideograph = IDEOGRAPHIC.test(ch)
    if (current !== '' && !glue && !NO_LINE_START.has(ch) && (ideograph || afterIdeograph)) {
      parts.push(current)
      current = ''
    }
    current += ch
    glue = NO_LINE_END.has(ch)
    afterIdeograph = ideograph
  }
  if (current) parts.push(current)
  return parts
}

/**
 * Characters after which an over-long word (a URL, an ID) may be broken. Not "-": extractors
 * such as pdftotext join a line ending in a hyphen to the next and drop the hyphen.
 */
const BREAK_AFTER = new Set(['/', '.', '?', '&', '=', '_', '#', '@', ':', ','])

export class Typesetter {
  private face: PreparedFace | null = null
  private size = 0
  /** The fill colour set for text on the current page (drawings reset theirs with save/restore). */
  private color: string | null = null

  constructor(
    readonly doc: Doc,
    private readonly faces: PreparedFonts,
    /** Line height as a multiple of the font size. */
    readonly leading: number,
  ) {
    // pdfkit caches a registered font by name; passing the parsed font itself to doc.font()
    // would build a new embedded font (and subset) on every call. A registered face is only
    // embedded when something is drawn with it.
    for (const face of faces.all) doc.registerFont(face.id, face.font as unknown as PDFKit.Mixins.PDFFontSource)
    // A new page starts with the default graphics state.
    doc.on('pageAdded', () => {
      this.color = null
    })
  }

  /** Sets the face (the style's own unless given) and size for the next drawing. */
  use(style: TextStyle, face: PreparedFace = this.faces[style.font]): void {
    if (face !== this.face) {
      this.doc.font(face.id)
      this.face = face
    }
    if (style.size !== this.size) {
      this.doc.fontSize(style.size)
      this.size = style.size
    }
  }

  /**
   * The advance width of `text` in `style`: the shaped runs' width (cached across documents),
   * each character in the face that draws it, at the style's size. The same number pdfkit
   * computes when it draws.
   */
  width(style: TextStyle, text: string): number {
    if (!text) return 0
    return (this.faces.chains[style.font].width(text) * style.size) / 1000
  }

  lineHeight(size: number, leading = this.leading): number {
    return size * leading
  }

  /** Distance from the top of a line box to the baseline, centring the glyph box in it. */
  baseline(style: TextStyle, lineHeight: number): number {
    const { ascent, descent } = this.faces[style.font].metrics
    return (lineHeight - style.size * (ascent + descent)) / 2 + style.size * ascent
  }

  /** Wraps styled runs into lines no wider than `width` (the first line may be narrower). */
  wrap(runs: readonly Run[], width: number, firstWidth = width): Line[] {
    const lines: Line[] = []
    let current: Piece[] = []
    let used = 0
    let pending: Piece[] = []
    let pendingWidth = 0
    const limit = () => (lines.length === 0 ? firstWidth : width)
    const endLine = () => {
      lines.push(this.toLine(current))
      current = []
      used = 0
      pending = []
      pendingWidth = 0
    }
    for (const run of runs)
      for (const part of partsOf(run.text)) {
        if (part === '\n') {
          endLine()
          continue
        }
        if (part === ' ') {
          if (current.length) {
            pending.push({ text: ' ', run })
            pendingWidth += this.width(run.style, ' ')
          }
          continue
        }
        let w = this.width(run.style, part)
        if (current.length && used + pendingWidth + w <= limit() + 0.01) {
          for (const p of pending) current.push(p)
          current.push({ text: part, run })
          used += pendingWidth + w
          pending = []
          pendingWidth = 0
          continue
        }
        if (current.length) endLine()
        // Alone on a line: break an over-long word into pieces that fit.
        let rest = part
        while (w > limit() + 0.01 && rest.length > 1) {
          const cut = this.cutPoint(run.style, rest, limit())
          current.push({ text: rest.slice(0, cut), run })
          endLine()
          rest = rest.slice(cut)
          w = this.width(run.style, rest)
        }
        current.push({ text: rest, run })
        used = w
      }
    if (current.length || lines.length === 0) lines.push(this.toLine(current))
    return lines
  }

  /** The longest prefix that fits, preferring to end after a URL separator. */
  private cutPoint(style: TextStyle, text: string, width: number): number {
    let lo = 1
    let hi = text.length - 1
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (this.width(style, text.slice(0, mid)) <= width) lo = mid
      else hi = mid - 1
    }
    // Never inside a character (a surrogate pair) or before a combining mark.
    while (lo > 1 && !breakableBefore(text, lo)) lo--
    for (let i = lo; i > lo * 0.5 && i > 1; i--) if (BREAK_AFTER.has(text[i - 1]!) && breakableBefore(text, i)) return i
    // Never end a line with a hyphen (see BREAK_AFTER); move it to the next line.
    return lo > 1 && text[lo - 1] === '-' ? lo - 1 : lo
  }

  private toLine(pieces: Piece[]): Line {
    const styled: Segment[] = []
    let size = 0
    for (const { text, run } of pieces) {
      const last = styled[styled.length - 1]
      const link = run.link ?? null
      if (last && last.style === run.style && last.link === link) last.text += text
      else styled.push({ text, style: run.style, face: this.faces[run.style.font], rtl: false, link, linkLabel: run.linkLabel ?? null, x: 0, width: 0 })
      size = Math.max(size, run.style.size)
    }
    // Characters the style's face lacks go to the face of its chain that has them.
    let segments: Segment[] = []
    let rtl = false
    for (const s of styled) {
      const runs = this.faces.chains[s.style.font].runs(s.text)
      if (runs === null) segments.push(s)
      else for (const r of runs) segments.push({ ...s, text: r.text, face: r.face })
      rtl ||= hasRtl(s.text)
    }
    if (rtl) segments = visualSegments(segments)
    let x = 0
    for (const s of segments) {
      s.x = x
      s.width = (s.face.width(s.text) * s.style.size) / 1000
      x += s.width
    }
    return { segments, width: x, size }
  }

  /**
   * Draws a wrapped line whose box starts at (x, top). Plain text goes into `tag`'s content;
   * each linked segment gets a Link child element and a link annotation over its box.
   */
  drawLine(line: Line, x: number, top: number, lineHeight: number, tag: Tag | null): void {
    const mainStyle = line.segments.find((s) => s.style.size === line.size)?.style
    if (!mainStyle) return
    const base = top + this.baseline(mainStyle, lineHeight)
    let i = 0
    while (i < line.segments.length) {
      const seg = line.segments[i]!
      if (seg.link) {
        const linkTag = tag ? tag.child('Link') : null
        const draw = () => this.drawSegment(seg, x, base)
        if (linkTag) linkTag.mark(draw)
        else draw()
        const label = seg.linkLabel ?? seg.link
        this.doc.link(x + seg.x, top, seg.width, lineHeight, seg.link, {
          structParent: linkTag?.element ?? undefined,
          Contents: new String(label),
        } as unknown as PDFKit.Mixins.AnnotationOption)
        i++
        continue
      }
      let j = i
      while (j < line.segments.length && !line.segments[j]!.link) j++
      const plain = line.segments.slice(i, j)
      const draw = () => plain.forEach((s) => this.drawSegment(s, x, base))
      if (tag) tag.mark(draw)
      else draw()
      i = j
    }
  }

  /**
   * Draws one segment. Every other drawing on the page (rules, dots, QR codes, backgrounds)
   * sets its colours inside save()/restore(), so the text colour set here stays in force.
   */
  private drawSegment(seg: Segment, x: number, baseline: number): void {
    if (!seg.text) return
    this.use(seg.style, seg.face)
    if (seg.style.color !== this.color) {
      this.doc.fillColor(seg.style.color)
      this.color = seg.style.color
    }
    writeText(this.doc, seg.rtl ? mirrored(seg.text) : seg.text, x + seg.x, baseline, seg.rtl ? NO_LIGATURES_RTL : NO_LIGATURES)
  }
}

/** Whether a line may break before text[i]: not inside a surrogate pair, not before a combining mark. */
function breakableBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c >= 0xdc00 && c <= 0xdfff) return false
  return !(c >= 0x300 && /\p{M}/u.test(String.fromCodePoint(text.codePointAt(i)!)))
}

/**
 * The segments of one line (in reading order) in the order they are drawn, left to right:
 * each is cut where its bidi level changes, and right-to-left pieces are drawn with their
 * glyphs reversed (bidi.ts).
 */
function visualSegments(segments: readonly Segment[]): Segment[] {
  const levels = bidiLevels(segments.map((s) => s.text).join(''))
  const pieces: Segment[] = []
  const pieceLevels: number[] = []
  let at = 0
  for (const s of segments) {
    let start = 0
    while (start < s.text.length) {
      const level = levels[at + start]!
      let end = start + 1
      while (end < s.text.length && levels[at + end] === level) end++
      pieces.push({ ...s, text: s.text.slice(start, end), rtl: level % 2 === 1 })
      pieceLevels.push(level)
      start = end
    }
    at += s.text.length
  }
  return visualOrder(pieceLevels).map((i) => pieces[i]!)
}
