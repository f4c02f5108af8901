/**
 * Roles, gap analysis, fit ranking, learning plans and taxonomy imports (issue 4): `roles`,
 * `gap`, `fit`, `plan`, `taxonomy`. Everything goes through the contract like the other commands.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { GapAnalysis, LearningPlan, RoleListItem, SavedPlan } from '../../shared/analysis'
import { MAX_POSTING_CHARS, skillNamesOf } from '../../shared/analysis'
import { IsoDate } from '../../shared/schemas'
import type { Command, Context } from '../context'
import { CliError, showValue, usage } from '../errors'
import { formatMoney, parseCost, parseCount, parseHours } from '../fields'
import { plural, table, truncate, wrap } from '../format'
import { optionTable } from '../help-text'

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const REF = /^(?:catalog:[a-z0-9]+(?:-[a-z0-9]+)*|custom:[1-9]\d{0,14})$/
const pct = (n: number) => `${n.toFixed(1)} %`

/** `--role`: a reference (catalog:data-analyst, custom:3), a catalog id, or a title or alternate title. */
export async function resolveRole(ctx: Context, raw: string): Promise<{ ref: string; title: string }> {
  const value = raw.trim()
  if (!value) throw usage('--role needs a role reference or title, e.g. --role "Data Analyst"')
  const roles = await ctx.call('roles:list', {})
  if (REF.test(value)) {
    const found = roles.find((r) => r.ref === value)
    if (!found) throw new CliError('NOT_FOUND', `There is no role ${value}; run skillfolio roles to see them.`)
    return { ref: found.ref, title: found.title }
  }
  const key = value.toLowerCase()
  const byId = roles.filter((r) => r.ref === `catalog:${key}`)
  const exact = roles.filter((r) => r.title.toLowerCase() === key)
  const alternate = roles.filter((r) => !exact.includes(r) && r.alternateTitles.some((t) => t.toLowerCase() === key))
  const candidates: RoleListItem[] = byId.length ? byId : exact.length ? exact : alternate
  if (candidates.length === 1) return { ref: candidates[0]!.ref, title: candidates[0]!.title }
  if (candidates.length > 1) {
    const list = candidates.map((r) => `${r.title} (${r.ref})`).join(', ')
    throw usage(`--role: ${showValue(value)} matches ${candidates.length} roles: ${list}; give one of those references`)
  }
  throw new CliError('NOT_FOUND', `There is no role titled ${showValue(value)}; run skillfolio roles --search ${showValue(value)} to look for it.`)
}

// ---------- roles ----------

export const rolesCommand: Command = {
  name: 'roles',
  summary: 'List the built-in and your own target roles',
  usage: ['roles [--search TEXT]'],
  options: () => [{ name: 'search', type: 'string' }],
  help: () => optionTable('Flags:', [['--search TEXT', 'only roles whose title or an alternate title contains TEXT']]),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`roles: unexpected ${inv.positionals.join(' ')}; use --search TEXT to filter`)
    const text = str(inv.values.search)
    const roles = await ctx.call('roles:list', text === undefined ? {} : { text }, text === undefined ? {} : { text: { flag: '--search', values: [text] } })
    if (!roles.length) return { json: roles, text: text ? `No role matches "${text}".` : 'No roles.' }
    const rows = roles.map((r) => [r.ref, r.title, r.area, r.source, String(r.skills)])
    const body = table([{ header: 'Ref', max: 48 }, { header: 'Title', max: 50 }, { header: 'Area' }, { header: 'Source' }, { header: 'Skills', align: 'right' }], rows)
    return { json: roles, text: `${body}\n\n${plural(roles.length, 'role')}` }
  },
}

// ---------- gap ----------

export function gapText(g: GapAnalysis): string {
  const head = [
    `${g.role.title} (${g.role.ref})`,
    `Coverage ${pct(g.coveragePercent)}   essentials ${pct(g.essentialCoveragePercent)}   fit ${pct(g.fitPercent)}`,
    g.summary,
  ]
  const rows = g.skills.map((s) => [s.name, s.essential ? 'essential' : '', s.weight.toFixed(2), s.depth, s.explanation])
  const skills = table([{ header: 'Skill', max: 36 }, { header: 'Need' }, { header: 'Weight', align: 'right' }, { header: 'Depth' }, { header: 'Evidence', max: 90 }], rows)
  const blocks = [head.join('\n'), skills]
  if (g.missingEssentials.length) blocks.push(wrap(`Missing essentials: ${skillNamesOf(g, g.missingEssentials).join(', ')}`, '', 100))
  if (g.learnedNotApplied.length) blocks.push(wrap(`Learned but not applied in a project: ${skillNamesOf(g, g.learnedNotApplied).join(', ')}`, '', 100))
  const c = g.counts
  blocks.push(`${c.proven} proven, ${c.applied} applied, ${c.learned} learned, ${c.none} missing`)
  return blocks.join('\n\n')
}

