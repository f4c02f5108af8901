import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/core/db/open'
import {
  STAGING_PREFIX,
  detectTaxonomyInput,
  importEsco,
  importOnet,
  importTaxonomy,
  listTaxonomySources,
  removeTaxonomySource,
  technologyAliases,
  type TaxonomyImportProgress,
} from '../../../electron/core/taxonomy'
import { AppError } from '../../../electron/shared/errors'
import { sharedPath, skipReason } from '../../helpers/shared-data'
import { MINI, tempDb, writeMiniEsco, writeMiniOnet, type TempDb } from './helpers'

interface SkillRow {
  external_id: string
  name: string
  category: string
  description: string | null
  aliases: string
}
interface LinkRow {
  skill: string
  essential: number
  weight: number
}

const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).pluck().get(...params) as number) ?? 0
const skill = (db: Db, externalId: string) =>
  db.prepare(`SELECT external_id, name, category, description, aliases FROM taxonomy_skill WHERE external_id = ?`).get(externalId) as SkillRow | undefined
const occupation = (db: Db, externalId: string) =>
  db.prepare(`SELECT id, title, code, description, alternate_titles FROM taxonomy_occupation WHERE external_id = ?`).get(externalId) as
    | { id: number; title: string; code: string | null; description: string | null; alternate_titles: string }
    | undefined
const links = (db: Db, occupationExternalId: string) =>
  db
    .prepare(
      `SELECT s.external_id AS skill, r.essential, r.weight FROM taxonomy_occupation_skill r
       JOIN taxonomy_occupation o ON o.id = r.occupation_id JOIN taxonomy_skill s ON s.id = r.skill_id
       WHERE o.external_id = ? ORDER BY s.external_id`,
    )
    .all(occupationExternalId) as LinkRow[]

async function expectBadInput(promise: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('BAD_INPUT')
  expect((error as AppError).message).toMatch(message)
}

let t: TempDb
beforeEach(() => {
  t = tempDb()
})
afterEach(() => t.cleanup())

