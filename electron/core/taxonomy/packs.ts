/**
 * Taxonomy packs: one JSON file of skills and roles (format documented in
 * resources/taxonomy/README.md, "Taxonomy packs"), close to the built-in catalog's format.
 * A person imports a pack someone shared, or exports the catalog or any imported source
 * (ESCO, O*NET, another pack) as one. Export -> import -> export gives the same content.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { z } from 'zod'
import type { Db } from '../db/open'
import { badInput, notFound, type FieldIssue } from '../../shared/errors'
import { SKILL_CATEGORIES } from '../../shared/schemas'
import type { Catalog } from './catalog'
import { parseJsonArray } from '../portfolio/text'
import {
  STAGING_PREFIX,
  getTaxonomySource,
  runStagedImport,
  type RelationRow,
  type TaxonomyImportOptions,
  type TaxonomyImportResult,
} from './store'

export const PACK_FORMAT = 'skillfolio-taxonomy-pack'
export const PACK_VERSION = 1
/** Larger files are refused before reading (an export of all of ESCO is about 30 MB). */
export const MAX_PACK_BYTES = 256 * 1024 * 1024

const label = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max))
const labels = (max: number) => z.array(label(max)).max(500).default([])

export const PackSkillSchema = z.object({
  /** Unique within the pack; roles refer to skills by it. ESCO URIs, O*NET ids and catalog ids all fit. */
  id: label(500),
  name: label(300),
  category: z.enum(SKILL_CATEGORIES, { error: () => `must be one of: ${SKILL_CATEGORIES.join(', ')}` }).default('other'),
  description: z.string().max(20_000).nullish().transform((v) => (v && v.trim() ? v.trim() : null)),
  aliases: labels(300),
  /** Short forms; imported as aliases. */
  abbreviations: labels(40),
  // Catalog fields carried for information (kept in exports of the catalog, not stored on import).
  area: z.string().max(40).optional(),
  contextOnly: z.boolean().optional(),
  escoUri: z.string().max(500).nullish(),
})
export type PackSkill = z.output<typeof PackSkillSchema>

export const PackRoleSkillSchema = z.object({
  skill: label(500),
  weight: z.number().min(0).max(1).default(0.5),
  essential: z.boolean().default(false),
})

export const PackRoleSchema = z.object({
  id: label(500),
  title: label(300),
  description: z.string().max(20_000).nullish().transform((v) => (v && v.trim() ? v.trim() : null)),
  /** An occupation code: O*NET-SOC, ESCO/ISCO code, or the user's own. */
  code: z.string().max(100).nullish().transform((v) => (v && v.trim() ? v.trim() : null)),
  alternateTitles: labels(300),
  skills: z.array(PackRoleSkillSchema).max(5000).default([]),
  area: z.string().max(40).optional(),
  onetSoc: z.string().max(40).nullish(),
  escoUri: z.string().max(500).nullish(),
})
export type PackRole = z.output<typeof PackRoleSchema>

export const TaxonomyPackSchema = z.object({
  format: z.literal(PACK_FORMAT, { error: () => `must be "${PACK_FORMAT}"` }),
  version: z.literal(PACK_VERSION, { error: () => `must be ${PACK_VERSION} (this Skillfolio reads version ${PACK_VERSION} packs)` }),
  name: label(120).refine((n) => !n.startsWith(STAGING_PREFIX), `must not start with ${STAGING_PREFIX}`),
  /** The pack's own edition, e.g. "2026.11" or "1.1.1"; stored as the source version. */
  release: z.string().max(40).nullish().transform((v) => (v && v.trim() ? v.trim() : null)),
  description: z.string().max(5000).nullish(),
  /** Licence and attribution text the pack's data requires. */
  attribution: z.string().max(5000).nullish(),
  skills: z.array(PackSkillSchema).max(500_000),
  roles: z.array(PackRoleSchema).max(100_000).default([]),
})
export type TaxonomyPack = z.output<typeof TaxonomyPackSchema>
export type TaxonomyPackInput = z.input<typeof TaxonomyPackSchema>

