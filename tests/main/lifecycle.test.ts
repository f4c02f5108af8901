import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { FILE_CHANNELS, SHELL_EVENTS } from '../../electron/shared/files'
import { CHANNELS } from '../../electron/shared/contract'
import { AppError } from '../../electron/shared/errors'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

const core = vi.hoisted(() => ({
  createCore: vi.fn(),
  instance: { dispatch: vi.fn(), close: vi.fn(), idle: vi.fn(() => Promise.resolve()), onImportProgress: vi.fn((_listener: (progress: unknown) => void) => () => undefined) },
}))
vi.mock('../../electron/core/app', () => ({ createCore: core.createCore }))

const savedPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!
const savedEnv = process.env.ELECTRON_RENDERER_URL

/** Imports index.ts afresh (it starts the app on import), optionally letting 'ready' fire. */
async function boot({ ready = true } = {}) {
  vi.resetModules()
  await import('../../electron/main/index')
  if (ready) stub.ready.resolve()
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const setPlatform = (value: string) => Object.defineProperty(process, 'platform', { ...savedPlatform, value })

describe('lifecycle', () => {
  beforeEach(() => {
    stub.reset()
    core.createCore.mockReset().mockReturnValue(core.instance)
    core.instance.close.mockReset()
    delete process.env.ELECTRON_RENDERER_URL
    Reflect.deleteProperty(process, 'resourcesPath') // Node has none; Electron sets it
    stub.app.paths.userData = '/home/ada/.config/Skillfolio'
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // the shell logs startup failures
  })
  afterEach(() => {
    vi.mocked(console.error).mockRestore()
    Object.defineProperty(process, 'platform', savedPlatform)
    if (savedEnv === undefined) delete process.env.ELECTRON_RENDERER_URL
    else process.env.ELECTRON_RENDERER_URL = savedEnv
  })

  it('quits at once when another instance holds the lock', async () => {
    stub.app.lockResult = false
    await boot()
    await settle()
    expect(stub.app.requestSingleInstanceLock).toHaveBeenCalledOnce()
    expect(stub.app.quit).toHaveBeenCalledOnce()
    expect(stub.app.whenReady).not.toHaveBeenCalled()
    expect(stub.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()
    expect(core.createCore).not.toHaveBeenCalled()
    expect(stub.BrowserWindow.created).toHaveLength(0)
  })

  it('registers the app scheme and the web-contents guards before ready', async () => {
    await boot({ ready: false })
    expect(stub.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    expect(stub.app.enableSandbox).toHaveBeenCalledOnce()
    expect(stub.app.count('web-contents-created')).toBe(1)
    expect(core.createCore).not.toHaveBeenCalled()
    expect(stub.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('on ready opens the core in userData and wires IPC, protocol, permissions, menu and window', async () => {
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    expect(core.createCore).toHaveBeenCalledOnce()
    expect(core.createCore.mock.calls[0]![0]).toMatchObject({
      dbPath: join('/home/ada/.config/Skillfolio', 'portfolio.sqlite'),
      dataDir: '/home/ada/.config/Skillfolio',
      resourcesDir: join('/tmp/skillfolio-stub/app', 'resources'),
      nativeBinding: undefined, // no .electron-native build in the stub's app path
      version: '0.1.0',
    })
    // every contract channel, plus the shell's own Save PDF and Open
    expect([...stub.ipcHandlers.keys()].sort()).toEqual([...CHANNELS, ...Object.values(FILE_CHANNELS)].sort())
    expect(stub.protocolHandlers.has('app')).toBe(true)
    expect(stub.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(stub.Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const win = stub.BrowserWindow.created[0]!
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/index.html')
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.js$/)
  })

  it('forwards import progress from the core to the window as events', async () => {
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    expect(core.instance.onImportProgress).toHaveBeenCalledOnce()
    const progress = { batchId: 2, state: 'done', total: 3, processed: 3, counts: { imported: 2, updated: 0, duplicate: 0, failed: 1 } }
    core.instance.onImportProgress.mock.calls[0]![0](progress)
    expect(stub.BrowserWindow.created[0]!.webContents.send).toHaveBeenCalledExactlyOnceWith(SHELL_EVENTS.importProgress, progress)
  })

  it('asks with a native dialog before the window turns online checks on', async () => {
    core.instance.dispatch.mockImplementation(async (channel: string, raw: unknown) => ({ ok: true, value: channel === 'settings:get' ? { onlineChecks: false } : raw }))
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    const win = stub.BrowserWindow.created[0]!
    const update = stub.ipcHandlers.get('settings:update')!
    const sender = { senderFrame: { url: 'app://bundle/index.html', parent: null }, sender: win.webContents }
    stub.dialog.messageAnswer = 1
    expect(await update(sender, { onlineChecks: true })).toEqual({ ok: true, value: {} })
    expect(stub.dialog.showMessageBox.mock.calls.at(-1)![0]).toBe(win) // attached to the asking window
    stub.dialog.messageAnswer = 0
    expect(await update(sender, { onlineChecks: true })).toEqual({ ok: true, value: { onlineChecks: true } })
    core.instance.dispatch.mockReset()
  })

  it('uses the dev server only when not packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    expect(stub.BrowserWindow.created[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173')
  })

  it('in a packaged app reads resources and the native module from resourcesPath and ignores the dev URL', async () => {
    stub.app.isPackaged = true
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/Skillfolio/resources', configurable: true, writable: true })
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    expect(core.createCore.mock.calls[0]![0]).toMatchObject({
      resourcesDir: join('/opt/Skillfolio/resources', 'resources'),
      nativeBinding: join('/opt/Skillfolio/resources', 'native', 'better_sqlite3.node'),
    })
    expect(stub.BrowserWindow.created[0]!.loadURL).toHaveBeenCalledWith('app://bundle/index.html')
  })

  it('shows the plain message and quits when the portfolio is too new', async () => {
    const message = 'This portfolio was saved by a newer version of Skillfolio (schema 9). Update Skillfolio to open it.'
    core.createCore.mockImplementation(() => {
      throw new AppError('DB_TOO_NEW', message)
    })
    await boot()
    await vi.waitFor(() => expect(stub.app.quit).toHaveBeenCalledOnce())
    expect(stub.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Skillfolio', message)
    expect(console.error).toHaveBeenCalled()
    expect(stub.BrowserWindow.created).toHaveLength(0)
    expect(stub.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('names the file when the portfolio cannot be opened for another reason', async () => {
    core.createCore.mockImplementation(() => {
      throw Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' })
    })
    await boot()
    await vi.waitFor(() => expect(stub.app.quit).toHaveBeenCalledOnce())
    const [, text] = stub.dialog.showErrorBox.mock.calls[0]!
    expect(text).toContain(join('/home/ada/.config/Skillfolio', 'portfolio.sqlite'))
    expect(text).toContain('file is not a database')
  })

  it('brings the window back when a second copy starts', async () => {
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    const win = stub.BrowserWindow.created[0]!
    win.minimized = true
    stub.app.emit('second-instance', {}, ['skillfolio'], '/home/ada')
    expect(win.restore).toHaveBeenCalledOnce()
    expect(win.focus).toHaveBeenCalledOnce()
  })

  it('quits when the last window closes, except on macOS', async () => {
    setPlatform('linux')
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    stub.app.emit('window-all-closed')
    expect(stub.app.quit).toHaveBeenCalledOnce()

    stub.reset()
    setPlatform('darwin')
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    stub.app.emit('window-all-closed')
    expect(stub.app.quit).not.toHaveBeenCalled()
  })

  it('closes the core once on will-quit', async () => {
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    stub.app.emit('will-quit')
    stub.app.emit('will-quit')
    expect(core.instance.close).toHaveBeenCalledOnce()
  })

  it('waits for a running import to finish before quitting', async () => {
    let finishImport = () => {}
    core.instance.idle.mockImplementationOnce(() => new Promise<void>((resolve) => (finishImport = resolve)))
    await boot()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    const first = { preventDefault: vi.fn() }
    stub.app.emit('before-quit', first)
    expect(first.preventDefault).toHaveBeenCalledOnce()
    expect(stub.app.quit).not.toHaveBeenCalled()
    finishImport()
    await vi.waitFor(() => expect(stub.app.quit).toHaveBeenCalledOnce())
    const second = { preventDefault: vi.fn() }
    stub.app.emit('before-quit', second) // the quit that follows goes through
    expect(second.preventDefault).not.toHaveBeenCalled()
  })
})
