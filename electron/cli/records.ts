/**
 * Any prefixed id (`cred-12`, `proj-3`, `skill-7`, `exp-1`, `edu-1`) to its record, and
 * the channels that create, update and delete each entity.
 */
import { AnyId, type Credential, type Education, type Experience, type Project, type SkillDetail } from '../shared/schemas'
import { AppError } from '../shared/errors'
import type { Input } from '../shared/contract'
import type { Context } from './context'
import type { EntityName } from './entities'
import { fromAppError, showValue, usage, type FlagBinding } from './errors'

export type AnyRecord =
  | { entity: 'credential'; value: Credential }
  | { entity: 'project'; value: Project }
  | { entity: 'skill'; value: SkillDetail }
  | { entity: 'experience'; value: Experience }
  | { entity: 'education'; value: Education }

const PREFIXES: Record<string, EntityName> = { cred: 'credential', proj: 'project', skill: 'skill', exp: 'experience', edu: 'education' }

export const LABEL: Record<EntityName, string> = {
  credential: 'credential',
  project: 'project',
  skill: 'skill',
  experience: 'experience entry',
  education: 'education entry',
}

/** Checks the id's form before anything is opened; a malformed id is bad input (exit 2). */
export function parseId(raw: string | undefined, command: string): { id: string; entity: EntityName } {
  if (raw === undefined) throw usage(`${command} needs an id, e.g. skillfolio ${command} cred-1`)
  const parsed = AnyId.safeParse(raw)
  if (!parsed.success)
    throw usage(`${command}: ${showValue(raw)} is not an id like cred-1, proj-1, skill-1, exp-1 or edu-1`, [
      { path: 'id', message: 'must be an id like cred-1, proj-1 or skill-1' },
    ])
  const id = parsed.data
  return { id, entity: PREFIXES[id.slice(0, id.indexOf('-'))]! }
}

export async function fetchRecord(ctx: Context, id: string, entity: EntityName): Promise<AnyRecord> {
  switch (entity) {
    case 'credential':
      return { entity, value: await ctx.call('credentials:get', { id }) }
    case 'project':
      return { entity, value: await ctx.call('projects:get', { id }) }
    case 'skill':
      return { entity, value: await ctx.call('skills:get', { id }) }
    case 'experience': {
      const hit = (await ctx.call('experience:list', {})).find((e) => e.id === id)
      if (!hit) throw fromAppError(new AppError('NOT_FOUND', `There is no experience entry ${id}.`))
      return { entity, value: hit }
    }
    case 'education': {
      const hit = (await ctx.call('education:list', {})).find((e) => e.id === id)
      if (!hit) throw fromAppError(new AppError('NOT_FOUND', `There is no education entry ${id}.`))
      return { entity, value: hit }
    }
  }
}

export function titleOf(record: AnyRecord): string {
  switch (record.entity) {
    case 'credential':
    case 'project':
      return record.value.title
    case 'skill':
      return record.value.name
    case 'experience':
      return `${record.value.title}, ${record.value.organization}`
    case 'education':
      return [record.value.degree, record.value.field].filter(Boolean).join(' ') || record.value.institution
  }
}

export const CREATE = {
  credential: 'credentials:create',
  project: 'projects:create',
  skill: 'skills:create',
  experience: 'experience:create',
  education: 'education:create',
} as const

export const UPDATE = {
  credential: 'credentials:update',
  project: 'projects:update',
  skill: 'skills:update',
  experience: 'experience:update',
  education: 'education:update',
} as const

export const DELETE = {
  credential: 'credentials:delete',
  project: 'projects:delete',
  skill: 'skills:delete',
  experience: 'experience:delete',
  education: 'education:delete',
} as const

type Fields = Record<string, unknown>

/** Creates a record from parsed flag values; the core validates them. */
export async function createRecord(ctx: Context, entity: EntityName, values: Fields, binding: FlagBinding): Promise<AnyRecord> {
  switch (entity) {
    case 'credential':
      return { entity, value: await ctx.call(CREATE.credential, values as Input<typeof CREATE.credential>, binding) }
    case 'project':
      return { entity, value: await ctx.call(CREATE.project, values as Input<typeof CREATE.project>, binding) }
    case 'skill': {
      const skill = await ctx.call(CREATE.skill, values as Input<typeof CREATE.skill>, binding)
      return { entity, value: { ...skill, credentials: [], projects: [], experience: [] } }
    }
    case 'experience':
      return { entity, value: await ctx.call(CREATE.experience, values as Input<typeof CREATE.experience>, binding) }
    case 'education':
      return { entity, value: await ctx.call(CREATE.education, values as Input<typeof CREATE.education>, binding) }
  }
}

/** Changes only the given fields of a record. */
export async function updateRecord(ctx: Context, entity: EntityName, id: string, patch: Fields, binding: FlagBinding): Promise<AnyRecord> {
  switch (entity) {
    case 'credential':
      return { entity, value: await ctx.call(UPDATE.credential, { id, patch } as Input<typeof UPDATE.credential>, binding) }
    case 'project':
      return { entity, value: await ctx.call(UPDATE.project, { id, patch } as Input<typeof UPDATE.project>, binding) }
    case 'skill':
      await ctx.call(UPDATE.skill, { id, patch } as Input<typeof UPDATE.skill>, binding)
      return fetchRecord(ctx, id, entity)
    case 'experience':
      return { entity, value: await ctx.call(UPDATE.experience, { id, patch } as Input<typeof UPDATE.experience>, binding) }
    case 'education':
      return { entity, value: await ctx.call(UPDATE.education, { id, patch } as Input<typeof UPDATE.education>, binding) }
  }
}

export async function deleteRecord(ctx: Context, entity: EntityName, id: string): Promise<void> {
  await ctx.call(DELETE[entity], { id })
}
