/**
 * The analysis service the lead wires into the contract: skill normalisation and job postings,
 * gap analysis, role ranking, breadth/depth profile, cost-effectiveness, custom roles and
 * learning plans. One instance per core; it keeps the evidence index in memory and rebuilds it
 * only when the database changed (this connection's total_changes(), or another connection's
 * commit seen through PRAGMA data_version).
 */
import type { Db } from '../db/open'
import type { RoleListItem } from '../../shared/analysis'
import { notFound } from '../../shared/errors'
import { buildEvidenceIndex, createInferenceStore, entriesOf, experienceInference, type EvidenceIndex } from '../evidence'
import type { TargetRole } from '../resume/tailor'
import { analyseGap, catalogRoleDefinition, learnedButNotApplied, rankRoles, type GapAnalysis, type RoleDefinition, type RoleFit, type RoleSkillDef } from './gap'
import { extractFromPosting, type PostingExtraction } from './postings'
import { breadthDepth, costEffectiveness, type BreadthDepthProfile, type CostReport } from './profile'
import { buildPlan, DEFAULT_HEURISTICS, type LearningPlan, type PlanConstraints, type PlanHeuristics } from './plan'
import { createPlanStore } from './plan-store'
import { createRoleStore, customRoleDefinition, parseRoleRef, type CustomRoleInput } from './roles'
import { skillKey } from '../skills/key'
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
  const roles = createRoleStore(db, now)
  const plans = createPlanStore(db, now)
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
      return buildPlan(analyseGap(index, definition(ref, index)), { startDate: index.today, ...constraints }, heuristics)
    },

    /** Saved plans: create from a role, edit steps, reorder, mark done, progress. */
    plans: {
      create(ref: string, constraints: PlanConstraints, title?: string) {
        const index = evidence()
        const plan = buildPlan(analyseGap(index, definition(ref, index)), { startDate: index.today, ...constraints }, heuristics)
        return plans.save(plan, title)
      },
      save: plans.save,
      get: plans.get,
      list: plans.list,
      update: plans.update,
      updateStep: plans.updateStep,
      addStep: plans.addStep,
      removeStep: plans.removeStep,
      reorder: plans.reorder,
      markDone: plans.markDone,
      markUndone: plans.markUndone,
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
export { createRoleStore, parseRoleRef, type CustomRole, type CustomRoleInput } from './roles'
export { evaluateExtraction, loadGoldPostings, scoreSpans, sumScores, type ExtractionScore } from './evaluate'
