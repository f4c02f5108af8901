import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  AREAS,
  CatalogError,
  ONET_SOC_CODE,
  buildCatalog,
  catalogRole,
  catalogSkill,
  clearCatalogCache,
  loadCatalog,
  roleSkills,
} from '../../../electron/core/taxonomy/catalog'
import { nameKey } from '../../../electron/core/portfolio/text'
import { sharedPath, skipReason } from '../../helpers/shared-data'
import { formatRolesFile, formatSkillsFile } from './catalog-format'

const RESOURCES = resolve(__dirname, '../../../resources')
const TAXONOMY = join(RESOURCES, 'taxonomy')
const catalog = loadCatalog(RESOURCES)
const rawSkills = JSON.parse(readFileSync(join(TAXONOMY, 'skills.json'), 'utf8')) as { version: string; skills: Record<string, unknown>[] }
const rawRoles = JSON.parse(readFileSync(join(TAXONOMY, 'roles.json'), 'utf8')) as { version: string; roles: Record<string, unknown>[] }

const ESCO_SKILL = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ESCO_OCCUPATION = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('built-in catalog: size and coverage', () => {
  it('has at least 600 skills and 60 roles, one version', () => {
    expect(catalog.skills.length).toBeGreaterThanOrEqual(600)
    expect(catalog.roles.length).toBeGreaterThanOrEqual(60)
    expect(catalog.version).toMatch(/^\d{4}\.\d{1,2}$/)
    expect(rawSkills.version).toBe(rawRoles.version)
  })

  it('uses every area for skills, and roles only from the documented list', () => {
    const skillAreas = new Set(catalog.skills.map((s) => s.area))
    for (const area of AREAS) expect(skillAreas, `no skill in area ${area}`).toContain(area)
    for (const role of catalog.roles) expect(AREAS).toContain(role.area)
  })

  it('covers the fields the issue names with roles', () => {
    const titles = catalog.roles.map((r) => r.title.toLowerCase())
    for (const wanted of ['data analyst', 'data scientist', 'data engineer', 'ux designer', 'ui designer', 'product designer', 'front-end developer', 'back-end developer', 'ios developer', 'android developer', 'software engineer', 'qa tester', 'devops engineer', 'cloud engineer', 'cybersecurity analyst', 'seo specialist', 'content writer', 'social media manager', 'digital marketing specialist', 'product manager', 'project manager', 'it support specialist']) {
      expect(titles, wanted).toContain(wanted)
    }
    // Junior and senior variants where meaningful.
    expect(titles.filter((t) => t.startsWith('junior ')).length).toBeGreaterThanOrEqual(4)
    expect(titles.filter((t) => t.startsWith('senior ')).length).toBeGreaterThanOrEqual(4)
  })

  it('has all three categories, context-only words and ESCO references', () => {
    const categories = new Set(catalog.skills.map((s) => s.category))
    expect([...categories].sort()).toEqual(['knowledge', 'technology', 'transversal'])
    for (const id of ['go', 'r', 'excel', 'swift', 'rust', 'dart', 'spark', 'chef', 'puppet', 'word', 'access', 'teams']) {
      expect(catalogSkill(catalog, id)?.contextOnly, id).toBe(true)
    }
    expect(catalogSkill(catalog, 'sql')?.contextOnly).toBe(false)
    expect(catalog.skills.filter((s) => s.escoUri).length).toBeGreaterThan(150)
  })

  it('knows the usual short forms', () => {
    const byTerm = new Map<string, string>()
    for (const s of catalog.skills) for (const t of [s.name, ...s.aliases, ...s.abbreviations]) byTerm.set(nameKey(t), s.id)
    expect(byTerm.get('js')).toBe('javascript')
    expect(byTerm.get('ms excel')).toBe('excel')
    expect(byTerm.get('ga4')).toBe('google-analytics')
    expect(byTerm.get('k8s')).toBe('kubernetes')
    expect(byTerm.get('golang')).toBe('go')
    expect(byTerm.get('structured query language')).toBe('sql')
  })
})

