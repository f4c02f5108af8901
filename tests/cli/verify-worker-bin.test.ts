/**
 * The built verification workers (`npm run build`): the CLI bundle starts out/cli/verify-worker.cjs
 * for proof checks and none for a command that only reads, and exits promptly; the Electron main
 * build's out/main/verify-worker.js verifies under Node.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProofCheckPool } from '../../electron/core/verify/pool'
import { createVerifier } from '../../electron/core/verify/verifier'
import { now, OWN_FIXTURES, parseFile } from '../core/verify/helpers'
import { built } from '../helpers/requirements'

const root = resolve(__dirname, '../..')
const bin = join(root, 'bin/skillfolio.cjs')
const cliBuilt = built('out/cli/index.cjs', 'out/cli/verify-worker.cjs')
const mainBuilt = built('out/main/index.js', 'out/main/verify-worker.js')

const FILES = ['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2020.json', 'ob3-eddsa-rdfc-2022-tampered.json']

describe.skipIf(cliBuilt.skip)(cliBuilt.title('the CLI bundle and its worker'), () => {
  it('has out/cli/verify-worker.cjs beside index.cjs, starts it to verify an import, none for a list, and exits by itself', () => {
    cliBuilt.check()
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bin-workers-'))
    try {
      // Reports every worker thread the command starts, on stderr.
      const tracer = join(dir, 'trace-workers.cjs')
      writeFileSync(
        tracer,
        "const wt = require('node:worker_threads')\nconst Base = wt.Worker\nwt.Worker = class extends Base { constructor(file, options) { process.stderr.write('[worker] ' + String(file) + '\\n'); super(file, options) } }\n",
      )
      const db = join(dir, 'p.sqlite')
      // The timeout is a hang guard: a command whose workers were not terminated would never exit
      // by itself, and is killed (no exit code).
      const run = (args: string[]) => {
        const r = spawnSync(process.execPath, ['-r', tracer, bin, '--db', db, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 30_000 })
        return { code: r.status, stdout: r.stdout, stderr: r.stderr }
      }
      const imported = run(['import', ...FILES.map((f) => join(OWN_FIXTURES, f))])
      expect(imported.code, imported.stderr).toBe(0)
      const started = imported.stderr.split('\n').filter((l) => l.startsWith('[worker] '))
      expect(started.length).toBeGreaterThan(0)
      expect(started.every((l) => l === `[worker] ${join(root, 'out/cli/verify-worker.cjs')}`)).toBe(true)

      const listed = run(['list', 'credentials', '--json'])
      expect(listed.code).toBe(0)
      expect(listed.stderr).not.toContain('[worker]')
      const shown = JSON.parse(run(['show', 'cred-1', '--json']).stdout) as { verification?: { signature?: { verdict?: string } } }
      expect(shown.verification?.signature?.verdict).toBe('valid')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe.skipIf(mainBuilt.skip)(mainBuilt.title('the Electron main build and its worker'), () => {
  it('has out/main/verify-worker.js, which verifies like this thread', async () => {
    mainBuilt.check()
    const workerScript = join(root, 'out/main/verify-worker.js')
    const pool = createProofCheckPool({ size: 1, workerScript })
    try {
      await pool.ready()
      const verifier = createVerifier({ now, online: false, runner: pool })
      const results = await Promise.all(FILES.map((f) => verifier.verify(parseFile(join(OWN_FIXTURES, f)))))
      expect(results.map((r) => r.signature.verdict)).toEqual(['valid', 'valid', 'invalid'])
    } finally {
      await pool.close()
    }
  }, 60_000)
})
