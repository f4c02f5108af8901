/**
 * Lifecycle only: where things live on this machine, and in which order Electron wants them
 * wired. Everything the user does is the core's job (electron/core), reached over IPC.
 */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron'
import { createRestorableCore, type RestorableCore } from '../core/restorable'
import { DB_FILE_NAME } from '../core/paths'
import { registerIpc } from './ipc'
import { forwardImportProgress, registerImportHandlers } from './imports'
import { confirmOnlineChecks } from './online-checks'
import { registerFileHandlers } from './save'
import { registerBackupHandlers } from './backups'
import { registerShareHandlers } from './share'
import { installMenu } from './menu'
import { resolveNativeBinding } from './native-binding'
import { handleAppProtocol, registerAppScheme, rendererDirFrom } from './protocol'
import { denyAllPermissions, hardenAllContents } from './security'
import { createMainWindow } from './window'
import { createOpenedCertificates, credentialFilesIn, importRoute, planOpened } from './open-files'
import { refusedSender } from './ipc'
import { FILE_CHANNELS, SHELL_EVENTS } from '../shared/files'
import { showExpiryNotices } from './expiry-notices'

/** How long after the window opens expiry notifications are shown. */
const EXPIRY_NOTICES_AFTER_MS = 4_000

const log = (message: string, error?: unknown) => console.error(`[skillfolio] ${message}`, error ?? '')

/**
 * Plain words for the error box: AppErrors (DB_TOO_NEW, NOT_A_PORTFOLIO, DAMAGED) already carry
 * them, and the core refused those files without changing them.
 */
function startupMessage(error: unknown, dbPath: string): string {
  if (error instanceof Error && (error as { code?: unknown }).code === 'DB_TOO_NEW') return error.message
  if (error instanceof Error && error.name === 'AppError') return error.message
  const detail = error instanceof Error ? error.message : String(error)
  return `Skillfolio could not open your portfolio at ${dbPath}: ${detail}`
}

