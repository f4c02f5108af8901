import { resolve } from 'node:path'
import type { ImportReport } from '../../shared/imports'
import type { VerificationResult } from '../../shared/verification'
import { quote } from '../../shared/text-rules'
import type { Command, Context } from '../context'
import { EXIT, usage } from '../errors'
import { plural, truncate } from '../format'
import { optionTable } from '../help-text'

const OUTCOME_LABEL = { imported: 'imported', updated: 'updated', duplicate: 'duplicate', failed: 'FAILED' } as const

/** Waits for a batch, printing progress to stderr on a terminal so stdout stays the report. */
async function waitFor(ctx: Context, batchId: number, progress: (r: ImportReport) => void): Promise<ImportReport> {
  for (;;) {
    const report = await ctx.call('import:status', { batchId, waitMs: 500 })
    if (report.state !== 'running') return report
    progress(report)
  }
}

export function reportText(r: ImportReport): string {
  const lines = r.items.map((i) => {
    const what = i.outcome === 'failed' ? (i.reason ?? 'failed') : `${i.title ?? ''}${i.credentialId ? `  (${i.credentialId})` : ''}`
    const note = i.outcome === 'duplicate' && i.reason ? `\n      ${i.reason}` : ''
    const warn = i.warnings.length ? `\n      note: ${i.warnings.join('; ')}` : ''
    return `  ${OUTCOME_LABEL[i.outcome].padEnd(9)} ${truncate(i.fileName, 40).padEnd(40)}  ${what}${note}${warn}`
  })
  const c = r.counts
  const summary = `${plural(c.imported, 'credential')} imported, ${c.updated} updated, ${plural(c.duplicate, 'duplicate')}, ${c.failed} failed (batch ${r.batchId}${r.state === 'undone' ? ', undone' : ''}).`
  return [...lines, '', summary].join('\n')
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import badge and credential files or whole folders (Open Badges, verifiable credentials, …)',
  usage: ['import FILE_OR_FOLDER… ', 'import --undo BATCH'],
  options: () => [{ name: 'undo', type: 'string' }],
  help: () =>
    optionTable('Flags:', [['--undo BATCH', 'remove what that import added and restore what it updated']]) +
    '\n\nFiles are recognised by their content, not their name: baked PNG and SVG badges, Open Badges 2.0 and 3.0\nJSON, signed JWS/JWT, CLR, Blockcerts and European Digital Credentials. Each is checked offline.\nExit status is 1 when any file failed.',
  async run(ctx, inv) {
    if (typeof inv.values.undo === 'string') {
      const batchId = Number(inv.values.undo)
      if (!Number.isInteger(batchId) || batchId < 1) throw usage(`--undo needs a batch number, e.g. --undo 3; got ${quote(inv.values.undo)}`)
      const report = await ctx.call('import:undo', { batchId })
      return { json: report, text: `Undid import batch ${batchId}: ${report.counts.imported} removed, ${report.counts.updated} restored.` }
    }
    if (!inv.positionals.length) throw usage('import needs at least one file or folder, e.g. skillfolio import ~/Downloads/badges')
    const sources = inv.positionals.map((p) => ({ path: resolve(p) }))
    const { batchId } = await ctx.call('import:start', { sources, origin: 'cli' })
    const report = await waitFor(ctx, batchId, (r) => {
      if (process.stderr.isTTY && !ctx.json) process.stderr.write(`\rImporting… ${r.processed}/${r.total || '?'}`)
    })
    if (process.stderr.isTTY && !ctx.json) process.stderr.write('\r\x1b[K')
    return { json: report, text: reportText(report), exitCode: report.counts.failed > 0 ? EXIT.failure : EXIT.ok }
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

export function verificationText(v: VerificationResult): string {
  return [
    `  Signature  ${VERDICT_WORDS[v.signature.verdict]}: ${v.signature.detail}`,
    `  Dates      ${VERDICT_WORDS[v.validity.verdict]}: ${v.validity.detail}`,
    `  Status     ${VERDICT_WORDS[v.status.verdict]}: ${v.status.detail}`,
    `  Checked    ${v.checkedAt}${v.online ? ' (online checks on)' : ' (offline)'}`,
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
