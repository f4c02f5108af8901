import { join } from 'node:path'
import type { Channel, Input, Output, Services } from '../shared/contract'
import { AppError, type Result } from '../shared/errors'
import { openPortfolio, type Db, type ReadOnlyReason } from './db/open'
import { schemaVersion } from './db/migrate'
import type { Logger } from './log'
import { dispatch } from './handlers/dispatch'
import { createHandlers } from './handlers'
import { createPortfolio } from './portfolio'
import { createEvidenceStore, type EvidenceStore } from './originals/store'
import { moveLegacyOriginals } from './originals/legacy-folder'
import { loadDemo } from './demo/load'
import { createSettings } from './settings'
import { createImports, type ImportsService, type Verifier } from './imports/service'
import { createOnlineFetcher, createVerifier, type FetchJson } from './verify'
import { createLazyProofCheckPool } from './verify/pool'
import { createAnalysis } from './analysis'
import { loadCredentialCatalog } from './learning-catalog'
import { loadCatalog } from './taxonomy'
import { createSystemFontFinder } from './fonts/system-fonts'
import { createResumeService } from './resume'
import { loadPdfFonts } from './pdf'
import { warmUpPdfFonts } from './pdf/warm-up'
import { createTrustStore } from './trust/store'
import { createBackups, preUpgradeBackup, type BackupsService } from './backup/service'

export interface CoreOptions {
  /** The SQLite portfolio file (created if missing, unless `mustExist`). */
  dbPath: string
  /** Refuse a missing file (NOT_FOUND "No portfolio at …") instead of creating it and its folder. */
  mustExist?: boolean
  /** Folder for everything beside the database (backups; originals of portfolios before schema 11, moved in on open). */
  dataDir: string
  /** Read-only app resources (taxonomy, fonts); defaults to `resources` in the working folder (the repository root). */
  resourcesDir?: string
  /** Folders searched for fonts of scripts the bundled fonts lack; default: the platform's font folders ([] in tests: none). */
  fontDirs?: readonly string[]
  /** The clock, so tests and demo data are reproducible. */
  now?: () => Date
  /** Electron-ABI better-sqlite3 build, passed by the desktop shell only. */
  nativeBinding?: string | object
  log?: Logger
  version?: string
  /**
   * How online checks fetch JSON when the user has turned them on (https only, time and size
   * limits). Tests pass a fetcher that maps example.org to a local server.
   */
  fetchJson?: FetchJson
  /**
   * Worker threads for proof checks (JSON-LD canonicalisation and signatures), started on the
   * first check: `script` is the built worker (the shells pass theirs; without it a built
   * `verify-worker.js`/`.cjs` beside the bundle, else worker.ts through tsx in development and
   * tests), `size` defaults to the cores, at most four. `false` checks in this thread.
   */
  verifyWorkers?: { script?: string; size?: number } | false
  /**
   * Makes the day's automatic backup (when there is none yet) this many milliseconds after
   * opening, in the background: the desktop app passes it; the command line and tests do not.
   */
  dailyBackupAfterMs?: number
  /**
   * Warms the PDF writer up (fonts parsed, common kerning read, code compiled: core/pdf/warm-up.ts)
   * this many milliseconds after opening, in the background, so the first resume preview is as
   * fast as the next ones: the desktop app passes it; the command line and tests do not.
   */
  pdfWarmUpAfterMs?: number
}

