/**
 * The flags of `add`, `edit` and `profile set`, one table per entity: what each flag is
 * called, which contract field it fills, how its text is parsed and how it is documented.
 * The same table names the flag when the core rejects a field.
 */
import {
  CREDENTIAL_KINDS,
  CREDENTIAL_STATUSES,
  SKILL_CATEGORIES,
  type EntityType,
} from '../shared/schemas'
import { showValue, usage, type FlagBinding } from './errors'
import { parseBullets, parseChoice, parseCost, parseHours, parseLink, parseSkills, splitList } from './fields'

export type EntityName = EntityType

export interface FieldFlag {
  /** Flag name without the dashes: `earned-on`. */
  flag: string
  /** The contract field it fills: `earnedOn`. */
  field: string
  metavar: string
  help: string
  required?: boolean
  /** The flag may be repeated, one list item per occurrence (`--link`, `--outcome`). */
  repeatable?: boolean
  /** How list items relate to what was typed, so errors can quote the right item. */
  items?: 'each' | 'split'
  parse: (values: string[], flag: string) => unknown
  /** What `--clear` sets the field to; absent for required fields, which cannot be cleared. */
  cleared?: null | never[]
}

const last = (values: string[]) => values[values.length - 1]!

const text = (flag: string, field: string, help: string, extra: Partial<FieldFlag> = {}): FieldFlag => ({
  flag,
  field,
  metavar: 'TEXT',
  help,
  parse: last,
  cleared: extra.required ? undefined : null,
  ...extra,
})
const date = (flag: string, field: string, help: string): FieldFlag => text(flag, field, help, { metavar: 'YYYY-MM-DD' })
const url = (flag: string, field: string, help: string): FieldFlag => text(flag, field, help, { metavar: 'URL' })
const choice = (flag: string, field: string, choices: readonly string[], help: string, extra: Partial<FieldFlag> = {}): FieldFlag =>
  text(flag, field, `${help} (${choices.join(', ')})`, {
    metavar: flag.toUpperCase(),
    parse: (values, f) => parseChoice(last(values), choices, f),
    ...extra,
  })
const skills = (): FieldFlag => ({
  flag: 'skills',
  field: 'skills',
  metavar: 'LIST',
  help: 'comma-separated skills, each optionally NAME:LEVEL (beginner, intermediate, advanced, expert); replaces the list',
  items: 'split',
  parse: (values, f) => parseSkills(last(values), f),
  cleared: [],
})
const links = (help: string): FieldFlag => ({
  flag: 'link',
  field: 'links',
  metavar: '[LABEL=]URL',
  help: `${help}; repeat for several`,
  repeatable: true,
  items: 'each',
  parse: (values) => values.map(parseLink),
  cleared: [],
})

const credentialFields: FieldFlag[] = [
  text('title', 'title', 'name of the credential', { required: true }),
  choice('kind', 'kind', CREDENTIAL_KINDS, 'what sort of credential', { required: true, cleared: undefined }),
  choice('status', 'status', CREDENTIAL_STATUSES, 'default earned', { cleared: undefined }),
  text('provider', 'provider', 'where it was taken, e.g. Coursera'),
  text('issuer', 'issuerName', 'who issued it, e.g. Google'),
  url('issuer-url', 'issuerUrl', "issuer's web address"),
  date('started-on', 'startedOn', 'date started'),
  date('earned-on', 'earnedOn', 'date earned'),
  date('expires-on', 'expiresOn', 'expiry date'),
  text('hours', 'hours', 'hours of study, e.g. 12.5', { metavar: 'N', parse: (v, f) => parseHours(last(v), f) }),
  text('cost', 'cost', 'what it cost, e.g. "49.00 USD", "1,299.99 EUR", "500 JPY"', {
    metavar: 'AMOUNT',
    parse: (v, f) => parseCost(last(v), f),
  }),
  text('credential-id', 'credentialCode', "the issuer's credential ID or certificate number"),
  url('verify-url', 'verificationUrl', 'where anyone can verify it'),
  text('description', 'description', 'what it covers'),
  text('notes', 'notes', 'private notes'),
  skills(),
]

const projectFields: FieldFlag[] = [
  text('title', 'title', 'name of the project', { required: true }),
  text('role', 'role', 'your role'),
  text('summary', 'summary', 'what the project is about'),
  date('started-on', 'startedOn', 'date started'),
  date('ended-on', 'endedOn', 'date ended'),
  links('a link to the project'),
  {
    flag: 'outcome',
    field: 'outcomes',
    metavar: 'TEXT',
    help: 'a result, e.g. "cut reporting time by 80%"; repeat for several',
    repeatable: true,
    items: 'each',
    parse: (values) => values,
    cleared: [],
  },
  skills(),
  {
    flag: 'credentials',
    field: 'credentialIds',
    metavar: 'IDS',
    help: 'comma-separated ids of the credentials used, e.g. cred-1,cred-4; replaces the list',
    items: 'split',
    parse: (values) => splitList(last(values)),
    cleared: [],
  },
]

const skillFields: FieldFlag[] = [
  text('name', 'name', 'name of the skill', { required: true }),
  choice('category', 'category', SKILL_CATEGORIES, 'kind of skill', { cleared: undefined }),
  {
    flag: 'aliases',
    field: 'aliases',
    metavar: 'LIST',
    help: 'comma-separated other names, e.g. "JS, ECMAScript"; replaces the list',
    items: 'split',
    parse: (values) => splitList(last(values)),
    cleared: [],
  },
  text('description', 'description', 'what the skill means to you'),
]

