import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  PACK_FORMAT,
  exportPack,
  importEsco,
  importOnet,
  importPack,
  importPackFile,
  importTaxonomy,
  listTaxonomySources,
  loadCatalog,
  parsePack,
  writePackFile,
  type TaxonomyPack,
} from '../../../electron/core/taxonomy'
import { AppError } from '../../../electron/shared/errors'
import { tempDb, writeMiniEsco, writeMiniOnet, type TempDb } from './helpers'

const catalog = loadCatalog(resolve(__dirname, '../../../resources'))

/** What a pack says, without the envelope that names the source. */
const content = (pack: TaxonomyPack) => ({ skills: pack.skills, roles: pack.roles })

const tinyPack = () => ({
  format: PACK_FORMAT,
  version: 1,
  name: 'Acme ladder',
  release: '2026.1',
  skills: [
    { id: 'js', name: 'JavaScript', category: 'technology', aliases: ['ECMAScript'], abbreviations: ['JS'] },
    { id: 'writing', name: 'Writing' },
  ],
  roles: [
    {
      id: 'dev',
      title: 'Developer',
      code: '15-1252.00',
      alternateTitles: ['Programmer'],
      skills: [{ skill: 'js', weight: 0.9, essential: true }, { skill: 'writing' }],
    },
  ],
})

let t: TempDb
beforeEach(() => {
  t = tempDb()
})
afterEach(() => t.cleanup())

