/**
 * The typesetter writes text operators itself (core/pdf/layout/text-writer.ts) instead of calling
 * pdfkit's `text()`: the two must write the same bytes, for kerned Latin, Greek and Cyrillic
 * (the fast shaping path), marks moved off the baseline (fontkit's path), right-to-left text,
 * several sizes, faces and pages. If a pdfkit update changes what `text()` writes, this fails.
 */
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { loadPdfFonts, NO_LIGATURES, NO_LIGATURES_RTL, prepareFonts, type PreparedFace } from '../../../electron/core/pdf/fonts'
import { writeText } from '../../../electron/core/pdf/layout/text-writer'

const fonts = prepareFonts(loadPdfFonts(join(__dirname, '../../../resources')))

interface Piece {
  text: string
  face: PreparedFace
  size: number
  x: number
  baseline: number
  rtl?: boolean
}

const PIECES: Piece[] = [
  { text: 'AVAWAY To Ty Yo — kerned Latin, 2019–2026', face: fonts.sans, size: 10, x: 36, baseline: 60 },
  { text: 'Ελληνικά Кириллица Ärger œuvre', face: fonts.sansBold, size: 13.5, x: 40.25, baseline: 90.125 },
  // Combining marks: fontkit positions them with x/y offsets, which start a new text matrix.
  { text: 'Cafe\u0301 nai\u0308ve a\u0323\u0302 Z\u0327', face: fonts.serif, size: 9, x: 72, baseline: 120 },
  { text: 'مرحبا بالعالم', face: fonts.sans, size: 11, x: 300, baseline: 150, rtl: true },
  { text: 'שלום עולם', face: fonts.sansItalic, size: 8.75, x: 310, baseline: 170, rtl: true },
  { text: 'x', face: fonts.serifBold, size: 24, x: 0.333333333, baseline: 700.1 },
]

/** A document as the app opens one, uncompressed so a difference is readable. */
function newDoc(): PDFKit.PDFDocument {
  const now = new Date('2026-01-02T03:04:05Z')
  const doc = new PDFDocument({ size: [595, 842], margin: 0, autoFirstPage: false, compress: false, font: null as unknown as string, info: { CreationDate: now, ModDate: now } })
  for (const face of fonts.all) doc.registerFont(face.id, face.font as unknown as PDFKit.Mixins.PDFFontSource)
  return doc
}

async function render(draw: (doc: PDFKit.PDFDocument, p: Piece) => void): Promise<string> {
  const doc = newDoc()
  const chunks: Buffer[] = []
  doc.on('data', (c: Uint8Array) => chunks.push(Buffer.from(c)))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  for (let page = 0; page < 2; page++) {
    doc.addPage()
    for (const p of PIECES) {
      doc.font(p.face.id).fontSize(p.size).fillColor(page ? '#336699' : '#111111')
      draw(doc, page ? { ...p, baseline: p.baseline + 400 } : p)
    }
  }
  doc.end()
  await done
  return Buffer.concat(chunks).toString('latin1')
}

describe('the typesetter’s text writer', () => {
  it('writes what pdfkit’s text() writes, byte for byte', async () => {
    const viaPdfkit = await render((doc, p) =>
      doc.text(p.text, p.x, p.baseline, { lineBreak: false, baseline: 'alphabetic', features: (p.rtl ? NO_LIGATURES_RTL : NO_LIGATURES) as unknown as PDFKit.Mixins.OpenTypeFeatures[] }),
    )
    const viaWriter = await render((doc, p) => writeText(doc, p.text, p.x, p.baseline, p.rtl ? NO_LIGATURES_RTL : NO_LIGATURES))
    // The pieces exercise what they claim: kerning numbers and moved marks (a second Tm in a BT block).
    expect(viaPdfkit).toMatch(/\] TJ/)
    expect(viaPdfkit).toMatch(/> -?\d+(\.\d+)? </)
    expect(viaPdfkit).toMatch(/Tf\n(\[[^\n]*\] TJ\n)?1 0 0 1 [\d.]+ [\d.]+ Tm/)
    expect(viaWriter.length).toBe(viaPdfkit.length)
    expect(viaWriter).toBe(viaPdfkit)
  })
})
