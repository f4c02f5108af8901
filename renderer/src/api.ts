/**
 * The only reader of `window.skillfolio` (the preload bridge in the desktop app, an HTTP
 * forwarder in the browser tests) and of `window.skillfolioFiles` (dropped file -> disk path,
 * desktop app only). Every call answers a Result envelope; `call` unwraps it into the value
 * or throws an ApiError that carries the error code and the field issues. `savePdf` and
 * `openSaved` are the shell's own calls (native save dialog, open a saved file).
 */
import type { Api, Channel, ErrorCode, FieldIssue, Input, Output, Result, SaveFilesApi, SavePdfRequest, SavePdfResult } from './shared'

/**
 * What the preload exposes as `window.skillfolioFiles` (see electron/preload/index.ts); the
 * browser-test bridge installs only part of it, so every member is checked before use.
 */
interface FilesApi extends Partial<SaveFilesApi> {
  getPathForFile?(file: File): string
}

declare global {
  interface Window {
    skillfolio?: Api
    skillfolioFiles?: FilesApi
  }
}

/**
 * The disk path of a dropped or chosen file in the desktop app; '' when there is none (files
 * built in JavaScript, the browser tests, a bridge without the files API).
 */
export function filePathOf(file: File): string {
  try {
    return window.skillfolioFiles?.getPathForFile?.(file) ?? ''
  } catch {
    return ''
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
 * Asks the shell to save a resume or a gap report: it shows the save dialog, renders the PDF
 * through the core and writes it. `{ saved: false }` when the person cancelled.
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
