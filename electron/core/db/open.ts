import Database from 'better-sqlite3'
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/errors'
import { APPLICATION_ID, applicationId, checkIntegrity, damagedOld, dbTooNew, latestVersion, migrate, schemaVersion, type BackupBeforeUpgrade } from './migrate'

export type Db = Database.Database

export interface OpenOptions {
  /** Path or loaded addon of an Electron-ABI build of better-sqlite3 (see electron/main/native-binding.ts). */
  nativeBinding?: string | object
  readonly?: boolean
  /** Refuse a missing file instead of creating it (better-sqlite3 `fileMustExist`). */
  fileMustExist?: boolean
}

/** How long a connection waits for another one's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000
/**
 * While opening: a first open or an upgrade by another program holds the lock for the whole
 * migration, which on a busy machine (twenty `skillfolio add` at once) takes seconds.
 */
const OPEN_BUSY_TIMEOUT_MS = 30_000

function connect(file: string, options: OpenOptions): Db {
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    // better-sqlite3's typings declare only the string form; the addon-object form is documented too.
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding as string } : {}),
  })
}

/**
 * Makes every `db.transaction(fn)` on a writable connection begin IMMEDIATE, so it takes the
 * write lock up front and waits for it (busy_timeout) while another program writes. A deferred
 * transaction that has read first cannot wait: when another connection wrote meanwhile, SQLite
 * answers SQLITE_BUSY at once (to avoid a deadlock), and the change would fail. Nested calls
 * are still savepoints; `.deferred` stays available.
 */
function immediateTransactions(db: Db): void {
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => transaction(fn).immediate) as Db['transaction']
}

/**
 * Opens (creating if needed) a database with the pragmas every connection needs, checking
 * nothing: createCore goes through openPortfolio, which looks at the file first. Pragmas are
 * set here, outside any transaction: SQLite ignores foreign_keys inside one.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.readonly) mkdirSync(dirname(file), { recursive: true })
  const db = connect(file, options)
  try {
    // First, so that even the switch to WAL waits for another connection instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      immediateTransactions(db)
    }
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    // Fail fast on a file that is not a SQLite database rather than on the first query.
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/** Why a portfolio was opened read-only; every change is then refused with READ_ONLY. */
export interface ReadOnlyReason {
  reason: 'damaged'
  /** For the person: what is wrong and what to do. */
  message: string
}

export interface OpenedPortfolio {
  db: Db
  /** The backup taken before this open upgraded the file, if it did. */
  backupPath: string | null
  readOnly: ReadOnlyReason | null
}

export interface OpenPortfolioOptions {
  nativeBinding?: string | object
  /** Refuse a missing (or empty) file with NOT_FOUND instead of creating it: for commands that only read. */
  mustExist?: boolean
  /** Backs an existing portfolio up before upgrading it (the core passes its backups' hook). */
  backupBeforeUpgrade?: BackupBeforeUpgrade
}

export const noPortfolio = (file: string) => new AppError('NOT_FOUND', `No portfolio at ${file}.`)

const notAPortfolio = (file: string, why: string) =>
  new AppError('NOT_A_PORTFOLIO', `${file} is not a Skillfolio portfolio (${why}). Skillfolio left it unchanged.`)

const damagedMessage = (file: string, problem: string) =>
  `The portfolio at ${file} is damaged (${problem}). Skillfolio opened it read-only so that nothing more is lost: ` +
  'you can look at it and export from it, but not change it. Restore a backup of the file, or copy it somewhere safe before trying to repair it.'

const codeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/**
 * Opens the portfolio for the core, changing nothing until the file is known to be a sound
 * Skillfolio portfolio this version can use:
 *
 * 1. An existing file is first looked at as plain bytes, then opened read-only: another
 *    program's database (a foreign `application_id`, or tables without Skillfolio's stamp)
 *    and a portfolio from a newer Skillfolio are refused there, before anything (not even
 *    the switch to WAL) is written.
 * 2. `quick_check`: a damaged portfolio stays on that read-only connection and is reported in
 *    `readOnly`, so it never takes a write (one that would need an upgrade is refused: DAMAGED).
 * 3. Only then the file is opened read-write (created if missing), switched to WAL and
 *    migrated under a write lock (see migrate).
 */
