/**
 * From a role's gaps and the user's constraints to an ordered, budgeted, dated learning plan.
 * Pure: no database. The heuristics (hours and cost per credential type and skill category,
 * when a bootcamp or the employer is suggested) are in DEFAULT_HEURISTICS and README.md.
 */
import type { AlternativeKind, LearningPlan, PlanAlternative, PlanStep, PlanStepSkill, StepKind } from '../../shared/analysis'
import type { GapAnalysis, SkillGap } from './gap'
import type { Area, MoneyAmount } from './types'

export type { AlternativeKind, LearningPlan, PlanAlternative, PlanStep, PlanStepSkill, StepKind }

export interface PlanConstraints {
  /** Total budget; null or absent = no limit. Its currency is the plan's currency. */
  budget?: MoneyAmount | null
  hoursPerWeek: number
  targetDate?: string | null
  /** Available full time (a bootcamp becomes an option). */
  fullTime?: boolean
  /** Current employer, whose training programs may cover some skills. */
  employer?: string | null
  /** First day of the plan (YYYY-MM-DD); default today. */
  startDate?: string
  /** Currency for estimates when no budget is given (default USD). */
  currency?: string
}

type CategoryKey = 'technology' | 'knowledge' | 'transversal' | 'other'

export interface PlanHeuristics {
  /** Study hours to learn one skill to a credential, by category. */
  hoursPerSkill: Record<CategoryKey, number>
  platform: { minHours: number; maxSkillsPerStep: number; monthlyMinor: number }
  bootcamp: { hours: number; costMinor: number; minGapsInArea: number; hoursPerWeek: number }
  employer: { minHours: number; maxSkillsPerStep: number; areas: readonly Area[]; categories: readonly CategoryKey[] }
  project: { hoursPerSkill: number; maxSkillsPerStep: number }
  /** Free courses, documentation and audit tracks take longer than a paid certificate. */
  selfStudy: { hoursFactor: number }
}

/** USD-sized figures, applied as they are in the plan's currency (amounts are never converted). */
export const DEFAULT_HEURISTICS: PlanHeuristics = {
  hoursPerSkill: { technology: 20, knowledge: 15, transversal: 10, other: 15 },
  platform: { minHours: 30, maxSkillsPerStep: 3, monthlyMinor: 5_000 },
  bootcamp: { hours: 400, costMinor: 800_000, minGapsInArea: 5, hoursPerWeek: 40 },
  employer: {
    minHours: 10,
    maxSkillsPerStep: 4,
    areas: ['project-management', 'business', 'product', 'it-support', 'security', 'cloud-devops', 'general'],
    categories: ['transversal'],
  },
  project: { hoursPerSkill: 15, maxSkillsPerStep: 3 },
  selfStudy: { hoursFactor: 1.25 },
}

const DAY = 86_400_000
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const WEEKS_PER_MONTH = 52 / 12

import { formatMoney } from '../../shared/format'
export { formatMoney }

const names = (skills: readonly { name: string }[]) =>
  skills.length <= 1 ? (skills[0]?.name ?? '') : `${skills.slice(0, -1).map((s) => s.name).join(', ')} and ${skills[skills.length - 1]!.name}`

const AREA_LABEL: Partial<Record<Area, string>> = {
  'cloud-devops': 'cloud and DevOps',
  'project-management': 'project management',
  'it-support': 'IT support',
  qa: 'quality assurance',
  general: 'general skills',
}
const areaLabel = (a: Area) => AREA_LABEL[a] ?? a

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

interface Draft {
  tier: number
  order: number
  kind: StepKind
  skills: SkillGap[]
  area: Area
}

