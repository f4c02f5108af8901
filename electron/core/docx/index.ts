/**
 * Word documents (issue 11): the resume as a .docx with the same content and order as the PDF's
 * ATS template. Pure like core/pdf: a ResumeDocument in, bytes out; no files, no portfolio, and
 * the clock only from the caller.
 *
 *   const bytes = await renderResumeDocx(doc, { pageSize: 'a4', now: new Date() })
 */
import { Document, Packer } from 'docx'
import type { ResumeDocument } from '../../shared/resume-document'
import { resumeParagraphs } from './body'
import { MARGIN_TWIPS, PAGE_TWIPS, numbering, styles, textWidth, type DocxPageSize } from './look'
import { appPropertiesXml, corePropertiesXml } from './properties'

export type { DocxPageSize } from './look'

export interface ResumeDocxOptions {
  pageSize: DocxPageSize
  /** Colour the statuses marked `warn` (expired credentials); by default they are marked in words only. */
  highlightExpired?: boolean
  /** The document's created and modified dates; left out of the file when not given. */
  now?: Date
}

/** A BCP 47 tag Word accepts, else English (the tag only guides spelling and hyphenation). */
const language = (lang: string) => (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : 'en')

export async function renderResumeDocx(doc: ResumeDocument, o: ResumeDocxOptions): Promise<Uint8Array> {
  const lang = language(doc.lang)
  const file = new Document({
    styles: styles(lang),
    numbering: numbering(),
    sections: [
      {
        properties: { page: { size: PAGE_TWIPS[o.pageSize], margin: { ...MARGIN_TWIPS, header: 560, footer: 560, gutter: 0 } } },
        children: resumeParagraphs(doc, { rightEdge: textWidth(o.pageSize), highlightExpired: o.highlightExpired ?? false, lang }),
      },
    ],
  })
  const properties = corePropertiesXml({ title: doc.title, subject: doc.subject, keywords: doc.keywords, author: doc.header.name, lang, now: o.now ?? null })
  return Packer.pack(file, 'uint8array', false, [
    { path: 'docProps/core.xml', data: properties },
    { path: 'docProps/app.xml', data: appPropertiesXml() },
  ])
}
