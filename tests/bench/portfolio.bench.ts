/**
 * Portfolio storage and search at scale: bulk insert of credentials with skills, the first
 * page of the list, and full-text search, at 10,000 and 100,000 credentials.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core/app'
import { createPortfolio } from '../../electron/core/portfolio'
import { contract } from '../../electron/shared/contract'
import { median, ms, p95, timeOnce, timeRuns, type BenchRow } from './harness'

const WORDS = ['Data', 'Cloud', 'Security', 'Analytics', 'Design', 'Marketing', 'Python', 'Agile', 'Leadership', 'Machine', 'Learning', 'Engineering', 'Foundations', 'Advanced', 'Professional', 'Certificate', 'Associate', 'Practitioner']
const PROVIDERS = ['Coursera', 'edX', 'Udacity', 'Google', 'AWS', 'Microsoft', 'IBM', 'General Assembly', 'Le Wagon', 'LinkedIn Learning']
const SKILL_BASE = ['SQL', 'Python', 'R', 'Tableau', 'Power BI', 'Excel', 'dbt', 'Airflow', 'Spark', 'Kafka', 'AWS', 'Azure', 'GCP', 'Docker', 'Kubernetes', 'Terraform', 'Git', 'Linux', 'JavaScript', 'TypeScript', 'React', 'Node.js', 'Figma', 'User research', 'SEO', 'Google Analytics', 'Content strategy', 'Scrum', 'Kanban', 'Statistics', 'Machine learning', 'Deep learning', 'NLP', 'Computer vision', 'Data modeling', 'ETL', 'Security operations', 'Penetration testing', 'Networking', 'Project management']
const SKILLS = Array.from({ length: 400 }, (_, i) => (i < SKILL_BASE.length ? SKILL_BASE[i]! : `${SKILL_BASE[i % SKILL_BASE.length]} ${WORDS[i % WORDS.length]} ${i}`))
const KINDS = ['platform', 'bootcamp', 'employer', 'academic', 'certification', 'badge', 'other'] as const

/** Deterministic pseudo-random numbers, so every run measures the same portfolio. */
export function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

/** A credential as a person types it: title, kind, provider, dates, hours, cost, description and 3–6 skills from 400. */
export function fakeCredential(i: number, r: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!
  const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`
  return contract['credentials:create'].input.parse({
    title,
    kind: pick(KINDS),
    provider: pick(PROVIDERS),
    issuerName: pick(PROVIDERS),
    earnedOn: `20${10 + Math.floor(r() * 16)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    hours: Math.round(r() * 200),
    cost: { amountMinor: Math.floor(r() * 200_000), currency: 'USD' },
    description: `Covers ${pick(WORDS).toLowerCase()} and ${pick(WORDS).toLowerCase()} in practice.`,
    skills: Array.from({ length: 3 + Math.floor(r() * 4) }, () => ({ name: pick(SKILLS) })),
  })
}

function fill(core: Core, from: number, to: number): number {
  const portfolio = createPortfolio(core.db, () => new Date())
  const r = rng(from + 1)
  const inputs = Array.from({ length: to - from }, (_, k) => fakeCredential(from + k, r))
  return timeOnce(() => core.db.transaction(() => inputs.forEach((c) => portfolio.credentials.insert(c)))())
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
