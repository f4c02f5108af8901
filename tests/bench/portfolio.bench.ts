/**
 * Portfolio storage and search at scale: bulk insert of credentials with skills, the first
 * page of the list, and full-text search, at 10,000 and 100,000 credentials.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core/app'
import { contract } from '../../electron/shared/contract'
import { fakeCredential, fillCredentials, rng } from './fake-portfolio'
import { median, ms, p95, timeOnce, timeRuns, type BenchRow } from './harness'

/** Kept for the benches that import the generator from here (backup, exchange). */
export { fakeCredential, rng }

function fill(core: Core, from: number, to: number): number {
  return timeOnce(() => fillCredentials(core, from, to))
}

function measureQueries(core: Core, size: string): BenchRow[] {
  const list = core.services['credentials:list']
  const query = (text: string) => contract['credentials:list'].input.parse({ text })
  const first = timeRuns(() => list(contract['credentials:list'].input.parse({})))
  const byTitle = timeRuns(() => list(contract['credentials:list'].input.parse({ sort: 'title' })))
  const rare = timeRuns(() => list(query('python machine lear')))
  const common = timeRuns(() => list(query('data')))
  const global = timeRuns(() => core.services['search:query']({ text: 'cloud security', limit: 20 }))
  return [
    { benchmark: `list first page (recent), ${size}`, value: ms(median(first)), note: `p95 ${ms(p95(first))}` },
    { benchmark: `list first page (by title), ${size}`, value: ms(median(byTitle)), note: `p95 ${ms(p95(byTitle))}` },
    { benchmark: `search list "python machine lear", ${size}`, value: ms(median(rare)), target: '< 20 ms', note: `p95 ${ms(p95(rare))}` },
    { benchmark: `search list "data" (~1/3 match), ${size}`, value: ms(median(common)), target: '< 20 ms', note: `p95 ${ms(p95(common))}` },
    { benchmark: `search everything "cloud security", ${size}`, value: ms(median(global)), target: '< 20 ms', note: `p95 ${ms(p95(global))}` },
  ]
}

export function portfolioBench(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bench-'))
  const core = createCore({ dbPath: join(dir, 'bench.sqlite'), dataDir: dir, log: () => {} })
  try {
    const rows: BenchRow[] = []
    const insert10k = fill(core, 0, 10_000)
    rows.push({ benchmark: 'insert 10,000 credentials with 3–6 skills each', value: ms(insert10k), note: `${Math.round(10_000 / (insert10k / 1000))} credentials/s, one transaction` })
    const single = timeRuns(() => core.services['credentials:create'](fakeCredential(0, rng(7))), 50, 5)
    rows.push({ benchmark: 'add one credential (own transaction)', value: ms(median(single)), note: `p95 ${ms(p95(single))}` })
    rows.push(...measureQueries(core, '10k'))
    fill(core, 10_000, 100_000)
    core.db.pragma('optimize')
    rows.push(...measureQueries(core, '100k'))
    return rows
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
