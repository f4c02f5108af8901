/**
 * Roles, gap analysis, fit ranking, inferred work evidence, learning plans and taxonomy imports
 * (issue 4): `roles`, `gap`, `fit`, `evidence`, `plan`, `taxonomy`. Everything goes through the
 * contract like the other commands.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { GapAnalysis, LearningPlan, PlanStep, RoleListItem, SavedPlan, SkillGap } from '../../shared/analysis'
import { formatPriceEstimate, MAX_POSTING_CHARS, skillNamesOf } from '../../shared/analysis'
import { DEPTH_WORD, FIT_EXPLANATION, type EvidenceItem, type EvidenceKind, type ExperienceInference, type InferenceDecision } from '../../shared/evidence'
import { areaLabel } from '../../shared/areas'
import { formatMoney } from '../../shared/format'
import { ExperienceId, IsoDate } from '../../shared/schemas'
import { quote } from '../../shared/text-rules'
import type { Command, Context } from '../context'
import { CliError, showValue, usage } from '../errors'
import { parseCost, parseCount, parseHours } from '../fields'
import { plural, table, truncate, wrap } from '../format'
import { optionTable } from '../help-text'

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const REF = /^(?:catalog:[a-z0-9]+(?:-[a-z0-9]+)*|custom:[1-9]\d{0,14})$/
const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const pct = (n: number) => `${n.toFixed(1)}%`
/** FIT_EXPLANATION as the command line writes percentages ("70%"), so a line never breaks before "%". */
const FIT_SENTENCE = (text: string) => text.replace(/(\d) %/g, '$1%')

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
    if (inv.positionals.length) throw usage(`roles: unexpected ${inv.positionals.map(showValue).join(' ')}; use --search TEXT to filter`)
    const text = str(inv.values.search)
    const roles = await ctx.call('roles:list', text === undefined ? {} : { text }, text === undefined ? {} : { text: { flag: '--search', values: [text] } })
    if (!roles.length) return { json: roles, text: text ? `No role matches ${quote(text)}.` : 'No roles.' }
    const rows = roles.map((r) => [r.ref, r.title, areaLabel(r.area), r.source, String(r.skills)])
    const body = table([{ header: 'Ref', max: 48 }, { header: 'Title', max: 50 }, { header: 'Area' }, { header: 'Source' }, { header: 'Skills', align: 'right' }], rows)
    return { json: roles, text: `${body}\n\n${plural(roles.length, 'role')}` }
  },
}

// ---------- gap ----------

/** How an evidence kind reads in `gap --evidence`. */
const KIND_WORD: Record<EvidenceKind, string> = {
  credential: 'credential',
  project: 'project',
  experience: 'work',
  inferred: 'inferred',
  education: 'education',
  'self-reported': 'self-reported',
  related: 'related',
}

/** The explanation without the skill's name in front ("SQL: practised in …" → "practised in …"). */
function explanationOf(s: SkillGap): string {
  const prefix = `${s.name}: `
  return s.explanation.startsWith(prefix) ? s.explanation.slice(prefix.length) : s.explanation
}

/**
 * Why an item counts, in the ladder's words: a project is where a skill is practised (the engine
 * may still say "applied in a project").
 */
const evidenceDetail = (item: EvidenceItem): string => item.detail.replace(/^applied\b/, 'practised')

/** One item per entry: the same credential or project is listed once under a skill. */
function distinctItems(items: readonly EvidenceItem[]): EvidenceItem[] {
  const seen = new Set<string>()
  return items.filter((i) => !seen.has(`${i.kind} ${i.source}`) && seen.add(`${i.kind} ${i.source}`))
}

/** One evidence item on one line: kind, entry, why it counts, date, the step it gives. */
function evidenceLine(item: EvidenceItem, today: string | null, kindWidth: number, sourceWidth: number): string {
  const detail = evidenceDetail(item)
  const what = detail.toLowerCase().includes(item.title.toLowerCase()) ? detail : `${item.title} — ${detail}`
  const when = item.date === null ? null : today !== null && item.date >= today ? 'current' : item.stale ? `${item.date} (over five years ago)` : item.date
  const decision = !item.inference ? null : item.inference.decision === 'pending' ? 'not confirmed yet' : detail.includes(item.inference.decision) ? null : item.inference.decision
  const notes = [what, when, `gives ${item.gives}`, decision].filter(Boolean)
  const source = item.kind === 'related' ? '' : item.source
  return `      ${KIND_WORD[item.kind].padEnd(kindWidth)}  ${source.padEnd(sourceWidth)}  ${notes.join(' · ')}`.trimEnd()
}

