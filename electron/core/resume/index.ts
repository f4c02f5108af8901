/**
 * The resume service (issues 5 and 11): the resume as a PDF (the preview) or a Word document,
 * the gap report PDF and the saved variants. The portfolio is read as one snapshot, the role and
 * its evidence come from the analysis service, so the resume shows exactly what the screens show;
 * tailoring, the length and the wording happen here, and the writers only lay out. The core
 * never writes files: the bytes come back as base64 and the shell or the command line saves them.
 */
import { badInput } from '../../shared/errors'
import type { ReportPdf, ReportSettingsValue, ResumeDocx, ResumePreview, ResumeSettingsValue } from '../../shared/resume'
import type { RoleRefString } from '../../shared/analysis'
import type { Db } from '../db/open'
import type { AnalysisService } from '../analysis'
import { roleDetail } from '../analysis/role-detail'
import { parseRoleRef } from '../analysis/roles'
import { readPortfolioSnapshot } from '../portfolio/snapshot'
import { renderResumeDocx } from '../docx'
import { systemFonts } from '../fonts/system-fonts'
import { fontsForResume, fontsForTexts, type FindFonts } from '../pdf/resume-fonts'
import { loadPdfFonts, measureResumePdf, renderGapReport, renderResumePdf, type GapReportData, type PdfFonts, type PdfLayoutInput } from '../pdf'
import type { Catalog } from '../taxonomy'
import { buildResumeData } from './data'
import { buildResumeDocument, DEFAULT_SECTIONS, resumeTitle, type DocumentChoices } from './document'
import { safeDocxFileName, safePdfFileName } from './file-name'
import { fitLength } from './length'
import { tailorResume, type TailoredResume, type TargetRole } from './tailor'
import { DEFAULT_REPORT_CONSTRAINTS, gapReportData, savedPlanSteps, suggestedPlanSteps } from './report'
import { createVariantStore } from './variants'

export interface ResumeServiceOptions {
  db: Db
  /** The analysis service: roles, gaps, plans and the target role with its evidence. */
  analysis: Pick<AnalysisService, 'resumeTarget' | 'roles' | 'gap' | 'suggestPlan' | 'plans'>
  /** The person's name for the gap report's title. */
  profileName: () => string | null
  catalog: () => Catalog
  /** Where `fonts/` lives; the fonts are read on the first render. */
  resourcesDir: string
  now: () => Date
  /** Font bytes, if the caller already has them (tests); else loaded from resourcesDir. */
  fonts?: PdfFonts
  /** Faces on this computer for characters the bundled fonts lack; default: the platform's font folders. */
  findFonts?: FindFonts
}

