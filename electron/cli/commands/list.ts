import { CREDENTIAL_KINDS, CREDENTIAL_SORTS, PROJECT_SORTS, SKILL_CATEGORIES, SKILL_SORTS } from '../../shared/schemas'
import type { OptionSpec, OptionValues } from '../args'
import type { Command, Context, Outcome } from '../context'
import { ENTITIES, ENTITY_NAMES, entityByWord, type EntityName } from '../entities'
import { showValue, usage, type FlagBinding } from '../errors'
import { parseChoice, parseCount } from '../fields'
import { dash, hours, money, plural, table } from '../format'
import { optionTable } from '../help-text'
import { bulletLines } from '../views'
import { LIMITS } from '../../shared/limits'

const str = (v: OptionValues[string]) => (typeof v === 'string' ? v : undefined)

interface Filters {
  search?: boolean
  sorts?: readonly string[]
  kind?: boolean
  category?: boolean
  paging?: boolean
}
const FILTERS: Record<EntityName, Filters> = {
  credential: { search: true, sorts: CREDENTIAL_SORTS, kind: true, paging: true },
  project: { search: true, sorts: PROJECT_SORTS, paging: true },
  skill: { search: true, sorts: SKILL_SORTS, category: true, paging: true },
  experience: {},
  education: {},
}

function optionsFor(entity: EntityName): OptionSpec[] {
  const f = FILTERS[entity]
  const o: OptionSpec[] = []
  if (f.search) o.push({ name: 'search', type: 'string' })
  if (f.sorts) o.push({ name: 'sort', type: 'string' })
  if (f.kind) o.push({ name: 'kind', type: 'string' })
  if (f.category) o.push({ name: 'category', type: 'string' })
  if (f.paging) o.push({ name: 'limit', type: 'string' }, { name: 'offset', type: 'string' })
  return o
}

/** Parses the filter flags (nothing is opened yet) into a list query plus the flag binding. */
function query(entity: EntityName, v: OptionValues): { q: Record<string, unknown>; binding: FlagBinding } {
  const q: Record<string, unknown> = {}
  const binding: FlagBinding = {}
  const bind = (field: string, flag: string, raw: string | undefined, value: unknown) => {
    if (raw === undefined) return
    q[field] = value
    binding[field] = { flag, values: [raw] }
  }
  const f = FILTERS[entity]
  const search = str(v.search)
  bind('text', '--search', search, search)
  const sort = str(v.sort)
  if (sort !== undefined && f.sorts) bind('sort', '--sort', sort, parseChoice(sort, f.sorts, '--sort'))
  const kind = str(v.kind)
  if (kind !== undefined) bind('kind', '--kind', kind, parseChoice(kind, CREDENTIAL_KINDS, '--kind'))
  const category = str(v.category)
  if (category !== undefined) bind('category', '--category', category, parseChoice(category, SKILL_CATEGORIES, '--category'))
  const limit = str(v.limit)
  if (limit !== undefined) bind('limit', '--limit', limit, parseCount(limit, '--limit', 1))
  const offset = str(v.offset)
  if (offset !== undefined) bind('offset', '--offset', offset, parseCount(offset, '--offset'))
  return { q, binding }
}

function footer(shown: number, total: number, noun: string, offset: number): string {
  if (shown === total) return plural(total, noun, ENTITIES[noun as EntityName]?.plural)
  return `${offset + 1}–${offset + shown} of ${plural(total, noun, ENTITIES[noun as EntityName]?.plural)} (use --limit and --offset to see more)`
}

/** What `list` can show: the entities, and languages (the skills of the `language` category, with their level). */
type Subject = EntityName | 'language'

async function listLanguages(ctx: Context): Promise<Outcome> {
  const page = await ctx.call('skills:list', { category: 'language', limit: LIMITS.skillPageSize })
  if (!page.items.length) return { json: page, text: 'No languages yet. Add one with: skillfolio add skill --name Spanish --category language --description "Professional working"' }
  // A language's level is kept as its description (JSON Resume's fluency, LinkedIn's proficiency).
  const rows = page.items.map((s) => [s.id, s.name, dash(s.description), String(s.credentialCount), String(s.projectCount)])
  const cols = [{ header: 'ID' }, { header: 'LANGUAGE', max: 32 }, { header: 'LEVEL', max: 40 }, { header: 'CREDENTIALS', align: 'right' as const }, { header: 'PROJECTS', align: 'right' as const }]
  return { json: page, text: `${table(cols, rows)}\n\n${plural(page.total, 'language')}` }
}

