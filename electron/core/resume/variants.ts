/**
 * Named resume variants (table resume_variants, migration 0006): the Resume screen's settings
 * saved under a name, per role, with where that version was sent. Names are unique ignoring
 * case and spacing, so `skillfolio resume --variant "Acme"` always means one variant.
 *
 * The settings were validated by the contract when written; they are validated again on read,
 * so a row whose JSON no longer matches (an older, newer or hand-edited file) lists with what
 * can be read plus defaults instead of breaking the list (readSettings).
 */
import type { Db } from '../db/open'
import { badInput, conflict, notFound } from '../../shared/errors'
import { ResumeSettings, type ResumeSettingsValue, type ResumeVariant } from '../../shared/resume'
import type { ResumesCreateInput, ResumesUpdateInput } from '../../shared/io'
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

/** Bidi controls, line/paragraph separators and zero-width marks (ZWJ/ZWNJ are allowed: emoji, scripts). */
const INVISIBLE = /[\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u
/** C0 and C1 control characters and DEL, or an invisible mark. */
const hasControlOrInvisible = (s: string) =>
  INVISIBLE.test(s) ||
  [...s].some((ch) => {
    const c = ch.codePointAt(0)!
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
  })
const COLUMNS = 'id, name, role_ref, settings, sent_to, sent_on, created_at, updated_at'
const blank = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null)

/**
 * Parses stored settings. What cannot be read is dropped field by field, not as a whole: a row
 * with one bad value (hand-edited) or a key this version does not know (written by a newer one)
 * keeps its other choices, e.g. its pinned items. The role column fills in a missing roleRef.
 */
export function readSettings(json: string, roleRef: string | null): ResumeSettingsValue {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    raw = undefined
  }
  const stored: Record<string, unknown> = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  const whole = ResumeSettings.safeParse({ roleRef, ...stored })
  if (whole.success) return whole.data
  const shape = ResumeSettings.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries({ roleRef, ...stored }))
    if (Object.hasOwn(shape, key) && shape[key]!.safeParse(value).success) kept[key] = value
  const salvaged = ResumeSettings.safeParse(kept)
  const settings = salvaged.success ? salvaged.data : ResumeSettings.parse({})
  // Same shape as a saved row (serialise writes roleRef: null for a general resume).
  return { ...settings, roleRef: settings.roleRef ?? null }
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
    // The contract only trims; a name is also what `--variant NAME` is typed as and what a list
    // prints, so characters nobody can type or see (NUL, newlines, bidi overrides, zero-width
    // spaces) are refused rather than making two variants look alike.
    if (hasControlOrInvisible(name))
      throw badInput('Name must not contain control or invisible characters.', [{ path: 'name', message: 'must not contain control or invisible characters' }])
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

    create: (input: ResumesCreateInput): ResumeVariant =>
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

    update: (id: number, patch: ResumesUpdateInput['patch']): ResumeVariant =>
      db.transaction(() => {
        const row = rowOf(id)
        const name = patch.name ?? row.name
        if (patch.name !== undefined) checkName(patch.name, id)
        if (patch.settings !== undefined) checkRole(patch.settings)
        update.run({
          id,
          name,
          nameKey: nameKey(name),
          // Settings not in the patch are kept as stored, byte for byte: a row that no longer
          // parses (read as defaults) is not overwritten with those defaults by a rename.
          roleRef: patch.settings === undefined ? row.role_ref : (patch.settings.roleRef ?? null),
          settings: patch.settings === undefined ? row.settings : serialise(patch.settings),
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
