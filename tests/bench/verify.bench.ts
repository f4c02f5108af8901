/**
 * Verification throughput: 200 OB 3.0 credentials signed with the test did:key, half with
 * eddsa-rdfc-2022 (VC 2.0) and half with Ed25519Signature2020 (VC 1.1), varied content, checked
 * in the same run by
 *   (a) Skillfolio's verifier on the worker pool createCore gives it (createLazyProofCheckPool,
 *       default size, the worker bundled to one CommonJS file as the CLI ships it),
 *   (b) the same verifier in this thread (createCore with `verifyWorkers: false`),
 *   (c) the reference `verifyCredential` (@digitalbazaar/vc), called directly on the same
 *       credentials with the same offline document loader and the stock suites.
 * Cold: each contender's first pass in a fresh process, its libraries already loaded (for (a) the
 * workers started and ready; how long that took is in the note, since the app starts them on its
 * first check). Warm: WARMUP unmeasured passes, then
 * ROUNDS interleaved measured rounds, best of each; Skillfolio's canonical-form caches are
 * cleared before each measured round, so every round is a first-time verification like the
 * reference's. The notes give the cores busy (process CPU time / wall time, every thread), the
 * CPU per credential (on a shared two-core machine the wall-clock ratio depends on what else
 * runs) and the longest the main thread's event loop was held up, which is what the pool is for. Then the same files imported through createCore (read, parse, verify, store),
 * pool against one thread: cold (a fresh process and core) and warm (a second set of files into
 * the same core). The reference runs the libraries unchanged: Skillfolio's copy-on-write JSON-LD
 * contexts (electron/core/verify/active-context.ts) apply to Skillfolio's own calls only.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { verifyCredential } from '@digitalbazaar/vc'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020'
import * as DidKey from '@digitalbazaar/did-method-key'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { createCore } from '../../electron/core/app'
import { createDocumentLoader } from '../../electron/core/verify/document-loader'
import { BUNDLED_CONTEXTS } from '../../electron/core/verify/contexts'
import { createVerifier, type Verifier } from '../../electron/core/verify/verifier'
import { createLazyProofCheckPool, createProofCheckPool, DEFAULT_POOL_SIZE } from '../../electron/core/verify/pool'
import { clearCanonicalCache } from '../../electron/core/verify/data-integrity'
import type { ParsedCredential } from '../../electron/core/importers/types'
import { achievementCredential, signDataIntegrity, signEd25519Signature2020, testKey } from '../fixtures/verify/sign'
import type { BenchRow } from './harness'

const COUNT = 200
const ROUNDS = 5
/**
 * Unmeasured rounds first, for every contender: V8 takes several hundred verifications to
 * optimise this code, and each worker thread does so on its own with its share of the credentials.
 */
const WARMUP = 4
const SKILLS = ['SQL', 'Python', 'Statistics', 'Cloud', 'Security', 'Design', 'Leadership', 'Data modeling']
const VC1_CONTEXT = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://w3id.org/security/suites/ed25519-2020/v1']
/** Set in the child processes of the cold rows: what to run, on which files. */
const CHILD_ENV = 'SKILLFOLIO_VERIFY_BENCH_CHILD'
const now = () => new Date('2026-01-01T00:00:00Z')

type Credential = Record<string, unknown>

/** `COUNT` credentials from number `first` on: even ones eddsa-rdfc-2022, odd ones Ed25519Signature2020. */
async function makeCredentials(first: number): Promise<Credential[]> {
  const key = await testKey()
  const out: Credential[] = []
  for (let i = 0; i < COUNT; i++) {
    const n = first + i
    const base = achievementCredential(key, { n, name: `${SKILLS[n % SKILLS.length]} Practitioner ${n}`, validFrom: `20${String(10 + (n % 15)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 9}T08:00:00Z` }) as Credential
    if (n % 3 === 0) base.description = `Cohort ${n} of the ${SKILLS[(n * 7) % SKILLS.length]} programme.`
    if (i % 2 === 0) {
      // Each credential signed at its own instant, as issuers do (no two proofs alike).
      out.push(await signDataIntegrity(base, key, new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString().replace('.000Z', 'Z')))
    } else {
      const { validFrom, ...rest } = base
      out.push(await signEd25519Signature2020({ ...rest, '@context': VC1_CONTEXT, issuanceDate: validFrom }, key))
    }
  }
  return out
}

