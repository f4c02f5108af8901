/**
 * From a role's gaps and the user's constraints to an ordered, budgeted, dated learning plan
 * made of real programs from the shipped credential catalog (electron/core/learning-catalog).
 * Pure: no database. Steps are chosen by cost-effectiveness (weighted gap closed per hour and
 * per unit of money) within the budget and the time to the target date; gaps no affordable
 * entry covers become self-study (never called a certificate) or employer training. The
 * heuristics are in DEFAULT_HEURISTICS and README.md.
 */
import type { AlternativeKind, LearningPlan, MoneyAmount, PlanAlternative, PlanOffer, PlanStep, PlanStepSkill, PriceSource, StepKind } from '../../shared/analysis'
import { formatPlanMoney, formatPriceEstimate } from '../../shared/analysis'
import type { CatalogCredential, CredentialCatalog } from '../learning-catalog'
import { areaInSentence } from '../../shared/areas'
import type { GapAnalysis, SkillGap } from './gap'
import type { Area } from './types'

export type { AlternativeKind, LearningPlan, PlanAlternative, PlanOffer, PlanStep, PlanStepSkill, StepKind }

export interface PlanConstraints {
  /** Total budget; null or absent = no limit. Its currency is the plan's currency. */
  budget?: MoneyAmount | null
  hoursPerWeek: number
  targetDate?: string | null
  /** Available full time (bootcamps become an option). */
  fullTime?: boolean
  /** Current employer, whose training programs may cover some skills. */
  employer?: string | null
  /** First day of the plan (YYYY-MM-DD); default today. */
  startDate?: string
  /** Currency of the estimates when no budget is given (the user's currency setting; default USD). */
  currency?: string
}

type CategoryKey = 'technology' | 'knowledge' | 'transversal' | 'other'

export interface PlanHeuristics {
  /** Study hours to learn one skill, by category (self-study and employer steps). */
  hoursPerSkill: Record<CategoryKey, number>
  /** Weight of a gap's skill in "gap closed": its weight in the role, × this when essential. */
  essentialFactor: number
  /** A certificate is worth this much more than the same learning without one. */
  certificateFactor: number
  /** What one study hour is worth next to money, in US dollars (converted to the plan's currency). */
  hourValueUsd: number
  /** An entry is not worth it when its hours exceed this many times the self-study hours of the gaps it closes. */
  maxHoursVsSelfStudy: number
  /** Alternatives listed per step. */
  alternatives: number
  bootcampHoursPerWeek: number
  employer: { minHours: number; areas: readonly Area[]; categories: readonly CategoryKey[] }
  project: { hoursPerSkill: number }
  /** Free documentation and tutorials take longer than a structured course. */
  selfStudy: { hoursFactor: number }
}

export const DEFAULT_HEURISTICS: PlanHeuristics = {
  hoursPerSkill: { technology: 20, knowledge: 15, transversal: 10, other: 15 },
  essentialFactor: 1.5,
  certificateFactor: 1.2,
  hourValueUsd: 15,
  maxHoursVsSelfStudy: 2,
  alternatives: 5,
  bootcampHoursPerWeek: 40,
  employer: {
    minHours: 10,
    areas: ['project-management', 'business', 'product', 'it-support', 'security', 'cloud-devops', 'general'],
    categories: ['transversal'],
  },
  project: { hoursPerSkill: 15 },
  selfStudy: { hoursFactor: 1.25 },
}

const DAY = 86_400_000
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY)
const WEEKS_PER_MONTH = 52 / 12

export { formatPlanMoney as formatMoney }

export const names = (skills: readonly { name: string }[]) =>
  skills.length <= 1 ? (skills[0]?.name ?? '') : `${skills.slice(0, -1).map((s) => s.name).join(', ')} and ${skills[skills.length - 1]!.name}`


const KIND_WORD: Record<StepKind, string> = {
  platform: 'course with a certificate',
  certification: 'certification exam',
  bootcamp: 'bootcamp',
  employer: 'employer training',
  project: 'project',
  'self-study': 'self-study (no certificate)',
}

/**
 * One step per skill, or per tightly related pair: two skills of the same area and category
 * (never transversal ones) that one program of the catalog teaches together.
 */
