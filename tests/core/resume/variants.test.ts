/** Saved resume variants (resumes:*), the 0006 migration, and safe file names. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/app'
import { migrate, schemaVersion, latestVersion } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { openDatabase } from '../../../electron/core/db/open'
import { safePdfFileName } from '../../../electron/core/resume'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { hashDb } from './helpers'
import { testLog } from '../../helpers/core-log'

let p: TempPortfolio
let clock: Date
beforeEach(() => {
  clock = new Date('2026-11-28T12:00:00Z')
  p = tempPortfolio({ now: () => clock })
})
const tick = () => (clock = new Date(clock.getTime() + 60_000))
afterEach(() => p.cleanup())

const count = () => (p.core.db.prepare('SELECT count(*) AS n FROM resume_variants').get() as { n: number }).n

describe('resume variants', () => {
  it('creates, reads, lists (most recent first), updates and deletes', async () => {
    const a = await p.core.call('resumes:create', { name: '  Acme analyst ', settings: { roleRef: 'catalog:data-analyst', template: 'two-column' }, sentTo: 'Acme Corp, via LinkedIn', sentOn: '2026-11-01' })
    expect(a).toMatchObject({
      id: 1,
      name: 'Acme analyst',
      roleTitle: 'Data Analyst',
      sentTo: 'Acme Corp, via LinkedIn',
      sentOn: '2026-11-01',
      createdAt: '2026-11-28T12:00:00.000Z',
      settings: { roleRef: 'catalog:data-analyst', template: 'two-column', pageSize: 'a4', fontScale: 'normal', showQr: false, expired: 'mark', pinned: [], hidden: [], order: [] },
    })
    tick()
    const b = await p.core.call('resumes:create', { name: 'General', settings: {} })
    expect(b).toMatchObject({ roleTitle: null, sentTo: null, sentOn: null, settings: { roleRef: null } })
    expect(await p.core.call('resumes:get', { id: a.id })).toEqual(a)

    expect((await p.core.call('resumes:list', {})).map((v) => v.name)).toEqual(['General', 'Acme analyst'])
    tick()
    const updated = await p.core.call('resumes:update', { id: a.id, patch: { sentTo: '', settings: { roleRef: 'catalog:data-engineer', pinned: ['cred-1'] } } })
    expect(updated).toMatchObject({ name: 'Acme analyst', roleTitle: 'Data Engineer', sentTo: null, sentOn: '2026-11-01', settings: { pinned: ['cred-1'], template: 'ats' } })
    expect(updated).toMatchObject({ createdAt: '2026-11-28T12:00:00.000Z', updatedAt: '2026-11-28T12:02:00.000Z' })
    p.reopen()
    expect((await p.core.call('resumes:list', {})).map((v) => v.name)).toEqual(['Acme analyst', 'General'])

    expect(await p.core.call('resumes:delete', { id: b.id })).toEqual({ id: b.id })
    expect(await p.core.dispatch('resumes:get', { id: b.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('resumes:delete', { id: b.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('resumes:update', { id: b.id, patch: { name: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await p.core.call('resumes:list', {})).map((v) => v.id)).toEqual([a.id])
  })

  it('refuses a duplicate name (ignoring case and spaces) with CONFLICT, and leaves the table unchanged', async () => {
    const a = await p.core.call('resumes:create', { name: 'Acme', settings: {} })
    await p.core.call('resumes:create', { name: 'Globex', settings: {} })
    const before = hashDb(p.dbPath)
    const dup = await p.core.dispatch('resumes:create', { name: ' ACME ', settings: { roleRef: 'catalog:data-analyst' } })
    expect(dup).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'There is already a saved resume called "Acme" (resume 1); choose another name.' } })
    expect(await p.core.dispatch('resumes:update', { id: 2, patch: { name: 'acme' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // Renaming to its own name in another case is fine.
    expect(hashDb(p.dbPath)).toBe(before)
    expect(await p.core.call('resumes:update', { id: a.id, patch: { name: 'ACME' } })).toMatchObject({ name: 'ACME' })
    expect(count()).toBe(2)
  })

  it('refuses bad input and unknown roles, leaving the table unchanged', async () => {
    await p.core.call('resumes:create', { name: 'Acme', settings: {} })
    const before = hashDb(p.dbPath)
    const bad = [
      { name: '', settings: {} },
      { name: 'x'.repeat(201), settings: {} },
      { name: 'X', settings: { template: 'fancy' } },
      { name: 'X', settings: { accent: 'blue' } },
      { name: 'X', settings: { pinned: ['cred-0'] } },
      { name: 'X', settings: {}, sentOn: '2026-02-30' },
      { name: 'X', settings: {}, extra: true },
      { name: 'X' },
    ]
    for (const input of bad) expect(await p.core.dispatch('resumes:create', input)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await p.core.dispatch('resumes:create', { name: 'X', settings: { roleRef: 'catalog:nope' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('resumes:update', { id: 1, patch: { settings: { roleRef: 'custom:7' } } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('resumes:update', { id: 0, patch: {} })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(hashDb(p.dbPath)).toBe(before)
    expect(count()).toBe(1)
  })

  it('shows no role title once a custom role is deleted, and reads an unreadable row with default settings', async () => {
    const role = await p.core.call('roles:create', { title: 'Analytics Lead', skills: [{ name: 'SQL', weight: 1, essential: true }] })
    const v = await p.core.call('resumes:create', { name: 'Lead', settings: { roleRef: role.ref, showQr: true } })
    expect(v.roleTitle).toBe('Analytics Lead')
    await p.core.call('roles:delete', { ref: role.ref })
    expect(await p.core.call('resumes:get', { id: v.id })).toMatchObject({ roleTitle: null, settings: { roleRef: role.ref, showQr: true } })

    p.core.db.prepare(`UPDATE resume_variants SET settings = '{"template":"fancy","showQr":"yes"}' WHERE id = ?`).run(v.id)
    p.core.db.prepare(`INSERT INTO resume_variants (name, name_key, role_ref, settings, created_at, updated_at) VALUES ('Old', 'old', 'catalog:data-analyst', '[1,2]', 'x', 'x')`).run()
    const list = await p.core.call('resumes:list', {})
    expect(list.find((x) => x.id === v.id)).toMatchObject({ settings: { roleRef: role.ref, template: 'ats', showQr: false }, roleTitle: null })
    expect(list.find((x) => x.name === 'Old')).toMatchObject({ settings: { roleRef: 'catalog:data-analyst', template: 'ats' }, roleTitle: 'Data Analyst' })
  })
})

describe('migration 0006', () => {
  it('adds resume_variants (STRICT) to an existing version-5 portfolio, keeping its data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-v5-'))
    try {
      const file = join(dir, 'portfolio.sqlite')
      const db = openDatabase(file)
      migrate(db, { list: MIGRATIONS.filter((m) => m.version <= 5) })
      const at = '2025-01-01T00:00:00.000Z'
      db.prepare(`INSERT INTO credential (id, title, kind, created_at, updated_at) VALUES (1, 'SQL Basics', 'platform', ?, ?)`).run(at, at)
      db.prepare(`INSERT INTO role (id, title, source, created_at, updated_at) VALUES (1, 'Data Person', 'custom', ?, ?)`).run(at, at)
      db.prepare(`INSERT INTO role_skill (role_id, name, name_key, weight, essential) VALUES (1, 'SQL', 'sql', 1, 1)`).run()
      expect(schemaVersion(db)).toBe(5)
      db.close()

      const core = createCore({ dbPath: file, dataDir: dir, now: () => new Date('2026-11-28T12:00:00Z'), log: testLog })
      try {
        expect(schemaVersion(core.db)).toBe(latestVersion())
        expect(latestVersion()).toBeGreaterThanOrEqual(6)
        expect(core.backupPath).toMatch(/-before-upgrade-v5\.sfbackup$/)
        const sql = (core.db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'resume_variants'`).get() as { sql: string }).sql
        expect(sql).toMatch(/STRICT/)
        expect(await core.call('resumes:list', {})).toEqual([])
        expect(await core.call('credentials:get', { id: 'cred-1' })).toMatchObject({ title: 'SQL Basics' })
        const v = await core.call('resumes:create', { name: 'For Data Person', settings: { roleRef: 'custom:1' } })
        expect(v.roleTitle).toBe('Data Person')
        expect((await core.call('resume:preview', { roleRef: 'custom:1' })).role).toEqual({ ref: 'custom:1', title: 'Data Person' })
      } finally {
        core.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('safePdfFileName', () => {
  it('makes names every system accepts', () => {
    expect(safePdfFileName('Ada Lovelace - Data Analyst resume')).toBe('Ada Lovelace - Data Analyst resume.pdf')
    expect(safePdfFileName('a/b\\c:d*e?f"g<h>i|j\u0000k\u001fl\u007fm')).toBe('a b c d e f g h i j k l m.pdf')
    expect(safePdfFileName('  ..hidden.  ')).toBe('hidden.pdf')
    expect(safePdfFileName('???', 'Resume')).toBe('Resume.pdf')
    expect(safePdfFileName('CON')).toBe('CON file.pdf')
    expect(safePdfFileName('report.PDF')).toBe('report.pdf')
    const long = safePdfFileName('Ελένη '.repeat(60))
    expect([...long].length).toBeLessThanOrEqual(120)
    expect(long.endsWith('.pdf')).toBe(true)
    expect(long).not.toMatch(/ \.pdf$/)
  })
})