/** Validates a parsed pack, including that ids are unique and every role skill is in the pack. */
export function parsePack(data: unknown): TaxonomyPack {
  const parsed = TaxonomyPackSchema.safeParse(data)
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
    throw badInput('This file is not a valid Skillfolio taxonomy pack', issues)
  }
  const pack = parsed.data
  const skillIds = new Set<string>()
  const issues: FieldIssue[] = []
  pack.skills.forEach((skill, i) => {
    if (skillIds.has(skill.id)) issues.push({ path: `skills.${i}.id`, message: `"${skill.id}" is used by two skills` })
    skillIds.add(skill.id)
  })
  const roleIds = new Set<string>()
  pack.roles.forEach((role, i) => {
    if (roleIds.has(role.id)) issues.push({ path: `roles.${i}.id`, message: `"${role.id}" is used by two roles` })
    roleIds.add(role.id)
    role.skills.forEach((entry, k) => {
      if (!skillIds.has(entry.skill)) issues.push({ path: `roles.${i}.skills.${k}.skill`, message: `"${entry.skill}" is not a skill of this pack` })
    })
  })
  if (issues.length > 0) throw badInput('This taxonomy pack refers to skills it does not define, or repeats an id', issues.slice(0, 20))
  return pack
}

export interface PackImportOptions extends TaxonomyImportOptions {
  /** Overrides the pack's name (re-importing the same name replaces it). */
  name?: string
}

/** Imports a parsed pack as source kind 'pack', replacing an earlier pack of the same name. */
export async function importPack(db: Db, data: unknown, options: PackImportOptions = {}): Promise<TaxonomyImportResult> {
  const pack = parsePack(data)
  const version = options.version !== undefined ? options.version : pack.release
  return runStagedImport(db, 'pack', options.name ?? pack.name, { ...options, version }, async (staged, report) => {
    report.setTotalBytes(pack.skills.length + pack.roles.length)
    report.phase('skills', null)
    const skillIds = new Map<string, number>()
    const BATCH = 2000
    for (let i = 0; i < pack.skills.length; i += BATCH) {
      const chunk = pack.skills.slice(i, i + BATCH)
      const ids = staged.addSkills(
        chunk.map((s) => ({ externalId: s.id, name: s.name, category: s.category, description: s.description, aliases: [...s.aliases, ...s.abbreviations] })),
      )
      chunk.forEach((s, k) => skillIds.set(s.id, ids[k]!))
      report.bytes(i + chunk.length)
      report.addRows(chunk.length)
      await Promise.resolve()
    }
    report.phase('roles', null)
    for (let i = 0; i < pack.roles.length; i += BATCH) {
      const chunk = pack.roles.slice(i, i + BATCH)
      const ids = staged.addOccupations(
        chunk.map((r) => ({ externalId: r.id, title: r.title, description: r.description, code: r.code ?? r.onetSoc ?? null, alternateTitles: r.alternateTitles })),
      )
      const links: RelationRow[] = []
      chunk.forEach((role, k) => {
        for (const entry of role.skills) links.push({ occupationId: ids[k]!, skillId: skillIds.get(entry.skill)!, essential: entry.essential, weight: entry.weight })
      })
      staged.addRelations(links)
      report.bytes(pack.skills.length + i + chunk.length)
      report.addRows(chunk.length)
      await Promise.resolve()
    }
    return { skipped: 0, warnings: [] }
  })
}

/** Reads a pack file and imports it. */
export async function importPackFile(db: Db, file: string, options: PackImportOptions = {}): Promise<TaxonomyImportResult> {
  return importPack(db, readPackFile(file), options)
}

/** Reads and JSON-parses a pack file (validation happens on import). */
export function readPackFile(file: string): unknown {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw badInput(`${file} does not exist`)
  }
  if (size > MAX_PACK_BYTES) throw badInput(`${basename(file)} is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; a taxonomy pack cannot be that big`)
  const text = readFileSync(file, 'utf8')
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown
  } catch {
    throw badInput(`${basename(file)} is not a taxonomy pack: it is not valid JSON`)
  }
}

interface ExportSkillRow {
  id: number
  external_id: string
  name: string
  category: string
  description: string | null
  aliases: string
}
interface ExportOccupationRow {
  id: number
  external_id: string
  title: string
  description: string | null
  code: string | null
  alternate_titles: string
}
interface ExportLinkRow {
  occupation_id: number
  skill: string
  weight: number
  essential: number
}