export function openPortfolio(file: string, options: OpenPortfolioOptions = {}): OpenedPortfolio {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  if (file === ':memory:') {
    const db = openDatabase(file, binding)
    try {
      return { db, backupPath: migrate(db), readOnly: null }
    } catch (error) {
      db.close()
      throw error
    }
  }

  const exists = existsSync(file)
  if (options.mustExist && (!exists || isEmptyFile(file))) throw noPortfolio(file)
  if (exists) {
    refuseByHeader(file)
    const ro = inspect(file, binding)
    if (ro) return { db: ro.db, backupPath: null, readOnly: { reason: 'damaged', message: damagedMessage(file, ro.problem) } }
  }

  if (!exists) mkdirSync(dirname(file), { recursive: true })
  const db = connect(file, { ...binding, fileMustExist: exists })
  try {
    db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`)
    // Again on this connection: the file may have been created by another program meanwhile.
    checkIdentity(db, file)
    switchToWal(db)
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    immediateTransactions(db)
    const backupPath = migrate(db, { file, ...(options.backupBeforeUpgrade ? { backup: options.backupBeforeUpgrade } : {}) })
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    return { db, backupPath, readOnly: null }
  } catch (error) {
    db.close()
    throw translate(error, file)
  }
}

/**
 * `journal_mode = WAL`, retried while another connection is switching the same new file: in
 * rollback-journal mode two connections promoting their locks at once would deadlock, so SQLite
 * answers one of them SQLITE_BUSY without waiting (busy_timeout does not apply).
 */
function switchToWal(db: Db): void {
  const deadline = Date.now() + OPEN_BUSY_TIMEOUT_MS
  for (;;) {
    try {
      db.pragma('journal_mode = WAL')
      return
    } catch (error) {
      if (!codeOf(error).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.random() * 40)
    }
  }
}

/**
 * Refuses what the file's header alone shows: another program's `application_id`, a newer
 * Skillfolio's schema version, or an unstamped file that already has tables. Read as plain
 * bytes, so such a file is refused without any SQLite connection: a read-only connection to a
 * WAL-mode file leaves empty -wal and -shm files beside it. The header is trusted only while no
 * WAL content waits beside the file, and when two reads agree (another program may be writing
 * page 1 right now); otherwise the checks on the read-only connection decide.
 */
function refuseByHeader(file: string): void {
  const walHasContent = () => {
    try {
      return statSync(`${file}-wal`).size > 0
    } catch {
      return false
    }
  }
  if (walHasContent()) return
  const first = readHead(file)
  const head = readHead(file)
  if (!head.equals(first) || walHasContent()) return
  // Not SQLite, or too short to tell: SQLite's own answer (under its locks) is the one to give.
  if (head.length < 108 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') return
  const version = head.readInt32BE(60)
  const appId = head.readInt32BE(68)
  if (appId !== 0 && appId !== APPLICATION_ID) throw notAPortfolio(file, "it is another program's database")
  if (appId === APPLICATION_ID && version > latestVersion()) throw dbTooNew(version, latestVersion())
  // Page 1 holds the schema table: an interior page (0x05), or a leaf (0x0d) with its cell count.
  const schemaHasRows = head[100] === 0x05 || (head[100] === 0x0d && head.readUInt16BE(103) > 0)
  if (appId === 0 && version === 0 && schemaHasRows) throw notAPortfolio(file, "it is another program's database")
}

function readHead(file: string): Buffer {
  const head = Buffer.alloc(108)
  const fd = openSync(file, 'r')
  try {
    return head.subarray(0, readSync(fd, head, 0, head.length, 0))
  } finally {
    closeSync(fd)
  }
}

function isEmptyFile(file: string): boolean {
  try {
    return statSync(file).isFile() && statSync(file).size === 0
  } catch {
    return false
  }
}

/**
 * Looks at an existing file through a read-only connection. Throws if it is not ours or too
 * new; answers the open read-only connection and the problem if it is damaged; else null
 * (and the connection is closed).
 */
function inspect(file: string, binding: Pick<OpenOptions, 'nativeBinding'>): { db: Db; problem: string } | null {
  let ro: Db
  try {
    ro = connect(file, { ...binding, readonly: true, fileMustExist: true })
  } catch (error) {
    throw translate(error, file)
  }
  try {
    ro.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`)
    checkIdentity(ro, file)
    const problem = checkIntegrity(ro, true)
    if (!problem) {
      ro.close()
      return null
    }
    const version = schemaVersion(ro)
    if (version !== latestVersion()) throw damagedOld(file, problem)
    ro.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    return { db: ro, problem }
  } catch (error) {
    ro.close()
    throw translate(error, file)
  }
}

/**
 * Refuses, by reading only, a file that is not a Skillfolio portfolio or is too new: a foreign
 * `application_id`; without ours, a file with tables but no schema version (another program's),
 * or a schema version without Skillfolio's tables. An empty file passes (it becomes a portfolio).
 */
function checkIdentity(db: Db, file: string): void {
  // One read transaction, so the three answers come from the same moment even while another
  // connection is creating the portfolio.
  const { objects, appId, version } = db.transaction(() => ({
    objects: db.prepare(`SELECT type, name FROM sqlite_schema`).all() as Array<{ type: string; name: string }>,
    appId: applicationId(db),
    version: schemaVersion(db),
  })).deferred()
  if (appId !== APPLICATION_ID) {
    if (appId !== 0) throw notAPortfolio(file, "it is another program's database")
    if (version === 0 && objects.length > 0) throw notAPortfolio(file, "it is another program's database")
    const tables = new Set(objects.filter((o) => o.type === 'table').map((o) => o.name))
    if (version > 0 && !(tables.has('credential') && tables.has('skill'))) throw notAPortfolio(file, "it is another program's database")
  }
  const latest = latestVersion()
  if (version > latest) throw dbTooNew(version, latest)
}

/** SQLite's refusals of the file itself, in the person's words; anything else unchanged. */
function translate(error: unknown, file: string): unknown {
  const code = codeOf(error)
  if (code === 'SQLITE_NOTADB') return notAPortfolio(file, 'it is not a database file')
  if (code.startsWith('SQLITE_CORRUPT'))
    return new AppError('DAMAGED', `The portfolio at ${file} is too damaged to open (${error instanceof Error ? error.message : String(error)}). Skillfolio left it unchanged. Restore a backup of the file.`)
  return error
}
