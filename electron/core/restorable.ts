/**
 * A core whose portfolio can be replaced by a backup while the app runs. Restoring needs the
 * portfolio closed (backup/restore.ts), so this wrapper holds the open core and swaps it: it
 * waits for calls in flight and running imports, closes the core, restores, and opens a new
 * one on the same file with the same options. Calls that arrive meanwhile wait for the swap;
 * import progress listeners carry over. Platform-free: the desktop shell and the browser-test
 * bridge use the same one.
 */
import { renameSync, rmSync, existsSync } from 'node:fs'
import type { RestoreResult } from '../shared/backup'
import { AppError } from '../shared/errors'
import type { ImportProgress } from '../shared/imports'
import { createCore, type Core, type CoreOptions } from './app'
import { restoreBackup } from './backup/restore'

export interface RestoreRequest {
  backupFile: string
  passphrase?: string
}

export interface RestorableCore extends Core {
  /**
   * Replaces the portfolio with the backup's content (verified fully first). Refused (AppError
   * in words) with the portfolio reopened untouched when the backup is wrong or damaged.
   */
  restore(request: RestoreRequest): Promise<RestoreResult>
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal']

export function createRestorableCore(options: CoreOptions): RestorableCore {
  let inner = createCore(options)
  let closed = false
  /** Set while a restore runs: every call waits for it. */
  let restoring: Promise<unknown> | null = null
  /** Calls running on the current core, which a restore lets finish first. */
  const inFlight = new Set<Promise<unknown>>()

  const listeners = new Set<(progress: ImportProgress) => void>()
  const relay = (progress: ImportProgress) => {
    for (const listener of listeners) listener(progress)
  }
  let unsubscribeInner = inner.onImportProgress(relay)

  /**
   * Runs `work` on the current core now, or after the restore that is running (and any that
   * follows it). Calls running when a restore starts are waited for before the core closes.
   */
  function whenFree<T>(work: () => Promise<T>): Promise<T> {
    if (restoring) return restoring.catch(() => undefined).then(() => whenFree(work))
    const running = work()
    inFlight.add(running)
    const forget = () => inFlight.delete(running)
    running.then(forget, forget)
    return running
  }

  function open(): void {
    if (closed) return // closed during the restore: the app is quitting
    inner = createCore(options)
    unsubscribeInner = inner.onImportProgress(relay)
  }

  /** The restored portfolio did not open: put the replaced one back where it was. */
  function putBack(keptAside: string | null): void {
    if (!keptAside) return
    for (const side of SIDE_FILES) {
      rmSync(options.dbPath + side, { force: true })
      if (existsSync(keptAside + side)) renameSync(keptAside + side, options.dbPath + side)
    }
  }

  async function swap(request: RestoreRequest): Promise<RestoreResult> {
    await Promise.allSettled([...inFlight])
    await inner.idle()
    unsubscribeInner()
    inner.close()
    let result: RestoreResult
    try {
      result = await restoreBackup({
        backupFile: request.backupFile,
        dbPath: options.dbPath,
        ...(request.passphrase !== undefined ? { passphrase: request.passphrase } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      })
    } catch (error) {
      // restoreBackup verifies before it touches anything: the old portfolio is as it was.
      open()
      throw error
    }
    try {
      open()
    } catch (error) {
      putBack(result.keptAside)
      open()
      const detail = error instanceof Error ? error.message : String(error)
      throw new AppError('DAMAGED', `The backup was verified but the restored portfolio did not open (${detail}). Your portfolio was put back as it was.`)
    }
    return result
  }

  const core: RestorableCore = {
    get services() {
      return inner.services
    },
    get db() {
      return inner.db
    },
    get dbPath() {
      return inner.dbPath
    },
    get evidence() {
      return inner.evidence
    },
    get backupPath() {
      return inner.backupPath
    },
    get backups() {
      return inner.backups
    },
    get readOnly() {
      return inner.readOnly
    },
    dispatch: (channel, raw) => whenFree(() => inner.dispatch(channel, raw)),
    call: (channel, input) => whenFree(() => inner.call(channel, input)),
    idle: () => whenFree(() => inner.idle()),
    onImportProgress(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    restore(request) {
      // One at a time: a second restore runs after the first. Set at once, so every call made
      // from here on waits for it.
      const previous = restoring
      const running = (async () => {
        if (previous) await previous.catch(() => undefined)
        if (closed) throw new AppError('INTERNAL', 'Skillfolio is closing; nothing was restored.')
        return swap(request)
      })()
      restoring = running
      const done = () => {
        if (restoring === running) restoring = null
      }
      running.then(done, done)
      return running
    },
    close() {
      closed = true
      unsubscribeInner()
      inner.close()
    },
  }
  return core
}
