/**
 * createCore's proof-check workers: imported credentials get the same verdicts as when checked in
 * one thread, no thread starts before the first proof check, workers that cannot start cost one
 * log line and nothing else, and a process exits promptly once its core is closed.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core, CoreOptions } from '../../../electron/core/app'
import type { VerificationResult } from '../../../electron/shared/verification'
import { tempPortfolio } from '../../helpers/temp-portfolio'
import { OWN_FIXTURES, parseFile } from './helpers'

const root = resolve(__dirname, '../../..')

/** The committed fixtures that import as credentials, by path relative to OWN_FIXTURES. */
const FIXTURE_FILES = [
  ...readdirSync(OWN_FIXTURES).filter((name) => /\.(json|jwt)$/.test(name)),
  ...readdirSync(join(OWN_FIXTURES, 'ob2-hosted')).filter((name) => name.startsWith('assertion')).map((name) => `ob2-hosted/${name}`),
]

/**
 * Copies of one credential (tampered, relabelled) are duplicates within a portfolio, which
 * stores no verdict for them: each copy goes to a group (a portfolio) of its own.
 */
function groupsWithoutDuplicates(files: string[]): string[][] {
  const groups: { ids: Set<string>; files: string[] }[] = []
  for (const file of files) {
    let id = file
    try {
      id = parseFile(join(OWN_FIXTURES, file)).sourceId ?? file
    } catch {
      // Not a credential (e.g. a status list): it fails the same way in every mode.
    }
    let group = groups.find((g) => !g.ids.has(id))
    if (!group) groups.push((group = { ids: new Set(), files: [] }))
    group.ids.add(id)
    group.files.push(file)
  }
  return groups.map((g) => g.files)
}

/** An Open Badges 2.0 hosted assertion: nothing to check offline, so no proof check. */
const HOSTED_BADGE = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'https://badges.skillfolio.test/assertions/lazy.json',
  recipient: { type: 'email', hashed: false, identity: 'test.learner@example.test' },
  issuedOn: '2024-06-01T00:00:00Z',
  verification: { type: 'hosted' },
  badge: { type: 'BadgeClass', id: 'https://badges.skillfolio.test/badges/lazy.json', name: 'Lazy Badge', description: 'No proof.', criteria: { narrative: 'None.' }, issuer: { type: 'Profile', id: 'https://badges.skillfolio.test/issuer.json', name: 'Skillfolio Test Issuer' } },
}

/** One import batch, to its end. */
async function runBatch(core: Core, paths: string[]) {
  const { batchId } = await core.call('import:start', { sources: paths.map((path) => ({ path })) })
  await core.idle()
  const report = await core.call('import:status', { batchId, waitMs: 0 })
  expect(report.state).not.toBe('running')
  return report
}

interface Outcome {
  file: string
  outcome: string
  verification: VerificationResult | null
}

/** Imports `files` into a fresh portfolio with these options; per file, the outcome and the stored verification. */
async function importWith(files: string[], options: Partial<CoreOptions>, before?: (p: ReturnType<typeof tempPortfolio>) => Promise<void>): Promise<Outcome[]> {
  const p = tempPortfolio(options)
  try {
    await before?.(p)
    const report = await runBatch(p.core, files.map((file) => join(OWN_FIXTURES, file)))
    const outcomes: Outcome[] = []
    for (const item of report.items) {
      const credential = item.credentialId && item.outcome === 'imported' ? await p.core.call('credentials:get', { id: item.credentialId }) : null
      outcomes.push({ file: item.fileName, outcome: item.outcome, verification: credential?.verification ?? null })
    }
    return outcomes.sort((a, b) => a.file.localeCompare(b.file))
  } finally {
    p.cleanup()
  }
}

