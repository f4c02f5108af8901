/**
 * Dropped or pasted files, sorted by what they are (read in the page, by content, never by path):
 * a LinkedIn export (its ZIP, its unpacked folder, or its CSV files) or a JSON Resume goes to the
 * career review, a Skillfolio export to "Bring in everything", certificate PDFs to their review
 * queue, and everything else (badges, folders of them) to the shell (api.importFiles), which
 * turns each File into its path on disk (a dropped folder included), or reads its contents when
 * it has none. Files over the size limit are refused before anything is read, in the core's words.
 */
import { LIMITS, tooLargeReason, type ImportRefusal } from '../../shared'
import { isJsonResume, isLinkedInFile, sniff, SNIFF_BYTES } from '../career/detect'
import { csvSource, SourceError, zipSource, type CareerSource } from '../career/source'

/** The core reads files up to 20 MB; bigger ones are refused here before they are read. */
export const MAX_FILE_BYTES = LIMITS.importFileBytes

/** A file that was not sent, with the reason in plain words. */
export type Refusal = ImportRefusal

export interface Collected {
  files: File[]
  refused: Refusal[]
}

/** One dropped item: its File, and the file-system entry the browser offers for it (a folder's contents), if any. */
export interface Dropped {
  file: File | null
  entry: FileSystemEntry | null
}

/**
 * What a drop (or paste) carries. Must run during the event: the browser empties the
 * DataTransfer once the handler returns (entries stay readable afterwards).
 */
export function droppedItems(data: DataTransfer): Dropped[] {
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file')
  if (items.length) return items.map((item) => ({ file: item.getAsFile(), entry: item.webkitGetAsEntry?.() ?? null }))
  return Array.from(data.files ?? []).map((file) => ({ file, entry: null }))
}

/** Where each part of a drop goes. */
export interface Sorted {
  /** For the badge import (the shell): badges, credential files, folders that are no LinkedIn export. */
  badges: File[]
  /** Certificate PDFs, for their review queue. */
  certificates: File[]
  /** Career histories to review, and Skillfolio exports to bring in. */
  career: CareerSource[]
  /** What could not be taken, in words. */
  problems: string[]
}

const isCsv = (name: string) => /\.csv$/i.test(name)

/** Sorts a drop by content; a file that cannot be read in the page goes to the badge import, which reports it. */
export async function sortDropped(items: readonly Dropped[]): Promise<Sorted> {
  const out: Sorted = { badges: [], certificates: [], career: [], problems: [] }
  const csvs: File[] = []
  const career = async (read: () => Promise<CareerSource | null>): Promise<boolean> => {
    try {
      const source = await read()
      if (source) out.career.push(source)
      return source !== null
    } catch (error) {
      if (!(error instanceof SourceError)) return false
      out.problems.push(error.message)
      return true
    }
  }
  for (const { file, entry } of items) {
    if (entry?.isDirectory) {
      const files = await linkedInFolder(entry as FileSystemDirectoryEntry).catch(() => null)
      if (files && (await career(() => csvSource(entry.name, files)))) continue
      if (file) out.badges.push(file)
      continue
    }
    if (!file) continue
    if (isCsv(file.name)) {
      csvs.push(file)
      continue
    }
    const kind = await readHead(file).then(sniff, () => 'other' as const)
    if (kind === 'pdf') {
      out.certificates.push(file)
      continue
    }
    const taken =
      (kind === 'zip' && file.size <= LIMITS.fullExportBytes && (await career(async () => zipSource(file.name, new Uint8Array(await file.arrayBuffer()))))) ||
      (kind === 'json' && file.size <= LIMITS.jsonResumeChars && (await career(() => jsonResumeOf(file))))
    if (!taken) out.badges.push(file)
  }
  if (csvs.length && !(await career(() => csvSource(csvs.length === 1 ? csvs[0]!.name : `${csvs.length} CSV files`, csvs)))) out.badges.push(...csvs)
  return out
}

async function readHead(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
}

async function jsonResumeOf(file: File): Promise<CareerSource | null> {
  const text = await file.text()
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return null // not JSON: the badge import says so
  }
  return isJsonResume(value) ? { kind: 'json-resume', name: file.name, text } : null
}

/** The CSV files of a dropped folder that holds a LinkedIn export's files at its top level; null for any other folder. */
export async function linkedInFolder(dir: FileSystemDirectoryEntry): Promise<File[] | null> {
  const reader = dir.createReader()
  const entries: FileSystemEntry[] = []
  // readEntries answers in batches until it answers an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (!batch.length) break
    entries.push(...batch)
    if (entries.length > LIMITS.linkedInZipEntries) return null
  }
  const csvs = entries.filter((e): e is FileSystemFileEntry => e.isFile && isCsv(e.name))
  if (!csvs.some((e) => isLinkedInFile(e.name))) return null
  return Promise.all(csvs.map((e) => new Promise<File>((resolve, reject) => e.file(resolve, reject))))
}

/** At most the core's file count; oversized files are refused unread. */
export function collect(files: readonly File[]): Collected {
  const out: Collected = { files: [], refused: [] }
  for (const file of files.slice(0, LIMITS.importFiles)) {
    if (file.size > MAX_FILE_BYTES) out.refused.push({ fileName: file.name, reason: tooLargeReason(file.size) })
    else out.files.push(file)
  }
  return out
}