describe('ESCO import (synthetic folder)', () => {
  it('imports skills, occupations and relations, tagged with their source', async () => {
    const folder = writeMiniEsco(join(t.dir, 'esco'))
    const result = await importEsco(t.db, folder, { version: '1.1.1', now: () => new Date('2026-11-28T12:00:00Z') })
    expect(result.source).toMatchObject({ kind: 'esco', name: 'ESCO', version: '1.1.1', skills: 5, occupations: 2, relations: 6, importedAt: '2026-11-28T12:00:00.000Z' })
    expect(result.replaced).toBe(false)
    expect(result.skipped).toBe(1)
    expect(result.warnings).toEqual(['1 occupation named in the relations file is not in occupations_en.csv; their links were skipped'])

    expect(skill(t.db, MINI.skillUri(1))).toMatchObject({ name: 'skill 1', category: 'knowledge', description: 'Says "hello", then 1.' })
    expect(skill(t.db, MINI.skillUri(2))?.category).toBe('transversal')
    const third = skill(t.db, MINI.skillUri(3))!
    expect(third.category).toBe('other')
    // altLabels and hiddenLabels, split on newlines, without the preferred label itself.
    expect(JSON.parse(third.aliases)).toEqual(['alt 3a', 'alt 3b', 'hidden 3'])
    const occ = occupation(t.db, MINI.occupationUri(1))!
    expect(occ).toMatchObject({ title: 'occupation 1', code: '2511.1', description: 'Occupation 1, described.' })
    expect(JSON.parse(occ.alternate_titles)).toEqual(['title 1a', 'title 1b'])
    expect(links(t.db, MINI.occupationUri(1))).toEqual([
      { skill: MINI.skillUri(1), essential: 1, weight: 1 },
      { skill: MINI.skillUri(2), essential: 0, weight: 0.4 },
      { skill: MINI.skillUri(3), essential: 0, weight: 0.4 },
    ])
    // The user's own skills are never touched.
    expect(count(t.db, 'SELECT count(*) FROM skill')).toBe(0)
  })

  it('reads a gzipped relations file', async () => {
    const folder = writeMiniEsco(join(t.dir, 'esco-gz'), { gzipRelations: true })
    const result = await importEsco(t.db, folder)
    expect(result.source.relations).toBe(6)
  })

  it('replaces the previous import of the same source on re-import', async () => {
    const first = await importEsco(t.db, writeMiniEsco(join(t.dir, 'v1')))
    const second = await importEsco(t.db, writeMiniEsco(join(t.dir, 'v2'), { label: ' v2', skills: 4, occupations: 3 }))
    expect(second.replaced).toBe(true)
    expect(second.source.id).not.toBe(first.source.id)
    expect(listTaxonomySources(t.db).map((s) => [s.kind, s.skills, s.occupations, s.relations])).toEqual([['esco', 4, 3, 9]])
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_skill')).toBe(4)
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_occupation_skill')).toBe(9)
    expect(skill(t.db, MINI.skillUri(1))?.name).toBe('skill 1 v2')
    expect(skill(t.db, MINI.skillUri(5))).toBeUndefined()
  })

  it('keeps the previous import intact when a new one fails', async () => {
    const first = await importEsco(t.db, writeMiniEsco(join(t.dir, 'good')))
    const broken = writeMiniEsco(join(t.dir, 'broken'), { label: ' broken', brokenRelations: true })
    await expect(importEsco(t.db, broken)).rejects.toThrow(/never ends/)
    expect(listTaxonomySources(t.db)).toEqual([first.source])
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_source')).toBe(1) // no staging rows left behind
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_skill')).toBe(5)
    expect(skill(t.db, MINI.skillUri(1))?.name).toBe('skill 1')
  })

  it('stops between batches when aborted, keeping the previous import', async () => {
    const first = await importEsco(t.db, writeMiniEsco(join(t.dir, 'good')))
    const controller = new AbortController()
    const attempt = importEsco(t.db, writeMiniEsco(join(t.dir, 'next'), { label: ' next' }), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'occupations') controller.abort()
      },
    })
    await expect(attempt).rejects.toThrow(/abort/i)
    expect(listTaxonomySources(t.db)).toEqual([first.source])
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_skill')).toBe(5)
  })

  it('reports progress through every phase up to done', async () => {
    const events: TaxonomyImportProgress[] = []
    await importEsco(t.db, writeMiniEsco(join(t.dir, 'esco')), { onProgress: (p) => events.push(p) })
    const phases = [...new Set(events.map((e) => e.phase))]
    expect(phases).toEqual(['skills', 'occupations', 'relations', 'commit', 'done'])
    const fractions = events.map((e) => e.fraction)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(events.at(-1)).toMatchObject({ phase: 'done', fraction: 1 })
    expect(events.find((e) => e.phase === 'skills')?.file).toBe('skills_en.csv')
  })

  it('sweeps staging rows left by a crashed import', async () => {
    t.db.prepare(`INSERT INTO taxonomy_source (kind, name, imported_at) VALUES ('esco', ?, '2026-01-01')`).run(`${STAGING_PREFIX}dead~ESCO`)
    await importEsco(t.db, writeMiniEsco(join(t.dir, 'esco')))
    expect(t.db.prepare('SELECT name FROM taxonomy_source').pluck().all()).toEqual(['ESCO'])
  })

  it('removes an imported source with its rows', async () => {
    const { source } = await importEsco(t.db, writeMiniEsco(join(t.dir, 'esco')))
    expect(removeTaxonomySource(t.db, source.id)).toBe(true)
    expect(removeTaxonomySource(t.db, source.id)).toBe(false)
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_skill') + count(t.db, 'SELECT count(*) FROM taxonomy_occupation_skill')).toBe(0)
  })

  it('explains a wrong folder', async () => {
    const empty = join(t.dir, 'empty')
    mkdirSync(empty)
    await expectBadInput(importEsco(t.db, empty), 'This folder has no skills_en.csv; choose the folder that holds the ESCO CSV files')
    writeMiniEsco(join(t.dir, 'parent', 'esco'))
    await expectBadInput(importEsco(t.db, join(t.dir, 'parent')), /no skills_en\.csv \(its subfolder "esco" has one\)/)
    await expectBadInput(importEsco(t.db, join(t.dir, 'missing')), /does not exist; choose the folder that holds the ESCO CSV files/)
    const zip = join(t.dir, 'esco.zip')
    writeFileSync(zip, 'PK')
    await expectBadInput(importEsco(t.db, zip), /esco\.zip is a zip archive; unzip it first/)
    const onlySkills = join(t.dir, 'only-skills')
    mkdirSync(onlySkills)
    copyFileSync(join(t.dir, 'parent', 'esco', 'skills_en.csv'), join(onlySkills, 'skills_en.csv'))
    await expectBadInput(importEsco(t.db, onlySkills), /has skills_en\.csv but no occupations_en\.csv/)
    copyFileSync(join(t.dir, 'parent', 'esco', 'occupations_en.csv'), join(onlySkills, 'occupations_en.csv'))
    await expectBadInput(importEsco(t.db, onlySkills), /no occupationSkillRelations\.csv \(or \.csv\.gz\); it comes in ESCO's separate "relations" download/)
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_source')).toBe(0)
  })

  it('names the file and the column when a file has the wrong layout', async () => {
    const folder = writeMiniEsco(join(t.dir, 'esco'))
    writeFileSync(join(folder, 'occupations_en.csv'), 'uri,label\nhttp://x,y\n')
    await expect(importEsco(t.db, folder)).rejects.toThrow('occupations_en.csv has no column "conceptUri", "preferredLabel", "altLabels", "hiddenLabels", "description", "code"; is it the right file?')
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_source')).toBe(0)
  })
})

