/**
 * The built-in catalog of skills and roles (resources/taxonomy/skills.json and roles.json):
 * Skillfolio's own work, documented in resources/taxonomy/README.md. Loaded once per
 * resources folder, validated with zod and checked for integrity (unique ids, no alias that
 * names two skills, every role skill defined), so the rest of the app can trust it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AREAS, CATALOG_CATEGORIES as CATALOG_SKILL_CATEGORIES } from '../../shared/catalog'
import { skillKey } from '../skills/key'

export { AREAS, type Area } from '../../shared/catalog'
export { CATALOG_CATEGORIES as CATALOG_SKILL_CATEGORIES, type CatalogCategory as CatalogSkillCategory } from '../../shared/catalog'

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ESCO_OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** O*NET-SOC 2019 code: major group, detailed occupation, two-digit suffix (00 = the SOC occupation itself). */
export const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0 && s.trim() === s, 'must be non-empty text without leading or trailing spaces')
const catalogId = z.string().regex(ID, 'must be a kebab-case id (a-z, 0-9, single hyphens)')
const area = z.enum(AREAS, { error: () => `must be one of: ${AREAS.join(', ')}` })

export const CatalogSkillSchema = z.strictObject({
  id: catalogId,
  name: text(80),
  category: z.enum(CATALOG_SKILL_CATEGORIES, { error: () => `must be one of: ${CATALOG_SKILL_CATEGORIES.join(', ')}` }),
  area,
  aliases: z.array(text(80)).max(30),
  abbreviations: z.array(text(20)).max(10),
  contextOnly: z.boolean(),
  escoUri: z.string().regex(ESCO_SKILL_URI, 'must be an ESCO skill URI (http://data.europa.eu/esco/skill/<uuid>)').nullable(),
  /** Skills this one is a narrower case of (PostgreSQL → Relational databases). */
  broader: z.array(catalogId).max(10).default([]),
  /** Skills this one gives partial evidence for without being a kind of them (AWS → Cloud computing). */
  implies: z.array(catalogId).max(10).default([]),
})
export type CatalogSkill = z.infer<typeof CatalogSkillSchema>

export const CatalogRoleSkillSchema = z.strictObject({
  skill: catalogId,
  weight: z.number().min(0).max(1),
  essential: z.boolean(),
})
export type CatalogRoleSkill = z.infer<typeof CatalogRoleSkillSchema>

export const CatalogRoleSchema = z.strictObject({
  id: catalogId,
  title: text(80),
  area,
  onetSoc: z.string().regex(ONET_SOC_CODE, 'must be an O*NET-SOC code like 15-2051.01'),
  escoUri: z.string().regex(ESCO_OCCUPATION_URI, 'must be an ESCO occupation URI (http://data.europa.eu/esco/occupation/<uuid>)').nullable(),
  alternateTitles: z.array(text(100)).max(30),
  description: text(400),
  skills: z.array(CatalogRoleSkillSchema).min(15, 'a role needs at least 15 skills').max(40, 'a role has at most 40 skills'),
})
export type CatalogRole = z.infer<typeof CatalogRoleSchema>

const VERSION = z.string().regex(/^\d{4}\.\d{1,2}$/, 'must be a catalog version like 2026.11')
export const SkillsFileSchema = z.strictObject({ version: VERSION, skills: z.array(CatalogSkillSchema).min(1) })
export const RolesFileSchema = z.strictObject({ version: VERSION, roles: z.array(CatalogRoleSchema).min(1) })

export interface Catalog {
  version: string
  skills: readonly CatalogSkill[]
  roles: readonly CatalogRole[]
  skillById: ReadonlyMap<string, CatalogSkill>
  roleById: ReadonlyMap<string, CatalogRole>
}

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${detail}`)
    this.name = 'CatalogError'
  }
}

export const SKILLS_FILE = 'skills.json'
export const ROLES_FILE = 'roles.json'

/** The folder of the catalog inside the app's resources folder. */
export const catalogDir = (resourcesDir: string) => join(resourcesDir, 'taxonomy')

function readJson(file: string, label: string): unknown {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CatalogError(label, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  try {
    return JSON.parse(raw) as unknown
  } catch (error) {
    throw new CatalogError(label, '', `is not valid JSON (${(error as Error).message})`)
  }
}

/** "skills[12] (id "sql").aliases[0]": the path of the first problem, with the id of the entry when known. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let out = ''
  let node: unknown = data
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`
      node = Array.isArray(node) ? node[key] : undefined
      const id = node && typeof node === 'object' && 'id' in node ? (node as { id: unknown }).id : undefined
      if (typeof id === 'string') out += ` (id "${id}")`
    } else {
      out += out ? `.${String(key)}` : String(key)
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key as string] : undefined
    }
  }
  return out
}

