import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { latestVersion, migrate, schemaVersion } from '../../electron/core/db/migrate'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { createSearchIndex } from '../../electron/core/portfolio/search-index'
import { createCore } from '../../electron/core/app'
import { inspectBackup } from '../../electron/core/backup/restore'
import { AppError } from '../../electron/shared/errors'
import { testLog } from '../helpers/core-log'

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-mig-'))
  file = join(dir, 'portfolio.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const at = '2024-01-01T00:00:00.000Z'
/** Rows each historical schema version could hold, written with that version's own columns. */
const SEED: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.prepare(`INSERT INTO credential (id, title, kind, provider, cost_minor, currency, earned_on, created_at, updated_at)
                VALUES (1, 'Google Data Analytics', 'platform', 'Coursera', 4900, 'USD', '2023-05-01', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO skill (id, name, name_key, category, created_at, updated_at) VALUES (1, 'SQL', 'sql', 'technology', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO skill_alias (alias_key, alias, skill_id) VALUES ('structured query language', 'Structured Query Language', 1)`).run()
    db.prepare(`INSERT INTO credential_skill (credential_id, skill_id, level) VALUES (1, 1, 'advanced')`).run()
    db.prepare(`INSERT INTO project (id, title, outcomes, created_at, updated_at) VALUES (1, 'Churn model', '["Saved 3 hours a week"]', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO project_skill (project_id, skill_id) VALUES (1, 1)`).run()
    db.prepare(`INSERT INTO project_credential (project_id, credential_id) VALUES (1, 1)`).run()
  },
  2: (db) => {
    SEED[1]!(db)
    db.prepare(`UPDATE profile SET full_name = 'Maya Okafor' WHERE id = 1`).run()
    db.prepare(`INSERT INTO experience (organization, title, created_at, updated_at) VALUES ('Acme', 'Analyst', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO education (institution, created_at, updated_at) VALUES ('Open University', ?, ?)`).run(at, at)
  },
  // From version 3 on the app keeps the search index itself; a v3 portfolio has its rows indexed.
  3: (db) => {
    SEED[2]!(db)
    createSearchIndex(db).rebuild()
  },
  4: (db) => {
    SEED[3]!(db)
    db.prepare(`INSERT INTO setting (key, value) VALUES ('onlineChecks', 'true')`).run()
  },
  5: (db) => {
    SEED[4]!(db)
    db.prepare(`INSERT INTO role (id, title, source, created_at, updated_at) VALUES (1, 'Data Person', 'custom', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO role_skill (role_id, name, name_key, weight, essential) VALUES (1, 'SQL', 'sql', 1, 1)`).run()
  },
  6: (db) => {
    SEED[5]!(db)
    db.prepare(`INSERT INTO experience (id, organization, title, started_on, description, created_at, updated_at)
                VALUES (7, 'Brightwave Retail', 'Data Analyst', '2022-01-01', 'Churn analysis in SQL.', ?, ?)`).run(at, at)
  },
  7: (db) => {
    SEED[6]!(db)
    db.prepare(`INSERT INTO experience_skill (experience_id, skill_id, level) VALUES (7, 1, 'advanced')`).run()
    db.prepare(`INSERT INTO experience_inference (experience_id, skill_key, decision, decided_at) VALUES (7, 'data-cleaning', 'rejected', ?)`).run(at)
  },
  // Verified credentials from before issuer binding: a did:key issuer that signed for itself, and
  // a key read from the fragment of the issuer's own URL (which binds to nothing).
  8: (db) => {
    SEED[7]!(db)
    const credential = db.prepare(`INSERT INTO credential (id, title, kind, issuer_id, created_at, updated_at) VALUES (?, ?, 'badge', ?, ?, ?)`)
    const verified = db.prepare(`INSERT INTO credential_verification (credential_id, signature_verdict, signature_detail, signature_method, signature_key_id,
       validity_verdict, validity_detail, status_verdict, status_detail, checked_at, online) VALUES (?, 'valid', 'ok', 'eddsa-rdfc-2022', ?, 'valid', 'ok', 'unknown', 'none', ?, 0)`)
    credential.run(2, 'Self-signed badge', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', at, at)
    verified.run(2, 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', at)
    credential.run(3, 'Fragment-signed badge', 'https://example.edu/issuer', at, at)
    verified.run(3, 'https://example.edu/issuer#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', at)
  },
  // An import report: 0013 copies import_item into a table with a wider trust CHECK.
  12: (db) => {
    SEED[11]!(db)
    db.prepare(`INSERT INTO import_batch (id, source, started_at, finished_at, total, state) VALUES (1, 'drop', ?, ?, 2, 'partial')`).run(at, at)
    const item = db.prepare(`INSERT INTO import_item (batch_id, position, file_name, outcome, credential_id, title, reason, warnings, trust, headline) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    item.run(0, 'analytics.json', 'imported', 1, 'Google Data Analytics', null, '["issuedOn was a number"]', 'expired', 'Signature valid · expired on 1 May 2024')
    item.run(1, 'broken.png', 'failed', null, null, 'This PNG has no badge in it.', '[]', null, null)
  },
}

// A version that added no data of its own holds what the version before it held.
for (const m of MIGRATIONS) SEED[m.version] ??= (db) => SEED[m.version - 1]!(db)

describe('migrations', () => {
  it('brings an empty file to the latest schema with STRICT tables, WAL and foreign keys', () => {
    const db = openDatabase(file)
    expect(migrate(db, { file })).toBeNull() // nothing to back up in a new file
    expect(schemaVersion(db)).toBe(latestVersion())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`).all() as Array<{ name: string; strict: number }>
    expect(tables.length).toBeGreaterThanOrEqual(12)
    expect(tables.filter((t) => !t.strict)).toEqual([])
    db.close()
  })

  for (const from of MIGRATIONS.slice(0, -1).map((m) => m.version)) {
    it(`upgrades a version-${from} portfolio with data, keeping every row and indexing it for search`, async () => {
      const db = openDatabase(file)
      migrate(db, { list: MIGRATIONS.filter((m) => m.version <= from) })
      SEED[from]!(db)
      db.close()

      const core = createCore({ dbPath: file, dataDir: dir, log: testLog })
      expect(schemaVersion(core.db)).toBe(latestVersion())
      expect(core.backupPath).toMatch(new RegExp(`backups/portfolio-.*-before-upgrade-v${from}\\.sfbackup$`))
      const cred = await core.call('credentials:get', { id: 'cred-1' })
      expect(cred).toMatchObject({ title: 'Google Data Analytics', cost: { amountMinor: 4900, currency: 'USD' }, earnedOn: '2023-05-01' })
      expect(cred.skills).toEqual([expect.objectContaining({ name: 'SQL', level: 'advanced' })])
      expect((await core.call('projects:get', { id: 'proj-1' })).credentials).toHaveLength(1)
      expect((await core.call('search:query', { text: 'structured query' })).map((h) => h.id)).toEqual(['skill-1'])
      expect((await core.call('credentials:list', { text: 'sql' })).total).toBe(1) // via the linked skill's name
      expect((await core.call('projects:list', { text: 'saved hours' })).total).toBe(1)
      if (from >= 2) expect((await core.call('profile:get', {})).fullName).toBe('Maya Okafor')
      if (from >= 6) {
        // Work entered before version 7 becomes evidence: named skills and the role its title names.
        expect((await core.call('experience:list', {})).map((e) => e.id)).toContain('exp-7')
        const inferred = await core.call('evidence:inferences', { experienceId: 'exp-7' })
        expect(inferred.role?.title).toBe('Data Analyst')
        expect(inferred.skills.filter((s) => s.decision !== 'pending').map((s) => [s.key, s.decision])).toEqual(from >= 7 ? [['data-cleaning', 'rejected']] : [])
        if (from >= 7) expect((await core.call('experience:list', {})).find((e) => e.id === 'exp-7')!.skills.map((s) => s.name)).toEqual(['SQL'])
      }
      if (from >= 12) {
        const report = await core.call('import:status', { batchId: 1 })
        expect(report.items.map((i) => [i.fileName, i.outcome, i.credentialId, i.trust, i.headline, i.reason, i.warnings])).toEqual([
          ['analytics.json', 'imported', 'cred-1', 'expired', 'Signature valid · expired on 1 May 2024', null, ['issuedOn was a number']],
          ['broken.png', 'failed', null, null, null, 'This PNG has no badge in it.', []],
        ])
      }
      if (from === 8) {
        // Checked before issuer binding: kept only where the stored key itself binds the issuer.
        const [selfSigned, fragment] = [await core.call('credentials:get', { id: 'cred-2' }), await core.call('credentials:get', { id: 'cred-3' })]
        expect(selfSigned.trust).toBe('verified')
        expect(selfSigned.verification!.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:key', signerKey: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' })
        expect(fragment.trust).toBe('signed')
        expect(fragment.verification!.issuer.detail).toMatch(/verify it again/)
      }
      core.close()

      // The backup is the untouched old version.
      expect((await inspectBackup(core.backupPath!)).schemaVersion).toBe(from)
    })
  }

  it('refuses a portfolio from a newer Skillfolio and leaves the file untouched', () => {
    const db = openDatabase(file)
    migrate(db)
    db.pragma(`user_version = ${latestVersion() + 1}`)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const before = createHash('sha256').update(readFileSync(file)).digest('hex')
    let error: unknown
    try {
      createCore({ dbPath: file, dataDir: dir, log: testLog })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('DB_TOO_NEW')
    expect((error as AppError).message).toMatch(/newer version of Skillfolio/)
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it('stops at the last good version when a migration fails, with that migration rolled back', () => {
    const db = openDatabase(file)
    const broken = [
      ...MIGRATIONS,
      {
        version: latestVersion() + 1,
        name: 'broken',
        up: (d: Db) => {
          d.exec('CREATE TABLE half_done (x INTEGER) STRICT')
          d.exec('INSERT INTO no_such_table VALUES (1)')
        },
      },
    ]
    expect(() => migrate(db, { list: broken })).toThrow(/no such table/)
    expect(schemaVersion(db)).toBe(latestVersion())
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'`).get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses a migration list that is out of order', () => {
    const db = openDatabase(':memory:')
    expect(() => migrate(db, { list: [MIGRATIONS[1]!, MIGRATIONS[0]!] })).toThrow(/out of order/)
    db.close()
  })

  it('refuses a file that is not a SQLite database without changing it', () => {
    const junk = join(dir, 'junk.sqlite')
    writeFileSync(junk, 'this is not a database, just text '.repeat(200))
    expect(() => createCore({ dbPath: junk, dataDir: dir, log: testLog })).toThrow(/not a database/)
    expect(readFileSync(junk, 'utf8').startsWith('this is not a database')).toBe(true)
    expect(existsSync(`${junk}-wal`)).toBe(false)
  })
})
