/**
 * Skill relations of the built-in catalog (`broader` and `implies` in skills.json): the
 * examples the analysis relies on, a graph without cycles or dangling ids (walked here,
 * independently of the loader), agreement with ESCO's skill hierarchy where ESCO relates the
 * two skills, and the loader's refusals.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CatalogError, catalogSkill, loadCatalog, type CatalogSkill } from '../../../electron/core/taxonomy/catalog'
import { nameKey } from '../../../electron/core/portfolio/text'
import { sharedPath, skipReason } from '../../helpers/shared-data'

const RESOURCES = resolve(__dirname, '../../../resources')
const TAXONOMY = join(RESOURCES, 'taxonomy')
const FIXTURE_RESOURCES = resolve(__dirname, '../../fixtures/analysis/resources')
const catalog = loadCatalog(RESOURCES)
const rawSkills = JSON.parse(readFileSync(join(TAXONOMY, 'skills.json'), 'utf8')) as { version: string; skills: Record<string, unknown>[] }
const rawRoles = JSON.parse(readFileSync(join(TAXONOMY, 'roles.json'), 'utf8')) as unknown

type Kind = 'broader' | 'implies'
interface Link {
  from: string
  to: string
  kind: Kind
}
const linksOf = (skills: readonly CatalogSkill[]): Link[] =>
  skills.flatMap((s) => [...s.broader.map((to) => ({ from: s.id, to, kind: 'broader' as const })), ...s.implies.map((to) => ({ from: s.id, to, kind: 'implies' as const }))])
const links = linksOf(catalog.skills)

describe('built-in catalog: skill relations', () => {
  it('has the relations the analysis relies on', () => {
    const has = (from: string, kind: Kind, to: string) => expect(catalogSkill(catalog, from)?.[kind], `${from} ${kind} ${to}`).toContain(to)
    has('aws', 'implies', 'cloud-computing')
    has('azure', 'implies', 'cloud-computing')
    has('gcp', 'implies', 'cloud-computing')
    has('elt', 'implies', 'etl')
    has('dbt', 'implies', 'data-modeling')
    has('dbt', 'implies', 'elt')
    has('power-bi', 'implies', 'data-visualization')
    has('power-bi', 'implies', 'dashboards')
    has('tableau', 'broader', 'data-visualization')
    has('postgresql', 'broader', 'relational-databases')
    has('airflow', 'implies', 'data-pipelines')
    has('spark', 'implies', 'big-data')
    has('docker', 'implies', 'containers')
    has('kubernetes', 'implies', 'containers')
    has('pandas', 'implies', 'python')
    has('pivot-tables', 'implies', 'excel')
  })

  it('has ELT as a skill of its own, named by its usual forms', () => {
    const owner = new Map<string, string>()
    for (const s of catalog.skills) for (const t of [s.name, ...s.aliases, ...s.abbreviations]) owner.set(nameKey(t), s.id)
    expect(owner.get('elt')).toBe('elt')
    expect(owner.get('elt pipelines')).toBe('elt')
    expect(owner.get('extract, load, transform')).toBe('elt')
    expect(owner.get('etl')).toBe('etl')
    expect(owner.get('extract, transform, load')).toBe('etl')
  })

  it('relates a meaningful share of the skills, across areas', () => {
    expect(links.length).toBeGreaterThanOrEqual(200)
    const areaOf = (id: string) => catalogSkill(catalog, id)!.area
    const perArea = new Map<string, number>()
    for (const l of links) perArea.set(areaOf(l.from), (perArea.get(areaOf(l.from)) ?? 0) + 1)
    for (const area of ['data', 'cloud-devops', 'web', 'software', 'design', 'marketing', 'security']) {
      expect(perArea.get(area) ?? 0, `links from ${area} skills`).toBeGreaterThanOrEqual(10)
    }
  })

  it('links only existing skills, never a skill to itself, each target once', () => {
    for (const s of catalog.skills) {
      for (const kind of ['broader', 'implies'] as const) {
        expect(new Set(s[kind]).size, `${s.id}.${kind} has a duplicate`).toBe(s[kind].length)
        for (const to of s[kind]) {
          expect(catalogSkill(catalog, to), `${s.id}.${kind} -> ${to}`).toBeDefined()
          expect(to, `${s.id}.${kind} links to itself`).not.toBe(s.id)
        }
      }
      for (const to of s.implies) expect(s.broader, `${s.id}: ${to} both broader and implied`).not.toContain(to)
    }
  })

  it('forms no cycle, broader and implies together', () => {
    // Kahn's algorithm: repeatedly remove skills nothing links to; whatever stays is on a cycle.
    const incoming = new Map(catalog.skills.map((s) => [s.id, 0]))
    for (const l of links) incoming.set(l.to, incoming.get(l.to)! + 1)
    const queue = [...incoming].filter(([, n]) => n === 0).map(([id]) => id)
    let removed = 0
    while (queue.length > 0) {
      const id = queue.pop()!
      removed++
      for (const l of links) {
        if (l.from !== id) continue
        const n = incoming.get(l.to)! - 1
        incoming.set(l.to, n)
        if (n === 0) queue.push(l.to)
      }
    }
    const onCycles = [...incoming].filter(([, n]) => n > 0).map(([id]) => id)
    expect(onCycles).toEqual([])
    expect(removed).toBe(catalog.skills.length)
  })

  it('keeps relation fields out of the file when a skill has none', () => {
    for (const raw of rawSkills.skills) {
      if ('broader' in raw) expect((raw.broader as unknown[]).length, `${String(raw.id)}: empty broader`).toBeGreaterThan(0)
      if ('implies' in raw) expect((raw.implies as unknown[]).length, `${String(raw.id)}: empty implies`).toBeGreaterThan(0)
    }
  })

  it('loads the analysis fixture catalog with its relations', () => {
    const fixture = loadCatalog(FIXTURE_RESOURCES)
    expect(catalogSkill(fixture, 'aws')?.implies).toEqual(['cloud-computing'])
    expect(catalogSkill(fixture, 'power-bi')?.implies).toEqual(['data-visualisation'])
    expect(catalogSkill(fixture, 'sql')?.broader).toEqual([])
    expect(catalogSkill(fixture, 'sql')?.implies).toEqual([])
  })
})

describe('built-in catalog: skill relations agree with ESCO', () => {
  const esco = sharedPath('data', 'taxonomy', 'esco')
  it.skipIf(!esco)(`no relation runs against ESCO's skill hierarchy${esco ? '' : ` (${skipReason('data/taxonomy/esco')})`}`, () => {
    const lines = readFileSync(join(esco!, 'broaderRelationsSkillPillar.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean)
    const header = lines[0]!.split(',')
    const concept = header.indexOf('conceptUri')
    const broader = header.indexOf('broaderUri')
    expect(concept, 'conceptUri column').toBeGreaterThanOrEqual(0)
    expect(broader, 'broaderUri column').toBeGreaterThanOrEqual(0)
    const parents = new Map<string, string[]>()
    for (const line of lines.slice(1)) {
      const cells = line.split(',')
      const list = parents.get(cells[concept]!) ?? []
      list.push(cells[broader]!)
      parents.set(cells[concept]!, list)
    }
    expect(parents.size).toBeGreaterThan(10_000)
    const ancestors = new Map<string, Set<string>>()
    const ancestorsOf = (uri: string): Set<string> => {
      let found = ancestors.get(uri)
      if (found) return found
      found = new Set<string>()
      const stack = [uri]
      while (stack.length > 0) {
        for (const p of parents.get(stack.pop()!) ?? []) {
          if (!found.has(p)) {
            found.add(p)
            stack.push(p)
          }
        }
      }
      ancestors.set(uri, found)
      return found
    }

    const uri = (id: string) => catalogSkill(catalog, id)!.escoUri
    let compared = 0
    let sameConcept = 0
    const confirmed: string[] = []
    const contradicted: string[] = []
    for (const l of links) {
      const from = uri(l.from)
      const to = uri(l.to)
      if (!from || !to) continue
      compared++
      const text = `${l.from} -${l.kind}-> ${l.to}`
      if (from === to) sameConcept++
      else if (ancestorsOf(from).has(to)) confirmed.push(text)
      else if (ancestorsOf(to).has(from)) contradicted.push(`${text}: ESCO has ${l.to} under ${l.from}`)
    }
    console.log(
      `skill relations vs ESCO: ${links.length} relations, ${compared} between two skills with an ESCO concept; ` +
        `ESCO confirms ${confirmed.length}, contradicts ${contradicted.length}, same concept ${sameConcept}, ` +
        `unrelated in ESCO ${compared - confirmed.length - contradicted.length - sameConcept}`,
    )
    expect(contradicted).toEqual([])
    expect(confirmed.length).toBeGreaterThan(0)
  })
})

describe('loadCatalog: skill relations', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })
  function withSkills(edit: (byId: (id: string) => Record<string, unknown>) => void): string {
    const skills = structuredClone(rawSkills)
    edit((id) => skills.skills.find((s) => s.id === id)!)
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-relations-'))
    dirs.push(dir)
    mkdirSync(join(dir, 'taxonomy'))
    writeFileSync(join(dir, 'taxonomy', 'skills.json'), JSON.stringify(skills))
    writeFileSync(join(dir, 'taxonomy', 'roles.json'), JSON.stringify(rawRoles))
    return dir
  }
  const indexOf = (id: string) => rawSkills.skills.findIndex((s) => s.id === id)

  it('refuses a cycle and names its path', () => {
    const dir = withSkills((skill) => {
      skill('cloud-computing').implies = ['aws']
    })
    expect(() => loadCatalog(dir)).toThrow(CatalogError)
    expect(() => loadCatalog(dir)).toThrow(
      `skills.json: skills[${indexOf('cloud-computing')}] (id "cloud-computing"): broader and implies links form a cycle: cloud-computing -implies-> aws -implies-> cloud-computing`,
    )
  })

  it('refuses longer cycles, of one kind of link or through both', () => {
    const broader = withSkills((skill) => {
      skill('data-pipelines').broader = ['elt']
    })
    expect(() => loadCatalog(broader)).toThrow(/: broader and implies links form a cycle: data-pipelines -broader-> elt -broader-> data-pipelines$/)
    const implies = withSkills((skill) => {
      skill('etl').implies = ['dbt']
    })
    expect(() => loadCatalog(implies)).toThrow(/: broader and implies links form a cycle: dbt -implies-> elt -implies-> etl -implies-> dbt$/)
    const mixed = withSkills((skill) => {
      skill('sql').broader = ['mysql']
    })
    expect(() => loadCatalog(mixed)).toThrow(/: broader and implies links form a cycle: sql -broader-> mysql -broader-> relational-databases -implies-> sql$/)
  })

  it('refuses a link to a skill that does not exist', () => {
    const dir = withSkills((skill) => {
      skill('tableau').implies = ['dashboards', 'telepathy']
    })
    expect(() => loadCatalog(dir)).toThrow(`skills.json: skills[${indexOf('tableau')}] (id "tableau").implies[1]: "telepathy" is not a skill in skills.json`)
  })

  it('refuses a skill linked to itself', () => {
    const dir = withSkills((skill) => {
      skill('postgresql').broader = ['postgresql']
    })
    expect(() => loadCatalog(dir)).toThrow(`skills.json: skills[${indexOf('postgresql')}] (id "postgresql").broader[0]: "postgresql" links the skill to itself`)
  })

  it('refuses a target listed twice, or as both broader and implied', () => {
    const twice = withSkills((skill) => {
      skill('docker').implies = ['containers', 'containers']
    })
    expect(() => loadCatalog(twice)).toThrow(`skills.json: skills[${indexOf('docker')}] (id "docker").implies[1]: "containers" is listed twice`)
    const both = withSkills((skill) => {
      skill('docker').broader = ['containers']
    })
    expect(() => loadCatalog(both)).toThrow(`skills.json: skills[${indexOf('docker')}] (id "docker").implies[0]: "containers" is also listed in broader`)
  })

  it('refuses a malformed id or too many links', () => {
    const bad = withSkills((skill) => {
      skill('aws').implies = ['Cloud Computing']
    })
    expect(() => loadCatalog(bad)).toThrow(/skills\[\d+\] \(id "aws"\)\.implies\[0\]: must be a kebab-case id/)
    const many = withSkills((skill) => {
      skill('aws').implies = rawSkills.skills.slice(0, 11).map((s) => s.id)
    })
    expect(() => loadCatalog(many)).toThrow(/skills\[\d+\] \(id "aws"\)\.implies: /)
  })
})
