/**
 * PDF documents (issue 5): resumes tailored to a role, and gap-analysis reports. Pure: the
 * caller passes data, options, font bytes and the clock, and gets PDF bytes back.
 *
 *   const fonts = loadPdfFonts(resourcesDir)                     // once, at start-up
 *   const data = buildResumeData(readPortfolioSnapshot(db))
 *   const pdf = await renderResume(data, { template: 'ats', role }, fonts, { now: new Date() })
 */
export { FONT_FILES, FONT_KEYS, loadPdfFonts, type FontKey, type PdfFonts } from './fonts'
export { buildResumeData, type PortfolioSnapshot, type ResumeData } from '../resume/data'
export { tailorResume, type Decision, type TailorChoices, type TailoredResume, type TargetRole, type RoleSkill } from '../resume/tailor'
export {
  ReportOptionsSchema,
  ResumeOptionsSchema,
  RESUME_TEMPLATES,
  SECTION_KEYS,
  TailorChoicesSchema,
  TargetRoleSchema,
  type ReportOptions,
  type ResumeOptions,
  type ResumeTemplate,
  type SectionKey,
} from './options'
export { renderResume, renderResumeDetailed, resumeTitle, type RenderedResume } from './render'
export { renderGapReport, type GapPlanStep, type GapReportData, type GapSkillRow, type SkillDepth } from './report'
