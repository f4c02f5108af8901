/**
 * Styled text: measuring with the document's fonts, greedy line wrapping of styled runs,
 * and drawing one wrapped line with its links.
 *
 * Lines are wrapped here rather than by pdfkit so the layout engine knows every line before
 * anything is drawn: a page break can then fall only between lines, and pdfkit never adds a
 * page on its own (every `text` call uses `lineBreak: false` at an explicit position).
 */
import type { FontKey, PreparedFonts } from '../fonts'
import { FONT_KEYS, NO_LIGATURES } from '../fonts'
import type { Doc, Tag } from './tags'

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

/** Words, runs of blanks (as " ") and line breaks ("\n") of a text; cached, texts repeat across renders. */
const partsCache = new Map<string, readonly string[]>()
function partsOf(text: string): readonly string[] {
  let parts = partsCache.get(text)
  if (!parts) {
    parts = text
      .replace(/\r\n?/g, '\n')
      .split(/(\n|[ \t]+)/)
      .filter((p) => p.length > 0)
      .map((p) => (p !== '\n' && /^[ \t]+$/.test(p) ? ' ' : p))
    if (partsCache.size >= 20_000) partsCache.clear()
    partsCache.set(text, parts)
  }
  return parts
}

/** pdfkit's types know features as tag lists; fontkit also takes `{ tag: false }` objects. */
const FEATURES = { features: NO_LIGATURES as unknown as PDFKit.Mixins.OpenTypeFeatures[] }

/**
 * Characters after which an over-long word (a URL, an ID) may be broken. Not "-": extractors
 * such as pdftotext join a line ending in a hyphen to the next and drop the hyphen.
 */
const BREAK_AFTER = new Set(['/', '.', '?', '&', '=', '_', '#', '@', ':', ','])

export class Typesetter {
  private font: FontKey | null = null
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
    // would build a new embedded font (and subset) on every call.
    for (const key of FONT_KEYS) doc.registerFont(key, faces[key].font as unknown as PDFKit.Mixins.PDFFontSource)
    // A new page starts with the default graphics state.
    doc.on('pageAdded', () => {
      this.color = null
    })
  }

  use(style: TextStyle): void {
    if (style.font !== this.font) {
      this.doc.font(style.font)
      this.font = style.font
    }
    if (style.size !== this.size) {
      this.doc.fontSize(style.size)
      this.size = style.size
    }
  }

  /**
   * The advance width of `text` in `style`: the shaped run's width (cached by the font view,
   * across documents) at the style's size. The same number pdfkit computes when it draws.
   */
  width(style: TextStyle, text: string): number {
    if (!text) return 0
    return (this.faces[style.font].width(text) * style.size) / 1000
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
    for (let i = lo; i > lo * 0.5 && i > 1; i--) if (BREAK_AFTER.has(text[i - 1]!)) return i
    // Never end a line with a hyphen (see BREAK_AFTER); move it to the next line.
    return lo > 1 && text[lo - 1] === '-' ? lo - 1 : lo
  }

  private toLine(pieces: Piece[]): Line {
    const segments: Segment[] = []
    let x = 0
    let size = 0
    for (const { text, run } of pieces) {
      const last = segments[segments.length - 1]
      const link = run.link ?? null
      if (last && last.style === run.style && last.link === link) last.text += text
      else segments.push({ text, style: run.style, link, linkLabel: run.linkLabel ?? null, x: 0, width: 0 })
      size = Math.max(size, run.style.size)
    }
    for (const s of segments) {
      s.x = x
      s.width = this.width(s.style, s.text)
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
    this.use(seg.style)
    // textWidth: pdfkit would otherwise measure the segment again.
    const options = { lineBreak: false, baseline: 'alphabetic', textWidth: seg.width, features: FEATURES.features } as PDFKit.Mixins.TextOptions
    if (seg.style.color !== this.color) {
      this.doc.fillColor(seg.style.color)
      this.color = seg.style.color
    }
    this.doc.text(seg.text, x + seg.x, baseline, options)
  }
}
