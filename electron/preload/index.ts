/**
 * Runs sandboxed, with context isolation: it can only forward calls. `window.skillfolio` has
 * exactly one function per contract channel (the names come from shared/channels.ts, which the
 * compiler holds equal to contract.ts's keys, so zod and the schemas stay out of here).
 * `window.skillfolioFiles` is the shell's own half: save a PDF or open one the shell saved,
 * import File objects (turned into disk paths here, with webUtils.getPathForFile: the page
 * never sees or sends a path), the native open dialog, import progress events, backups (named
 * by a BackupRef, never a path), saving the share bundle into a folder main asks for, and the
 * certificate PDFs opened with the app (named by tickets main issued). Nothing else of Electron
 * reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { Api } from '../shared/contract'
import type { Result } from '../shared/errors'
import type { ImportProgress } from '../shared/imports'
import { CHANNEL_NAMES as CHANNELS } from '../shared/channels'
import {
  FILE_CHANNELS,
  SHELL_EVENTS,
  tooLargeReason,
  type ChooseImportKind,
  type ImportFilesApi,
  type ImportFilesOrigin,
  type ImportFilesRequest,
  type ImportFilesResult,
  type BackupFilesApi,
  type ImportRefusal,
  type OpenedFilesApi,
  type SaveFilesApi,
  type ShareFilesApi,
} from '../shared/files'
import { LIMITS } from '../shared/limits'

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as Api

export type FilesApi = SaveFilesApi & ImportFilesApi<File> & BackupFilesApi & ShareFilesApi & OpenedFilesApi

const badInput = (message: string): Result<never> => ({ ok: false, error: { code: 'BAD_INPUT', message } })
const ORIGINS: readonly ImportFilesOrigin[] = ['drop', 'dialog']

/**
 * A real File, as the page gets from a drop, a paste or an <input type=file> (the context
 * bridge copies it into this world). A string or any look-alike object is not.
 */
function isFile(value: unknown): value is File {
  return typeof File === 'function' && value instanceof File
}

/** '' when the File has no file behind it on disk (pasted, built in JavaScript). */
function pathOf(file: File): string {
  try {
    return webUtils.getPathForFile(file)
  } catch {
    return ''
  }
}

async function importFiles(files: unknown, origin: unknown): Promise<Result<ImportFilesResult>> {
  if (!Array.isArray(files)) return badInput('importFiles takes a list of File objects from a drop, a paste or a file chooser.')
  if (typeof origin !== 'string' || !ORIGINS.includes(origin as ImportFilesOrigin)) return badInput('importFiles needs the origin "drop" or "dialog".')
  if (files.length > LIMITS.importFiles) return badInput(`At most ${LIMITS.importFiles.toLocaleString('en-US')} files can be imported at a time.`)
  const notFile = files.findIndex((f) => !isFile(f))
  // The point of this API: the page can hand over files the person gave it, never name one.
  if (notFile >= 0) return badInput(`Only files dropped on the window, pasted or chosen in a file dialog can be imported; item ${notFile + 1} is ${typeof files[notFile] === 'string' ? 'a text (a path?)' : 'not a file'}.`)
  const request: ImportFilesRequest = { origin: origin as ImportFilesOrigin, paths: [], contents: [] }
  const refused: ImportRefusal[] = []
  for (const file of files as File[]) {
    const path = pathOf(file)
    if (path) {
      request.paths.push(path)
    } else if (file.size > LIMITS.importFileBytes) {
      refused.push({ fileName: file.name, reason: tooLargeReason(file.size) })
    } else {
      try {
        request.contents.push({ name: file.name || 'unnamed file', bytes: new Uint8Array(await file.arrayBuffer()) })
      } catch {
        refused.push({ fileName: file.name, reason: 'The file could not be read (is it a folder, or was it moved?).' })
      }
    }
  }
  if (!request.paths.length && !request.contents.length) return { ok: true, value: { batchId: null, refused } }
  const started = (await ipcRenderer.invoke(FILE_CHANNELS.importFiles, request)) as Result<{ batchId: number }>
  return started.ok ? { ok: true, value: { batchId: started.value.batchId, refused } } : started
}

/** One IPC listener for the window; the page's callbacks never see the IPC event (it carries the sender). */
const progressListeners = new Set<(progress: ImportProgress) => void>()
ipcRenderer.on(SHELL_EVENTS.importProgress, (_event, progress: ImportProgress) => {
  for (const listener of progressListeners) {
    try {
      listener(progress)
    } catch {
      /* one page callback failing must not stop the others */
    }
  }
})

/** Same for "certificate PDFs were opened with the app". */
const openedListeners = new Set<() => void>()
ipcRenderer.on(SHELL_EVENTS.certificatesOpened, () => {
  for (const listener of openedListeners) {
    try {
      listener()
    } catch {
      /* one page callback failing must not stop the others */
    }
  }
})

const files: FilesApi = {
  savePdf: (request) => ipcRenderer.invoke(FILE_CHANNELS.savePdf, request),
  openSaved: (path) => ipcRenderer.invoke(FILE_CHANNELS.openSaved, path),
  importFiles: (list, origin) => importFiles(list, origin),
  chooseImport: (kind: ChooseImportKind) => ipcRenderer.invoke(FILE_CHANNELS.chooseImport, kind === 'folder' ? 'folder' : 'files'),
  // Backups and sharing: the page names a backup only by a BackupRef; main resolves it and picks folders.
  chooseBackup: () => ipcRenderer.invoke(FILE_CHANNELS.chooseBackup),
  inspectBackup: (ref, passphrase) => ipcRenderer.invoke(FILE_CHANNELS.inspectBackup, ref, passphrase),
  restoreBackup: (ref, passphrase) => ipcRenderer.invoke(FILE_CHANNELS.restoreBackup, ref, passphrase),
  chooseBackupFolder: () => ipcRenderer.invoke(FILE_CHANNELS.chooseBackupFolder),
  saveShareBundle: (input) => ipcRenderer.invoke(FILE_CHANNELS.saveShareBundle, input),
  // Opened certificate PDFs: main hands out tickets, never paths; a ticket is only ever a string here.
  takeOpenedCertificates: () => ipcRenderer.invoke(FILE_CHANNELS.takeOpenedCertificates),
  readOpenedCertificate: (ticket) => ipcRenderer.invoke(FILE_CHANNELS.readOpenedCertificate, String(ticket)),
  onCertificatesOpened(listener) {
    if (typeof listener !== 'function') throw new TypeError('onCertificatesOpened needs a function')
    openedListeners.add(listener)
    return () => {
      openedListeners.delete(listener)
    }
  },
  onImportProgress(listener) {
    if (typeof listener !== 'function') throw new TypeError('onImportProgress needs a function')
    progressListeners.add(listener)
    return () => {
      progressListeners.delete(listener)
    }
  },
}

contextBridge.exposeInMainWorld('skillfolio', api)
contextBridge.exposeInMainWorld('skillfolioFiles', files)
