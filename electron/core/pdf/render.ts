/**
 * `renderResumePdf`: a ResumeDocument (everything already worded, chosen and ordered by
 * core/resume) + layout + font bytes → PDF bytes. Pure: no files, no clock (the caller passes
 * `now`), no platform. Same input and `now` give the same bytes.
 *
 * `measureResumePdf` lays the same document out without drawing anything, for the length
 * fitting that calls it several times per resume: no structure tree, no output bytes.
 */
import PDFDocument from 'pdfkit'
import type { ResumeDocument } from '../../shared/resume-document'
import { drawPageMarker, openDocument } from './document'
import { type PdfFonts, prepareFonts } from './fonts'
import { rootTag } from './layout/tags'
import { Typesetter } from './layout/text'
import { PdfLayoutSchema, type PdfLayoutInput } from './options'
import { layoutAts } from './templates/ats'
import type { Ctx } from './templates/blocks'
import type { LaidOut } from './templates/common'
import { createTheme, PAGE_SIZES, type Theme } from './templates/theme'
import { layoutTwoColumn } from './templates/two-column'

export interface RenderedResumePdf {
  pdf: Uint8Array
  pageCount: number
}

function lay(ctx: Ctx, doc: ResumeDocument, template: 'ats' | 'two-column', size: readonly [number, number], root: ReturnType<typeof rootTag>): LaidOut {
  const page = { width: size[0], height: size[1] }
  return template === 'ats' ? layoutAts(ctx, doc, page, root) : layoutTwoColumn(ctx, doc, page, root)
}

function contextFor(layout: PdfLayoutInput): { o: ReturnType<typeof PdfLayoutSchema.parse>; theme: Theme; size: readonly [number, number] } {
  const o = PdfLayoutSchema.parse(layout)
  const theme = createTheme({ accent: o.accent ?? null, fontScale: o.fontScale })
  return { o, theme, size: PAGE_SIZES[o.pageSize] }
}

export async function renderResumePdf(doc: ResumeDocument, layout: PdfLayoutInput, fonts: PdfFonts, clock: { now: Date }): Promise<RenderedResumePdf> {
  const { o, theme, size } = contextFor(layout)
  const d = openDocument({
    size,
    now: clock.now,
    tagged: o.tagged,
    faces: prepareFonts(fonts),
    leading: theme.leading,
    meta: { title: doc.title, author: doc.header.name, subject: doc.subject, keywords: doc.keywords, lang: doc.lang },
  })
  const ctx: Ctx = { doc: d.doc, ts: d.ts, theme, tagged: o.tagged, showQr: o.showQr, highlightExpired: o.highlightExpired, lang: doc.lang }
  const laid = lay(ctx, doc, o.template, size, d.root)
  for (let n = 0; n < laid.pages; n++) {
    d.addPage()
    // The page number is drawn at the top of the page, before the content on every page but
    // the first and after it on every page but the last: text extractors read pages as one
    // stream, and a page's last text item runs into the next page's first line. Ending each
    // page with the marker (high on the page) and starting the next with it keeps that join
    // out of the content and leaves a clear gap above the next page's first entry.
    if (laid.pages > 1 && n > 0) drawPageMarker(d, laid.marker, n, laid.pages, theme.style.footer)
    laid.drawPage(n)
    if (laid.pages > 1 && n < laid.pages - 1) drawPageMarker(d, laid.marker, n, laid.pages, theme.style.footer)
  }
  const pdf = await d.finish()
  return { pdf, pageCount: laid.pages }
}

/** The page count `renderResumePdf` would give, without drawing or writing anything. */
export function measureResumePdf(doc: ResumeDocument, layout: PdfLayoutInput, fonts: PdfFonts): number {
  const { o, theme, size } = contextFor(layout)
  // The typesetter registers the faces with a document; nothing is ever drawn on this one.
  const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, compress: false })
  const ts = new Typesetter(pdf, prepareFonts(fonts), theme.leading)
  const ctx: Ctx = { doc: pdf, ts, theme, tagged: false, showQr: o.showQr, highlightExpired: o.highlightExpired, lang: doc.lang }
  return lay(ctx, doc, o.template, size, rootTag(pdf, false)).pages
}
