/**
 * Moving a career history in and out: `skillfolio export --format json-resume --out FILE`, and
 * the JSON Resume branch of `skillfolio import` (a .json file whose content is a JSON Resume
 * rather than a badge), which shows what would be added and imports on --yes or a yes typed on
 * the terminal; and its LinkedIn branch (the data export's ZIP or unpacked folder), which does the same.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { LINKEDIN_FILES, UNREAD_LINKEDIN_FILES, zipEntryNames, type CareerImport, type ExchangeItem, type JsonResumeImport } from '../../shared/exchange'
import { LIMITS, MB } from '../../shared/limits'
import type { Command, Context, Outcome } from '../context'
import { CliError, showValue, usage } from '../errors'
import { plural, printable, truncate } from '../format'
import { optionTable } from '../help-text'
import { checkOutPath, writeFileAtomic } from '../pdf-file'
import { exportSkillfolio, startsAsZip } from './full-export'

export const EXPORT_FORMATS = ['json-resume', 'skillfolio'] as const

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the portfolio as a JSON Resume, or everything as a Skillfolio export',
  usage: ['export --out FILE.json [--format json-resume]', 'export --format skillfolio --out FILE.zip'],
  options: () => [
    { name: 'format', type: 'string' },
    { name: 'out', type: 'string' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['--out FILE.json', 'where to write the export (required)'],
      ['--format json-resume', 'JSON Resume (jsonresume.org), the default'],
      ['--format skillfolio', 'everything, with the original files: a ZIP of portfolio.json, originals/ and a README'],
    ]) +
    '\n\nThe JSON Resume is checked against the official schema. What JSON Resume has no field for\n(expiry, credential ID, hours, cost, kind, status, skill categories and aliases, which credentials a\nproject used) is kept in "x-skillfolio" objects, so importing the file into an empty portfolio gives\nthe same portfolio back. Original badge files are not part of it.\n\nA Skillfolio export (--format skillfolio) holds every record and every original file, in an open,\ndocumented JSON format (its README.txt says what each file is); skillfolio --db new.sqlite import FILE.zip\nbrings it back into a new, empty portfolio.',
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`export: unexpected ${showValue(inv.positionals[0]!)}; give the file with --out`)
    const format = typeof inv.values.format === 'string' ? inv.values.format.toLowerCase() : 'json-resume'
    if (!(EXPORT_FORMATS as readonly string[]).includes(format))
      throw usage(`--format must be one of: ${EXPORT_FORMATS.join(', ')}; got ${showValue(String(inv.values.format))}`, [{ path: 'format', flag: '--format', message: `--format must be one of: ${EXPORT_FORMATS.join(', ')}` }])
    const raw = typeof inv.values.out === 'string' ? inv.values.out : undefined
    if (raw === undefined || !raw.trim()) throw usage('export: --out FILE.json is required (where to write the JSON Resume)', [{ path: 'out', flag: '--out', message: '--out is required' }])
    const out = checkOutPath(raw, ctx.cwd, 'export')
    if (format === 'skillfolio') return exportSkillfolio(ctx, out)
    const text = await ctx.call('exchange:exportJsonResume', {})
    writeFileAtomic(out, Buffer.from(text, 'utf8'))
    const resume = JSON.parse(text) as Record<string, unknown>
    const count = (key: string) => (Array.isArray(resume[key]) ? resume[key].length : 0)
    const counts = { work: count('work'), education: count('education'), certificates: count('certificates'), projects: count('projects'), skills: count('skills'), languages: count('languages') }
    return {
      json: { file: out, format, counts },
      text: `Exported your portfolio as a JSON Resume to ${out}: ${plural(counts.work, 'work entry', 'work entries')}, ${plural(counts.education, 'education entry', 'education entries')}, ${plural(counts.certificates, 'certificate')}, ${plural(counts.projects, 'project')}, ${plural(counts.skills, 'skill group')}, ${plural(counts.languages, 'language')}.`,
    }
  },
}

/** A JSON Resume rather than a badge: an object with `basics` or a jsonresume `$schema`, and no JSON-LD `@context`. */
export function looksLikeJsonResume(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const o = value as Record<string, unknown>
  if ('@context' in o) return false
  return (typeof o.basics === 'object' && o.basics !== null) || (typeof o.$schema === 'string' && /jsonresume/i.test(o.$schema))
}

