/**
 * Writes an imported taxonomy (ESCO, O*NET or a pack) into the taxonomy_* tables of
 * migration 0005, never touching the user's own `skill` table.
 *
 * A long import streams its rows in batches, each batch one short transaction, into a
 * *staging* source (a taxonomy_source row whose name starts with STAGING_PREFIX). Only when
 * everything has been read does one transaction delete the previous import of the same
 * source (same kind and name) and rename the staging row to the real name. So a failed or
 * interrupted import leaves the previous one intact, readers never see half an import under
 * the real name, and the window stays responsive between batches.
 */
import { randomUUID } from 'node:crypto'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open'
import type { TaxonomyImportResult, TaxonomyKind, TaxonomySource } from '../../shared/analysis'
import { skillKey } from '../skills/key'

export type { TaxonomyImportResult, TaxonomyKind, TaxonomySource }

/** Names of sources still being imported start with this; ignore such rows when reading. */
export const STAGING_PREFIX = '~importing~'

export interface TaxonomyImportProgress {
  kind: TaxonomyKind
  /** What is being read: 'skills', 'occupations', 'relations', 'alternate-titles', …; then 'commit' and finally 'done'. */
  phase: string
  /** The file being read (its base name), when there is one. */
  file: string | null
  /** Rows read so far in this phase. */
  rows: number
  /** Overall fraction done, 0..1 (by bytes of the files read). */
  fraction: number
}

export interface TaxonomyImportOptions {
  /** Called after every batch; keep it cheap. */
  onProgress?: (progress: TaxonomyImportProgress) => void
  /** Clock for imported_at. */
  now?: () => Date
  /** Version to record (ESCO files do not carry one), e.g. "1.1.1". */
  version?: string | null
  /** Aborts the import between batches; the previous import stays intact. */
  signal?: AbortSignal
}

export interface SkillRow {
  externalId: string
  name: string
  category: string
  description: string | null
  aliases: readonly string[]
}

export interface OccupationRow {
  externalId: string
  title: string
  description: string | null
  code: string | null
  alternateTitles: readonly string[]
}

export interface RelationRow {
  occupationId: number
  skillId: number
  essential: boolean
  weight: number
}

/** Per database: sources this process is writing now (their staging rows must not be swept). */
const activeByDb = new WeakMap<Db, Set<number>>()
function activeSources(db: Db): Set<number> {
  let set = activeByDb.get(db)
  if (!set) activeByDb.set(db, (set = new Set()))
  return set
}

/** Unique, trimmed, non-empty, and not equal (by key) to `exclude`. */
export function cleanList(values: Iterable<string>, exclude?: string): string[] {
  const seen = new Set<string>(exclude === undefined ? [] : [skillKey(exclude)])
  const out: string[] = []
  for (const raw of values) {
    const value = raw.replace(/\s+/g, ' ').trim()
    if (!value) continue
    const key = skillKey(value)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(value)
  }
  return out
}

export const clampWeight = (w: number) => (Number.isFinite(w) ? Math.min(1, Math.max(0, Math.round(w * 1000) / 1000)) : 0.5)

/** One import in progress: batches go into a staging source, `commit()` swaps it in. */
export class StagedImport {
  readonly sourceId: number
  private readonly insertSkill: Statement
  private readonly insertOccupation: Statement
  private readonly insertRelation: Statement
  private finished = false

  constructor(
    private readonly db: Db,
    readonly kind: TaxonomyKind,
    readonly name: string,
    readonly version: string | null,
    private readonly now: () => Date,
  ) {
    sweepStaging(db)
    const staged = db
      .prepare<[string, string, string | null, string], { id: number }>(
        `INSERT INTO taxonomy_source (kind, name, version, imported_at) VALUES (?, ?, ?, ?) RETURNING id`,
      )
      .get(kind, `${STAGING_PREFIX}${randomUUID()}~${name}`, version, now().toISOString())!
    this.sourceId = staged.id
    activeSources(db).add(this.sourceId)
    this.insertSkill = db.prepare(
      `INSERT INTO taxonomy_skill (source_id, external_id, name, name_key, category, description, aliases)
       VALUES (@source, @externalId, @name, @key, @category, @description, @aliases)
       ON CONFLICT (source_id, external_id) DO UPDATE SET
         name = excluded.name, name_key = excluded.name_key, category = excluded.category,
         description = coalesce(excluded.description, description), aliases = excluded.aliases
       RETURNING id`,
    )
    this.insertOccupation = db.prepare(
      `INSERT INTO taxonomy_occupation (source_id, external_id, title, description, code, alternate_titles)
       VALUES (@source, @externalId, @title, @description, @code, @alternateTitles)
       ON CONFLICT (source_id, external_id) DO UPDATE SET
         title = excluded.title, description = coalesce(excluded.description, description),
         code = coalesce(excluded.code, code), alternate_titles = excluded.alternate_titles
       RETURNING id`,
    )
    // The same pair twice (e.g. one product under two commodity codes) keeps the stronger link.
    this.insertRelation = db.prepare(
      `INSERT INTO taxonomy_occupation_skill (occupation_id, skill_id, essential, weight)
       VALUES (@occupationId, @skillId, @essential, @weight)
       ON CONFLICT (occupation_id, skill_id) DO UPDATE SET
         essential = max(essential, excluded.essential), weight = max(weight, excluded.weight)`,
    )
  }

