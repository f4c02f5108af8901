/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after vitest's own summary,
 * so CI logs end with a count any reader (or script) understands. A file that failed outside
 * its tests (it could not load, a beforeAll threw: a missing requirement under CI=true) and
 * errors outside any test are counted too: a run that failed never ends with "0 failed" alone.
 */
import type { SerializedError } from 'vitest'
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
    }
    const brokenFiles = testModules.filter((module) => module.state() === 'failed' && ![...module.children.allTests()].some((test) => test.result().state === 'failed')).length
    const more = [
      brokenFiles ? `${brokenFiles} ${brokenFiles === 1 ? 'file' : 'files'} failed outside their tests` : '',
      unhandledErrors.length ? `${unhandledErrors.length} unhandled ${unhandledErrors.length === 1 ? 'error' : 'errors'}` : '',
    ].filter(Boolean)
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${more.length ? `; ${more.join(', ')}` : ''}\n`)
  }
}
