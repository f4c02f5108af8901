/**
 * Resume and report PDFs, and saved resume variants (issue 5): `resume`, `report`, `resumes`.
 * The core renders (resume:preview, report:render) and answers base64; only the command line
 * writes the file. Every flag and the output path are checked before the portfolio is opened.
 */
import { basename, extname } from 'node:path'
import type { ResumeDecision, ResumeLengthOutcome, ResumeSettingsInput, ResumeVariant } from '../../shared/resume'
import { CREDENTIAL_DETAILS, EXPIRED_POLICIES, FONT_SCALES, PAGE_SIZES, RESUME_FORMATS, RESUME_LENGTHS, RESUME_TEMPLATES, type ResumeFormat } from '../../shared/resume'
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

/** The tailoring table of a resume with a role: the credentials and projects it shows, and why. */
function includedText(decisions: ResumeDecision[]): string {
  const shown = decisions.filter((d) => d.included && (d.kind === 'credential' || d.kind === 'project'))
  if (!shown.length) return ''
  return table([{ header: 'Included' }, { header: 'Item', max: 52 }, { header: 'Why', max: 100 }], shown.map((d) => [d.kind, d.title, d.reason]))
}

/** Everything the resume leaves out, each with its reason ("left out to fit on one page (older than what is shown)"). */
function leftOutText(decisions: ResumeDecision[]): string {
  const out = decisions.filter((d) => !d.included)
  if (!out.length) return ''
  return table([{ header: 'Left out' }, { header: 'Item', max: 52 }, { header: 'Why', max: 110 }], out.map((d) => [d.kind, d.title, d.reason]))
}

/**
 * What `resume` prints after writing: the file and its pages, what the length did, the role's
 * skills shown and why each credential and project is in, then every item left out and why.
 * Shared by the PDF and the Word document (same decisions, same length outcome).
 */
export function resumeSummaryText(
  file: string,
  answer: { decisions: ResumeDecision[]; length: ResumeLengthOutcome; role?: { ref: string; title: string } | null; keywords?: string[]; unprintable?: string[] },
  from: ResumeVariant | null,
): string {
  const head = `Wrote ${file} (${plural(answer.length.pages, 'page')}${from ? `, from saved resume ${from.id} "${from.name}"` : ''}).`
  const lines = [answer.length.note ? `${head} ${answer.length.note}` : head]
  // Text no font can show comes first: the file is not what the person wrote until they act.
  for (const message of answer.unprintable ?? []) lines.push(`Warning: ${message}`)
  if (answer.role) {
    lines.push(`Tailored for ${answer.role.title} (${answer.role.ref}).`)
    if (answer.keywords?.length) lines.push(wrap(`Role skills shown: ${answer.keywords.join(', ')}`, '', 100))
    const included = includedText(answer.decisions)
    if (included) lines.push('', included)
  }
  const left = leftOutText(answer.decisions)
  if (left) lines.push('', left)
  return lines.join('\n')
}

/**
 * The resume's layout and content flags, checked before the portfolio is opened: each closed
 * choice is refused with a suggestion. `--hide-expired` is `--expired hide`, kept for scripts.
 */
export function resumeFlagSettings(v: Record<string, unknown>): ResumeSettingsInput {
  const template = choice(str(v.template), RESUME_TEMPLATES, '--template')
  const pageSize = choice(str(v.page), PAGE_SIZES, '--page')
  const fontScale = choice(str(v.font), FONT_SCALES, '--font')
  const length = choice(str(v.length), RESUME_LENGTHS, '--length')
  const credentialDetail = choice(str(v.credentials), CREDENTIAL_DETAILS, '--credentials')
  let expired = choice(str(v.expired), EXPIRED_POLICIES, '--expired')
  if (v['hide-expired'] === true) {
    if (expired !== undefined && expired !== 'hide') throw usage(`--hide-expired means --expired hide; it cannot go with --expired ${expired}`)
    expired = 'hide'
  }
  const accent = str(v.accent)
  if (accent !== undefined && !accent.trim()) throw usage('--accent needs a colour like "#1f5f8b"')
  return {
    ...(template ? { template } : {}),
    ...(pageSize ? { pageSize } : {}),
    ...(fontScale ? { fontScale } : {}),
    ...(length ? { length } : {}),
    ...(credentialDetail ? { credentialDetail } : {}),
    ...(expired ? { expired } : {}),
    ...(accent !== undefined ? { accent: accent.trim() } : {}),
    ...(v.qr === true ? { showQr: true } : {}),
  }
}

/**
 * `--format pdf|docx`, else the --out name's extension (.docx: Word, anything else: PDF). A
 * format that contradicts a .pdf or .docx name is refused rather than written under the wrong name.
 */
function resumeFormat(raw: string | undefined, out: string): ResumeFormat {
  const asked = choice(raw, RESUME_FORMATS, '--format')
  const ext = extname(out).toLowerCase()
  const named = ext === '.docx' ? 'docx' : ext === '.pdf' ? 'pdf' : null
  if (asked && named && asked !== named)
    throw usage(`--format ${asked} does not match --out ${showValue(basename(out))}; name the file .${asked} or leave --format out`, [
      { path: 'format', flag: '--format', message: `--format ${asked} does not match the .${named} name of --out` },
    ])
  return asked ?? named ?? 'pdf'
}

