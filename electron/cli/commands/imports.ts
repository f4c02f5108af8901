import { resolve } from 'node:path'
import type { ImportReport } from '../../shared/imports'
import type { VerificationResult } from '../../shared/verification'
import { humanDate, TRUST_WORDS, trustOf, verificationHeadline } from '../../shared/verdict'
import { quote } from '../../shared/text-rules'
import type { Command, Context } from '../context'
import { EXIT, usage } from '../errors'
import { plural, truncate } from '../format'
import { optionTable } from '../help-text'
import { findCertificatePdfs, importCertificatePdfs } from './certificates'
import { findJsonResume, findLinkedInExport, importJsonResume, importLinkedInExport } from './exchange'
import { findSkillfolioExport, importSkillfolioExport } from './full-export'

const OUTCOME_LABEL = { imported: 'imported', updated: 'updated', duplicate: 'duplicate', failed: 'FAILED' } as const

/** How a finished batch ended, in the summary line. */
const STATE_WORDS: Record<ImportReport['state'], string> = {
  running: 'still running',
  done: 'done',
  partial: 'PARTIAL',
  failed: 'FAILED',
  interrupted: 'INTERRUPTED',
  undone: 'undone',
}

/** A batch that did not import every file: the command exits 1. */
const incomplete = (r: ImportReport) => r.state === 'partial' || r.state === 'failed' || r.state === 'interrupted' || r.counts.failed > 0

/** Waits for a batch, printing progress to stderr on a terminal so stdout stays the report. */
async function waitFor(ctx: Context, batchId: number): Promise<ImportReport> {
  const showProgress = process.stderr.isTTY && !ctx.json
  for (;;) {
    const report = await ctx.call('import:status', { batchId, waitMs: 500 })
    if (report.state !== 'running') {
      if (showProgress) process.stderr.write('\r\x1b[K')
      return report
    }
    if (showProgress) process.stderr.write(`\rImporting… ${report.processed}/${report.total || '?'}`)
  }
}

/**
 * One line per file (its outcome, name, what it became and its verdict word), then why, when
 * there is something to say: the failure, the duplicate or conflict, or what was not checked.
 */
function itemText(i: ImportReport['items'][number]): string {
  const what = i.outcome === 'failed' ? (i.reason ?? 'failed') : `${i.title ?? ''}${i.credentialId ? `  (${i.credentialId})` : ''}`
  const verdict = i.trust ? `  · ${TRUST_WORDS[i.trust].label}` : ''
  const why = i.outcome === 'failed' ? null : (i.reason ?? (i.trust !== 'verified' ? i.headline : null))
  const note = why ? `\n      ${why}` : ''
  const warn = i.warnings.length ? `\n      note: ${i.warnings.join('; ')}` : ''
  return `  ${OUTCOME_LABEL[i.outcome].padEnd(9)} ${truncate(i.fileName, 40).padEnd(40)}  ${what}${verdict}${note}${warn}`
}

export function reportText(r: ImportReport): string {
  const c = r.counts
  const when = humanDate(r.finishedAt ?? r.startedAt)
  const summary = `${plural(c.imported, 'credential')} imported, ${c.updated} updated, ${plural(c.duplicate, 'duplicate')}, ${c.failed} failed of ${plural(r.total, 'file')} (batch ${r.batchId}, ${STATE_WORDS[r.state]}${when ? `, ${when}` : ''}).`
  const after: string[] = []
  if (r.stopReason) after.push(`The import stopped early: ${r.stopReason}.`)
  if (r.resumedFrom !== null) after.push(`This import resumed batch ${r.resumedFrom}.`)
  if (r.state === 'interrupted' && r.resumedBy === null) after.push(`Resume it with: skillfolio import --resume ${r.batchId}`)
  return [...r.items.map(itemText), '', summary, ...after].join('\n')
}

