/**
 * The manifest inside every backup, and the checks of the database it describes: what is
 * hashed and counted when a backup is made is checked again, on the copy itself, before a
 * restore replaces anything.
 */
import Database from 'better-sqlite3'
import { basename } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { BackupReason, type BackupSummary } from '../../shared/backup'
import type { Db } from '../db/open'
import { APPLICATION_ID, applicationId, checkIntegrity, dbTooNew, latestVersion, schemaVersion } from '../db/migrate'
import { damagedBackup, sha256, type Header, type HeaderFacts } from './format'

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)
const count = z.number().int().min(0)

export const Manifest = z.strictObject({
  format: z.literal('skillfolio-backup'),
  createdAt: z.string().datetime(),
  reason: BackupReason,
  appVersion: z.string().max(100),
  schemaVersion: count,
  portfolio: z.string().max(255),
  database: z.strictObject({ bytes: count, sha256: hex64 }),
  /** Every original file in `original_blob`, by its SHA-256 (the table's own key), sorted. */
  originals: z.array(z.strictObject({ sha256: hex64, bytes: count })),
  tables: z.record(z.string(), count),
})
export type Manifest = z.infer<typeof Manifest>

/** What a database holds, as a manifest records it. */
export interface Contents {
  schemaVersion: number
  originals: Manifest['originals']
  tables: Record<string, number>
}

/** Opens a database copy (a file, or bytes in memory) read-only. */
export function openCopy(source: string | Buffer, nativeBinding?: string | object): Db {
  return new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding: nativeBinding as string } : {}) })
}

/**
 * The same database in rollback-journal mode: header bytes 18 and 19 (file format write and
 * read versions) say 1 instead of WAL's 2, so the copy opens alone, from memory too.
 */
export function asRollbackJournal(bytes: Buffer): Buffer {
  if (bytes.length >= 100 && (bytes[18] === 2 || bytes[19] === 2)) {
    bytes[18] = 1
    bytes[19] = 1
  }
  return bytes
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Rows per table and the originals, read in one transaction. */
export function describe(db: Db): Contents {
  return db.transaction(() => {
    const names = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
      .pluck()
      .all() as string[]
    const tables: Record<string, number> = {}
    for (const name of names) tables[name] = db.prepare(`SELECT count(*) FROM ${quoteName(name)}`).pluck().get() as number
    const originals = names.includes('original_blob')
      ? (db.prepare('SELECT sha256, length(bytes) AS bytes FROM original_blob ORDER BY sha256').all() as Manifest['originals'])
      : []
    return { schemaVersion: schemaVersion(db), originals, tables }
  }).deferred()
}

export function buildManifest(facts: HeaderFacts, database: Buffer, contents: Contents): Manifest {
  return { format: 'skillfolio-backup', ...facts, schemaVersion: contents.schemaVersion, database: { bytes: database.length, sha256: sha256(database) }, originals: contents.originals, tables: contents.tables }
}

export function parseManifest(json: string, header: Header, database: Buffer, file: string): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    throw damagedBackup(file, 'its manifest is unreadable')
  }
  const parsed = Manifest.safeParse(raw)
  if (!parsed.success) throw damagedBackup(file, 'its manifest is unreadable')
  const m = parsed.data
  if (m.createdAt !== header.createdAt || m.reason !== header.reason || m.appVersion !== header.appVersion || m.schemaVersion !== header.schemaVersion || m.portfolio !== header.portfolio)
    throw damagedBackup(file, 'its manifest does not match its header')
  if (m.database.bytes !== database.length || m.database.sha256 !== sha256(database)) throw damagedBackup(file, 'the database does not match the hash in its manifest')
  if (m.schemaVersion > latestVersion()) throw tooNew(file, m.schemaVersion)
  return m
}

const tooNew = (file: string, found: number) => {
  const e = dbTooNew(found, latestVersion())
  return new AppError('DB_TOO_NEW', `The backup ${basename(file)} cannot be restored here. ${e.message}`)
}

/**
 * Checks the database copy against its manifest: SQLite's full `integrity_check`, Skillfolio's
 * stamp, a schema this version knows, the rows per table, and every original's bytes against
 * its SHA-256.
 */
export function verifyCopy(db: Db, manifest: Manifest, file: string): void {
  const problem = checkIntegrity(db, false)
  if (problem) throw damagedBackup(file, `the database inside fails SQLite's integrity check: ${problem}`)
  if (applicationId(db) !== APPLICATION_ID) throw damagedBackup(file, 'the database inside is not a Skillfolio portfolio')
  const version = schemaVersion(db)
  if (version > latestVersion()) throw tooNew(file, version)
  const contents = describe(db)
  if (version !== manifest.schemaVersion) throw damagedBackup(file, 'the schema version inside does not match its manifest')
  if (JSON.stringify(contents.tables) !== JSON.stringify(sortKeys(manifest.tables))) throw damagedBackup(file, 'the tables inside do not match its manifest')
  if (JSON.stringify(contents.originals) !== JSON.stringify(manifest.originals)) throw damagedBackup(file, 'the original files inside do not match its manifest')
  if ('original_blob' in contents.tables) {
    for (const row of db.prepare('SELECT sha256, bytes FROM original_blob').iterate() as IterableIterator<{ sha256: string; bytes: Buffer }>)
      if (sha256(row.bytes) !== row.sha256) throw damagedBackup(file, `the original file ${row.sha256.slice(0, 12)}… inside does not match its hash`)
  }
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

export function summarize(path: string, bytes: number, header: Header, manifest: Manifest): BackupSummary {
  const t = manifest.tables
  return {
    path,
    name: basename(path),
    bytes,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    encrypted: header.encryption !== null,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    portfolio: manifest.portfolio,
    database: manifest.database,
    originals: { count: manifest.originals.length, bytes: manifest.originals.reduce((n, o) => n + o.bytes, 0) },
    tables: t,
    counts: { credentials: t.credential ?? 0, projects: t.project ?? 0, skills: t.skill ?? 0, experience: t.experience ?? 0, education: t.education ?? 0 },
  }
}
