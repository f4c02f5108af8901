/**
 * The resume service (issue 5): the resume preview PDF, the gap report PDF and the saved
 * variants. The portfolio is read as one snapshot, the role and its evidence come from the
 * analysis service, so the PDF shows exactly what the screens show. The core never writes
 * files: the PDF comes back as base64 and the shell or the command line saves it.
 */
import { badInput } from '../../shared/errors'
import type { ReportPdf, ReportSettingsValue, ResumePreview, ResumeSettingsValue } from '../../shared/resume'
import type { RoleRefString } from '../../shared/analysis'
import type { Db } from '../db/open'
import type { AnalysisService } from '../analysis'
import { roleDetail } from '../analysis/role-detail'
import { parseRoleRef } from '../analysis/roles'
import { readPortfolioSnapshot } from '../portfolio/snapshot'
import {
  buildResumeData,
  loadPdfFonts,
  renderGapReport,
  renderResumeDetailed,
  resumeTitle,
  type GapReportData,
  type PdfFonts,
  type ResumeOptions,
  type TargetRole,
} from '../pdf'
import type { Catalog } from '../taxonomy'
import { safePdfFileName } from './file-name'
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

const base64 = (pdf: Uint8Array) => Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64')

/** The renderer's options for the Resume screen's settings. */
export function resumeOptions(settings: ResumeSettingsValue, role: TargetRole | null): ResumeOptions {
  return {
    template: settings.template,
    pageSize: settings.pageSize,
    ...(settings.accent ? { accent: settings.accent } : {}),
    fontScale: settings.fontScale,
    showQr: settings.showQr,
    role,
    choices: { pinned: settings.pinned, hidden: settings.hidden, order: settings.order, expired: settings.expired },
    ...(settings.sections ? { sections: settings.sections } : {}),
  }
}

export function createResumeService(o: ResumeServiceOptions) {
  const { db, analysis, catalog, now } = o
  let fonts: PdfFonts | null = o.fonts ?? null
  const pdfFonts = () => (fonts ??= loadPdfFonts(o.resourcesDir))
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

  async function preview(settings: ResumeSettingsValue): Promise<ResumePreview> {
    const ref = settings.roleRef ?? null
    let role: ResumePreview['role'] = null
    let target: TargetRole | null = null
    if (ref) {
      // NOT_FOUND for an unknown role, before anything is read or rendered.
      const detail = roleDetail(analysis, catalog, ref)
      role = { ref: detail.ref, title: detail.title }
      target = analysis.resumeTarget(detail.ref)
    }
    const data = buildResumeData(readPortfolioSnapshot(db))
    const rendered = await renderResumeDetailed(data, resumeOptions(settings, target), pdfFonts(), { now: now() })
    const t = rendered.tailored
    return {
      pdfBase64: base64(rendered.pdf),
      pageCount: rendered.pageCount,
      title: resumeTitle(t),
      fileName: safePdfFileName(role ? `${t.profile.name} - ${role.title} resume` : `${t.profile.name} resume`, 'Resume'),
      role,
      keywords: [...t.keywords],
      decisions: t.decisions,
      settings: { ...settings, roleRef: ref as RoleRefString | null },
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
    const pdf = await renderGapReport(
      data,
      { pageSize: input.pageSize, fontScale: input.fontScale, ...(input.accent ? { accent: input.accent } : {}) },
      pdfFonts(),
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

  return { preview, report, variants }
}

export type ResumeService = ReturnType<typeof createResumeService>

export { safePdfFileName } from './file-name'
export { readSettings } from './variants'
