/**
 * A recording stand-in for the `electron` module: the real one cannot load under Node (no
 * Electron binary here). Every test file does
 *   vi.mock('electron', async () => (await import('./electron-stub')).electronModule())
 * and reads what the shell registered from `stub`. The stub lives on globalThis so that
 * vi.resetModules() (used to re-run index.ts) keeps one shared recorder.
 */
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => unknown

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  })
  once = vi.fn((event: string, listener: Listener) => this.on(event, listener))
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args))
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

export class FakeWebContents extends FakeEmitter {
  destroyed = false
  /** Events sent to the page (webContents.send). */
  send = vi.fn((_channel: string, ..._args: unknown[]) => undefined)
  isDestroyed = vi.fn(() => this.destroyed)
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler
  })
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = []
  static getAllWindows = vi.fn(() => FakeBrowserWindow.created.filter((w) => !w.destroyed))
  static fromWebContents = vi.fn((contents: unknown) => FakeBrowserWindow.created.find((w) => w.webContents === contents) ?? null)
  /** What loadURL answers; a test may make it reject. */
  static loadResult: (url: string) => Promise<undefined> = async () => undefined
  readonly options: Record<string, unknown>
  readonly webContents = new FakeWebContents()
  destroyed = false
  minimized = false
  loadURL = vi.fn((url: string) => FakeBrowserWindow.loadResult(url))
  /** file:// is never how Skillfolio loads its pages. */
  loadFile = vi.fn(() => {
    throw new Error('loadFile must not be used: pages come from app://bundle')
  })
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn(() => (this.minimized = false))
  isMinimized = vi.fn(() => this.minimized)
  isDestroyed = vi.fn(() => this.destroyed)
  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    FakeBrowserWindow.created.push(this)
  }
}

/** System notifications: each one made is recorded; `emit('click')` plays the person clicking it. */
export class FakeNotification extends FakeEmitter {
  static created: FakeNotification[] = []
  /** What Notification.isSupported() answers; a test may turn it off. */
  static supported = true
  static isSupported = vi.fn(() => FakeNotification.supported)
  readonly options: { title?: string; body?: string }
  shown = false
  show = vi.fn(() => {
    this.shown = true
  })
  close = vi.fn(() => this.emit('close'))
  constructor(options: { title?: string; body?: string }) {
    super()
    this.options = options
    FakeNotification.created.push(this)
  }
}

function createStub() {
  const ready = { resolve: (() => undefined) as () => void, promise: Promise.resolve() }
  const resetReady = () => {
    ready.promise = new Promise<void>((resolve) => (ready.resolve = resolve))
  }
  resetReady()

  const app = Object.assign(new FakeEmitter(), {
    name: 'Skillfolio',
    isPackaged: false,
    lockResult: true,
    paths: { userData: '/tmp/skillfolio-stub/userData' } as Record<string, string>,
    requestSingleInstanceLock: vi.fn((): boolean => app.lockResult),
    quit: vi.fn(),
    whenReady: vi.fn(() => ready.promise),
    getPath: vi.fn((name: string) => app.paths[name] ?? `/tmp/skillfolio-stub/${name}`),
    getAppPath: vi.fn(() => '/tmp/skillfolio-stub/app'),
    getVersion: vi.fn(() => '0.1.0'),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
  })

  const ipcHandlers = new Map<string, Listener>()
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      ipcHandlers.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  }

  const protocolHandlers = new Map<string, (request: { url: string }) => unknown>()
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: { url: string }) => unknown) => protocolHandlers.set(scheme, handler)),
  }

  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  }

  const exposed = new Map<string, unknown>()
  /** ipcRenderer.on listeners by channel, so a test can play the main process sending an event. */
  const rendererListeners = new Map<string, Listener[]>()

  const stub = {
    app,
    ready,
    ipcMain,
    ipcHandlers,
    protocol,
    protocolHandlers,
    session: { defaultSession },
    shell: { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') },
    dialog: {
      showErrorBox: vi.fn(),
      /** The button a message box answers with (0: the first, e.g. "Turn on"). */
      messageAnswer: 0,
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: stub.dialog.messageAnswer, checkboxChecked: false })),
      /** What the save dialog answers; a test sets the chosen path (or cancels). */
      saveAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
      showSaveDialog: vi.fn(async (..._args: unknown[]) => stub.dialog.saveAnswer),
      /** What the open dialog answers; a test sets the picked paths (or cancels). */
      openAnswer: { canceled: true, filePaths: [] } as { canceled: boolean; filePaths: string[] },
      showOpenDialog: vi.fn(async (..._args: unknown[]) => stub.dialog.openAnswer),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    nativeTheme: { shouldUseDarkColors: false },
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) },
    exposed,
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown): Promise<unknown> => ({ ok: true, value: { channel, input } })),
      on: vi.fn((channel: string, listener: Listener) => {
        rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener])
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        rendererListeners.set(channel, (rendererListeners.get(channel) ?? []).filter((l) => l !== listener))
      }),
    },
    rendererListeners,
    /** The main process sending `channel` to the page: calls the preload's ipcRenderer.on listeners. */
    sendToRenderer(channel: string, ...args: unknown[]) {
      for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: 'ipc-event-internals' }, ...args)
    },
    /** Where a File lives on disk ('' for one built in JavaScript); a test may change it. */
    pathOfFile: (file: File): string => `/fake/${file.name}`,
    webUtils: {
      // Like Electron: anything but a File throws.
      getPathForFile: vi.fn((file: unknown) => {
        if (!(file instanceof File)) throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(file))
        return stub.pathOfFile(file)
      }),
    },

    /** Back to a fresh recorder between tests. */
    reset() {
      vi.clearAllMocks()
      app.listeners.clear()
      app.isPackaged = false
      app.lockResult = true
      app.paths = { userData: '/tmp/skillfolio-stub/userData' }
      resetReady()
      ipcHandlers.clear()
      protocolHandlers.clear()
      exposed.clear()
      rendererListeners.clear()
      FakeBrowserWindow.created = []
      FakeBrowserWindow.loadResult = async () => undefined
      FakeNotification.created = []
      FakeNotification.supported = true
      stub.nativeTheme.shouldUseDarkColors = false
      stub.dialog.saveAnswer = { canceled: true, filePath: '' }
      stub.dialog.openAnswer = { canceled: true, filePaths: [] }
      stub.dialog.messageAnswer = 0
      stub.pathOfFile = (file: File) => `/fake/${file.name}`
    },
  }
  return stub
}

export type ElectronStub = ReturnType<typeof createStub>
const holder = globalThis as { __skillfolioElectronStub?: ElectronStub }
export const stub: ElectronStub = (holder.__skillfolioElectronStub ??= createStub())

/** The module object `vi.mock('electron', ...)` hands to the code under test. */
export function electronModule() {
  const module = {
    app: stub.app,
    ipcMain: stub.ipcMain,
    protocol: stub.protocol,
    session: stub.session,
    shell: stub.shell,
    dialog: stub.dialog,
    Menu: stub.Menu,
    nativeTheme: stub.nativeTheme,
    BrowserWindow: stub.BrowserWindow,
    Notification: stub.Notification,
    contextBridge: stub.contextBridge,
    ipcRenderer: stub.ipcRenderer,
    webUtils: stub.webUtils,
  }
  return { ...module, default: module }
}

