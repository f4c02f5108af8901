/**
 * Save PDF (or Word document) and Open: the shell's half of issues 5 and 11. The core renders (and only renders); here the
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

/** Per kind of request: the channel that renders it, the answer's bytes, and how the file is offered. */
const KINDS = {
  resume: { channel: 'resume:preview', bytes: 'pdfBase64', title: 'Save resume as PDF', filter: { name: 'PDF document', extensions: ['pdf'] } },
  'resume-docx': { channel: 'resume:docx', bytes: 'docxBase64', title: 'Save resume as Word document', filter: { name: 'Word document', extensions: ['docx'] } },
  report: { channel: 'report:render', bytes: 'pdfBase64', title: 'Save gap report as PDF', filter: { name: 'PDF document', extensions: ['pdf'] } },
} as const satisfies Record<SavePdfRequest['kind'], { channel: string; bytes: string; title: string; filter: { name: string; extensions: string[] } }>

function parseRequest(raw: unknown): SavePdfRequest | null {
  if (!raw || typeof raw !== 'object') return null
  const { kind, settings } = raw as { kind?: unknown; settings?: unknown }
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind) || !settings || typeof settings !== 'object') return null
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

/** Writes next to the target and renames, so a failed save never leaves half a file behind. */
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
      const kind = KINDS[request.kind]
      const rendered = await deps.core.dispatch(kind.channel, request.settings)
      if (!rendered.ok) return rendered
      const answer = rendered.value as Record<typeof kind.bytes, string> & { fileName: string }
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
      const bytes = Buffer.from(answer[kind.bytes], 'base64')
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
    const problem = senderProblem(event, deps.devUrl)
    if (problem) return fail('FORBIDDEN', `Refused: ${problem}.`)
    if (typeof raw !== 'string' || !saved.has(raw)) return fail('FORBIDDEN', 'Skillfolio only opens files it saved itself in this session.')
    const error = await deps.shell.openPath(raw)
    return error ? fail('IO', `${basename(raw)} could not be opened: ${error}`) : { ok: true, value: { opened: true } }
  })
}
