import type { Db } from '../db/open'
import type { ImportItem, ImportReport } from '../../shared/imports'
import { notFound } from '../../shared/errors'
import { toPublicId } from '../portfolio/ids'
import { parseJsonArray } from '../portfolio/text'

interface BatchRow {
  id: number
  source: ImportReport['origin']
  started_at: string
  finished_at: string | null
  total: number
  undone_at: string | null
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
}

/** The import_batch / import_item tables: recording per-file outcomes and reading reports back. */
export function createBatchStore(db: Db) {
  const insertBatch = db.prepare('INSERT INTO import_batch (source, started_at) VALUES (?, ?)')
  const setTotal = db.prepare('UPDATE import_batch SET total = ? WHERE id = ?')
  const finish = db.prepare('UPDATE import_batch SET finished_at = ? WHERE id = ?')
  const markUndone = db.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ?')
  const batchById = db.prepare<[number], BatchRow>('SELECT * FROM import_batch WHERE id = ?')
  const recent = db.prepare<[number], BatchRow>('SELECT * FROM import_batch ORDER BY id DESC LIMIT ?')
  const itemsOf = db.prepare<[number], ItemRow>('SELECT * FROM import_item WHERE batch_id = ? ORDER BY position')
  const countsOf = db.prepare<[number], { outcome: ImportItem['outcome']; n: number }>(
    'SELECT outcome, count(*) AS n FROM import_item WHERE batch_id = ? GROUP BY outcome',
  )
  const insertItem = db.prepare(
    `INSERT INTO import_item (batch_id, position, file_name, outcome, credential_id, title, reason, warnings, previous)
     VALUES (@batchId, @position, @fileName, @outcome, @credentialId, @title, @reason, @warnings, @previous)`,
  )

  function requireBatch(batchId: number): BatchRow {
    const row = batchById.get(batchId)
    if (!row) throw notFound(`There is no import batch ${batchId}.`)
    return row
  }

  function summary(row: BatchRow, processed: number | null): Omit<ImportReport, 'items'> {
    const counts = { imported: 0, updated: 0, duplicate: 0, failed: 0 }
    for (const c of countsOf.all(row.id)) counts[c.outcome] = c.n
    const recorded = counts.imported + counts.updated + counts.duplicate + counts.failed
    return {
      batchId: row.id,
      state: row.undone_at ? 'undone' : row.finished_at ? 'done' : 'running',
      origin: row.source,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      total: row.total,
      processed: processed ?? recorded,
      counts,
    }
  }

  return {
    create: (origin: ImportReport['origin'], at: string) => Number(insertBatch.run(origin, at).lastInsertRowid),
    setTotal: (batchId: number, total: number) => setTotal.run(total, batchId),
    finish: (batchId: number, at: string) => finish.run(at, batchId),
    markUndone: (batchId: number, at: string) => markUndone.run(at, batchId),
    requireBatch,
    record(item: { batchId: number; position: number; fileName: string; outcome: ImportItem['outcome']; credentialId: number | null; title: string | null; reason: string | null; warnings: string[]; previous?: unknown }) {
      insertItem.run({ ...item, warnings: JSON.stringify(item.warnings), previous: item.previous === undefined ? null : JSON.stringify(item.previous) })
    },
    rawItems: (batchId: number) => itemsOf.all(batchId),
    report(batchId: number, processed: number | null = null): ImportReport {
      const row = requireBatch(batchId)
      const items = itemsOf.all(batchId).map(
        (r): ImportItem => ({
          position: r.position,
          fileName: r.file_name,
          outcome: r.outcome,
          credentialId: r.credential_id === null ? null : toPublicId('credential', r.credential_id),
          title: r.title,
          reason: r.reason,
          warnings: parseJsonArray<string>(r.warnings),
        }),
      )
      return { ...summary(row, processed), items }
    },
    recent: (limit: number, processedOf: (id: number) => number | null) => recent.all(limit).map((r) => summary(r, processedOf(r.id))),
  }
}
export type BatchStore = ReturnType<typeof createBatchStore>
