/**
 * Save PDF (or Word document, JSON Resume, full export) and Open: the shell's half of issues 5, 11 and 12. The core renders (and only renders); here the
 * main process asks where to save with the native dialog, writes the bytes the core returned,
 * and later opens only files it saved itself. The renderer never sends bytes to be written or a
 * path of its choosing to be opened.
 */
import { basename, dirname, extname, join } from 'node:path'
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, SaveDialogOptions, Shell } from 'electron'
import type { Result } from '../shared/errors'
import { FILE_CHANNELS, type SavePdfResult } from '../shared/files'
import type { Dispatcher } from './ipc'
import { refusedSender } from './ipc'
import { SAVE_KINDS, parseSaveRequest, renderForSave } from './save-kinds'
import { ioMessage, writeAtomically } from './write-file'

export interface SaveDeps {
  core: Dispatcher
  dialog: Pick<Dialog, 'showSaveDialog'>
  shell: Pick<Shell, 'openPath'>
  /** The folder offered first (the user's Documents). */
  defaultDir: () => string
  /** The window that asked, so the dialog is attached to it (a sheet on macOS). */
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null
  devUrl?: string
  log?: (message: string, error?: unknown) => void
  now?: () => Date
}

/** What the other shell calls that write files need: openSaved opens what they record too. */
export interface SavedFiles {
  remember(path: string): void
}

const fail = (code: 'BAD_INPUT' | 'FORBIDDEN' | 'IO' | 'INTERNAL', message: string): Result<never> => ({ ok: false, error: { code, message } })

export function registerFileHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: SaveDeps): SavedFiles {
  const log = deps.log ?? ((message, error) => console.error(message, error))
  /** Paths saved in this session: the only ones openSaved will open. */
  const saved = new Set<string>()
  let lastDir: string | null = null

  ipcMain.handle(FILE_CHANNELS.savePdf, async (event, raw: unknown): Promise<Result<SavePdfResult>> => {
    const refusal = refusedSender(event, deps.devUrl)
    if (refusal) return refusal
    const request = parseSaveRequest(raw)
    if (!request) return fail('BAD_INPUT', 'Save needs a resume or report to render, or an export to write.')
    try {
      // Render first: if the choices are wrong the person hears it before picking a folder.
      const kind = SAVE_KINDS[request.kind]
      const rendered = await renderForSave(deps.core, request, (deps.now ?? (() => new Date()))())
      if (!rendered.ok) return rendered
      const answer = rendered.value
      const options: SaveDialogOptions = {
        title: kind.title,
        defaultPath: join(lastDir ?? deps.defaultDir(), answer.fileName),
        filters: [{ name: kind.filter.name, extensions: [...kind.filter.extensions] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const win = deps.windowOf(event)
      const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } }
      const ext = `.${kind.filter.extensions[0]}`
      const path = extname(choice.filePath).toLowerCase() === ext ? choice.filePath : `${choice.filePath}${ext}`
      const bytes = answer.bytes
      try {
        await writeAtomically(path, bytes)
      } catch (error) {
        return fail('IO', ioMessage(error, path))
      }
      saved.add(path)
      lastDir = dirname(path)
      return { ok: true, value: { saved: true, path, fileName: basename(path), bytes: bytes.length } }
    } catch (error) {
      log(`Saving (${request.kind}) failed`, error)
      return fail('INTERNAL', 'Something went wrong while saving; nothing was written.')
    }
  })

  ipcMain.handle(FILE_CHANNELS.openSaved, async (event, raw: unknown): Promise<Result<{ opened: true }>> => {
    const refusal = refusedSender(event, deps.devUrl)
    if (refusal) return refusal
    if (typeof raw !== 'string' || !saved.has(raw)) return fail('FORBIDDEN', 'Skillfolio only opens files it saved itself in this session.')
    const error = await deps.shell.openPath(raw)
    return error ? fail('IO', `${basename(raw)} could not be opened: ${error}`) : { ok: true, value: { opened: true } }
  })
  return { remember: (path) => saved.add(path) }
}