export const gapCommand: Command = {
  name: 'gap',
  summary: 'Gap analysis: how far your portfolio is from a role or a job posting',
  usage: ['gap --role REF_OR_TITLE', 'gap --posting FILE'],
  options: () => [
    { name: 'role', type: 'string' },
    { name: 'posting', type: 'string' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['--role REF_OR_TITLE', 'a role: catalog:data-analyst, custom:3, or its title or an alternate title'],
      ['--posting FILE', 'a job posting as a text file: its skills are found and analysed (nothing is saved)'],
    ]),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`gap: unexpected ${inv.positionals.join(' ')}`)
    const role = str(inv.values.role)
    const posting = str(inv.values.posting)
    if ((role === undefined) === (posting === undefined)) throw usage('gap needs either --role REF_OR_TITLE or --posting FILE')
    if (posting !== undefined) {
      const text = readPosting(posting)
      const extraction = await ctx.call('postings:extract', { text })
      const accepted = extraction.skills.filter((s) => s.suggestedAccept)
      if (!accepted.length) throw new CliError('NOT_FOUND', `--posting: no skills found in ${basename(posting)}`)
      const title = extraction.title ?? basename(posting)
      const gap = await ctx.call('gap:analyzeSkills', {
        title: truncate(title, 200),
        skills: accepted.map((s) => ({ name: s.name, weight: s.suggestedWeight, essential: s.suggestedEssential })),
      })
      const found = wrap(`Skills found in the posting (${accepted.length}): ${accepted.map((s) => s.name).join(', ')}`, '', 100)
      return { json: { posting: { file: posting, title: extraction.title, skills: accepted }, gap }, text: `${found}\n\n${gapText(gap)}` }
    }
    const { ref } = await resolveRole(ctx, role!)
    const gap = await ctx.call('gap:analyze', { ref })
    return { json: gap, text: gapText(gap) }
  },
}

function readPosting(file: string): string {
  const path = resolve(file)
  if (!existsSync(path) || !statSync(path).isFile()) throw usage(`--posting: ${showValue(file)} is not a file`)
  if (statSync(path).size > MAX_POSTING_CHARS * 4) throw usage(`--posting: ${showValue(file)} is larger than 100 KB`)
  const text = readFileSync(path, 'utf8')
  if (text.length > MAX_POSTING_CHARS) throw usage(`--posting: ${showValue(file)} is larger than 100 KB`)
  if (!text.trim()) throw usage(`--posting: ${showValue(file)} is empty`)
  return text
}

// ---------- fit ----------

export const fitCommand: Command = {
  name: 'fit',
  summary: 'Roles you are closest to, by weighted skill coverage',
  usage: ['fit [--top N]'],
  options: () => [{ name: 'top', type: 'string' }],
  help: () => optionTable('Flags:', [['--top N', 'only the N best roles (default 10)']]),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`fit: unexpected ${inv.positionals.join(' ')}`)
    const rawTop = str(inv.values.top)
    const limit = rawTop === undefined ? 10 : parseCount(rawTop, '--top', 1)
    const fits = await ctx.call('roles:fit', { limit }, { limit: { flag: '--top', values: [rawTop ?? String(limit)] } })
    if (!fits.length) return { json: fits, text: 'No roles.' }
    const rows = fits.map((f, i) => [String(i + 1), pct(f.fitPercent), pct(f.coveragePercent), `${f.covered}/${f.skills}`, String(f.missingEssentials), f.title, f.ref])
    const body = table(
      [{ header: '#', align: 'right' }, { header: 'Fit', align: 'right' }, { header: 'Coverage', align: 'right' }, { header: 'Skills', align: 'right' }, { header: 'Missing essentials', align: 'right' }, { header: 'Role', max: 44 }, { header: 'Ref', max: 48 }],
      rows,
    )
    return { json: fits, text: body }
  },
}

// ---------- plan ----------

