/**
 * Setup file of the node project: the network-egress guard (egress-guard.cjs) in this process and
 * in every child process it starts, and each test ends with no outbound connection recorded.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'

const require = createRequire(__filename)
const guardFile = join(__dirname, 'egress-guard.cjs')
const { install } = require(guardFile) as { install: () => { violations: Array<{ what: string; stack: string }> } }
const state = install()

// Children inherit the guard (a CLI run by a test, a worker); their attempts land in this file.
const logDir = mkdtempSync(join(tmpdir(), 'skillfolio-egress-'))
const logFile = join(logDir, 'egress.log')
process.env.SKILLFOLIO_EGRESS_LOG = logFile
const requireFlag = `--require ${JSON.stringify(guardFile)}`
if (!(process.env.NODE_OPTIONS ?? '').includes(guardFile)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${requireFlag}`.trim()

/** What was refused since the last check (and forgets it). */
export function takeEgressViolations(): string[] {
  const found = state.violations.splice(0).map((v) => `${v.what}\n${v.stack}`)
  if (existsSync(logFile)) {
    const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean)
    rmSync(logFile, { force: true })
    for (const line of lines) {
      const { what, pid, argv } = JSON.parse(line) as { what: string; pid: number; argv: string[] }
      found.push(`${what} (child process ${pid}: ${argv.join(' ')})`)
    }
  }
  return found
}

afterEach(() => {
  const found = takeEgressViolations()
  if (found.length) throw new Error(`This test tried to reach the network (online checks are off in tests):\n  ${found.join('\n  ')}`)
})
afterAll(() => {
  const found = takeEgressViolations()
  rmSync(logDir, { recursive: true, force: true })
  if (found.length) throw new Error(`Outside any test, something tried to reach the network:\n  ${found.join('\n  ')}`)
})