function pairs<T extends { key: string; area: Area; category: string }>(list: readonly T[], together: (a: T, b: T) => boolean): T[][] {
  const out: T[][] = []
  const used = new Set<T>()
  for (const a of list) {
    if (used.has(a)) continue
    used.add(a)
    const b = a.category === 'transversal' ? undefined : list.find((x) => !used.has(x) && x.area === a.area && x.category === a.category && together(a, x))
    if (b) used.add(b)
    out.push(b ? [a, b] : [a])
  }
  return out
}

/** What an entry costs at a pace: a subscription by the months its hours take, else its list price. */
export function listPriceAt(entry: CatalogCredential, hoursPerWeek: number): MoneyAmount {
  if (!entry.monthly) return entry.price
  const months = Math.max(1, Math.ceil(entry.hours / (hoursPerWeek * WEEKS_PER_MONTH) - 1e-9))
  return { amountMinor: entry.monthly.amountMinor * months, currency: entry.monthly.currency }
}

export function offerOf(entry: CatalogCredential, hoursPerWeek: number): PlanOffer {
  return {
    id: entry.id,
    title: entry.title,
    provider: entry.provider,
    platform: entry.platform ?? null,
    kind: entry.kind,
    url: entry.url,
    certificate: entry.certificate,
    listPrice: listPriceAt(entry, hoursPerWeek),
    monthly: entry.monthly !== undefined,
    asOf: entry.asOf,
  }
}

/** An entry priced for a plan: cost in the plan's currency (null when it cannot be converted). */
export interface Priced {
  entry: CatalogCredential
  offer: PlanOffer
  cost: MoneyAmount
  original: MoneyAmount | null
}

export function priceFor(catalog: CredentialCatalog, entry: CatalogCredential, currency: string, hoursPerWeek: number): Priced | null {
  const offer = offerOf(entry, hoursPerWeek)
  const list = offer.listPrice
  if (list.amountMinor === 0) return { entry, offer, cost: { amountMinor: 0, currency }, original: null }
  const cost = catalog.rates.convert(list, currency)
  if (!cost) return null
  return { entry, offer, cost, original: list.currency === currency ? null : list }
}

/** "Google Data Analytics Professional Certificate (Google on Coursera)". */
const byline = (o: PlanOffer) => (o.platform && o.platform !== o.provider ? `${o.provider} on ${o.platform}` : o.provider)

function priceWords(p: Pick<Priced, 'cost' | 'original' | 'offer'>): string {
  if (p.cost.amountMinor === 0) return 'free'
  const per = p.offer.monthly ? ` (billed monthly, ${formatPlanMoney({ amountMinor: p.offer.listPrice.amountMinor, currency: p.offer.listPrice.currency })} at your pace)` : ''
  return `${formatPriceEstimate(p.cost, p.original)}${p.original ? '' : per}, an estimate from the list price as of ${p.offer.asOf}`
}

/** Catalog entries covering any of `keys`, as alternatives: those covering all first, then the most cost-effective. */
export function alternativesFor(
  catalog: CredentialCatalog,
  skills: readonly { key: string; name: string }[],
  options: { currency: string; hoursPerWeek: number; fullTime: boolean; exclude?: string | null; limit: number; hourValue: number },
): PlanAlternative[] {
  const seen = new Set<string>()
  const found: { p: Priced; covers: string[]; score: number }[] = []
  for (const s of skills) {
    for (const entry of catalog.bySkill.get(s.key) ?? []) {
      if (seen.has(entry.id) || entry.id === options.exclude || (entry.kind === 'bootcamp' && !options.fullTime)) continue
      seen.add(entry.id)
      const p = priceFor(catalog, entry, options.currency, options.hoursPerWeek)
      if (!p) continue
      const covers = skills.filter((k) => entry.skills.includes(k.key)).map((k) => k.name)
      const effort = entry.hours * options.hourValue + p.cost.amountMinor / 100
      found.push({ p, covers, score: covers.length / effort })
    }
  }
  found.sort((a, b) => b.covers.length - a.covers.length || b.score - a.score || a.p.entry.id.localeCompare(b.p.entry.id))
  return found.slice(0, options.limit).map(({ p, covers }) => ({
    kind: p.entry.kind,
    title: p.entry.title,
    hours: p.entry.hours,
    cost: p.cost,
    originalCost: p.original,
    offer: p.offer,
    covers,
    reason: `${p.entry.title} (${byline(p.offer)}): ${KIND_WORD[p.entry.kind]}, ~${p.entry.hours} h, ${priceWords(p)}; covers ${names(covers.map((name) => ({ name })))}.`,
  }))
}

