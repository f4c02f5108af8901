import { PassThrough } from 'node:stream'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ONLINE_CHECKS_WARNING } from '../../electron/shared/online-checks'
import { tempPortfolio, type TempPortfolio } from './harness'

let t: TempPortfolio
/** What the command wrote to the real stderr (the terminal's warning and question go there). */
let terminal: string

/** Stands in for a terminal on stdin; `answer` is typed once the question was asked (null: Ctrl+D). */
function fakeTerminal(answer: string | null) {
  const input = Object.assign(new PassThrough(), { isTTY: true })
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(input as unknown as typeof process.stdin)
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    terminal += String(chunk)
    if (String(chunk).endsWith('[y/N] ')) setImmediate(() => (answer === null ? input.end() : input.write(`${answer}\n`)))
    return true
  })
}
/** stdin as a pipe or a file: nobody to ask. */
function noTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: undefined })
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(input as unknown as typeof process.stdin)
}

beforeEach(() => {
  t = tempPortfolio()
  terminal = ''
})
afterEach(() => {
  vi.restoreAllMocks()
  t.cleanup()
})

const onlineChecks = async () => (await t.run('--json', 'settings')).json<{ onlineChecks: boolean }>().onlineChecks

describe('skillfolio settings', () => {
  it('prints the settings, and as JSON; a missing portfolio is not created', async () => {
    const missing = await t.run('settings')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No portfolio at/)
    expect(existsSync(t.db)).toBe(false)
    await t.run('settings', 'online', 'off')
    const text = await t.run('settings')
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^Online checks\s+off \(everything is checked on this computer\)\n/)
    expect(text.stdout).toContain(`Backup folder     ${join(t.dir, 'backups')} (the default, beside the portfolio)\n`)
    expect((await t.run('--json', 'settings')).json()).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
  })

  it('turns online checks on after a "y" on the terminal, showing the shared warning first', async () => {
    fakeTerminal('y')
    const run = await t.run('settings', 'online', 'on')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('Online checks are on.\n')
    expect(terminal).toBe(`${ONLINE_CHECKS_WARNING}\n\nTurn on online checks? [y/N] `)
    expect(terminal).toMatch(/which of its credentials you hold/)
    vi.restoreAllMocks()
    expect(await onlineChecks()).toBe(true)
  })

  it.each([['n'], [''], ['maybe'], [null]])('leaves them off for the answer %j (Enter means no)', async (answer) => {
    fakeTerminal(answer)
    const run = await t.run('settings', 'online', 'on')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('Online checks stay off.\n')
    vi.restoreAllMocks()
    expect(await onlineChecks()).toBe(false)
  })

  it('without a terminal, refuses to turn them on unless --yes is given, and then prints the warning', async () => {
    noTerminal()
    const refused = await t.run('settings', 'online', 'on')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/stdin is not a terminal, so add --yes/)
    expect(existsSync(t.db)).toBe(false) // refused before the portfolio was opened

    const yes = await t.run('settings', 'online', 'on', '--yes')
    expect(yes.code).toBe(0)
    expect(yes.stdout).toBe(`Online checks are on.\n\n${ONLINE_CHECKS_WARNING}\n`)
    expect(await onlineChecks()).toBe(true)
    expect((await t.run('settings', 'online', 'on', '-y')).stdout).toBe('Online checks are already on.\n')
  })

  it('answers --json with the settings', async () => {
    noTerminal()
    const on = await t.run('--json', 'settings', 'online', 'on', '--yes')
    expect(on.json()).toEqual({ onlineChecks: true, expiryReminderDays: 60 })
    const off = await t.run('--json', 'settings', 'online', 'OFF')
    expect(off.json()).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
  })

  it('shows and sets the expiry reminder days; off or 0 turns reminders off', async () => {
    await t.run('settings', 'online', 'off')
    expect((await t.run('settings')).stdout).toContain('Expiry reminders  credentials that expire within 60 days (shown when the app starts)\n')
    const set = await t.run('settings', 'reminders', '30')
    expect(set.code).toBe(0)
    expect(set.stdout).toBe('Skillfolio reminds you of credentials that expire within 30 days.\n')
    expect((await t.run('--json', 'settings')).json()).toEqual({ onlineChecks: false, expiryReminderDays: 30 })
    expect((await t.run('settings', 'reminders', 'OFF')).stdout).toBe('Expiry reminders are off.\n')
    expect((await t.run('settings')).stdout).toContain('Expiry reminders  off\n')
    expect((await t.run('--json', 'settings', 'reminders', '0')).json()).toEqual({ onlineChecks: false, expiryReminderDays: 0 })
  })

  it('turns them off without asking', async () => {
    noTerminal()
    await t.run('settings', 'online', 'on', '--yes')
    const off = await t.run('settings', 'online', 'off')
    expect(off.code).toBe(0)
    expect(off.stdout).toBe('Online checks are off: Skillfolio stays offline.\n')
    expect(await onlineChecks()).toBe(false)
  })

  it.each([
    [['settings', 'online'], /settings online needs on or off/],
    [['settings', 'online', 'yes'], /needs on or off.*got yes/],
    [['settings', 'online', 'on', 'now'], /settings online needs on or off/],
    [['settings', 'colour'], /settings: unknown .*colour.*a setting: online, backup-folder/],
    [['settings', 'backup-folder'], /settings backup-folder needs one absolute folder path, or "default"/],
    [['settings', 'backup-folder', 'backups'], /needs an absolute path; .*backups.* is relative \(from here it would be \/.*\/backups\)/],
    [['settings', 'backup-folder', './b'], /needs an absolute path/],
    [['settings', 'backup-folder', '/tmp/a', '/tmp/b'], /unexpected .*\/tmp\/b/],
    [['settings', 'backup-folder', '/tmp/a', '--yes'], /unknown option --yes/],
    [['settings', 'online', 'off', '--yes-please'], /unknown option --yes-please/],
    [['settings', 'reminders'], /settings reminders needs one number of days/],
    [['settings', 'reminders', '366'], /from 0 \(off\) to 365; got 366/],
    [['settings', 'reminders', '-3'], /unknown option|from 0 \(off\) to 365/],
    [['settings', 'reminders', '2.5'], /from 0 \(off\) to 365; got 2\.5/],
    [['settings', 'reminders', '30', '60'], /unexpected .*60/],
  ])('refuses %j as bad usage without touching the portfolio', async (argv, message) => {
    noTerminal()
    const run = await t.run(...argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(existsSync(t.db)).toBe(false)
  })

  it('sets the backup folder to an absolute path, creating it, and backups then go there', async () => {
    await t.run('settings', 'online', 'off')
    const folder = join(t.dir, 'elsewhere', 'my backups')
    const set = await t.run('settings', 'backup-folder', folder)
    expect(set.code).toBe(0)
    expect(set.stdout).toBe(`Backups go to ${folder} (the folder was created).\n`)
    expect(statSync(folder).isDirectory()).toBe(true)
    expect((await t.run('--json', 'settings')).json()).toEqual({ onlineChecks: false, backupFolder: folder, expiryReminderDays: 60 })
    expect((await t.run('settings')).stdout).toContain(`Backup folder     ${folder}\n`)

    const backup = await t.run('backup')
    expect(backup.code).toBe(0)
    expect(readdirSync(folder)).toHaveLength(1)

    // An existing folder is used as it is; a trailing slash is dropped.
    const again = await t.run('settings', 'BACKUP-FOLDER', `${folder}/`)
    expect(again.stdout).toBe(`Backups go to ${folder}.\n`)
  })

  it('goes back to the default folder with "default"', async () => {
    await t.run('settings', 'online', 'off')
    await t.run('settings', 'backup-folder', join(t.dir, 'b'))
    const reset = await t.run('--json', 'settings', 'backup-folder', 'default')
    expect(reset.code).toBe(0)
    expect(reset.json()).toEqual({ onlineChecks: false, backupFolder: null, expiryReminderDays: 60 })
    expect((await t.run('settings')).stdout).toContain(`Backup folder     ${join(t.dir, 'backups')} (the default, beside the portfolio)\n`)
  })

  it('refuses a file as the backup folder, or a folder that cannot be made inside one, changing nothing', async () => {
    await t.run('settings', 'online', 'off')
    const file = join(t.dir, 'notes.txt')
    writeFileSync(file, 'not a folder')
    const refused = await t.run('settings', 'backup-folder', file)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`${file} is a file, not a folder: backups need a folder. Nothing was changed.`)
    const below = await t.run('settings', 'backup-folder', join(file, 'inside'))
    expect(below.code).toBe(2)
    expect(below.stderr).toContain(`${join(file, 'inside')} cannot be a folder: part of that path is a file. Nothing was changed.`)
    expect((await t.run('--json', 'settings')).json()).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
  })

  it('refuses a folder that cannot be written to', async () => {
    await t.run('settings', 'online', 'off')
    // Root writes through permission bits: as root (CI), a kernel folder no one can create files in.
    const asRoot = process.getuid?.() === 0
    const folder = asRoot ? '/proc/self/fdinfo' : join(t.dir, 'locked')
    if (!asRoot) mkdirSync(folder, { mode: 0o500 })
    const refused = await t.run('settings', 'backup-folder', folder)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`Backups cannot be written to ${folder}: the folder is not writable`)
    expect((await t.run('--json', 'settings')).json()).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
  })

  it('is listed in --help, and its help shows the warning', async () => {
    expect((await t.run('--help')).stdout).toMatch(/\n {2}settings\s+Show the settings; turn online checks on or off; set the backup folder, expiry reminders and currency\n/)
    const help = await t.run('help', 'settings')
    expect(help.stdout).toContain('Usage: skillfolio settings\n       skillfolio settings online on|off [--yes]\n       skillfolio settings backup-folder FOLDER|default')
    expect(help.stdout).toContain(ONLINE_CHECKS_WARNING)
  })
})
