/**
 * The only reader of `window.skillfolio` (the preload bridge in the desktop app, an HTTP
 * forwarder in the browser tests) and of `window.skillfolioFiles` (the shell's own calls).
 * Every call answers a Result envelope; `call` unwraps it into the value or throws an ApiError
 * that carries the error code and the field issues. `savePdf` and `openSaved` are the shell's
 * own calls (native save dialog, open a saved file); `importFiles` and `chooseImport` import
 * files the person dropped or picked (the page never learns or sends a path), and
 * `onImportProgress` follows every batch without polling. Backups (Settings → Backups) and the
 * share bundle are the shell's too: a backup is named by a BackupRef, never a path.
 */
import type {
  Api,
  BackupEntry,
  BackupFilesApi,
  BackupRef,
  BackupSummary,
  Channel,
  ChooseImportKind,
  ErrorCode,
  FieldIssue,
  ImportFilesApi,
  ImportFilesOrigin,
  ImportFilesResult,
  ImportProgress,
  Input,
  OpenedCertificate,
  OpenedFilesApi,
  Output,
  RestoreResult,
  Result,
  SaveFilesApi,
  SavePdfRequest,
  SavePdfResult,
  SaveShareResult,
  ShareFilesApi,
} from './shared'

/**
 * What the preload exposes as `window.skillfolioFiles` (see electron/preload/index.ts); the
 * browser-test bridge installs its own, so every member is checked before use.
 */
type ShellFiles = SaveFilesApi & ImportFilesApi<File> & BackupFilesApi & ShareFilesApi & OpenedFilesApi
type FilesApi = Partial<ShellFiles>

declare global {
  interface Window {
    skillfolio?: Api
    skillfolioFiles?: FilesApi
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode | 'NO_BRIDGE' | 'TRANSPORT'
  readonly issues: FieldIssue[]
  constructor(code: ApiError['code'], message: string, issues: FieldIssue[] = []) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.issues = issues
  }
}

function bridge(): Api {
  const api = window.skillfolio
  if (!api) throw new ApiError('NO_BRIDGE', 'Skillfolio could not reach its data. Restart the app.')
  return api
}

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const fn = bridge()[channel] as unknown as (input: Input<C>) => Promise<Result<Output<C>>>
  let result: Result<Output<C>>
  try {
    result = await fn(input)
  } catch {
    throw new ApiError('TRANSPORT', 'Skillfolio could not reach its data. Try again.')
  }
  if (result.ok) return result.value
  throw new ApiError(result.error.code, result.error.message, result.error.issues ?? [])
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new ApiError(result.error.code, result.error.message, result.error.issues ?? [])
}

function files(): SaveFilesApi {
  const api = window.skillfolioFiles
  const save = api?.savePdf
  const open = api?.openSaved
  if (!api || !save || !open) throw new ApiError('NO_BRIDGE', 'Saving files is not available in this window. Restart the app.')
  return { savePdf: (request) => save.call(api, request), openSaved: (path) => open.call(api, path) }
}

/**
 * Asks the shell to save a resume or a gap report (PDF or Word), the JSON Resume export
 * (`{ kind: 'json-resume' }`) or the full export ZIP (`{ kind: 'full-export' }`): it renders
 * through the core, shows the save dialog and writes the file. `{ saved: false }` when the
 * person cancelled.
 */
export async function savePdf(request: SavePdfRequest): Promise<SavePdfResult> {
  const api = files()
  let result: Result<SavePdfResult>
  try {
    result = await api.savePdf(request)
  } catch {
    throw new ApiError('TRANSPORT', 'The file could not be saved. Try again.')
  }
  return unwrap(result)
}

/** Opens a file the shell saved in this session (with the system's PDF viewer). */
export async function openSaved(path: string): Promise<void> {
  const api = files()
  let result: Result<{ opened: true }>
  try {
    result = await api.openSaved(path)
  } catch {
    throw new ApiError('TRANSPORT', 'The file could not be opened. Try again.')
  }
  unwrap(result)
}

/**
 * Imports files the person dropped, pasted or chose: the shell turns each File into its path on
 * disk (or reads its contents when it has none) and starts one batch.
 */
export async function importFiles(list: readonly File[], origin: ImportFilesOrigin): Promise<ImportFilesResult> {
  const api = window.skillfolioFiles
  const run = api?.importFiles
  if (!api || !run) throw new ApiError('NO_BRIDGE', 'Importing is not available in this window. Restart the app.')
  let result: Result<ImportFilesResult>
  try {
    result = await run.call(api, [...list], origin)
  } catch {
    throw new ApiError('TRANSPORT', 'The files could not be handed over. Try again.')
  }
  return unwrap(result)
}

/** The system's open dialog; what is picked is imported by the shell. `batchId: null` when cancelled. */
export async function chooseImport(kind: ChooseImportKind): Promise<ImportFilesResult> {
  const api = window.skillfolioFiles
  const run = api?.chooseImport
  if (!api || !run) throw new ApiError('NO_BRIDGE', 'Choosing files is not available in this window. Restart the app.')
  let result: Result<ImportFilesResult>
  try {
    result = await run.call(api, kind)
  } catch {
    throw new ApiError('TRANSPORT', 'The file chooser could not be opened. Try again.')
  }
  return unwrap(result)
}

