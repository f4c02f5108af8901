import { defineConfig } from 'vitest/config'

// Two projects: `node` (core, shell through a recording electron stub, command line) and
// `e2e` (the built renderer in Debian's Chromium against the real core through the test bridge).
export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/hygiene/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Fails a test whose core logged an error it did not expect (tests/helpers/core-log.ts),
          // and one that opened a connection beyond 127.0.0.1 (tests/helpers/egress-guard.cjs).
          setupFiles: ['tests/helpers/core-log-setup.ts', 'tests/helpers/egress-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
