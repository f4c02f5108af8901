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