/** A skills table; with `evidence`, each skill's items are listed under its row. */
function skillsTable(skills: SkillGap[], evidence: boolean, today: string | null): string {
  const rows = skills.map((s) => [s.name, s.essential ? 'essential' : '', s.weight.toFixed(2), DEPTH_WORD[s.depth], explanationOf(s)])
  const body = table([{ header: 'Skill', max: 36 }, { header: 'Need' }, { header: 'Weight', align: 'right' }, { header: 'Depth' }, { header: 'Evidence', max: 90 }], rows)
  if (!evidence) return body
  const itemsOf = new Map(skills.map((s) => [s, distinctItems(s.evidence.items)]))
  const items = [...itemsOf.values()].flat()
  const kindWidth = Math.max(0, ...items.map((i) => KIND_WORD[i.kind].length))
  const sourceWidth = Math.max(0, ...items.filter((i) => i.kind !== 'related').map((i) => i.source.length))
  const [header, ...lines] = body.split('\n')
  const out = [header!]
  skills.forEach((s, i) => {
    out.push(lines[i]!)
    out.push(...itemsOf.get(s)!.map((item) => evidenceLine(item, today, kindWidth, sourceWidth)))
    if (s.evidence.moreItems) out.push(`      … and ${plural(s.evidence.moreItems, 'more item')}`)
  })
  return out.join('\n')
}

/** The parts the fit is made of, on one line. */
function partsLine(g: GapAnalysis): string {
  const essentials = g.skills.filter((s) => s.essential)
  const backed = essentials.filter((s) => s.depth !== 'none').length
  const c = g.counts
  const parts = [
    `coverage ${pct(g.coveragePercent)}`,
    essentials.length ? `essentials ${pct(g.essentialCoveragePercent)} (${backed} of ${essentials.length} with evidence)` : 'no essential skills',
    `${c.proven} proven, ${c.practised} practised, ${c.learned} learned, ${c.none} missing`,
    ...(g.transversal.total ? [`transversal ${g.transversal.covered} of ${g.transversal.total} with evidence`] : []),
  ]
  return wrap(`Parts: ${parts.join('; ')}`, '', 100)
}

/** `today` (YYYY-MM-DD) marks evidence dated today, such as current work, as "current". */
export function gapText(g: GapAnalysis, o: { evidence?: boolean; today?: string } = {}): string {
  const evidence = o.evidence === true
  const today = o.today ?? null
  const role = g.role.source === 'posting' ? g.role.title : `${g.role.title} (${g.role.ref})`
  const head = [`Fit ${pct(g.fitPercent)} — ${role}`, wrap(FIT_SENTENCE(g.fitExplanation), '', 100), partsLine(g)]
  const core = g.skills.filter((s) => s.group !== 'transversal')
  const transversal = g.skills.filter((s) => s.group === 'transversal')
  const blocks = [head.join('\n')]
  if (core.length) blocks.push(skillsTable(core, evidence, today))
  if (transversal.length) blocks.push(`Transversal skills (${g.transversal.covered} of ${g.transversal.total} with evidence)\n${skillsTable(transversal, evidence, today)}`)
  if (g.missingEssentials.length) blocks.push(wrap(`Missing essentials: ${skillNamesOf(g, g.missingEssentials).join(', ')}`, '', 100))
  if (g.learnedNotApplied.length) blocks.push(wrap(`Learned but never practised: ${skillNamesOf(g, g.learnedNotApplied).join(', ')}`, '', 100))
  if (!evidence && g.skills.some((s) => s.evidence.items.length)) blocks.push('Add --evidence to list the evidence behind each skill.')
  return blocks.join('\n\n')
}