function planText(plan: LearningPlan, saved: SavedPlan | null): string {
  const c = plan.constraints
  const head = [
    `Learning plan for ${plan.role.title} (${plan.role.ref})${saved ? `, saved as plan ${saved.id}` : ''}`,
    `Budget ${c.budget ? formatMoney(c.budget) : 'no limit'}   ${c.hoursPerWeek} h/week${c.fullTime ? '   full time' : ''}${c.employer ? `   employer ${c.employer}` : ''}${c.targetDate ? `   target ${c.targetDate}` : ''}   from ${c.startDate}`,
  ].join('\n')
  if (!plan.steps.length) return [head, ...plan.notes].join('\n\n')
  const rows = plan.steps.map((s) => {
    const alt = s.uses === 'alternative' && s.alternative ? s.alternative : null
    const kind = alt ? `${alt.kind} (instead of ${s.kind})` : s.kind
    const hours = alt ? alt.hours : s.hours
    const cost = alt ? alt.cost : s.cost
    const flags = [s.overBudget ? 'OVER BUDGET' : '', s.afterTarget ? 'after target' : ''].filter(Boolean).join(', ')
    return [String(s.position), s.title, kind, String(Math.round(hours)), formatMoney(cost), s.endsOn, flags, alt ? alt.reason : s.reason]
  })
  const steps = table(
    [{ header: '#', align: 'right' }, { header: 'Step', max: 40 }, { header: 'Type' }, { header: 'Hours', align: 'right' }, { header: 'Cost', align: 'right' }, { header: 'Done by' }, { header: 'Note' }, { header: 'Reason', max: 80 }],
    rows,
  )
  const t = plan.totals
  const totals = [
    `Planned: ${Math.round(t.plannedHours)} h, ${formatMoney(t.plannedCost)}${t.overBudgetSteps ? ` (${plural(t.overBudgetSteps, 'step')} over budget; as suggested: ${Math.round(t.hours)} h, ${formatMoney(t.cost)})` : ''}`,
    `Completes on ${plan.completesOn ?? '—'}${plan.meetsTarget === null ? '' : plan.meetsTarget ? ', before the target date' : ', AFTER the target date'}`,
  ]
  return [head, steps, totals.join('\n'), ...plan.notes.map((n) => wrap(`Note: ${n}`, '', 100))].join('\n\n')
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'A budgeted learning plan that closes the gaps of a role',
  usage: ['plan --role REF_OR_TITLE --hours-per-week N [--budget "500 USD"] [--target-date YYYY-MM-DD] [--full-time] [--employer NAME] [--save]'],
  options: () => [
    { name: 'role', type: 'string' },
    { name: 'budget', type: 'string' },
    { name: 'hours-per-week', type: 'string' },
    { name: 'target-date', type: 'string' },
    { name: 'full-time', type: 'boolean' },
    { name: 'employer', type: 'string' },
    { name: 'save', type: 'boolean' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['--role REF_OR_TITLE', 'the target role (required)'],
      ['--hours-per-week N', 'hours you can study each week (required)'],
      ['--budget "500 USD"', 'total budget; steps that do not fit are marked over budget with a cheaper alternative'],
      ['--target-date YYYY-MM-DD', 'when you want to be done'],
      ['--full-time', 'you are available full time (a bootcamp becomes an option)'],
      ['--employer NAME', "your current employer (its training programs may cover some skills)"],
      ['--save', 'save the plan (otherwise it is only shown)'],
    ]),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`plan: unexpected ${inv.positionals.join(' ')}`)
    const role = str(inv.values.role)
    const rawHours = str(inv.values['hours-per-week'])
    const missing = [role === undefined ? '--role' : '', rawHours === undefined ? '--hours-per-week' : ''].filter(Boolean)
    if (missing.length) throw usage(`plan: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`)
    const hoursPerWeek = parseHours(rawHours!, '--hours-per-week')
    if (!(hoursPerWeek > 0 && hoursPerWeek <= 80)) throw usage(`--hours-per-week: ${showValue(rawHours!)} must be more than 0 and at most 80`)
    const rawBudget = str(inv.values.budget)
    const budget = rawBudget === undefined ? null : parseCost(rawBudget, '--budget')
    const targetDate = str(inv.values['target-date'])
    if (targetDate !== undefined) {
      const check = IsoDate.safeParse(targetDate)
      if (!check.success) throw usage(`--target-date: ${showValue(targetDate)} ${check.error.issues[0]?.message ?? 'is not a date'}`)
    }
    const employer = str(inv.values.employer)?.trim()
    if (employer !== undefined && !employer) throw usage('--employer needs a name')
    const constraints = {
      budget,
      hoursPerWeek,
      ...(targetDate !== undefined ? { targetDate } : {}),
      fullTime: inv.values['full-time'] === true,
      ...(employer ? { employer } : {}),
    }
    const { ref } = await resolveRole(ctx, role!)
    const plan = await ctx.call('plans:suggest', { ref, constraints })
    const saved = inv.values.save === true ? await ctx.call('plans:create', { ref, constraints }) : null
    return { json: saved ? { plan, saved } : plan, text: planText(plan, saved) }
  },
}