  /** Inserts skills in one transaction; returns their row ids in order. */
  addSkills(rows: readonly SkillRow[]): number[] {
    this.assertOpen()
    return this.db.transaction(() =>
      rows.map(
        (row) =>
          (
            this.insertSkill.get({
              source: this.sourceId,
              externalId: row.externalId,
              name: row.name,
              key: skillKey(row.name),
              category: row.category,
              description: row.description,
              aliases: JSON.stringify(cleanList(row.aliases, row.name)),
            }) as { id: number }
          ).id,
      ),
    )()
  }

  /** Inserts occupations in one transaction; returns their row ids in order. */
  addOccupations(rows: readonly OccupationRow[]): number[] {
    this.assertOpen()
    return this.db.transaction(() =>
      rows.map(
        (row) =>
          (
            this.insertOccupation.get({
              source: this.sourceId,
              externalId: row.externalId,
              title: row.title,
              description: row.description,
              code: row.code,
              alternateTitles: JSON.stringify(cleanList(row.alternateTitles, row.title)),
            }) as { id: number }
          ).id,
      ),
    )()
  }

  addRelations(rows: readonly RelationRow[]): void {
    this.assertOpen()
    this.db.transaction(() => {
      for (const row of rows) {
        this.insertRelation.run({
          occupationId: row.occupationId,
          skillId: row.skillId,
          essential: row.essential ? 1 : 0,
          weight: clampWeight(row.weight),
        })
      }
    })()
  }

  /**
   * One transaction: removes every earlier import of this kind and name, then gives the
   * staging source its real name. Returns the finished source and whether one was replaced.
   */
  commit(): { source: TaxonomySource; replaced: boolean } {
    this.assertOpen()
    const replaced = this.db.transaction(() => {
      const old = this.db
        .prepare<[string, string, number], { id: number }>(`SELECT id FROM taxonomy_source WHERE kind = ? AND name = ? AND id <> ?`)
        .all(this.kind, this.name, this.sourceId)
      for (const { id } of old) deleteSourceRows(this.db, id)
      this.db
        .prepare(`UPDATE taxonomy_source SET name = ?, imported_at = ? WHERE id = ?`)
        .run(this.name, this.now().toISOString(), this.sourceId)
      return old.length > 0
    })()
    this.finished = true
    activeSources(this.db).delete(this.sourceId)
    return { source: getTaxonomySource(this.db, this.sourceId)!, replaced }
  }

  /** Drops everything staged so far (after a failure); the previous import is untouched. */
  abort(): void {
    if (this.finished) return
    this.finished = true
    activeSources(this.db).delete(this.sourceId)
    try {
      this.db.transaction(() => deleteSourceRows(this.db, this.sourceId))()
    } catch {
      // The database may be closed or broken; the next import sweeps the leftovers.
    }
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('this taxonomy import has already finished')
  }
}

/** Deletes a source and its rows explicitly (works even when foreign keys are off). */
function deleteSourceRows(db: Db, sourceId: number): void {
  db.prepare(
    `DELETE FROM taxonomy_occupation_skill WHERE occupation_id IN (SELECT id FROM taxonomy_occupation WHERE source_id = ?)`,
  ).run(sourceId)
  db.prepare(`DELETE FROM taxonomy_occupation WHERE source_id = ?`).run(sourceId)
  db.prepare(`DELETE FROM taxonomy_skill WHERE source_id = ?`).run(sourceId)
  db.prepare(`DELETE FROM taxonomy_source WHERE id = ?`).run(sourceId)
}

/** Removes staging rows left behind by an import that crashed (not ones this process is writing). */
function sweepStaging(db: Db): void {
  const stale = db
    .prepare<{ p: string }, { id: number }>(`SELECT id FROM taxonomy_source WHERE substr(name, 1, length(@p)) = @p`)
    .all({ p: STAGING_PREFIX })
    .filter((row) => !activeSources(db).has(row.id))
  if (stale.length === 0) return
  db.transaction(() => {
    for (const { id } of stale) deleteSourceRows(db, id)
  })()
}

