/**
 * Writes one already-laid-out piece of text into the page's content stream: the operators
 * pdfkit's `text()` writes for `lineBreak: false` at an alphabetic baseline, byte for byte, in
 * one content write instead of pdfkit's dozen (tests/core/pdf/text-writer.test.ts renders the
 * same documents both ways and compares the bytes).
 *
 * Why not `doc.text()`: the typesetter has already wrapped, measured and positioned every
 * segment, so pdfkit's option merging, line splitting, re-measuring the width afterwards and one
 * content write per operator were a fifth of the time of a document seen for the first time
 * (a new resume, a preview after an edit). The glyphs still go through pdfkit's embedded font
 * (`encode`), which adds them to the subset, the widths and the ToUnicode map as before.
 *
 * It reads three pdfkit internals (the current font, its size, the page's font resources):
 * pinned by that test, which fails if a pdfkit update changes what `text()` writes.
 */
import type { Doc } from './tags'

interface GlyphPosition {
  xAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}

/** What this file reads of pdfkit's document beyond its typed API. */
interface PdfkitText {
  _font: { id: string; ref(): unknown; encode(text: string, features: unknown): [string[], GlyphPosition[]] }
  _fontSize: number
  page: { height: number; fonts: Record<string, unknown> }
}

/** pdfkit's number format: rounded to 6 decimals, printed as JavaScript prints it. */
const num = (n: number): number => Math.round(n * 1e6) / 1e6

/**
 * Draws `text` in the document's current font and size with its baseline at `baseline` (top-down
 * page coordinates, as pdfkit's API takes them) starting at `x`.
 */
export function writeText(doc: Doc, text: string, x: number, baseline: number, features: unknown): void {
  const d = doc as unknown as PdfkitText
  const font = d._font
  const size = d._fontSize
  const page = d.page
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref()
  const y = page.height - baseline
  const [encoded, positions] = font.encode(text, features)
  const scale = size / 1000
  const out = [`q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(size)} Tf`]

  // TJ arrays as pdfkit builds them: glyphs in hex, a kerning number wherever a glyph's advance
  // differs from its width, a new text matrix around glyphs moved off the baseline.
  let commands: string[] = []
  let last = 0
  let hadOffset = false
  let at = x
  const addSegment = (cur: number) => {
    if (last < cur) {
      const p = positions[cur - 1]!
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`)
    }
    last = cur
  }
  const flush = (i: number) => {
    addSegment(i)
    if (commands.length) {
      out.push(`[${commands.join(' ')}] TJ`)
      commands = []
    }
  }
  let i = 0
  for (; i < positions.length; i++) {
    const p = positions[i]!
    if (p.xOffset || p.yOffset) {
      flush(i)
      out.push(`1 0 0 1 ${num(at + p.xOffset * scale)} ${num(y + p.yOffset * scale)} Tm`)
      flush(i + 1)
      hadOffset = true
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${num(at)} ${num(y)} Tm`)
        hadOffset = false
      }
      if (p.xAdvance - p.advanceWidth !== 0) addSegment(i + 1)
    }
    at += p.xAdvance * scale
  }
  flush(i)
  out.push('ET\nQ')
  doc.addContent(out.join('\n'))
}