/**
 * Pages of a pdfkit document: its page objects (pdfkit writes no object streams). Only an object
 * header at the start of a line counts ("7 0 obj\n<<\n/Type /Page\n"): the Info strings (title,
 * person, role) are user text, and pdfkit escapes newlines inside strings, so a role titled
 * "/Type /Page" cannot add pages the way a bare search for `/Type /Page` would.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  return (text.match(/^\d+ 0 obj\n<<\n\/Type \/Page\n/gm) ?? []).length
}

/** Every string inside plain data (objects, arrays), for the font check of a document's content. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out)
  return out
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

export function createResumeService(o: ResumeServiceOptions) {
  const { db, analysis, catalog, now } = o
  let fonts: PdfFonts | null = o.fonts ?? null
  const pdfFonts = () => (fonts ??= loadPdfFonts(o.resourcesDir))
  const findFonts: FindFonts = o.findFonts ?? ((codePoints, fo) => systemFonts().find(codePoints, fo))
  const customTitle = db.prepare<[number], { title: string }>('SELECT title FROM role WHERE id = ?')

  /** A role's title, or null if there is no such role (e.g. a custom role deleted since). */
  function roleTitle(ref: string): string | null {
    let parsed: ReturnType<typeof parseRoleRef>
    try {
      parsed = parseRoleRef(ref)
    } catch {
      return null
    }
    if (parsed.kind === 'catalog') return catalog().roleById.get(parsed.id)?.title ?? null
    return customTitle.get(parsed.id)?.title ?? null
  }

  const variants = createVariantStore({ db, now, roleTitle })

  /**
   * The one pipeline behind the PDF and the Word document: portfolio → tailoring → length →
   * ResumeDocument. The length is measured on the PDF layout of the same settings, so both files
   * hold the same items in the same order.
   */
  function compose(settings: ResumeSettingsValue) {
    const ref = settings.roleRef ?? null
    let role: ResumePreview['role'] = null
    let target: TargetRole | null = null
    if (ref) {
      // NOT_FOUND for an unknown role, before anything is read or rendered.
      const detail = roleDetail(analysis, catalog, ref)
      role = { ref: detail.ref, title: detail.title }
      target = analysis.resumeTarget(detail.ref)
    }
    const clock = { now: now() }
    const sections = settings.sections ?? DEFAULT_SECTIONS
    const data = buildResumeData(readPortfolioSnapshot(db))
    const tailored = tailorResume(data, target, { pinned: settings.pinned, hidden: settings.hidden, order: settings.order, expired: settings.expired, sections }, clock)
    // Tailoring has applied 'hide' already, keeping the expired credentials the person pinned: the
    // document prints what tailoring chose, so its decisions and the file agree.
    const printed = settings.expired === 'hide' ? 'mark' : settings.expired
    const wording: DocumentChoices = { credentialDetail: settings.credentialDetail, expired: printed, lang: 'en', sections }
    const layout: PdfLayoutInput = {
      template: settings.template,
      pageSize: settings.pageSize,
      accent: settings.accent ?? null,
      fontScale: settings.fontScale,
      showQr: settings.showQr,
      tagged: true,
      highlightExpired: settings.expired === 'highlight',
    }
    // Fonts for every text tailoring kept (a superset of what fits), so fallback faces for other
    // scripts are in place before anything is measured; what cannot be shown is worded from the
    // printed document only.
    const { fonts } = fontsForResume(buildResumeDocument(tailored, wording), pdfFonts(), findFonts)
    const measure = (t: TailoredResume) => measureResumePdf(buildResumeDocument(t, wording), layout, fonts)
    const fit = fitLength(tailored, { length: settings.length, pinned: settings.pinned, now: clock.now, measure })
    const t = fit.tailored
    const doc = buildResumeDocument(t, wording)
    const { unprintable } = fontsForResume(doc, pdfFonts(), findFonts)
    const base = role ? `${t.profile.name} - ${role.title} resume` : `${t.profile.name} resume`
    return { role, ref, clock, layout, fonts, fit, t, base, doc, unprintable }
  }

  async function preview(settings: ResumeSettingsValue): Promise<ResumePreview> {
    const c = compose(settings)
    const rendered = await renderResumePdf(c.doc, c.layout, c.fonts, c.clock)
    return {
      pdfBase64: base64(rendered.pdf),
      pageCount: rendered.pageCount,
      title: resumeTitle(c.t),
      fileName: safePdfFileName(c.base, 'Resume'),
      role: c.role,
      keywords: [...c.t.keywords],
      decisions: c.t.decisions,
      length: { ...c.fit.outcome, pages: rendered.pageCount },
      unprintable: c.unprintable,
      settings: { ...settings, roleRef: c.ref as RoleRefString | null },
    }
  }

  /** The same resume as a Word document; its length outcome counts the pages of the PDF of the same settings. */
  async function docx(settings: ResumeSettingsValue): Promise<ResumeDocx> {
    const c = compose(settings)
    const bytes = await renderResumeDocx(c.doc, { pageSize: settings.pageSize, highlightExpired: settings.expired === 'highlight', now: c.clock.now })
    return {
      docxBase64: base64(bytes),
      fileName: safeDocxFileName(c.base, 'Resume'),
      decisions: c.t.decisions,
      length: { ...c.fit.outcome, pages: c.fit.pages ?? measureResumePdf(c.doc, c.layout, c.fonts) },
    }
  }

  async function report(input: ReportSettingsValue): Promise<ReportPdf> {
    const { ref } = input
    const detail = roleDetail(analysis, catalog, ref)
    let plan: GapReportData['plan']
    if (input.planId != null) {
      const saved = analysis.plans.get(input.planId)
      if (saved.roleRef !== detail.ref)
        throw badInput(`Plan ${saved.id} is for another role (${saved.roleRef}), not ${detail.title}.`, [{ path: 'planId', message: `is a plan for another role (${saved.roleRef}), not ${detail.title}` }])
      plan = { title: saved.title, budget: saved.budget, steps: savedPlanSteps(saved) }
    } else {
      const suggested = analysis.suggestPlan(ref, { ...DEFAULT_REPORT_CONSTRAINTS })
      const steps = suggestedPlanSteps(suggested)
      plan = steps.length ? { title: `suggested at ${DEFAULT_REPORT_CONSTRAINTS.hoursPerWeek} hours a week`, budget: null, steps } : null
    }
    const gap = analysis.gap(ref)
    const person = o.profileName()
    const data = gapReportData({ person, role: detail, gap, plan })
    // The report prints names of people, roles, skills and credentials: every string of its data
    // is checked, so a script the bundled fonts lack is drawn with a face from the computer.
    const { fonts: reportFonts } = fontsForTexts(
      stringsOf(data).map((text) => ({ text, where: 'the report' })),
      pdfFonts(),
      findFonts,
    )
    const pdf = await renderGapReport(
      data,
      { pageSize: input.pageSize, fontScale: input.fontScale, ...(input.accent ? { accent: input.accent } : {}) },
      reportFonts,
      { now: now() },
    )
    const title = `Skills gap: ${detail.title}`
    return {
      pdfBase64: base64(pdf),
      pageCount: countPdfPages(pdf),
      title: person ? `${title} — ${person}` : title,
      fileName: safePdfFileName(`Skills gap - ${detail.title}`, 'Skills gap'),
    }
  }

  return { preview, docx, report, variants }
}

export type ResumeService = ReturnType<typeof createResumeService>

export { safeDocxFileName, safePdfFileName } from './file-name'
export { readSettings } from './variants'