async function run(ctx: Context, subject: Subject, v: OptionValues): Promise<Outcome> {
  if (subject === 'language') return listLanguages(ctx)
  const entity = subject
  const { q, binding } = query(entity, v)
  const search = typeof q.text === 'string' && q.text.trim() ? ` match ${showValue(q.text)}` : ''
  const none = (what: string, hint: string) => (search ? `No ${what}${search}.` : `No ${what} yet. ${hint}`)
  const offset = typeof q.offset === 'number' ? q.offset : 0
  switch (entity) {
    case 'credential': {
      const page = await ctx.call('credentials:list', q, binding)
      if (!page.items.length) return { json: page, text: none('credentials', 'Add one with: skillfolio add credential --title … --kind …') }
      const rows = page.items.map((c) => [c.id, c.title, c.kind, c.status.replace('_', ' '), dash(c.provider ?? c.issuerName), dash(c.earnedOn), dash(c.expiresOn), hours(c.hours), money(c.cost)])
      const cols = [
        { header: 'ID' },
        { header: 'TITLE', max: 44 },
        { header: 'KIND' },
        { header: 'STATUS' },
        { header: 'PROVIDER', max: 20 },
        { header: 'EARNED' },
        { header: 'EXPIRES' },
        { header: 'HOURS', align: 'right' as const },
        { header: 'COST', align: 'right' as const },
      ]
      return { json: page, text: `${table(cols, rows)}\n\n${footer(page.items.length, page.total, 'credential', offset)}` }
    }
    case 'project': {
      const page = await ctx.call('projects:list', q, binding)
      if (!page.items.length) return { json: page, text: none('projects', 'Add one with: skillfolio add project --title …') }
      const rows = page.items.map((p) => [p.id, p.title, dash(p.role), dash(p.startedOn), p.endedOn ?? (p.startedOn ? 'ongoing' : '—'), p.skillNames.join(', '), String(p.credentialCount)])
      const cols = [
        { header: 'ID' },
        { header: 'TITLE', max: 44 },
        { header: 'ROLE', max: 24 },
        { header: 'STARTED' },
        { header: 'ENDED' },
        { header: 'SKILLS', max: 40 },
        { header: 'CREDENTIALS', align: 'right' as const },
      ]
      return { json: page, text: `${table(cols, rows)}\n\n${footer(page.items.length, page.total, 'project', offset)}` }
    }
    case 'skill': {
      const page = await ctx.call('skills:list', q, binding)
      if (!page.items.length) return { json: page, text: none('skills', 'Add one with: skillfolio add skill --name …') }
      const rows = page.items.map((s) => [s.id, s.name, s.category, String(s.credentialCount), String(s.projectCount), s.aliases.join(', ')])
      const cols = [
        { header: 'ID' },
        { header: 'NAME', max: 32 },
        { header: 'CATEGORY' },
        { header: 'CREDENTIALS', align: 'right' as const },
        { header: 'PROJECTS', align: 'right' as const },
        { header: 'ALIASES', max: 40 },
      ]
      return { json: page, text: `${table(cols, rows)}\n\n${footer(page.items.length, page.total, 'skill', offset)}` }
    }
    case 'experience': {
      const items = await ctx.call('experience:list', {})
      if (!items.length) return { json: items, text: none('experience', 'Add some with: skillfolio add experience --organization … --title …') }
      const rows = items.map((e) => [e.id, e.title, e.organization, dash(e.location), dash(e.startedOn), e.endedOn ?? (e.startedOn ? 'present' : '—')])
      const cols = [{ header: 'ID' }, { header: 'TITLE', max: 36 }, { header: 'ORGANISATION', max: 30 }, { header: 'LOCATION', max: 24 }, { header: 'FROM' }, { header: 'TO' }]
      // Each entry's bullets under its row, starting in the TITLE column.
      const [head, ...lines] = table(cols, rows).split('\n')
      const indent = ' '.repeat(Math.max(2, ...items.map((e) => e.id.length)) + 2)
      const body = lines.flatMap((line, i) => [line, bulletLines(items[i]!.description, indent)].filter(Boolean))
      return { json: items, text: `${[head, ...body].join('\n')}\n\n${plural(items.length, 'entry', 'entries')}` }
    }
    case 'education': {
      const items = await ctx.call('education:list', {})
      if (!items.length) return { json: items, text: none('education', 'Add some with: skillfolio add education --institution …') }
      const rows = items.map((e) => [e.id, e.institution, dash(e.degree), dash(e.field), dash(e.startedOn), dash(e.endedOn)])
      const cols = [{ header: 'ID' }, { header: 'INSTITUTION', max: 36 }, { header: 'DEGREE', max: 24 }, { header: 'FIELD', max: 30 }, { header: 'FROM' }, { header: 'TO' }]
      return { json: items, text: `${table(cols, rows)}\n\n${plural(items.length, 'entry', 'entries')}` }
    }
  }
}

export const list: Command = {
  name: 'list',
  aliases: ['ls'],
  summary: 'List credentials, projects, skills, languages, experience or education',
  usage: [
    'list credentials [--search TEXT] [--kind KIND] [--sort ORDER] [--limit N] [--offset N]',
    'list projects [--search TEXT] [--sort ORDER] [--limit N] [--offset N]',
    'list skills [--search TEXT] [--category CATEGORY] [--sort ORDER] [--limit N] [--offset N]',
    'list languages',
    'list experience',
    'list education',
  ],
  subjects: {
    words: [...ENTITY_NAMES.map((n) => ENTITIES[n].plural), 'languages'],
    resolve: (w) => (/^languages?$/i.test(w) ? 'language' : (entityByWord(w)?.name ?? null)),
    what: 'what to list',
  },
  options: (subject) => (subject && subject !== 'language' ? optionsFor(subject as EntityName) : []),
  help: () =>
    optionTable('Flags:', [
      ['--search TEXT', 'only entries matching the text (words, prefixes)'],
      ['--kind KIND', `credentials of one kind: ${CREDENTIAL_KINDS.join(', ')}`],
      ['--category CATEGORY', `skills of one category: ${SKILL_CATEGORIES.join(', ')}`],
      ['--sort ORDER', `credentials: ${CREDENTIAL_SORTS.join(', ')}; projects: ${PROJECT_SORTS.join(', ')}; skills: ${SKILL_SORTS.join(', ')}`],
      ['--limit N', 'show at most N (credentials and projects: 50 by default, up to 500)'],
      ['--offset N', 'skip the first N'],
    ]),
  run: (ctx, inv) => {
    if (inv.positionals.length) throw usage(`list: unexpected ${showValue(inv.positionals[0]!)}; to filter, use --search TEXT`)
    return run(ctx, inv.subject as Subject, inv.values)
  },
}
