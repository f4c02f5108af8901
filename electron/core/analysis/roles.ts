/**
 * Target roles the user made or saved from a job posting (tables role / role_skill), and the
 * resolution of any role (catalog or custom) into a RoleDefinition with canonical skill keys.
 */
import type { CustomRole } from '../../shared/analysis'
import type { Db } from '../db/open'
import { badInput, notFound } from '../../shared/errors'
import { skillKey } from '../skills/key'
import type { EvidenceIndex } from '../evidence'
import { catalogRoleDefinition, type RoleDefinition, type RoleSkillDef, type RoleSource } from './gap'
import type { Area, CatalogData, CatalogSkill, RoleRef } from './types'

export type { CustomRole }

export interface CustomRoleSkillInput {
  name: string
  weight: number
  essential: boolean
}

export interface CustomRoleInput {
  title: string
  source?: 'custom' | 'posting' | 'catalog-copy'
  catalogId?: string | null
  description?: string | null
  postingText?: string | null
  skills: readonly CustomRoleSkillInput[]
}

interface RoleRow {
  id: number
  title: string
  source: CustomRole['source']
  catalog_id: string | null
  description: string | null
  posting_text: string | null
  created_at: string
  updated_at: string
}

interface RoleSkillRow {
  role_id: number
  name: string
  weight: number
  essential: number
}

export const customRef = (id: number): RoleRef => `custom:${id}`

/** Parses `catalog:<id>` or `custom:<n>`; throws BAD_INPUT otherwise. */
export function parseRoleRef(ref: string): { kind: 'catalog'; id: string } | { kind: 'custom'; id: number } {
  const m = /^(catalog|custom):(.+)$/.exec(ref.trim())
  if (m?.[1] === 'catalog' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(m[2]!)) return { kind: 'catalog', id: m[2]! }
  if (m?.[1] === 'custom' && /^[1-9]\d{0,14}$/.test(m[2]!)) return { kind: 'custom', id: Number(m[2]) }
  throw badInput(`"${ref}" is not a role reference like catalog:data-analyst or custom:3`)
}

function cleanSkills(skills: readonly CustomRoleSkillInput[]): CustomRoleSkillInput[] {
  const seen = new Set<string>()
  const out: CustomRoleSkillInput[] = []
  skills.forEach((s, i) => {
    const name = s.name.trim()
    if (!name) throw badInput(`skills.${i}.name: is required`, [{ path: `skills.${i}.name`, message: 'is required' }])
    if (!(s.weight >= 0 && s.weight <= 1)) throw badInput(`skills.${i}.weight: must be between 0 and 1`, [{ path: `skills.${i}.weight`, message: 'must be between 0 and 1' }])
    const key = skillKey(name)
    if (seen.has(key)) return
    seen.add(key)
    out.push({ name, weight: s.weight, essential: s.essential })
  })
  return out
}