export const gapCommand: Command = {
  name: 'gap',
  summary: 'Gap analysis: how far your portfolio is from a role or a job posting',
  usage: ['gap --role REF_OR_TITLE [--evidence]', 'gap --posting FILE [--evidence]'],
  options: () => [
    { name: 'role', type: 'string' },
    { name: 'posting', type: 'string' },
    { name: 'evidence', type: 'boolean' },
  ],
  help: () =>
    [
      optionTable('Flags:', [
        ['--role REF_OR_TITLE', 'a role: catalog:data-analyst, custom:3, or its title or an alternate title'],
        ['--posting FILE', 'a job posting as a text file: its skills are found and analysed (nothing is saved)'],
        ['--evidence', 'list the evidence behind each skill: kind, entry, why it counts, date and the depth it gives'],
      ]),
      '',
      wrap(FIT_SENTENCE(FIT_EXPLANATION), '', 100),
      'Skills inferred from a job title count until you confirm or reject them: see skillfolio evidence inferred.',
    ].join('\n'),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`gap: unexpected ${inv.positionals.map(showValue).join(' ')}`)
    const role = str(inv.values.role)
    const posting = str(inv.values.posting)
    const evidence = inv.values.evidence === true
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
      return { json: { posting: { file: posting, title: extraction.title, skills: accepted }, gap }, text: `${found}\n\n${gapText(gap, { evidence, today: isoDay(ctx.now()) })}` }
    }
    const { ref } = await resolveRole(ctx, role!)
    const gap = await ctx.call('gap:analyze', { ref })
    return { json: gap, text: gapText(gap, { evidence, today: isoDay(ctx.now()) }) }
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
  summary: 'Roles you are closest to, by fit',
  usage: ['fit [--top N]'],
  options: () => [{ name: 'top', type: 'string' }],
  help: () => [optionTable('Flags:', [['--top N', 'only the N best roles (default 10)']]), '', wrap(FIT_SENTENCE(FIT_EXPLANATION), '', 100)].join('\n'),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`fit: unexpected ${inv.positionals.map(showValue).join(' ')}`)
    const rawTop = str(inv.values.top)
    const limit = rawTop === undefined ? 10 : parseCount(rawTop, '--top', 1)
    const fits = await ctx.call('roles:fit', { limit }, { limit: { flag: '--top', values: [rawTop ?? String(limit)] } })
    if (!fits.length) return { json: fits, text: 'No roles.' }
    const rows = fits.map((f, i) => [String(i + 1), pct(f.fitPercent), pct(f.coveragePercent), pct(f.essentialCoveragePercent), `${f.covered}/${f.skills}`, String(f.missingEssentials), f.title, f.ref])
    const body = table(
      [
        { header: '#', align: 'right' },
        { header: 'Fit', align: 'right' },
        { header: 'Coverage', align: 'right' },
        { header: 'Essentials', align: 'right' },
        { header: 'Skills', align: 'right' },
        { header: 'Missing essentials', align: 'right' },
        { header: 'Role', max: 44 },
        { header: 'Ref', max: 48 },
      ],
      rows,
    )
    return { json: fits, text: body }
  },
}

// ---------- plan ----------

const STEP_KIND_WORD: Record<PlanStep['kind'], string> = {
  platform: 'course',
  certification: 'certification',
  bootcamp: 'bootcamp',
  employer: 'employer',
  project: 'project',
  'self-study': 'self-study',
}

