import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

const SENTENCE =
  'Skillfolio could not start: the Electron runtime could not be downloaded (no internet connection to its download host). Connect to the internet and run npm start again.'

describe('scripts/electron-native.mjs (prestart)', () => {
  // ELECTRON_OVERRIDE_DIST_PATH at a folder that does not exist makes both the script and
  // electron/install.js see no runtime, also where one is installed; the download host is a
  // closed port, so nothing is downloaded and node_modules/electron is never written.
  it('fails with one sentence when the Electron runtime cannot be downloaded', () => {
    const before = hash(nodeBuild)
    const cache = mkdtempSync(join(tmpdir(), 'skillfolio-electron-cache-'))
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, ELECTRON_OVERRIDE_DIST_PATH: join(cache, 'no-runtime-here') }
      for (const key of Object.keys(env)) if (/^npm_config_electron_|^NPM_CONFIG_ELECTRON_/.test(key)) delete env[key]
      // The timeout is a hang guard: a script that retried for ever would be killed (no status).
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], { cwd: root, env, encoding: 'utf8', timeout: 25_000 })
      expect({ status: run.status, signal: run.signal }).toEqual({ status: 1, signal: null })
      expect(run.stderr.trim()).toBe(SENTENCE)
      expect(run.stdout.trim()).toBe('')
    } finally {
      rmSync(cache, { recursive: true, force: true })
    }
    // node_modules/better-sqlite3 is untouched and still loads in Node
    expect(hash(nodeBuild)).toBe(before)
    const check = spawnSync(process.execPath, ['-e', "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get()"], { cwd: root, encoding: 'utf8' })
    expect(check.status, check.stderr).toBe(0)
  })
})