export function createRoleStore(db: Db, now: () => Date) {
  const insertRole = db.prepare(
    `INSERT INTO role (title, source, catalog_id, description, posting_text, created_at, updated_at)
     VALUES (@title, @source, @catalogId, @description, @postingText, @at, @at)`,
  )
  const updateRole = db.prepare(
    `UPDATE role SET title = @title, description = @description, posting_text = @postingText, updated_at = @at WHERE id = @id`,
  )
  const insertSkill = db.prepare(
    `INSERT INTO role_skill (role_id, name, name_key, weight, essential, position) VALUES (@roleId, @name, @key, @weight, @essential, @position)`,
  )
  const clearSkills = db.prepare(`DELETE FROM role_skill WHERE role_id = ?`)
  const deleteRole = db.prepare(`DELETE FROM role WHERE id = ?`)
  // A role's saved plans name it only by reference (plan.role_ref): they go with it (steps cascade).
  const deletePlansOf = db.prepare(`DELETE FROM plan WHERE role_ref = ?`)
  const byId = db.prepare<[number], RoleRow>(`SELECT * FROM role WHERE id = ?`)
  const all = db.prepare<[], RoleRow>(`SELECT * FROM role ORDER BY title COLLATE NOCASE, id`)
  const skillsOf = db.prepare<[number], RoleSkillRow>(`SELECT role_id, name, weight, essential FROM role_skill WHERE role_id = ? ORDER BY position`)
  const allSkills = db.prepare<[], RoleSkillRow>(`SELECT role_id, name, weight, essential FROM role_skill ORDER BY role_id, position`)

  const toRole = (row: RoleRow, skills: RoleSkillRow[]): CustomRole => ({
    id: row.id,
    ref: customRef(row.id),
    title: row.title,
    source: row.source,
    catalogId: row.catalog_id,
    description: row.description,
    postingText: row.posting_text,
    skills: skills.map((s) => ({ name: s.name, weight: s.weight, essential: s.essential === 1 })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  })

  function writeSkills(roleId: number, skills: readonly CustomRoleSkillInput[]): void {
    clearSkills.run(roleId)
    cleanSkills(skills).forEach((s, position) =>
      insertSkill.run({ roleId, name: s.name, key: skillKey(s.name), weight: s.weight, essential: s.essential ? 1 : 0, position }),
    )
  }

  function get(id: number): CustomRole {
    const row = byId.get(id)
    if (!row) throw notFound(`There is no custom role ${customRef(id)}.`)
    return toRole(row, skillsOf.all(id))
  }

  return {
    get,
    create(input: CustomRoleInput): CustomRole {
      const title = input.title.trim()
      if (!title) throw badInput('title: is required', [{ path: 'title', message: 'is required' }])
      return db.transaction(() => {
        const id = Number(
          insertRole.run({
            title,
            source: input.source ?? 'custom',
            catalogId: input.catalogId ?? null,
            description: input.description ?? null,
            postingText: input.postingText ?? null,
            at: now().toISOString(),
          }).lastInsertRowid,
        )
        writeSkills(id, input.skills)
        return get(id)
      })()
    },
    update(id: number, patch: Partial<Pick<CustomRoleInput, 'title' | 'description' | 'postingText' | 'skills'>>): CustomRole {
      return db.transaction(() => {
        const current = get(id)
        const title = patch.title === undefined ? current.title : patch.title.trim()
        if (!title) throw badInput('title: is required', [{ path: 'title', message: 'is required' }])
        updateRole.run({
          id,
          title,
          description: patch.description === undefined ? current.description : patch.description,
          postingText: patch.postingText === undefined ? current.postingText : patch.postingText,
          at: now().toISOString(),
        })
        if (patch.skills) writeSkills(id, patch.skills)
        return get(id)
      })()
    },
    /** Deletes the role and its saved plans, in one transaction. */
    remove(id: number): { id: number } {
      get(id)
      db.transaction(() => {
        deletePlansOf.run(`custom:${id}`)
        deleteRole.run(id)
      })()
      return { id }
    },
    /** Every custom role with its skills: two queries. */
    list(): CustomRole[] {
      const skills = new Map<number, RoleSkillRow[]>()
      for (const s of allSkills.all()) {
        const list = skills.get(s.role_id)
        if (list) list.push(s)
        else skills.set(s.role_id, [s])
      }
      return all.all().map((row) => toRole(row, skills.get(row.id) ?? []))
    },
  }
}

export type RoleStore = ReturnType<typeof createRoleStore>

/** Resolves a custom role's typed skill names to canonical keys (catalog, the user's own skills, else the name itself). */
export function customRoleDefinition(role: CustomRole, index: EvidenceIndex, catalog: CatalogData, skillById: ReadonlyMap<string, CatalogSkill>): RoleDefinition {
  const skills: RoleSkillDef[] = role.skills.map((s) => {
    const key = index.resolve(s.name) ?? `name:${skillKey(s.name)}`
    const c = skillById.get(key)
    const ev = index.bySkill.get(key)
    return {
      key,
      name: c?.name ?? ev?.name ?? s.name,
      weight: s.weight,
      essential: s.essential,
      area: c?.area ?? ev?.area ?? 'general',
      category: c?.category ?? ev?.category ?? 'other',
    }
  })
  const catalogRole = role.catalogId ? catalog.roles.find((r) => r.id === role.catalogId) : undefined
  return { ref: role.ref, title: role.title, area: catalogRole?.area ?? mainArea(skills), source: role.source as RoleSource, skills }
}

/** The area with the most weight among a role's skills ('general' skills count last). */
function mainArea(skills: readonly RoleSkillDef[]): Area {
  const weight = new Map<Area, number>()
  for (const s of skills) weight.set(s.area, (weight.get(s.area) ?? 0) + s.weight * (s.area === 'general' ? 0.01 : 1))
  let best: Area = 'general'
  let most = -1
  for (const [area, w] of weight) if (w > most) [best, most] = [area, w]
  return best
}

export { catalogRoleDefinition }
