/**
 * Settings → Backups, the shell's half: the native open dialog for a backup anywhere (main
 * reads its header and hands the window a ticket, never the path), full checks and restoring
 * of a backup the window names by a BackupRef (backup-refs.ts), and the folder dialog that sets
 * where backups go. Restoring swaps the open portfolio (core/restorable.ts).
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron'
import { BACKUP_EXTENSION, type BackupEntry, type BackupList, type BackupSummary, type RestoreResult } from '../shared/backup'
import { AppError, type Result } from '../shared/errors'
import { FILE_CHANNELS } from '../shared/files'
import { backupEntry } from '../core/backup/files'
import type { RestoreRequest } from '../core/restorable'
import { createBackupRefs, parsePassphrase } from './backup-refs'
import { isPath } from './import-request'
import { refusedSender, type Dispatcher } from './ipc'

export interface BackupShellDeps {
  core: Dispatcher & { restore(request: RestoreRequest): Promise<RestoreResult> }
  dialog: Pick<Dialog, 'showOpenDialog'>
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null
  devUrl?: string
  log?: (message: string, error?: unknown) => void
}

const fail = (code: 'FORBIDDEN' | 'INTERNAL', message: string): Result<never> => ({ ok: false, error: { code, message } })

/** An AppError as the window's Result (its words); anything else is logged and said plainly. */
function failure(error: unknown, what: string, log: (message: string, error?: unknown) => void): Result<never> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } }
  log(`${what} failed`, error)
  return fail('INTERNAL', `Something went wrong inside Skillfolio (${what.toLowerCase()}); nothing was changed.`)
}

export function registerBackupHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: BackupShellDeps): void {
  const log = deps.log ?? ((message, error) => console.error(message, error))
  const refs = createBackupRefs()

  /** The backups folder, to open the dialogs in. */
  const backupsFolder = async (): Promise<string | undefined> => {
    const list = await deps.core.dispatch('backup:list', {})
    return list.ok ? (list.value as BackupList).folder : undefined
  }
  const showOpen = async (event: IpcMainInvokeEvent, options: OpenDialogOptions) => {
    const win = deps.windowOf(event)
    const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options)
    const path = choice.filePaths[0]
    return choice.canceled || !isPath(path) ? null : path
  }
  /** Sender check first, then the work; never throws across IPC. */
  const handle = <T>(channel: string, what: string, run: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<T>>) =>
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Result<T>> => {
      const refusal = refusedSender(event, deps.devUrl)
      if (refusal) return refusal
      try {
        return await run(event, ...args)
      } catch (error) {
        return failure(error, what, log)
      }
    })

  handle(FILE_CHANNELS.chooseBackup, 'Choosing a backup', async (event): Promise<Result<{ ticket: string; entry: BackupEntry } | null>> => {
    const folder = await backupsFolder()
    const path = await showOpen(event, {
      title: 'Choose a backup to restore',
      ...(folder ? { defaultPath: folder } : {}),
      properties: ['openFile'],
      filters: [{ name: 'Skillfolio backups', extensions: [BACKUP_EXTENSION.slice(1)] }, { name: 'All files', extensions: ['*'] }],
    })
    if (!path) return { ok: true, value: null }
    const entry = backupEntry(path) // the header only: no passphrase needed, refused in words when it is no backup
    return { ok: true, value: { ticket: refs.issue(path), entry } }
  })

  handle(FILE_CHANNELS.inspectBackup, 'Checking a backup', async (_event, rawRef, rawPassphrase): Promise<Result<BackupSummary>> => {
    const passphrase = parsePassphrase(rawPassphrase)
    if (!passphrase.ok) return passphrase
    const path = await refs.resolve(rawRef, deps.core)
    if (!path.ok) return path
    const summary = await deps.core.dispatch('backup:inspect', { path: path.value, ...(passphrase.value !== undefined ? { passphrase: passphrase.value } : {}) })
    return summary as Result<BackupSummary>
  })

  handle(FILE_CHANNELS.restoreBackup, 'Restoring a backup', async (_event, rawRef, rawPassphrase): Promise<Result<RestoreResult>> => {
    const passphrase = parsePassphrase(rawPassphrase)
    if (!passphrase.ok) return passphrase
    const path = await refs.resolve(rawRef, deps.core)
    if (!path.ok) return path
    const restored = await deps.core.restore({ backupFile: path.value, ...(passphrase.value !== undefined ? { passphrase: passphrase.value } : {}) })
    return { ok: true, value: restored }
  })

  handle(FILE_CHANNELS.chooseBackupFolder, 'Choosing the backups folder', async (event): Promise<Result<{ folder: string } | null>> => {
    const current = await backupsFolder()
    const folder = await showOpen(event, {
      title: 'Choose where backups go',
      buttonLabel: 'Use this folder',
      ...(current ? { defaultPath: current } : {}),
      properties: ['openDirectory', 'createDirectory'],
    })
    if (!folder) return { ok: true, value: null }
    // Main may set it (the window may not: window-calls.ts); the core checks the value.
    const updated = await deps.core.dispatch('settings:update', { backupFolder: folder })
    return updated.ok ? { ok: true, value: { folder } } : updated
  })
}
