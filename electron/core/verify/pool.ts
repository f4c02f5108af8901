/**
 * A small pool of worker threads for proof checks, so verification of many credentials uses
 * every core. In the built app, pass the path of the bundled worker (worker.ts built as its own
 * entry, one CommonJS file is fine). In development and tests (vitest, tsx) the TypeScript worker
 * is loaded through tsx. A worker that cannot start is not restarted; when none can, `ready()`
 * rejects and `run()` rejects, and the verifier falls back to checking in its own thread.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ProofCheck, ProofTask } from './data-integrity'
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

function spawn(workerScript: string | undefined, resourceLimits: { maxYoungGenerationSizeMb: number }): Worker {
  if (workerScript) return new Worker(workerScript, { resourceLimits })
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
