import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type Db = Database.Database

export interface OpenOptions {
  /** Path or loaded addon of an Electron-ABI build of better-sqlite3 (see electron/main/native-binding.ts). */
  nativeBinding?: string | object
  readonly?: boolean
}

/**
 * Opens (creating if needed) a portfolio database with the pragmas every connection needs.
 * Pragmas are set here, outside any transaction: SQLite ignores foreign_keys inside one.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    // better-sqlite3's typings declare only the string form; the addon-object form is documented too.
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding as string } : {}),
  })
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    // Fail fast on a file that is not a SQLite database rather than on the first query.
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
