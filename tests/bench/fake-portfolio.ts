/**
 * A large, deterministic portfolio for benchmarks and scale tests: credentials as a person types
 * them (title, kind, provider, dates, hours, cost, description, 3–6 skills from 400), inserted in
 * one transaction so 100,000 take seconds, not minutes.
 */
import type { Core } from '../../electron/core/app'
import { createPortfolio } from '../../electron/core/portfolio'
import { contract } from '../../electron/shared/contract'

export const WORDS = ['Data', 'Cloud', 'Security', 'Analytics', 'Design', 'Marketing', 'Python', 'Agile', 'Leadership', 'Machine', 'Learning', 'Engineering', 'Foundations', 'Advanced', 'Professional', 'Certificate', 'Associate', 'Practitioner']
const PROVIDERS = ['Coursera', 'edX', 'Udacity', 'Google', 'AWS', 'Microsoft', 'IBM', 'General Assembly', 'Le Wagon', 'LinkedIn Learning']
const SKILL_BASE = ['SQL', 'Python', 'R', 'Tableau', 'Power BI', 'Excel', 'dbt', 'Airflow', 'Spark', 'Kafka', 'AWS', 'Azure', 'GCP', 'Docker', 'Kubernetes', 'Terraform', 'Git', 'Linux', 'JavaScript', 'TypeScript', 'React', 'Node.js', 'Figma', 'User research', 'SEO', 'Google Analytics', 'Content strategy', 'Scrum', 'Kanban', 'Statistics', 'Machine learning', 'Deep learning', 'NLP', 'Computer vision', 'Data modeling', 'ETL', 'Security operations', 'Penetration testing', 'Networking', 'Project management']
const SKILLS = Array.from({ length: 400 }, (_, i) => (i < SKILL_BASE.length ? SKILL_BASE[i]! : `${SKILL_BASE[i % SKILL_BASE.length]} ${WORDS[i % WORDS.length]} ${i}`))
const KINDS = ['platform', 'bootcamp', 'employer', 'academic', 'certification', 'badge', 'other'] as const

/** Deterministic pseudo-random numbers, so every run measures the same portfolio. */
export function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

/** Credential number `i`: its title ends with ` i`, so a test can find any one by its number. */
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

/** Inserts credentials number `from` to `to - 1` in one transaction (the same ones on every run). */
export function fillCredentials(core: Pick<Core, 'db'>, from: number, to: number): void {
  const portfolio = createPortfolio(core.db, () => new Date())
  const r = rng(from + 1)
  const inputs = Array.from({ length: to - from }, (_, k) => fakeCredential(from + k, r))
  core.db.transaction(() => inputs.forEach((c) => portfolio.credentials.insert(c)))()
}
