import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { expectLoggedErrors } from '../../helpers/core-log'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

/** A complete Open Badges 2.0 assertion with its badge class and issuer embedded. */
function assertion(id: string, name: string, issuedOn: string, extra: Record<string, unknown> = {}) {
  return {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: `urn:uuid:${id}`,
    recipient: { type: 'email', hashed: false, identity: 'maya@example.org' },
    issuedOn,
    verification: { type: 'HostedBadge' },
    badge: {
      type: 'BadgeClass',
      id: `https://badges.example.org/classes/${id}`,
      name,
      description: `${name}, awarded for finishing the course.`,
      criteria: { narrative: 'Pass every quiz.' },
      alignment: [
        { targetName: 'SQL', targetFramework: 'ESCO', targetCode: 'S1.2' },
        { targetName: 'Data visualisation' },
      ],
      tags: ['analytics'],
      issuer: { type: 'Profile', id: 'https://badges.example.org/issuer', name: 'Example Academy', url: 'https://academy.example.org' },
    },
    ...extra,
  }
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64')

async function runImport(sources: Array<{ path: string } | { name: string; base64: string }>) {
  const { batchId } = await p.core.call('import:start', { sources })
  return p.core.call('import:status', { batchId, waitMs: 20_000 })
}

describe('import batches', () => {
  it('imports good files, reports the broken one in plain words, and keeps the originals byte-for-byte', async () => {
    const good = assertion('a1', 'SQL Foundations', '2024-02-01T10:00:00Z')
    const report = await runImport([
      { name: 'sql.json', base64: b64(good) },
      { name: 'viz.json', base64: b64(assertion('a2', 'Dashboards 101', '2024-03-01')) },
      { name: 'broken.png', base64: b64('{"not": "a png" ') },
    ])
    expect(report.state).toBe('partial') // one file failed
    expect(report.counts).toEqual({ imported: 2, updated: 0, duplicate: 0, failed: 1 })
    const failed = report.items.find((i) => i.outcome === 'failed')!
    expect(failed.fileName).toBe('broken.png')
    expect(failed.reason).toMatch(/\w+ \w+/) // a sentence, from the importer
    const sql = report.items.find((i) => i.fileName === 'sql.json')!
    const credential = await p.core.call('credentials:get', { id: sql.credentialId! })
    expect(credential).toMatchObject({ title: 'SQL Foundations', kind: 'badge', issuerName: 'Example Academy', earnedOn: '2024-02-01' })
    expect(credential.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['SQL', 'Data visualisation']))
    expect(credential.source).toMatchObject({ format: 'ob2', sourceId: 'urn:uuid:a1', recipientIdentity: 'maya@example.org', recipientHashed: false })
    expect(credential.verification).not.toBeNull()
    const original = credential.evidence.find((e) => e.fileName === 'sql.json')!
    expect(p.core.evidence.get(original.sha256).toString('utf8')).toBe(JSON.stringify(good))
    // The originals are in the portfolio: nothing but the portfolio file (and its WAL) in the data folder.
    expect(readdirSync(p.dir).filter((f) => !f.startsWith('portfolio.sqlite'))).toEqual([])
  })

  it('reports a re-import as duplicates and changes nothing', async () => {
    const files = [{ name: 'sql.json', base64: b64(assertion('a1', 'SQL Foundations', '2024-02-01')) }]
    await runImport(files)
    const before = await p.core.call('credentials:list', {})
    const again = await runImport(files)
    expect(again.counts).toEqual({ imported: 0, updated: 0, duplicate: 1, failed: 0 })
    expect(again.items[0]!.reason).toMatch(/Already in your portfolio as “SQL Foundations”/)
    expect(await p.core.call('credentials:list', {})).toEqual(before)
    // the same credential in other bytes (pretty-printed) is recognised by its id
    const pretty = await runImport([{ name: 'sql-copy.json', base64: b64(JSON.stringify(assertion('a1', 'SQL Foundations', '2024-02-01'), null, 2)) }])
    expect(pretty.counts.duplicate).toBe(1)
  })

  it('updates a credential from a newer copy, keeps hand-added skills, and undo restores it', async () => {
    const first = await runImport([{ name: 'v1.json', base64: b64(assertion('a1', 'SQL Foundations', '2024-02-01')) }])
    const id = first.items[0]!.credentialId!
    await p.core.call('credentials:update', { id, patch: { skills: [{ name: 'SQL' }, { name: 'PostgreSQL' }], notes: 'Took it at night' } })
    const second = await runImport([{ name: 'v2.json', base64: b64(assertion('a1', 'SQL Foundations (2025 edition)', '2025-02-01')) }])
    expect(second.counts.updated).toBe(1)
    const updated = await p.core.call('credentials:get', { id })
    expect(updated.title).toBe('SQL Foundations (2025 edition)')
    expect(updated.earnedOn).toBe('2025-02-01')
    expect(updated.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['PostgreSQL', 'SQL', 'Data visualisation']))
    expect((await p.core.call('credentials:list', {})).total).toBe(1)

    const undone = await p.core.call('import:undo', { batchId: second.batchId })
    expect(undone.state).toBe('undone')
    const restored = await p.core.call('credentials:get', { id })
    expect(restored.title).toBe('SQL Foundations')
    expect(restored.earnedOn).toBe('2024-02-01')
    expect(restored.skills.map((s) => s.name)).toEqual(['SQL', 'PostgreSQL'])
    expect(restored.notes).toBe('Took it at night')
    // an older copy after the newer one is a duplicate, not a downgrade
    const older = await runImport([{ name: 'v0.json', base64: b64(assertion('a1', 'SQL (old)', '2023-01-01')) }])
    expect(older.counts.duplicate).toBe(1)
  })

  it('makes what it imports searchable, and a file that cannot be saved fails alone, leaving nothing of it in the index', async () => {
    // A fault that is no storage problem, after the file's credential and a new skill of it were
    // written: the chunk is written again file by file, each in its own savepoint.
    expectLoggedErrors(/^Storing p\.json failed: SqliteError: poisoned$/)
    p.core.db.exec(`CREATE TEMP TRIGGER poison AFTER INSERT ON credential_skill
      WHEN (SELECT name FROM skill WHERE id = NEW.skill_id) = 'Toxicology' BEGIN SELECT RAISE(ABORT, 'poisoned'); END`)
    const report = await runImport([
      { name: 'a.json', base64: b64(assertion('a1', 'Warehouse analytics', '2024-01-01')) },
      { name: 'p.json', base64: b64(assertion('p1', 'Poisoned badge', '2024-01-02', { badge: { ...assertion('p1', 'x', 'y').badge as object, name: 'Poisoned badge', alignment: [{ targetName: 'Toxicology' }] } })) },
      { name: 'b.json', base64: b64(assertion('a2', 'Dashboards 101', '2024-01-03')) },
    ])
    expect(report.counts).toEqual({ imported: 2, updated: 0, duplicate: 0, failed: 1 })
    expect(report.items.map((i) => i.outcome)).toEqual(['imported', 'failed', 'imported'])
    expect(report.items[1]!.reason).toBe('The credential could not be saved (the problem was logged); nothing was changed.')
    const found = async (text: string) => (await p.core.call('search:query', { text })).map((h) => h.title).sort()
    expect(await found('warehouse')).toEqual(['Warehouse analytics'])
    expect(await found('dashboards')).toEqual(['Dashboards 101'])
    expect(await found('academy')).toEqual(['Dashboards 101', 'Warehouse analytics']) // the issuer
    expect(await found('visualisation')).toEqual(expect.arrayContaining(['Dashboards 101', 'Warehouse analytics', 'Data visualisation'])) // a skill
    expect(await found('poisoned')).toEqual([])
    expect(await found('toxicology')).toEqual([])
    const indexed = (table: string) => p.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    expect(indexed('credential_fts')).toBe(indexed('credential'))
    expect(indexed('skill_fts')).toBe(indexed('skill'))
  })

  it('undoes a batch completely, once', async () => {
    await p.core.call('credentials:create', { title: 'Typed by hand', kind: 'other' })
    const report = await runImport([
      { name: 'a.json', base64: b64(assertion('a1', 'One', '2024-01-01')) },
      { name: 'b.json', base64: b64(assertion('a2', 'Two', '2024-01-02')) },
    ])
    await p.core.call('import:undo', { batchId: report.batchId })
    expect((await p.core.call('credentials:list', {})).items.map((c) => c.title)).toEqual(['Typed by hand'])
    expect(await p.core.dispatch('import:undo', { batchId: report.batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await p.core.call('import:batches', {}))[0]).toMatchObject({ batchId: report.batchId, state: 'undone' })
  })

  it('walks folders, skipping hidden files, and refuses files over 20 MB before reading them', async () => {
    const root = join(p.dir, 'drop')
    mkdirSync(join(root, 'nested', 'deeper'), { recursive: true })
    mkdirSync(join(root, '.git'))
    writeFileSync(join(root, 'one.json'), JSON.stringify(assertion('f1', 'Folder one', '2024-01-01')))
    writeFileSync(join(root, 'nested', 'deeper', 'two.json'), JSON.stringify(assertion('f2', 'Folder two', '2024-01-01')))
    writeFileSync(join(root, '.git', 'config'), 'not a badge')
    writeFileSync(join(root, '.DS_Store'), 'junk')
    writeFileSync(join(root, 'huge.png'), Buffer.alloc(21 * 1024 * 1024))
    const report = await runImport([{ path: root }, { path: join(p.dir, 'does-not-exist.json') }])
    expect(report.total).toBe(4)
    expect(report.counts).toMatchObject({ imported: 2, failed: 2 })
    expect(report.items.find((i) => i.fileName === 'huge.png')!.reason).toMatch(/21\.0 MB.*up to 20 MB/)
    expect(report.items.find((i) => i.fileName === 'does-not-exist.json')!.reason).toMatch(/could not be found/)
  })

  it('re-verifies only imported credentials', async () => {
    const manual = await p.core.call('credentials:create', { title: 'Typed by hand', kind: 'other' })
    expect(await p.core.dispatch('credentials:verify', { id: manual.id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/typed in by hand/) } })
    const report = await runImport([{ name: 'a.json', base64: b64(assertion('a1', 'One', '2024-01-01', { expires: '2025-01-01T00:00:00Z' })) }])
    const id = report.items[0]!.credentialId!
    // The import's own checks already set the status (written with the credential's row).
    expect(await p.core.call('credentials:get', { id })).toMatchObject({ status: 'expired', trust: 'expired', verification: { validity: { verdict: 'expired' } } })
    const v = await p.core.call('credentials:verify', { id })
    expect(v.validity.verdict).toBe('expired') // the clock of tempPortfolio is 2026-11-28
    const stored = await p.core.call('credentials:get', { id })
    expect(stored).toMatchObject({ status: 'expired', trust: 'expired' })
  })
})

describe('what counts as the same credential', () => {
  it('needs the same id from the same issuer: another issuer reusing an id is a different credential', async () => {
    const mine = assertion('shared-id', 'From Example Academy', '2024-01-01')
    const other = assertion('shared-id', 'From Another School', '2024-06-01')
    ;(other.badge.issuer as { id: string; name: string }).id = 'https://another.example.org/issuer'
    ;(other.badge.issuer as { id: string; name: string }).name = 'Another School'
    const report = await runImport([
      { name: 'a.json', base64: b64(mine) },
      { name: 'b.json', base64: b64(other) },
    ])
    expect(report.counts).toMatchObject({ imported: 2, updated: 0, duplicate: 0 })
  })
})