function planText(plan: LearningPlan, saved: SavedPlan | null): string {
  const c = plan.constraints
  const head = [
    `Learning plan for ${plan.role.title} (${plan.role.ref})${saved ? `, saved as plan ${saved.id}` : ''}`,
    `Budget ${c.budget ? formatMoney(c.budget) : 'no limit'}   ${c.hoursPerWeek} h/week${c.fullTime ? '   full time' : ''}${c.employer ? `   employer ${c.employer}` : ''}${c.targetDate ? `   target ${c.targetDate}` : ''}   from ${c.startDate}`,
  ].join('\n')
  if (!plan.steps.length) return [head, ...plan.notes].join('\n\n')
  const rows = plan.steps.map((s) => {
    const alt = s.uses === 'alternative' && s.alternative ? s.alternative : null
    const kind = alt ? `${STEP_KIND_WORD[alt.kind]} (instead of ${STEP_KIND_WORD[s.kind]})` : STEP_KIND_WORD[s.kind]
    const hours = alt ? alt.hours : s.hours
    const cost = alt ? formatPriceEstimate(alt.cost, alt.originalCost) : formatPriceEstimate(s.cost, s.originalCost)
    const by = s.offer ? (s.offer.platform && s.offer.platform !== s.offer.provider ? `${s.offer.provider} (${s.offer.platform})` : s.offer.provider) : ''
    const flags = [s.overBudget ? 'OVER BUDGET' : '', s.afterTarget ? 'after target' : ''].filter(Boolean).join(', ')
    return [String(s.position), s.title, by, kind, String(Math.round(hours)), cost, s.endsOn, flags, s.skills.map((k) => k.name).join(', ')]
  })
  const steps = table(
    [{ header: '#', align: 'right' }, { header: 'Step', max: 60 }, { header: 'By', max: 32 }, { header: 'Type' }, { header: 'Hours', align: 'right' }, { header: 'Cost (estimate)', align: 'right' }, { header: 'Done by' }, { header: 'Note' }, { header: 'Skills', max: 60 }],
    rows,
  )
  const links = plan.steps.filter((s) => s.offer).map((s) => `${String(s.position).padStart(3)}. ${s.offer!.url}`)
  const t = plan.totals
  const totals = [
    `Planned: ${Math.round(t.plannedHours)} h, ${formatPriceEstimate(t.plannedCost)}${t.overBudgetSteps ? ` (${plural(t.overBudgetSteps, 'step')} over budget; as suggested: ${Math.round(t.hours)} h, ${formatPriceEstimate(t.cost)})` : ''}`,
    `Completes on ${plan.completesOn ?? '—'}${plan.meetsTarget === null ? '' : plan.meetsTarget ? ', before the target date' : ', AFTER the target date'}`,
  ]
  return [
    head,
    steps,
    ...(links.length ? [`Links:\n${links.join('\n')}`] : []),
    totals.join('\n'),
    ...plan.notes.map((n) => wrap(`Note: ${n}`, '', 100)),
    ...(plan.prices ? [wrap(plan.prices.note, '', 100)] : []),
  ].join('\n\n')
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'A budgeted learning plan that closes the gaps of a role',
  usage: ['plan --role REF_OR_TITLE --hours-per-week N [--budget "500 USD"] [--currency GBP] [--target-date YYYY-MM-DD] [--full-time] [--employer NAME] [--save]'],
  options: () => [
    { name: 'role', type: 'string' },
    { name: 'budget', type: 'string' },
    { name: 'currency', type: 'string' },
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
      ['--budget "500 USD"', 'total budget: only programs that fit are chosen, the other gaps become free self-study'],
      ['--currency GBP', 'show prices in this currency (default: the budget currency, else your currency setting, else USD)'],
      ['--target-date YYYY-MM-DD', 'when you want to be done'],
      ['--full-time', 'you are available full time (a bootcamp becomes an option)'],
      ['--employer NAME', "your current employer (its training programs may cover some skills)"],
      ['--save', 'save the plan (otherwise it is only shown)'],
    ]),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`plan: unexpected ${inv.positionals.map(showValue).join(' ')}`)
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
    const currency = str(inv.values.currency)?.trim().toUpperCase()
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw usage(`--currency: ${showValue(str(inv.values.currency)!)} must be a three-letter currency code such as GBP`)
    if (currency && budget && budget.currency !== currency) throw usage(`--currency: ${currency} differs from the budget's currency ${budget.currency}; give the budget in ${currency}`)
    const constraints = {
      budget,
      hoursPerWeek,
      ...(targetDate !== undefined ? { targetDate } : {}),
      fullTime: inv.values['full-time'] === true,
      ...(employer ? { employer } : {}),
      ...(currency ? { currency } : {}),
    }
    const { ref } = await resolveRole(ctx, role!)
    const plan = await ctx.call('plans:suggest', { ref, constraints })
    const saved = inv.values.save === true ? await ctx.call('plans:create', { ref, constraints }) : null
    return { json: saved ? { plan, saved } : plan, text: planText(plan, saved) }
  },
}

// ---------- evidence ----------

const EVIDENCE_WORDS = ['inferred', 'confirm', 'reject', 'reset'] as const
type EvidenceWord = (typeof EVIDENCE_WORDS)[number]
const DECISION_OF: Record<Exclude<EvidenceWord, 'inferred'>, InferenceDecision> = { confirm: 'confirmed', reject: 'rejected', reset: 'pending' }
const DECISION_WORD: Record<InferenceDecision, string> = { pending: 'not confirmed yet (counts as practised)', confirmed: 'confirmed (counts as practised)', rejected: 'rejected (does not count)' }

/** A work entry id, checked before the portfolio is opened. */
function parseExperienceId(raw: string | undefined, command: string): string {
  if (raw === undefined) throw usage(`${command} needs a work entry id, e.g. skillfolio ${command} exp-1 (see skillfolio list experience)`)
  const parsed = ExperienceId.safeParse(raw)
  if (!parsed.success) throw usage(`${command}: ${showValue(raw)} is not a work entry id like exp-1 (see skillfolio list experience)`, [{ path: 'experienceId', message: 'must be a work entry id like exp-1' }])
  return parsed.data
}

const skillWord = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ')