function batchNumber(flag: string, value: string): number {
  const batchId = Number(value)
  if (!Number.isInteger(batchId) || batchId < 1) throw usage(`--${flag} needs a batch number, e.g. --${flag} 3; got ${quote(value)}`)
  return batchId
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import badge and credential files or whole folders (Open Badges, verifiable credentials, …)',
  usage: ['import FILE_OR_FOLDER… ', 'import RESUME.json [--yes]', 'import LINKEDIN-EXPORT.zip|FOLDER [--yes]', 'import CERTIFICATE.pdf… [--yes]', 'import SKILLFOLIO-EXPORT.zip', 'import --undo BATCH', 'import --resume BATCH'],
  options: () => [
    { name: 'undo', type: 'string' },
    { name: 'resume', type: 'string' },
    { name: 'yes', type: 'boolean', short: 'y' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['--undo BATCH', 'remove what that import added and restore what it updated'],
      ['--resume BATCH', 'import the files an interrupted import never reached (from their paths)'],
      ['-y, --yes', 'JSON Resume, LinkedIn export, certificate PDFs: import what the preview lists without asking'],
    ]) +
    '\n\nFiles are recognised by their content, not their name: baked PNG and SVG badges, Open Badges 2.0 and 3.0\nJSON, signed JWS/JWT, CLR, Blockcerts and European Digital Credentials. Each is checked offline, and\nthe report gives every file its verdict (Verified, Unverified, Problem …) and what was not checked.\nA copy of a credential you have replaces it only when it verifies at least as well and is newer (or\nverifies better); one that verifies worse is kept beside it as a conflict.\n\nEvery file is accounted for: imported, updated, duplicate or failed. An import that stops (the disk\nis full, another program keeps the portfolio locked, Skillfolio was stopped) ends partial, failed or\ninterrupted, with the files it did not import failed and the reason. Exit status is 1 then, and when\nany file failed.\n\nA .json file holding a JSON Resume (jsonresume.org) brings in your profile, work, education,\ncertificates, projects, skills and languages: the command lists what it would add, what you already\nhave and what it skips, and imports on --yes (or a yes typed on the terminal). A LinkedIn data export\n(the .zip from Settings › Data privacy › Get a copy of your data, or its unpacked folder) is read the\nsame way: Profile, Positions, Education, Certifications, Projects, Skills and Languages.\n\nA certificate PDF (Coursera, edX, Udacity, LinkedIn Learning, Microsoft Learn, Google, Credly) is\nread for its title, learner, date, issuer, credential ID and verification link, shown, and saved on\n--yes (or a typed yes) as a self-reported credential with the PDF as its original. A layout Skillfolio\ndoes not know is not saved: you get the skillfolio add credential command filled with what was found.',
  async run(ctx, inv) {
    const { undo, resume } = inv.values
    if (typeof undo === 'string' && typeof resume === 'string') throw usage('use --undo or --resume, not both')
    if ((typeof undo === 'string' || typeof resume === 'string') && inv.positionals.length)
      throw usage(`--${typeof undo === 'string' ? 'undo' : 'resume'} takes a batch number and no files`)
    if (typeof undo === 'string') {
      const batchId = batchNumber('undo', undo)
      const report = await ctx.call('import:undo', { batchId })
      return { json: report, text: `Undid import batch ${batchId}: ${report.counts.imported} removed, ${report.counts.updated} restored.` }
    }
    if (typeof resume === 'string') {
      const from = batchNumber('resume', resume)
      const { batchId } = await ctx.call('import:resume', { batchId: from })
      const report = await waitFor(ctx, batchId)
      return { json: report, text: reportText(report), exitCode: incomplete(report) ? EXIT.failure : EXIT.ok }
    }
    if (!inv.positionals.length) throw usage('import needs at least one file or folder, e.g. skillfolio import ~/Downloads/badges')
    // Certificate PDFs are read by heuristics, so each is shown and saved only on a yes.
    const pdfs = findCertificatePdfs(inv.positionals, ctx.cwd)
    if (pdfs) return importCertificatePdfs(ctx, pdfs, inv.values.yes === true)
    // A JSON Resume (jsonresume.org) is a career history, not a credential: previewed, then imported on a yes.
    const jsonResume = findJsonResume(inv.positionals, ctx.cwd)
    if (jsonResume) return importJsonResume(ctx, jsonResume, inv.values.yes === true)
    // A Skillfolio export (a ZIP holding portfolio.json) goes whole into an empty portfolio.
    const fullExport = findSkillfolioExport(inv.positionals, ctx.cwd)
    if (fullExport) return importSkillfolioExport(ctx, fullExport)
    // So is a LinkedIn data export (its ZIP or unpacked folder).
    const linkedIn = findLinkedInExport(inv.positionals, ctx.cwd)
    if (linkedIn) return importLinkedInExport(ctx, linkedIn, inv.values.yes === true)
    const sources = inv.positionals.map((p) => ({ path: resolve(p) }))
    const { batchId } = await ctx.call('import:start', { sources, origin: 'cli' })
    const report = await waitFor(ctx, batchId)
    return { json: report, text: reportText(report), exitCode: incomplete(report) ? EXIT.failure : EXIT.ok }
  },
}

const VERDICT_WORDS: Record<string, string> = {
  valid: 'valid',
  invalid: 'INVALID',
  unsupported: 'unsupported',
  needs_network: 'needs an online check',
  unsigned: 'not signed',
  expired: 'EXPIRED',
  not_yet_valid: 'not yet valid',
  not_revoked: 'not revoked',
  revoked: 'REVOKED',
  suspended: 'SUSPENDED',
  unknown: 'unknown',
}

const ISSUER_WORDS: Record<VerificationResult['issuer']['verdict'], string> = {
  confirmed: 'confirmed',
  not_confirmed: 'NOT CONFIRMED',
  not_checked: 'not checked',
}

/** A credential's checks: the headline naming what was and was not checked, then each check's detail. */
export function verificationText(v: VerificationResult): string {
  return [
    `  ${TRUST_WORDS[trustOf({ signature: v.signature.verdict, validity: v.validity.verdict, status: v.status.verdict, issuer: v.issuer.verdict })].label}: ${verificationHeadline(v)}`,
    `  Signature  ${VERDICT_WORDS[v.signature.verdict]}: ${v.signature.detail}`,
    `  Issuer     ${ISSUER_WORDS[v.issuer.verdict]}: ${v.issuer.detail}`,
    `  Dates      ${VERDICT_WORDS[v.validity.verdict]}: ${v.validity.detail}`,
    `  Status     ${VERDICT_WORDS[v.status.verdict]}: ${v.status.detail}`,
    `  Checked    ${humanDate(v.checkedAt)}${v.online ? ' (online checks on)' : ' (offline)'}`,
  ].join('\n')
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check an imported credential again: signature, validity dates, revocation',
  usage: ['verify ID'],
  options: () => [],
  async run(ctx, inv) {
    const id = inv.positionals[0]
    if (!id || inv.positionals.length > 1) throw usage('verify needs one credential id, e.g. skillfolio verify cred-3')
    const v = await ctx.call('credentials:verify', { id }, { id: { flag: 'id', values: [id] } })
    return { json: v, text: verificationText(v) }
  },
}
