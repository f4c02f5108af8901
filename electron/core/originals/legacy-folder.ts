import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Db } from '../db/open'
import { APPLICATION_ID } from '../db/migrate'
import type { Logger } from '../log'
import { isSha256, sha256Of } from './store'

/**
 * Portfolios from before schema 11 kept their originals in `<dataDir>/evidence/ab/abcdef…`.
 * On open they are moved into the portfolio (original_blob), a few hundred files per
 * transaction. The folder is removed only when every file in it is accounted for: each original
 * verified against its name and found in the portfolio, every original the portfolio refers to
 * present, nothing unknown beside them. Otherwise it stays, with a log line saying why, and the
 * next open tries again (what was moved is not read again).
 */
export interface LegacyFolderResult {
  /** Originals stored by this run. */
  moved: number
  removed: boolean
  /** Why the folder was kept, one sentence each. */
  problems: string[]
}

/** Written by operating systems into folders a person browsed; never an original. */
const OS_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini'])
/** Keeps a transaction's memory bounded whatever the file sizes. */
const CHUNK_FILES = 256
const CHUNK_BYTES = 32 * 1024 * 1024

interface Original {
  sha256: string
  path: string
}

interface Scan {
  originals: Original[]
  /** Half-written `.tmp` files (the old store never registered them) and OS litter. */
  disposable: string[]
  unexpected: string[]
  dirs: string[]
}

export function moveLegacyOriginals(db: Db, folder: string, dbPath: string, log: Logger): LegacyFolderResult | null {
  if (!existsSync(folder)) return null
  const blobs = blobTable(db)
  let moved = 0
  try {
    const scan = scanFolder(folder)
    const result = moveIn(db, blobs, scan.originals)
    moved = result.moved
    if (moved) log(`Moved ${moved} original file(s) from ${folder} into the portfolio.`)

    // Checked after the commits, by hash: the folder's originals, and those the portfolio refers to.
    const problems = [...result.problems]
    const sound = scan.originals.filter((f) => !result.skipped.has(f.path))
    const inDb = sound.filter((f) => blobs.has(f.sha256)).length
    if (inDb !== sound.length) problems.push(`${sound.length - inDb} of ${sound.length} originals are not in the portfolio after moving them.`)
    const missing = missingReferenced(db)
    if (missing.length)
      problems.push(`${missing.length} original(s) the portfolio refers to are not in it (missing from the folder, or damaged there): ${missing.map((s) => `${s.slice(0, 12)}…`).join(', ')}.`)
    if (scan.unexpected.length) problems.push(`It holds files that are not originals: ${scan.unexpected.join(', ')}.`)
    const other = otherPortfolio(dirname(folder), dbPath)
    if (other) problems.push(`Another portfolio in the same folder (${other}) may still need its originals from it.`)
    if (problems.length) {
      log(`Kept ${folder}: ${problems.join(' ')} Nothing was deleted; Skillfolio tries again on the next start.`)
      return { moved, removed: false, problems }
    }

    // Only what was recognised is deleted, and folders only once empty (never recursively).
    // Gone already is fine: another Skillfolio on this portfolio may be doing the same.
    for (const path of [...sound.map((f) => f.path), ...scan.disposable]) unlessGone(() => unlinkSync(path))
    for (const dir of [...scan.dirs, folder]) unlessGone(() => rmdirSync(dir))
    log(`Removed ${folder}: every original is now in the portfolio.`)
    return { moved, removed: true, problems }
  } catch (error) {
    log(`Moving the originals from ${folder} into the portfolio stopped; the folder is kept and the move is tried again on the next start`, error)
    return { moved, removed: false, problems: [error instanceof Error ? error.message : String(error)] }
  }
}