describe('built-in catalog: integrity', () => {
  it('has unique skill ids in kebab case', () => {
    const ids = catalog.skills.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('never lets a name, alias or abbreviation name two skills', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const s of catalog.skills) {
      for (const term of [s.name, ...s.aliases, ...s.abbreviations]) {
        const key = nameKey(term)
        const other = owner.get(key)
        if (other && other !== s.id) clashes.push(`${term}: ${other} / ${s.id}`)
        owner.set(key, s.id)
      }
    }
    expect(clashes).toEqual([])
  })

  it('keeps aliases tidy: no duplicates within a skill, none equal to the name', () => {
    for (const s of catalog.skills) {
      const keys = [...s.aliases, ...s.abbreviations].map(nameKey)
      expect(new Set(keys).size, s.id).toBe(keys.length)
      expect(keys, s.id).not.toContain(nameKey(s.name))
    }
  })

  it('has well-formed ESCO skill URIs', () => {
    for (const s of catalog.skills) if (s.escoUri !== null) expect(s.escoUri, s.id).toMatch(ESCO_SKILL)
  })

  it('gives every role a well-formed O*NET-SOC code, ESCO URI or null, and 15–40 weighted skills that exist', () => {
    const roleIds = new Set<string>()
    for (const role of catalog.roles) {
      expect(roleIds.has(role.id), role.id).toBe(false)
      roleIds.add(role.id)
      expect(role.onetSoc, role.id).toMatch(ONET_SOC_CODE)
      if (role.escoUri !== null) expect(role.escoUri, role.id).toMatch(ESCO_OCCUPATION)
      expect(role.skills.length, role.id).toBeGreaterThanOrEqual(15)
      expect(role.skills.length, role.id).toBeLessThanOrEqual(40)
      expect(role.skills.some((e) => e.essential), `${role.id} has no essential skill`).toBe(true)
      expect(role.description.length, role.id).toBeGreaterThan(20)
      const seen = new Set<string>()
      for (const entry of role.skills) {
        expect(catalogSkill(catalog, entry.skill), `${role.id} -> ${entry.skill}`).toBeDefined()
        expect(entry.weight).toBeGreaterThanOrEqual(0)
        expect(entry.weight).toBeLessThanOrEqual(1)
        expect(seen.has(entry.skill), `${role.id} lists ${entry.skill} twice`).toBe(false)
        seen.add(entry.skill)
      }
    }
  })

  it('resolves lookups by id', () => {
    const role = catalogRole(catalog, 'data-analyst')!
    expect(role.title).toBe('Data Analyst')
    expect(role.onetSoc).toBe('15-2051.01')
    const resolved = roleSkills(catalog, role)
    expect(resolved[0]?.skill.name).toBe('SQL')
    expect(catalogRole(catalog, 'no-such-role')).toBeUndefined()
    expect(catalogSkill(catalog, 'no-such-skill')).toBeUndefined()
  })

  it('is in its canonical layout (run tests/core/taxonomy/catalog-tool.ts --write)', () => {
    expect(readFileSync(join(TAXONOMY, 'skills.json'), 'utf8')).toBe(formatSkillsFile(catalog.version, catalog.skills))
    expect(readFileSync(join(TAXONOMY, 'roles.json'), 'utf8')).toBe(formatRolesFile(catalog.version, catalog.roles))
  })

  it('ships both attribution texts for the About screen', () => {
    const attribution = JSON.parse(readFileSync(join(TAXONOMY, 'attribution.json'), 'utf8')) as Record<string, unknown>
    expect(Object.keys(attribution).sort()).toEqual(['esco', 'onet'])
    expect(attribution.onet).toMatch(/O\*NET 29\.3 Database.*USDOL\/ETA.*CC BY 4\.0.*trademark/s)
    expect(attribution.esco).toMatch(/© European Union.*ESCO/s)
  })
})

describe('built-in catalog: references exist in the official files', () => {
  const taxonomy = sharedPath('data', 'taxonomy')
  it.skipIf(!taxonomy)(`every O*NET code and ESCO URI is real${taxonomy ? '' : ` (${skipReason('data/taxonomy')})`}`, () => {
    const onet = new Set(readFileSync(join(taxonomy!, 'onet', 'Occupation Data.txt'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]))
    const skillsCsv = readFileSync(join(taxonomy!, 'esco', 'skills_en.csv'), 'utf8')
    const escoSkills = new Set(skillsCsv.match(/http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}/g))
    const occupationsCsv = readFileSync(join(taxonomy!, 'esco', 'occupations_en.csv'), 'utf8')
    const escoOccupations = new Set(occupationsCsv.match(/^Occupation,(http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36})/gm)!.map((m) => m.slice('Occupation,'.length)))
    for (const role of catalog.roles) {
      expect(onet.has(role.onetSoc), `${role.id}: ${role.onetSoc}`).toBe(true)
      if (role.escoUri) expect(escoOccupations.has(role.escoUri), `${role.id}: ${role.escoUri}`).toBe(true)
    }
    for (const skill of catalog.skills) if (skill.escoUri) expect(escoSkills.has(skill.escoUri), `${skill.id}: ${skill.escoUri}`).toBe(true)
  })
})

