/**
 * Save PDF and Open: the shell's half of issue 5. The core renders (and only renders); here the
 * main process asks where to save with the native dialog, writes the bytes the core returned,
 * and later opens only files it saved itself. The renderer never sends bytes to be written or a
 * path of its choosing to be opened.
 */
import { randomBytes } from 'node:crypto'
import { rename, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, SaveDialogOptions, Shell } from 'electron'
import type { Result } from '../shared/errors'
import { FILE_CHANNELS, type SavePdfRequest, type SavePdfResult } from '../shared/files'
import type { Dispatcher } from './ipc'
import { senderProblem } from './ipc'

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
}

const fail = (code: 'BAD_INPUT' | 'FORBIDDEN' | 'IO' | 'INTERNAL', message: string): Result<never> => ({ ok: false, error: { code, message } })

function parseRequest(raw: unknown): SavePdfRequest | null {
  if (!raw || typeof raw !== 'object') return null
  const { kind, settings } = raw as { kind?: unknown; settings?: unknown }
  if ((kind !== 'resume' && kind !== 'report') || !settings || typeof settings !== 'object') return null
  return { kind, settings } as SavePdfRequest
}

/** "disk full" rather than "ENOSPC: no space left on device, open '/…'". */
function ioMessage(error: unknown, path: string): string {
  const code = (error as { code?: unknown })?.code
  const where = basename(path)
  if (code === 'EACCES' || code === 'EPERM') return `Skillfolio is not allowed to write ${where} in that folder. Choose another folder.`
  if (code === 'ENOSPC') return `The disk is full, so ${where} could not be saved.`
  if (code === 'EROFS') return `That folder is read-only, so ${where} could not be saved.`
  if (code === 'ENOENT') return `That folder no longer exists, so ${where} could not be saved.`
  return `${where} could not be saved (${String(code ?? 'unknown error')}).`
}

/** Writes next to the target and renames, so a failed save never leaves half a PDF behind. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`)
  try {
    await writeFile(temp, bytes, { flag: 'wx' })
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

export function registerFileHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: SaveDeps): void {
  const log = deps.log ?? ((message, error) => console.error(message, error))
  /** Paths saved in this session: the only ones openSaved will open. */
  const saved = new Set<string>()
  let lastDir: string | null = null

  ipcMain.handle(FILE_CHANNELS.savePdf, async (event, raw: unknown): Promise<Result<SavePdfResult>> => {
    const problem = senderProblem(event, deps.devUrl)
    if (problem) return fail('FORBIDDEN', `Refused: ${problem}.`)
    const request = parseRequest(raw)
    if (!request) return fail('BAD_INPUT', 'Save needs a resume or report to render.')
    try {
      // Render first: if the choices are wrong the person hears it before picking a folder.
      const rendered = await deps.core.dispatch(request.kind === 'resume' ? 'resume:preview' : 'report:render', request.settings)
      if (!rendered.ok) return rendered
      const { pdfBase64, fileName } = rendered.value as { pdfBase64: string; fileName: string }
      const options: SaveDialogOptions = {
        title: request.kind === 'resume' ? 'Save resume as PDF' : 'Save gap report as PDF',
        defaultPath: join(lastDir ?? deps.defaultDir(), fileName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const win = deps.windowOf(event)
      const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } }
      const path = extname(choice.filePath).toLowerCase() === '.pdf' ? choice.filePath : `${choice.filePath}.pdf`
      const bytes = Buffer.from(pdfBase64, 'base64')
      try {
        await writeAtomically(path, bytes)
      } catch (error) {
        return fail('IO', ioMessage(error, path))
      }
      saved.add(path)
      lastDir = dirname(path)
      return { ok: true, value: { saved: true, path, fileName: basename(path), bytes: bytes.length } }
    } catch (error) {
      log('Saving a PDF failed', error)
      return fail('INTERNAL', 'Something went wrong while saving; nothing was written.')
    }
  })

  ipcMain.handle(FILE_CHANNELS.openSaved, async (event, raw: unknown): Promise<Result<{ opened: true }>> => {
    const problem = senderProblem(event, deps.devUrl)
    if (problem) return fail('FORBIDDEN', `Refused: ${problem}.`)
    if (typeof raw !== 'string' || !saved.has(raw)) return fail('FORBIDDEN', 'Skillfolio only opens files it saved itself in this session.')
    const error = await deps.shell.openPath(raw)
    return error ? fail('IO', `${basename(raw)} could not be opened: ${error}`) : { ok: true, value: { opened: true } }
  })
}