let dir: string
/** The worker bundled to one CommonJS file (as the CLI ships it), behind a wrapper that counts what reaches it. */
let countingWorker: (marker: string) => string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-core-workers-'))
  const bundled = join(dir, 'verify-worker.cjs')
  const { build } = await import('esbuild')
  await build({ entryPoints: [join(root, 'electron/core/verify/worker.ts')], outfile: bundled, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' })
  let n = 0
  countingWorker = (marker) => {
    const wrapper = join(dir, `counting-${n++}.cjs`)
    writeFileSync(
      wrapper,
      [
        "const { appendFileSync } = require('node:fs')",
        "const { parentPort } = require('node:worker_threads')",
        `appendFileSync(${JSON.stringify(marker)}, 'start\\n')`,
        `parentPort.on('message', (message) => { if (message && message.task) appendFileSync(${JSON.stringify(marker)}, 'task\\n') })`,
        `require(${JSON.stringify(bundled)})`,
      ].join('\n'),
    )
    return wrapper
  }
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const lines = (marker: string, word: string) => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter((l) => l === word).length : 0)

describe('createCore with proof-check workers', () => {
  it('gives every committed fixture the same verdicts as one thread, and starts no worker before the first proof check', async () => {
    const groups = groupsWithoutDuplicates(FIXTURE_FILES)
    expect(groups.flat().length).toBe(FIXTURE_FILES.length)
    const verdicts: string[] = []
    let tasks = 0
    for (const [g, files] of groups.entries()) {
      const marker = join(dir, `group-${g}.log`)
      const pooled = await importWith(files, { verifyWorkers: { script: countingWorker(marker), size: 2 } }, async (p) => {
        // Reading, and importing a badge with no embedded proof, start nothing.
        await p.core.call('credentials:list', {})
        const { batchId } = await p.core.call('import:start', { sources: [{ name: 'hosted.json', base64: Buffer.from(JSON.stringify(HOSTED_BADGE)).toString('base64') }] })
        await p.core.idle()
        expect((await p.core.call('import:status', { batchId, waitMs: 0 })).counts.imported).toBe(1)
        expect(lines(marker, 'start')).toBe(0)
      })
      const local = await importWith(files, { verifyWorkers: false })
      expect(pooled).toEqual(local)
      verdicts.push(...local.map((o) => `${o.file}: ${o.verification?.signature.verdict ?? o.outcome}`))
      // Workers start with the first proof check, all of them, and only in a portfolio that has one.
      expect(lines(marker, 'start')).toBe(lines(marker, 'task') > 0 ? 2 : 0)
      tasks += lines(marker, 'task')
    }
    expect(tasks).toBeGreaterThan(0)
    // The comparison is about something: the fixtures' signatures verify, and tampered copies do not.
    expect(verdicts).toEqual(
      expect.arrayContaining(['ob3-eddsa-rdfc-2022.json: valid', 'ob3-ed25519-signature-2020.json: valid', 'ob3-eddsa-rdfc-2022-tampered.json: invalid', 'ob3-ed25519-signature-2020-tampered.json: invalid']),
    )
  }, 120_000)

  it('checks in this thread, and logs it once, when the workers cannot start', async () => {
    const marker = join(dir, 'broken.log')
    const broken = join(dir, 'broken.cjs')
    writeFileSync(broken, `require('node:fs').appendFileSync(${JSON.stringify(marker)}, 'start\\n')\nthrow new Error('this worker cannot start')\n`)
    const logged: string[] = []
    const p = tempPortfolio({ verifyWorkers: { script: broken, size: 2 }, log: (message) => logged.push(message) })
    try {
      await p.core.call('credentials:list', {})
      expect(existsSync(marker)).toBe(false)
      const verdicts: string[] = []
      for (const batch of [['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2020.json'], ['ob3-eddsa-rdfc-2022-tampered.json']]) {
        const report = await runBatch(p.core, batch.map((file) => join(OWN_FIXTURES, file)))
        for (const item of report.items) {
          const credential = item.credentialId ? await p.core.call('credentials:get', { id: item.credentialId }) : null
          verdicts.push(`${item.fileName}: ${credential?.verification?.signature.verdict}`)
        }
      }
      // The tampered copy is a duplicate of the first file, so the verdict shown is the stored one.
      expect(verdicts.slice(0, 2)).toEqual(['ob3-eddsa-rdfc-2022.json: valid', 'ob3-ed25519-signature-2020.json: valid'])
      expect(logged.filter((m) => /workers could not start/.test(m))).toHaveLength(1)
      expect(lines(marker, 'start')).toBe(2) // tried once, not again for the second batch
    } finally {
      p.cleanup()
    }
  }, 60_000)

  /**
   * Runs a script that creates a core (default workers, or `script`), imports `files` and closes
   * the core. `exitedByItself` is false when the process was still running 40 s later and was
   * killed (a hang guard, not a timing assertion: a worker left running holds it open for ever).
   */
  async function importAndClose(files: string[], script = ''): Promise<{ code: number | null; err: string; verdicts: string[]; logged: string[]; exitedByItself: boolean }> {
    const program = join(dir, 'close-exits.ts')
    writeFileSync(
      program,
      `import { join } from 'node:path'
import { createCore } from ${JSON.stringify(join(root, 'electron/core/app'))}

async function main(): Promise<void> {
  const [data, script, ...files] = process.argv.slice(2)
  const logged: string[] = []
  const core = createCore({ dbPath: join(data!, 'portfolio.sqlite'), dataDir: data!, log: (message) => logged.push(message), ...(script ? { verifyWorkers: { script, size: 2 } } : {}) })
  const { batchId } = await core.call('import:start', { sources: files.map((path) => ({ path })) })
  // idle() rather than a long poll, whose timer would hold the process open by itself.
  await core.idle()
  const report = await core.call('import:status', { batchId, waitMs: 0 })
  const verdicts: string[] = []
  for (const item of report.items) {
    const credential = item.credentialId ? await core.call('credentials:get', { id: item.credentialId }) : null
    verdicts.push(credential?.verification?.signature.verdict ?? item.outcome)
  }
  core.close()
  console.log(JSON.stringify({ verdicts, logged }))
}
void main()
`,
    )
    const data = mkdtempSync(join(dir, 'data-'))
    const paths = files.map((f) => join(OWN_FIXTURES, f))
    const run = await new Promise<{ code: number | null; out: string; err: string; killed: boolean }>((done, fail) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', program, data, script, ...paths], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      let err = ''
      proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
      let killed = false
      const timer = setTimeout(() => (killed = proc.kill('SIGKILL')), 40_000)
      proc.on('error', fail)
      proc.on('exit', (code) => {
        clearTimeout(timer)
        done({ code, out, err, killed })
      })
    })
    const line = run.out.trim().split('\n').pop() ?? ''
    const answer = (line.startsWith('{') ? JSON.parse(line) : { verdicts: [], logged: [] }) as { verdicts: string[]; logged: string[] }
    return { code: run.code, err: run.err, verdicts: answer.verdicts, logged: answer.logged, exitedByItself: !run.killed }
  }

  it('lets the process exit by itself once the core is closed (workers through tsx, as in development)', async () => {
    const result = await importAndClose(['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2020.json', 'ob3-status-clear.json'])
    expect(result.code, result.err).toBe(0)
    expect(result.verdicts).toEqual(['valid', 'valid', 'valid'])
    // No "could not start": the checks ran on the workers.
    expect(result.logged).toEqual([])
    expect(result.exitedByItself).toBe(true)
  }, 60_000)

  it('terminates workers on close, also one still starting (which holds the process open until it is ready)', async () => {
    // A worker that has not reported ready is referenced, like one still loading its libraries
    // (one that answered its tasks is not): with one file, the first worker verifies it and the
    // second, with no task, would hold the process open for ever.
    const neverReady = join(dir, 'never-ready.cjs')
    writeFileSync(
      neverReady,
      [
        "const { parentPort } = require('node:worker_threads')",
        'const post = parentPort.postMessage.bind(parentPort)',
        // Answers tasks, never says it is ready.
        'parentPort.postMessage = (message) => { if (!(message && message.ready)) post(message) }',
        `require(${JSON.stringify(join(dir, 'verify-worker.cjs'))})`,
      ].join('\n'),
    )
    const result = await importAndClose(['ob3-eddsa-rdfc-2022.json'], neverReady)
    expect(result.code, result.err).toBe(0)
    expect(result.verdicts).toEqual(['valid'])
    expect(result.exitedByItself).toBe(true)
  }, 60_000)
})