/** The text of `path` when it is a .json file holding a JSON Resume, else null (a badge, a folder, anything else). */
function jsonResumeText(path: string): string | null {
  if (extname(path).toLowerCase() !== '.json') return null
  const stat = statSync(path, { throwIfNoEntry: false })
  // Larger than any resume: left to the badge importer, which reports it in its own words.
  if (!stat?.isFile() || stat.size > LIMITS.jsonResumeChars * 4) return null
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  try {
    return looksLikeJsonResume(JSON.parse(text)) ? text : null
  } catch {
    return null
  }
}

/**
 * The JSON Resume among `import`'s arguments: `{ path, text }` when the one argument is one,
 * null when none is. A JSON Resume given with other files is refused: it is imported on its own.
 */
export function findJsonResume(positionals: readonly string[], cwd: string): { path: string; text: string } | null {
  const found = positionals.map((p) => resolve(cwd, p)).flatMap((path) => {
    const text = jsonResumeText(path)
    return text === null ? [] : [{ path, text }]
  })
  if (!found.length) return null
  if (positionals.length > 1) throw usage(`${showValue(found[0]!.path)} is a JSON Resume: import it on its own, e.g. skillfolio import ${showValue(positionals.find((p) => resolve(cwd, p) === found[0]!.path)!)}`)
  if (found[0]!.text.length > LIMITS.jsonResumeChars) throw usage(`${showValue(found[0]!.path)} is larger than the ${LIMITS.jsonResumeChars / MB} MB a JSON Resume may be`)
  return found[0]!
}

const OUTCOME_WORDS: Record<'preview' | 'done', Record<ExchangeItem['outcome'], string>> = {
  preview: { added: 'add', duplicate: 'have', skipped: 'SKIP', 'left-out': 'leave' },
  done: { added: 'added', duplicate: 'had', skipped: 'SKIPPED', 'left-out': 'left' },
}

/** What a career import is called in its report, and what its sections are called. */
interface ImportKind {
  title: string
  section: (s: ExchangeItem['section']) => string
  preview: () => Promise<CareerImport>
  apply: () => Promise<CareerImport>
}

function careerReport(kind: Pick<ImportKind, 'title' | 'section'>, r: CareerImport, file: string): string {
  const words = OUTCOME_WORDS[r.applied ? 'done' : 'preview']
  const lines = r.items.map((i) => {
    const id = i.id ? `  (${i.id})` : ''
    const why = i.reason ? `\n      ${i.reason}` : ''
    return `  ${words[i.outcome].padEnd(7)} ${kind.section(i.section).padEnd(14)} ${truncate(i.label, 60)}${id}${why}`
  })
  const ignored = r.ignored.length ? ['', 'Not imported (Skillfolio keeps it nowhere):', ...r.ignored.map((i) => `  ${i}`)] : []
  const c = r.counts
  const leftOut = c.leftOut ? `, ${c.leftOut} left out` : ''
  const summary = r.applied
    ? `Imported ${file}: ${c.added} added, ${c.duplicate} already in your portfolio, ${c.skipped} skipped${leftOut}.`
    : `${file}: ${c.added} to add, ${c.duplicate} already in your portfolio, ${c.skipped} to skip${leftOut}.`
  return [`${kind.title} ${file}`, ...lines, ...ignored, '', summary].join('\n')
}

export const jsonResumeReport = (r: JsonResumeImport, file: string): string => careerReport({ title: 'JSON Resume', section: (s) => s }, r, file)

/** Asks on the terminal (stderr, so stdout stays the answer); end of input answers no. */
export async function askYes(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false })
  const closed = new Promise<string>((done) => rl.once('close', () => done('')))
  try {
    return /^\s*y(es)?\s*$/i.test(await Promise.race([rl.question(`${question} [y/N] `), closed]))
  } finally {
    rl.close()
  }
}

/** A file the schema refuses: every problem on its own line, not just the first. */
function everyProblem(error: unknown, file: string): unknown {
  if (!(error instanceof CliError) || error.code !== 'BAD_INPUT' || !error.issues?.length) return error
  const n = error.issues.length
  return new CliError('BAD_INPUT', [`${file} is not a valid JSON Resume (${plural(n, 'problem')}); nothing was imported:`, ...error.issues.map((i) => `  ${i.message}`)].join('\n'), error.issues)
}

/** `skillfolio import resume.json`: the preview, then the import on --yes or a typed yes. */
export async function importJsonResume(ctx: Context, file: { path: string; text: string }, yes: boolean): Promise<Outcome> {
  try {
    return await previewThenImport(
      ctx,
      file.path,
      {
        title: 'JSON Resume',
        section: (s) => s,
        preview: () => ctx.call('exchange:previewJsonResume', { text: file.text }),
        apply: () => ctx.call('exchange:importJsonResume', { text: file.text }),
      },
      yes,
    )
  } catch (error) {
    throw everyProblem(error, file.path)
  }
}