function parseFile<T>(schema: z.ZodType<T>, data: unknown, label: string): T {
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''
  throw new CatalogError(label, describePath(data, issue.path), `${issue.message}${more}`)
}

/**
 * Checks what a schema cannot: unique ids, no alias or abbreviation shared by two skills (or
 * equal to another skill's name), sound skill relations (see checkSkillRelations), every role
 * skill defined and listed once, unique role ids.
 */
export function checkCatalogIntegrity(skills: readonly CatalogSkill[], roles: readonly CatalogRole[]): void {
  const skillIds = new Map<string, number>()
  skills.forEach((skill, i) => {
    if (skillIds.has(skill.id)) throw new CatalogError(SKILLS_FILE, `skills[${i}].id`, `"${skill.id}" is used twice`)
    skillIds.set(skill.id, i)
  })
  const owner = new Map<string, string>()
  skills.forEach((skill, i) => {
    const terms: [string, string][] = [
      ['name', skill.name],
      ...skill.aliases.map((a, k) => [`aliases[${k}]`, a] as [string, string]),
      ...skill.abbreviations.map((a, k) => [`abbreviations[${k}]`, a] as [string, string]),
    ]
    for (const [field, term] of terms) {
      const key = skillKey(term)
      const other = owner.get(key)
      if (other !== undefined && other !== skill.id) {
        throw new CatalogError(SKILLS_FILE, `skills[${i}] (id "${skill.id}").${field}`, `"${term}" also names skill "${other}"`)
      }
      owner.set(key, skill.id)
    }
  })
  checkSkillRelations(skills, skillIds)
  const roleIds = new Set<string>()
  roles.forEach((role, i) => {
    const at = `roles[${i}] (id "${role.id}")`
    if (roleIds.has(role.id)) throw new CatalogError(ROLES_FILE, `${at}.id`, `"${role.id}" is used twice`)
    roleIds.add(role.id)
    const seen = new Set<string>()
    role.skills.forEach((entry, k) => {
      if (!skillIds.has(entry.skill)) throw new CatalogError(ROLES_FILE, `${at}.skills[${k}].skill`, `"${entry.skill}" is not a skill in ${SKILLS_FILE}`)
      if (seen.has(entry.skill)) throw new CatalogError(ROLES_FILE, `${at}.skills[${k}].skill`, `"${entry.skill}" is listed twice`)
      seen.add(entry.skill)
    })
  })
}

const RELATION_KINDS = ['broader', 'implies'] as const
type RelationKind = (typeof RELATION_KINDS)[number]

/**
 * The `broader` and `implies` links of the skills: every id is a skill, no skill links to
 * itself, lists itself twice, or names the same skill as both broader and implied, and the
 * links of both kinds together form no cycle.
 */
