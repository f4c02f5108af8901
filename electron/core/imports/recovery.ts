/**
 * Batches whose program died. A batch stays `running` in the database when the program
 * running it stopped (killed, crashed, the computer lost power). When a portfolio is opened,
 * such batches are marked `interrupted` and every file they never wrote is recorded as failed,
 * so the report accounts for every file and the batch can be undone or resumed.
 *
 * "Its program died" must be sure: the desktop app and `skillfolio` commands open the same
 * portfolio at the same time, and an import another program is running must be left alone. A
 * batch records its owner (process id, computer, boot time); it is still running when it is
 * run by a core of this process on this file, or by a live process on this computer since it
 * last started. (SQLite's WAL needs one computer's shared memory, so another computer's batch
 * cannot be running alongside.)
 */
import { hostname, uptime } from 'node:os'
import { resolve } from 'node:path'
import type { Db } from '../db/open'
import type { Logger } from '../log'
import { endState, INTERRUPTED_REASON, type BatchOwner, type BatchRow, type BatchStore } from './batches'

/** What a batch's stop reason says when its program died. */
export const INTERRUPTED_STOP = 'the import was interrupted (Skillfolio or the computer stopped)'

/** Two readings of the boot time differ by the clock's adjustments; a restart moves it by far more. */
const BOOT_TOLERANCE_S = 120

export function currentOwner(): BatchOwner {
  return { pid: process.pid, host: hostname(), boot: Math.round(Date.now() / 1000 - uptime()) }
}

/** Batches running in this process, per database file, with the connection running each. */
const runningHere = new Map<string, Map<number, Db>>()
const fileKey = (db: Db) => resolve(db.name)

/** Notes that a core of this process runs `batchId` on `db` until `release`. */
export function claimBatch(db: Db, batchId: number): void {
  const key = fileKey(db)
  let batches = runningHere.get(key)
  if (!batches) runningHere.set(key, (batches = new Map()))
  batches.set(batchId, db)
}

export function releaseBatch(db: Db, batchId: number): void {
  const key = fileKey(db)
  runningHere.get(key)?.delete(batchId)
  if (runningHere.get(key)?.size === 0) runningHere.delete(key)
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the program that started a batch may still be running it. */
export function stillRunning(db: Db, row: Pick<BatchRow, 'id' | 'owner_pid' | 'owner_host' | 'owner_boot'>, me: BatchOwner = currentOwner()): boolean {
  // A core of this process on this file: running until that core finishes it or is closed.
  if (runningHere.get(fileKey(db))?.get(row.id)?.open) return true
  if (row.owner_pid === null || row.owner_host !== me.host || row.owner_pid === me.pid) return false
  if (row.owner_boot === null || Math.abs(row.owner_boot - me.boot) > BOOT_TOLERANCE_S) return false
  return pidAlive(row.owner_pid)
}

/**
 * Marks every running batch whose program died as interrupted (or, when it had written every
 * file and only its last step was lost, as the state its items give). When the failures cannot
 * be written (the disk is full), the state alone is; reports count unwritten positions as failed.
 */
export function interruptAbandoned(db: Db, batches: BatchStore, at: string, log: Logger): void {
  if (db.readonly) return
  let abandoned: BatchRow[]
  try {
    abandoned = batches.running().filter((row) => !stillRunning(db, row))
  } catch (error) {
    log('Looking for interrupted imports failed', error)
    return
  }
  for (const { id } of abandoned) {
    try {
      db.transaction(() => {
        const row = batches.requireBatch(id)
        if (row.state !== 'running') return // another program got here first
        const counts = batches.recordedCounts(id)
        const recorded = counts.imported + counts.updated + counts.duplicate + counts.failed
        if (row.total > 0 && recorded >= row.total) {
          batches.settle(id, { state: endState(counts), finishedAt: at, stopReason: null })
          return
        }
        batches.failUnrecorded(id, row.total, INTERRUPTED_REASON)
        batches.settle(id, { state: 'interrupted', finishedAt: at, stopReason: INTERRUPTED_STOP })
      })()
    } catch (error) {
      log(`Marking import batch ${id} as interrupted failed`, error)
      try {
        batches.settle(id, { state: 'interrupted', finishedAt: at, stopReason: INTERRUPTED_STOP })
      } catch {
        // Still running in the file: the next open tries again.
      }
    }
  }
}
