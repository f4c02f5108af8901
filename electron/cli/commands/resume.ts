/**
 * Resume and report PDFs, and saved resume variants (issue 5): `resume`, `report`, `resumes`.
 * The core renders (resume:preview, report:render) and answers base64; only the command line
 * writes the file. Every flag and the output path are checked before the portfolio is opened.
 */
import type { ResumeDecision, ResumeSettingsInput, ResumeVariant } from '../../shared/resume'
import { FONT_SCALES, PAGE_SIZES, RESUME_TEMPLATES } from '../../shared/resume'
import { quote } from '../../shared/text-rules'
import type { Command, Context } from '../context'
import { CliError, showValue, usage, type FlagBinding } from '../errors'
import { plural, table, wrap } from '../format'
import { optionTable } from '../help-text'
import { checkOutPath, writeFileAtomic } from '../pdf-file'
import { didYouMean } from '../suggest'
import { nameKey } from '../../core/portfolio/text'
import { resolveRole } from './analysis'

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** A closed choice (template, page size, font size), refused with a suggestion before anything is opened. */
function choice<T extends string>(raw: string | undefined, choices: readonly T[], flag: string): T | undefined {
  if (raw === undefined) return undefined
  const value = raw.trim().toLowerCase()
  if ((choices as readonly string[]).includes(value)) return value as T
  const message = `${flag}: ${showValue(raw)} is not one of ${choices.join(', ')}${didYouMean(value, choices)}`
  throw usage(message, [{ path: flag.slice(2), flag, message }])
}

function variantId(raw: string, what: string): number {
  if (!/^[1-9]\d{0,14}$/.test(raw.trim())) throw usage(`${what}: ${showValue(raw)} is not a saved resume id (see skillfolio resumes)`)
  return Number(raw.trim())
}

/**
 * `--variant`: a saved resume's id or its name, compared the way the core keeps names unique
 * (nameKey: case, width and spacing ignored). A name may be all digits ("2024"), so a number is
 * looked up both ways: the id wins if only it exists, the name if only it exists, and when id 3
 * and a variant named "3" are two different variants the command refuses rather than guess.
 */
async function findVariant(ctx: Context, raw: string): Promise<ResumeVariant> {
  const value = raw.trim()
  if (!value) throw usage('--variant needs a saved resume id or name')
  const variants = await ctx.call('resumes:list', {})
  const byName = variants.find((v) => nameKey(v.name) === nameKey(value))
  const byId = /^[1-9]\d{0,14}$/.test(value) ? variants.find((v) => v.id === Number(value)) : undefined
  if (byId && byName && byId.id !== byName.id)
    throw usage(`--variant: ${showValue(value)} is both saved resume ${byId.id} (${quote(byId.name)}) and the name of saved resume ${byName.id}; use --variant ${byName.id} for the named one`)
  const found = byId ?? byName
  if (!found) throw new CliError('NOT_FOUND', `There is no saved resume with the id or name ${showValue(value)}; run skillfolio resumes to see them.`)
  return found
}

const PAGE_HELP: [string, string] = ['--page a4|letter', 'paper size (default a4)']
const OUT_HELP: [string, string] = ['--out FILE.pdf', 'where to write the PDF (required); an existing file is replaced']

// ---------- resume ----------

function tailoringText(decisions: ResumeDecision[]): string {
  const shown = decisions.filter((d) => d.included && (d.kind === 'credential' || d.kind === 'project'))
  const out = decisions.filter((d) => !d.included)
  const blocks: string[] = []
  if (shown.length)
    blocks.push(table([{ header: 'Included' }, { header: 'Item', max: 52 }, { header: 'Why', max: 100 }], shown.map((d) => [d.kind, d.title, d.reason])))
  if (out.length) {
    const kinds = ['credential', 'project', 'skill', 'experience', 'education'] as const
    const counts = kinds.map((k) => [k, out.filter((d) => d.kind === k).length] as const).filter(([, n]) => n > 0)
    blocks.push(`Left out: ${counts.map(([k, n]) => plural(n, k)).join(', ')} (--json gives every item with its reason).`)
  }
  return blocks.join('\n\n')
}

