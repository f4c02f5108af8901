/** Tiny benchmark helpers: time a function several times and print one table for the whole run. */
import { performance } from 'node:perf_hooks'

export interface BenchRow {
  benchmark: string
  value: string
  target?: string
  note?: string
}

export function timeOnce(fn: () => void): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns sorted durations in ms. */
export function timeRuns(fn: () => void, runs = 15, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(timeOnce(fn))
  return times.sort((a, b) => a - b)
}

export const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)] ?? NaN
export const p95 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN
export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`

export function printTable(rows: BenchRow[]): void {
  const headers = ['benchmark', 'value', 'target', 'note'] as const
  const cells = rows.map((r) => headers.map((h) => r[h] ?? ''))
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`
  console.log(line(headers))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const c of cells) console.log(line(c))
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export interface Measured<T> {
  value: T
  ms: number
  /** CPU time of this process meanwhile (user + system, all threads): less sensitive than `ms` to a busy machine. */
  cpuMs: number
  /** Resident set size when `fn` started. */
  startRss: number
  /** Highest resident set size seen while `fn` ran (sampled, and the process's peak when `fn` raised it). */
  peakRss: number
  /** Highest V8 heap plus Buffers (external memory) seen while `fn` ran, sampled. */
  peakHeap: number
}

/**
 * Times one run of `fn` and watches memory meanwhile: sampled every 5 ms whenever the event loop
 * is free (the async parts: SQLite's online backup, scrypt, file writes), and at the end.
 */
export async function measure<T>(fn: () => T | Promise<T>): Promise<Measured<T>> {
  let peakRss = 0
  let peakHeap = 0
  const sample = () => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external)
  }
  const maxRssBefore = process.resourceUsage().maxRSS
  sample()
  const startRss = peakRss
  const timer = setInterval(sample, 5)
  const cpu = process.cpuUsage()
  const start = performance.now()
  try {
    const value = await fn()
    const elapsed = performance.now() - start
    const used = process.cpuUsage(cpu)
    sample()
    const maxRssAfter = process.resourceUsage().maxRSS
    if (maxRssAfter > maxRssBefore) peakRss = Math.max(peakRss, maxRssAfter * 1024)
    return { value, ms: elapsed, cpuMs: (used.user + used.system) / 1000, startRss, peakRss, peakHeap }
  } finally {
    clearInterval(timer)
  }
}
