/**
 * Worker-thread entry: runs proof checks (the CPU-heavy part: JSON-LD canonicalisation and
 * Ed25519) for the pool in pool.ts. The pool keeps several tasks queued here so the worker never
 * waits for the main thread; they run one at a time (interleaved canonicalisations are slower
 * than the same work in turn). Each worker keeps its own caches for as long as it lives.
 *
 * Built as an entry of its own: out/main/verify-worker.js (electron-vite) and
 * out/cli/verify-worker.cjs (scripts/build-cli.mjs); it imports nothing from the shells.
 */
import { parentPort } from 'node:worker_threads'
import { checkProofs, clearCanonicalCache, type ProofTask } from './data-integrity'

type Request = { id: number; task: ProofTask } | { id: number; clear: true }

const CONCURRENCY = 1
const port = parentPort
if (port) {
  const queue: Request[] = []
  let running = 0
  const next = () => {
    while (running < CONCURRENCY && queue.length > 0) {
      const message = queue.shift()!
      if ('clear' in message) {
        clearCanonicalCache()
        port.postMessage({ id: message.id, result: [] })
        continue
      }
      running++
      checkProofs(message.task)
        .then(
          (result) => port.postMessage({ id: message.id, result }),
          (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
        )
        .finally(() => {
          running--
          next()
        })
    }
  }
  port.on('message', (message: Request) => {
    queue.push(message)
    next()
  })
  port.postMessage({ ready: true })
}
