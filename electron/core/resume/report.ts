/**
 * The gap report's content (electron/core/pdf/report.ts) from the analysis channels: the role's
 * coverage and skill rows, missing essentials and learned-not-applied skills by name, and a plan:
 * the saved one asked for, else the plan Skillfolio suggests with default constraints.
 */
import type { GapAnalysis, LearningPlan, RoleDetail, SavedPlan, StepKind } from '../../shared/analysis'
import { skillNamesOf } from '../../shared/analysis'
import type { CredentialKind } from '../../shared/schemas'
import type { GapPlanStep, GapReportData } from '../pdf'

/** What the suggested plan assumes when the report names no saved plan. */
export const DEFAULT_REPORT_CONSTRAINTS = { hoursPerWeek: 5, budget: null } as const

const KIND: Readonly<Record<StepKind | 'self-study', CredentialKind | null>> = {
  platform: 'platform',
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
    coverage: gap.coveragePercent,
    skills: gap.skills.map((s) => ({ name: s.name, essential: s.essential, weight: s.weight, depth: s.depth, explanation: s.explanation })),
    missingEssentials: skillNamesOf(gap, gap.missingEssentials),
    learnedNotApplied: skillNamesOf(gap, gap.learnedNotApplied),
    plan: input.plan,
  }
}
