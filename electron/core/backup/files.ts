/** Backup files on disk: their names, writing one safely, reading one back, and listing a folder. */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { AppError, conflict } from '../../shared/errors'
import { BACKUP_EXTENSION, type BackupEntry, type BackupList, type BackupReason } from '../../shared/backup'
import { readHeader, type Header } from './format'

/** The backups folder when the setting is empty: `backups` beside the portfolio, in the data folder. */
export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups')

/** A timestamp that sorts and is a valid file name everywhere: 2026-12-06T13-36-04-000Z. */
export const fileStamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-')

/** `portfolio-2026-12-06T13-36-04-000Z-daily.sfbackup`; before an upgrade from schema 5: `…-before-upgrade-v5.sfbackup`. */
export function backupFileName(dbPath: string, at: Date, reason: BackupReason, schemaVersion: number): string {
  const stem = basename(dbPath, extname(dbPath)) || 'portfolio'
  const tag = reason === 'pre-migration' ? `before-upgrade-v${schemaVersion}` : reason
  return `${stem}-${fileStamp(at)}-${tag}${BACKUP_EXTENSION}`
}

const ioError = (what: string, path: string, error: unknown) =>
  new AppError('IO', `Could not ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`)

/**
 * Writes a new file completely or not at all: into a `.partial` beside it, then renamed. An
 * existing file is never overwritten (CONFLICT).
 */
export function writeNewFile(path: string, bytes: Buffer): void {
  if (existsSync(path)) throw conflict(`${path} already exists; choose another file name.`)
  const partial = `${path}.partial`
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(partial, bytes, { flag: 'w' })
    renameSync(partial, path)
  } catch (error) {
    try {
      rmSync(partial, { force: true })
    } catch {
      // The folder itself is unusable: there is no partial file to remove.
    }
    throw ioError('write the backup', path, error)
  }
}

/** Reads a backup file (`read` gets its path); NOT_FOUND in words when it is missing. */
function readExisting<T>(path: string, read: (path: string) => T): T {
  try {
    if (!statSync(path).isFile()) throw new AppError('BAD_INPUT', `${path} is a folder, not a backup file.`)
    return read(path)
  } catch (error) {
    if (error instanceof AppError) throw error
    if ((error as { code?: unknown }).code === 'ENOENT') throw new AppError('NOT_FOUND', `No backup at ${path}.`)
    throw ioError('read', path, error)
  }
}

/** The whole backup file. */
export const readBackupFile = (path: string): Buffer => readExisting(path, (p) => readFileSync(p))

/** Enough of a file for its header (at most 64 KiB of header). */
function readHead(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.alloc(13 + 64 * 1024)
    return head.subarray(0, readSync(fd, head, 0, head.length, 0))
  } finally {
    closeSync(fd)
  }
}

export function entryOf(path: string, bytes: number, header: Header): BackupEntry {
  return {
    path,
    name: basename(path),
    bytes,
    createdAt: header.createdAt,
    reason: header.reason,
    encrypted: header.encryption !== null,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    portfolio: header.portfolio,
  }
}

/** Every backup in a folder by its header (no passphrase needed), newest first. A missing folder lists nothing. */
export function listBackups(folder: string): BackupList {
  const list: BackupList = { folder, backups: [], unreadable: [] }
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return list
    throw ioError('read the backups folder', folder, error)
  }
  for (const name of names.filter((n) => n.endsWith(BACKUP_EXTENSION)).sort()) {
    const path = join(folder, name)
    try {
      const size = statSync(path).size
      list.backups.push(entryOf(path, size, readHeader(readHead(path), path).header))
    } catch (error) {
      list.unreadable.push({ path, reason: error instanceof Error ? error.message : String(error) })
    }
  }
  list.backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1))
  return list
}

/** What a backup file's header says (no passphrase needed, the body not checked): for asking before a restore. */
export function backupEntry(path: string): BackupEntry {
  const [size, head] = readExisting(path, (p) => [statSync(p).size, readHead(p)] as const)
  return entryOf(path, size, readHeader(head, path).header)
}
