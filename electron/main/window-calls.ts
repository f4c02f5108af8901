/**
 * What the window may ask of the core, beyond the sender check: pure rules with no Electron in
 * them, so the browser-test bridge (tests/helpers/bridge.ts) applies exactly the same ones.
 */
import type { Channel } from '../shared/contract'

/**
 * Calls the window may not make even though the core would accept them from the command line:
 * anything that names a file or folder on disk. A page that could do so (a compromised one)
 * could make Skillfolio read any file; the window imports only File objects through the
 * preload (FILE_CHANNELS.importFiles) or what the person picks in the native dialog.
 */
export function windowCallProblem(channel: Channel, raw: unknown): string | null {
  if (channel === 'import:start') {
    const sources = (raw as { sources?: unknown } | null)?.sources
    if (Array.isArray(sources) && sources.some((s) => s !== null && typeof s === 'object' && 'path' in s))
      return 'the window cannot name files on disk to import; drop them on the window or use Choose files…'
  }
  if (channel === 'taxonomy:import') return 'the window cannot name a folder on disk to read; use the skillfolio command line'
  // Backups: the window may ask for one in the backups folder, never name where it goes or which
  // file to read (a Settings screen will pass paths the native dialog returned, through main).
  const has = (key: string) => raw !== null && typeof raw === 'object' && (raw as Record<string, unknown>)[key] != null
  if (channel === 'backup:create' && (has('folder') || has('file'))) return 'the window cannot name where a backup is written; it goes to the backups folder'
  if (channel === 'backup:inspect') return 'the window cannot name a backup file on disk to read; use skillfolio backups and skillfolio restore'
  if (channel === 'settings:update' && has('backupFolder')) return 'the window cannot name the backups folder; use skillfolio settings or the folder picker'
  return null
}

/** settings:update asking to turn online checks on: allowed only after a native confirmation. */
export const wantsOnlineChecksOn = (raw: unknown) => raw !== null && typeof raw === 'object' && (raw as { onlineChecks?: unknown }).onlineChecks === true
