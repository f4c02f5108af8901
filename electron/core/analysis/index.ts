/**
 * The analysis service the lead wires into the contract: skill normalisation and job postings,
 * gap analysis, role ranking, breadth/depth profile, cost-effectiveness, custom roles and
 * learning plans. One instance per core; it keeps the evidence index in memory and rebuilds it
 * only when the database changed (this connection's total_changes(), or another connection's
 * commit seen through PRAGMA data_version).
 */
import { join } from 'node:path'
import type { Db } from '../db/open'
import type { PlanAlternative, RoleListItem, SavedPlan, StepKind } from '../../shared/analysis'
import { badInput, notFound } from '../../shared/errors'
import { loadCredentialCatalog, type CredentialCatalog } from '../learning-catalog'
import { toPublicId, toRowId } from '../portfolio/ids'
import { buildEvidenceIndex, createInferenceStore, entriesOf, experienceInference, type EvidenceIndex } from '../evidence'
import type { TargetRole } from '../resume/tailor'
import { analyseGap, catalogRoleDefinition, learnedButNotApplied, rankRoles, type GapAnalysis, type RoleDefinition, type RoleFit, type RoleSkillDef } from './gap'
import { extractFromPosting, type PostingExtraction } from './postings'
import { breadthDepth, costEffectiveness, type BreadthDepthProfile, type CostReport } from './profile'
import { alternativesFor, buildPlan, DEFAULT_HEURISTICS, names, priceFor, type LearningPlan, type PlanConstraints, type PlanHeuristics } from './plan'
import { createPlanStore, type StepReplacement } from './plan-store'
import { createRoleStore, customRoleDefinition, parseRoleRef, type CustomRoleInput } from './roles'
import { skillKey } from '../skills/key'
import { formatPriceEstimate } from '../../shared/analysis'
import type { CatalogData, CatalogRole, CatalogSkill, RoleRef } from './types'

export interface AnalysisOptions {
  db: Db
  /**
   * The built-in catalog, e.g. `loadCatalog(resourcesDir)` from electron/core/taxonomy/catalog,
   * or a function returning it: then it is loaded on first use, not when the core starts.
   */
  catalog: CatalogData | (() => CatalogData)
  now: () => Date
  heuristics?: PlanHeuristics
  /**
   * The credential catalog plans choose from, or a function returning it (loaded on first
   * plan). Default: `loadCredentialCatalog` of `resources/` under the working directory.
   */
  credentials?: CredentialCatalog | (() => CredentialCatalog)
}

/** Pace assumed for a saved plan without hours per week (subscription prices depend on it). */
const DEFAULT_HOURS_PER_WEEK = 10

const STEP_KIND_OF_CREDENTIAL: Record<string, StepKind> = { platform: 'platform', bootcamp: 'bootcamp', employer: 'employer', certification: 'certification', badge: 'certification' }

interface OwnPlannedRow {
  id: number
  title: string
  kind: string
  status: string
  hours: number | null
  cost_minor: number | null
  currency: string | null
  skills: string | null
}

export type { RoleListItem }