export interface Core {
  readonly services: Services
  /** Validates and runs one contract call; never throws. */
  dispatch(channel: unknown, raw: unknown): Promise<Result<unknown>>
  /** Typed convenience for in-process callers (CLI, tests): throws AppError on failure. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  readonly db: Db
  readonly dbPath: string
  readonly evidence: EvidenceStore
  /** The backup taken before this start upgraded the portfolio, if it did (in the backups folder). */
  readonly backupPath: string | null
  /** Backups of this portfolio (create, list, inspect, the daily one); restoring needs the core closed (core/backup/restore.ts). */
  readonly backups: BackupsService
  /**
   * Set when the portfolio was opened read-only (it is damaged): reads work, every change is
   * refused with READ_ONLY. `message` tells the person what is wrong and what to do.
   */
  readonly readOnly: ReadOnlyReason | null
  /** Resolves when no import batch is running. */
  idle(): Promise<void>
  /** Every import batch's progress, after each chunk and when it ends (the desktop shell forwards it to the window); returns the unsubscribe. */
  onImportProgress: ImportsService['onProgress']
  close(): void
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date())
  const log: Logger = options.log ?? ((message, error) => console.error(message, error))
  const version = options.version ?? '0.0.0'
  // Refuses a foreign, newer or unreadable file untouched; a damaged one comes back read-only.
  // An upgrade is preceded by a backup into the backups folder.
  const { db, backupPath, readOnly } = openPortfolio(options.dbPath, {
    backupBeforeUpgrade: preUpgradeBackup({ dbPath: options.dbPath, dataDir: options.dataDir, version, now }),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.mustExist ? { mustExist: true } : {}),
  })
  const evidence = createEvidenceStore(db, now)
  // Originals of older versions lived in <dataDir>/evidence: move them into the portfolio (never into a damaged one).
  if (!readOnly) moveLegacyOriginals(db, join(options.dataDir, 'evidence'), options.dbPath, log)
  const portfolio = createPortfolio(db, now)
  const settings = createSettings(db)
  const trust = createTrustStore(db, now)
  const backups = createBackups({ db, dbPath: options.dbPath, dataDir: options.dataDir, settings, now, version, log, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  const fetchJson = options.fetchJson ?? createOnlineFetcher({ timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 })
  // One verifier per mode, kept for the life of the core so resolved keys and contexts stay cached.
  const verifiers = new Map<boolean, Verifier>()
  // Proof checks on worker threads, started by the first check (so reading commands start none).
  const workers = options.verifyWorkers ?? {}
  const proofChecks = workers === false ? undefined : createLazyProofCheckPool({ workerScript: workers.script, size: workers.size, log })
  const verifierFor = (online: boolean): Verifier => {
    let v = verifiers.get(online)
    if (!v) verifiers.set(online, (v = createVerifier({ now, online, fetchJson, runner: proofChecks, trustList: trust.trustList })))
    return v
  }
  const imports: ImportsService = createImports({ db, portfolio, evidence, settings, now, log, verifierFor })

  const resourcesDir = options.resourcesDir ?? join(process.cwd(), 'resources')
  // Loaded on first use, so a core that never analyses never reads the catalog.
  const catalog = () => loadCatalog(resourcesDir)
  // The credential catalog plans choose from, likewise read on the first plan.
  const credentials = () => loadCredentialCatalog(resourcesDir, new Set(catalog().skills.map((s) => s.id)))
  const analysis = createAnalysis({ db, catalog, now, credentials })
  // Fonts are read on the first render.
  const resume = createResumeService({
    db,
    analysis,
    profileName: () => portfolio.profile.get().fullName?.trim() || null,
    catalog,
    resourcesDir,
    now,
    ...(options.fontDirs ? { findFonts: createSystemFontFinder({ dirs: options.fontDirs }).find } : {}),
  })

  const handlers: Services = createHandlers({
    db,
    now,
    version,
    dbPath: options.dbPath,
    dataDir: options.dataDir,
    resourcesDir,
    catalog,
    portfolio,
    imports,
    originals: evidence,
    settings,
    analysis,
    resume,
    schemaVersion: () => schemaVersion(db),
    loadDemo: () => loadDemo(db, portfolio, now),
    trust,
    backups,
  })
  const services = readOnly ? refuseWrites(handlers, options.dbPath) : handlers

  /** In-process calls for the command line and tests: validated by the contract, failures thrown as AppError. */
  const call: Core['call'] = async (channel, input) => {
    const result = await dispatch(services, channel, input, log)
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues)
    return result.value as Output<typeof channel>
  }
  const { idle } = imports

  // The day's backup, after startup and in the background; a failure is logged, never shown as a crash.
  let closed = false
  const dailyTimer =
    options.dailyBackupAfterMs !== undefined && !readOnly
      ? setTimeout(() => {
          backups.daily().catch((error: unknown) => {
            if (!closed) log('The daily backup failed', error)
          })
        }, options.dailyBackupAfterMs)
      : undefined
  dailyTimer?.unref?.()
  const warmUpTimer = options.pdfWarmUpAfterMs !== undefined ? setTimeout(() => void warmUpPdfFonts(() => loadPdfFonts(resourcesDir)), options.pdfWarmUpAfterMs) : undefined
  warmUpTimer?.unref?.()

  const core: Core = {
    services,
    dispatch: (channel, raw) => dispatch(services, channel, raw, log),
    call,
    db,
    dbPath: options.dbPath,
    evidence,
    backupPath,
    backups,
    readOnly,
    idle,
    onImportProgress: (listener) => imports.onProgress(listener),
    close: () => {
      closed = true
      clearTimeout(dailyTimer)
      clearTimeout(warmUpTimer)
      // Terminating is asynchronous but immediate; idle workers never held the process open.
      void proofChecks?.close()
      if (db.open) db.close()
    },
  }
  return core
}

/** The channels that change the portfolio (or the data folder), by their verb. */
const WRITE_VERBS = new Set([
  'loadDemo', 'create', 'update', 'delete', 'merge', 'start', 'undo', 'verify', 'decide',
  'updateStep', 'swapStep', 'rename', 'reorder', 'markDone', 'markUndone', 'import', 'remove', 'pin', 'unpin', 'importRegistry', 'removeRegistry', 'resume', 'resolveConflict',
  // A JSON Resume preview is the import rolled back: it needs a writable portfolio too.
  'importJsonResume', 'previewJsonResume', 'importLinkedIn', 'previewLinkedIn', 'importAll',
  // A certificate PDF is read without writing (certificates:read); confirming saves it.
  'confirm',
  // The desktop shell records the expiry notifications it showed (reminders:noticed).
  'noticed',
])
export const isWriteChannel = (channel: string) => WRITE_VERBS.has(channel.slice(channel.indexOf(':') + 1))

/**
 * A read-only portfolio's services: changes are refused before they start (so an import
 * stores no original either), and anything that still reaches the read-only connection
 * with a write (SQLITE_READONLY) is refused the same way.
 */
function refuseWrites(services: Services, dbPath: string): Services {
  const refusal = () =>
    new AppError('READ_ONLY', `This portfolio is damaged, so Skillfolio opened it read-only and did not save the change. Restore a backup of ${dbPath} to make changes again.`)
  const readOnlyOr = (error: unknown) => (String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_READONLY') ? refusal() : error)
  const guarded: Record<string, (input: unknown) => unknown> = {}
  for (const [channel, run] of Object.entries(services) as Array<[string, (input: unknown) => unknown]>) {
    guarded[channel] = isWriteChannel(channel)
      ? () => {
          throw refusal()
        }
      : (input) => {
          // Sync services stay sync.
          try {
            const out = run(input)
            return out instanceof Promise ? out.catch((error: unknown) => Promise.reject(readOnlyOr(error))) : out
          } catch (error) {
            throw readOnlyOr(error)
          }
        }
  }
  return guarded as unknown as Services
}
