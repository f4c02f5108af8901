import type { Db } from '../db/open'
import type { EntityType } from '../../shared/schemas'
import { badInput, notFound } from '../../shared/errors'
import { toPublicId, toRowId } from './ids'

/**
 * Experience and education are plain lists of dated entries with the same life cycle,
 * so one factory serves both: `fields` maps API field names to columns.
 * Entries are ordered as on a resume: current first, then most recent.
 */
export function createDatedEntries<Values extends { startedOn: string | null; endedOn: string | null }>(
  db: Db,
  now: () => Date,
  spec: { entity: EntityType; table: 'experience' | 'education'; label: string; fields: Record<keyof Values & string, string> },
) {
  const apiFields = Object.keys(spec.fields) as Array<keyof Values & string>
  const columns = apiFields.map((f) => spec.fields[f])
  const selectList = ['id', ...apiFields.map((f) => `${spec.fields[f]} AS "${f}"`)].join(', ')
  const all = db.prepare(
    `SELECT ${selectList} FROM ${spec.table}
      ORDER BY ended_on IS NOT NULL, ended_on DESC, started_on DESC, id DESC`,
  )
  const byId = db.prepare(`SELECT ${selectList} FROM ${spec.table} WHERE id = ?`)
  const insertRow = db.prepare(
    `INSERT INTO ${spec.table} (${columns.join(', ')}, created_at, updated_at)
     VALUES (${apiFields.map((f) => `@${f}`).join(', ')}, @at, @at)`,
  )
  const updateRow = db.prepare(
    `UPDATE ${spec.table} SET ${apiFields.map((f) => `${spec.fields[f]} = @${f}`).join(', ')}, updated_at = @at WHERE id = @id`,
  )
  const deleteRow = db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`)
  const countRow = db.prepare(`SELECT count(*) AS n FROM ${spec.table}`)

  type Entry = Values & { id: string }
  const toEntry = (row: unknown): Entry => {
    const { id, ...rest } = row as { id: number } & Values
    return { id: toPublicId(spec.entity, id), ...(rest as unknown as Values) }
  }
  const requireRow = (rowId: number, publicId: string) => {
    const row = byId.get(rowId)
    if (!row) throw notFound(`There is no ${spec.label} ${publicId}.`)
    return toEntry(row)
  }
  const assertDatesInOrder = (v: Values) => {
    if (v.startedOn && v.endedOn && v.endedOn < v.startedOn)
      throw badInput('endedOn: cannot be before the start date', [{ path: 'endedOn', message: 'cannot be before the start date' }])
  }

  return {
    list: (): Entry[] => all.all().map(toEntry),
    create(values: Values): Entry {
      assertDatesInOrder(values)
      return db.transaction(() => {
        const rowId = Number(insertRow.run({ ...values, at: now().toISOString() }).lastInsertRowid)
        return requireRow(rowId, '')
      })()
    },
    update(id: string, patch: Partial<Values>): Entry {
      const rowId = toRowId(spec.entity, id)
      return db.transaction(() => {
        const { id: _id, ...current } = requireRow(rowId, id)
        const next = { ...(current as unknown as Values), ...patch }
        assertDatesInOrder(next)
        updateRow.run({ ...next, id: rowId, at: now().toISOString() })
        return requireRow(rowId, id)
      })()
    },
    remove(id: string): { id: string } {
      const rowId = toRowId(spec.entity, id)
      db.transaction(() => {
        requireRow(rowId, id)
        deleteRow.run(rowId)
      })()
      return { id }
    },
    count: () => (countRow.get() as { n: number }).n,
  }
}
