/**
 * `renderResume`: resume data + options + font bytes → PDF bytes. Pure: no files, no clock
 * (the caller passes `now`), no platform. Same input and `now` give the same bytes.
 */
import { drawFooter, openDocument } from './document'
import { type PdfFonts, prepareFonts } from './fonts'
import { ResumeOptionsSchema, type ResolvedResumeOptions, type ResumeOptions, type SectionKey } from './options'
import type { ResumeData } from '../resume/data'
import { type TailoredResume, tailorResume } from '../resume/tailor'
import { layoutAts, ATS_SECTIONS } from './templates/ats'
import type { Ctx } from './templates/blocks'
import { createTheme, PAGE_SIZES } from './templates/theme'
import { layoutTwoColumn, TWO_COLUMN_SECTIONS } from './templates/two-column'

export interface RenderedResume {
  pdf: Uint8Array
  pageCount: number
  /** What was printed and why (for the Resume screen's explanations). */
  tailored: TailoredResume
  options: ResolvedResumeOptions
}

export function resumeTitle(t: TailoredResume): string {
  return t.role ? `${t.profile.name} — ${t.role.title} resume` : `${t.profile.name} — Resume`
}

/** Renders and also returns the page count and the tailoring decisions. */
export async function renderResumeDetailed(data: ResumeData, options: ResumeOptions, fonts: PdfFonts, clock: { now: Date }): Promise<RenderedResume> {
  const o = ResumeOptionsSchema.parse(options)
  const tailored = tailorResume(data, o.role ?? null, o.choices ?? {}, clock)
  const theme = createTheme({ accent: o.accent ?? null, fontScale: o.fontScale })
  const size = PAGE_SIZES[o.pageSize]
  const subject = tailored.role
    ? `Resume of ${tailored.profile.name}, tailored for ${tailored.role.title}`
    : `Resume of ${tailored.profile.name}${tailored.profile.headline ? `, ${tailored.profile.headline}` : ''}`
  const d = openDocument({
    size,
    now: clock.now,
    tagged: o.tagged,
    faces: prepareFonts(fonts),
    leading: theme.leading,
    meta: { title: resumeTitle(tailored), author: tailored.profile.name, subject, keywords: tailored.keywords, lang: o.lang },
  })
  const ctx: Ctx = { doc: d.doc, ts: d.ts, theme, tagged: o.tagged, showQr: o.showQr }
  const page = { width: size[0], height: size[1] }
  const sections: readonly SectionKey[] = o.sections ?? (o.template === 'ats' ? ATS_SECTIONS : TWO_COLUMN_SECTIONS)
  const laid = o.template === 'ats' ? layoutAts(ctx, tailored, page, sections, d.root) : layoutTwoColumn(ctx, tailored, page, sections, d.root)
  for (let n = 0; n < laid.pages; n++) {
    d.addPage()
    laid.drawPage(n)
    if (laid.pages > 1) drawFooter(d, laid.footer, tailored.profile.name, n, laid.pages, theme.style.footer)
  }
  const pdf = await d.finish()
  return { pdf, pageCount: laid.pages, tailored, options: o }
}

export async function renderResume(data: ResumeData, options: ResumeOptions, fonts: PdfFonts, clock: { now: Date }): Promise<Uint8Array> {
  return (await renderResumeDetailed(data, options, fonts, clock)).pdf
}
