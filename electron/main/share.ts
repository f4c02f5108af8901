/**
 * Share with an employer, the shell's half: the core builds the verification bundle
 * (share:bundle, files only), the person picks a folder in the native dialog, and main writes
 * the bundle into a new folder inside it (share-folder.ts). Its index.html is recorded so
 * openSaved may open it; the window never names a path.
 */
import { join } from 'node:path'
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron'
import type { Result } from '../shared/errors'
import { FILE_CHANNELS, type SaveShareResult } from '../shared/files'
import type { ShareBundle } from '../shared/share'
import { isPath } from './import-request'
import { refusedSender, type Dispatcher } from './ipc'
import type { SavedFiles } from './save'
import { personName } from './save-kinds'
import { shareFolderName, writeBundleFolder } from './share-folder'
import { ioMessage } from './write-file'

export interface ShareShellDeps {
  core: Dispatcher
  dialog: Pick<Dialog, 'showOpenDialog'>
  /** Where openSaved learns what it may open (registerFileHandlers' answer). */
  saved: SavedFiles
  /** The folder offered first (the user's Documents). */
  defaultDir: () => string
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null
  devUrl?: string
  log?: (message: string, error?: unknown) => void
  now?: () => Date
}

const fail = (code: 'FORBIDDEN' | 'IO' | 'INTERNAL', message: string): Result<never> => ({ ok: false, error: { code, message } })

export function registerShareHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: ShareShellDeps): void {
  const log = deps.log ?? ((message, error) => console.error(message, error))
  let lastDir: string | null = null

  ipcMain.handle(FILE_CHANNELS.saveShareBundle, async (event, raw: unknown): Promise<Result<SaveShareResult>> => {
    const refusal = refusedSender(event, deps.devUrl)
    if (refusal) return refusal
    try {
      // Build first: a wrong choice is said before the person picks a folder. The core validates the input.
      const built = await deps.core.dispatch('share:bundle', raw)
      if (!built.ok) return built
      const bundle = built.value as ShareBundle
      const options: OpenDialogOptions = {
        title: 'Choose where to save the credentials for the employer',
        buttonLabel: 'Save here',
        defaultPath: lastDir ?? deps.defaultDir(),
        properties: ['openDirectory', 'createDirectory'],
      }
      const win = deps.windowOf(event)
      const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options)
      const parent = choice.filePaths[0]
      if (choice.canceled || !isPath(parent)) return { ok: true, value: { saved: false } }
      const name = shareFolderName(await personName(deps.core), (deps.now ?? (() => new Date()))())
      const written = await writeBundleFolder(parent, name, bundle.files).catch((error: unknown) => error instanceof Error ? error : new Error(String(error)))
      if (written instanceof Error) return fail('IO', ioMessage(written, join(parent, name)))
      deps.saved.remember(written.index)
      lastDir = parent
      return { ok: true, value: { saved: true, ...written, summary: bundle.summary } }
    } catch (error) {
      log('Saving the share bundle failed', error)
      return fail('INTERNAL', 'Something went wrong while saving; nothing was written.')
    }
  })
}