describe('O*NET import (synthetic folder)', () => {
  it('imports occupations, technology skills and weighted generic skills', async () => {
    const result = await importOnet(t.db, writeMiniOnet(join(t.dir, 'onet')))
    expect(result.source).toMatchObject({ kind: 'onet', name: 'O*NET', version: '29.3', occupations: 2, skills: 6, relations: 7 })
    expect(result.skipped).toBe(1) // the alternate title of an occupation that does not exist
    const ds = occupation(t.db, '15-2051.00')!
    expect(ds).toMatchObject({ title: 'Data Scientists', code: '15-2051.00' })
    expect(JSON.parse(ds.alternate_titles)).toEqual(['Machine Learning Engineer', 'ML Engineer', 'Data Scientist'])
    expect(skill(t.db, 'tech:Structured query language SQL')).toMatchObject({ category: 'technology', description: 'Database management system software' })
    expect(JSON.parse(skill(t.db, 'tech:Structured query language SQL')!.aliases)).toEqual(['SQL', 'Structured query language'])
    expect(JSON.parse(skill(t.db, 'tech:Microsoft Power BI')!.aliases)).toEqual([])
    expect(skill(t.db, '2.B.3.e')).toMatchObject({ name: 'Programming', category: 'technology' })
    expect(skill(t.db, '2.A.2.a')).toMatchObject({ name: 'Critical Thinking', category: 'transversal' })
    expect(links(t.db, '15-2051.00')).toEqual([
      { skill: '2.A.2.a', essential: 0, weight: 0.375 },
      { skill: '2.B.3.e', essential: 1, weight: 0.78 },
      { skill: 'tech:Apache Airflow', essential: 0, weight: 0.3 },
      { skill: 'tech:Python', essential: 0, weight: 0.7 },
      { skill: 'tech:Structured query language SQL', essential: 1, weight: 1 },
    ])
    // Not relevant (level) and suppressed ratings are left out.
    expect(links(t.db, '15-1254.00')).toEqual([
      { skill: 'tech:Microsoft Power BI', essential: 0, weight: 0.3 },
      { skill: 'tech:Structured query language SQL', essential: 0, weight: 0.7 },
    ])
  })

  it('explains a wrong folder', async () => {
    const empty = join(t.dir, 'empty')
    mkdirSync(empty)
    await expectBadInput(importOnet(t.db, empty), /^This folder has no Occupation Data\.txt; choose the folder that holds the O\*NET text files/)
    writeFileSync(join(empty, 'Occupation Data.xlsx'), '')
    await expectBadInput(importOnet(t.db, empty), /Excel edition of O\*NET; download the text edition/)
  })

  it('derives aliases from long product names', () => {
    expect(technologyAliases('Amazon Web Services AWS software')).toEqual(['AWS', 'Amazon Web Services'])
    expect(technologyAliases('Extensible markup language XML')).toEqual(['XML', 'Extensible markup language'])
    expect(technologyAliases('Microsoft Power BI')).toEqual([])
    expect(technologyAliases('Oracle Java software')).toEqual(['Oracle Java'])
    expect(technologyAliases('Python')).toEqual([])
  })
})