function checkSkillRelations(skills: readonly CatalogSkill[], skillIds: ReadonlyMap<string, number>): void {
  skills.forEach((skill, i) => {
    const at = `skills[${i}] (id "${skill.id}")`
    for (const kind of RELATION_KINDS) {
      const seen = new Set<string>()
      skill[kind].forEach((target, k) => {
        const field = `${at}.${kind}[${k}]`
        if (target === skill.id) throw new CatalogError(SKILLS_FILE, field, `"${target}" links the skill to itself`)
        if (!skillIds.has(target)) throw new CatalogError(SKILLS_FILE, field, `"${target}" is not a skill in ${SKILLS_FILE}`)
        if (seen.has(target)) throw new CatalogError(SKILLS_FILE, field, `"${target}" is listed twice`)
        seen.add(target)
      })
    }
    skill.implies.forEach((target, k) => {
      if (skill.broader.includes(target)) throw new CatalogError(SKILLS_FILE, `${at}.implies[${k}]`, `"${target}" is also listed in broader (a skill is either broader or implied, not both)`)
    })
  })
  // Depth-first search over both kinds of link: a link back to a skill on the current path closes a cycle.
  const state = new Map<string, 'open' | 'done'>()
  const step = (skill: CatalogSkill, kind?: RelationKind) => ({
    skill,
    kind,
    links: [...skill.broader.map((to) => ({ to, kind: 'broader' as const })), ...skill.implies.map((to) => ({ to, kind: 'implies' as const }))],
    next: 0,
  })
  for (const start of skills) {
    if (state.has(start.id)) continue
    const path = [step(start)]
    state.set(start.id, 'open')
    while (path.length > 0) {
      const top = path[path.length - 1]!
      const link = top.links[top.next++]
      if (!link) {
        state.set(top.skill.id, 'done')
        path.pop()
        continue
      }
      const seen = state.get(link.to)
      if (seen === 'open') {
        const from = path.findIndex((p) => p.skill.id === link.to)
        const steps = path.slice(from + 1).map((p) => ` -${p.kind}-> ${p.skill.id}`).join('')
        throw new CatalogError(SKILLS_FILE, `skills[${skillIds.get(link.to)}] (id "${link.to}")`, `broader and implies links form a cycle: ${link.to}${steps} -${link.kind}-> ${link.to}`)
      }
      if (seen === undefined) {
        state.set(link.to, 'open')
        path.push(step(skills[skillIds.get(link.to)!]!, link.kind))
      }
    }
  }
}

/** Validates parsed file contents (already-read JSON) and builds the lookups. */
export function buildCatalog(skillsData: unknown, rolesData: unknown): Catalog {
  const skillsFile = parseFile(SkillsFileSchema, skillsData, SKILLS_FILE)
  const rolesFile = parseFile(RolesFileSchema, rolesData, ROLES_FILE)
  if (skillsFile.version !== rolesFile.version) {
    throw new CatalogError(ROLES_FILE, 'version', `"${rolesFile.version}" differs from ${SKILLS_FILE} version "${skillsFile.version}"`)
  }
  checkCatalogIntegrity(skillsFile.skills, rolesFile.roles)
  const deepFreeze = <T>(items: T[]): readonly T[] => Object.freeze(items.map((item) => Object.freeze(item)))
  const skills = deepFreeze(skillsFile.skills)
  const roles = deepFreeze(rolesFile.roles)
  return {
    version: skillsFile.version,
    skills,
    roles,
    skillById: new Map(skills.map((s) => [s.id, s])),
    roleById: new Map(roles.map((r) => [r.id, r])),
  }
}

const cache = new Map<string, Catalog>()

/**
 * Reads and validates resources/taxonomy/{skills,roles}.json once per resources folder.
 * Throws a CatalogError naming the file and the field when either is invalid.
 */
export function loadCatalog(resourcesDir: string): Catalog {
  const dir = catalogDir(resourcesDir)
  const cached = cache.get(dir)
  if (cached) return cached
  const catalog = buildCatalog(readJson(join(dir, SKILLS_FILE), SKILLS_FILE), readJson(join(dir, ROLES_FILE), ROLES_FILE))
  cache.set(dir, catalog)
  return catalog
}

/** Forgets cached catalogs (tests that rewrite a catalog folder). */
export function clearCatalogCache(): void {
  cache.clear()
}

export const catalogSkill = (catalog: Catalog, id: string): CatalogSkill | undefined => catalog.skillById.get(id)
export const catalogRole = (catalog: Catalog, id: string): CatalogRole | undefined => catalog.roleById.get(id)

/** The skills of a role, resolved, in the role's order. */
export function roleSkills(catalog: Catalog, role: CatalogRole): { skill: CatalogSkill; weight: number; essential: boolean }[] {
  return role.skills.map((entry) => ({ skill: catalog.skillById.get(entry.skill)!, weight: entry.weight, essential: entry.essential }))
}