export interface ExportPackOptions {
  /** Needed to export the built-in catalog. */
  catalog?: Catalog
  /** Name of the exported pack; defaults to the source's name. */
  name?: string
}

/**
 * Builds a pack from an imported source (its taxonomy_source id) or from the built-in
 * catalog ('catalog', which needs `options.catalog`). Rows come out in import order.
 */
export function exportPack(db: Db, source: number | 'catalog', options: ExportPackOptions = {}): TaxonomyPack {
  if (source === 'catalog') {
    const catalog = options.catalog
    if (!catalog) throw new Error('exportPack(db, "catalog") needs options.catalog')
    return {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      name: options.name ?? 'Skillfolio catalog',
      release: catalog.version,
      description: 'The built-in skills and roles catalog of Skillfolio.',
      attribution: null,
      skills: catalog.skills.map((s) => ({
        id: s.id,
        name: s.name,
        category: s.category,
        description: null,
        aliases: [...s.aliases],
        abbreviations: [...s.abbreviations],
        area: s.area,
        contextOnly: s.contextOnly,
        escoUri: s.escoUri,
      })),
      roles: catalog.roles.map((r) => ({
        id: r.id,
        title: r.title,
        description: r.description,
        code: r.onetSoc,
        alternateTitles: [...r.alternateTitles],
        skills: r.skills.map((e) => ({ skill: e.skill, weight: e.weight, essential: e.essential })),
        area: r.area,
        onetSoc: r.onetSoc,
        escoUri: r.escoUri,
      })),
    }
  }
  const found = getTaxonomySource(db, source)
  if (!found || found.name.startsWith(STAGING_PREFIX)) throw notFound(`There is no imported taxonomy with id ${source}`)
  const skills = db
    .prepare<[number], ExportSkillRow>(`SELECT id, external_id, name, category, description, aliases FROM taxonomy_skill WHERE source_id = ? ORDER BY id`)
    .all(source)
  const occupations = db
    .prepare<[number], ExportOccupationRow>(
      `SELECT id, external_id, title, description, code, alternate_titles FROM taxonomy_occupation WHERE source_id = ? ORDER BY id`,
    )
    .all(source)
  const links = new Map<number, { skill: string; weight: number; essential: boolean }[]>()
  const linkRows = db
    .prepare<[number], ExportLinkRow>(
      `SELECT r.occupation_id, s.external_id AS skill, r.weight, r.essential
       FROM taxonomy_occupation_skill r
       JOIN taxonomy_occupation o ON o.id = r.occupation_id
       JOIN taxonomy_skill s ON s.id = r.skill_id
       WHERE o.source_id = ? ORDER BY r.occupation_id, r.essential DESC, r.weight DESC, s.id`,
    )
    .iterate(source)
  for (const row of linkRows) {
    let list = links.get(row.occupation_id)
    if (!list) links.set(row.occupation_id, (list = []))
    list.push({ skill: row.skill, weight: row.weight, essential: row.essential === 1 })
  }
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    name: options.name ?? found.name,
    release: found.version,
    description: null,
    attribution: null,
    skills: skills.map((s) => ({
      id: s.external_id,
      name: s.name,
      category: (SKILL_CATEGORIES as readonly string[]).includes(s.category) ? (s.category as PackSkill['category']) : 'other',
      description: s.description,
      aliases: parseJsonArray<string>(s.aliases),
      abbreviations: [],
    })),
    roles: occupations.map((o) => ({
      id: o.external_id,
      title: o.title,
      description: o.description,
      code: o.code,
      alternateTitles: parseJsonArray<string>(o.alternate_titles),
      skills: links.get(o.id) ?? [],
    })),
  }
}

/** Writes a pack as UTF-8 JSON (compact above 5,000 skills, indented otherwise). */
export function writePackFile(file: string, pack: TaxonomyPack): void {
  const big = pack.skills.length > 5000
  writeFileSync(file, `${JSON.stringify(pack, null, big ? undefined : 2)}\n`, 'utf8')
}