export function createAnalysis(options: AnalysisOptions) {
  const { db, now } = options
  const heuristics = options.heuristics ?? DEFAULT_HEURISTICS
  let loaded: { catalog: CatalogData; skillById: Map<string, CatalogSkill>; catalogRoles: Map<string, CatalogRole>; catalogDefs: Map<string, RoleDefinition> } | null = null
  /** The catalog and its lookups, built once on first use. */
  const cat = () => {
    if (!loaded) {
      const catalog = typeof options.catalog === 'function' ? options.catalog() : options.catalog
      const skillById = new Map<string, CatalogSkill>(catalog.skills.map((s) => [s.id, s]))
      loaded = {
        catalog,
        skillById,
        catalogRoles: new Map(catalog.roles.map((r) => [r.id, r])),
        catalogDefs: new Map(catalog.roles.map((r) => [r.id, catalogRoleDefinition(catalog, r, skillById)])),
      }
    }
    return loaded
  }
  let credentialCatalog: CredentialCatalog | null = null
  /** The credential catalog, read on the first plan. */
  const credentials = (): CredentialCatalog => {
    if (!credentialCatalog) {
      const given = options.credentials
      credentialCatalog =
        typeof given === 'function'
          ? given()
          : (given ?? loadCredentialCatalog(join(process.cwd(), 'resources')))
    }
    return credentialCatalog
  }
  const roles = createRoleStore(db, now)
  const plans = createPlanStore(db, now)
  const ownPlanned = db.prepare<[], OwnPlannedRow>(
    `SELECT c.id, c.title, c.kind, c.status, c.hours, c.cost_minor, c.currency,
            (SELECT group_concat(s.name, char(31)) FROM credential_skill cs JOIN skill s ON s.id = cs.skill_id
              WHERE cs.credential_id = c.id AND (cs.decision IS NULL OR cs.decision = 'accepted')) AS skills
       FROM credential c WHERE c.status IN ('planned', 'in_progress') ORDER BY c.id`,
  )

  /** The user's planned and in-progress credentials with the skill keys they cover (linked or named in the title). */
  function plannedCredentials(index: EvidenceIndex) {
    return ownPlanned.all().map((row) => {
      const keys = new Set<string>()
      for (const name of row.skills ? row.skills.split('\u001f') : []) {
        const key = index.resolve(name)
        if (key) keys.add(key)
      }
      for (const m of index.matcher.match(row.title)) keys.add(m.skillId)
      return { row, keys }
    })
  }

  /** A saved plan with each open step's alternatives: catalog entries and the user's own planned credentials. */
  function withAlternatives(plan: SavedPlan): SavedPlan {
    const open = plan.steps.filter((s) => !s.doneAt && s.skills.length)
    if (!open.length) return plan
    const catalog = credentials()
    const index = evidence()
    const own = plannedCredentials(index)
    const hoursPerWeek = plan.hoursPerWeek ?? DEFAULT_HOURS_PER_WEEK
    const hourValue = (catalog.rates.convert({ amountMinor: heuristics.hourValueUsd * 100, currency: 'USD' }, plan.currency)?.amountMinor ?? heuristics.hourValueUsd * 100) / 100
    return {
      ...plan,
      steps: plan.steps.map((step) => {
        if (step.doneAt || !step.skills.length) return step
        const fromCatalog = alternativesFor(catalog, step.skills, { currency: plan.currency, hoursPerWeek, fullTime: plan.fullTime, exclude: step.offer?.id ?? null, limit: heuristics.alternatives, hourValue })
        const linked = step.credential?.id ?? null
        const mine: PlanAlternative[] = own
          .filter(({ row, keys }) => toPublicId('credential', row.id) !== linked && step.skills.some((k) => keys.has(k.key)))
          .map(({ row, keys }) => {
            const covers = step.skills.filter((k) => keys.has(k.key)).map((k) => k.name)
            const listed = row.cost_minor !== null && row.currency ? { amountMinor: row.cost_minor, currency: row.currency } : null
            const cost = listed ? (catalog.rates.convert(listed, plan.currency) ?? { amountMinor: 0, currency: plan.currency }) : { amountMinor: 0, currency: plan.currency }
            return {
              kind: STEP_KIND_OF_CREDENTIAL[row.kind] ?? 'platform',
              title: row.title,
              hours: row.hours ?? step.hours,
              cost,
              originalCost: listed && listed.currency !== plan.currency ? listed : null,
              credentialId: toPublicId('credential', row.id),
              covers,
              reason: `Your ${row.status === 'planned' ? 'planned' : 'in-progress'} credential ${row.title}: covers ${names(covers.map((name) => ({ name })))}.`,
            }
          })
        return { ...step, alternatives: [...mine, ...fromCatalog] }
      }),
    }
  }

  /** What a step becomes when swapped for a catalog entry or one of the user's planned credentials. */
  function replacementFor(stepId: number, to: { catalogId: string } | { credentialId: string }): StepReplacement {
    const plan = plans.get(plans.planOfStep(stepId))
    const step = plan.steps.find((s) => s.id === stepId)!
    const covered = (keys: ReadonlySet<string> | readonly string[]) => {
      const has = (k: string) => (Array.isArray(keys) ? keys.includes(k) : (keys as ReadonlySet<string>).has(k))
      const yes = step.skills.filter((k) => has(k.key))
      const no = step.skills.filter((k) => !has(k.key))
      return `${yes.length ? `covers ${names(yes)}` : `covers none of this step's skills`}${no.length ? `; not ${names(no)}` : ''}`
    }
    if ('catalogId' in to) {
      const catalog = credentials()
      const entry = catalog.byId.get(to.catalogId)
      if (!entry) throw notFound(`There is no credential "${to.catalogId}" in the catalog.`)
      const priced = priceFor(catalog, entry, plan.currency, plan.hoursPerWeek ?? DEFAULT_HOURS_PER_WEEK)
      if (!priced) throw badInput(`${entry.title} is priced in ${entry.price.currency}, which cannot be converted to ${plan.currency}.`, [{ path: 'catalogId', message: 'cannot be priced in the plan currency' }])
      const byline = entry.platform && entry.platform !== entry.provider ? `${entry.provider} on ${entry.platform}` : entry.provider
      const price = priced.cost.amountMinor === 0 ? 'free' : `${formatPriceEstimate(priced.cost, priced.original)}, an estimate from the list price as of ${entry.asOf}`
      return {
        title: entry.title,
        kind: entry.kind,
        reason: `Chosen by you: ${entry.title} (${byline}), ~${entry.hours} h, ${price}${entry.certificate ? '' : ', no certificate'}; ${covered(entry.skills)}.`,
        hours: entry.hours,
        costMinor: priced.cost.amountMinor,
        offer: priced.offer,
        originalCost: priced.original,
        certificate: entry.certificate,
        credentialRow: null,
      }
    }
    const rowId = toRowId('credential', to.credentialId)
    const own = plannedCredentials(evidence()).find(({ row }) => row.id === rowId)
    if (!own) throw badInput(`${to.credentialId} is not a planned or in-progress credential in your portfolio.`, [{ path: 'credentialId', message: 'must be a planned or in-progress credential' }])
    const { row, keys } = own
    const listed = row.cost_minor !== null && row.currency ? { amountMinor: row.cost_minor, currency: row.currency } : null
    const cost = listed ? credentials().rates.convert(listed, plan.currency) : { amountMinor: 0, currency: plan.currency }
    if (!cost) throw badInput(`${row.title} costs ${listed!.currency}, which cannot be converted to ${plan.currency}.`, [{ path: 'credentialId', message: 'cannot be priced in the plan currency' }])
    return {
      title: row.title,
      kind: STEP_KIND_OF_CREDENTIAL[row.kind] ?? 'platform',
      reason: `Your own ${row.status === 'planned' ? 'planned' : 'in-progress'} credential; ${covered(keys)}.`,
      hours: row.hours ?? step.hours,
      costMinor: cost.amountMinor,
      offer: null,
      originalCost: listed && listed.currency !== plan.currency ? listed : null,
      certificate: false,
      credentialRow: row.id,
    }
  }
  const inferences = createInferenceStore(db, now)

  const changes = db.prepare('SELECT total_changes()').pluck() as unknown as { get(): number }
  let cached: { stamp: string; index: EvidenceIndex } | null = null
  const stampOf = () => `${changes.get()}:${String(db.pragma('data_version', { simple: true }))}:${now().toISOString().slice(0, 10)}`

  /** The evidence index, rebuilt only when the portfolio changed. */
  function evidence(): EvidenceIndex {
    const stamp = stampOf()
    if (cached?.stamp !== stamp) cached = { stamp, index: buildEvidenceIndex(db, cat().catalog, now()) }
    return cached.index
  }

  function definition(ref: string, index = evidence()): RoleDefinition {
    const parsed = parseRoleRef(ref)
    const { catalog, skillById, catalogDefs } = cat()
    if (parsed.kind === 'catalog') {
      const def = catalogDefs.get(parsed.id)
      if (!def) throw notFound(`There is no catalog role "${parsed.id}".`)
      return def
    }
    return customRoleDefinition(roles.get(parsed.id), index, catalog, skillById)
  }

  function customDefinitions(index: EvidenceIndex): RoleDefinition[] {
    const { catalog, skillById } = cat()
    return roles.list().map((r) => customRoleDefinition(r, index, catalog, skillById))
  }

  function allDefinitions(index: EvidenceIndex): RoleDefinition[] {
    return [...cat().catalogDefs.values(), ...customDefinitions(index)]
  }

  /** A role made of typed or extracted skill names, not saved (e.g. a pasted posting before saving); its ref is `custom:0`. */
  function adHocDefinition(title: string, skills: readonly { name: string; weight: number; essential: boolean }[], index: EvidenceIndex): RoleDefinition {
    const { skillById } = cat()
    const defs: RoleSkillDef[] = skills.map((s) => {
      const key = index.resolve(s.name) ?? `name:${skillKey(s.name)}`
      const c = skillById.get(key)
      const ev = index.bySkill.get(key)
      return { key, name: c?.name ?? ev?.name ?? s.name, weight: s.weight, essential: s.essential, area: c?.area ?? ev?.area ?? 'general', category: c?.category ?? ev?.category ?? 'other' }
    })
    return { ref: 'custom:0' as RoleRef, title, area: defs[0]?.area ?? 'general', source: 'posting', skills: defs }
  }

  return {
    evidence,

    /** Canonical skill id for one name (badge tag, typed skill): catalog id, `user:skill-<id>`, or null. */
    normalise: (name: string): string | null => evidence().resolve(name),

    /** Skill mentions in free text, with spans for highlighting. */
    matchText: (text: string) => evidence().matcher.match(text),

    /** A pasted job posting: skills with spans, counts and suggested weight/essential. */
    extractPosting: (text: string): PostingExtraction => extractFromPosting(text, evidence().matcher),

    /** Catalog and custom roles, optionally filtered by text in the title or alternate titles. */
    listRoles(search?: string): RoleListItem[] {
      const q = search ? skillKey(search) : ''
      const out: RoleListItem[] = [
        ...cat().catalog.roles.map((r) => ({ ref: `catalog:${r.id}` as RoleRef, title: r.title, area: r.area, source: 'catalog' as const, alternateTitles: r.alternateTitles, skills: r.skills.length })),
        ...customDefinitions(evidence()).map((d) => ({ ref: d.ref, title: d.title, area: d.area, source: d.source, alternateTitles: [] as string[], skills: d.skills.length })),
      ]
      if (!q) return out
      return out.filter((r) => [r.title, ...r.alternateTitles].some((t) => skillKey(t).includes(q)))
    },

    /** Gap analysis of one role (`catalog:<id>` or `custom:<n>`). */
    gap(ref: string): GapAnalysis {
      const index = evidence()
      return analyseGap(index, definition(ref, index))
    },

    /** Gap analysis of skills not saved as a role yet (a posting being confirmed). */
    gapForSkills(title: string, skills: readonly { name: string; weight: number; essential: boolean }[]): GapAnalysis {
      const index = evidence()
      return analyseGap(index, adHocDefinition(title, skills, index))
    },

    /**
     * A role as resume tailoring needs it: its skills, and for every portfolio entry the role's
     * skills it is evidence for, exactly as the gap analysis counts them.
     */
    resumeTarget(ref: string): TargetRole {
      const index = evidence()
      const def = definition(ref, index)
      const byEntry: Record<string, string[]> = {}
      for (const s of def.skills) {
        const ev = index.bySkill.get(s.key)
        if (!ev) continue
        for (const id of entriesOf(index, ev)) (byEntry[id] ??= []).push(s.key)
      }
      return { title: def.title, skills: def.skills.map((s) => ({ key: s.key, name: s.name, weight: s.weight, essential: s.essential })), evidence: byEntry }
    },

    /** Every catalog and custom role by fit, best first. */
    rankRoles(limit?: number): RoleFit[] {
      const index = evidence()
      const ranked = rankRoles(index, allDefinitions(index))
      return limit ? ranked.slice(0, limit) : ranked
    },

    profile: (): BreadthDepthProfile => breadthDepth(evidence()),

    /** The skills a work entry's title infers, and the user's decisions about them. */
    inferences: (experienceId: string) => experienceInference(evidence(), experienceId),
    /** Confirms, rejects or resets one inferred skill of a work entry. */
    decideInference(experienceId: string, skillKey: string, decision: 'pending' | 'confirmed' | 'rejected') {
      inferences.decide(evidence(), experienceId, skillKey, decision)
      return experienceInference(evidence(), experienceId)
    },
    costs: (): CostReport => costEffectiveness(evidence()),
    learnedNotApplied: () => learnedButNotApplied(evidence()),

    /** Custom roles (tables role / role_skill). */
    roles: {
      list: () => roles.list(),
      get: (id: number) => roles.get(id),
      create: (input: CustomRoleInput) => roles.create(input),
      update: roles.update,
      remove: roles.remove,
      /** Saves a catalog role as an editable custom copy. */
      copyCatalogRole(id: string) {
        const { catalogRoles, skillById } = cat()
        const role = catalogRoles.get(id)
        if (!role) throw notFound(`There is no catalog role "${id}".`)
        return roles.create({
          title: role.title,
          source: 'catalog-copy',
          catalogId: role.id,
          description: role.description,
          skills: role.skills.map((s) => ({ name: skillById.get(s.skill)?.name ?? s.skill, weight: s.weight, essential: s.essential })),
        })
      },
    },

    /** A plan for a role under constraints, computed but not saved. */
    suggestPlan(ref: string, constraints: PlanConstraints): LearningPlan {
      const index = evidence()
      return buildPlan(analyseGap(index, definition(ref, index)), { startDate: index.today, ...constraints }, heuristics, credentials())
    },

    /** The credential catalog plans choose from. */
    credentialCatalog: credentials,

    /** Saved plans: create from a role, edit steps, reorder, mark done, progress. */
    plans: {
      create(ref: string, constraints: PlanConstraints, title?: string) {
        const index = evidence()
        const plan = buildPlan(analyseGap(index, definition(ref, index)), { startDate: index.today, ...constraints }, heuristics, credentials())
        return withAlternatives(plans.save(plan, title))
      },
      save: (plan: LearningPlan, title?: string) => withAlternatives(plans.save(plan, title)),
      get: (id: number) => withAlternatives(plans.get(id)),
      list: plans.list,
      update: (...args: Parameters<typeof plans.update>) => withAlternatives(plans.update(...args)),
      updateStep: (...args: Parameters<typeof plans.updateStep>) => withAlternatives(plans.updateStep(...args)),
      addStep: (...args: Parameters<typeof plans.addStep>) => withAlternatives(plans.addStep(...args)),
      removeStep: (stepId: number) => withAlternatives(plans.removeStep(stepId)),
      reorder: (planId: number, stepIds: readonly number[]) => withAlternatives(plans.reorder(planId, stepIds)),
      markDone: (...args: Parameters<typeof plans.markDone>) => withAlternatives(plans.markDone(...args)),
      markUndone: (stepId: number) => withAlternatives(plans.markUndone(stepId)),
      /** Swaps a step for a catalog entry or the user's own planned or in-progress credential covering its skills. */
      swapStep: (stepId: number, to: { catalogId: string } | { credentialId: string }) => withAlternatives(plans.swapStep(stepId, replacementFor(stepId, to))),
      remove: plans.remove,
    },
  }
}

export type AnalysisService = ReturnType<typeof createAnalysis>

export { extractFromPosting, type PostingExtraction, type PostingSkill } from './postings'
export { buildEvidenceIndex, type EvidenceIndex, type SkillEvidence } from '../evidence'
export { analyseGap, rankRoles, type GapAnalysis, type RoleFit, type RoleDefinition } from './gap'
export { breadthDepth, costEffectiveness, type BreadthDepthProfile, type CostReport } from './profile'
export { buildPlan, DEFAULT_HEURISTICS, type LearningPlan, type PlanConstraints, type PlanStep } from './plan'
export { createPlanStore, type SavedPlan } from './plan-store'
export { loadCredentialCatalog, type CredentialCatalog } from '../learning-catalog'
export { createRoleStore, parseRoleRef, type CustomRole, type CustomRoleInput } from './roles'
export { evaluateExtraction, loadGoldPostings, scoreSpans, sumScores, type ExtractionScore } from './evaluate'