function parsed(document: Credential): ParsedCredential {
  return {
    format: 'ob3', container: 'json', sourceId: String(document.id), title: String(document.name), description: null, criteria: null, achievementType: null,
    issuer: { id: null, name: null, url: null }, issuedOn: String(document.validFrom ?? document.issuanceDate), expiresOn: null,
    recipient: { name: null, identity: null, type: null, hashed: false, salt: null }, skills: [], image: null,
    urls: { verify: null, badge: null, evidence: [] }, document, jws: null, warnings: [],
  }
}

/**
 * The reference set-up: the same offline loader (bundled contexts) plus the @digitalbazaar did:key
 * driver, as its documentation shows. The contexts are tagged `static`, as
 * @digitalbazaar/security-document-loader tags its bundled ones, so that jsonld.js keeps them
 * resolved across documents (in the app, Skillfolio does this in a cache of its own; the
 * benchmark process has no other user of jsonld.js to disturb).
 */
function referenceLoader() {
  const base = createDocumentLoader()
  const didKey = DidKey.driver()
  didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from })
  return async (url: string) => {
    if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKey.get({ url }) }
    return { ...(await base(url)), ...(BUNDLED_CONTEXTS.has(url) ? { tag: 'static' } : {}) }
  }
}

interface Timing {
  wall: number
  /** CPU time of the whole process (every thread), in ms. */
  cpu: number
  /** The longest this thread's event loop was held up, in ms: what the app's window would wait. */
  stall: number
}

async function time(fn: () => Promise<void>): Promise<Timing> {
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  // The histogram counts from its timer's second tick on: let it tick once before the work.
  await new Promise((resolve) => setTimeout(resolve, 15))
  const cpu = process.cpuUsage()
  const start = performance.now()
  await fn()
  const used = process.cpuUsage(cpu)
  const wall = performance.now() - start
  // Promise-only work never lets the loop's timer fire: give it one turn, so a thread held up
  // to the end still counts.
  await new Promise((resolve) => setTimeout(resolve, 10))
  loop.disable()
  return { wall, cpu: (used.user + used.system) / 1000, stall: loop.max / 1e6 }
}

/** The fastest round. */
const best = (list: Timing[]): Timing => list.reduce((a, b) => (b.wall < a.wall ? b : a))
const rate = (t: Timing) => `${Math.round((COUNT / t.wall) * 1000)} credentials/s`
const wallMs = (t: Timing) => `${t.wall.toFixed(0)} ms`
const busy = (t: Timing) => `${(t.cpu / t.wall).toFixed(1)} cores busy`
const perCredential = (t: Timing) => `${(t.cpu / COUNT).toFixed(1)} ms CPU/credential`
const stalled = (t: Timing) => `main thread held up ≤ ${t.stall.toFixed(0)} ms`

const reference = (credentials: Credential[]) => {
  const documentLoader = referenceLoader()
  const suite = [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new Ed25519Signature2020()]
  return async () => {
    for (const credential of credentials) {
      const result = await verifyCredential({ credential, suite, documentLoader })
      if (!result.verified) throw new Error(`reference verifyCredential rejected ${String(credential.id)}`)
    }
  }
}

/** All at once, as an import chunk asks its verifier. */
const verifyAll = (verifier: Verifier, credentials: Credential[], label: string) => async () => {
  const results = await Promise.all(credentials.map((c) => verifier.verify(parsed(c))))
  if (results.some((r) => r.signature.verdict !== 'valid')) throw new Error(`${label} verifier rejected a credential`)
}