describe('loadCatalog', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })
  function catalogFolder(skills: unknown, roles: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-catalog-'))
    dirs.push(dir)
    mkdirSync(join(dir, 'taxonomy'))
    writeFileSync(join(dir, 'taxonomy', 'skills.json'), typeof skills === 'string' ? skills : JSON.stringify(skills))
    writeFileSync(join(dir, 'taxonomy', 'roles.json'), typeof roles === 'string' ? roles : JSON.stringify(roles))
    return dir
  }
  const firstRole = rawRoles.roles[0]!

  it('caches per folder', () => {
    expect(loadCatalog(RESOURCES)).toBe(catalog)
    clearCatalogCache()
    const again = loadCatalog(RESOURCES)
    expect(again).not.toBe(catalog)
    expect(again.skills.length).toBe(catalog.skills.length)
  })

  it('names the file and the field of a bad value', () => {
    const skills = structuredClone(rawSkills)
    skills.skills[3] = { ...skills.skills[3], area: 'astrology' }
    const dir = catalogFolder(skills, rawRoles)
    expect(() => loadCatalog(dir)).toThrow(CatalogError)
    expect(() => loadCatalog(dir)).toThrow(/^skills\.json: skills\[3\] \(id "[a-z-]+"\)\.area: must be one of: data, /)
  })

  it('names a role skill that does not exist', () => {
    const roles = structuredClone(rawRoles)
    const role = roles.roles[0] as { skills: { skill: string }[] }
    role.skills[2]!.skill = 'telepathy'
    expect(() => loadCatalog(catalogFolder(rawSkills, roles))).toThrow(`roles.json: roles[0] (id "${String(firstRole.id)}").skills[2].skill: "telepathy" is not a skill in skills.json`)
  })

  it('refuses an alias that names two skills', () => {
    const skills = structuredClone(rawSkills)
    const second = skills.skills[1] as { aliases: string[] }
    second.aliases = [...second.aliases, String(skills.skills[0]!.name).toUpperCase()]
    expect(() => loadCatalog(catalogFolder(skills, rawRoles))).toThrow(/skills\.json: skills\[1\] \(id "[a-z-]+"\)\.aliases\[\d+\]: ".*" also names skill "sql"/)
  })

  it('refuses too few skills in a role, bad codes and bad URIs', () => {
    const tooFew = structuredClone(rawRoles)
    ;(tooFew.roles[0] as { skills: unknown[] }).skills.splice(14)
    expect(() => loadCatalog(catalogFolder(rawSkills, tooFew))).toThrow(/roles\[0\].*\.skills: a role needs at least 15 skills/)
    const badCode = structuredClone(rawRoles)
    ;(badCode.roles[1] as { onetSoc: string }).onetSoc = '15-2051'
    expect(() => loadCatalog(catalogFolder(rawSkills, badCode))).toThrow(/roles\[1\].*\.onetSoc: must be an O\*NET-SOC code/)
    const badUri = structuredClone(rawSkills)
    ;(badUri.skills[0] as { escoUri: string }).escoUri = 'https://esco.ec.europa.eu/en/skill/sql'
    expect(() => loadCatalog(catalogFolder(badUri, rawRoles))).toThrow(/skills\[0\] \(id "sql"\)\.escoUri: must be an ESCO skill URI/)
  })

  it('reports unreadable and malformed files by name', () => {
    expect(() => loadCatalog(catalogFolder('{"version": "2026.11", "skills": [', rawRoles))).toThrow(/^skills\.json: is not valid JSON/)
    expect(() => loadCatalog(join(tmpdir(), 'no-such-skillfolio-resources'))).toThrow(/^skills\.json: cannot be read \(ENOENT\)/)
  })

  it('builds from parsed data too (buildCatalog)', () => {
    expect(buildCatalog(rawSkills, rawRoles).roles.length).toBe(catalog.roles.length)
    expect(() => buildCatalog(rawSkills, { ...rawRoles, version: '2025.1' })).toThrow(/roles\.json: version: "2025\.1" differs/)
  })
})
