/**
 * Named resume variants (table resume_variants, migration 0006): the Resume screen's settings
 * saved under a name, per role, with where that version was sent. Names are unique ignoring
 * case and spacing, so `skillfolio resume --variant "Acme"` always means one variant.
 *
 * The settings were validated by the contract when written; they are validated again on read,
 * so a row whose JSON no longer matches (an older or hand-edited file) lists with default
 * settings instead of breaking the list.
 */
import type { Db } from '../db/open'
import { conflict, notFound } from '../../shared/errors'
import { ResumeSettings, type ResumeSettingsValue, type ResumeVariant } from '../../shared/resume'
import type { ParsedInput } from '../../shared/contract'
import { nameKey } from '../portfolio/text'

interface Row {
  id: number
  name: string
  role_ref: string | null
  settings: string
  sent_to: string | null
  sent_on: string | null
  created_at: string
  updated_at: string
}

export interface VariantStoreOptions {
  db: Db
  now: () => Date
  /** The title of a role, or null when it does not exist (any more). */
  roleTitle: (ref: string) => string | null
}

const COLUMNS = 'id, name, role_ref, settings, sent_to, sent_on, created_at, updated_at'
const blank = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null)

/** Parses stored settings; anything unreadable falls back to the defaults (keeping the role column). */
export function readSettings(json: string, roleRef: string | null): ResumeSettingsValue {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    raw = undefined
  }
  const parsed = ResumeSettings.safeParse(raw ?? {})
  if (parsed.success) return parsed.data
  const withRole = ResumeSettings.safeParse({ roleRef })
  return withRole.success ? withRole.data : ResumeSettings.parse({})
}

export function createVariantStore(o: VariantStoreOptions) {
  const { db, now } = o
  const byId = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM resume_variants WHERE id = ?`)
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM resume_variants ORDER BY updated_at DESC, id DESC`)
  const byKey = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM resume_variants WHERE name_key = ?')
  const insert = db.prepare<{ name: string; nameKey: string; roleRef: string | null; settings: string; sentTo: string | null; sentOn: string | null; at: string }>(
    `INSERT INTO resume_variants (name, name_key, role_ref, settings, sent_to, sent_on, created_at, updated_at)
     VALUES (@name, @nameKey, @roleRef, @settings, @sentTo, @sentOn, @at, @at)`,
  )
  const update = db.prepare<{ id: number; name: string; nameKey: string; roleRef: string | null; settings: string; sentTo: string | null; sentOn: string | null; at: string }>(
    `UPDATE resume_variants SET name = @name, name_key = @nameKey, role_ref = @roleRef, settings = @settings,
       sent_to = @sentTo, sent_on = @sentOn, updated_at = @at WHERE id = @id`,
  )
  const remove = db.prepare<[number]>('DELETE FROM resume_variants WHERE id = ?')

  const toVariant = (row: Row): ResumeVariant => {
    const settings = readSettings(row.settings, row.role_ref)
    const ref = settings.roleRef ?? null
    return {
      id: row.id,
      name: row.name,
      settings,
      roleTitle: ref ? o.roleTitle(ref) : null,
      sentTo: row.sent_to,
      sentOn: row.sent_on,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  const rowOf = (id: number): Row => {
    const row = byId.get(id)
    if (!row) throw notFound(`There is no saved resume ${id}.`)
    return row
  }

  const checkName = (name: string, self: number | null) => {
    const clash = byKey.get(nameKey(name))
    if (clash && clash.id !== self)
      throw conflict(`There is already a saved resume called "${clash.name}" (resume ${clash.id}); choose another name.`)
  }

  const checkRole = (settings: ResumeSettingsValue) => {
    const ref = settings.roleRef
    if (ref && o.roleTitle(ref) === null)
      throw notFound(`There is no role ${ref}; pick one from the roles list.`)
  }

  /** Stored as validated, defaults applied, so a later default change does not alter a saved variant. */
  const serialise = (settings: ResumeSettingsValue) => JSON.stringify({ ...settings, roleRef: settings.roleRef ?? null })

  return {
    list: (): ResumeVariant[] => all.all().map(toVariant),
    get: (id: number): ResumeVariant => toVariant(rowOf(id)),

    create: (input: ParsedInput<'resumes:create'>): ResumeVariant =>
      db.transaction(() => {
        checkName(input.name, null)
        checkRole(input.settings)
        const result = insert.run({
          name: input.name,
          nameKey: nameKey(input.name),
          roleRef: input.settings.roleRef ?? null,
          settings: serialise(input.settings),
          sentTo: blank(input.sentTo),
          sentOn: input.sentOn ?? null,
          at: now().toISOString(),
        })
        return toVariant(rowOf(Number(result.lastInsertRowid)))
      })(),

    update: (id: number, patch: ParsedInput<'resumes:update'>['patch']): ResumeVariant =>
      db.transaction(() => {
        const row = rowOf(id)
        const current = readSettings(row.settings, row.role_ref)
        const name = patch.name ?? row.name
        if (patch.name !== undefined) checkName(patch.name, id)
        const settings = patch.settings ?? current
        if (patch.settings !== undefined) checkRole(patch.settings)
        update.run({
          id,
          name,
          nameKey: nameKey(name),
          roleRef: settings.roleRef ?? null,
          settings: serialise(settings),
          sentTo: patch.sentTo === undefined ? row.sent_to : blank(patch.sentTo),
          sentOn: patch.sentOn === undefined ? row.sent_on : (patch.sentOn ?? null),
          at: now().toISOString(),
        })
        return toVariant(rowOf(id))
      })(),

    remove: (id: number): { id: number } =>
      db.transaction(() => {
        rowOf(id)
        remove.run(id)
        return { id }
      })(),
  }
}

export type VariantStore = ReturnType<typeof createVariantStore>