/** Calls `listener` with every import batch's progress; returns the unsubscribe (a no-op without a shell). */
export function onImportProgress(listener: (progress: ImportProgress) => void): () => void {
  const api = window.skillfolioFiles
  const on = api?.onImportProgress
  if (!api || !on) return () => {}
  try {
    return on.call(api, listener)
  } catch {
    return () => {}
  }
}

/**
 * Runs one of the shell's calls: NO_BRIDGE when this window has none, TRANSPORT when the call
 * itself fails, an ApiError with the shell's words when it answers an error.
 */
async function shellCall<K extends keyof ShellFiles, T>(name: K, unavailable: string, failed: string, run: (fn: ShellFiles[K]) => Promise<Result<T>>): Promise<T> {
  const api = window.skillfolioFiles
  const fn = api?.[name]
  if (!api || typeof fn !== 'function') throw new ApiError('NO_BRIDGE', `${unavailable} is not available in this window. Restart the app.`)
  let result: Result<T>
  try {
    result = await run((fn as (...args: unknown[]) => unknown).bind(api) as ShellFiles[K])
  } catch {
    throw new ApiError('TRANSPORT', failed)
  }
  return unwrap(result)
}

/**
 * The system's open dialog for a backup file anywhere: what its header says (no passphrase
 * needed) and a ticket to name it by (`{ ticket }` as a BackupRef). null when cancelled.
 */
export function chooseBackup(): Promise<{ ticket: string; entry: BackupEntry } | null> {
  return shellCall('chooseBackup', 'Choosing a backup', 'The file chooser could not be opened. Try again.', (fn) => fn())
}

/** Checks a backup fully (passphrase, hashes, integrity, schema) and says what it holds; changes nothing. */
export function inspectBackup(ref: BackupRef, passphrase?: string): Promise<BackupSummary> {
  return shellCall('inspectBackup', 'Checking backups', 'The backup could not be checked. Try again.', (fn) => fn(ref, passphrase))
}

/**
 * Replaces the open portfolio with the backup (after checking it fully); the replaced one is
 * kept aside (`keptAside`). Reload every piece of data afterwards.
 */
export function restoreBackup(ref: BackupRef, passphrase?: string): Promise<RestoreResult> {
  return shellCall('restoreBackup', 'Restoring backups', 'The backup could not be restored. Try again.', (fn) => fn(ref, passphrase))
}

/** The system's folder dialog; the folder picked becomes where backups go. null when cancelled. */
export function chooseBackupFolder(): Promise<{ folder: string } | null> {
  return shellCall('chooseBackupFolder', 'Choosing the backups folder', 'The folder chooser could not be opened. Try again.', (fn) => fn())
}

/** What saveShareBundle takes: the chosen credentials and projects. */
export type ShareBundleRequest = Parameters<ShareFilesApi['saveShareBundle']>[0]

/**
 * Builds the verification bundle and saves it into a new folder inside the one the person
 * picks; `index` is its index.html, which openSaved may open. `{ saved: false }` when cancelled.
 */
export function saveShareBundle(input: ShareBundleRequest): Promise<SaveShareResult> {
  return shellCall('saveShareBundle', 'Saving for an employer', 'The files could not be saved. Try again.', (fn) => fn(input))
}

/** Certificate PDFs opened with Skillfolio since the last call, each named by a ticket (none without a shell). */
export async function takeOpenedCertificates(): Promise<OpenedCertificate[]> {
  if (typeof window.skillfolioFiles?.takeOpenedCertificates !== 'function') return []
  return shellCall('takeOpenedCertificates', 'Opening files', 'The opened files could not be handed over. Try again.', (fn) => fn())
}

/** The bytes of a certificate PDF opened with Skillfolio, by the ticket main gave for it. */
export function readOpenedCertificate(ticket: string): Promise<Uint8Array> {
  return shellCall('readOpenedCertificate', 'Reading opened files', 'The file could not be read. Try again.', (fn) => fn(ticket))
}

/** Calls `listener` when files were opened with Skillfolio; returns the unsubscribe (a no-op without a shell). */
export function onCertificatesOpened(listener: () => void): () => void {
  const api = window.skillfolioFiles
  const on = api?.onCertificatesOpened
  if (!api || !on) return () => {}
  try {
    return on.call(api, listener)
  } catch {
    return () => {}
  }
}

/** A sentence for a toast or a banner, without codes or stack traces. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NOT_FOUND') return error.message || 'That item no longer exists.'
    if (error.code === 'BAD_INPUT' && error.issues.length) {
      const first = error.issues[0]!
      return first.path ? `${first.path}: ${first.message}` : first.message
    }
    return error.message
  }
  return 'Something went wrong. Try again.'
}
