import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupBeforeUpgrade } from '../../../electron/core/backup/create'
import { restoreBackup } from '../../../electron/core/backup/restore'
import { openDatabase } from '../../../electron/core/db/open'
import { latestVersion, migrate } from '../../../electron/core/db/migrate'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { fileHash, fillPortfolio, PASSPHRASE, portfolioContent, refusal } from './portfolio-content'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())


/** Closes the portfolio (as a restore needs) and answers its content and file hash. */
function closeAndRead() {
  p.core.close()
  const content = portfolioContent(p.dbPath)
  return { content, hash: fileHash(p.dbPath) }
}

describe('backup and restore', () => {
  it('restores exactly what was backed up: every row of every table and every original', async () => {
    const originals = await fillPortfolio(p.core)
    const made = await p.core.call('backup:create', {})
    expect(made.path.startsWith(join(p.dir, 'backups'))).toBe(true)
    expect(made.bytes).toBe(readFileSync(made.path).length)
    const before = portfolioContent(p.dbPath)

    // Changed afterwards: the restore must bring back the state of the backup, not this one.
    await p.core.call('credentials:delete', { id: 'cred-1' })
    await p.core.call('skills:create', { name: 'Added after the backup' })
    p.core.close()

    const result = await restoreBackup({ backupFile: made.path, dbPath: p.dbPath, now: () => new Date('2026-11-29T08:00:00Z') })
    expect(result.dbPath).toBe(p.dbPath)
    const after = portfolioContent(p.dbPath)
    expect(after).toEqual(before)
    expect((after.original_blob as Array<{ sha256: string }>).map((o) => o.sha256).sort()).toEqual([...originals].sort())

    // The portfolio it replaced is kept aside, whole, with the later changes.
    expect(result.keptAside).toBe(join(p.dir, 'portfolio.replaced-2026-11-29T08-00-00-000Z.sqlite'))
    const aside = portfolioContent(result.keptAside!)
    expect((aside.skill as Array<{ name: string }>).map((s) => s.name)).toContain('Added after the backup')

    // And the restored file opens as the portfolio.
    const core = p.reopen()
    expect((await core.call('credentials:get', { id: 'cred-1' })).id).toBe('cred-1')
    expect(core.evidence.get(originals[1]!).length).toBe(300_000)
  })

  it('lists backups newest first and inspects one in full without changing anything', async () => {
    await fillPortfolio(p.core)
    const first = await p.core.call('backup:create', {})
    const list = await p.core.call('backup:list', {})
    expect(list.folder).toBe(join(p.dir, 'backups'))
    expect(list.backups.map((b) => [b.path, b.reason, b.encrypted, b.portfolio])).toEqual([[first.path, 'manual', false, 'portfolio.sqlite']])
    const summary = await p.core.call('backup:inspect', { path: first.path })
    expect(summary.counts.credentials).toBe((await p.core.call('app:info', {})).counts.credentials)
    expect(summary.originals.count).toBe(3)
    expect(summary.schemaVersion).toBe((await p.core.call('app:info', {})).schemaVersion)
  })

  it('writes into the backups folder the settings name, and never overwrites a file', async () => {
    const folder = join(p.dir, 'elsewhere')
    expect(await p.core.call('settings:update', { backupFolder: folder })).toMatchObject({ backupFolder: folder })
    const made = await p.core.call('backup:create', {})
    expect(made.path.startsWith(folder)).toBe(true)
    expect((await p.core.call('backup:list', {})).folder).toBe(folder)
    const again = await refusal(p.core.call('backup:create', { file: made.path }))
    expect(again.code).toBe('CONFLICT')
    const relative = await refusal(p.core.call('settings:update', { backupFolder: 'relative/folder' }))
    expect(relative.code).toBe('BAD_INPUT')
  })

  it('encrypts with a passphrase: the right one restores, a wrong or missing one is refused in words', async () => {
    await fillPortfolio(p.core)
    const made = await p.core.call('backup:create', { passphrase: PASSPHRASE })
    const bytes = readFileSync(made.path)
    // Nothing of the portfolio is readable in the file.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    expect(bytes.includes(Buffer.from('Café'))).toBe(false)
    expect((await p.core.call('backup:list', {})).backups[0]!.encrypted).toBe(true)

    const wrong = await refusal(p.core.call('backup:inspect', { path: made.path, passphrase: 'not the passphrase' }))
    expect(wrong.message).toMatch(/^Wrong passphrase for the backup .*\. Nothing was changed\.$/)
    const missing = await refusal(p.core.call('backup:inspect', { path: made.path }))
    expect(missing.message).toMatch(/is encrypted: give its passphrase/)
    const short = await refusal(p.core.call('backup:create', { passphrase: 'short' }))
    expect(short.issues?.[0]).toMatchObject({ path: 'passphrase', message: 'must be at least 8 characters' })

    const { content, hash } = closeAndRead()
    const refused = await refusal(restoreBackup({ backupFile: made.path, dbPath: p.dbPath, passphrase: 'not the passphrase' }))
    expect(refused.message).toMatch(/Wrong passphrase/)
    expect(fileHash(p.dbPath)).toBe(hash)

    const restored = await restoreBackup({ backupFile: made.path, dbPath: p.dbPath, passphrase: PASSPHRASE })
    expect(restored.backup.encrypted).toBe(true)
    expect(portfolioContent(p.dbPath)).toEqual(content)
  })

  describe('a damaged backup is refused and the portfolio stays untouched', () => {
    const damage: Array<[string, (b: Buffer) => Buffer]> = [
      ['truncated in the database', (b) => b.subarray(0, b.length - 5000)],
      ['truncated in the header', (b) => b.subarray(0, 40)],
      ['a bit flipped in the database', (b) => flip(b, b.length - 7000)],
      ['a bit flipped in the manifest', (b) => flip(b, bodyStart(b) + 10)],
      ['a bit flipped in the last byte', (b) => flip(b, b.length - 1)],
      ['a bit flipped in the header', (b) => flip(b, b.indexOf('"appVersion"') + 2)],
      ['extra bytes at the end', (b) => Buffer.concat([b, Buffer.from('x')])],
    ]
    for (const encrypted of [false, true]) {
      for (const [what, harm] of damage) {
        it(`${encrypted ? 'encrypted' : 'plain'}: ${what}`, async () => {
          await fillPortfolio(p.core)
          const made = await p.core.call('backup:create', encrypted ? { passphrase: PASSPHRASE } : {})
          const damaged = join(p.dir, 'damaged.sfbackup')
          writeFileSync(damaged, harm(readFileSync(made.path)))
          const { hash } = closeAndRead()
          const before = readdirSync(p.dir).sort()

          const error = await refusal(restoreBackup({ backupFile: damaged, dbPath: p.dbPath, ...(encrypted ? { passphrase: PASSPHRASE } : {}) }))
          expect(error.code).toBe('DAMAGED')
          expect(error.message).toMatch(/^The backup damaged\.sfbackup is damaged \(.+\)\. Nothing was changed; use another backup\.$/)
          expect(fileHash(p.dbPath)).toBe(hash)
          expect(readdirSync(p.dir).sort()).toEqual(before) // nothing kept aside, no staging file left
        })
      }
    }
  })

  it('refuses a file that is not a backup, and a missing one, in words', async () => {
    const notBackup = join(p.dir, 'notes.txt')
    writeFileSync(notBackup, 'hello, these are notes')
    p.core.close()
    expect((await refusal(restoreBackup({ backupFile: notBackup, dbPath: p.dbPath }))).message).toBe('notes.txt is not a Skillfolio backup.')
    const missing = await refusal(restoreBackup({ backupFile: join(p.dir, 'nope.sfbackup'), dbPath: p.dbPath }))
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', `No backup at ${join(p.dir, 'nope.sfbackup')}.`])
  })

  it('refuses a backup of a portfolio from a newer Skillfolio, touching nothing', async () => {
    const newer = openDatabase(join(p.dir, 'newer.sqlite'))
    migrate(newer)
    newer.pragma(`user_version = ${latestVersion() + 1}`)
    const backupFile = backupBeforeUpgrade(newer, { path: join(p.dir, 'newer.sfbackup'), dbPath: 'newer.sqlite', appVersion: '99.0.0', createdAt: new Date() })
    newer.close()
    const { hash } = closeAndRead()
    const error = await refusal(restoreBackup({ backupFile, dbPath: p.dbPath }))
    expect(error.code).toBe('DB_TOO_NEW')
    expect(error.message).toMatch(/^The backup newer\.sfbackup cannot be restored here\. This portfolio was saved by a newer version of Skillfolio/)
    expect(fileHash(p.dbPath)).toBe(hash)
  })

  it('restores into a portfolio that does not exist yet, keeping nothing aside', async () => {
    await fillPortfolio(p.core)
    const made = await p.core.call('backup:create', {})
    const { content } = closeAndRead()
    const fresh = join(p.dir, 'new', 'portfolio.sqlite')
    const result = await restoreBackup({ backupFile: made.path, dbPath: fresh })
    expect(result.keptAside).toBeNull()
    expect(portfolioContent(fresh)).toEqual(content)
    expect(existsSync(`${fresh}.restoring`)).toBe(false)
  })
})

/** Where the body starts: after the 13-byte prefix and the header (electron/core/backup/format.ts). */
const bodyStart = (b: Buffer) => 13 + b.readUInt32BE(9)

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes)
  copy[at] = copy[at]! ^ 0x04
  return copy
}
