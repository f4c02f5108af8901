/**
 * One role as the Roles screen and the resume see it: a catalog role or a custom one, with its
 * skills by name. Custom roles are changed through analysis.roles; `customRoleId` refuses a
 * catalog reference with the reason.
 */
import type { RoleDetail } from '../../shared/analysis'
import { badInput, notFound } from '../../shared/errors'
import type { Catalog } from '../taxonomy'
import type { AnalysisService } from './index'
import { parseRoleRef } from './roles'

export function customRoleId(ref: string): number {
  const parsed = parseRoleRef(ref)
  if (parsed.kind !== 'custom') throw badInput(`${ref}: built-in roles cannot be changed`, [{ path: 'ref', message: 'built-in roles cannot be changed' }])
  return parsed.id
}

export function roleDetail(analysis: Pick<AnalysisService, 'roles'>, catalog: () => Catalog, ref: string): RoleDetail {
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
