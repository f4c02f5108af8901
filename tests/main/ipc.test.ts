import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MessageBoxOptions } from 'electron'
import { FakeBrowserWindow, stub } from './electron-stub'
import { CHANNELS, contract } from '../../electron/shared/contract'
import { CHANNEL_NAMES } from '../../electron/shared/channels'
import type { Result } from '../../electron/shared/errors'
import { registerIpc, senderProblem, type Dispatcher } from '../../electron/main/ipc'
import { confirmOnlineChecks } from '../../electron/main/online-checks'
import { ONLINE_CHECKS_WARNING } from '../../electron/shared/online-checks'
import { testLog } from '../helpers/core-log'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

type Handler = (event: unknown, raw: unknown) => Promise<Result<unknown>>
const TOP = { url: 'app://bundle/index.html', parent: null }
/** An invoke event as far as the sender check reads it. */
const from = (senderFrame: unknown) => ({ senderFrame }) as unknown as Parameters<typeof senderProblem>[0]

function fakeCore() {
  const dispatch = vi.fn<Dispatcher['dispatch']>(async (channel, raw) => ({ ok: true, value: { channel, raw } }))
  return { dispatch }
}

function handlerFor(channel: string): Handler {
  const handler = stub.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler as Handler
}

describe('IPC registration', () => {
  beforeEach(() => stub.reset())

  it('registers every contract channel exactly once, and nothing else', () => {
    registerIpc(stub.ipcMain, fakeCore())
    const registered = stub.ipcMain.handle.mock.calls.map((call) => call[0])
    expect(registered).toHaveLength(CHANNELS.length)
    expect(new Set(registered).size).toBe(registered.length)
    expect([...registered].sort()).toEqual(Object.keys(contract).sort())
  })

  it('keeps the preload list and the contract equal', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort())
    expect(CHANNELS).toEqual(CHANNEL_NAMES)
  })

  it('dispatches calls from our own top-level page', async () => {
    const core = fakeCore()
    registerIpc(stub.ipcMain, core)
    const answer = await handlerFor('credentials:list')(from(TOP), { limit: 5 })
    expect(answer).toEqual({ ok: true, value: { channel: 'credentials:list', raw: { limit: 5 } } })
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('credentials:list', { limit: 5 })
  })

  it.each([
    ['a foreign page', from({ url: 'https://evil.example/', parent: null })],
    ['another app:// host', from({ url: 'app://evil/index.html', parent: null })],
    ['a file:// page', from({ url: 'file:///tmp/x.html', parent: null })],
    ['a subframe of our page', from({ url: 'app://bundle/index.html', parent: TOP })],
    ['a gone frame (null)', from(null)],
    ['a missing frame', {}],
    [
      'a disposed frame that throws',
      from(
        Object.defineProperty({}, 'url', {
          get() {
            throw new Error('Render frame was disposed before WebFrameMain could be accessed')
          },
        }),
      ),
    ],
    ['the dev server without a dev URL', from({ url: 'http://localhost:5173/', parent: null })],
  ])('refuses %s with FORBIDDEN and never reaches the core', async (_label, event) => {
    const core = fakeCore()
    registerIpc(stub.ipcMain, core)
    for (const channel of ['credentials:create', 'app:info']) {
      const answer = await handlerFor(channel)(event, { title: 'x' })
      expect(answer.ok).toBe(false)
      expect(!answer.ok && answer.error.code).toBe('FORBIDDEN')
    }
    expect(core.dispatch).not.toHaveBeenCalled()
  })

  it('trusts the dev server only when given its URL', async () => {
    const core = fakeCore()
    registerIpc(stub.ipcMain, core, { devUrl: 'http://localhost:5173' })
    const answer = await handlerFor('app:info')(from({ url: 'http://localhost:5173/', parent: null }), {})
    expect(answer.ok).toBe(true)
    expect(senderProblem(from({ url: 'http://localhost:5173/', parent: null }), 'http://localhost:5173')).toBeNull()
  })

  it('turns a core that throws into INTERNAL instead of rejecting', async () => {
    const log = vi.fn()
    registerIpc(stub.ipcMain, { dispatch: vi.fn(async () => Promise.reject(new Error('boom'))) }, { log })
    const answer = await handlerFor('app:info')(from(TOP), {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log).toHaveBeenCalledOnce()
  })
})

