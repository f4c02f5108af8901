import type { Db } from '../db/open'
import type { ImportItem, ImportReport, ImportState } from '../../shared/imports'
import type { Trust } from '../../shared/schemas'
import { notFound } from '../../shared/errors'
import { toPublicId } from '../portfolio/ids'
import { parseJsonArray } from '../portfolio/text'
import { notSavedBecause } from './storage-problems'

/** What the database keeps of a batch's state (`undone` is its own column). */
export type StoredState = Exclude<ImportState, 'undone'>

export interface BatchRow {
  id: number
  source: ImportReport['origin']
  started_at: string
  finished_at: string | null
  total: number
  undone_at: string | null
  state: StoredState
  stop_reason: string | null
  owner_pid: number | null
  owner_host: string | null
  owner_boot: number | null
  sources: string
  resumed_from: number | null
}
interface ItemRow {
  position: number
  file_name: string
  outcome: ImportItem['outcome']
  credential_id: number | null
  title: string | null
  reason: string | null
  warnings: string
  previous: string | null
  trust: Trust | null
  headline: string | null
  unprocessed: number
}

/** The program running a batch, so another program opening the portfolio can tell whether it still runs. */
export interface BatchOwner {
  pid: number
  host: string
  /** When the computer started, in seconds since 1970 (a restart ends every program). */
  boot: number
}

/** A source as kept with the batch: paths as given, file contents by name only. */
export type KeptSource = { path: string } | { name: string }

/** How a batch ended: its state, when, and why it stopped before its last file (null: it did not). */
export interface Settlement {
  state: Exclude<StoredState, 'running'>
  finishedAt: string
  stopReason: string | null
}

/** What only the running program knows of a batch. */
export interface LiveState {
  processed?: number | undefined
  /** How it ended, with its total, when neither could be written. */
  settled?: (Settlement & { total: number }) | undefined
  /** Then also its files' names (the file list may not have been written either). */
  names?: readonly string[] | undefined
}

export const INTERRUPTED_REASON = 'The import was interrupted (Skillfolio or the computer stopped) before this file was read.'

/** Why a file of a batch that stopped early was not imported. */
export function unreadReason(state: StoredState, stopReason: string | null): string {
  return state === 'interrupted' || !stopReason ? INTERRUPTED_REASON : notSavedBecause(stopReason)
}

/** The state a finished batch's counts give it. */
export function endState(counts: ImportReport['counts']): Exclude<StoredState, 'running' | 'interrupted'> {
  const handled = counts.imported + counts.updated + counts.duplicate
  if (counts.failed === 0) return 'done'
  return handled === 0 ? 'failed' : 'partial'
}

