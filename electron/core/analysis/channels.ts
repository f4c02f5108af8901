/**
 * The analysis and taxonomy channels of the contract (issue 4), over one analysis service.
 * app.ts spreads these into the core's services.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/open'
import type { Services } from '../../shared/contract'
import type { AboutInfo, RoleDetail } from '../../shared/analysis'
import { badInput, notFound } from '../../shared/errors'
import { catalogDir, exportPack, importTaxonomy, listTaxonomySources, removeTaxonomySource, type Catalog } from '../taxonomy'
import type { AnalysisService } from './index'
import { parseRoleRef } from './roles'

type AnalysisChannel =
  | 'roles:list' | 'roles:get' | 'roles:create' | 'roles:update' | 'roles:delete' | 'roles:fit' | 'postings:extract'
  | 'gap:analyze' | 'gap:analyzeSkills' | 'gap:profile' | 'gap:costs' | 'evidence:inferences' | 'evidence:decide'
  | 'plans:suggest' | 'plans:create' | 'plans:list' | 'plans:get' | 'plans:updateStep' | 'plans:reorder' | 'plans:markDone' | 'plans:markUndone' | 'plans:delete'
  | 'taxonomy:import' | 'taxonomy:sources' | 'taxonomy:remove' | 'taxonomy:exportPack' | 'app:about'

export interface AnalysisChannelOptions {
  db: Db
  analysis: AnalysisService
  catalog: () => Catalog
  resourcesDir: string
  version: string
  now: () => Date
}

function customId(ref: string): number {
  const parsed = parseRoleRef(ref)
  if (parsed.kind !== 'custom') throw badInput(`${ref}: built-in roles cannot be changed`, [{ path: 'ref', message: 'built-in roles cannot be changed' }])
  return parsed.id
}

function readAttribution(resourcesDir: string): AboutInfo['attribution'] {
  const raw = JSON.parse(readFileSync(join(catalogDir(resourcesDir), 'attribution.json'), 'utf8')) as Partial<Record<'onet' | 'esco', unknown>>
  return { onet: typeof raw.onet === 'string' ? raw.onet : '', esco: typeof raw.esco === 'string' ? raw.esco : '' }
}

export function createAnalysisChannels(o: AnalysisChannelOptions): Pick<Services, AnalysisChannel> {
  const { db, analysis, catalog, now } = o

  function roleDetail(ref: string): RoleDetail {
    const parsed = parseRoleRef(ref)
    if (parsed.kind === 'catalog') {
      const cat = catalog()
      const role = cat.roleById.get(parsed.id)
      if (!role) throw notFound(`There is no catalog role "${parsed.id}".`)
      return {
        ref: `catalog:${role.id}`,
        title: role.title,
        source: 'catalog',
        area: role.area,
        description: role.description,
        alternateTitles: role.alternateTitles,
        onetSoc: role.onetSoc,
        escoUri: role.escoUri,
        catalogId: role.id,
        postingText: null,
        skills: role.skills.map((s) => ({ name: cat.skillById.get(s.skill)?.name ?? s.skill, weight: s.weight, essential: s.essential })),
        createdAt: null,
        updatedAt: null,
      }
    }
    const role = analysis.roles.get(parsed.id)
    return {
      ref: role.ref,
      title: role.title,
      source: role.source,
      area: null,
      description: role.description,
      alternateTitles: [],
      onetSoc: null,
      escoUri: null,
      catalogId: role.catalogId,
      postingText: role.postingText,
      skills: role.skills,
      createdAt: role.createdAt,
      updatedAt: role.updatedAt,
    }
  }

  return {
    'roles:list': ({ text }) => analysis.listRoles(text),
    'roles:get': ({ ref }) => roleDetail(ref),
    'roles:create': (input) => analysis.roles.create(input),
    'roles:update': ({ ref, patch }) => analysis.roles.update(customId(ref), patch),
    'roles:delete': ({ ref }) => {
      analysis.roles.remove(customId(ref))
      return { ref }
    },
    'roles:fit': ({ limit }) => analysis.rankRoles(limit),
    'postings:extract': ({ text }) => analysis.extractPosting(text),
    'gap:analyze': ({ ref }) => analysis.gap(ref),
    'gap:analyzeSkills': ({ title, skills }) => analysis.gapForSkills(title, skills),
    'gap:profile': () => analysis.profile(),
    'evidence:inferences': ({ experienceId }) => analysis.inferences(experienceId),
    'evidence:decide': ({ experienceId, skillKey, decision }) => analysis.decideInference(experienceId, skillKey, decision),
    'gap:costs': () => analysis.costs(),
    'plans:suggest': ({ ref, constraints }) => analysis.suggestPlan(ref, constraints),
    'plans:create': ({ ref, constraints, title }) => analysis.plans.create(ref, constraints, title),
    'plans:list': () => analysis.plans.list(),
    'plans:get': ({ id }) => analysis.plans.get(id),
    'plans:updateStep': ({ stepId, patch }) => analysis.plans.updateStep(stepId, patch),
    'plans:reorder': ({ planId, stepIds }) => analysis.plans.reorder(planId, stepIds),
    'plans:markDone': ({ stepId, credentialId }) => analysis.plans.markDone(stepId, { credentialId: credentialId ?? null }),
    'plans:markUndone': ({ stepId }) => analysis.plans.markUndone(stepId),
    'plans:delete': ({ id }) => analysis.plans.remove(id),
    'taxonomy:import': ({ path }) => importTaxonomy(db, path, { now }),
    'taxonomy:sources': () => listTaxonomySources(db),
    'taxonomy:remove': ({ id }) => {
      if (!removeTaxonomySource(db, id)) throw notFound(`There is no imported taxonomy ${id}.`)
      return { id }
    },
    'taxonomy:exportPack': ({ source }) => {
      if (source !== 'catalog' && !listTaxonomySources(db).some((s) => s.id === source)) throw notFound(`There is no imported taxonomy ${source}.`)
      return `${JSON.stringify(exportPack(db, source, source === 'catalog' ? { catalog: catalog() } : {}), null, 2)}\n`
    },
    'app:about': () => ({ version: o.version, catalogVersion: catalog().version, attribution: readAttribution(o.resourcesDir) }),
  }
}
