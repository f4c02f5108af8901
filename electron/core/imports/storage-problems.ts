/**
 * Database and disk errors an import can meet while writing, told apart from a problem with
 * one file: these stop the batch (every later write would fail the same way), and the files
 * not written are reported with the reason in plain words.
 */

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/** SQLite answered that another connection holds the lock (after waiting busy_timeout). */
export function isBusy(error: unknown): boolean {
  const code = codeOf(error)
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
}

/** The words for a storage failure ("the disk is full"), or null when the error is not one. */
export function storageProblem(error: unknown): string | null {
  const code = codeOf(error)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_NOSPC') return 'the disk is full'
  if (isBusy(error)) return 'the portfolio is busy: another program kept it locked'
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'the portfolio file cannot be written (it is read-only)'
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'the portfolio file is damaged'
  if (code === 'SQLITE_NOMEM' || code === 'SQLITE_IOERR_NOMEM') return 'the computer ran out of memory'
  if (code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH') || code === 'EACCES' || code === 'EPERM') return 'Skillfolio is not allowed to write the portfolio file'
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the portfolio file could not be opened'
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'the disk could not be written (an input/output error)'
  return null
}

/** The reason a file not saved because of `problem` gets in the report. */
export const notSavedBecause = (problem: string) => `Not imported: ${problem}. Nothing of this file was saved.`

/** How often a write is tried when the portfolio stays locked; each try waits busy_timeout first. */
const BUSY_ATTEMPTS = 3

/**
 * Runs a write (one BEGIN IMMEDIATE transaction), trying again when the lock stays taken:
 * each attempt already waits busy_timeout inside SQLite; between attempts the event loop runs,
 * so the program stays responsive. Any other error, or the last busy one, is thrown.
 */
export async function withBusyRetry<T>(write: () => T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return write()
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100))
    }
  }
}