interface SourceRow {
  id: number
  kind: TaxonomyKind
  name: string
  version: string | null
  imported_at: string
  skills: number
  occupations: number
  relations: number
}

const SOURCE_SELECT = `
  SELECT s.id, s.kind, s.name, s.version, s.imported_at,
    (SELECT count(*) FROM taxonomy_skill WHERE source_id = s.id) AS skills,
    (SELECT count(*) FROM taxonomy_occupation WHERE source_id = s.id) AS occupations,
    (SELECT count(*) FROM taxonomy_occupation_skill r JOIN taxonomy_occupation o ON o.id = r.occupation_id WHERE o.source_id = s.id) AS relations
  FROM taxonomy_source s`

const toSource = (row: SourceRow): TaxonomySource => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  version: row.version,
  importedAt: row.imported_at,
  skills: row.skills,
  occupations: row.occupations,
  relations: row.relations,
})

/** Finished imports, newest first (imports in progress are left out). */
export function listTaxonomySources(db: Db): TaxonomySource[] {
  return db
    .prepare<{ p: string }, SourceRow>(`${SOURCE_SELECT} WHERE substr(s.name, 1, length(@p)) <> @p ORDER BY s.imported_at DESC, s.id DESC`)
    .all({ p: STAGING_PREFIX })
    .map(toSource)
}

export function getTaxonomySource(db: Db, id: number): TaxonomySource | undefined {
  const row = db.prepare<[number], SourceRow>(`${SOURCE_SELECT} WHERE s.id = ?`).get(id)
  return row ? toSource(row) : undefined
}

/** Deletes an imported taxonomy and all its rows. Returns false when there was none. */
export function removeTaxonomySource(db: Db, id: number): boolean {
  if (activeSources(db).has(id)) throw new Error('this taxonomy is still being imported')
  return db.transaction(() => {
    const exists = db.prepare(`SELECT 1 FROM taxonomy_source WHERE id = ?`).get(id) !== undefined
    if (exists) deleteSourceRows(db, id)
    return exists
  })()
}

/**
 * Drives a staged import: runs `body`, commits on success, aborts (keeping the previous
 * import) on any failure, and measures the time.
 */
export async function runStagedImport(
  db: Db,
  kind: TaxonomyKind,
  name: string,
  options: TaxonomyImportOptions,
  body: (staged: StagedImport, report: ProgressReporter) => Promise<{ skipped: number; warnings: string[] }>,
): Promise<TaxonomyImportResult> {
  const started = performance.now()
  const staged = new StagedImport(db, kind, name, options.version ?? null, options.now ?? (() => new Date()))
  const report = new ProgressReporter(kind, options)
  try {
    const { skipped, warnings } = await body(staged, report)
    options.signal?.throwIfAborted()
    report.phase('commit', null)
    const { source, replaced } = staged.commit()
    report.done()
    return { source, replaced, skipped, warnings, elapsedMs: performance.now() - started }
  } catch (error) {
    staged.abort()
    throw error
  }
}

/** Turns per-file byte counts into one overall fraction and forwards it to the caller. */
export class ProgressReporter {
  private currentPhase = 'start'
  private currentFile: string | null = null
  private rows = 0
  private doneBytes = 0
  private fileBytes = 0
  private totalBytes = 1

  constructor(
    private readonly kind: TaxonomyKind,
    private readonly options: TaxonomyImportOptions,
  ) {}

  setTotalBytes(total: number): void {
    this.totalBytes = Math.max(1, total)
  }

  phase(phase: string, file: string | null): void {
    this.doneBytes += this.fileBytes
    this.fileBytes = 0
    this.currentPhase = phase
    this.currentFile = file
    this.rows = 0
    this.emit()
  }

  /** Bytes read of the current file so far. */
  bytes(bytesRead: number): void {
    this.fileBytes = bytesRead
  }

  addRows(n: number): void {
    this.rows += n
    this.options.signal?.throwIfAborted()
    this.emit()
  }

  done(): void {
    this.options.onProgress?.({ kind: this.kind, phase: 'done', file: null, rows: 0, fraction: 1 })
  }

  private emit(): void {
    const fraction = Math.min(0.99, (this.doneBytes + this.fileBytes) / this.totalBytes)
    this.options.onProgress?.({ kind: this.kind, phase: this.currentPhase, file: this.currentFile, rows: this.rows, fraction })
  }
}
