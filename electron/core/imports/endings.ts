/**
 * How a batch ends, also when the portfolio will not take the last writes. Every file not
 * written is failed with the reason the batch stopped, and the state is set, in one
 * transaction. When that cannot be written (the disk is full), the state alone is (reports
 * count the files without an item as failed, with the stop reason); when not even that, this
 * program keeps the end in memory, reports from it, and writes it at the next call that can
 * (else the next open finds the batch no longer running and interrupts it).
 */
import type { Db } from '../db/open'
import type { ImportReport } from '../../shared/imports'
import type { Logger } from '../log'
import { endState, unreadReason, type BatchStore, type LiveState, type Settlement } from './batches'
import { notSavedBecause, withBusyRetry } from './storage-problems'

export function createBatchEndings(db: Db, batches: BatchStore, log: Logger) {
  const unwritten = new Map<number, Settlement & { total: number }>()
  /** The names of those batches' files (the file list may not have been written either). */
  const unwrittenNames = new Map<number, readonly string[]>()

  /** Writes the ends kept in memory. Tried without waiting for a lock, so a call that reads is never held up. */
  function writeKept(): void {
    if (unwritten.size === 0 || db.readonly || !db.open) return
    const timeout = db.pragma('busy_timeout', { simple: true }) as number
    db.pragma('busy_timeout = 0')
    try {
      for (const [batchId, end] of unwritten) {
        const names = unwrittenNames.get(batchId) ?? []
        db.transaction(() => {
          batches.setTotal(batchId, end.total)
          batches.failUnrecorded(batchId, end.total, unreadReason(end.state, end.stopReason), (position) => names[position])
          batches.settle(batchId, end)
        })()
        unwritten.delete(batchId)
        unwrittenNames.delete(batchId)
      }
    } catch {
      // Still not writable: kept for the next call.
    } finally {
      db.pragma(`busy_timeout = ${timeout}`)
    }
  }

  return {
    /** What this program knows of a batch's end beyond the database. */
    kept: (batchId: number): Pick<LiveState, 'settled' | 'names'> => ({ settled: unwritten.get(batchId), names: unwrittenNames.get(batchId) }),
    writeKept,

    /** Ends a batch of `names.length` files; `stop` says why it stopped early (null: it did not). */
    async finish(batchId: number, names: readonly string[], stop: string | null, finishedAt: string): Promise<void> {
      const total = names.length
      const stateOf = (counts: ImportReport['counts']) =>
        stop !== null && counts.imported + counts.updated + counts.duplicate === 0 ? 'failed' : endState(counts)
      try {
        await withBusyRetry(() =>
          db.transaction(() => {
            batches.setTotal(batchId, total)
            if (stop !== null) batches.failUnrecorded(batchId, total, notSavedBecause(stop), (position) => names[position])
            batches.settle(batchId, { state: stateOf(batches.recordedCounts(batchId)), finishedAt, stopReason: stop })
          })(),
        )
        return
      } catch (error) {
        log(`Recording how import batch ${batchId} ended failed`, error)
      }
      let end: Settlement
      try {
        const counts = batches.recordedCounts(batchId)
        counts.failed += Math.max(0, total - (counts.imported + counts.updated + counts.duplicate + counts.failed))
        end = { state: stateOf(counts), finishedAt, stopReason: stop }
      } catch {
        end = { state: 'failed', finishedAt, stopReason: stop }
      }
      try {
        await withBusyRetry(() =>
          db.transaction(() => {
            batches.setTotal(batchId, total)
            batches.settle(batchId, end)
          })(),
        )
      } catch (error) {
        log(`Recording the state of import batch ${batchId} failed`, error)
        unwritten.set(batchId, { ...end, total })
        unwrittenNames.set(batchId, names)
      }
    },
  }
}
