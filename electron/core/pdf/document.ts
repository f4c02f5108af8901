/**
 * A pdfkit document set up the same way for every Skillfolio PDF: fixed page size, no default
 * font (the DejaVu faces are registered by the typesetter), tagged structure, metadata dated
 * from the caller's clock so the same input gives the same bytes, and output collected into one
 * Uint8Array.
 */
import PDFDocument from 'pdfkit'
import type { PreparedFonts } from './fonts'
import { Typesetter } from './layout/text'
import { rootTag, artifact, type Doc, type Tag } from './layout/tags'
import type { TextStyle } from './layout/text'

export interface DocumentMeta {
  title: string
  author: string
  subject: string
  keywords: readonly string[]
  lang: string
}

export interface OpenDocument {
  doc: Doc
  ts: Typesetter
  root: Tag
  tagged: boolean
  /** Adds a page and returns. */
  addPage(): void
  /** Ends the structure tree and the document; resolves with the bytes. */
  finish(): Promise<Uint8Array>
}

export function openDocument(o: { size: readonly [number, number]; meta: DocumentMeta; now: Date; tagged: boolean; faces: PreparedFonts; leading: number }): OpenDocument {
  const doc = new PDFDocument({
    size: [o.size[0], o.size[1]],
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    pdfVersion: '1.7',
    tagged: o.tagged,
    lang: o.meta.lang,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, which nothing uses.
    font: null as unknown as string,
    info: {
      Title: o.meta.title,
      Author: o.meta.author,
      Subject: o.meta.subject,
      Keywords: o.meta.keywords.join(', '),
      Creator: 'Skillfolio',
      Producer: 'Skillfolio (PDFKit)',
      CreationDate: o.now,
      ModDate: o.now,
    },
  })
  const chunks: Uint8Array[] = []
  doc.on('data', (c: Uint8Array) => chunks.push(c))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => {
      const total = chunks.reduce((n, c) => n + c.length, 0)
      const out = new Uint8Array(total)
      let at = 0
      for (const c of chunks) {
        out.set(c, at)
        at += c.length
      }
      resolve(out)
    })
    doc.on('error', reject)
  })
  const ts = new Typesetter(doc, o.faces, o.leading)
  const root = rootTag(doc, o.tagged)
  return {
    doc,
    ts,
    root,
    tagged: o.tagged,
    addPage: () => {
      doc.addPage({ size: [o.size[0], o.size[1]], margin: 0 })
    },
    finish: () => {
      root.end()
      doc.end()
      return done
    },
  }
}

/** "left text" on the left and "n / N" on the right of the footer line (a pagination artifact). */
export function drawFooter(d: OpenDocument, box: { x: number; width: number; y: number }, left: string, page: number, pages: number, style: TextStyle): void {
  artifact(
    d.doc,
    d.tagged,
    () => {
      const lh = d.ts.lineHeight(style.size)
      const [l] = d.ts.wrap([{ text: left, style }], box.width * 0.7)
      const [r] = d.ts.wrap([{ text: `${page + 1} / ${pages}`, style }], box.width)
      if (l) d.ts.drawLine(l, box.x, box.y, lh, null)
      if (r) d.ts.drawLine(r, box.x + box.width - r.width, box.y, lh, null)
    },
    'Pagination',
  )
}

/** "n / N" right-aligned in the box (a pagination artifact): the only running text of a resume page. */
export function drawPageMarker(d: OpenDocument, box: { x: number; width: number; y: number }, page: number, pages: number, style: TextStyle): void {
  artifact(
    d.doc,
    d.tagged,
    () => {
      const [r] = d.ts.wrap([{ text: `${page + 1} / ${pages}`, style }], box.width)
      if (r) d.ts.drawLine(r, box.x + box.width - r.width, box.y, d.ts.lineHeight(style.size), null)
    },
    'Pagination',
  )
}
