/**
 * A small pool of worker threads for proof checks, so verification of many credentials uses
 * every core. In the built app, pass the path of the bundled worker (worker.ts built as its own
 * entry, one CommonJS file is fine); without one, a `verify-worker.js`/`.cjs` beside this code
 * (the bundle) is used, and in development and tests (vitest, tsx) the TypeScript worker is
 * loaded through tsx. A worker that cannot start is not restarted; when none can, `ready()`
 * rejects and `run()` rejects, and the verifier falls back to checking in its own thread.
 *
 * createCore uses `createLazyProofCheckPool`: threads start on the first proof check only.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { checkProofs, clearCanonicalCache, type ProofCheck, type ProofTask } from './data-integrity'
import type { ProofCheckRunner } from './verifier'

export interface ProofCheckPoolOptions {
  /** Number of worker threads; defaults to the number of cores. */
  size?: number
  /** A JavaScript worker file (the built worker.ts); when absent, worker.ts is run through tsx. */
  workerScript?: string
  /**
   * Young-generation size of each worker. JSON-LD expansion clones the active context for every
   * typed node, so verification makes much short-lived garbage; a larger young generation than
   * V8's default makes those collections rarer.
   */
  youngGenerationMb?: number
}

export interface ProofCheckPool extends ProofCheckRunner {
  readonly size: number
  /** Resolves once every worker has loaded its libraries; rejects when none could start. */
  ready(): Promise<void>
  /** Forgets the canonical forms every worker remembers (for benchmarks). */
  clearCaches(): Promise<void>
  close(): Promise<void>
}

/**
 * Tasks a worker holds at once: it runs one and queues the rest, so it never waits for this
 * thread between tasks; the others wait here so that a slow worker does not sit on work.
 */
const PER_WORKER = 8

type Message = { task: ProofTask } | { clear: true }

interface Slot {
  worker: Worker
  inFlight: number
  started: boolean
  dead: boolean
  ready: Promise<void>
}

/** The ESM entry of tsx's `tsx/esm/api` export. */
function tsxEsmApi(pkg: { exports?: unknown }): string {
  const entry = (pkg.exports as Record<string, { import?: { default?: string } | string }> | undefined)?.['./esm/api']?.import
  const path = typeof entry === 'string' ? entry : entry?.default
  if (!path) throw new Error('tsx does not export tsx/esm/api.')
  return path
}

/** The names the build gives the worker entry: electron-vite (out/main) and the CLI bundle (out/cli). */
const BUILT_WORKERS = ['verify-worker.js', 'verify-worker.cjs']

const LOADER_FLAGS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader'])

/**
 * The parent's Node options without its preloads and module hooks: a built worker is plain
 * JavaScript, and tsx's hooks (when the parent runs TypeScript: benchmarks, tests) would only
 * slow its start, several times over.
 */
function withoutLoaders(argv: readonly string[]): string[] {
  const kept: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (LOADER_FLAGS.has(arg)) i++
    else if (!LOADER_FLAGS.has(arg.split('=')[0]!)) kept.push(arg)
  }
  return kept
}

