/**
 * Which backup file a BackupRef from the window names. The window never names a path: either
 * a file name in the backups folder (as backup:list shows it), or a ticket main issued for a
 * file the person picked in the native open dialog. No Electron in here, so the browser-test
 * bridge resolves refs with the same rules.
 */
import { join } from 'node:path'
import type { Result } from '../shared/errors'
import { BACKUP_EXTENSION, type BackupList } from '../shared/backup'
import type { BackupRef } from '../shared/files'
import type { Dispatcher } from './ipc'
import { createTickets } from './tickets'

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'BAD_INPUT', message } })

/** A plain file name in the backups folder: no folders, no way up, the backup extension. */
function nameProblem(name: string): string | null {
  if (!name || name.length > 255 || name.includes('\0')) return 'That is not the name of a backup.'
  if (name.includes('/') || name.includes('\\') || name === '.' || name === '..' || name.includes('..'))
    return 'A backup is named by its file name in the backups folder, without any folder.'
  if (!name.endsWith(BACKUP_EXTENSION)) return `A backup's file name ends with ${BACKUP_EXTENSION}.`
  return null
}

export function createBackupRefs() {
  /** Only for files the person picked in this session. */
  const tickets = createTickets()
  return {
    /** A ticket for a path main itself got from the open dialog. */
    issue: tickets.issue,
    /** The file a ref names, or why it names none. */
    async resolve(raw: unknown, core: Dispatcher): Promise<Result<string>> {
      if (!raw || typeof raw !== 'object') return refused('Name a backup from the list, or choose one.')
      const ref = raw as Partial<Record<keyof BackupRef | string, unknown>>
      const keys = Object.keys(ref)
      if (keys.length === 1 && typeof ref.ticket === 'string') {
        const path = tickets.pathOf(ref.ticket)
        return path ? { ok: true, value: path } : { ok: false, error: { code: 'FORBIDDEN', message: 'That backup was not chosen in this session; choose it again.' } }
      }
      if (keys.length === 1 && typeof ref.name === 'string') {
        const problem = nameProblem(ref.name)
        if (problem) return refused(problem)
        const list = await core.dispatch('backup:list', {})
        if (!list.ok) return list
        return { ok: true, value: join((list.value as BackupList).folder, ref.name) }
      }
      return refused('Name a backup from the list, or choose one.')
    },
  }
}
export type BackupRefs = ReturnType<typeof createBackupRefs>

/** The passphrase argument: absent, or a string (a wrong one is refused by the core in words). */
export function parsePassphrase(raw: unknown): Result<string | undefined> {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: undefined }
  if (typeof raw !== 'string' || raw.length > 1024) return refused('The passphrase must be text of at most 1024 characters.')
  return { ok: true, value: raw }
}