/** The worker bundled to one CommonJS file, as scripts/build-cli.mjs ships it. */
async function bundleWorker(dir: string): Promise<string> {
  const { build } = await import('esbuild')
  const outfile = join(dir, 'verify-worker.cjs')
  await build({ entryPoints: [join(__dirname, '../../electron/core/verify/worker.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' })
  return outfile
}

type ChildMode = 'pool' | 'thread' | 'reference' | 'import-pool' | 'import-thread'
interface ChildJob {
  mode: ChildMode
  dir: string
  workerScript: string
}
type ChildAnswer = { cold: Timing; warm?: Timing; startup?: Timing }

/** Imports files of one folder through the core, every one as a new credential. */
async function importFolder(core: ReturnType<typeof createCore>, folder: string, files: string[]): Promise<void> {
  const { batchId } = await core.call('import:start', { sources: files.map((name) => ({ path: join(folder, name) })) })
  // idle() rather than a long poll, whose timer would hold the child process open.
  await core.idle()
  const report = await core.call('import:status', { batchId, waitMs: 0 })
  if (report.counts.imported !== files.length) throw new Error(`imported ${report.counts.imported} of ${files.length}: ${JSON.stringify(report.counts)}`)
}

/** After the clock: every credential of the portfolio has a valid signature. */
async function checkAllValid(core: ReturnType<typeof createCore>): Promise<void> {
  for (let n = 1; n <= 2 * COUNT; n++) {
    const credential = await core.call('credentials:get', { id: `cred-${n}` })
    if (credential.verification?.signature.verdict !== 'valid') throw new Error(`cred-${n}: ${credential.verification?.signature.verdict ?? 'not verified'}`)
  }
}

/** A cold row's fresh process: one contender, first pass only (imports: then a second folder, warm). */
async function runChild(job: ChildJob): Promise<ChildAnswer> {
  const credentials = JSON.parse(readFileSync(join(job.dir, 'set-a.json'), 'utf8')) as Credential[]
  if (job.mode === 'reference') return { cold: await time(reference(credentials)) }
  if (job.mode === 'thread') return { cold: await time(verifyAll(createVerifier({ now, online: false }), credentials, 'in-thread')) }
  if (job.mode === 'pool') {
    // The pool createLazyProofCheckPool starts on the first check, started here first so that the
    // cold pass compares with the others' (their libraries are loaded before the clock starts too).
    const pool = createProofCheckPool({ size: DEFAULT_POOL_SIZE, workerScript: job.workerScript })
    try {
      const startup = await time(() => pool.ready())
      return { startup, cold: await time(verifyAll(createVerifier({ now, online: false, runner: pool }), credentials, 'pooled')) }
    } finally {
      await pool.close()
    }
  }
  const data = join(job.dir, job.mode)
  mkdirSync(data, { recursive: true })
  const core = createCore({
    dbPath: join(data, 'portfolio.sqlite'),
    dataDir: data,
    now,
    log: (message, error) => console.error(message, error),
    verifyWorkers: job.mode === 'import-pool' ? { script: job.workerScript } : false,
  })
  try {
    const names = (set: string) => Array.from({ length: COUNT }, (_, i) => `${set}-${i}.json`)
    const cold = await time(() => importFolder(core, join(job.dir, 'files'), names('a')))
    const warm = await time(() => importFolder(core, join(job.dir, 'files'), names('b')))
    await checkAllValid(core)
    return { cold, warm }
  } finally {
    core.close()
  }
}

/** Runs a cold row in a fresh process (this file, through the same tsx loader). */
function child(job: ChildJob): Promise<ChildAnswer> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, __filename], { env: { ...process.env, [CHILD_ENV]: JSON.stringify(job) }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    proc.on('error', reject)
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ChildAnswer)
      else reject(new Error(`the ${job.mode} bench process failed (exit code ${code})`))
    })
  })
}

