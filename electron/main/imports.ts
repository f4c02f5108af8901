/**
 * Importing, the shell's half. The page never names a file: it hands File objects to the
 * preload, which resolves their paths and sends them here on a channel of its own
 * (FILE_CHANNELS.importFiles), or it asks for the native open dialog, whose picked paths are
 * imported here without a round trip through the page. Batch progress goes back to the
 * windows as events (SHELL_EVENTS.importProgress) instead of being polled.
 */
import { dirname } from 'node:path'
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron'
import type { Result } from '../shared/errors'
import { FILE_CHANNELS, SHELL_EVENTS, type ChooseImportKind, type ImportFilesOrigin, type ImportFilesResult } from '../shared/files'
import type { ImportProgress, ImportSource } from '../shared/imports'
import { isPath, parseImportRequest } from './import-request'
import { refusedSender, type Dispatcher } from './ipc'

/** What the shell needs from the core to report progress. */
export interface ImportProgressSource {
  onImportProgress(listener: (progress: ImportProgress) => void): () => void
}

export interface ImportShellDeps {
  core: Dispatcher
  dialog: Pick<Dialog, 'showOpenDialog'>
  /** The window that asked, so the dialog is attached to it (a sheet on macOS). */
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null
  devUrl?: string
  log?: (message: string, error?: unknown) => void
}

/** Extensions offered first in the open dialog; files are still recognised by their content. */
const CREDENTIAL_EXTENSIONS = ['png', 'svg', 'json', 'jsonld', 'jwt', 'jws']

const fail = (code: 'BAD_INPUT' | 'FORBIDDEN' | 'INTERNAL', message: string): Result<never> => ({ ok: false, error: { code, message } })

export function registerImportHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: ImportShellDeps): void {
  const log = deps.log ?? ((message, error) => console.error(message, error))
  let lastDir: string | undefined

  const start = async (sources: ImportSource[], origin: ImportFilesOrigin): Promise<Result<ImportFilesResult>> => {
    const started = await deps.core.dispatch('import:start', { sources, origin })
    if (!started.ok) return started
    return { ok: true, value: { batchId: (started.value as { batchId: number }).batchId, refused: [] } }
  }

  ipcMain.handle(FILE_CHANNELS.importFiles, async (event, raw: unknown): Promise<Result<ImportFilesResult>> => {
    const refusal = refusedSender(event, deps.devUrl)
    if (refusal) return refusal
    const request = parseImportRequest(raw)
    if (typeof request === 'string') return fail('BAD_INPUT', request)
    try {
      return await start(request.sources, request.origin)
    } catch (error) {
      log('Starting an import failed', error)
      return fail('INTERNAL', 'Something went wrong inside Skillfolio; nothing was imported.')
    }
  })

  ipcMain.handle(FILE_CHANNELS.chooseImport, async (event, raw: unknown): Promise<Result<ImportFilesResult>> => {
    const refusal = refusedSender(event, deps.devUrl)
    if (refusal) return refusal
    if (raw !== 'files' && raw !== 'folder') return fail('BAD_INPUT', 'Choose needs "files" or "folder".')
    const kind: ChooseImportKind = raw
    const options: OpenDialogOptions = {
      title: kind === 'folder' ? 'Import a folder of badges' : 'Import badges and credentials',
      buttonLabel: 'Import',
      ...(lastDir ? { defaultPath: lastDir } : {}),
      properties: kind === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      ...(kind === 'files'
        ? { filters: [{ name: 'Badges and credentials', extensions: CREDENTIAL_EXTENSIONS }, { name: 'All files', extensions: ['*'] }] }
        : {}),
    }
    try {
      const win = deps.windowOf(event)
      const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options)
      const paths = choice.filePaths.filter(isPath)
      if (choice.canceled || !paths.length) return { ok: true, value: { batchId: null, refused: [] } }
      lastDir = kind === 'folder' ? paths[0] : dirname(paths[0]!)
      return await start(paths.map((path) => ({ path })), 'dialog')
    } catch (error) {
      log('Choosing files to import failed', error)
      return fail('INTERNAL', 'Something went wrong inside Skillfolio; nothing was imported.')
    }
  })
}

/**
 * Sends every batch's progress to the open windows. Returns the unsubscribe. The windows get
 * only the ImportProgress (counts, state), never file paths.
 */
export function forwardImportProgress(source: ImportProgressSource, windows: () => readonly BrowserWindow[], log?: (message: string, error?: unknown) => void): () => void {
  return source.onImportProgress((progress) => {
    for (const win of windows()) {
      try {
        if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(SHELL_EVENTS.importProgress, progress)
      } catch (error) {
        log?.('Sending import progress to a window failed', error) // a window closing meanwhile
      }
    }
  })
}
