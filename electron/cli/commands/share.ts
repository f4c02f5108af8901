/**
 * `skillfolio share --out DIR cred-1 cred-4 proj-2`: the verification bundle for an employer
 * (core/share/), written into a folder. A folder that already holds files is refused unless
 * --force, so an earlier bundle or unrelated files are never mixed in by accident; each file is
 * written through a temporary file and a rename (pdf-file.ts), so none is ever half written.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { ShareBundle } from '../../shared/share'
import { entityOf } from '../../core/portfolio/ids'
import type { Command } from '../context'
import { CliError, showValue, usage } from '../errors'
import { plural, printable } from '../format'
import { optionTable } from '../help-text'
import { writeFileAtomic } from '../pdf-file'

const outIssue = (message: string) => usage(`--out: ${message}`, [{ path: 'out', flag: '--out', message: `--out: ${message}` }])

/** The folder to write into: created when missing; one that holds anything needs --force. */
function checkOutFolder(raw: string | undefined, cwd: string, force: boolean): string {
  if (raw === undefined || !raw.trim()) throw usage('share: --out DIR is required (the folder to write the bundle into)', [{ path: 'out', flag: '--out', message: '--out is required' }])
  const dir = resolve(cwd, raw)
  let stat
  try {
    stat = statSync(dir, { throwIfNoEntry: false })
  } catch {
    throw outIssue(`cannot use ${showValue(raw)} as a folder`)
  }
  if (stat && !stat.isDirectory()) throw outIssue(`${showValue(raw)} is a file, not a folder`)
  if (stat && readdirSync(dir).length > 0 && !force) throw outIssue(`the folder ${showValue(raw)} is not empty; choose an empty or new folder, or add --force to write over files of the same names`)
  return dir
}

function writeBundle(dir: string, bundle: ShareBundle): void {
  for (const file of bundle.files) {
    // Names come from the core (portable characters, at most one folder deep); refuse anything that would leave DIR.
    const path = resolve(dir, file.name)
    const inside = relative(dir, path)
    if (!inside || inside.startsWith('..') || isAbsolute(inside))
      throw new CliError('INTERNAL', `refusing to write ${file.name} outside ${dir}`)
    try {
      mkdirSync(dirname(path), { recursive: true })
    } catch (error) {
      throw new CliError('INTERNAL', `cannot create the folder ${dirname(path)}: ${error instanceof Error ? error.message : String(error)}`)
    }
    writeFileAtomic(path, Buffer.from(file.base64, 'base64'))
  }
}

export const shareCommand: Command = {
  name: 'share',
  summary: 'Write a verification bundle of chosen credentials and projects for an employer',
  usage: ['share --out DIR ID… [--force]'],
  options: () => [
    { name: 'out', type: 'string' },
    { name: 'force', type: 'boolean' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['--out DIR', 'the folder to write the bundle into (created when missing; required)'],
      ['--force', 'write into a folder that already holds files (files of the same names are replaced, others stay)'],
      ['ID…', 'credentials (cred-1) and projects (proj-2) to include, in the order given'],
    ]) +
    '\n\nThe bundle holds the credentials\' original files unchanged (originals/), index.html (a page with\nwhat Skillfolio checked and how anyone can check each file without Skillfolio; no scripts, nothing\nloaded from the web), presentation.json (an unsigned W3C Verifiable Presentation of the verifiable\ncredentials) and manifest.json (the SHA-256 of every file). Credentials typed in by hand are listed\nas self-reported.\n\nExample:\n  skillfolio share --out ~/bundle-for-acme cred-1 cred-4 proj-2',
  async run(ctx, inv) {
    const credentialIds: string[] = []
    const projectIds: string[] = []
    for (const word of inv.positionals) {
      const id = word.trim().toLowerCase()
      const entity = entityOf(id)
      if (entity === 'credential') credentialIds.push(id)
      else if (entity === 'project') projectIds.push(id)
      else throw usage(`share: ${showValue(word)} is not a credential or project id (like cred-1 or proj-2; see skillfolio list)`)
    }
    if (credentialIds.length + projectIds.length === 0) throw usage('share: name the credentials and projects to share, e.g. skillfolio share --out DIR cred-1 proj-2')
    const dir = checkOutFolder(typeof inv.values.out === 'string' ? inv.values.out : undefined, ctx.cwd, inv.values.force === true)
    const bundle = await ctx.call('share:bundle', { credentialIds, projectIds })
    writeBundle(dir, bundle)
    const s = bundle.summary
    const lines = [
      `Wrote a verification bundle to ${dir}: ${plural(s.credentials, 'credential')} (${plural(s.originals, 'original file')}, ${s.selfReported} self-reported) and ${plural(s.projects, 'project')}.`,
      ...bundle.files.map((f) => `  ${f.name}`),
      `presentation.json wraps ${plural(s.inPresentation, 'verifiable credential')}.`,
      ...s.notInPresentation.map((l) => `  not in it: ${printable(l.title)} (${l.id}): ${printable(l.reason)}`),
      `Open ${join(dir, 'index.html')} to read it; every file's SHA-256 is in manifest.json (check with sha256sum, shasum -a 256 or certutil -hashfile).`,
    ]
    return { json: { folder: dir, files: bundle.files.map((f) => ({ name: f.name, mime: f.mime, bytes: Buffer.from(f.base64, 'base64').byteLength })), summary: s }, text: lines.join('\n') }
  },
}
