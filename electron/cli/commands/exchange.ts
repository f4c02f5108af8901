/**
 * Moving a career history in and out: `skillfolio export --format json-resume --out FILE`, and
 * the JSON Resume branch of `skillfolio import` (a .json file whose content is a JSON Resume
 * rather than a badge), which shows what would be added and imports on --yes or a yes typed on
 * the terminal.
 */
import { readFileSync, statSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import type { ExchangeItem, JsonResumeImport } from '../../shared/exchange'
import { LIMITS, MB } from '../../shared/limits'
import type { Command, Context, Outcome } from '../context'
import { CliError, showValue, usage } from '../errors'
import { plural, printable, truncate } from '../format'
import { optionTable } from '../help-text'
import { checkOutPath, writeFileAtomic } from '../pdf-file'

export const EXPORT_FORMATS = ['json-resume'] as const

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the portfolio as a JSON Resume',
  usage: ['export --out FILE.json [--format json-resume]'],
  options: () => [
    { name: 'format', type: 'string' },
    { name: 'out', type: 'string' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['--out FILE.json', 'where to write the export (required)'],
      ['--format json-resume', 'JSON Resume (jsonresume.org), the default'],
    ]) +
    '\n\nThe JSON Resume is checked against the official schema. What JSON Resume has no field for\n(expiry, credential ID, hours, cost, kind, status, skill categories and aliases, which credentials a\nproject used) is kept in "x-skillfolio" objects, so importing the file into an empty portfolio gives\nthe same portfolio back. Original badge files are not part of it.',
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`export: unexpected ${showValue(inv.positionals[0]!)}; give the file with --out`)
    const format = typeof inv.values.format === 'string' ? inv.values.format.toLowerCase() : 'json-resume'
    if (!(EXPORT_FORMATS as readonly string[]).includes(format))
      throw usage(`--format must be one of: ${EXPORT_FORMATS.join(', ')}; got ${showValue(String(inv.values.format))}`, [{ path: 'format', flag: '--format', message: `--format must be one of: ${EXPORT_FORMATS.join(', ')}` }])
    const raw = typeof inv.values.out === 'string' ? inv.values.out : undefined
    if (raw === undefined || !raw.trim()) throw usage('export: --out FILE.json is required (where to write the JSON Resume)', [{ path: 'out', flag: '--out', message: '--out is required' }])
    const out = checkOutPath(raw, ctx.cwd, 'export')
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
  preview: { added: 'add', duplicate: 'have', skipped: 'SKIP' },
  done: { added: 'added', duplicate: 'had', skipped: 'SKIPPED' },
}

export function jsonResumeReport(r: JsonResumeImport, file: string): string {
  const words = OUTCOME_WORDS[r.applied ? 'done' : 'preview']
  const lines = r.items.map((i) => {
    const id = i.id ? `  (${i.id})` : ''
    const why = i.reason ? `\n      ${i.reason}` : ''
    return `  ${words[i.outcome].padEnd(7)} ${i.section.padEnd(12)} ${truncate(i.label, 60)}${id}${why}`
  })
  const ignored = r.ignored.length ? ['', 'Not imported (Skillfolio keeps it nowhere):', ...r.ignored.map((i) => `  ${i}`)] : []
  const c = r.counts
  const summary = r.applied
    ? `Imported ${file}: ${c.added} added, ${c.duplicate} already in your portfolio, ${c.skipped} skipped.`
    : `${file}: ${c.added} to add, ${c.duplicate} already in your portfolio, ${c.skipped} to skip.`
  return [`JSON Resume ${file}`, ...lines, ...ignored, '', summary].join('\n')
}

/** Asks on the terminal (stderr, so stdout stays the answer); end of input answers no. */
async function askYes(question: string): Promise<boolean> {
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
    return await previewThenImport(ctx, file, yes)
  } catch (error) {
    throw everyProblem(error, file.path)
  }
}

async function previewThenImport(ctx: Context, file: { path: string; text: string }, yes: boolean): Promise<Outcome> {
  if (yes) {
    const result = await ctx.call('exchange:importJsonResume', { text: file.text })
    return { json: result, text: jsonResumeReport(result, file.path) }
  }
  const preview = await ctx.call('exchange:previewJsonResume', { text: file.text })
  const shown = jsonResumeReport(preview, file.path)
  if (preview.counts.added === 0) return { json: preview, text: `${shown}\nNothing to import: your portfolio already has everything it could take.` }
  if (ctx.json || process.stdin.isTTY !== true) return { json: preview, text: `${shown}\nNothing was imported yet: run the command again with --yes to import this.` }
  // Written before the question, so through the same escaping as every other output.
  process.stderr.write(printable(`${shown}\n`))
  if (!(await askYes(`Import ${plural(preview.counts.added, 'entry', 'entries')}?`))) return { json: preview, text: 'Nothing was imported.' }
  const result = await ctx.call('exchange:importJsonResume', { text: file.text })
  return { json: result, text: jsonResumeReport(result, file.path) }
}