export function start(): void {
  // A second copy would open the same SQLite file; hand over to the first one instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Dev server only for unpackaged runs: a packaged app must never trust localhost.
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined
  app.enableSandbox()
  registerAppScheme() // must happen before 'ready'
  hardenAllContents(devUrl)
  if (process.platform === 'win32') app.setAppUserModelId('io.skillfolio.app')

  let core: RestorableCore | undefined
  let win: BrowserWindow | null = null
  const openWindow = () => {
    win = createMainWindow({ preloadPath: join(__dirname, '..', 'preload', 'index.js'), devUrl, log })
    win.on('closed', () => (win = null))
  }

  const isFile = (path: string) => {
    try {
      return statSync(path).isFile()
    } catch {
      return false
    }
  }
  /**
   * Files opened with the app go where a drop sends them (open-files.ts decides): badges into an
   * import batch, certificate PDFs to the window's review queue, which takes them by ticket.
   */
  const openedCertificates = createOpenedCertificates()
  let pendingOpen: string[] = []
  const importOpened = (paths: string[]) => {
    if (!paths.length) return
    if (!core || !win) {
      pendingOpen.push(...paths) // before ready: imported once the core and window exist
      return
    }
    const target = win
    const show = (route: string) => {
      if (!target.isDestroyed()) void target.loadURL(`${devUrl ?? 'app://bundle/index.html'}${route}`)
    }
    const plan = planOpened(paths)
    const certificatesShown = openedCertificates.grant(plan.certificates).then((granted) => {
      if (!granted || !plan.route || target.isDestroyed()) return false
      show(plan.route)
      // A page already running takes them now; a page still loading takes them when it starts.
      target.webContents.send(SHELL_EVENTS.certificatesOpened)
      return true
    })
    if (!plan.badges.length) return
    const started = core.dispatch('import:start', { sources: plan.badges.map((path) => ({ path })), origin: 'open-with' })
    void Promise.all([started, certificatesShown]).then(([result, shown]) => {
      if (result.ok && !shown) show(importRoute((result.value as { batchId: number }).batchId))
    })
  }

  app.on('second-instance', (_event, argv: string[], cwd: string) => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
    importOpened(credentialFilesIn(argv, cwd, isFile))
  })
  // macOS delivers opened files as events, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    importOpened([path])
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  // Let a running import batch finish its last chunk before the database closes under it.
  let drained = false
  app.on('before-quit', (event) => {
    if (drained || !core) return
    event.preventDefault()
    void core.idle().finally(() => {
      drained = true
      app.quit()
    })
  })
  app.on('will-quit', () => {
    core?.close()
    core = undefined
  })

  app
    .whenReady()
    .then(() => {
      const dataDir = app.getPath('userData')
      const dbPath = join(dataDir, DB_FILE_NAME)
      try {
        core = createRestorableCore({
          dbPath,
          dataDir,
          resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
          nativeBinding: resolveNativeBinding({
            isPackaged: app.isPackaged,
            resourcesPath: process.resourcesPath,
            appPath: app.getAppPath(),
            platform: process.platform,
            arch: process.arch,
            abi: process.versions.modules,
            exists: existsSync,
          }),
          version: app.getVersion(),
          log,
          // Built beside this bundle by electron-vite (the verify-worker input); inside app.asar
          // in the packaged app, which worker threads read since Electron 18.
          verifyWorkers: { script: join(__dirname, 'verify-worker.js') },
          // The day's automatic backup, in the background once the window is up (core/backup/service.ts).
          dailyBackupAfterMs: 10_000,
          pdfWarmUpAfterMs: 1_000,
        })
      } catch (error) {
        log('Could not open the portfolio', error)
        dialog.showErrorBox('Skillfolio', startupMessage(error, dbPath))
        app.quit()
        return
      }
      const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender)
      registerIpc(ipcMain, core, { devUrl, log, confirmOnlineChecks: (event) => confirmOnlineChecks(dialog, windowOf(event)) })
      registerImportHandlers(ipcMain, { core, dialog, windowOf, devUrl, log })
      // Opened certificate PDFs, for our own window only: the list once, then bytes by ticket.
      ipcMain.handle(FILE_CHANNELS.takeOpenedCertificates, (event) => refusedSender(event, devUrl) ?? openedCertificates.take())
      ipcMain.handle(FILE_CHANNELS.readOpenedCertificate, async (event, ticket: unknown) => refusedSender(event, devUrl) ?? (await openedCertificates.read(ticket)))
      forwardImportProgress(core, () => BrowserWindow.getAllWindows(), log)
      const saved = registerFileHandlers(ipcMain, {
        core,
        dialog,
        shell,
        defaultDir: () => app.getPath('documents'),
        windowOf,
        devUrl,
        log,
      })
      registerBackupHandlers(ipcMain, { core, dialog, windowOf, devUrl, log })
      registerShareHandlers(ipcMain, { core, dialog, saved, defaultDir: () => app.getPath('documents'), windowOf, devUrl, log })
      handleAppProtocol(rendererDirFrom(__dirname))
      denyAllPermissions()
      installMenu(app.isPackaged)
      app.setAboutPanelOptions({ applicationName: 'Skillfolio', applicationVersion: app.getVersion() })
      openWindow()
      // A damaged portfolio opens read-only: it can be looked at and exported, every change is refused.
      const readOnly = core.readOnly
      if (readOnly) {
        log('The portfolio is damaged; opened read-only', readOnly.message)
        void dialog.showMessageBox({ type: 'warning', title: 'Skillfolio', message: 'Your portfolio opened read-only', detail: readOnly.message })
      }
      // Expiry reminders once the window has settled, so they never compete with its first paint.
      setTimeout(() => {
        if (!core) return // quit meanwhile
        void showExpiryNotices({
          core,
          window: () => {
            if (!win) openWindow()
            return win
          },
          pageUrl: devUrl ?? 'app://bundle/index.html',
          log,
        })
      }, EXPIRY_NOTICES_AFTER_MS)
      const opened = [...pendingOpen, ...credentialFilesIn(process.argv, process.cwd(), isFile)]
      pendingOpen = []
      importOpened(opened)
    })
    .catch((error: unknown) => {
      log('Skillfolio failed to start', error)
      dialog.showErrorBox('Skillfolio', `Skillfolio failed to start: ${error instanceof Error ? error.message : String(error)}`)
      app.quit()
    })
}

start()
