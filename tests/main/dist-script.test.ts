/**
 * `npm run dist` ends a failure in one sentence naming what is missing, never in a stack trace
 * (scripts/dist.mjs wraps electron-builder). Electron's download host is a closed local port
 * and the caches are empty temp folders, so packaging fails the same way on every machine,
 * online or not, and nothing is written outside the temp folder.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')

describe('scripts/dist.mjs (npm run dist)', () => {
  it('fails with one sentence naming the missing download, and keeps the details in a log', () => {
    const temp = mkdtempSync(join(tmpdir(), 'skillfolio-dist-'))
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        ELECTRON_BUILDER_BINARIES_MIRROR: 'http://127.0.0.1:9/',
        ELECTRON_CACHE: join(temp, 'electron-cache'),
        ELECTRON_BUILDER_CACHE: join(temp, 'builder-cache'),
      }
      for (const key of Object.keys(env)) if (/^npm_config_electron_|^NPM_CONFIG_ELECTRON_/.test(key)) delete env[key]
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'dist.mjs'), '--linux', 'dir', `-c.directories.output=${join(temp, 'release')}`], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      })
      expect({ status: run.status, signal: run.signal }).toEqual({ status: 1, signal: null })
      const errors = run.stderr.trim().split('\n')
      expect(errors).toEqual([expect.stringMatching(/^Skillfolio could not be packaged: .+\. Details are in release\/dist-error\.log\.$/)])
      expect(errors[0]).toMatch(/internet connection/)
      // Progress lines only on stdout: no stack frames anywhere.
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m)
      const log = join(root, 'release', 'dist-error.log')
      expect(existsSync(log)).toBe(true)
      expect(readFileSync(log, 'utf8')).toMatch(/127\.0\.0\.1|ECONNREFUSED/)
    } finally {
      rmSync(temp, { recursive: true, force: true })
      rmSync(join(root, 'release', 'dist-error.log'), { force: true })
    }
  }, 150_000)
})
