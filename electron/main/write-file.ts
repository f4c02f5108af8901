/**
 * Writing files the person asked the shell to save: never half a file, and failures in plain
 * words. No Electron in here, so the browser-test bridge writes the same way.
 */
import { randomBytes } from 'node:crypto'
import { rename, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** "disk full" rather than "ENOSPC: no space left on device, open '/…'". */
export function ioMessage(error: unknown, path: string): string {
  const code = (error as { code?: unknown })?.code
  const where = basename(path)
  if (code === 'EACCES' || code === 'EPERM') return `Skillfolio is not allowed to write ${where} in that folder. Choose another folder.`
  if (code === 'ENOSPC') return `The disk is full, so ${where} could not be saved.`
  if (code === 'EROFS') return `That folder is read-only, so ${where} could not be saved.`
  if (code === 'ENOENT') return `That folder no longer exists, so ${where} could not be saved.`
  return `${where} could not be saved (${String(code ?? 'unknown error')}).`
}

/** Writes next to the target and renames, so a failed save never leaves half a file behind. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`)
  try {
    await writeFile(temp, bytes, { flag: 'wx' })
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