describe('importTaxonomy detects what it is given', () => {
  it('tells ESCO, O*NET and packs apart, and explains anything else', async () => {
    expect(detectTaxonomyInput(writeMiniEsco(join(t.dir, 'esco')))).toBe('esco')
    expect(detectTaxonomyInput(writeMiniOnet(join(t.dir, 'onet')))).toBe('onet')
    writeFileSync(join(t.dir, 'pack.json'), '{}')
    expect(detectTaxonomyInput(join(t.dir, 'pack.json'))).toBe('pack')
    expect(() => detectTaxonomyInput(t.dir)).toThrow(/neither the ESCO CSV files .* nor the O\*NET text files .* \(try its subfolder "(esco|onet)"\)/)
    const onet = await importTaxonomy(t.db, join(t.dir, 'onet'))
    expect(onet.source.kind).toBe('onet')
    expect(listTaxonomySources(t.db).map((s) => s.kind)).toEqual(['onet'])
  })
})

// ---------- the real downloads in ../shared ----------

const escoDir = sharedPath('data', 'taxonomy', 'esco')
const onetDir = sharedPath('data', 'taxonomy', 'onet')

/**
 * Samples RSS while `fn` runs; returns its result and the peak RSS increase. How long an import
 * takes is measured in tests/bench/taxonomy.bench.ts, not here.
 */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; peakDeltaMb: number }> {
  const base = process.memoryUsage().rss
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25)
  try {
    const value = await fn()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { value, peakDeltaMb: (peak - base) / 1024 / 1024 }
  } finally {
    clearInterval(timer)
  }
}

