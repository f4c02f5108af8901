import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runIn, tempPortfolio, type TempPortfolio } from './harness'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const PASSPHRASE = 'a long enough passphrase'
const withPassphrase = (passphrase: string, ...argv: string[]) => runIn(p.dir, { SKILLFOLIO_DB: p.db, SKILLFOLIO_PASSPHRASE: passphrase }, argv)
const credentialTitles = async () => (await p.run('list', 'credentials', '--json')).json<{ items: Array<{ title: string }> }>().items.map((c) => c.title)

describe('skillfolio backup, backups and restore', () => {
  it('backs up, lists, and restores with --yes, keeping the replaced portfolio', async () => {
    expect((await p.run('demo')).code).toBe(0)
    const titles = await credentialTitles()

    const out = await p.run('backup', '--out', 'mine.sfbackup')
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(new RegExp(`^Backed up ${p.db} to ${join(p.dir, 'mine.sfbackup')} \\(\\d+\\.\\d KB\\)\\.\\n$`))

    const inFolder = await p.run('backup', '--json')
    const made = inFolder.json<{ path: string; encrypted: boolean }>()
    expect(made.path.startsWith(join(p.dir, 'backups'))).toBe(true)
    const listed = await p.run('backups')
    expect(listed.stdout).toContain(`Backups folder: ${join(p.dir, 'backups')}`)
    expect(listed.stdout).toMatch(/on demand .* no {9,}portfolio-.*-manual\.sfbackup/)

    // Changed after the backup, then restored.
    expect((await p.run('add', 'credential', '--title', 'Added later', '--kind', 'other')).code).toBe(0)
    expect(await credentialTitles()).toContain('Added later')

    const restored = await p.run('restore', 'mine.sfbackup', '--yes')
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    expect(restored.stdout).toMatch(/^Restored mine\.sfbackup into .*portfolio\.sqlite\./)
    expect(restored.stdout).toMatch(new RegExp(`Holds +${titles.length} credentials`))
    const aside = /kept at (.+portfolio\.replaced-.+\.sqlite)\./.exec(restored.stdout)![1]!
    expect(existsSync(aside)).toBe(true)
    expect(await credentialTitles()).toEqual(titles)
    expect(await runIn(p.dir, { SKILLFOLIO_DB: aside }, ['list', 'credentials', '--json']).then((r) => r.json<{ items: Array<{ title: string }> }>().items.map((c) => c.title))).toContain('Added later')
  })

  it('refuses to restore without --yes when nobody can be asked, touching nothing', async () => {
    await p.run('demo')
    await p.run('backup', '--out', 'b.sfbackup')
    const before = p.hash()
    const refused = await p.run('restore', 'b.sfbackup')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^skillfolio: restore replaces the portfolio and needs a yes: stdin is not a terminal, so add --yes\n$/)
    expect(p.hash()).toBe(before)
  })

  it('encrypts with SKILLFOLIO_PASSPHRASE; a wrong or missing passphrase is refused in words', async () => {
    await p.run('demo')
    const titles = await credentialTitles()
    const made = await withPassphrase(PASSPHRASE, 'backup', '--encrypt', '--out', 'secret.sfbackup')
    expect(made.code).toBe(0)
    expect(made.stdout).toMatch(/, encrypted\)\.\n$/)
    expect((await p.run('add', 'credential', '--title', 'Added later', '--kind', 'other')).code).toBe(0)
    const before = p.hash()

    const missing = await p.run('restore', 'secret.sfbackup', '--yes')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/needs a passphrase: stdin is not a terminal, so set SKILLFOLIO_PASSPHRASE/)
    const wrong = await withPassphrase('not the passphrase', 'restore', 'secret.sfbackup', '--yes')
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toBe('skillfolio: Wrong passphrase for the backup secret.sfbackup. Nothing was changed.\n')
    expect(p.hash()).toBe(before)

    const right = await withPassphrase(PASSPHRASE, 'restore', 'secret.sfbackup', '--yes')
    expect(right.code).toBe(0)
    expect(await credentialTitles()).toEqual(titles)
  })

  it('refuses --encrypt without a passphrase, and a short one, making no backup', async () => {
    await p.run('demo')
    const none = await p.run('backup', '--encrypt')
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/backup --encrypt needs a passphrase/)
    const short = await withPassphrase('short', 'backup', '--encrypt')
    expect(short.code).toBe(2)
    expect(short.stderr).toBe('skillfolio: the passphrase must be at least 8 characters; nothing was backed up\n')
    expect(existsSync(join(p.dir, 'backups'))).toBe(false)
  })

  it('refuses a damaged backup with the portfolio untouched', async () => {
    await p.run('demo')
    await p.run('backup', '--out', 'b.sfbackup')
    const bytes = readFileSync(join(p.dir, 'b.sfbackup'))
    writeFileSync(join(p.dir, 'cut.sfbackup'), bytes.subarray(0, bytes.length - 100))
    const before = p.hash()
    const refused = await p.run('restore', 'cut.sfbackup', '--yes')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^skillfolio: The backup cut\.sfbackup is damaged \(it is incomplete: .*\)\. Nothing was changed; use another backup\.\n$/)
    expect(p.hash()).toBe(before)
    expect(readdirSync(p.dir).filter((f) => f.includes('replaced') || f.includes('restoring'))).toEqual([])
  })

  it('does not create a portfolio to back up or list, and documents the commands', async () => {
    const backup = await p.run('backup')
    expect(backup.code).toBe(1)
    expect(backup.stderr).toMatch(/No portfolio at/)
    expect(existsSync(p.db)).toBe(false)
    expect((await p.run('help', 'backup')).stdout).toMatch(/--encrypt +encrypt it with a passphrase/)
    expect((await p.run('help', 'restore')).stdout).toMatch(/Usage: skillfolio restore FILE \[--yes\]/)
    expect((await p.run('--help')).stdout).toMatch(/\n {2}backups +List the backups/)
  })
})
