/**
 * The Skillfolio export on the command line: `skillfolio export --format skillfolio --out FILE.zip`
 * (everything, with the originals: core/exchange/export-format.ts) and the branch of
 * `skillfolio import FILE.zip` that recognises such a ZIP by its portfolio.json and brings it
 * into the (empty) portfolio named by --db.
 */
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { isFullExportZip } from '../../core/exchange/full-export'
import { LIMITS, MB } from '../../shared/limits'
import type { Context, Outcome } from '../context'
import { showValue, usage } from '../errors'
import { plural } from '../format'
import { fileStartsWith } from '../file-start'
import { writeFileAtomic } from '../pdf-file'

/** Writes the export ZIP to `out` (already checked by the export command). */
export async function exportSkillfolio(ctx: Context, out: string): Promise<Outcome> {
  const { zipBase64 } = await ctx.call('exchange:exportAll', {})
  const bytes = Buffer.from(zipBase64, 'base64')
  writeFileAtomic(out, bytes)
  return {
    json: { file: out, format: 'skillfolio', bytes: bytes.length },
    text: `Exported your whole portfolio (portfolio.json and the original files) to ${out} (${(bytes.length / MB).toFixed(1)} MB). Bring it back with: skillfolio --db new.sqlite import ${showValue(out)}`,
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** Whether the file begins as a ZIP does (read without loading it whole). */
export const startsAsZip = (path: string): boolean => fileStartsWith(path, ZIP_MAGIC)

/**
 * The Skillfolio export among `import`'s arguments (a ZIP holding portfolio.json), or null. An
 * export given with other files is refused: it is imported on its own.
 */
export function findSkillfolioExport(positionals: readonly string[], cwd: string): { path: string; bytes: Buffer } | null {
  for (const raw of positionals) {
    const path = resolve(cwd, raw)
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat?.isFile() || stat.size < 4 || !startsAsZip(path)) continue
    // Larger than any export: left to the other readers (a LinkedIn ZIP is refused there in its own words).
    if (stat.size > LIMITS.fullExportBytes) continue
    const bytes = readFileSync(path)
    if (!isFullExportZip(bytes)) continue
    if (positionals.length > 1) throw usage(`${showValue(path)} is a Skillfolio export: import it on its own, into a new, empty portfolio (skillfolio --db new.sqlite import ${showValue(raw)})`)
    return { path, bytes }
  }
  return null
}

/** `skillfolio import export.zip`: everything in it, into this empty portfolio, or nothing. */
export async function importSkillfolioExport(ctx: Context, found: { path: string; bytes: Buffer }): Promise<Outcome> {
  const result = await ctx.call('exchange:importAll', { zipBase64: found.bytes.toString('base64') })
  const c = result.counts
  return {
    json: result,
    text:
      `Imported the Skillfolio export ${found.path}: ${plural(c.credentials, 'credential')} (${plural(c.originals, 'original file')}), ${plural(c.projects, 'project')}, ` +
      `${plural(c.skills, 'skill')}, ${plural(c.experience, 'work entry', 'work entries')}, ${plural(c.education, 'education entry', 'education entries')}, ` +
      `${plural(c.roles, 'target role')}, ${plural(c.variants, 'saved resume')}, ${plural(c.plans, 'learning plan')}.\n` +
      'Verification verdicts are as they were stored when the export was made (the result of past checks); check one again with skillfolio verify ID.',
  }
}
