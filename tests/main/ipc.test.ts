import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { CHANNELS, contract } from '../../electron/shared/contract'
import { CHANNEL_NAMES } from '../../electron/shared/channels'
import type { Result } from '../../electron/shared/errors'
import { registerIpc, senderProblem, type Dispatcher } from '../../electron/main/ipc'

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

describe('IPC against the real core', () => {
  let dir: string
  let core: Awaited<ReturnType<typeof openCore>>
  async function openCore(dataDir: string) {
    const { createCore } = await import('../../electron/core/app')
    return createCore({ dbPath: join(dataDir, 'portfolio.sqlite'), dataDir, now: () => new Date('2026-01-15T10:00:00Z'), log: () => undefined })
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

  it('refuses a foreign sender without touching the database', async () => {
    const before = snapshot()
    const answer = await handlerFor('credentials:create')(from({ url: 'https://evil.example/', parent: null }), { title: 'Planted', kind: 'badge' })
    expect(!answer.ok && answer.error.code).toBe('FORBIDDEN')
    expect(snapshot()).toEqual(before)
    const info = await handlerFor('app:info')(from(TOP), {})
    expect(info.ok && (info.value as { counts: { credentials: number } }).counts.credentials).toBe(0)
  })
})