const experienceFields: FieldFlag[] = [
  text('organization', 'organization', 'employer or organisation', { required: true }),
  text('title', 'title', 'job title', { required: true }),
  text('location', 'location', 'where, e.g. "Manchester, UK" or Remote'),
  date('started-on', 'startedOn', 'date started'),
  date('ended-on', 'endedOn', 'date ended (leave out while current)'),
  text('description', 'description', 'what you did; each line prints as a bullet (prose: one per sentence)'),
  {
    flag: 'bullet',
    field: 'description',
    metavar: 'TEXT',
    help: 'one thing you did, one bullet on the resume; repeat for several (replaces the description; not with --description)',
    repeatable: true,
    items: 'each',
    parse: parseBullets,
    cleared: null,
  },
  skills(),
]

const educationFields: FieldFlag[] = [
  text('institution', 'institution', 'school or university', { required: true }),
  text('degree', 'degree', 'e.g. BSc'),
  text('field', 'field', 'field of study'),
  date('started-on', 'startedOn', 'date started'),
  date('ended-on', 'endedOn', 'date ended'),
  text('description', 'description', 'details'),
]

export const PROFILE_FIELDS: FieldFlag[] = [
  text('name', 'fullName', 'your full name'),
  text('headline', 'headline', 'one line under your name'),
  text('email', 'email', 'email address'),
  text('phone', 'phone', 'phone number'),
  text('location', 'location', 'where you are based'),
  url('website', 'website', 'personal website'),
  links('a profile link, e.g. "GitHub=https://…"'),
  text('summary', 'summary', 'a short professional summary'),
]

export interface EntitySpec {
  name: EntityName
  plural: string
  /** Words accepted for the entity after `add` and `list`. */
  words: readonly string[]
  fields: FieldFlag[]
}

export const ENTITIES: Record<EntityName, EntitySpec> = {
  credential: { name: 'credential', plural: 'credentials', words: ['credential', 'credentials', 'cred', 'creds'], fields: credentialFields },
  project: { name: 'project', plural: 'projects', words: ['project', 'projects', 'proj'], fields: projectFields },
  skill: { name: 'skill', plural: 'skills', words: ['skill', 'skills'], fields: skillFields },
  experience: { name: 'experience', plural: 'experience', words: ['experience', 'experiences', 'exp', 'job', 'jobs'], fields: experienceFields },
  education: { name: 'education', plural: 'education', words: ['education', 'edu'], fields: educationFields },
}
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[]

export function entityByWord(word: string): EntitySpec | null {
  const w = word.toLowerCase()
  return Object.values(ENTITIES).find((e) => e.words.includes(w)) ?? null
}

/** Every flag name an entity (or the union of several) accepts, for the argument parser. */
export function fieldOptions(fields: FieldFlag[]): Array<{ name: string; type: 'string'; multiple: boolean }> {
  const seen = new Map<string, { name: string; type: 'string'; multiple: boolean }>()
  for (const f of fields) seen.set(f.flag, { name: f.flag, type: 'string', multiple: Boolean(f.repeatable) })
  return [...seen.values()]
}

export interface BuiltFields {
  values: Record<string, unknown>
  binding: FlagBinding
}

/**
 * Parses the given flags into contract fields (only those given), plus `--clear` names.
 * Throws a usage error naming the flag for text that cannot be meant.
 */
export function buildFields(
  fields: FieldFlag[],
  given: Record<string, string | string[] | boolean | undefined>,
  cleared: string[] = [],
): BuiltFields {
  const values: Record<string, unknown> = {}
  const binding: FlagBinding = {}
  /** The given flags that fill `field` (`--description` and `--bullet` both fill the description). */
  const givenFor = (field: string) => fields.filter((f) => f.field === field && given[f.flag] !== undefined && given[f.flag] !== false)
  for (const name of cleared) {
    const spec = fields.find((f) => f.flag === name.replace(/^--/, ''))
    if (!spec) {
      const flags = fields.filter((f) => f.cleared !== undefined).map((f) => f.flag)
      throw usage(`--clear: ${showValue(name)} is not a field that can be cleared here; choose from ${flags.join(', ')}`)
    }
    if (spec.cleared === undefined) throw usage(`--clear: --${spec.flag} cannot be cleared, only changed`)
    const also = givenFor(spec.field)[0]
    if (also) throw usage(`--clear ${spec.flag} and --${also.flag} cannot be used together`)
    values[spec.field] = spec.cleared === null ? null : []
    binding[spec.field] = { flag: `--${spec.flag}`, values: [] }
  }
  for (const spec of fields) {
    const raw = given[spec.flag]
    if (raw === undefined || typeof raw === 'boolean') continue
    const rivals = givenFor(spec.field)
    if (rivals.length > 1) throw usage(`${rivals.map((f) => `--${f.flag}`).join(' and ')} cannot be used together: both set the ${spec.field}`)
    const list = Array.isArray(raw) ? raw : [raw]
    if (!list.length) continue
    const flag = `--${spec.flag}`
    binding[spec.field] = {
      flag,
      values: list,
      items: spec.items,
      splitItems: spec.items === 'split' ? splitList(last(list)) : undefined,
    }
    values[spec.field] = spec.parse(list, flag)
  }
  return { values, binding }
}

export function requireFields(fields: FieldFlag[], given: Record<string, unknown>, what: string): void {
  const missing = fields.filter((f) => f.required && (given[f.flag] === undefined || given[f.flag] === ''))
  if (missing.length)
    throw usage(
      `${what}: ${missing.map((f) => `--${f.flag}`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`,
      missing.map((f) => ({ path: f.field, flag: `--${f.flag}`, message: 'is required' })),
    )
}
