/** A temp portfolio file and an in-process `skillfolio` for the command-line tests; its core logs to testLog (tests/helpers/core-log.ts). */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { runCli } from '../../electron/cli/index'
import { testLog } from '../helpers/core-log'

/** The demo's dates are relative to this, so every run sees the same portfolio. */
export const NOW = new Date('2026-03-15T10:30:00Z')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
  /** stdout parsed as JSON (for --json runs). */
  json<T = unknown>(): T
}

export interface TempPortfolio {
  dir: string
  db: string
  run(...argv: string[]): Promise<CliRun>
  /** SHA-256 over the database file and its WAL (if one is left), i.e. everything SQLite would read. */
  hash(): string
  cleanup(): void
}

export function tempPortfolio(): TempPortfolio {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-cli-'))
  const db = join(dir, 'portfolio.sqlite')
  return {
    dir,
    db,
    run: (...argv) => runIn(dir, { SKILLFOLIO_DB: db }, argv),
    hash() {
      const h = createHash('sha256')
      for (const file of [db, `${db}-wal`]) {
        h.update(`${file.endsWith('-wal') ? 'wal' : 'db'}:`)
        if (existsSync(file)) h.update(readFileSync(file))
        else h.update('<none>')
      }
      return h.digest('hex')
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export async function runIn(cwd: string, env: NodeJS.ProcessEnv, argv: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
    cwd,
    now: () => NOW,
    log: testLog,
  })
  return {
    code,
    stdout,
    stderr,
    json: <T>() => JSON.parse(stdout) as T,
  }
}

/**
 * `() => TempPortfolio` for a test file: each call makes a new portfolio, and every one made
 * during a test is removed after it. Call once at the top of the file.
 */
export function portfoliosPerTest(): () => TempPortfolio {
  const made: TempPortfolio[] = []
  afterEach(() => made.splice(0).forEach((p) => p.cleanup()))
  return () => {
    const p = tempPortfolio()
    made.push(p)
    return p
  }
}