describe('taxonomy packs', () => {
  it('imports a pack with defaults filled in and abbreviations kept as aliases', async () => {
    const result = await importPack(t.db, tinyPack())
    expect(result.source).toMatchObject({ kind: 'pack', name: 'Acme ladder', version: '2026.1', skills: 2, occupations: 1, relations: 2 })
    const pack = exportPack(t.db, result.source.id)
    expect(pack).toMatchObject({ format: PACK_FORMAT, version: 1, name: 'Acme ladder', release: '2026.1' })
    expect(pack.skills).toEqual([
      { id: 'js', name: 'JavaScript', category: 'technology', description: null, aliases: ['ECMAScript', 'JS'], abbreviations: [] },
      { id: 'writing', name: 'Writing', category: 'other', description: null, aliases: [], abbreviations: [] },
    ])
    expect(pack.roles).toEqual([
      {
        id: 'dev',
        title: 'Developer',
        description: null,
        code: '15-1252.00',
        alternateTitles: ['Programmer'],
        skills: [
          { skill: 'js', weight: 0.9, essential: true },
          { skill: 'writing', weight: 0.5, essential: false },
        ],
      },
    ])
  })

  it('round-trips the built-in catalog: export -> import -> export gives the same content', async () => {
    const exported = exportPack(t.db, 'catalog', { catalog })
    expect(exported.skills).toHaveLength(catalog.skills.length)
    expect(exported.roles).toHaveLength(catalog.roles.length)
    expect(exported.skills.find((s) => s.id === 'kubernetes')).toMatchObject({ abbreviations: ['k8s'], area: 'cloud-devops', contextOnly: false })
    const file = join(t.dir, 'catalog.pack.json')
    writePackFile(file, exported)
    const first = await importPackFile(t.db, file)
    expect(first.source).toMatchObject({ kind: 'pack', name: 'Skillfolio catalog', version: catalog.version, skills: catalog.skills.length, occupations: catalog.roles.length })
    const once = exportPack(t.db, first.source.id)
    // What the tables hold equals the catalog: names, aliases (with abbreviations), roles, weights.
    for (const s of catalog.skills) {
      const got = once.skills.find((x) => x.id === s.id)!
      expect(got.name).toBe(s.name)
      expect(got.category).toBe(s.category)
      expect(got.aliases).toEqual([...s.aliases, ...s.abbreviations])
    }
    for (const r of catalog.roles) {
      const got = once.roles.find((x) => x.id === r.id)!
      expect(got).toMatchObject({ title: r.title, code: r.onetSoc, description: r.description, alternateTitles: r.alternateTitles })
      expect([...got.skills].sort((a, b) => a.skill.localeCompare(b.skill))).toEqual([...r.skills].sort((a, b) => a.skill.localeCompare(b.skill)))
    }
    // And a second round trip changes nothing at all.
    const second = await importPack(t.db, JSON.parse(JSON.stringify(once)), { name: 'copy' })
    expect(content(exportPack(t.db, second.source.id))).toEqual(content(once))
  })

  it('round-trips imported ESCO and O*NET data', async () => {
    const esco = await importEsco(t.db, writeMiniEsco(join(t.dir, 'esco')))
    const onet = await importOnet(t.db, writeMiniOnet(join(t.dir, 'onet')))
    for (const source of [esco.source, onet.source]) {
      const pack = exportPack(t.db, source.id, { name: `${source.name} as a pack` })
      const file = join(t.dir, `${source.kind}.json`)
      writePackFile(file, pack)
      const imported = await importTaxonomy(t.db, file)
      expect(imported.source).toMatchObject({ kind: 'pack', skills: source.skills, occupations: source.occupations, relations: source.relations })
      expect(content(exportPack(t.db, imported.source.id))).toEqual(content(pack))
    }
    expect(listTaxonomySources(t.db).map((s) => s.kind).sort()).toEqual(['esco', 'onet', 'pack', 'pack'])
  })

  it('replaces an earlier pack of the same name', async () => {
    await importPack(t.db, tinyPack())
    const next = tinyPack()
    next.skills.pop()
    next.roles[0]!.skills.pop()
    const again = await importPack(t.db, next)
    expect(again.replaced).toBe(true)
    expect(listTaxonomySources(t.db).map((s) => [s.name, s.skills, s.relations])).toEqual([['Acme ladder', 1, 1]])
  })

  it('refuses invalid packs with the field that is wrong, and leaves the previous import alone', async () => {
    const first = await importPack(t.db, tinyPack())
    const refuse = async (data: unknown, pattern: RegExp) => {
      const error = await importPack(t.db, data).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(AppError)
      const shape = (error as AppError).toShape()
      expect(shape.code).toBe('BAD_INPUT')
      expect(JSON.stringify(shape.issues)).toMatch(pattern)
    }
    await refuse({ ...tinyPack(), format: 'something-else' }, /"path":"format","message":"must be \\"skillfolio-taxonomy-pack\\""/)
    await refuse({ ...tinyPack(), version: 2 }, /"path":"version".*version 1 packs/)
    const unknownSkill = tinyPack()
    unknownSkill.roles[0]!.skills.push({ skill: 'telepathy' })
    await refuse(unknownSkill, /"path":"roles.0.skills.2.skill","message":"\\"telepathy\\" is not a skill of this pack"/)
    const twice = tinyPack()
    twice.skills.push({ id: 'js', name: 'JS again' })
    await refuse(twice, /"path":"skills.2.id","message":"\\"js\\" is used by two skills"/)
    await refuse({ ...tinyPack(), roles: [{ ...tinyPack().roles[0], skills: [{ skill: 'js', weight: 2 }] }] }, /roles.0.skills.0.weight/)
    expect(listTaxonomySources(t.db)).toEqual([first.source])
  })

  it('explains a file that is not a pack', async () => {
    const file = join(t.dir, 'notes.json')
    writeFileSync(file, 'not json at all')
    await expect(importPackFile(t.db, file)).rejects.toThrow('notes.json is not a taxonomy pack: it is not valid JSON')
    await expect(importPackFile(t.db, join(t.dir, 'missing.json'))).rejects.toThrow(/missing\.json does not exist/)
    expect(() => parsePack({})).toThrow('This file is not a valid Skillfolio taxonomy pack')
  })

  it('writes readable JSON that parses back to the same pack', () => {
    const file = join(t.dir, 'tiny.json')
    const pack = exportPack(t.db, 'catalog', { catalog, name: 'mine' })
    writePackFile(file, pack)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(pack)))
    expect(() => exportPack(t.db, 'catalog')).toThrow(/needs options\.catalog/)
    expect(() => exportPack(t.db, 12345)).toThrow('There is no imported taxonomy with id 12345')
  })
})
