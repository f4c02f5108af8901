/**
 * Where the command line writes PDFs. The path is checked before the portfolio is opened (a
 * folder, a missing or unwritable folder are refused up front), and the bytes go to a temporary
 * file in the same folder that is renamed over the target, so a failed run never leaves half a
 * file behind.
 */
import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { CliError, showValue, usage } from './errors'

/** Resolves and checks `--out`; answers the absolute path to write. */
const statOf = (path: string) => {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null
  } catch {
    // ENOTDIR (a file where a folder should be), EACCES …: treated as "not there".
    return null
  }
}

export function checkOutPath(raw: string | undefined, cwd: string, command: string): string {
  if (raw === undefined || !raw.trim()) throw usage(`${command}: --out FILE.pdf is required (where to write the PDF)`, [{ path: 'out', flag: '--out', message: '--out is required' }])
  const path = resolve(cwd, raw)
  const fail = (message: string) => usage(`--out: ${message}`, [{ path: 'out', flag: '--out', message: `--out: ${message}` }])
  const stat = statOf(path)
  if (stat?.isDirectory()) throw fail(`${showValue(raw)} is a folder; give a file name inside it, e.g. ${showValue(join(raw, 'resume.pdf'))}`)
  if (stat && !stat.isFile()) throw fail(`${showValue(raw)} is not a regular file`)
  const dir = dirname(path)
  const parent = statOf(dir)
  if (!parent) throw fail(`the folder ${showValue(dir)} does not exist`)
  if (!parent.isDirectory()) throw fail(`${showValue(dir)} is not a folder`)
  try {
    accessSync(dir, constants.W_OK)
    if (stat) accessSync(path, constants.W_OK)
  } catch {
    throw fail(`cannot write to ${showValue(stat ? path : dir)} (permission denied)`)
  }
  return path
}

/** Writes `bytes` to `path` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  // A short name of its own: the target's name plus a suffix would pass the 255-byte limit
  // for an --out name that is itself near the limit (ENAMETOOLONG).
  const tmp = join(dirname(path), `.skillfolio-${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  try {
    writeFileSync(tmp, bytes, { flag: 'wx', mode: 0o644 })
    renameSync(tmp, path)
  } catch (error) {
    rmSync(tmp, { force: true })
    const reason = error instanceof Error ? error.message : String(error)
    throw new CliError('INTERNAL', `cannot write ${path}: ${reason}`)
  }
}