// ---------- taxonomy ----------

const TAXONOMY_WORDS = ['import', 'sources', 'export', 'remove'] as const

export const taxonomyCommand: Command = {
  name: 'taxonomy',
  summary: 'Import ESCO or O*NET downloads and taxonomy packs; list, export or remove them',
  usage: ['taxonomy import FOLDER_OR_PACK', 'taxonomy sources', 'taxonomy export ID|catalog --out FILE', 'taxonomy remove ID'],
  subjects: { words: TAXONOMY_WORDS, resolve: (w) => ((TAXONOMY_WORDS as readonly string[]).includes(w.toLowerCase()) ? w.toLowerCase() : null), what: 'what to do' },
  options: (subject) => (subject === 'export' ? [{ name: 'out', type: 'string' }] : []),
  help: () =>
    [
      optionTable('Flags:', [['--out FILE', 'taxonomy export: where to write the pack (JSON)']]),
      '',
      'import takes an ESCO CSV folder, an O*NET text database folder or a taxonomy pack (.json).',
      'Imported skills and occupations are tagged with their source and never change your own skills.',
    ].join('\n'),
  async run(ctx, inv) {
    const args = inv.positionals
    switch (inv.subject) {
      case 'import': {
        if (args.length !== 1) throw usage('taxonomy import needs one folder or pack file, e.g. skillfolio taxonomy import ~/Downloads/ESCO')
        const path = resolve(args[0]!)
        const r = await ctx.call('taxonomy:import', { path }, { path: { flag: 'path', values: [args[0]!] } })
        const s = r.source
        const warn = r.warnings.length ? `\n${r.warnings.map((w) => `  note: ${w}`).join('\n')}` : ''
        return {
          json: r,
          text: `${r.replaced ? 'Replaced' : 'Imported'} ${s.kind} taxonomy "${s.name}"${s.version ? ` ${s.version}` : ''} as source ${s.id}: ${plural(s.skills, 'skill')}, ${plural(s.occupations, 'occupation')}, ${plural(s.relations, 'relation')}${r.skipped ? `, ${r.skipped} rows skipped` : ''}.${warn}`,
        }
      }
      case 'sources': {
        if (args.length) throw usage(`taxonomy sources: unexpected ${args.join(' ')}`)
        const sources = await ctx.call('taxonomy:sources', {})
        if (!sources.length) return { json: sources, text: 'No imported taxonomies (the built-in catalog is always there).' }
        const rows = sources.map((s) => [String(s.id), s.kind, s.name, s.version ?? '', String(s.skills), String(s.occupations), s.importedAt.slice(0, 10)])
        return {
          json: sources,
          text: table([{ header: 'ID', align: 'right' }, { header: 'Kind' }, { header: 'Name', max: 40 }, { header: 'Version' }, { header: 'Skills', align: 'right' }, { header: 'Occupations', align: 'right' }, { header: 'Imported' }], rows),
        }
      }
      case 'export': {
        if (args.length !== 1) throw usage('taxonomy export needs a source id or "catalog", e.g. skillfolio taxonomy export catalog --out pack.json')
        const source = parseSource(args[0]!)
        const out = str(inv.values.out)
        if (!out?.trim()) throw usage('taxonomy export: --out FILE is required')
        const text = await ctx.call('taxonomy:exportPack', { source })
        const file = resolve(out)
        writeFileSync(file, text, 'utf8')
        return { json: { source, file, bytes: Buffer.byteLength(text) }, text: `Wrote ${source === 'catalog' ? 'the built-in catalog' : `taxonomy ${source}`} to ${file}.` }
      }
      default: {
        if (args.length !== 1) throw usage('taxonomy remove needs one source id, e.g. skillfolio taxonomy remove 2')
        const source = parseSource(args[0]!)
        if (source === 'catalog') throw usage('taxonomy remove: the built-in catalog cannot be removed')
        await ctx.call('taxonomy:remove', { id: source })
        return { json: { id: source }, text: `Removed taxonomy ${source}.` }
      }
    }
  },
}

function parseSource(raw: string): number | 'catalog' {
  if (raw.trim().toLowerCase() === 'catalog') return 'catalog'
  if (!/^[1-9]\d{0,9}$/.test(raw.trim())) throw usage(`taxonomy: ${showValue(raw)} is not a source id (see skillfolio taxonomy sources) or "catalog"`)
  return Number(raw.trim())
}
