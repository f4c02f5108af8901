/**
 * Writes one already-laid-out piece of text into the page's content stream: the operators
 * pdfkit's `text()` writes for `lineBreak: false` at an alphabetic baseline, byte for byte, as
 * one chunk of bytes (tests/core/pdf/text-writer.test.ts renders the same pieces both ways and
 * compares the files).
 *
 * Why not `doc.text()`: the typesetter has already wrapped, measured and positioned every
 * segment, and for a document seen for the first time (a new resume, a preview after an edit)
 * pdfkit's option merging, re-measuring, a string per glyph and a string per operator (each
 * then copied into bytes) were a fifth of the render and the largest share of what it
 * allocated, which the garbage collector then paid for again.
 *
 * It reads pdfkit's embedded font (its layout, subset, widths and ToUnicode entries, kept as
 * pdfkit's own `encode` keeps them, so the font is embedded exactly as before), its size and the
 * page's font resources: internals, pinned by that test, which fails if a pdfkit update changes
 * what `text()` writes.
 */
import type { Doc } from './tags'

interface GlyphPosition {
  xAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}

/** What this file reads of pdfkit's document beyond its typed API (pdfkit 0.17–0.20). */
interface PdfkitText {
  _font: {
    id: string
    scale: number
    font: { layout(text: string, features: unknown): { glyphs: ReadonlyArray<{ id: number; advanceWidth: number; codePoints: number[] }>; positions: readonly GlyphPosition[] } }
    subset: { includeGlyph(glyphId: number): number }
    widths: number[]
    unicode: number[][]
    ref(): unknown
  }
  _fontSize: number
  page: { height: number; fonts: Record<string, unknown> }
}

/** pdfkit's number format: rounded to 6 decimals, printed as JavaScript prints it. */
const num = (n: number): string => String(Math.round(n * 1e6) / 1e6)

const HEX = '0123456789abcdef'

/** Bytes of one content chunk, written into a buffer reused from call to call. */
class Bytes {
  private buf = new Uint8Array(4096)
  length = 0

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n))
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }

  /** ASCII text (every operator, name and number written here is ASCII). */
  text(s: string): void {
    this.room(s.length)
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i)
  }

  /** A glyph id as pdfkit writes it: four lowercase hex digits. */
  hex4(n: number): void {
    this.room(4)
    const b = this.buf
    b[this.length++] = HEX.charCodeAt((n >> 12) & 15)
    b[this.length++] = HEX.charCodeAt((n >> 8) & 15)
    b[this.length++] = HEX.charCodeAt((n >> 4) & 15)
    b[this.length++] = HEX.charCodeAt(n & 15)
  }

  /** A copy of what was written (pdfkit keeps the chunk), and a fresh start. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length)
    this.length = 0
    return out
  }
}

const bytes = new Bytes()

/**
 * Draws `text` in the document's current font and size with its baseline at `baseline` (top-down
 * page coordinates, as pdfkit's API takes them) starting at `x`.
 */
export function writeText(doc: Doc, text: string, x: number, baseline: number, features: unknown): void {
  const d = doc as unknown as PdfkitText
  const font = d._font
  const page = d.page
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref()
  const y = page.height - baseline
  const { glyphs, positions } = font.font.layout(text, features)
  const scale = d._fontSize / 1000
  const out = bytes
  out.text(`q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(d._fontSize)} Tf\n`)

  // TJ arrays as pdfkit builds them: glyphs in hex, a kerning number wherever a glyph's advance
  // differs from its width, a new text matrix around glyphs moved off the baseline.
  let open = false // inside "[ … ] TJ"
  let last = 0
  const addSegment = (cur: number) => {
    if (last < cur) {
      out.text(open ? ' <' : '[<')
      open = true
      for (let g = last; g < cur; g++) {
        const glyph = glyphs[g]!
        const gid = font.subset.includeGlyph(glyph.id)
        if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale
        if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints
        out.hex4(gid)
      }
      const p = positions[cur - 1]!
      out.text('> ')
      out.text(num(-(p.xAdvance - p.advanceWidth)))
    }
    last = cur
  }
  const flush = (i: number) => {
    addSegment(i)
    if (open) out.text('] TJ\n')
    open = false
  }
  let hadOffset = false
  let at = x
  let i = 0
  for (; i < positions.length; i++) {
    const p = positions[i]!
    if (p.xOffset || p.yOffset) {
      flush(i)
      out.text(`1 0 0 1 ${num(at + p.xOffset * scale)} ${num(y + p.yOffset * scale)} Tm\n`)
      flush(i + 1)
      hadOffset = true
    } else {
      if (hadOffset) {
        out.text(`1 0 0 1 ${num(at)} ${num(y)} Tm\n`)
        hadOffset = false
      }
      if (p.xAdvance - p.advanceWidth !== 0) addSegment(i + 1)
    }
    at += p.xAdvance * scale
  }
  flush(i)
  out.text('ET\nQ\n')
  doc.addContent(out.take())
}
