import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, FakeNotification, stub } from './electron-stub'
import { showExpiryNotices } from '../../electron/main/expiry-notices'
import type { RestorableCore } from '../../electron/core/restorable'
import type * as CoreApp from '../../electron/core/app'
import type { Core, CoreOptions } from '../../electron/core/app'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())
// The desktop shell's own core, replaced by `shell.core` when a test boots index.ts; the real one otherwise.
const shell = vi.hoisted(() => ({ core: null as unknown }))
vi.mock('../../electron/core/app', async (importOriginal) => {
  const real = await importOriginal<typeof CoreApp>()
  return { ...real, createCore: (options: CoreOptions) => (shell.core as Core | null) ?? real.createCore(options) }
})

// The temp portfolio's clock says 2026-11-28.
let p: TempPortfolio
let win: FakeBrowserWindow
const logged: string[] = []
beforeEach(() => {
  stub.reset()
  p = tempPortfolio()
  win = new FakeBrowserWindow({})
  logged.length = 0
})
afterEach(() => p.cleanup())

const PAGE = 'app://bundle/index.html'
const start = (core: Pick<RestorableCore, 'dispatch' | 'readOnly'> = p.core) =>
  showExpiryNotices({ core, window: () => win as never, pageUrl: PAGE, log: (message) => logged.push(message) })
const add = async (title: string, expiresOn: string) => (await p.core.call('credentials:create', { title, kind: 'certification', earnedOn: '2024-01-10', expiresOn })).id
const shown = () => FakeNotification.created.filter((n) => n.shown).map((n) => n.options.body)

describe('expiry notifications', () => {
  it('shows one per expiring credential, once: the next start is quiet until a credential is renewed', async () => {
    await add('AWS Certified Solutions Architect', '2026-12-10')
    const scrum = await add('Scrum Master', '2026-11-29')
    await add('Far away', '2027-06-01')
    expect(await start()).toBe(2)
    expect(shown()).toEqual(['Scrum Master expires tomorrow (29 November 2026)', 'AWS Certified Solutions Architect expires in 12 days (10 December 2026)'])

    // The next start: nothing new.
    FakeNotification.created = []
    p.reopen()
    expect(await start()).toBe(0)
    expect(FakeNotification.created).toHaveLength(0)

    // Renewed to a date still inside the window: reminded again, and only of that one.
    await p.core.call('credentials:update', { id: scrum, patch: { expiresOn: '2027-01-20' } })
    expect(await start()).toBe(1)
    expect(shown()).toEqual(['Scrum Master expires in 53 days (20 January 2027)'])
    expect(logged).toEqual([])
  })

  it('sums up more than three in one notification that opens the list sorted by expiry', async () => {
    for (const [i, day] of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'].entries()) await add(`Credential ${i + 1}`, day)
    expect(await start()).toBe(1)
    expect(FakeNotification.created.map((n) => n.options)).toEqual([{ title: 'Credentials expiring soon', body: '5 credentials expire within 60 days' }])
    win.minimized = true
    FakeNotification.created[0]!.emit('click')
    expect(win.restore).toHaveBeenCalledOnce()
    expect(win.show).toHaveBeenCalledOnce()
    expect(win.focus).toHaveBeenCalledOnce()
    expect(win.loadURL).toHaveBeenCalledWith(`${PAGE}#/credentials?sort=expires`)
    // All five were noticed.
    expect((await p.core.call('reminders:expiring', {})).unnoticed).toEqual([])
  })

  it('brings the window forward on the credential when its notification is clicked', async () => {
    const id = await add('AWS Certified Solutions Architect', '2026-12-10')
    await start()
    expect(win.loadURL).not.toHaveBeenCalled()
    FakeNotification.created[0]!.emit('click')
    expect(win.show).toHaveBeenCalledOnce()
    expect(win.focus).toHaveBeenCalledOnce()
    expect(win.restore).not.toHaveBeenCalled()
    expect(win.loadURL).toHaveBeenCalledWith(`${PAGE}#/credentials/${id}`)
  })

  it('shows nothing when reminders are off, and notices nothing then', async () => {
    await add('AWS Certified Solutions Architect', '2026-12-10')
    await p.core.call('settings:update', { expiryReminderDays: 0 })
    expect(await start()).toBe(0)
    expect(FakeNotification.created).toHaveLength(0)
    // Turned on again: the credential is still due.
    await p.core.call('settings:update', { expiryReminderDays: 60 })
    expect(await start()).toBe(1)
  })

  it('shows nothing on a read-only portfolio or where the system has no notifications, and leaves them due', async () => {
    await add('AWS Certified Solutions Architect', '2026-12-10')
    const readOnly = { dispatch: p.core.dispatch, readOnly: { message: 'damaged' } } as unknown as RestorableCore
    expect(await start(readOnly)).toBe(0)
    FakeNotification.supported = false
    expect(await start()).toBe(0)
    expect(FakeNotification.created).toHaveLength(0)
    expect((await p.core.call('reminders:expiring', {})).unnoticed).toHaveLength(1)
  })

  it('logs, never throws, when the core refuses', async () => {
    const failing = { dispatch: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'broken' } }), readOnly: null } as unknown as RestorableCore
    expect(await start(failing)).toBe(0)
    expect(logged).toEqual(['Could not read the expiry reminders'])
  })

  it('are asked for by the desktop shell after its window opens', async () => {
    const reminders = { days: 60, items: [{ id: 'cred-7', title: 'Scrum Master', issuer: null, expiresOn: '2026-12-01', daysLeft: 3 }], unnoticed: ['cred-7'] }
    const dispatch = vi.fn(async (channel: string, _raw: unknown) => ({ ok: true, value: channel === 'reminders:expiring' ? reminders : { noticed: 1 } }))
    shell.core = { dispatch, readOnly: null, close: vi.fn(), idle: vi.fn(async () => undefined), onImportProgress: vi.fn(() => () => undefined) }
    stub.reset()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.useFakeTimers()
    try {
      vi.resetModules()
      await import('../../electron/main/index')
      stub.ready.resolve()
      await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
      await vi.advanceTimersByTimeAsync(5_000)
      expect(FakeNotification.created.map((n) => n.options.body)).toEqual(['Scrum Master expires in 3 days (1 December 2026)'])
      expect(dispatch).toHaveBeenCalledWith('reminders:noticed', { ids: ['cred-7'] })
      FakeNotification.created[0]!.emit('click')
      expect(stub.BrowserWindow.created[0]!.loadURL).toHaveBeenLastCalledWith('app://bundle/index.html#/credentials/cred-7')
    } finally {
      vi.useRealTimers()
      vi.mocked(console.error).mockRestore()
      shell.core = null
    }
  })
})
