/**
 * Reading the portfolio for a resume: readPortfolioSnapshot (one read transaction, a handful of
 * set-based queries) against readPortfolio (the contract: 6 list calls plus one
 * credentials:get / projects:get per item), on the demo portfolio and on 2,000 credentials +
 * 500 projects. Cold = the first read after opening the portfolio (statements not yet
 * prepared, SQLite's page cache empty); warm = repeated reads on the same connection.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore, type Core } from '../../electron/core/app'
import { createPortfolio } from '../../electron/core/portfolio'
import { readPortfolioSnapshot } from '../../electron/core/portfolio/snapshot'
import { readPortfolio } from '../helpers/read-portfolio'
import { contract } from '../../electron/shared/contract'
import { median, ms, p95, type BenchRow } from './harness'

const NOW = () => new Date('2026-11-28T12:00:00Z')
const SKILLS = Array.from({ length: 300 }, (_, i) => `Skill ${i}`)
const WORDS = ['Data', 'Cloud', 'Security', 'Analytics', 'Design', 'Python', 'Agile', 'Machine', 'Learning', 'Foundations']

function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

function fill(core: Core, credentials: number, projects: number): void {
  const r = rng(11)
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!
  const portfolio = createPortfolio(core.db, NOW)
  core.db.transaction(() => {
    for (let i = 0; i < credentials; i++)
      portfolio.credentials.insert(
        contract['credentials:create'].input.parse({
          title: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
          kind: 'platform',
          provider: pick(['Coursera', 'edX', 'Udacity']),
          earnedOn: `20${10 + Math.floor(r() * 16)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
          hours: Math.round(r() * 100),
          description: `Covers ${pick(WORDS).toLowerCase()} in practice.`,
          skills: Array.from({ length: 3 + Math.floor(r() * 4) }, () => ({ name: pick(SKILLS) })),
        }),
      )
    for (let i = 0; i < projects; i++)
      portfolio.projects.insert(
        contract['projects:create'].input.parse({
          title: `${pick(WORDS)} project ${i}`,
          summary: 'What it was about.',
          links: [{ label: 'Repo', url: `https://example.org/${i}` }],
          outcomes: ['Shipped'],
          skills: Array.from({ length: 2 + Math.floor(r() * 3) }, () => ({ name: pick(SKILLS) })),
          credentialIds: Array.from({ length: 1 + Math.floor(r() * 3) }, () => `cred-${1 + Math.floor(r() * credentials)}`),
        }),
      )
    for (let i = 0; i < 5; i++)
      portfolio.experience.create(
        contract['experience:create'].input.parse({
          organization: `Org ${i}`,
          title: 'Analyst',
          startedOn: `201${i}-01-01`,
          skills: [{ name: pick(SKILLS) }, { name: pick(SKILLS) }],
        }),
      )
  })()
}

async function timeAsync(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

async function measure(label: string, open: () => Core, close: (core: Core) => void): Promise<BenchRow[]> {
  const coldRuns = 5
  const warmRuns = 15
  const cold = { snapshot: [] as number[], dispatch: [] as number[] }
  for (let i = 0; i < coldRuns; i++) {
    // Alternate which reader goes first on a fresh connection, each measured on its own fresh connection.
    let core = open()
    cold.snapshot.push(await timeAsync(() => readPortfolioSnapshot(core.db)))
    close(core)
    core = open()
    cold.dispatch.push(await timeAsync(() => readPortfolio(core.call)))
    close(core)
  }
  const core = open()
  const warm = { snapshot: [] as number[], dispatch: [] as number[] }
  try {
    for (let i = 0; i < 3; i++) {
      readPortfolioSnapshot(core.db)
      await readPortfolio(core.call)
    }
    for (let i = 0; i < warmRuns; i++) {
      warm.snapshot.push(await timeAsync(() => readPortfolioSnapshot(core.db)))
      warm.dispatch.push(await timeAsync(() => readPortfolio(core.call)))
    }
  } finally {
    close(core)
  }
  const sort = (a: number[]) => a.sort((x, y) => x - y)
  const row = (phase: 'cold' | 'warm', runs: number, t: { snapshot: number[]; dispatch: number[] }): BenchRow => {
    const s = sort(t.snapshot)
    const d = sort(t.dispatch)
    return {
      benchmark: `resume data read: one snapshot vs dispatch per item, ${label} (${phase}, ${runs} runs)`,
      value: `${ms(median(s))} vs ${ms(median(d))}`,
      note: `${(median(d) / median(s)).toFixed(1)}× faster; p95 ${ms(p95(s))} vs ${ms(p95(d))}`,
    }
  }
  return [row('cold', coldRuns, cold), row('warm', warmRuns, warm)]
}

export async function snapshotBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bench-snapshot-'))
  try {
    const rows: BenchRow[] = []
    const demoPath = join(dir, 'demo.sqlite')
    const bigPath = join(dir, 'big.sqlite')
    const open = (dbPath: string) => () => createCore({ dbPath, dataDir: dir, now: NOW, log: () => {} })
    const close = (core: Core) => core.close()

    const demo = open(demoPath)()
    await demo.call('app:loadDemo', {})
    const demoCounts = (await demo.call('app:info', {})).counts
    demo.close()
    rows.push(...(await measure(`demo (${demoCounts.credentials} credentials, ${demoCounts.projects} projects)`, open(demoPath), close)))

    const big = open(bigPath)()
    fill(big, 2_000, 500)
    big.db.pragma('optimize')
    big.close()
    rows.push(...(await measure('2,000 credentials + 500 projects', open(bigPath), close)))
    return rows
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// `npx tsx tests/bench/snapshot.bench.ts` runs this table alone.
if (process.argv[1] && /snapshot\.bench\.[cm]?[jt]s$/.test(process.argv[1])) {
  void import('./harness').then(async ({ printTable }) => printTable(await snapshotBench()))
}
