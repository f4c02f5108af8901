import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CoreOptions } from '../../electron/core/app'
import { createRestorableCore, type RestorableCore } from '../../electron/core/restorable'
import { DB_FILE_NAME } from '../../electron/core/paths'
import { testLog } from './core-log'

export interface TempPortfolio {
  dir: string
  dbPath: string
  /** The desktop app's kind of core: it can restore a backup over the portfolio (core/restorable.ts). */
  core: RestorableCore
  /** Closes the core and opens a fresh one on the same files (what a restart does). */
  reopen(): RestorableCore
  cleanup(): void
}

/** A real portfolio on disk in a fresh temp folder, with a fixed clock by default; the core logs to testLog (tests/helpers/core-log.ts). */
export function tempPortfolio(options: Partial<CoreOptions> = {}): TempPortfolio {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-test-'))
  const dbPath = join(dir, DB_FILE_NAME)
  const open = () =>
    createRestorableCore({ dbPath, dataDir: dir, now: () => new Date('2026-11-28T12:00:00Z'), log: testLog, ...options })
  const state = { core: open() }
  return {
    dir,
    dbPath,
    get core() {
      return state.core
    },
    reopen() {
      state.core.close()
      state.core = open()
      return state.core
    },
    cleanup() {
      state.core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