function spawn(workerScript: string | undefined, resourceLimits: { maxYoungGenerationSizeMb: number }): Worker {
  // Bundled (out/main/index.js, out/cli/index.cjs), this code's folder holds the built worker.
  const built = workerScript ?? BUILT_WORKERS.map((name) => join(__dirname, name)).find((path) => existsSync(path))
  if (built) return new Worker(built, { resourceLimits, execArgv: withoutLoaders(process.execArgv) })
  const source = join(__dirname, 'worker.ts')
  if (!existsSync(source)) throw new Error('No worker script was given and worker.ts is not beside the verifier.')
  // Development and tests only: tsx compiles the TypeScript worker on the fly.
  const tsxPackage = createRequire(join(__dirname, 'pool.ts')).resolve('tsx/package.json')
  const tsxApi = join(dirname(tsxPackage), tsxEsmApi(JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports?: unknown }))
  const url = pathToFileURL(source).href
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((api) => api.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`
  return new Worker(code, { eval: true, resourceLimits })
}

export function createProofCheckPool(options: ProofCheckPoolOptions = {}): ProofCheckPool {
  const size = Math.max(1, options.size ?? availableParallelism())
  const limits = { maxYoungGenerationSizeMb: options.youngGenerationMb ?? 48 }
  let nextId = 1
  let closed = false
  const pending = new Map<number, { resolve: (r: ProofCheck[]) => void; reject: (e: Error) => void; slot: Slot }>()
  const queue: { task: ProofTask; resolve: (r: ProofCheck[]) => void; reject: (e: Error) => void }[] = []

  const start = (): Slot => {
    const worker = spawn(options.workerScript, limits)
    let markReady: () => void = () => {}
    const slot: Slot = { worker, inFlight: 0, started: false, dead: false, ready: new Promise<void>((resolve) => (markReady = resolve)) }
    worker.on('message', (message: { ready?: boolean; id?: number; result?: ProofCheck[]; error?: string }) => {
      if (message.ready) {
        slot.started = true
        // Loading keeps the process alive; an idle worker does not.
        if (slot.inFlight === 0) worker.unref()
        markReady()
        return
      }
      const job = message.id === undefined ? undefined : pending.get(message.id)
      if (!job) return
      pending.delete(message.id!)
      slot.inFlight--
      if (slot.inFlight === 0) worker.unref()
      if (message.error !== undefined) job.reject(new Error(message.error))
      else job.resolve(message.result ?? [])
    })
    let failed = false
    const fail = (error: Error) => {
      if (failed) return
      failed = true
      slot.dead = true
      for (const [id, job] of pending) {
        if (job.slot !== slot) continue
        pending.delete(id)
        job.reject(error)
      }
      markReady()
      // A worker that crashed while working is replaced; one that never started is not.
      if (!closed && slot.started) slots[slots.indexOf(slot)] = start()
      pump()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`A verification worker stopped (exit code ${code}).`)))
    return slot
  }

  const slots: Slot[] = Array.from({ length: size }, start)

  const send = (slot: Slot, message: Message) => {
    const id = nextId++
    return new Promise<ProofCheck[]>((resolve, reject) => {
      pending.set(id, { resolve, reject, slot })
      slot.worker.ref()
      slot.inFlight++
      slot.worker.postMessage({ id, ...message })
    })
  }

  function pump(): void {
    for (;;) {
      const job = queue[0]
      if (!job) return
      const live = slots.filter((s) => !s.dead)
      if (live.length === 0) {
        for (const waiting of queue.splice(0)) waiting.reject(new Error('No verification worker could start.'))
        return
      }
      const slot = live.reduce((best, s) => (s.inFlight < best.inFlight ? s : best))
      if (slot.inFlight >= PER_WORKER) return
      queue.shift()
      send(slot, { task: job.task }).then(job.resolve, job.reject).finally(pump)
    }
  }

  return {
    size,
    async ready() {
      await Promise.all(slots.map((s) => s.ready))
      if (slots.every((s) => s.dead)) throw new Error('No verification worker could start.')
    },
    run(task: ProofTask) {
      if (closed) return Promise.reject(new Error('The verification pool is closed.'))
      return new Promise<ProofCheck[]>((resolve, reject) => {
        queue.push({ task, resolve, reject })
        pump()
      })
    },
    async clearCaches() {
      await Promise.all(slots.filter((s) => !s.dead).map((slot) => send(slot, { clear: true })))
    },
    async close() {
      closed = true
      for (const job of queue.splice(0)) job.reject(new Error('The verification pool was closed.'))
      for (const [id, job] of pending) {
        pending.delete(id)
        job.reject(new Error('The verification pool was closed.'))
      }
      await Promise.all(slots.map((s) => s.worker.terminate()))
    },
  }
}

export interface LazyProofCheckPoolOptions extends ProofCheckPoolOptions {
  /** Told once when no worker can start (verification then runs in this thread). */
  log?: (message: string, error?: unknown) => void
}

export interface LazyProofCheckPool extends ProofCheckRunner {
  /** Whether threads were started (they are on the first proof check, not before). */
  readonly started: boolean
  /** Forgets the canonical forms remembered here and in every worker (for benchmarks). */
  clearCaches(): Promise<void>
  /** Terminates the workers; later checks run in this thread. Never rejects. */
  close(): Promise<void>
}

/**
 * Each worker holds its own copy of the JSON-LD libraries, contexts and caches (about 40 MB);
 * past four, memory grows faster than a portfolio-sized import gains.
 */
export const DEFAULT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()))

/**
 * The pool as the core uses it: no thread until the first proof check (a CLI `list` starts
 * none), and every check answered even when the workers cannot start, crash or were closed:
 * it then runs in this thread, one at a time (hundreds interleaved are slower than in turn).
 */
export function createLazyProofCheckPool(options: LazyProofCheckPoolOptions = {}): LazyProofCheckPool {
  const { log, ...poolOptions } = options
  let pool: ProofCheckPool | null = null
  let started = false
  let unavailable = false
  let closed = false
  let localTail: Promise<unknown> = Promise.resolve()
  const local = (task: ProofTask): Promise<ProofCheck[]> => {
    const result = localTail.then(() => checkProofs(task))
    localTail = result.catch(() => undefined)
    return result
  }
  const giveUp = (error: unknown) => {
    if (unavailable || closed) return
    unavailable = true
    log?.('Verification workers could not start; verifying in the main thread instead', error)
    const dead = pool
    pool = null
    void dead?.close().catch(() => undefined)
  }
  return {
    get started() {
      return started
    },
    run(task) {
      if (closed || unavailable) return local(task)
      if (!pool) {
        started = true
        try {
          pool = createProofCheckPool({ ...poolOptions, size: poolOptions.size ?? DEFAULT_POOL_SIZE })
        } catch (error) {
          giveUp(error)
          return local(task)
        }
        pool.ready().catch(giveUp)
      }
      return pool.run(task).catch(() => local(task))
    },
    async clearCaches() {
      clearCanonicalCache()
      await pool?.clearCaches().catch(() => undefined)
    },
    async close() {
      closed = true
      const open = pool
      pool = null
      await open?.close().catch(() => undefined)
    },
  }
}
