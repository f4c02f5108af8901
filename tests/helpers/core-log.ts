/**
 * The core's log during tests. Every test portfolio (tests/helpers/temp-portfolio.ts, the CLI
 * harness, a core a test creates itself with `log: testLog`) logs here instead of nowhere, and
 * after each test (tests/helpers/core-log-setup.ts, a setup file of the node project) an error
 * the core logged fails the test, unless the test declared it with `expectLoggedErrors`: a
 * verifier crash that the import service catches and stores as "no result" is then noticed.
 * An entry is an error when it carries one (the Logger's second argument); notes such as
 * "Moved 3 original file(s)…" are kept for tests to read but fail nothing.
 */
import type { Logger } from '../../electron/core/log'

export interface LogEntry {
  message: string
  error: unknown
}

const entries: LogEntry[] = []
const expected: RegExp[] = []

/** The Logger every test core uses. */
export const testLog: Logger = (message, error) => {
  entries.push({ message, error })
}

/** What the core logged so far in this test. */
export const loggedEntries = (): readonly LogEntry[] => entries

/**
 * Declares that this test makes the core log errors matching `pattern` (tested against
 * "message: error"); each pattern must match at least one of them.
 */
export function expectLoggedErrors(pattern: RegExp): void {
  expected.push(pattern)
}

const text = (entry: LogEntry) => `${entry.message}: ${entry.error instanceof Error ? `${entry.error.name}: ${entry.error.message}` : String(entry.error)}`

/** Throws on errors the test did not declare and on declarations nothing matched; then starts afresh. */
export function checkCoreLog(when: string): void {
  const errors = entries.splice(0).filter((entry) => entry.error !== undefined)
  const patterns = expected.splice(0)
  const unexpected = errors.filter((entry) => !patterns.some((p) => p.test(text(entry))))
  const unmet = patterns.filter((p) => !errors.some((entry) => p.test(text(entry))))
  const problems = [
    ...unexpected.map((entry) => `the core logged an error ${when}: ${text(entry)}`),
    ...unmet.map((p) => `expected the core to log an error matching ${p} ${when}; it logged ${errors.length ? errors.map(text).join(' | ') : 'none'}`),
  ]
  if (problems.length) throw new Error(`${problems.join('\n')}\n(declare errors a test causes on purpose with expectLoggedErrors(/…/) from tests/helpers/core-log.ts)`)
}
