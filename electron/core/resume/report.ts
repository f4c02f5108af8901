/**
 * The gap report's content (electron/core/pdf/report.ts) from the analysis channels: the fit with
 * its explanation and parts, the skill rows (core and transversal) with their strongest evidence
 * as short lines, missing essentials and learned-but-never-practised skills by name, and a plan:
 * the saved one asked for, else the plan Skillfolio suggests with default constraints.
 */
import type { GapAnalysis, LearningPlan, RoleDetail, SavedPlan, SkillGap, StepKind } from '../../shared/analysis'
import { skillNamesOf } from '../../shared/analysis'
import type { EvidenceItem } from '../../shared/evidence'
import type { CredentialKind } from '../../shared/schemas'
import type { GapPlanStep, GapReportData } from '../pdf'
import type { GapEvidenceLine, GapSkillRow } from '../pdf/report'

/** Evidence lines per skill in the report. */
export const REPORT_EVIDENCE_LINES = 3

/** What the suggested plan assumes when the report names no saved plan. */
export const DEFAULT_REPORT_CONSTRAINTS = { hoursPerWeek: 5, budget: null } as const

const KIND: Readonly<Record<StepKind | 'self-study', CredentialKind | null>> = {
  platform: 'platform',
  certification: 'certification',
  bootcamp: 'bootcamp',
  employer: 'employer',
  project: null,
  'self-study': null,
}

const positive = (m: { amountMinor: number; currency: string }) => (m.amountMinor > 0 ? m : null)

export function savedPlanSteps(plan: SavedPlan): GapPlanStep[] {
  return plan.steps.map((s) => ({
    title: s.title,
    skills: s.skills.map((k) => k.name),
    credentialKind: KIND[s.kind],
    reason: s.reason,
    hours: s.hours,
    cost: positive(s.cost),
    done: s.doneAt !== null,
  }))
}

export function suggestedPlanSteps(plan: LearningPlan): GapPlanStep[] {
  return plan.steps.map((s) => {
    const alt = s.uses === 'alternative' ? s.alternative : null
    return {
      title: s.title,
      skills: s.skills.map((k) => k.name),
      credentialKind: KIND[alt ? alt.kind : s.kind],
      reason: alt ? alt.reason : s.reason,
      hours: alt ? alt.hours : s.hours,
      cost: positive(alt ? alt.cost : s.cost),
      done: false,
    }
  })
}

const year = (item: EvidenceItem) => (item.date ? `, ${item.date.slice(0, 4)}${item.stale ? ' (over five years ago)' : ''}` : '')

/**
 * One evidence item as a short line of the report: "inferred from your 3 years 2 months as Data
 * Analyst at Brightwave Retail", "verified credential: Google Data Analytics, 2022", "via AWS".
 */
export function evidenceLine(item: EvidenceItem): GapEvidenceLine {
  const text = (() => {
    switch (item.kind) {
      case 'credential':
        return `${item.detail}: ${item.title}${year(item)}`
      case 'project':
        return `project: ${item.title}${year(item)}`
      case 'education':
        return `education: ${item.title}${year(item)}`
      case 'experience':
        // "practised at work for 1 year 3 months (named in the entry)" → "your work as Analyst at Acme for 1 year 3 months (named in the entry)"
        return item.detail.startsWith('practised at work') ? `your work as ${item.title}${item.detail.slice('practised at work'.length)}` : `${item.detail}: ${item.title}`
      case 'related':
        return `via ${item.via?.name ?? item.title}`
      default:
        // inferred (the detail names the entry) and self-reported
        return item.detail
    }
  })()
  return { gives: item.gives, text }
}

/** One item per entry: the same credential or project never shows twice for one skill. */
export function distinctItems(items: readonly EvidenceItem[]): EvidenceItem[] {
  const seen = new Set<string>()
  return items.filter((i) => {
    const key = `${i.kind}\u0000${i.source}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The strongest items to show, at most `limit`: the strongest of each kind first (a project, the
 * work, a credential rather than three credentials), then the next strongest; strongest first.
 */
export function strongestItems(items: readonly EvidenceItem[], limit: number): EvidenceItem[] {
  items = distinctItems(items)
  const chosen = new Set<EvidenceItem>()
  const kinds = new Set<string>()
  for (const item of items) {
    if (chosen.size >= limit) break
    if (kinds.has(item.kind)) continue
    kinds.add(item.kind)
    chosen.add(item)
  }
  for (const item of items) {
    if (chosen.size >= limit) break
    chosen.add(item)
  }
  return items.filter((i) => chosen.has(i))
}

/** "SQL: practised in 1 project …" → "practised in 1 project …" (the row shows the name). */
function withoutName(s: SkillGap): string {
  const prefix = `${s.name}: `
  return s.explanation.startsWith(prefix) ? s.explanation.slice(prefix.length) : s.explanation
}

export function skillRow(s: SkillGap): GapSkillRow {
  const items = distinctItems(s.evidence.items)
  const shown = strongestItems(items, REPORT_EVIDENCE_LINES)
  return {
    name: s.name,
    essential: s.essential,
    weight: s.weight,
    depth: s.depth,
    group: s.group,
    explanation: withoutName(s),
    evidence: shown.map(evidenceLine),
    moreEvidence: items.length - shown.length + s.evidence.moreItems,
  }
}

export function gapReportData(input: {
  person: string | null
  role: Pick<RoleDetail, 'title' | 'description'>
  gap: GapAnalysis
  plan: GapReportData['plan']
}): GapReportData {
  const { gap } = input
  return {
    person: input.person,
    role: { title: input.role.title, description: input.role.description },
    fit: gap.fitPercent,
    // "70 %" → "70%", as the rest of the report writes percentages (and no line starts with "%").
    fitExplanation: gap.fitExplanation.replace(/(\d) %/g, '$1%'),
    coverage: gap.coveragePercent,
    essentialCoverage: gap.essentialCoveragePercent,
    transversal: gap.transversal,
    skills: gap.skills.map(skillRow),
    missingEssentials: skillNamesOf(gap, gap.missingEssentials),
    learnedNotApplied: skillNamesOf(gap, gap.learnedNotApplied),
    plan: input.plan,
  }
}
