/**
 * Reading a backup back: full verification, and restoring it over a portfolio.
 *
 * Restore takes paths, not a core: the portfolio must not be open while its file is replaced.
 * The command line calls it without opening the portfolio; the desktop app's main process
 * closes its core (`core.close()`), calls `restoreBackup` with the same `dbPath` (and its
 * `nativeBinding`), then creates the core again, which upgrades an older backup as any
 * older portfolio (taking a pre-upgrade backup first).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { AppError } from '../../shared/errors'
import type { BackupSummary, RestoreResult } from '../../shared/backup'
import type { Db } from '../db/open'
import { decode, splitBody, type Header } from './format'
import { openCopy, parseManifest, summarize, verifyCopy, type Manifest } from './manifest'
import { fileStamp, readBackupFile } from './files'

interface OpenedBackup {
  header: Header
  manifest: Manifest
  database: Buffer
  summary: BackupSummary
}

/** The container, the manifest and the database's hash checked; the database itself not yet. */
async function openBackup(path: string, passphrase: string | undefined): Promise<OpenedBackup> {
  const bytes = readBackupFile(path)
  const { header, body } = await decode(bytes, path, passphrase)
  const { manifestJson, database } = splitBody(body, path)
  const manifest = parseManifest(manifestJson, header, database, path)
  return { header, manifest, database, summary: summarize(path, bytes.length, header, manifest) }
}

function verifyDatabase(source: string | Buffer, manifest: Manifest, path: string, nativeBinding?: string | object): void {
  let db: Db
  try {
    db = openCopy(source, nativeBinding)
  } catch (error) {
    throw new AppError('DAMAGED', `The backup ${basename(path)} is damaged (the database inside does not open: ${error instanceof Error ? error.message : String(error)}). Nothing was changed; use another backup.`)
  }
  try {
    verifyCopy(db, manifest, path)
  } finally {
    db.close()
  }
}

/**
 * Verifies a backup fully (container, passphrase, manifest, hashes of the database and of
 * every original, SQLite's integrity check, schema version) and answers what it holds.
 */
export async function inspectBackup(path: string, passphrase?: string, nativeBinding?: string | object): Promise<BackupSummary> {
  const opened = await openBackup(path, passphrase)
  verifyDatabase(opened.database, opened.manifest, path, nativeBinding)
  return opened.summary
}

export interface RestoreOptions {
  /** The backup file. */
  backupFile: string
  /** The portfolio to replace (created if missing). It must not be open. */
  dbPath: string
  passphrase?: string
  now?: () => Date
  nativeBinding?: string | object
}

const SIDE_FILES = ['-wal', '-shm', '-journal']

/**
 * Replaces the portfolio at `dbPath` with a backup's content. Nothing is touched until the
 * backup has passed every check, on the very file that will take the portfolio's place (written
 * beside it first). The replaced portfolio is renamed, with its WAL, to
 * `<name>.replaced-<time><ext>` in the same folder (`keptAside`), so nothing is ever lost.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { dbPath } = options
  const opened = await openBackup(options.backupFile, options.passphrase)
  const staging = `${dbPath}.restoring`
  const stamp = fileStamp((options.now ?? (() => new Date()))())
  const cleanStaging = () => {
    for (const f of [staging, ...SIDE_FILES.map((s) => staging + s)]) rmSync(f, { force: true })
  }
  cleanStaging()
  try {
    mkdirSync(dirname(dbPath), { recursive: true })
    writeFileSync(staging, opened.database)
  } catch (error) {
    cleanStaging()
    throw new AppError('IO', `Could not write beside ${dbPath}: ${error instanceof Error ? error.message : String(error)}. The portfolio was not changed.`)
  }
  try {
    verifyDatabase(staging, opened.manifest, options.backupFile, options.nativeBinding)
  } catch (error) {
    cleanStaging()
    throw error
  }

  const present = [dbPath, ...SIDE_FILES.map((s) => dbPath + s)].filter((f) => existsSync(f))
  const ext = extname(dbPath)
  const aside = present.length ? join(dirname(dbPath), `${basename(dbPath, ext)}.replaced-${stamp}${ext}`) : null
  const moved: Array<[string, string]> = []
  try {
    if (aside) {
      for (const f of present) {
        const to = aside + f.slice(dbPath.length)
        renameSync(f, to)
        moved.push([f, to])
      }
    }
    renameSync(staging, dbPath)
  } catch (error) {
    // Put the portfolio back as it was.
    for (const [from, to] of moved.reverse()) renameSync(to, from)
    cleanStaging()
    throw new AppError('IO', `Could not replace ${dbPath}: ${error instanceof Error ? error.message : String(error)}. The portfolio was not changed.`)
  }
  return { dbPath, keptAside: aside && existsSync(aside) ? aside : null, backup: opened.summary }
}
