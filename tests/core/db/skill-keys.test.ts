/**
 * Migration 8: one "same skill" key. The migration carries a frozen copy of the key; it must
 * agree with the live skills module, and a version-7 portfolio whose skills now share a key
 * is merged without losing a link, an alias or a search hit.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { key as frozenKey } from '../../../electron/core/db/migrations/0008_skill_keys'
import { skillKey } from '../../../electron/core/skills/key'
import { openDatabase } from '../../../electron/core/db/open'
import { migrate } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { createCore } from '../../../electron/core/app'
import { loadCatalog } from '../../../electron/core/taxonomy'
import { samplePortfolio } from '../../../electron/core/demo/sample-portfolio'
import { testLog } from '../../helpers/core-log'

let dir: string | null = null
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
})

describe('migration 8: one skill key', () => {
  it('its frozen key is the live skillKey for every catalog term, sample skill and tricky name', () => {
    const catalog = loadCatalog(join(process.cwd(), 'resources'))
    const names = [
      ...catalog.skills.flatMap((s) => [s.name, ...s.aliases, ...s.abbreviations]),
      ...samplePortfolio(new Date('2026-11-28T12:00:00Z')).skills.flatMap((s) => [s.name, ...(s.aliases ?? [])]),
      'Power-BI', 'ＰＯＷＥＲ ＢＩ', 'Café  Society', 'C++', 'C#', 'F#', '10+ years', '.NET', 'ASP.NET', 'R&D', 'node.js', 'CI / CD',
      '“Quoted” name', 'Łukasiewicz', 'Ελληνικά', 'Дмитрий', '日本語', '++', '—', 'ﬁnance', 'don’t', 'x\u0301y',
    ]
    const differ = names.filter((n) => frozenKey(n) !== skillKey(n))
    expect(differ).toEqual([])
    expect(names.length).toBeGreaterThan(2500)
  })

  it('merges a version-7 portfolio’s skills that now share a key, keeping links, aliases and search', async () => {
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-keys-'))
    const file = join(dir, 'portfolio.sqlite')
    const dataDir = dir
    const db = openDatabase(file)
    migrate(db, { list: MIGRATIONS.filter((m) => m.version <= 7) })
    const at = '2026-01-01T00:00:00Z'
    const skill = db.prepare(`INSERT INTO skill (id, name, name_key, category, created_at, updated_at) VALUES (?, ?, ?, 'technology', ?, ?)`)
    skill.run(1, 'Power BI', 'power bi', at, at)
    skill.run(2, 'Power-BI', 'power-bi', at, at)
    skill.run(3, 'Café Society', 'café society', at, at)
    db.prepare(`INSERT INTO skill_alias (alias_key, alias, skill_id) VALUES ('powerbi desktop', 'PowerBI Desktop', 2)`).run()
    db.prepare(`INSERT INTO credential (id, title, kind, created_at, updated_at) VALUES (1, 'Dashboards', 'platform', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO credential_skill (credential_id, skill_id, level) VALUES (1, 2, 'advanced')`).run()
    db.prepare(`INSERT INTO project (id, title, created_at, updated_at) VALUES (1, 'Churn', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO project_skill (project_id, skill_id) VALUES (1, 1), (1, 2)`).run()
    db.prepare(`INSERT INTO role (id, title, source, created_at, updated_at) VALUES (1, 'BI', 'custom', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO role_skill (role_id, name, name_key, weight, essential, position) VALUES (1, 'Power BI', 'power bi', 1, 1, 0), (1, 'power-bi', 'power-bi', 0.5, 0, 1)`).run()
    db.close()

    const core = createCore({ dbPath: file, dataDir, log: testLog })
    try {
      const skills = await core.call('skills:list', { limit: 50 })
      expect(skills.items.map((s) => s.name).sort()).toEqual(['Café Society', 'Power BI'])
      const bi = skills.items.find((s) => s.name === 'Power BI')!
      expect(bi.aliases).toContain('PowerBI Desktop')
      // Links moved to the survivor, once each.
      expect((await core.call('credentials:get', { id: 'cred-1' })).skills).toEqual([expect.objectContaining({ id: bi.id, level: 'advanced' })])
      expect((await core.call('projects:get', { id: 'proj-1' })).skills.map((s) => s.id)).toEqual([bi.id])
      // Either spelling now finds the one skill, and creating it again is refused as existing.
      expect((await core.call('skills:suggest', { text: 'power-b' })).map((s) => s.name)).toEqual(['Power BI'])
      expect((await core.call('search:query', { text: 'powerbi desktop' })).map((h) => h.id)).toEqual([bi.id])
      await expect(core.call('skills:create', { name: 'POWER-BI', category: 'technology', aliases: [] })).rejects.toMatchObject({ code: 'CONFLICT' })
      await expect(core.call('skills:create', { name: 'Cafe society', category: 'other', aliases: [] })).rejects.toMatchObject({ code: 'CONFLICT' })
      // The custom role keeps one Power BI.
      expect((await core.call('roles:get', { ref: 'custom:1' })).skills.map((s) => s.name)).toEqual(['Power BI'])
    } finally {
      core.close()
    }
  })
})