describe('calls the window may not make', () => {
  beforeEach(() => stub.reset())

  it('refuses import:start with path sources from the window, before the core sees them', async () => {
    const core = fakeCore()
    registerIpc(stub.ipcMain, core)
    for (const sources of [[{ path: '/etc' }], [{ name: 'a.json', base64: 'e30=' }, { path: '/home/ada/.ssh' }], [{ path: '' }]]) {
      const answer = await handlerFor('import:start')(from(TOP), { sources, origin: 'drop' })
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('cannot name files on disk') } })
    }
    expect(core.dispatch).not.toHaveBeenCalled()
  })

  it('still passes file contents (pasted files) and malformed input on to the core, which validates them', async () => {
    const core = fakeCore()
    registerIpc(stub.ipcMain, core)
    const contents = { sources: [{ name: 'a.json', base64: 'e30=' }], origin: 'drop' }
    expect((await handlerFor('import:start')(from(TOP), contents)).ok).toBe(true)
    for (const raw of [null, 'x', { sources: 'nope' }, { sources: [null, 3] }]) await handlerFor('import:start')(from(TOP), raw)
    expect(core.dispatch.mock.calls.map((c) => c[1])).toEqual([contents, null, 'x', { sources: 'nope' }, { sources: [null, 3] }])
  })

  it('refuses taxonomy:import (it names a folder) from the window', async () => {
    const core = fakeCore()
    registerIpc(stub.ipcMain, core)
    const answer = await handlerFor('taxonomy:import')(from(TOP), { path: '/home/ada' })
    expect(!answer.ok && answer.error.code).toBe('FORBIDDEN')
    expect(core.dispatch).not.toHaveBeenCalled()
  })

  it('refuses backup calls that name a file or folder, and lets a plain backup through', async () => {
    const core = fakeCore()
    registerIpc(stub.ipcMain, core)
    const named: Array<[Parameters<typeof handlerFor>[0], unknown]> = [
      ['backup:create', { folder: '/tmp/elsewhere' }],
      ['backup:create', { file: '/home/ada/.ssh/id_ed25519' }],
      ['backup:inspect', { path: '/etc/passwd' }],
      ['settings:update', { backupFolder: '/mnt/usb' }],
    ]
    for (const [channel, raw] of named) {
      const answer = await handlerFor(channel)(from(TOP), raw)
      expect(!answer.ok && answer.error.code, channel).toBe('FORBIDDEN')
    }
    expect(core.dispatch).not.toHaveBeenCalled()
    expect((await handlerFor('backup:create')(from(TOP), {})).ok).toBe(true)
    expect((await handlerFor('settings:update')(from(TOP), { onlineChecks: false })).ok).toBe(true)
    expect(core.dispatch.mock.calls.map((c) => c[0])).toEqual(['backup:create', 'settings:update'])
  })
})

describe('turning online checks on from the window', () => {
  beforeEach(() => stub.reset())

  /** A core holding just the setting. */
  function settingsCore(initial = false) {
    let onlineChecks = initial
    const dispatch = vi.fn<Dispatcher['dispatch']>(async (channel, raw) => {
      if (channel === 'settings:update') {
        const patch = raw as { onlineChecks?: boolean }
        if (patch.onlineChecks !== undefined) onlineChecks = patch.onlineChecks
      }
      return { ok: true, value: { onlineChecks } }
    })
    return { dispatch }
  }
  const update = (raw: unknown) => handlerFor('settings:update')(from(TOP), raw)

  it('asks first, and turns them on only when the person confirms', async () => {
    const core = settingsCore()
    const confirm = vi.fn(async () => true)
    registerIpc(stub.ipcMain, core, { confirmOnlineChecks: confirm })
    expect(await update({ onlineChecks: true })).toEqual({ ok: true, value: { onlineChecks: true } })
    expect(confirm).toHaveBeenCalledOnce()
  })

  it('leaves them off when the person cancels, and when there is no one to ask', async () => {
    for (const options of [{ confirmOnlineChecks: vi.fn(async () => false) }, {}]) {
      stub.reset()
      const core = settingsCore()
      registerIpc(stub.ipcMain, core, options)
      expect(await update({ onlineChecks: true })).toEqual({ ok: true, value: { onlineChecks: false } })
      expect(core.dispatch).not.toHaveBeenCalledWith('settings:update', { onlineChecks: true })
    }
  })

  it('turns them off without asking, and does not ask again when they are already on', async () => {
    const confirm = vi.fn(async () => false)
    const core = settingsCore(true)
    registerIpc(stub.ipcMain, core, { confirmOnlineChecks: confirm })
    expect(await update({ onlineChecks: true })).toEqual({ ok: true, value: { onlineChecks: true } })
    expect(await update({ onlineChecks: false })).toEqual({ ok: true, value: { onlineChecks: false } })
    expect(confirm).not.toHaveBeenCalled()
  })

  it('shows one dialog for two requests made while it is up', async () => {
    let answer = (_yes: boolean) => {}
    const confirm = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)))
    registerIpc(stub.ipcMain, settingsCore(), { confirmOnlineChecks: confirm })
    const first = update({ onlineChecks: true })
    const second = update({ onlineChecks: true })
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledOnce())
    answer(true)
    expect((await first).ok && (await second).ok).toBe(true)
    expect(confirm).toHaveBeenCalledOnce()
  })

  it('uses a native warning box owned by the main process: what is fetched, from whom, what it reveals; Cancel is the default', async () => {
    const win = new FakeBrowserWindow({})
    stub.dialog.messageAnswer = 1
    expect(await confirmOnlineChecks(stub.dialog, win as never)).toBe(false)
    const [parent, options] = stub.dialog.showMessageBox.mock.calls[0] as [unknown, MessageBoxOptions]
    expect(parent).toBe(win)
    expect(options).toMatchObject({ type: 'warning', message: 'Turn on online checks?', buttons: ['Turn on', 'Cancel'], defaultId: 1, cancelId: 1 })
    expect(options.detail).toBe(ONLINE_CHECKS_WARNING)
    expect(options.detail).toMatch(/hosted badges/)
    expect(options.detail).toMatch(/issuer’s web site/)
    expect(options.detail).toMatch(/which of its credentials you hold/)
    stub.dialog.messageAnswer = 0
    expect(await confirmOnlineChecks(stub.dialog, null)).toBe(true)
    expect(stub.dialog.showMessageBox.mock.calls[1]).toHaveLength(1) // no window: an app-modal box
  })
})

