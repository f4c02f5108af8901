import { beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { BACKGROUND, createMainWindow } from '../../electron/main/window'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

describe('main window', () => {
  beforeEach(() => stub.reset())

  it('spells out every security preference', () => {
    const win = createMainWindow({ preloadPath: '/app/out/preload/index.js' }) as unknown as { options: Record<string, unknown> }
    expect(win.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    })
  })

  it('starts hidden with a themed background and shows on ready-to-show', () => {
    stub.nativeTheme.shouldUseDarkColors = true
    createMainWindow({ preloadPath: '/p.js' })
    const win = stub.BrowserWindow.created[0]!
    expect(win.options).toMatchObject({ show: false, backgroundColor: BACKGROUND.dark, title: 'Skillfolio' })
    expect(win.options.minWidth).toBeGreaterThanOrEqual(800)
    expect(win.options.minHeight).toBeGreaterThanOrEqual(500)
    expect(win.show).not.toHaveBeenCalled()
    win.emit('ready-to-show')
    expect(win.show).toHaveBeenCalledOnce()
  })

  it('loads app://bundle/ in production and never a file', () => {
    createMainWindow({ preloadPath: '/p.js' })
    const win = stub.BrowserWindow.created[0]!
    expect(win.options.backgroundColor).toBe(BACKGROUND.light)
    expect(win.loadURL).toHaveBeenCalledOnce()
    expect(win.loadURL.mock.calls[0]![0]).toMatch(/^app:\/\/bundle\//)
    expect(win.loadURL.mock.calls[0]![0]).toBe('app://bundle/index.html')
    expect(win.loadFile).not.toHaveBeenCalled()
  })

  it('loads the dev server URL when one is given', () => {
    createMainWindow({ preloadPath: '/p.js', devUrl: 'http://localhost:5173' })
    expect(stub.BrowserWindow.created[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173')
  })

  it('logs instead of throwing when the page fails to load', async () => {
    stub.BrowserWindow.loadResult = async () => {
      throw new Error('ERR_FILE_NOT_FOUND')
    }
    const log = vi.fn()
    createMainWindow({ preloadPath: '/p.js', log })
    await vi.waitFor(() => expect(log).toHaveBeenCalledOnce())
    expect(String(log.mock.calls[0]![1])).toContain('ERR_FILE_NOT_FOUND')
  })
})