async function previewThenImport(ctx: Context, file: string, kind: ImportKind, yes: boolean): Promise<Outcome> {
  if (yes) {
    const result = await kind.apply()
    return { json: result, text: careerReport(kind, result, file) }
  }
  const preview = await kind.preview()
  const shown = careerReport(kind, preview, file)
  if (preview.counts.added === 0) return { json: preview, text: `${shown}\nNothing to import: your portfolio already has everything it could take.` }
  if (ctx.json || process.stdin.isTTY !== true) return { json: preview, text: `${shown}\nNothing was imported yet: run the command again with --yes to import this.` }
  // Written before the question, so through the same escaping as every other output.
  process.stderr.write(printable(`${shown}\n`))
  if (!(await askYes(`Import ${plural(preview.counts.added, 'entry', 'entries')}?`))) return { json: preview, text: 'Nothing was imported.' }
  const result = await kind.apply()
  return { json: result, text: careerReport(kind, result, file) }
}

// ---------- LinkedIn data export ----------

/** The export's file each section comes from, as the report names it. */
const LINKEDIN_SECTION: Record<ExchangeItem['section'], string> = {
  basics: 'Profile',
  work: 'Positions',
  education: 'Education',
  certificates: 'Certifications',
  projects: 'Projects',
  skills: 'Skills',
  languages: 'Languages',
}
/** What marks a folder as an unpacked export: LinkedIn always writes one of these. */
const LINKEDIN_MARKERS = ['positions.csv', 'profile.csv']
const LINKEDIN_NAMES = new Set<string>([...LINKEDIN_FILES, ...UNREAD_LINKEDIN_FILES].map((f) => f.toLowerCase()))

type LinkedInExport = { path: string; source: { zip: string } | { files: Array<{ name: string; text: string }> } }

/** `path` as a LinkedIn export: a ZIP holding the export's files (or any .zip), or a folder with Positions.csv or Profile.csv. */
function linkedInExport(path: string): LinkedInExport | null {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (stat?.isDirectory()) {
    const entries = readdirSync(path, { withFileTypes: true }).filter((e) => e.isFile())
    if (!entries.some((e) => LINKEDIN_MARKERS.includes(e.name.toLowerCase()))) return null
    const files = entries
      .filter((e) => LINKEDIN_NAMES.has(e.name.toLowerCase()))
      .map((e) => {
        const file = join(path, e.name)
        if (statSync(file).size > LIMITS.linkedInCsvBytes) throw usage(`${showValue(file)} is larger than the ${LIMITS.linkedInCsvBytes / MB} MB a LinkedIn export's file may be`)
        return { name: e.name, text: readFileSync(file, 'utf8') }
      })
    return { path, source: { files } }
  }
  if (!stat?.isFile() || stat.size < 4 || !startsAsZip(path)) return null
  const isZipName = extname(path).toLowerCase() === '.zip'
  if (stat.size > LIMITS.linkedInZipBytes) {
    if (!isZipName) return null
    throw usage(`${showValue(path)} is larger than the ${LIMITS.linkedInZipBytes / MB} MB a LinkedIn export may be`)
  }
  const bytes = readFileSync(path)
  // A .docx is a ZIP too: only a .zip, or a ZIP that holds the export's files, is taken for an export.
  if (!isZipName && !zipEntryNames(bytes)?.some((n) => LINKEDIN_NAMES.has(basename(n).toLowerCase()))) return null
  return { path, source: { zip: bytes.toString('base64') } }
}

/**
 * The LinkedIn export among `import`'s arguments, or null when there is none. An export given
 * with other files is refused: it is imported on its own.
 */
export function findLinkedInExport(positionals: readonly string[], cwd: string): LinkedInExport | null {
  for (const raw of positionals) {
    const found = linkedInExport(resolve(cwd, raw))
    if (!found) continue
    if (positionals.length > 1) throw usage(`${showValue(found.path)} is a LinkedIn data export: import it on its own, e.g. skillfolio import ${showValue(raw)}`)
    return found
  }
  return null
}

/** `skillfolio import linkedin-export.zip` (or its folder): the preview, then the import on --yes or a typed yes. */
export function importLinkedInExport(ctx: Context, found: LinkedInExport, yes: boolean): Promise<Outcome> {
  return previewThenImport(
    ctx,
    found.path,
    {
      title: 'LinkedIn export',
      section: (s) => LINKEDIN_SECTION[s],
      preview: () => ctx.call('exchange:previewLinkedIn', found.source),
      apply: () => ctx.call('exchange:importLinkedIn', found.source),
    },
    yes,
  )
}
