import { readFile as readFileCallback, type Stats } from 'node:fs'
import { lstat, readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import type { ImportSource } from '../../shared/imports'
import { LIMITS, MB } from '../../shared/limits'
import { ImportError } from '../importers/types'

/**
 * A file waiting to be read. `path` is where it is on disk, kept with the batch so a file
 * never reached can be named and read again on resume; null for contents sent by the window.
 */
export interface PendingFile {
  name: string
  path: string | null
  /** Its size in bytes as listed (what `load` will read, give or take a change on disk meanwhile). */
  size: number
  load: () => Promise<Uint8Array>
}
/** A file found but not readable (missing, too large, a link …): `error` says why. */
export interface UnreadableFile {
  name: string
  path: string | null
  error: string
}
export type ExpandedFile = PendingFile | UnreadableFile

const MAX_FILE_BYTES = LIMITS.importFileBytes
const MAX_FILES = LIMITS.importFiles
const MAX_DEPTH = LIMITS.importFolderDepth
/** Entries of a folder looked up at once (each lookup is a round trip to libuv's threads). */
const STAT_AT_ONCE = 64

/**
 * Reads a whole file. The callback form costs the thread about half of what fs/promises'
 * readFile does (no FileHandle, fewer promises), which shows when a folder of small badges is
 * read.
 */
const readWholeFile = promisify(readFileCallback)
const lstatOrNull = (path: string): Promise<Stats | null> => lstat(path).then((info) => info, () => null)

/**
 * Expands what the user gave (files, folders, file contents) into individual files.
 * Folders are walked recursively, skipping hidden entries and links (a link could loop
 * or point anywhere); the walk stops at 10,000 files.
 */
export async function expandSources(sources: readonly ImportSource[]): Promise<ExpandedFile[]> {
  const out: ExpandedFile[] = []
  const push = (item: ExpandedFile) => {
    if (out.length < MAX_FILES) out.push(item)
  }
  for (const source of sources) {
    if ('base64' in source) {
      push({ name: source.name, path: null, size: Math.floor((source.base64.length * 3) / 4), load: async () => decodeBase64(source.base64, source.name) })
      continue
    }
    await walk(source.path, 0, push)
  }
  return out
}

/** Visits `path` (its `info` when looked up already, null when that failed), pushing the files in order. */
async function walk(path: string, depth: number, push: (item: ExpandedFile) => void, listed?: Stats | null): Promise<void> {
  const info = listed === undefined ? await lstatOrNull(path) : listed
  if (!info) {
    push({ name: basename(path) || path, path, error: 'The file could not be found or opened.' })
    return
  }
  if (info.isSymbolicLink()) {
    push({ name: basename(path), path, error: 'This is a shortcut (symbolic link); drop the file it points to instead.' })
  } else if (info.isDirectory()) {
    if (depth >= MAX_DEPTH) return
    let entries: string[]
    try {
      entries = (await readdir(path)).sort()
    } catch {
      push({ name: basename(path), path, error: 'The folder could not be read (no permission?).' })
      return
    }
    // Looked up a few at a time, then visited in order, so the list keeps its order.
    const visible = entries.filter((entry) => !entry.startsWith('.')).map((entry) => join(path, entry))
    for (let start = 0; start < visible.length; start += STAT_AT_ONCE) {
      const paths = visible.slice(start, start + STAT_AT_ONCE)
      const infos = await Promise.all(paths.map(lstatOrNull))
      for (let k = 0; k < paths.length; k++) await walk(paths[k]!, depth + 1, push, infos[k] ?? null)
    }
  } else if (info.isFile()) {
    const name = basename(path)
    if (info.size > MAX_FILE_BYTES) push({ name, path, error: `The file is ${formatMb(info.size)}; Skillfolio reads credential files up to ${MAX_FILE_BYTES / MB} MB.` })
    else push({ name, path, size: info.size, load: () => readWholeFile(path) })
  } else {
    push({ name: basename(path), path, error: 'This is not a regular file.' })
  }
}

function decodeBase64(text: string, name: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ImportError('too_large', `${name} is ${formatMb(bytes.byteLength)}; Skillfolio reads credential files up to ${MAX_FILE_BYTES / MB} MB.`)
  return bytes
}

const formatMb = (n: number) => `${(n / MB).toFixed(1)} MB`