/** SKILL as a catalog key (data-analysis) or a name (Data analysis), among the skills the entry infers. */
function resolveInferred(inference: ExperienceInference, raw: string): ExperienceInference['skills'][number] {
  const want = skillWord(raw)
  const hit = inference.skills.find((s) => s.key === raw.trim()) ?? inference.skills.find((s) => skillWord(s.key) === want || skillWord(s.name) === want)
  if (hit) return hit
  const entry = `${inference.experienceId} (${inference.entry})`
  if (!inference.skills.length) throw new CliError('NOT_FOUND', `${entry} infers no skills: its title names no role in the catalog.`)
  const known = inference.skills.map((s) => `${s.name} (${s.key})`).join(', ')
  throw new CliError('NOT_FOUND', `${entry} does not infer ${showValue(raw.trim())}; its inferred skills: ${known}.`)
}

function inferenceText(inf: ExperienceInference): string {
  const head = `${inf.experienceId}  ${inf.entry}${inf.duration ? ` (${inf.duration})` : ''}`
  if (!inf.role || !inf.skills.length) return `${head}\n  Its title names no role in the catalog, so no skills are inferred from it.`
  const rows = inf.skills.map((s) => [s.key, s.name, DECISION_WORD[s.decision]])
  return [
    head,
    wrap(`Its title names the role ${inf.role.title} (${inf.role.ref}); that role's essential skills count as practised at work until you confirm or reject them.`, '  ', 100),
    '',
    table([{ header: 'Key', max: 40 }, { header: 'Skill', max: 40 }, { header: 'Decision' }], rows),
  ].join('\n')
}

export const evidenceCommand: Command = {
  name: 'evidence',
  summary: 'Skills inferred from your work entries: list them, confirm or reject them',
  usage: ['evidence inferred [EXP_ID]', 'evidence confirm EXP_ID SKILL', 'evidence reject EXP_ID SKILL', 'evidence reset EXP_ID SKILL'],
  subjects: { words: EVIDENCE_WORDS, resolve: (w) => ((EVIDENCE_WORDS as readonly string[]).includes(w.toLowerCase()) ? w.toLowerCase() : null), what: 'what to do' },
  options: () => [],
  help: () =>
    [
      'A work entry whose title names a catalog role (exp-1 "Data Analyst") is evidence for that role\'s essential',
      'skills: they count as practised at work until you confirm (they keep counting) or reject them (they stop',
      'counting and are not inferred from that entry again). reset takes your decision back.',
      '',
      'SKILL is the skill\'s key (data-analysis) or its name ("Data analysis"), as evidence inferred lists them.',
      '',
      'Examples:',
      '  skillfolio evidence inferred exp-1',
      '  skillfolio evidence reject exp-1 data-analysis',
      '  skillfolio evidence confirm exp-1 "Data cleaning"',
    ].join('\n'),
  async run(ctx, inv) {
    const word = inv.subject as EvidenceWord
    const args = inv.positionals
    if (word === 'inferred') {
      if (args.length > 1) throw usage(`evidence inferred takes one work entry id; unexpected ${args.slice(1).map(showValue).join(' ')}`)
      if (args.length === 1) {
        const experienceId = parseExperienceId(args[0], 'evidence inferred')
        const inf = await ctx.call('evidence:inferences', { experienceId })
        return { json: inf, text: inferenceText(inf) }
      }
      const entries = await ctx.call('experience:list', {})
      const all: ExperienceInference[] = []
      for (const e of entries) all.push(await ctx.call('evidence:inferences', { experienceId: e.id }))
      if (!all.length) return { json: all, text: 'No work entries yet; add one with skillfolio add experience.' }
      return { json: all, text: all.map(inferenceText).join('\n\n') }
    }
    const command = `evidence ${word}`
    const experienceId = parseExperienceId(args[0], command)
    const rawSkill = args.slice(1).join(' ').trim()
    if (!rawSkill) throw usage(`${command} needs a skill after the entry, e.g. skillfolio ${command} ${experienceId} data-analysis (see skillfolio evidence inferred ${experienceId})`)
    const current = await ctx.call('evidence:inferences', { experienceId })
    const skill = resolveInferred(current, rawSkill)
    const decision = DECISION_OF[word]
    const updated = await ctx.call('evidence:decide', { experienceId, skillKey: skill.key, decision })
    const what = `${skill.name} for ${experienceId} (${updated.entry})`
    const text =
      decision === 'confirmed'
        ? `Confirmed ${what}: it counts as practised at work.`
        : decision === 'rejected'
          ? `Rejected ${what}: it is no longer inferred from that entry.`
          : `Reset ${what}: it is inferred again and counts as practised until you confirm or reject it.`
    return { json: updated, text }
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
        if (args.length) throw usage(`taxonomy sources: unexpected ${args.map(showValue).join(' ')}`)
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