function unlessGone(remove: () => void): void {
  try {
    remove()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

function blobTable(db: Db) {
  const has = db.prepare<[string], number>('SELECT 1 FROM original_blob WHERE sha256 = ?').pluck()
  const insert = db.prepare<[string, Buffer]>('INSERT INTO original_blob (sha256, bytes) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING')
  return {
    has: (sha256: string) => has.get(sha256) !== undefined,
    insertAll: db.transaction((files: Array<[string, Buffer]>) => {
      for (const [sha256, bytes] of files) insert.run(sha256, bytes)
    }),
  }
}

/** Stores each original not yet in the portfolio whose bytes match its name. */
function moveIn(db: Db, blobs: ReturnType<typeof blobTable>, originals: Original[]) {
  const problems: string[] = []
  const corrupt: string[] = []
  const skipped = new Set<string>()
  let moved = 0
  let pending: Array<[string, Buffer]> = []
  let pendingBytes = 0
  const flush = () => {
    if (pending.length) blobs.insertAll(pending)
    moved += pending.length
    pending = []
    pendingBytes = 0
  }
  for (const { sha256, path } of originals) {
    if (blobs.has(sha256)) continue
    let bytes: Buffer
    try {
      bytes = readFileSync(path)
    } catch (error) {
      problems.push(`${path} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)
      skipped.add(path)
      continue
    }
    if (sha256Of(bytes) !== sha256) {
      corrupt.push(path)
      skipped.add(path)
      continue
    }
    pending.push([sha256, bytes])
    pendingBytes += bytes.byteLength
    if (pending.length >= CHUNK_FILES || pendingBytes >= CHUNK_BYTES) flush()
  }
  flush()
  if (corrupt.length) problems.unshift(`${corrupt.length} file(s) do not match the SHA-256 they are named by, so they were not moved: ${corrupt.join(', ')}.`)
  return { moved, skipped, problems }
}

/** Sorts the old store's layout (`ab/` folders of hash-named files) from anything else. */
function scanFolder(folder: string): Scan {
  const scan: Scan = { originals: [], disposable: [], unexpected: [], dirs: [] }
  const isDisposable = (name: string) => name.endsWith('.tmp') || OS_LITTER.has(name)
  for (const top of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, top.name)
    if (top.isDirectory() && /^[0-9a-f]{2}$/.test(top.name)) {
      scan.dirs.push(path)
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const file = join(path, entry.name)
        if (entry.isFile() && isSha256(entry.name) && entry.name.startsWith(top.name)) scan.originals.push({ sha256: entry.name, path: file })
        else if (entry.isFile() && isDisposable(entry.name)) scan.disposable.push(file)
        else scan.unexpected.push(file)
      }
    } else if (top.isFile() && isDisposable(top.name)) scan.disposable.push(path)
    else scan.unexpected.push(path)
  }
  return scan
}

/** Hashes the portfolio names as originals (files, credentials' content and image) with no blob. */
function missingReferenced(db: Db): string[] {
  return db
    .prepare<[], string>(
      `SELECT sha256 FROM (
         SELECT sha256 FROM evidence_file
         UNION SELECT content_sha256 FROM credential WHERE content_sha256 IS NOT NULL
         UNION SELECT image_sha256 FROM credential WHERE image_sha256 IS NOT NULL
       ) AS referenced
       WHERE NOT EXISTS (SELECT 1 FROM original_blob b WHERE b.sha256 = referenced.sha256)`,
    )
    .pluck()
    .all()
}

/**
 * Another Skillfolio portfolio in the data folder (the command line's `--db` allows several): the
 * old store was shared by them, so removing it could take originals that portfolio still needs.
 * Recognised by the `application_id` in its header; this file's backups and journals are skipped.
 */
function otherPortfolio(dataDir: string, dbPath: string): string | null {
  const own = basename(dbPath)
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name === own || entry.name.startsWith(`${own}.`) || entry.name.startsWith(`${own}-`)) continue
    const head = readHead(join(dataDir, entry.name))
    if (head?.toString('latin1', 0, 16) === 'SQLite format 3\0' && head.readInt32BE(68) === APPLICATION_ID) return entry.name
  }
  return null
}

/** The first 72 bytes of a file (through `application_id`), or null if it is shorter or unreadable. */
function readHead(file: string): Buffer | null {
  const head = Buffer.alloc(72)
  try {
    const fd = openSync(file, 'r')
    try {
      return readSync(fd, head, 0, head.length, 0) === head.length ? head : null
    } finally {
      closeSync(fd)
    }
  } catch {
    return null
  }
}