export async function verifyBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-verify-bench-'))
  try {
    const credentials = await makeCredentials(1000)
    const second = await makeCredentials(1000 + COUNT)
    writeFileSync(join(dir, 'set-a.json'), JSON.stringify(credentials))
    mkdirSync(join(dir, 'files'))
    credentials.forEach((c, i) => writeFileSync(join(dir, 'files', `a-${i}.json`), JSON.stringify(c)))
    second.forEach((c, i) => writeFileSync(join(dir, 'files', `b-${i}.json`), JSON.stringify(c)))
    const workerScript = await bundleWorker(dir)

    // Cold, one fresh process each, one after the other.
    const referenceCold = await child({ mode: 'reference', dir, workerScript })
    const threadCold = await child({ mode: 'thread', dir, workerScript })
    const pooledCold = await child({ mode: 'pool', dir, workerScript })
    const cold = { reference: referenceCold.cold, thread: threadCold.cold, pool: pooledCold.cold }
    const importPool = await child({ mode: 'import-pool', dir, workerScript })
    const importThread = await child({ mode: 'import-thread', dir, workerScript })

    // Warm, in this process.
    const pool = createLazyProofCheckPool({ workerScript })
    try {
      const contenders = {
        reference: reference(credentials),
        thread: verifyAll(createVerifier({ now, online: false }), credentials, 'in-thread'),
        pool: verifyAll(createVerifier({ now, online: false, runner: pool }), credentials, 'pooled'),
      }
      for (let w = 0; w < WARMUP; w++) {
        await contenders.reference()
        await contenders.thread()
        await contenders.pool()
      }
      // Interleaved, so that a busy machine slows them alike.
      const times = { reference: [] as Timing[], thread: [] as Timing[], pool: [] as Timing[], reverify: [] as Timing[] }
      for (let r = 0; r < ROUNDS; r++) {
        times.reference.push(await time(contenders.reference))
        clearCanonicalCache()
        times.thread.push(await time(contenders.thread))
        times.reverify.push(await time(contenders.thread))
        await pool.clearCaches()
        times.pool.push(await time(contenders.pool))
      }
      const warm = { reference: best(times.reference), thread: best(times.thread), pool: best(times.pool) }
      const set = `${COUNT} signed OB3 (½ eddsa-rdfc-2022, ½ Ed25519Signature2020)`
      const workers = `${DEFAULT_POOL_SIZE} worker threads`
      const vsRef = (t: Timing, ref: Timing) => `×${(ref.wall / t.wall).toFixed(2)} vs reference`
      const perRound = times.reference.map((t, r) => t.wall / times.pool[r]!.wall).sort((a, b) => a - b)
      const spread = `per round ×${perRound[0]!.toFixed(2)}–×${perRound[perRound.length - 1]!.toFixed(2)}`
      const importNote = (a: ChildAnswer) => `warm ${wallMs(a.warm!)} (${busy(a.warm!)}, ${stalled(a.warm!)}); cold ${wallMs(a.cold)}, ${Math.round((COUNT / a.cold.wall) * 1000)} files/s (${busy(a.cold)}, ${stalled(a.cold)})`
      const importRate = (a: ChildAnswer) => `${Math.round((COUNT / a.warm!.wall) * 1000)} files/s`
      return [
        { benchmark: `verify ${set}, cold: (c) reference @digitalbazaar/vc verifyCredential`, value: rate(cold.reference), note: `${wallMs(cold.reference)}, first pass in a fresh process, one thread (${busy(cold.reference)})` },
        { benchmark: `verify ${set}, cold: (b) Skillfolio, one thread`, value: rate(cold.thread), note: `${wallMs(cold.thread)}, ${vsRef(cold.thread, cold.reference)}, ${busy(cold.thread)}, ${stalled(cold.thread)}` },
        { benchmark: `verify ${set}, cold: (a) Skillfolio, worker pool (app)`, value: rate(cold.pool), note: `${wallMs(cold.pool)}, ${vsRef(cold.pool, cold.reference)}, ${busy(cold.pool)}, ${stalled(cold.pool)}; before it, starting ${workers} took ${wallMs(pooledCold.startup!)} (the app starts them on its first check)` },
        { benchmark: `verify ${set}, warm: (c) reference verifyCredential`, value: rate(warm.reference), note: `best of ${ROUNDS}: ${wallMs(warm.reference)}, ${busy(warm.reference)}, ${perCredential(warm.reference)}` },
        { benchmark: `verify ${set}, warm: (b) Skillfolio, one thread`, value: rate(warm.thread), note: `${wallMs(warm.thread)}, ${vsRef(warm.thread, warm.reference)}, ${busy(warm.thread)}, ${perCredential(warm.thread)}, ${stalled(warm.thread)}` },
        { benchmark: `verify ${set}, warm: (a) Skillfolio, worker pool (app)`, value: rate(warm.pool), note: `${wallMs(warm.pool)}, ${vsRef(warm.pool, warm.reference)}, ${workers}, ${busy(warm.pool)}, ${perCredential(warm.pool)}, ${stalled(warm.pool)}` },
        { benchmark: 'verification speed-up vs reference verifyCredential', value: `×${(warm.reference.wall / warm.pool.wall).toFixed(2)}`, target: '≥ ×1.5', note: `warm, worker pool as the app runs it, first-time verification, best rounds (${spread}); one thread ×${(warm.reference.wall / warm.thread.wall).toFixed(2)}` },
        { benchmark: `re-verify the same ${COUNT} (canonical forms remembered)`, value: rate(best(times.reverify)), note: `${wallMs(best(times.reverify))}, one thread ("Re-verify")` },
        { benchmark: `import ${COUNT} signed files via createCore, worker pool (app)`, value: importRate(importPool), note: importNote(importPool) },
        { benchmark: `import ${COUNT} signed files via createCore, one thread`, value: importRate(importThread), note: `${importNote(importThread)}; verifyWorkers: false` },
      ]
    } finally {
      await pool.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// A cold row's child process: run one contender and print its timing as the last line.
const job = process.env[CHILD_ENV]
if (job) {
  runChild(JSON.parse(job) as ChildJob).then(
    (answer) => process.stdout.write(`${JSON.stringify(answer)}\n`),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