describe.skipIf(!escoDir)(`ESCO v1.1.1 from ../shared${escoDir ? '' : ` (${skipReason('data/taxonomy/esco')})`}`, () => {
  // Expected counts, computed from the files without the importer's parser.
  function expectedEsco() {
    const skillsCsv = readFileSync(join(escoDir!, 'skills_en.csv'), 'utf8')
    const occupationsCsv = readFileSync(join(escoDir!, 'occupations_en.csv'), 'utf8')
    const skills = skillsCsv.match(/^KnowledgeSkillCompetence,http:\/\/data\.europa\.eu\/esco\/skill\//gm)!.length
    const occupationUris = new Set(occupationsCsv.match(/^Occupation,http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}/gm)!.map((m) => m.slice(11)))
    const relationLines = gunzipSync(readFileSync(join(escoDir!, 'occupationSkillRelations.csv.gz'))).toString('utf8').trim().split('\n').slice(1)
    const relations = relationLines.filter((l) => occupationUris.has(l.slice(0, l.indexOf(',')))).length
    return { skills, occupations: occupationUris.size, relations, unknown: relationLines.length - relations }
  }

  it('imports everything the files hold, within 1 GB of memory', { timeout: 180_000 }, async () => {
    const expected = expectedEsco()
    expect(expected).toMatchObject({ skills: 13_896, occupations: 3_007 })
    const { value: result, peakDeltaMb } = await measure(() => importEsco(t.db, escoDir!, { version: '1.1.1' }))
    expect(result.source).toMatchObject({ skills: expected.skills, occupations: expected.occupations, relations: expected.relations })
    expect(result.skipped).toBe(expected.unknown)
    // A generous ceiling; the real figure is in `npm run bench` (tests/bench/taxonomy.bench.ts).
    expect(peakDeltaMb).toBeLessThan(1024)

    // A known occupation with its essential skills.
    const analyst = occupation(t.db, 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2')!
    expect(analyst).toMatchObject({ title: 'data analyst', code: '2511.3' })
    expect(JSON.parse(analyst.alternate_titles)).toContain('data warehousing analyst')
    const analystLinks = t.db
      .prepare(
        `SELECT s.name, r.essential FROM taxonomy_occupation_skill r JOIN taxonomy_skill s ON s.id = r.skill_id WHERE r.occupation_id = ?`,
      )
      .all(analyst.id) as { name: string; essential: number }[]
    expect(analystLinks.length).toBe(52)
    const essentials = analystLinks.filter((l) => l.essential === 1).map((l) => l.name)
    expect(essentials.length).toBe(30)
    expect(essentials).toEqual(expect.arrayContaining(['statistics', 'data mining', 'perform data cleansing', 'business intelligence']))

    // A known skill with its labels.
    const sql = skill(t.db, 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742')!
    expect(sql).toMatchObject({ name: 'SQL', category: 'knowledge' })
    expect(JSON.parse(sql.aliases)).toEqual(expect.arrayContaining(['SEQUEL', 'Subquery']))

    // Re-import replaces: same counts, one source, no leftover rows.
    const again = await importTaxonomy(t.db, escoDir!, { version: '1.1.1' })
    expect(again.replaced).toBe(true)
    expect(listTaxonomySources(t.db)).toHaveLength(1)
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_skill')).toBe(expected.skills)
    expect(count(t.db, 'SELECT count(*) FROM taxonomy_occupation_skill')).toBe(expected.relations)
  })
})

describe.skipIf(!onetDir)(`O*NET 29.3 from ../shared${onetDir ? '' : ` (${skipReason('data/taxonomy/onet')})`}`, () => {
  const rows = (file: string) =>
    readFileSync(join(onetDir!, file), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.length > 0)
      .map((l) => l.split('\t'))

  it('imports occupations, technology skills and generic skills as the files hold them', { timeout: 120_000 }, async () => {
    const occupations = rows('Occupation Data.txt').length
    const tech = rows('Technology Skills.txt')
    const ratings = rows('Skills.txt')
    const notRelevant = new Set(ratings.filter((r) => r[4] === 'LV' && r[12] === 'Y').map((r) => `${r[0]}|${r[2]}`))
    const kept = ratings.filter((r) => r[4] === 'IM' && r[11] !== 'Y' && !notRelevant.has(`${r[0]}|${r[2]}`)).length
    const expected = {
      occupations,
      skills: new Set(tech.map((r) => r[2])).size + new Set(ratings.map((r) => r[2])).size,
      relations: new Set(tech.map((r) => `${r[0]}|${r[2]}`)).size + kept,
    }
    expect(expected.occupations).toBe(1016)

    const result = await importOnet(t.db, onetDir!)
    expect(result.source).toMatchObject({ kind: 'onet', version: '29.3', ...expected })

    const ds = occupation(t.db, '15-2051.00')!
    expect(ds.title).toBe('Data Scientists')
    expect(JSON.parse(ds.alternate_titles)).toContain('Machine Learning Engineer')
    const dsLinks = links(t.db, '15-2051.00')
    expect(dsLinks).toContainEqual({ skill: 'tech:Amazon Web Services AWS software', essential: 1, weight: 1 })
    expect(dsLinks).toContainEqual({ skill: 'tech:Apache Cassandra', essential: 0, weight: 0.7 })
    expect(dsLinks).toContainEqual({ skill: 'tech:Apache Airflow', essential: 0, weight: 0.3 })
    expect(JSON.parse(skill(t.db, 'tech:Amazon Web Services AWS software')!.aliases)).toEqual(['AWS', 'Amazon Web Services'])
    // Importance 4.12 of Programming for Web Developers: weight (4.12 - 1) / 4, essential.
    expect(links(t.db, '15-1254.00')).toContainEqual({ skill: '2.B.3.e', essential: 1, weight: 0.78 })
    expect(skill(t.db, '2.B.3.e')?.description).toMatch(/computer programs/i)
  })
})