describe('IPC against the real core', () => {
  let dir: string
  let core: Awaited<ReturnType<typeof openCore>>
  async function openCore(dataDir: string) {
    const { createCore } = await import('../../electron/core/app')
    return createCore({ dbPath: join(dataDir, 'portfolio.sqlite'), dataDir, now: () => new Date('2026-01-15T10:00:00Z'), log: testLog })
  }
  /** Every row of every table: "unchanged" means exactly that. */
  function snapshot(): Record<string, unknown[]> {
    const tables = core.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
    return Object.fromEntries(tables.map((t) => [t, core.db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`).all()]))
  }

  beforeEach(async () => {
    stub.reset()
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-ipc-'))
    core = await openCore(dir)
    registerIpc(stub.ipcMain, core)
  })
  afterEach(() => {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers bad input with BAD_INPUT and leaves the database unchanged', async () => {
    const ok = await handlerFor('credentials:create')(from(TOP), { title: 'AWS Cloud Practitioner', kind: 'certification' })
    expect(ok.ok).toBe(true)
    const before = snapshot()
    for (const raw of [{ title: 42, kind: 'certification' }, { title: 'x', kind: 'nonsense' }, 'DROP TABLE credential', null, [1, 2]]) {
      const answer = await handlerFor('credentials:create')(from(TOP), raw)
      expect(answer.ok).toBe(false)
      expect(!answer.ok && answer.error.code).toBe('BAD_INPUT')
    }
    const badUpdate = await handlerFor('credentials:update')(from(TOP), { id: 42, patch: { title: '' } })
    expect(!badUpdate.ok && badUpdate.error.code).toBe('BAD_INPUT')
    expect(snapshot()).toEqual(before)
  })

  it('keeps online checks off unless the native dialog answers "Turn on"', async () => {
    stub.reset()
    registerIpc(stub.ipcMain, core, { confirmOnlineChecks: () => confirmOnlineChecks(stub.dialog, null) })
    stub.dialog.messageAnswer = 1 // Cancel (also what Escape answers)
    expect(await handlerFor('settings:update')(from(TOP), { onlineChecks: true })).toEqual({ ok: true, value: { onlineChecks: false, expiryReminderDays: 60 } })
    expect(await core.call('settings:get', {})).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
    stub.dialog.messageAnswer = 0 // Turn on
    expect(await handlerFor('settings:update')(from(TOP), { onlineChecks: true })).toEqual({ ok: true, value: { onlineChecks: true, expiryReminderDays: 60 } })
    expect(await core.call('settings:get', {})).toEqual({ onlineChecks: true, expiryReminderDays: 60 })
    expect(stub.dialog.showMessageBox).toHaveBeenCalledTimes(2)
    expect(await handlerFor('settings:update')(from(TOP), { onlineChecks: false })).toEqual({ ok: true, value: { onlineChecks: false, expiryReminderDays: 60 } })
    expect(stub.dialog.showMessageBox).toHaveBeenCalledTimes(2) // off needs no dialog
  })

  it('reads originals only by their SHA-256 hash: a path is bad input, an unknown hash is not found', async () => {
    const before = snapshot()
    for (const sha256 of ['../../../../etc/passwd', '/etc/passwd', 'evidence/abc', `${'a'.repeat(64)}/../x`, 'A'.repeat(64)]) {
      const answer = await handlerFor('evidence:image')(from(TOP), { sha256 })
      expect(!answer.ok && answer.error.code).toBe('BAD_INPUT')
    }
    const unknown = await handlerFor('evidence:image')(from(TOP), { sha256: 'a'.repeat(64) })
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND')
    // The other read of an original goes by a credential id, never by a name or path.
    const verify = await handlerFor('credentials:verify')(from(TOP), { id: '/etc/passwd' })
    expect(verify.ok).toBe(false)
    expect(snapshot()).toEqual(before)
  })

  it('refuses a foreign sender without touching the database', async () => {
    const before = snapshot()
    const answer = await handlerFor('credentials:create')(from({ url: 'https://evil.example/', parent: null }), { title: 'Planted', kind: 'badge' })
    expect(!answer.ok && answer.error.code).toBe('FORBIDDEN')
    expect(snapshot()).toEqual(before)
    const info = await handlerFor('app:info')(from(TOP), {})
    expect(info.ok && (info.value as { counts: { credentials: number } }).counts.credentials).toBe(0)
  })
})