interface Draft {
  tier: number
  order: number
  kind: StepKind
  skills: SkillGap[]
  title: string
  reason: string
  hours: number
  cost: MoneyAmount
  original: MoneyAmount | null
  offer: PlanOffer | null
  certificate: boolean
  /** Full-time pace (bootcamps). */
  fullTime: boolean
}

/**
 * Builds the plan for a role's gaps under the user's constraints, choosing steps from
 * `catalog`. Without a catalog every gap is self-study, employer training or a project.
 */
export function buildPlan(gap: GapAnalysis, constraints: PlanConstraints, heuristics: PlanHeuristics = DEFAULT_HEURISTICS, catalog: CredentialCatalog | null = null): LearningPlan {
  const h = heuristics
  if (!(constraints.hoursPerWeek > 0)) throw new RangeError('hoursPerWeek must be positive')
  const hoursPerWeek = constraints.hoursPerWeek
  const currency = constraints.budget?.currency ?? constraints.currency ?? 'USD'
  const money = (amountMinor: number): MoneyAmount => ({ amountMinor: Math.round(amountMinor), currency })
  const startDate = constraints.startDate ?? new Date().toISOString().slice(0, 10)
  const employer = constraints.employer?.trim() || null
  const fullTime = constraints.fullTime ?? false
  const budget = constraints.budget ?? null
  const target = constraints.targetDate ?? null
  const hourValue = (catalog?.rates.convert({ amountMinor: h.hourValueUsd * 100, currency: 'USD' }, currency)?.amountMinor ?? h.hourValueUsd * 100) / 100

  const cat = (s: SkillGap): CategoryKey => (s.category === 'technology' || s.category === 'knowledge' || s.category === 'transversal' ? s.category : 'other')
  const selfStudyHours = (list: readonly SkillGap[]) => Math.ceil(list.reduce((n, s) => n + h.hoursPerSkill[cat(s)], 0) * h.selfStudy.hoursFactor)
  const employerFits = (s: SkillGap) => employer !== null && (h.employer.areas.includes(s.area) || h.employer.categories.includes(cat(s)))
  const value = (s: SkillGap) => s.weight * (s.essential ? h.essentialFactor : 1)
  const essentialNote = (list: readonly SkillGap[]) =>
    list.some((s) => s.essential) ? `; ${list.every((s) => s.essential) ? (list.length === 1 ? 'essential' : 'all essential') : 'includes essentials'} for ${gap.role.title}` : ''
  const daysOf = (hours: number, bootcamp: boolean) => Math.ceil((hours * 7) / (bootcamp ? Math.max(hoursPerWeek, h.bootcampHoursPerWeek) : hoursPerWeek) - 1e-9)
  const together = (a: SkillGap, b: SkillGap) => (catalog?.bySkill.get(a.key) ?? []).some((e) => e.skills.includes(b.key))
  const byWeight = (a: SkillGap, b: SkillGap) => Number(b.essential) - Number(a.essential) || b.weight - a.weight || a.name.localeCompare(b.name)

  // 1. Catalog entries, greedily by weighted gap closed per unit of effort (hours valued in money, plus the price).
  const missing = gap.skills.filter((s) => s.depth === 'none').sort(byWeight)
  const open = new Map(missing.map((s) => [s.key, s]))
  const drafts: Draft[] = []
  let spent = 0
  let days = 0
  const daysToTarget = target ? daysBetween(startDate, target) : Infinity
  /** Open skills whose programs were left out for the budget or for the target date (in the last pass). */
  const overBudget = new Set<string>()
  const overTime = new Set<string>()
  const unconvertible = new Set<string>()
  if (catalog) {
    const candidates: Priced[] = []
    const seen = new Set<string>()
    for (const s of missing) {
      for (const entry of catalog.bySkill.get(s.key) ?? []) {
        if (seen.has(entry.id) || (entry.kind === 'bootcamp' && !fullTime)) continue
        seen.add(entry.id)
        const p = priceFor(catalog, entry, currency, hoursPerWeek)
        if (p) candidates.push(p)
        else unconvertible.add(entry.price.currency)
      }
    }
    for (;;) {
      let best: { p: Priced; closes: SkillGap[]; score: number } | null = null
      overBudget.clear()
      overTime.clear()
      for (const p of candidates) {
        const closes = p.entry.skills.map((k) => open.get(k)).filter((s): s is SkillGap => s !== undefined)
        if (!closes.length) continue
        // Worth it only when not far longer than learning those skills alone.
        if (p.entry.hours > h.maxHoursVsSelfStudy * selfStudyHours(closes)) continue
        if (budget && spent + p.cost.amountMinor > budget.amountMinor) {
          for (const s of closes) overBudget.add(s.key)
          continue
        }
        if (days + daysOf(p.entry.hours, p.entry.kind === 'bootcamp') > daysToTarget) {
          for (const s of closes) overTime.add(s.key)
          continue
        }
        const gained = closes.reduce((n, s) => n + value(s), 0) * (p.entry.certificate ? h.certificateFactor : 1)
        const score = gained / (p.entry.hours * hourValue + p.cost.amountMinor / 100)
        if (
          !best ||
          score > best.score + 1e-12 ||
          (Math.abs(score - best.score) <= 1e-12 && (p.cost.amountMinor < best.p.cost.amountMinor || (p.cost.amountMinor === best.p.cost.amountMinor && p.entry.id < best.p.entry.id)))
        )
          best = { p, closes, score }
      }
      if (!best) break
      const { p, closes } = best
      for (const s of closes) open.delete(s.key)
      spent += p.cost.amountMinor
      days += daysOf(p.entry.hours, p.entry.kind === 'bootcamp')
      closes.sort(byWeight)
      const others = p.entry.skills.length - closes.length
      drafts.push({
        tier: closes.some((s) => s.essential) ? 0 : 1,
        order: Math.max(...closes.map(value)),
        kind: p.entry.kind,
        skills: closes,
        title: p.entry.title,
        reason:
          `${p.offer.certificate ? `A ${KIND_WORD[p.entry.kind]} from ${byline(p.offer)}` : `Free material from ${byline(p.offer)}, no certificate,`} covering ${names(closes)}` +
          `${others ? ` (and ${others} other skill${others === 1 ? '' : 's'})` : ''} in ~${p.entry.hours} h, ${priceWords(p)}` +
          `; the most gap closed per hour and per ${currency === 'USD' ? 'dollar' : currency} among the programs that fit${essentialNote(closes)}.`,
        hours: p.entry.hours,
        cost: p.cost,
        original: p.original,
        offer: p.offer,
        certificate: p.entry.certificate,
        fullTime: p.entry.kind === 'bootcamp',
      })
    }
  }

  // 2. What no catalog entry closes: employer training or self-study, one skill or one related pair per step.
  const rest = [...open.values()].sort(byWeight)
  const viaEmployer = rest.filter(employerFits)
  const viaSelf = rest.filter((s) => !employerFits(s))
  for (const group of pairs(viaEmployer, together)) {
    drafts.push({
      tier: group.some((s) => s.essential) ? 0 : 1,
      order: Math.max(...group.map(value)),
      kind: 'employer',
      skills: group,
      title: `${names(group)} through ${employer}`,
      reason: `${names(group)} ${group.length === 1 ? 'is' : 'are'} the kind of training employers usually run or sponsor (${areaInSentence(group[0]!.area)}): ask ${employer} about its programs, at no cost to you${essentialNote(group)}.`,
      hours: Math.max(h.employer.minHours, group.reduce((n, s) => n + h.hoursPerSkill[cat(s)], 0)),
      cost: money(0),
      original: null,
      offer: null,
      certificate: false,
      fullTime: false,
    })
  }
  for (const group of pairs(viaSelf, together)) {
    const covered = catalog ? group.some((s) => catalog.bySkill.has(s.key)) : false
    const budgetBound = group.some((s) => overBudget.has(s.key))
    const timeBound = group.some((s) => overTime.has(s.key))
    const why = !covered
      ? 'no program in the catalog covers it'
      : budgetBound && timeBound
        ? 'the programs that cover it do not fit your budget or your target date'
        : budgetBound
          ? 'the programs that cover it do not fit your budget'
          : timeBound
            ? 'the programs that cover it do not fit before your target date'
            : 'the programs that cover it take far longer than learning it alone'
    const hours = selfStudyHours(group)
    drafts.push({
      tier: group.some((s) => s.essential) ? 0 : 1,
      order: Math.max(...group.map(value)),
      kind: 'self-study',
      skills: group,
      title: `Self-study: ${names(group)}`,
      reason: `No certificate: learn ${names(group)} from free material (official documentation, open tutorials, practice exercises) in ~${hours} h, and show it with a small project; ${why}${essentialNote(group)}.`,
      hours,
      cost: money(0),
      original: null,
      offer: null,
      certificate: false,
      fullTime: false,
    })
  }

  // 3. Skills learned but never practised: a project per skill or related pair.
  const learned = gap.skills.filter((s) => s.depth === 'learned').sort(byWeight)
  for (const group of pairs(learned, together)) {
    const hours = h.project.hoursPerSkill * group.length
    const it = group.length === 1 ? 'it' : 'them'
    drafts.push({
      tier: group.some((s) => s.essential) ? 2 : 3,
      order: Math.max(...group.map(value)),
      kind: 'project',
      skills: group,
      title: `Project: apply ${names(group)}`,
      reason: `You have learned ${names(group)} but never practised ${it}: a small project (~${hours} h) moves ${it} from learned to practised${essentialNote(group)}.`,
      hours,
      cost: money(0),
      original: null,
      offer: null,
      certificate: false,
      fullTime: false,
    })
  }

  const KIND_ORDER: Record<StepKind, number> = { bootcamp: 0, platform: 1, certification: 2, employer: 3, 'self-study': 4, project: 5 }
  drafts.sort((a, b) => a.tier - b.tier || b.order - a.order || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title))

  // 4. Timeline and totals.
  let cursor = startDate
  let totalHours = 0
  let totalCost = 0
  const steps: PlanStep[] = drafts.map((d, i) => {
    const startsOn = cursor
    const endsOn = addDays(cursor, daysOf(d.hours, d.fullTime))
    cursor = endsOn
    totalHours += d.hours
    totalCost += d.cost.amountMinor
    const skills: PlanStepSkill[] = d.skills.map((s) => ({ key: s.key, name: s.name, area: s.area, essential: s.essential }))
    const options = catalog
      ? alternativesFor(catalog, skills, { currency, hoursPerWeek, fullTime, exclude: d.offer?.id ?? null, limit: h.alternatives, hourValue })
      : []
    return {
      position: i + 1,
      title: d.title,
      skills,
      kind: d.kind,
      reason: d.reason,
      hours: d.hours,
      cost: d.cost,
      overBudget: false,
      alternative: null,
      uses: 'step',
      startsOn,
      endsOn,
      afterTarget: target !== null && endsOn > target,
      offer: d.offer,
      originalCost: d.original,
      certificate: d.certificate,
      options,
    }
  })

  const completesOn = steps.length ? steps[steps.length - 1]!.endsOn : null
  const meetsTarget = target === null ? null : completesOn === null || completesOn <= target
  const notes: string[] = []
  if (steps.length === 0) notes.push(`No gaps: every skill of ${gap.role.title} has evidence.`)
  if (overBudget.size && budget)
    notes.push(`The programs that would cover ${overBudget.size === 1 ? '1 more skill' : `${overBudget.size} more skills`} do not fit the budget of ${formatPlanMoney(budget)}: ${overBudget.size === 1 ? 'it is' : 'they are'} planned as free self-study or employer training.`)
  if (overTime.size && target) notes.push(`Programs for ${overTime.size === 1 ? '1 more skill do' : `${overTime.size} more skills do`} not fit before your target date ${target}; ${overTime.size === 1 ? 'it is' : 'they are'} planned as self-study.`)
  if (unconvertible.size) notes.push(`Prices in ${[...unconvertible].sort().join(', ')} cannot be converted to ${currency} (no exchange rate), so those programs were left out.`)
  if (meetsTarget === false) notes.push(`At ${hoursPerWeek} h a week the plan ends on ${completesOn}, after your target date ${target}.`)
  const prices: PriceSource | undefined = catalog
    ? {
        catalogAsOf: catalog.asOf,
        ratesAsOf: catalog.rates.asOf,
        note: `Prices are estimates from the providers' public list prices as of ${catalog.asOf}, converted to ${currency} with exchange rates as of ${catalog.rates.asOf}; check the provider's page before you enrol.`,
      }
    : undefined
  return {
    role: gap.role,
    constraints: { budget, hoursPerWeek, targetDate: target, fullTime, employer, startDate },
    steps,
    totals: { hours: totalHours, cost: money(totalCost), plannedHours: totalHours, plannedCost: money(totalCost), overBudgetSteps: 0 },
    ...(prices ? { prices } : {}),
    completesOn,
    meetsTarget,
    notes,
  }
}