/** The resume as a Word document (resume:docx): same content, order and summary as the PDF. */
async function writeResumeDocx(ctx: Context, out: string, settings: ResumeSettingsInput, binding: FlagBinding, variant: ResumeVariant | null) {
  const answer = await ctx.call('resume:docx', settings, binding)
  writeFileAtomic(out, Buffer.from(answer.docxBase64, 'base64'))
  const { docxBase64: _docx, ...rest } = answer
  return { json: { file: out, ...rest }, text: resumeSummaryText(out, answer, variant) }
}

export const resumeCommand: Command = {
  name: 'resume',
  summary: 'Write your resume as a PDF or Word document, tailored to a role if you name one',
  usage: [
    'resume --out FILE.pdf|FILE.docx [--format pdf|docx] [--role REF_OR_TITLE] [--length 1|2|auto] [--template ats|two-column] [--page a4|letter] [--credentials compact|full] [--expired mark|highlight|hide] [--accent "#1f5f8b"] [--font small|normal|large] [--qr] [--variant ID_OR_NAME]',
  ],
  options: () => [
    { name: 'out', type: 'string' },
    { name: 'format', type: 'string' },
    { name: 'role', type: 'string' },
    { name: 'length', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'page', type: 'string' },
    { name: 'credentials', type: 'string' },
    { name: 'expired', type: 'string' },
    { name: 'accent', type: 'string' },
    { name: 'font', type: 'string' },
    { name: 'qr', type: 'boolean' },
    { name: 'hide-expired', type: 'boolean' },
    { name: 'variant', type: 'string' },
  ],
  help: () =>
    [
      optionTable('Flags:', [
        ['--out FILE.pdf|FILE.docx', 'where to write the resume (required); an existing file is replaced'],
        ['--format pdf|docx', 'PDF or Word document (default: from the --out name, .docx for Word, else PDF)'],
        ['--role REF_OR_TITLE', 'tailor to a role: catalog:data-analyst, custom:3, a catalog id or a title'],
        ['--length 1|2|auto', 'at most one or two pages (default 2), or as long as it takes (auto)'],
        ['--template ats|two-column', 'ATS single-column (default) or two columns'],
        PAGE_HELP,
        ['--credentials compact|full', 'one line per certification (default), or with its ID and link spelled out'],
        ['--expired mark|highlight|hide', 'expired credentials: marked "Expired" in words (default), also in colour, or left out'],
        ['--hide-expired', 'the same as --expired hide'],
        ['--accent "#1f5f8b"', 'accent colour of headings and links'],
        ['--font small|normal|large', 'text size (default normal)'],
        ['--qr', 'print a QR code beside credentials with a verification link'],
        ['--variant ID_OR_NAME', "start from a saved resume's settings (see skillfolio resumes); other flags override them"],
      ]),
      '',
      'With a role, credentials and projects are chosen by the skills the role asks for; without one,',
      'by how recent and how well backed they are. Every section lists the newest first. To fit the',
      'length, the least relevant (or oldest) items are left out first; work history, education and',
      'pinned items never are. The command prints what it left out and why.',
    ].join('\n'),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`resume: unexpected ${inv.positionals.map(showValue).join(' ')}`)
    const v = inv.values
    const flags = resumeFlagSettings(v)
    const accent = str(v.accent)
    const rawRole = str(v.role)
    const rawVariant = str(v.variant)
    const out = checkOutPath(str(v.out), ctx.cwd, 'resume')
    const format = resumeFormat(str(v.format), out)

    const variant = rawVariant === undefined ? null : await findVariant(ctx, rawVariant)
    // A variant outlives its custom role; say which variant and how to go on, not just "no role".
    if (variant?.settings.roleRef && variant.roleTitle === null && rawRole === undefined)
      throw new CliError('NOT_FOUND', `Saved resume ${variant.id} ${quote(variant.name)} is for ${variant.settings.roleRef}, which was deleted; add --role REF_OR_TITLE to pick another role.`)
    const role = rawRole === undefined ? null : await resolveRole(ctx, rawRole)
    const settings: ResumeSettingsInput = {
      ...(variant?.settings ?? {}),
      ...(role ? { roleRef: role.ref as ResumeSettingsInput['roleRef'] } : {}),
      ...flags,
    }
    const binding: FlagBinding = {
      ...(accent !== undefined ? { accent: { flag: '--accent', values: [accent] } } : {}),
      ...(rawRole !== undefined ? { roleRef: { flag: '--role', values: [rawRole] } } : {}),
    }
    if (format === 'docx') return writeResumeDocx(ctx, out, settings, binding, variant)
    const preview = await ctx.call('resume:preview', settings, binding)
    writeFileAtomic(out, Buffer.from(preview.pdfBase64, 'base64'))

    const { pdfBase64: _pdf, ...rest } = preview
    return { json: { file: out, ...rest }, text: resumeSummaryText(out, preview, variant) }
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


