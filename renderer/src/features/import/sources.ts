/**
 * Dropped or chosen files -> `import:start` sources. In the desktop app every file (and a
 * dropped folder) has a disk path and is sent as `{ path }`, so the core reads it; otherwise
 * (browser, files built in JavaScript) the contents are read here and sent as base64.
 */
import { filePathOf } from '../../api'
import { LIMITS, MB, type ImportSource } from '../../shared'

/** The core reads files up to 20 MB; bigger ones are refused here before they are read. */
export const MAX_FILE_BYTES = LIMITS.importFileBytes
/** The core walks at most this many files per import. */
const MAX_FILES = LIMITS.importFiles

/** One thing that was dropped: the File, and its directory entry when the browser gives one. */
export interface Dropped {
  file: File
  entry: FileSystemEntry | null
}

/** A file that was not sent, with the reason in plain words. */
export interface Refusal {
  fileName: string
  reason: string
}

export interface Collected {
  sources: ImportSource[]
  refused: Refusal[]
}

/** Same words as the core uses for a file that is too large. */
export function tooLargeReason(bytes: number): string {
  return `The file is ${(bytes / MB).toFixed(1)} MB; Skillfolio reads credential files up to ${MAX_FILE_BYTES / MB} MB.`
}

/**
 * Reads what a drop event carries. Must run during the event: the browser empties the
 * DataTransfer once the handler returns.
 */
export function droppedItems(data: DataTransfer): Dropped[] {
  const out: Dropped[] = []
  const items = Array.from(data.items ?? [])
  if (items.length) {
    for (const item of items) {
      if (item.kind !== 'file') continue
      const file = item.getAsFile()
      if (!file) continue
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null
      out.push({ file, entry })
    }
    return out
  }
  return Array.from(data.files ?? []).map((file) => ({ file, entry: null }))
}

/** Files from an <input type=file> (with `webkitdirectory`, every file of the folder). */
export function chosenItems(files: FileList | null): Dropped[] {
  return Array.from(files ?? [])
    .filter((f) => !(f.webkitRelativePath || '').split('/').some((part) => part.startsWith('.')))
    .map((file) => ({ file, entry: null }))
}

export async function collectSources(items: readonly Dropped[]): Promise<Collected> {
  const sources: ImportSource[] = []
  const refused: Refusal[] = []
  for (const { file, entry } of items) {
    if (sources.length + refused.length >= MAX_FILES) break
    const path = filePathOf(file)
    if (path) {
      sources.push({ path })
    } else if (entry?.isDirectory) {
      for (const f of await filesInFolder(entry as FileSystemDirectoryEntry, MAX_FILES - sources.length - refused.length)) {
        await addContents(f, sources, refused)
      }
    } else {
      await addContents(file, sources, refused)
    }
  }
  return { sources, refused }
}

async function addContents(file: File, sources: ImportSource[], refused: Refusal[]): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    refused.push({ fileName: file.name, reason: tooLargeReason(file.size) })
    return
  }
  try {
    sources.push({ name: file.name || 'unnamed file', base64: toBase64(new Uint8Array(await file.arrayBuffer())) })
  } catch {
    refused.push({ fileName: file.name, reason: 'The file could not be read (is it a folder, or was it moved?).' })
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const step = 0x8000
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step))
  return btoa(binary)
}

/** Every file under a dropped folder (browser only; the desktop app sends the folder's path). Hidden entries are skipped, like the core does. */
async function filesInFolder(root: FileSystemDirectoryEntry, limit: number): Promise<File[]> {
  const files: File[] = []
  const walk = async (dir: FileSystemDirectoryEntry, depth: number): Promise<void> => {
    if (depth > 12) return
    const reader = dir.createReader()
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail))
      if (!batch.length) return
      for (const entry of batch.sort((a, b) => a.name.localeCompare(b.name))) {
        if (files.length >= limit) return
        if (entry.name.startsWith('.')) continue
        if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, depth + 1)
        else files.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)))
      }
    }
  }
  try {
    await walk(root, 0)
  } catch {
    /* an unreadable part of the folder: import what was found */
  }
  return files
}
