import type { Db } from '../db/open'
import type { EducationValues, EntityType, ExperienceValues } from '../../shared/schemas'
import { badInput, notFound } from '../../shared/errors'
import { toPublicId, toRowId } from './ids'

type DatedValues = { startedOn: string | null; endedOn: string | null }

export interface DatedEntrySpec<Values extends DatedValues> {
  entity: EntityType
  table: 'experience' | 'education'
  label: string
  /** API field name -> column, in the order the entry's keys come out. */
  fields: Record<keyof Values & string, string>
}

/** The row's own fields of a work entry (its skills live in experience_skill). */
export type ExperienceFields = Omit<ExperienceValues, 'skills'>

export const EXPERIENCE_ENTRIES: DatedEntrySpec<ExperienceFields> = {
  entity: 'experience',
  table: 'experience',
  label: 'experience entry',
  fields: { organization: 'organization', title: 'title', location: 'location', startedOn: 'started_on', endedOn: 'ended_on', description: 'description' },
}

export const EDUCATION_ENTRIES: DatedEntrySpec<EducationValues> = {
  entity: 'education',
  table: 'education',
  label: 'education entry',
  fields: { institution: 'institution', degree: 'degree', field: 'field', startedOn: 'started_on', endedOn: 'ended_on', description: 'description' },
}

/** Every entry (`all`), ordered as on a resume: current first, then most recent; or one by row id (`one`). */
export function datedEntriesSql<Values extends DatedValues>(spec: DatedEntrySpec<Values>, scope: 'one' | 'all'): string {
  const apiFields = Object.keys(spec.fields) as Array<keyof Values & string>
  const selectList = ['id', ...apiFields.map((f) => `${spec.fields[f]} AS "${f}"`)].join(', ')
  return scope === 'one'
    ? `SELECT ${selectList} FROM ${spec.table} WHERE id = ?`
    : `SELECT ${selectList} FROM ${spec.table} ORDER BY ended_on IS NOT NULL, ended_on DESC, started_on DESC, id DESC`
}

/** A row of `datedEntriesSql` as the API sees it: the public id, then the fields. */
export function toDatedEntry<Values extends DatedValues>(spec: DatedEntrySpec<Values>, row: unknown): Values & { id: string } {
  const { id, ...rest } = row as { id: number } & Values
  return { id: toPublicId(spec.entity, id), ...(rest as unknown as Values) }
}

/**
 * Experience and education are plain lists of dated entries with the same life cycle,
 * so one factory serves both: `fields` maps API field names to columns.
 * Entries are ordered as on a resume: current first, then most recent.
 */
export function createDatedEntries<Values extends DatedValues>(db: Db, now: () => Date, spec: DatedEntrySpec<Values>) {
  const apiFields = Object.keys(spec.fields) as Array<keyof Values & string>
  const columns = apiFields.map((f) => spec.fields[f])
  const all = db.prepare(datedEntriesSql(spec, 'all'))
  const byId = db.prepare(datedEntriesSql(spec, 'one'))
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
  const toEntry = (row: unknown): Entry => toDatedEntry(spec, row)
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
