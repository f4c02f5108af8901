import { BrowserWindow, nativeTheme } from 'electron'
import { APP_ENTRY_URL } from './protocol'

/** Matches the renderer's page background, so no white flash before the first paint. */
export const BACKGROUND = { light: '#f7f7f5', dark: '#17181b' } as const

export interface MainWindowOptions {
  /** out/preload/index.js (electron-vite emits the preload as CommonJS, which sandboxing needs). */
  preloadPath: string
  /** The electron-vite dev server; pass it only when the app is not packaged. */
  devUrl?: string
  log?: (message: string, error?: unknown) => void
}

export function createMainWindow({ preloadPath, devUrl, log = console.error }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    title: 'Skillfolio',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    // Every security preference is spelled out, even where it equals Electron's default, so
    // a default changing upstream (or a reviewer's tool like Electronegativity) sees intent.
    webPreferences: {
      preload: preloadPath,
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
    },
  })
  win.once('ready-to-show', () => win.show())
  // Production pages come from app://bundle (protocol.ts), never file://.
  win.loadURL(devUrl ?? APP_ENTRY_URL).catch((error: unknown) => log('Could not load the Skillfolio window', error))
  return win
}