/** The import_batch / import_file / import_item tables: recording per-file outcomes and reading reports back. */
export function createBatchStore(db: Db) {
  const insertBatch = db.prepare(
    `INSERT INTO import_batch (source, started_at, state, owner_pid, owner_host, owner_boot, sources, resumed_from)
     VALUES (@origin, @at, 'running', @pid, @host, @boot, @sources, @resumedFrom)`,
  )
  const insertFile = db.prepare('INSERT OR IGNORE INTO import_file (batch_id, position, file_name, path) VALUES (?, ?, ?, ?)')
  const setTotal = db.prepare('UPDATE import_batch SET total = ? WHERE id = ?')
  const settle = db.prepare(`UPDATE import_batch SET state = @state, finished_at = @finishedAt, stop_reason = @stopReason WHERE id = @id`)
  const markUndone = db.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ?')
  const batchById = db.prepare<[number], BatchRow>('SELECT * FROM import_batch WHERE id = ?')
  const recent = db.prepare<[number], BatchRow>('SELECT * FROM import_batch ORDER BY id DESC LIMIT ?')
  const running = db.prepare<[], BatchRow>(`SELECT * FROM import_batch WHERE state = 'running'`)
  const resumedBy = db.prepare<[number], { id: number }>('SELECT id FROM import_batch WHERE resumed_from = ? ORDER BY id LIMIT 1')
  const itemsOf = db.prepare<[number], ItemRow>('SELECT * FROM import_item WHERE batch_id = ? ORDER BY position')
  const countsOf = db.prepare<[number], { outcome: ImportItem['outcome']; n: number }>(
    'SELECT outcome, count(*) AS n FROM import_item WHERE batch_id = ? GROUP BY outcome',
  )
  const filesOf = db.prepare<[number], { position: number; file_name: string; path: string | null }>(
    'SELECT position, file_name, path FROM import_file WHERE batch_id = ? ORDER BY position',
  )
  const insertItem = db.prepare(
    `INSERT INTO import_item (batch_id, position, file_name, outcome, credential_id, title, reason, warnings, previous, trust, headline, unprocessed)
     VALUES (@batchId, @position, @fileName, @outcome, @credentialId, @title, @reason, @warnings, @previous, @trust, @headline, @unprocessed)`,
  )
  const failUnrecorded = db.prepare(
    `INSERT INTO import_item (batch_id, position, file_name, outcome, reason, unprocessed)
     SELECT f.batch_id, f.position, f.file_name, 'failed', @reason, 1 FROM import_file f
     WHERE f.batch_id = @batchId AND NOT EXISTS (SELECT 1 FROM import_item i WHERE i.batch_id = f.batch_id AND i.position = f.position)`,
  )
  const insertUnprocessed = db.prepare(
    `INSERT OR IGNORE INTO import_item (batch_id, position, file_name, outcome, reason, unprocessed) VALUES (?, ?, ?, 'failed', ?, 1)`,
  )
  const recordedPositions = db.prepare<[number], number>('SELECT position FROM import_item WHERE batch_id = ?').pluck()
  // Listed files the batch never got to: failed as unprocessed, or without an item at all (the
  // failures could not be written).
  const unprocessedOf = db.prepare<[number], { position: number; file_name: string; path: string | null }>(
    `SELECT f.position, f.file_name, f.path FROM import_file f LEFT JOIN import_item i ON i.batch_id = f.batch_id AND i.position = f.position
     WHERE f.batch_id = ? AND (i.position IS NULL OR i.unprocessed = 1) ORDER BY f.position`,
  )

  function requireBatch(batchId: number): BatchRow {
    const row = batchById.get(batchId)
    if (!row) throw notFound(`There is no import batch ${batchId}.`)
    return row
  }

  /**
   * Positions of a finished batch that have no item (the failures could not be written, or a
   * batch from before file lists were kept): reported as failed with the batch's stop reason.
   */
  function missingItems(batchId: number, total: number, recorded: readonly ItemRow[], reason: string, liveNames: readonly string[] = []): ItemRow[] {
    const have = new Set(recorded.map((r) => r.position))
    const names = new Map(liveNames.map((name, position) => [position, name]))
    for (const f of filesOf.all(batchId)) names.set(f.position, f.file_name)
    const out: ItemRow[] = []
    for (let position = 0; position < total; position++) {
      if (have.has(position)) continue
      out.push({
        position, file_name: names.get(position) ?? `file ${position + 1}`, outcome: 'failed', credential_id: null, title: null,
        reason, warnings: '[]', previous: null, trust: null, headline: null, unprocessed: 1,
      })
    }
    return out
  }

  function recordedCounts(batchId: number): ImportReport['counts'] {
    const counts = { imported: 0, updated: 0, duplicate: 0, failed: 0 }
    for (const c of countsOf.all(batchId)) counts[c.outcome] = c.n
    return counts
  }

  function summary(row: BatchRow, live: LiveState | undefined): Omit<ImportReport, 'items'> & { missing: number } {
    // The database may lag behind this program when its last writes failed (the disk is full).
    const settled = row.state === 'running' ? live?.settled : undefined
    const state: StoredState = settled?.state ?? row.state
    const stopReason = settled ? settled.stopReason : row.stop_reason
    const total = settled ? Math.max(settled.total, row.total) : row.total
    const counts = recordedCounts(row.id)
    const recorded = counts.imported + counts.updated + counts.duplicate + counts.failed
    // Every file of a finished batch is accounted for, written down or not.
    const missing = state === 'running' ? 0 : Math.max(0, total - recorded)
    counts.failed += missing
    return {
      batchId: row.id,
      state: row.undone_at ? 'undone' : state,
      origin: row.source,
      startedAt: row.started_at,
      finishedAt: settled?.finishedAt ?? row.finished_at,
      total,
      processed: state === 'running' ? (live?.processed ?? recorded) : recorded + missing,
      counts,
      stopReason,
      resumedFrom: row.resumed_from,
      resumedBy: resumedBy.get(row.id)?.id ?? null,
      missing,
    }
  }

  const toItem = (r: ItemRow): ImportItem => ({
    position: r.position,
    fileName: r.file_name,
    outcome: r.outcome,
    credentialId: r.credential_id === null ? null : toPublicId('credential', r.credential_id),
    title: r.title,
    reason: r.reason,
    warnings: parseJsonArray<string>(r.warnings),
    trust: r.trust,
    headline: r.headline,
  })

  return {
    create(batch: { origin: ImportReport['origin']; at: string; owner: BatchOwner; sources: readonly KeptSource[]; resumedFrom: number | null }): number {
      const { origin, at, owner, sources, resumedFrom } = batch
      return Number(insertBatch.run({ origin, at, pid: owner.pid, host: owner.host, boot: owner.boot, sources: JSON.stringify(sources), resumedFrom }).lastInsertRowid)
    },
    /** Keeps the expanded file list (path per position) and the total, in one transaction. */
    setFiles(batchId: number, files: ReadonlyArray<{ name: string; path: string | null }>): void {
      db.transaction(() => {
        files.forEach((f, position) => insertFile.run(batchId, position, f.name, f.path))
        setTotal.run(files.length, batchId)
      })()
    },
    /** Only the total (when the file list could not be written). */
    setTotal: (batchId: number, total: number) => setTotal.run(total, batchId),
    settle: (batchId: number, s: Settlement) => settle.run({ id: batchId, ...s }),
    markUndone: (batchId: number, at: string) => markUndone.run(at, batchId),
    requireBatch,
    running: () => running.all(),
    resumedBy: (batchId: number) => resumedBy.get(batchId)?.id ?? null,
    keptSources: (row: BatchRow) => parseJsonArray<KeptSource>(row.sources),
    record(item: {
      batchId: number; position: number; fileName: string; outcome: ImportItem['outcome']; credentialId: number | null; title: string | null
      reason: string | null; warnings: string[]; previous?: unknown; trust?: Trust | null; headline?: string | null
    }) {
      insertItem.run({
        ...item,
        warnings: JSON.stringify(item.warnings),
        previous: item.previous === undefined ? null : JSON.stringify(item.previous),
        trust: item.trust ?? null,
        headline: item.headline ?? null,
        unprocessed: 0,
      })
    },
    /**
     * Records every position without an item as failed and never processed, with `reason`.
     * Positions missing from the file list (it could not be written) are named by `nameOf`.
     */
    failUnrecorded(batchId: number, total: number, reason: string, nameOf: (position: number) => string | undefined = () => undefined): void {
      failUnrecorded.run({ batchId, reason })
      const have = new Set(recordedPositions.all(batchId))
      for (let position = 0; position < total; position++)
        if (!have.has(position)) insertUnprocessed.run(batchId, position, nameOf(position) ?? `file ${position + 1}`, reason)
    },
    /** Files failed because the batch stopped before them, with their path when they came from disk. */
    unprocessed: (batchId: number) => unprocessedOf.all(batchId),
    rawItems: (batchId: number) => itemsOf.all(batchId),
    recordedCounts,
    /** Where a batch stands, as its report says, without reading its items (progress events). */
    progress(batchId: number, live?: LiveState): Omit<ImportReport, 'items'> {
      return withoutMissing(summary(requireBatch(batchId), live))
    },
    report(batchId: number, live?: LiveState): ImportReport {
      const row = requireBatch(batchId)
      const { missing, ...head } = summary(row, live)
      const recorded = itemsOf.all(batchId)
      if (missing === 0) return { ...head, items: recorded.map(toItem) }
      const reason = unreadReason(live?.settled?.state ?? row.state, head.stopReason)
      const all = [...recorded, ...missingItems(batchId, head.total, recorded, reason, live?.names)].sort((a, b) => a.position - b.position)
      return { ...head, items: all.map(toItem) }
    },
    recent: (limit: number, liveOf: (id: number) => LiveState | undefined): Array<Omit<ImportReport, 'items'>> =>
      recent.all(limit).map((r) => withoutMissing(summary(r, liveOf(r.id)))),
  }
}
export type BatchStore = ReturnType<typeof createBatchStore>

function withoutMissing<T extends { missing: number }>(summary: T): Omit<T, 'missing'> {
  const { missing, ...rest } = summary
  void missing
  return rest
}