export const resumeCommand: Command = {
  name: 'resume',
  summary: 'Write your resume as a PDF, tailored to a role if you name one',
  usage: ['resume --out FILE.pdf [--role REF_OR_TITLE] [--template ats|two-column] [--page a4|letter] [--accent "#1f5f8b"] [--font small|normal|large] [--qr] [--hide-expired] [--variant ID_OR_NAME]'],
  options: () => [
    { name: 'out', type: 'string' },
    { name: 'role', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'page', type: 'string' },
    { name: 'accent', type: 'string' },
    { name: 'font', type: 'string' },
    { name: 'qr', type: 'boolean' },
    { name: 'hide-expired', type: 'boolean' },
    { name: 'variant', type: 'string' },
  ],
  help: () =>
    [
      optionTable('Flags:', [
        OUT_HELP,
        ['--role REF_OR_TITLE', 'tailor to a role: catalog:data-analyst, custom:3, a catalog id or a title'],
        ['--template ats|two-column', 'ATS single-column (default) or two columns'],
        PAGE_HELP,
        ['--accent "#1f5f8b"', 'accent colour of headings and links'],
        ['--font small|normal|large', 'text size (default normal)'],
        ['--qr', 'print a QR code beside credentials with a verification link'],
        ['--hide-expired', 'leave expired credentials out (default: shown and marked "Expired")'],
        ['--variant ID_OR_NAME', "start from a saved resume's settings (see skillfolio resumes); other flags override them"],
      ]),
      '',
      'With a role, credentials and projects are chosen and ordered by the skills the role asks for;',
      'the command prints what it included and why.',
    ].join('\n'),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`resume: unexpected ${inv.positionals.map(showValue).join(' ')}`)
    const v = inv.values
    const template = choice(str(v.template), RESUME_TEMPLATES, '--template')
    const pageSize = choice(str(v.page), PAGE_SIZES, '--page')
    const fontScale = choice(str(v.font), FONT_SCALES, '--font')
    const accent = str(v.accent)
    if (accent !== undefined && !accent.trim()) throw usage('--accent needs a colour like "#1f5f8b"')
    const rawRole = str(v.role)
    const rawVariant = str(v.variant)
    const out = checkOutPath(str(v.out), ctx.cwd, 'resume')

    const variant = rawVariant === undefined ? null : await findVariant(ctx, rawVariant)
    // A variant outlives its custom role; say which variant and how to go on, not just "no role".
    if (variant?.settings.roleRef && variant.roleTitle === null && rawRole === undefined)
      throw new CliError('NOT_FOUND', `Saved resume ${variant.id} ${quote(variant.name)} is for ${variant.settings.roleRef}, which was deleted; add --role REF_OR_TITLE to pick another role.`)
    const role = rawRole === undefined ? null : await resolveRole(ctx, rawRole)
    const settings: ResumeSettingsInput = {
      ...(variant?.settings ?? {}),
      ...(role ? { roleRef: role.ref as ResumeSettingsInput['roleRef'] } : {}),
      ...(template ? { template } : {}),
      ...(pageSize ? { pageSize } : {}),
      ...(fontScale ? { fontScale } : {}),
      ...(accent !== undefined ? { accent: accent.trim() } : {}),
      ...(v.qr === true ? { showQr: true } : {}),
      ...(v['hide-expired'] === true ? { expired: 'hide' as const } : {}),
    }
    const binding: FlagBinding = {
      ...(accent !== undefined ? { accent: { flag: '--accent', values: [accent] } } : {}),
      ...(rawRole !== undefined ? { roleRef: { flag: '--role', values: [rawRole] } } : {}),
    }
    const preview = await ctx.call('resume:preview', settings, binding)
    writeFileAtomic(out, Buffer.from(preview.pdfBase64, 'base64'))

    const { pdfBase64: _pdf, ...rest } = preview
    const head = `Wrote ${out} (${plural(preview.pageCount, 'page')}${variant ? `, from saved resume ${variant.id} "${variant.name}"` : ''}).`
    const lines = [head]
    if (preview.role) {
      lines.push(`Tailored for ${preview.role.title} (${preview.role.ref}).`)
      if (preview.keywords.length) lines.push(wrap(`Role skills shown: ${preview.keywords.join(', ')}`, '', 100))
      const summary = tailoringText(preview.decisions)
      if (summary) lines.push('', summary)
    }
    return { json: { file: out, ...rest }, text: lines.join('\n') }
  },
}

// ---------- report ----------

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the skills-gap report and learning plan for a role as a PDF',
  usage: ['report --role REF_OR_TITLE --out FILE.pdf [--plan ID] [--page a4|letter]'],
  options: () => [
    { name: 'role', type: 'string' },
    { name: 'plan', type: 'string' },
    { name: 'page', type: 'string' },
    { name: 'out', type: 'string' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['--role REF_OR_TITLE', 'the target role (required)'],
      OUT_HELP,
      ['--plan ID', 'include this saved plan for the role (see skillfolio plan --save); default: a suggested plan at 5 h a week, no budget'],
      PAGE_HELP,
    ]),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`report: unexpected ${inv.positionals.map(showValue).join(' ')}`)
    const v = inv.values
    const rawRole = str(v.role)
    if (rawRole === undefined) throw usage('report: --role REF_OR_TITLE is required', [{ path: 'role', flag: '--role', message: '--role is required' }])
    const pageSize = choice(str(v.page), PAGE_SIZES, '--page')
    const rawPlan = str(v.plan)
    if (rawPlan !== undefined && !/^[1-9]\d{0,14}$/.test(rawPlan.trim())) throw usage(`--plan: ${showValue(rawPlan)} is not a plan id (see skillfolio plan --save)`)
    const out = checkOutPath(str(v.out), ctx.cwd, 'report')

    const role = await resolveRole(ctx, rawRole)
    const input = { ref: role.ref, ...(rawPlan !== undefined ? { planId: Number(rawPlan.trim()) } : {}), ...(pageSize ? { pageSize } : {}) }
    const report = await ctx.call('report:render', input, rawPlan !== undefined ? { planId: { flag: '--plan', values: [rawPlan] } } : {})
    writeFileAtomic(out, Buffer.from(report.pdfBase64, 'base64'))
    const { pdfBase64: _pdf, ...rest } = report
    return {
      json: { file: out, role, ...rest },
      text: `Wrote ${out} (${plural(report.pageCount, 'page')}): skills gap for ${role.title}${rawPlan !== undefined ? ` with plan ${rawPlan.trim()}` : ' with a suggested plan'}.`,
    }
  },
}