/** Builds the plan for a role's gaps under the user's constraints. */
export function buildPlan(gap: GapAnalysis, constraints: PlanConstraints, heuristics: PlanHeuristics = DEFAULT_HEURISTICS): LearningPlan {
  const h = heuristics
  if (!(constraints.hoursPerWeek > 0)) throw new RangeError('hoursPerWeek must be positive')
  const currency = constraints.budget?.currency ?? constraints.currency ?? 'USD'
  const money = (amountMinor: number): MoneyAmount => ({ amountMinor: Math.round(amountMinor), currency })
  const startDate = constraints.startDate ?? new Date().toISOString().slice(0, 10)
  const employer = constraints.employer?.trim() || null
  const fullTime = constraints.fullTime ?? false

  const cat = (s: SkillGap): CategoryKey => (s.category === 'technology' || s.category === 'knowledge' || s.category === 'transversal' ? s.category : 'other')
  const skillHours = (list: readonly SkillGap[]) => list.reduce((n, s) => n + h.hoursPerSkill[cat(s)], 0)
  const platformHours = (list: readonly SkillGap[]) => Math.max(h.platform.minHours, skillHours(list))
  const platformCost = (hours: number) => Math.ceil(hours / (constraints.hoursPerWeek * WEEKS_PER_MONTH)) * h.platform.monthlyMinor
  const employerFits = (s: SkillGap) => employer !== null && (h.employer.areas.includes(s.area) || h.employer.categories.includes(cat(s)))

  // 1. Missing skills grouped by area; essentials first within an area, heavier first.
  const missing = gap.skills.filter((s) => s.depth === 'none')
  const byArea = new Map<Area, SkillGap[]>()
  for (const s of missing) {
    const list = byArea.get(s.area)
    if (list) list.push(s)
    else byArea.set(s.area, [s])
  }
  const drafts: Draft[] = []
  const weightOf = (list: readonly SkillGap[]) => Math.max(...list.map((s) => s.weight))
  for (const [area, list] of byArea) {
    list.sort((a, b) => Number(b.essential) - Number(a.essential) || b.weight - a.weight || a.name.localeCompare(b.name))
    // Many gaps in one area and time to study full time: one bootcamp for the whole area.
    if (fullTime && list.length >= h.bootcamp.minGapsInArea) {
      drafts.push({ tier: list.some((s) => s.essential) ? 0 : 1, order: weightOf(list), kind: 'bootcamp', skills: list, area })
      continue
    }
    for (const essential of [true, false]) {
      const tierSkills = list.filter((s) => s.essential === essential)
      const viaEmployer = tierSkills.filter(employerFits)
      const viaPlatform = tierSkills.filter((s) => !employerFits(s))
      for (const group of chunk(viaEmployer, h.employer.maxSkillsPerStep)) drafts.push({ tier: essential ? 0 : 1, order: weightOf(group), kind: 'employer', skills: group, area })
      for (const group of chunk(viaPlatform, h.platform.maxSkillsPerStep)) drafts.push({ tier: essential ? 0 : 1, order: weightOf(group), kind: 'platform', skills: group, area })
    }
  }
  // 2. Skills learned but never practised: a project each group, after the gaps.
  const learned = gap.skills.filter((s) => s.depth === 'learned')
  const learnedByArea = new Map<Area, SkillGap[]>()
  for (const s of learned) {
    const list = learnedByArea.get(s.area)
    if (list) list.push(s)
    else learnedByArea.set(s.area, [s])
  }
  for (const [area, list] of learnedByArea) {
    list.sort((a, b) => Number(b.essential) - Number(a.essential) || b.weight - a.weight || a.name.localeCompare(b.name))
    for (const group of chunk(list, h.project.maxSkillsPerStep)) drafts.push({ tier: group.some((s) => s.essential) ? 2 : 3, order: weightOf(group), kind: 'project', skills: group, area })
  }
  const KIND_ORDER: Record<StepKind, number> = { bootcamp: 0, platform: 1, employer: 2, project: 3 }
  drafts.sort((a, b) => a.tier - b.tier || b.order - a.order || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.area.localeCompare(b.area))

  // 3. Hours, cost, reason; budget walk; timeline.
  const budget = constraints.budget ?? null
  let spent = 0
  let cursor = startDate
  const steps: PlanStep[] = []
  let totalHours = 0
  let totalCost = 0
  let plannedHours = 0
  let plannedCost = 0
  let overBudgetSteps = 0
  const target = constraints.targetDate ?? null
  for (const d of drafts) {
    const skills: PlanStepSkill[] = d.skills.map((s) => ({ key: s.key, name: s.name, area: s.area, essential: s.essential }))
    const essentialNote = d.skills.some((s) => s.essential) ? `; ${d.skills.filter((s) => s.essential).length === d.skills.length ? 'all essential' : 'includes essentials'} for ${gap.role.title}` : ''
    let hours: number
    let cost: number
    let reason: string
    let title: string
    switch (d.kind) {
      case 'bootcamp':
        hours = h.bootcamp.hours
        cost = h.bootcamp.costMinor
        title = `Bootcamp in ${areaLabel(d.area)}`
        reason = `${d.skills.length} gaps in ${areaLabel(d.area)} (${names(d.skills)}) and you are available full time: an intensive bootcamp (~${hours} h) closes them together and adds portfolio projects${essentialNote}.`
        break
      case 'employer':
        hours = Math.max(h.employer.minHours, skillHours(d.skills))
        cost = 0
        title = `${names(d.skills)} through ${employer}`
        reason = `${names(d.skills)} ${d.skills.length === 1 ? 'is' : 'are'} the kind of training employers usually run or sponsor (${areaLabel(d.area)}): ask ${employer} about its programs, at no cost to you${essentialNote}.`
        break
      case 'project':
        hours = h.project.hoursPerSkill * d.skills.length
        cost = 0
        title = `Apply ${names(d.skills)} in a project`
        reason = `You have learned ${names(d.skills)} but never practised ${d.skills.length === 1 ? 'it' : 'them'}: a small project (~${hours} h) moves ${d.skills.length === 1 ? 'it' : 'them'} from learned to practised${essentialNote}.`
        break
      default:
        hours = platformHours(d.skills)
        cost = platformCost(hours)
        title = `Platform certificate: ${names(d.skills)}`
        reason = `A recognised professional certificate on a learning platform (Coursera, edX, LinkedIn Learning …) covers ${names(d.skills)} in ~${hours} h at ~${formatMoney(money(h.platform.monthlyMinor))} a month; cheaper and more flexible than a bootcamp${essentialNote}.`
    }
    const fits = budget === null || spent + cost <= budget.amountMinor
    let alternative: PlanAlternative | null = null
    let uses: PlanStep['uses'] = 'step'
    if (fits) spent += cost
    else {
      overBudgetSteps++
      alternative = cheaper(d, hours)
      if (budget === null || spent + alternative.cost.amountMinor <= budget.amountMinor) {
        uses = 'alternative'
        spent += alternative.cost.amountMinor
      }
    }
    const effHours = uses === 'alternative' && alternative ? alternative.hours : hours
    const effCost = uses === 'alternative' && alternative ? alternative.cost.amountMinor : cost
    const pace = d.kind === 'bootcamp' && uses === 'step' ? Math.max(constraints.hoursPerWeek, h.bootcamp.hoursPerWeek) : constraints.hoursPerWeek
    const days = Math.ceil((effHours * 7) / pace - 1e-9) // whole days; the epsilon absorbs float noise (145 h at 35 h/week is 29 days)
    const startsOn = cursor
    const endsOn = addDays(cursor, days)
    cursor = endsOn
    totalHours += hours
    totalCost += cost
    plannedHours += effHours
    plannedCost += effCost
    steps.push({
      position: steps.length + 1,
      title,
      skills,
      kind: d.kind,
      reason,
      hours,
      cost: money(cost),
      overBudget: !fits,
      alternative,
      uses,
      startsOn,
      endsOn,
      afterTarget: target !== null && endsOn > target,
    })
  }

  function cheaper(d: Draft, hours: number): PlanAlternative {
    if (d.kind === 'bootcamp') {
      const groups = chunk(d.skills, h.platform.maxSkillsPerStep)
      const altHours = groups.reduce((n, g) => n + platformHours(g), 0)
      const altCost = groups.reduce((n, g) => n + platformCost(platformHours(g)), 0)
      if (budget === null || spent + altCost <= budget.amountMinor) {
        return { kind: 'platform', hours: altHours, cost: money(altCost), reason: `${groups.length} platform certificate${groups.length === 1 ? '' : 's'} instead of the bootcamp: ~${altHours} h for ~${formatMoney(money(altCost))}.` }
      }
      return selfStudy(d, altHours)
    }
    if (employer && d.kind === 'platform') {
      return { kind: 'employer', hours: Math.max(h.employer.minHours, skillHours(d.skills)), cost: money(0), reason: `Ask ${employer} whether it can sponsor this certificate or offers equivalent training.` }
    }
    return selfStudy(d, hours)
  }

  function selfStudy(d: Draft, hours: number): PlanAlternative {
    const altHours = Math.ceil(hours * h.selfStudy.hoursFactor)
    return { kind: 'self-study', hours: altHours, cost: money(0), reason: `Free material instead (audit tracks, official documentation, open courses) for ${names(d.skills)}: no certificate, ~${altHours} h.` }
  }

  const completesOn = steps.length ? steps[steps.length - 1]!.endsOn : null
  const meetsTarget = target === null ? null : completesOn === null || completesOn <= target
  const notes: string[] = []
  if (steps.length === 0) notes.push(`No gaps: every skill of ${gap.role.title} has evidence.`)
  if (overBudgetSteps) notes.push(`${overBudgetSteps} step${overBudgetSteps === 1 ? ' is' : 's are'} over budget; the totals and dates assume the cheaper alternative where it fits.`)
  if (meetsTarget === false) notes.push(`At ${constraints.hoursPerWeek} h a week the plan ends on ${completesOn}, after your target date ${target}.`)
  return {
    role: gap.role,
    constraints: { budget, hoursPerWeek: constraints.hoursPerWeek, targetDate: target, fullTime, employer, startDate },
    steps,
    totals: { hours: totalHours, cost: money(totalCost), plannedHours, plannedCost: money(plannedCost), overBudgetSteps },
    completesOn,
    meetsTarget,
    notes,
  }
}
