import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub, FakeBrowserWindow } from './electron-stub'
import type { Result } from '../../electron/shared/errors'
import { FILE_CHANNELS, type SaveShareResult } from '../../electron/shared/files'
import type { ShareFile } from '../../electron/shared/share'
import { registerFileHandlers } from '../../electron/main/save'
import { registerShareHandlers } from '../../electron/main/share'
import type { Dispatcher } from '../../electron/main/ipc'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

type Handler = (event: unknown, raw: unknown) => Promise<Result<unknown>>
const TOP = { url: 'app://bundle/index.html', parent: null }
const file = (name: string, text: string): ShareFile => ({ name, base64: Buffer.from(text).toString('base64'), mime: 'text/plain' })
const FILES = [file('index.html', '<!doctype html><title>Ada</title>'), file('manifest.json', '{}'), file('originals/cred-1-badge.json', '{"badge":1}')]

let dir: string
let win: FakeBrowserWindow
const event = () => ({ senderFrame: TOP, sender: win.webContents })
const handler = (channel: string) => stub.ipcHandlers.get(channel) as Handler
const share = (raw: unknown) => handler(FILE_CHANNELS.saveShareBundle)(event(), raw) as Promise<Result<SaveShareResult>>

function fakeCore(files: ShareFile[] = FILES, fullName: string | null = 'Ada Lovelace') {
  return {
    dispatch: vi.fn<Dispatcher['dispatch']>(async (channel, raw) => {
      if (channel === 'share:bundle') {
        const ids = (raw as { credentialIds?: unknown[] } | null)?.credentialIds
        if (!ids?.length) return { ok: false, error: { code: 'BAD_INPUT', message: 'choose at least one credential or project' } }
        return { ok: true, value: { files, summary: {} } }
      }
      if (channel === 'profile:get') return { ok: true, value: { fullName } }
      return { ok: false, error: { code: 'INTERNAL', message: `unexpected ${channel}` } }
    }),
  }
}

function register(core = fakeCore()) {
  const saved = registerFileHandlers(stub.ipcMain, { core, dialog: stub.dialog, shell: stub.shell, defaultDir: () => dir, windowOf: () => win as never })
  registerShareHandlers(stub.ipcMain, { core, dialog: stub.dialog, saved, defaultDir: () => dir, windowOf: () => win as never, now: () => new Date(2026, 11, 6, 15, 0) })
  return core
}

describe('Share with an employer: the bundle written into a folder the person picks', () => {
  beforeEach(() => {
    stub.reset()
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-share-'))
    win = new FakeBrowserWindow({})
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes every file into a new folder named for the person and the day, and openSaved may open its index.html', async () => {
    const core = register()
    stub.dialog.openAnswer = { canceled: false, filePaths: [dir] }
    const result = await share({ credentialIds: ['cred-1'] })
    const folder = join(dir, 'Ada Lovelace - credentials 2026-12-06')
    const bytes = FILES.reduce((n, f) => n + Buffer.from(f.base64, 'base64').length, 0)
    expect(result).toEqual({ ok: true, value: { saved: true, folder, index: join(folder, 'index.html'), files: 3, bytes, summary: {} } })
    expect(core.dispatch).toHaveBeenCalledWith('share:bundle', { credentialIds: ['cred-1'] })
    const [parent, options] = stub.dialog.showOpenDialog.mock.calls[0] as [unknown, { properties: string[]; defaultPath: string }]
    expect(parent).toBe(win)
    expect(options.properties).toEqual(['openDirectory', 'createDirectory'])
    expect(readFileSync(join(folder, 'originals', 'cred-1-badge.json'), 'utf8')).toBe('{"badge":1}')
    expect(readdirSync(folder).sort()).toEqual(['index.html', 'manifest.json', 'originals'])
    expect(await handler(FILE_CHANNELS.openSaved)(event(), join(folder, 'index.html'))).toEqual({ ok: true, value: { opened: true } })
    expect(stub.shell.openPath).toHaveBeenCalledExactlyOnceWith(join(folder, 'index.html'))
  })

  it('never writes into a folder that exists: a second save gets a folder of its own', async () => {
    register()
    stub.dialog.openAnswer = { canceled: false, filePaths: [dir] }
    const first = await share({ credentialIds: ['cred-1'] })
    const second = await share({ credentialIds: ['cred-1'] })
    expect(first.ok && first.value.saved && first.value.folder).toBe(join(dir, 'Ada Lovelace - credentials 2026-12-06'))
    expect(second.ok && second.value.saved && second.value.folder).toBe(join(dir, 'Ada Lovelace - credentials 2026-12-06 (2)'))
    expect(readdirSync(dir).sort()).toEqual(['Ada Lovelace - credentials 2026-12-06', 'Ada Lovelace - credentials 2026-12-06 (2)'])
  })

  it('writes nothing when cancelled, and says the core’s refusal before any dialog', async () => {
    register()
    expect(await share({ credentialIds: ['cred-1'] })).toEqual({ ok: true, value: { saved: false } })
    expect(readdirSync(dir)).toEqual([])
    stub.dialog.showOpenDialog.mockClear()
    const refused = await share({ credentialIds: [] })
    expect(!refused.ok && refused.error.code).toBe('BAD_INPUT')
    expect(stub.dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it('says in words when the folder is gone', async () => {
    register()
    stub.dialog.openAnswer = { canceled: false, filePaths: [join(dir, 'removed-meanwhile')] }
    const result = await share({ credentialIds: ['cred-1'] })
    expect(result).toEqual({ ok: false, error: { code: 'IO', message: 'That folder no longer exists, so Ada Lovelace - credentials 2026-12-06 could not be saved.' } })
  })

  it('leaves no half bundle when a file cannot be written', async () => {
    register(fakeCore([file('index.html', 'x'), file('../outside.txt', 'escape')]))
    const parent = join(dir, 'picked')
    mkdirSync(parent)
    stub.dialog.openAnswer = { canceled: false, filePaths: [parent] }
    const result = await share({ credentialIds: ['cred-1'] })
    expect(!result.ok && result.error.code).toBe('IO')
    expect(readdirSync(parent)).toEqual([])
    expect(existsSync(join(dir, 'outside.txt'))).toBe(false)
  })

  it('refuses a page that is not ours', async () => {
    const core = register()
    const result = await handler(FILE_CHANNELS.saveShareBundle)({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: win.webContents }, { credentialIds: ['cred-1'] })
    expect(!result.ok && result.error.code).toBe('FORBIDDEN')
    expect(core.dispatch).not.toHaveBeenCalled()
  })
})
