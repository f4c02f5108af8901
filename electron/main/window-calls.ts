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
  return null
}

/** settings:update asking to turn online checks on: allowed only after a native confirmation. */
export const wantsOnlineChecksOn = (raw: unknown) => raw !== null && typeof raw === 'object' && (raw as { onlineChecks?: unknown }).onlineChecks === true
