/**
 * PDF documents: resumes and gap-analysis reports. Pure: the caller passes plain data, layout
 * options, font bytes and the clock, and gets PDF bytes back. What a resume says (tailoring,
 * length, wording) is decided before, in core/resume, as a ResumeDocument.
 *
 *   const fonts = loadPdfFonts(resourcesDir)                     // once, at start-up
 *   const { pdf, pageCount } = await renderResumePdf(doc, { template: 'ats' }, fonts, { now: new Date() })
 */
export { FONT_FILES, FONT_KEYS, loadPdfFonts, type FontKey, type PdfFonts } from './fonts'
export {
  PdfLayoutSchema,
  ReportOptionsSchema,
  RESUME_TEMPLATES,
  SECTION_KEYS,
  type PdfLayout,
  type PdfLayoutInput,
  type ReportOptions,
  type ResumeTemplate,
  type SectionKey,
} from './options'
export { measureResumePdf, renderResumePdf, type RenderedResumePdf } from './render'
export { renderGapReport, type GapPlanStep, type GapReportData, type GapSkillRow, type SkillDepth } from './report'
