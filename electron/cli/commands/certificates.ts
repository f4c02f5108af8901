/**
 * The certificate-PDF branch of `skillfolio import` (a file whose content starts `%PDF-`):
 * shows what was read from each PDF and saves it as a self-reported credential, with the PDF as
 * its original, on --yes or a yes typed on the terminal. An unknown layout is not saved: the
 * person gets the `skillfolio add credential` command filled with what was found, to complete.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { CertificateFields, CertificatePreview } from '../../shared/certificates'
import type { Credential } from '../../shared/schemas'
import type { Context, Outcome } from '../context'
import { CliError, EXIT, showValue, usage } from '../errors'
import { printable } from '../format'
import { fileStartsWith } from '../file-start'
import { askYes } from './exchange'

/** The PDFs among `import`'s arguments (by their first bytes), or null when there are none; PDFs given with other files are refused. */
export function findCertificatePdfs(positionals: readonly string[], cwd: string): string[] | null {
  const paths = positionals.map((p) => resolve(cwd, p))
  const pdfs = paths.filter(isPdfFile)
  if (!pdfs.length) return null
  if (pdfs.length < paths.length) throw usage(`${showValue(pdfs[0]!)} is a certificate PDF: import PDFs on their own (each is shown to you before it is saved), e.g. skillfolio import ${showValue(positionals[paths.indexOf(pdfs[0]!)]!)}`)
  return pdfs
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1')

function isPdfFile(path: string): boolean {
  return Boolean(statSync(path, { throwIfNoEntry: false })?.isFile()) && fileStartsWith(path, PDF_MAGIC)
}

const LABELS: Record<keyof CertificateFields, string> = {
  title: 'Title',
  learnerName: 'Learner',
  earnedOn: 'Earned on',
  expiresOn: 'Expires on',
  issuerName: 'Issuer',
  provider: 'Provider',
  credentialCode: 'Credential ID',
  verificationUrl: 'Verify at',
}
/** The `add credential` flag for each field a credential keeps (the learner's name is not one). */
const FLAGS: Partial<Record<keyof CertificateFields, string>> = {
  title: '--title',
  earnedOn: '--earned-on',
  expiresOn: '--expires-on',
  issuerName: '--issuer',
  provider: '--provider',
  credentialCode: '--credential-id',
  verificationUrl: '--verify-url',
}
const SELF_REPORTED = 'Self-reported: nothing in a certificate PDF is signed, so Skillfolio cannot verify it; the link lets anyone check it with the platform.'

/** A value for a POSIX shell, in single quotes when it needs them. */
const shellWord = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`)

function readingText(file: string, r: CertificatePreview): string {
  const layout = r.platformName ? `${r.platformName} certificate (${Math.round(r.confidence * 100)}% sure of the layout)` : 'a certificate in a layout Skillfolio does not know'
  const rows = (Object.keys(LABELS) as Array<keyof CertificateFields>)
    .filter((k) => r.fields[k] !== null || k !== 'expiresOn')
    .map((k) => `  ${LABELS[k].padEnd(14)}${r.fields[k] ?? '(not found)'}`)
  return [`${file}: ${layout}`, ...rows, `  ${SELF_REPORTED}`].join('\n')
}

/** The `skillfolio add credential` command with every field found filled in, and the missing ones named. */
function addCommand(r: CertificatePreview): string {
  const parts = ['skillfolio add credential']
  for (const [field, flag] of Object.entries(FLAGS) as Array<[keyof CertificateFields, string]>) {
    const value = r.fields[field]
    parts.push(value !== null ? `${flag} ${shellWord(value)}` : field === 'title' ? `${flag} 'TITLE'` : '')
  }
  parts.push(`--kind ${r.draft?.kind ?? 'other'}`)
  const missing = r.missing.filter((f) => FLAGS[f] !== undefined).map((f) => `${FLAGS[f]} (${LABELS[f].toLowerCase()})`)
  const add = missing.length ? `\nAdd what was not found: ${missing.join(', ')}.` : ''
  return `${parts.filter(Boolean).join(' ')}${add}`
}

interface CertificateOutcome {
  file: string
  reading: CertificatePreview | null
  /** The credential saved, when one was. */
  credential: Credential | null
  /** What happened, in words. */
  result: string
  failed: boolean
}

/** `skillfolio import cert.pdf …`: each PDF read and shown, then saved on --yes or a typed yes. */
export async function importCertificatePdfs(ctx: Context, paths: string[], yes: boolean): Promise<Outcome> {
  const outcomes: CertificateOutcome[] = []
  for (const path of paths) outcomes.push(await importOne(ctx, path, yes, paths.length > 1))
  const text = outcomes.map((o) => (o.reading ? `${readingText(o.file, o.reading)}\n${o.result}` : `${o.file}: ${o.result}`)).join('\n\n')
  const json = outcomes.map(({ file, reading, credential, result, failed }) => ({ file, reading, credential, result, failed }))
  return { json: paths.length === 1 ? json[0] : json, text, exitCode: outcomes.some((o) => o.failed) ? EXIT.failure : EXIT.ok }
}

async function importOne(ctx: Context, path: string, yes: boolean, several: boolean): Promise<CertificateOutcome> {
  const file = path
  const bytes = readFileSync(path)
  const input = { pdf: bytes.toString('base64'), fileName: basename(path) }
  let reading: CertificatePreview
  try {
    reading = await ctx.call('certificates:read', input)
  } catch (error) {
    // One unreadable PDF among several is reported beside the others; alone, it is the command's error.
    if (!several || !(error instanceof CliError)) throw error
    return { file, reading: null, credential: null, result: error.message, failed: true }
  }
  const outcome = (result: string, failed = false, credential: Credential | null = null): CertificateOutcome => ({ file, reading, credential, result, failed })
  if (reading.duplicateOf) return outcome(`Already in your portfolio as “${reading.duplicateOf.title}” (${reading.duplicateOf.id}): nothing to import.`)
  if (reading.platform === null || reading.draft === null)
    return outcome(`Nothing was imported: check what was found and add it by hand:\n  ${addCommand(reading)}`, true)
  if (!yes) {
    if (ctx.json || process.stdin.isTTY !== true) return outcome('Nothing was imported yet: check what was found, then run the command again with --yes to save it.')
    process.stderr.write(printable(`${readingText(file, reading)}\n`))
    if (!(await askYes('Save this credential?'))) return outcome('Nothing was imported.')
  }
  const learnerName = reading.fields.learnerName
  const credential = await ctx.call('certificates:confirm', { ...input, values: reading.draft, learnerName })
  return outcome(`Imported as ${credential.id}: ${credential.title} (self-reported; the PDF is kept as its original).`, false, credential)
}
