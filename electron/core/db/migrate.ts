import type { Db } from './open'
import { AppError } from '../../shared/errors'
import { MIGRATIONS, type Migration } from './migrations'

/**
 * `PRAGMA application_id` of every Skillfolio portfolio: ASCII "SkFo". Set with the first
 * migration of a new file (and on the first open of a portfolio made before it was used),
 * so another program's SQLite file is recognised and refused without being touched.
 */
export const APPLICATION_ID = 0x536b466f

/** A portfolio written by a newer Skillfolio: refused, untouched. */
export const dbTooNew = (found: number, latest: number) =>
  new AppError('DB_TOO_NEW', `This portfolio was saved by a newer version of Skillfolio (schema ${found}; this version knows up to ${latest}). Update Skillfolio to open it.`)

/** A damaged portfolio that cannot be opened read-only either, because it would need an upgrade first. */
export const damagedOld = (file: string | undefined, problem: string) =>
  new AppError(
    'DAMAGED',
    `The portfolio${file ? ` at ${file}` : ''} is damaged (${problem}) and was saved by an older version of Skillfolio, so it cannot be upgraded. Skillfolio left it unchanged. Restore a backup of the file.`,
  )

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function applicationId(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number
}

export function latestVersion(list: readonly Migration[] = MIGRATIONS): number {
  return list.at(-1)?.version ?? 0
}

/**
 * SQLite's own check of the file: null when it is sound, else the first problem found. `quick`
 * runs `quick_check` (every open); otherwise the full `integrity_check` (before an upgrade).
 */
export function checkIntegrity(db: Db, quick: boolean): string | null {
  try {
    const rows = db.prepare(`PRAGMA ${quick ? 'quick_check' : 'integrity_check'}(1)`).pluck().all() as unknown[]
    if (rows.length === 1 && rows[0] === 'ok') return null
    // "*** in database main ***\nTree 2 page 103 cell 5: Offset 65535 out of range 196..4092"
    const text = String(rows[0] ?? 'no answer from the check').replace(/^\*\*\* in database \w+ \*\*\*\s*/, '').replace(/\s*\n\s*/g, '; ')
    return `SQLite reports: ${text}`
  } catch (error) {
    // A damaged page can stop the check itself (SQLITE_CORRUPT).
    const code = (error as { code?: unknown } | null)?.code
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return `SQLite reports: ${error instanceof Error ? error.message : String(error)}`
    throw error
  }
}

/**
 * Takes the backup before an existing portfolio is upgraded: called through the migrating
 * connection while it holds the write lock, with the schema version found; answers the backup's
 * path. If it throws, nothing is upgraded (core/backup/service.ts preUpgradeBackup).
 */
export type BackupBeforeUpgrade = (db: Db, fromVersion: number) => string

export interface MigrateOptions {
  /** The database file, named in messages. */
  file?: string
  /** Backs the portfolio up before an upgrade; without it (in-memory databases, tests of the SQL) none is taken. */
  backup?: BackupBeforeUpgrade
  list?: readonly Migration[]
}

/**
 * Brings the database up to the newest schema and stamps it with Skillfolio's
 * `application_id`. All of it happens under one write lock (`BEGIN IMMEDIATE`), and the
 * version is read again once the lock is held: of several programs opening a new file at
 * once, one migrates and the others wait (busy_timeout) and then find it done.
 *
 * Each migration runs in its own savepoint together with its `user_version` bump, so a
 * failure leaves the database at the last good version. A database newer than the app is
 * refused. An existing portfolio is checked in full (`integrity_check`) and backed up
 * (`options.backup`) before the first change. Returns the backup path, if one was made.
 */
export function migrate(db: Db, options: MigrateOptions = {}): string | null {
  const list = options.list ?? MIGRATIONS
  assertStrictlyIncreasing(list)
  const latest = latestVersion(list)
  const before = schemaVersion(db)
  if (before > latest) throw dbTooNew(before, latest)
  if (before === latest && applicationId(db) === APPLICATION_ID) return null

  db.exec('BEGIN IMMEDIATE')
  let backup: string | null = null
  let applied = 0
  try {
    // Another connection may have migrated the file while this one waited for the lock.
    const current = schemaVersion(db)
    if (current > latest) throw dbTooNew(current, latest)
    if (current > 0 && current < latest) {
      const problem = checkIntegrity(db, false)
      if (problem) throw damagedOld(options.file, problem)
      // Taken through this connection, inside the lock: the committed state including
      // anything still in the WAL, which nobody can change until we are done.
      if (options.backup) backup = options.backup(db, current)
    }
    if (applicationId(db) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`)
    for (const m of list) {
      if (m.version <= current) continue
      // Nested in the open transaction, better-sqlite3 runs this as a savepoint.
      db.transaction(() => {
        m.up(db)
        db.pragma(`user_version = ${m.version}`)
      })()
      applied++
    }
    db.exec('COMMIT')
  } catch (error) {
    // Keep the migrations that succeeded (the failed one rolled back its savepoint); else undo all.
    if (db.inTransaction) {
      try {
        db.exec(applied > 0 ? 'COMMIT' : 'ROLLBACK')
      } catch {
        if (db.inTransaction) db.exec('ROLLBACK')
      }
    }
    throw error
  }
  return backup
}

function assertStrictlyIncreasing(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1 || (i > 0 && m.version <= list[i - 1]!.version))
      throw new Error(`Migration list is out of order at ${m.name} (version ${m.version})`)
  })
}
