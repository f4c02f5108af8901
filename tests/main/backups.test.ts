import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub, FakeBrowserWindow } from './electron-stub'
import type { Result } from '../../electron/shared/errors'
import type { BackupEntry, BackupSummary, RestoreResult } from '../../electron/shared/backup'
import { FILE_CHANNELS } from '../../electron/shared/files'
import { registerBackupHandlers } from '../../electron/main/backups'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

type Handler = (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>
const TOP = { url: 'app://bundle/index.html', parent: null }
const PASSPHRASE = 'correct horse battery staple'

let p: TempPortfolio
let win: FakeBrowserWindow
let elsewhere: string
const event = () => ({ senderFrame: TOP, sender: win.webContents })
const run = <T>(channel: string, ...args: unknown[]) => (stub.ipcHandlers.get(channel) as Handler)(event(), ...args) as Promise<Result<T>>
const skillNames = async () => (await p.core.call('skills:list', {})).items.map((s) => s.name).sort()

beforeEach(() => {
  stub.reset()
  p = tempPortfolio()
  elsewhere = mkdtempSync(join(tmpdir(), 'skillfolio-elsewhere-'))
  win = new FakeBrowserWindow({})
  registerBackupHandlers(stub.ipcMain, { core: p.core, dialog: stub.dialog, windowOf: () => win as never })
})
afterEach(() => {
  p.cleanup()
  rmSync(elsewhere, { recursive: true, force: true })
})

describe('Settings → Backups, the shell’s half', () => {
  it('chooseBackup opens the dialog in the backups folder and answers the header and a ticket, not needing the passphrase', async () => {
    const made = await p.core.call('backup:create', { passphrase: PASSPHRASE })
    stub.dialog.openAnswer = { canceled: false, filePaths: [made.path] }
    const answer = await run<{ ticket: string; entry: BackupEntry }>(FILE_CHANNELS.chooseBackup)
    const [parent, options] = stub.dialog.showOpenDialog.mock.calls[0] as [unknown, { defaultPath: string; properties: string[] }]
    expect(parent).toBe(win)
    expect(options.defaultPath).toBe(join(p.dir, 'backups'))
    expect(options.properties).toEqual(['openFile'])
    expect(answer.ok).toBe(true)
    if (!answer.ok) return
    expect(answer.value.entry).toMatchObject({ name: basename(made.path), encrypted: true, reason: 'manual' })
    expect(answer.value.ticket).toMatch(/^[0-9a-f]{32}$/)
  })

  it('chooseBackup answers null when cancelled, and refuses a file that is no backup in words', async () => {
    expect(await run(FILE_CHANNELS.chooseBackup)).toEqual({ ok: true, value: null })
    const notBackup = join(elsewhere, 'holiday.sfbackup')
    writeFileSync(notBackup, 'just some text')
    stub.dialog.openAnswer = { canceled: false, filePaths: [notBackup] }
    const answer = await run(FILE_CHANNELS.chooseBackup)
    expect(answer.ok).toBe(false)
    expect(!answer.ok && answer.error.message).toMatch(/holiday\.sfbackup/)
  })

  it('inspects a backup named from the backups folder or by a ticket, and refuses a wrong passphrase in words', async () => {
    await p.core.call('app:loadDemo', {})
    const made = await p.core.call('backup:create', { passphrase: PASSPHRASE })
    const byName = await run<BackupSummary>(FILE_CHANNELS.inspectBackup, { name: basename(made.path) }, PASSPHRASE)
    expect(byName.ok && byName.value.counts.credentials).toBeGreaterThan(0)

    const copy = join(elsewhere, 'copy.sfbackup')
    writeFileSync(copy, readFileSync(made.path))
    stub.dialog.openAnswer = { canceled: false, filePaths: [copy] }
    const chosen = await run<{ ticket: string }>(FILE_CHANNELS.chooseBackup)
    const ticket = chosen.ok ? chosen.value.ticket : ''
    const byTicket = await run<BackupSummary>(FILE_CHANNELS.inspectBackup, { ticket }, PASSPHRASE)
    expect(byTicket.ok && byTicket.value.path).toBe(copy)

    const wrong = await run(FILE_CHANNELS.inspectBackup, { ticket }, 'not the passphrase')
    expect(!wrong.ok && wrong.error.message).toMatch(/passphrase/i)
  })

  it.each([
    ['a path', { path: '/etc/passwd' }],
    ['a name going up', { name: '../portfolio.sfbackup' }],
    ['a name with a folder', { name: 'sub/portfolio.sfbackup' }],
    ['a Windows folder', { name: 'sub\\portfolio.sfbackup' }],
    ['the parent folder', { name: '..' }],
    ['another kind of file', { name: 'portfolio.sqlite' }],
    ['a ticket never issued', { ticket: 'deadbeef' }],
    ['both at once', { name: 'a.sfbackup', ticket: 'deadbeef' }],
    ['a bare string', '/home/ada/backup.sfbackup'],
  ])('refuses %s as a backup ref, reading nothing', async (_label, ref) => {
    const dispatch = vi.spyOn(p.core, 'dispatch')
    for (const channel of [FILE_CHANNELS.inspectBackup, FILE_CHANNELS.restoreBackup]) {
      const answer = await run(channel, ref)
      expect(answer.ok).toBe(false)
      expect(!answer.ok && ['BAD_INPUT', 'FORBIDDEN']).toContain(!answer.ok && answer.error.code)
    }
    expect(dispatch.mock.calls.map(([channel]) => channel)).not.toContain('backup:inspect')
  })

  it('restores a chosen backup over the open portfolio, which keeps working', async () => {
    const made = await p.core.call('backup:create', {})
    await p.core.call('skills:create', { name: 'Added after the backup' })
    stub.dialog.openAnswer = { canceled: false, filePaths: [made.path] }
    const chosen = await run<{ ticket: string }>(FILE_CHANNELS.chooseBackup)
    const restored = await run<RestoreResult>(FILE_CHANNELS.restoreBackup, { ticket: chosen.ok ? chosen.value.ticket : '' })
    expect(restored.ok && restored.value.dbPath).toBe(p.dbPath)
    expect(restored.ok && restored.value.keptAside).toMatch(/replaced/)
    expect(await skillNames()).not.toContain('Added after the backup')
  })

  it('refuses a restore with the wrong passphrase and changes nothing', async () => {
    const made = await p.core.call('backup:create', { passphrase: PASSPHRASE })
    await p.core.call('skills:create', { name: 'Kept' })
    const answer = await run(FILE_CHANNELS.restoreBackup, { name: basename(made.path) }, 'not the passphrase')
    expect(answer.ok).toBe(false)
    expect(!answer.ok && answer.error.message).toMatch(/passphrase/i)
    expect(await skillNames()).toContain('Kept')
  })

  it('chooseBackupFolder makes the folder picked the backups folder; Cancel changes nothing', async () => {
    expect(await run(FILE_CHANNELS.chooseBackupFolder)).toEqual({ ok: true, value: null })
    expect((await p.core.call('settings:get', {})).backupFolder ?? null).toBeNull()
    stub.dialog.openAnswer = { canceled: false, filePaths: [elsewhere] }
    expect(await run(FILE_CHANNELS.chooseBackupFolder)).toEqual({ ok: true, value: { folder: elsewhere } })
    const options = stub.dialog.showOpenDialog.mock.calls[1]![1] as { properties: string[] }
    expect(options.properties).toEqual(['openDirectory', 'createDirectory'])
    expect((await p.core.call('settings:get', {})).backupFolder).toBe(elsewhere)
    expect((await p.core.call('backup:list', {})).folder).toBe(elsewhere)
  })

  it('refuses every backup call from a page that is not ours', async () => {
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: win.webContents }
    for (const channel of [FILE_CHANNELS.chooseBackup, FILE_CHANNELS.inspectBackup, FILE_CHANNELS.restoreBackup, FILE_CHANNELS.chooseBackupFolder]) {
      const answer = await (stub.ipcHandlers.get(channel) as Handler)(foreign, { name: 'a.sfbackup' })
      expect(!answer.ok && answer.error.code).toBe('FORBIDDEN')
    }
    expect(stub.dialog.showOpenDialog).not.toHaveBeenCalled()
  })
})
