import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
const electronDir = join(root, 'node_modules', 'electron')
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')

function runtimePresent(): boolean {
  try {
    return existsSync(join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8')))
  } catch {
    return false
  }
}
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

const SENTENCE =
  'Skillfolio could not start: the Electron runtime could not be downloaded (no internet connection to its download host). Connect to the internet and run npm start again.'

describe('scripts/electron-native.mjs (prestart)', () => {
  // Where the runtime is installed the script goes on to build; that path needs a network.
  it.skipIf(runtimePresent() || !existsSync(nodeBuild))(
    `fails fast with one sentence when the Electron runtime cannot be downloaded${runtimePresent() ? ' (skipped: the runtime is installed)' : ''}`,
    () => {
      const before = hash(nodeBuild)
      const cache = mkdtempSync(join(tmpdir(), 'skillfolio-electron-cache-'))
      try {
        const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache }
        for (const key of Object.keys(env)) if (/^npm_config_electron_|^NPM_CONFIG_ELECTRON_/.test(key)) delete env[key]
        delete env.ELECTRON_OVERRIDE_DIST_PATH
        const started = Date.now()
        const run = spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], { cwd: root, env, encoding: 'utf8', timeout: 60_000 })
        expect(run.status).toBe(1)
        expect(run.stderr.trim()).toBe(SENTENCE)
        expect(run.stdout.trim()).toBe('')
        expect(Date.now() - started).toBeLessThan(30_000)
      } finally {
        rmSync(cache, { recursive: true, force: true })
      }
      // node_modules/better-sqlite3 is untouched and still loads in Node
      expect(hash(nodeBuild)).toBe(before)
      const check = spawnSync(process.execPath, ['-e', "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get()"], { cwd: root, encoding: 'utf8' })
      expect(check.status, check.stderr).toBe(0)
    },
  )
})