// ---------- resumes ----------

const RESUMES_WORDS = ['list', 'add', 'remove'] as const

function variantsTable(variants: ResumeVariant[]): string {
  const rows = variants.map((r) => [String(r.id), r.name, r.roleTitle ?? (r.settings.roleRef ? `${r.settings.roleRef} (deleted)` : 'general'), r.sentTo ?? '', r.sentOn ?? '', r.updatedAt.slice(0, 10)])
  return table([{ header: 'ID', align: 'right' }, { header: 'Name', max: 40 }, { header: 'Role', max: 40 }, { header: 'Sent to', max: 40 }, { header: 'Sent on' }, { header: 'Updated' }], rows)
}

export const resumesCommand: Command = {
  name: 'resumes',
  summary: 'Saved resume variants: list, add or remove (use one with resume --variant)',
  usage: ['resumes [list]', 'resumes add --name NAME [--role REF_OR_TITLE] [--template ats|two-column] [--page a4|letter] [--sent-to TEXT]', 'resumes remove ID'],
  subjects: { words: RESUMES_WORDS, resolve: (w) => ((RESUMES_WORDS as readonly string[]).includes(w.toLowerCase()) ? w.toLowerCase() : null), optional: true, what: 'what to do' },
  options: (subject) =>
    subject === 'add'
      ? [
          { name: 'name', type: 'string' },
          { name: 'role', type: 'string' },
          { name: 'template', type: 'string' },
          { name: 'page', type: 'string' },
          { name: 'sent-to', type: 'string' },
        ]
      : [],
  help: () =>
    optionTable('Flags of resumes add:', [
      ['--name NAME', 'a name for this version, unique (required)'],
      ['--role REF_OR_TITLE', 'the role it is tailored for'],
      ['--template ats|two-column', 'the template (default ats)'],
      PAGE_HELP,
      ['--sent-to TEXT', 'where you sent it ("Acme Corp, via LinkedIn")'],
    ]),
  async run(ctx, inv) {
    const args = inv.positionals
    switch (inv.subject) {
      case 'add': {
        if (args.length) throw usage(`resumes add: unexpected ${args.map(showValue).join(' ')}`)
        const v = inv.values
        const name = str(v.name)
        if (name === undefined || !name.trim()) throw usage('resumes add: --name NAME is required', [{ path: 'name', flag: '--name', message: '--name is required' }])
        const template = choice(str(v.template), RESUME_TEMPLATES, '--template')
        const pageSize = choice(str(v.page), PAGE_SIZES, '--page')
        const sentTo = str(v['sent-to'])
        const rawRole = str(v.role)
        const role = rawRole === undefined ? null : await resolveRole(ctx, rawRole)
        const settings: ResumeSettingsInput = {
          ...(role ? { roleRef: role.ref as ResumeSettingsInput['roleRef'] } : {}),
          ...(template ? { template } : {}),
          ...(pageSize ? { pageSize } : {}),
        }
        const binding: FlagBinding = { name: { flag: '--name', values: [name] }, ...(sentTo !== undefined ? { sentTo: { flag: '--sent-to', values: [sentTo] } } : {}) }
        const created = await ctx.call('resumes:create', { name, settings, ...(sentTo !== undefined ? { sentTo } : {}) }, binding)
        return { json: created, text: `Saved resume ${created.id} "${created.name}"${created.roleTitle ? ` for ${created.roleTitle}` : ''}. Write it with: skillfolio resume --variant ${created.id} --out resume.pdf` }
      }
      case 'remove': {
        if (args.length !== 1) throw usage('resumes remove needs one saved resume id, e.g. skillfolio resumes remove 2')
        const id = variantId(args[0]!, 'resumes remove')
        await ctx.call('resumes:delete', { id })
        return { json: { id }, text: `Removed saved resume ${id}.` }
      }
      default: {
        if (args.length) throw usage(`resumes: unexpected ${args.map(showValue).join(' ')}`)
        const variants = await ctx.call('resumes:list', {})
        if (!variants.length) return { json: variants, text: 'No saved resumes. Save one with: skillfolio resumes add --name NAME [--role …]' }
        return { json: variants, text: `${variantsTable(variants)}\n\n${plural(variants.length, 'saved resume')}` }
      }
    }
  },
}


