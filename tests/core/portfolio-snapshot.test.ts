import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPortfolio } from '../../electron/core/portfolio'
import { readPortfolioSnapshot } from '../../electron/core/portfolio/snapshot'
import { readPortfolio } from '../helpers/read-portfolio'
import { contract } from '../../electron/shared/contract'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

/** Same values, same key order, same array order: what JSON over IPC would carry. */
async function expectSameAsChannels(): Promise<ReturnType<typeof readPortfolioSnapshot>> {
  const snapshot = readPortfolioSnapshot(p.core.db)
  const viaChannels = await readPortfolio(p.core.call)
  expect(snapshot).toStrictEqual(viaChannels)
  expect(JSON.stringify(snapshot)).toBe(JSON.stringify(viaChannels))
  return snapshot
}

const SKILLS = ['SQL', 'Python', 'Tableau', 'Power BI', 'Excel', 'dbt', 'Spark', 'AWS', 'Statistics', 'Git', 'R', 'Docker']

/** Deterministic pseudo-random numbers, so every run sees the same portfolio. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

describe('readPortfolioSnapshot', () => {
  it('is an empty portfolio read the same way', async () => {
    const s = await expectSameAsChannels()
    expect(s).toMatchObject({ experience: [], education: [], credentials: [], projects: [], skills: [] })
  })

  it('equals the per-item channel reads on the demo portfolio, with experience skills linked', async () => {
    await p.core.call('app:loadDemo', {})
    const [first, second] = await p.core.call('experience:list', {})
    await p.core.call('experience:update', { id: first!.id, patch: { skills: [{ name: 'SQL', level: 'advanced' }, { name: 'Stakeholder management' }] } })
    await p.core.call('experience:update', { id: second!.id, patch: { skills: [{ name: 'Excel' }] } })
    const s = await expectSameAsChannels()
    expect(s.credentials.length).toBeGreaterThan(5)
    expect(s.projects.length).toBeGreaterThan(1)
    expect(s.experience.some((e) => e.skills.length > 0)).toBe(true)
    expect(s.projects.some((pr) => pr.credentials.length > 0)).toBe(true)
    expect(s.credentials.some((c) => c.projects.length > 0)).toBe(true)
  })

  it('equals the channel reads on 1,200 credentials (several list pages), with links, verdicts and evidence files', async () => {
    const r = rng(42)
    const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!
    const portfolio = createPortfolio(p.core.db, () => new Date('2026-11-28T12:00:00Z'))
    p.core.db.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        portfolio.credentials.insert(
          contract['credentials:create'].input.parse({
            // Repeated titles, so ties in every title order are exercised.
            title: `Course ${i % 97}`,
            kind: pick(['platform', 'badge', 'certification'] as const),
            provider: pick(['Coursera', 'edX', null]),
            earnedOn: r() < 0.8 ? `20${10 + Math.floor(r() * 16)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}` : null,
            hours: r() < 0.5 ? Math.round(r() * 100) : null,
            cost: r() < 0.3 ? { amountMinor: Math.floor(r() * 50_000), currency: 'USD' } : null,
            skills: Array.from({ length: Math.floor(r() * 5) }, () => ({ name: pick(SKILLS), level: pick([null, 'beginner', 'expert'] as const) })),
          }),
        )
      }
      for (let i = 0; i < 80; i++) {
        portfolio.projects.insert(
          contract['projects:create'].input.parse({
            title: `Project ${i % 13}`,
            links: i % 3 ? [{ label: 'Repo', url: `https://example.org/${i}` }] : [],
            outcomes: i % 2 ? ['Shipped', 'Adopted'] : [],
            skills: Array.from({ length: Math.floor(r() * 4) }, () => ({ name: pick(SKILLS) })),
            credentialIds: Array.from({ length: Math.floor(r() * 4) }, () => `cred-${1 + Math.floor(r() * 1200)}`),
          }),
        )
      }
      // Varied and tied update times, so the lists' "recent" order is not just the id order.
      const touch = p.core.db.prepare('UPDATE credential SET updated_at = ? WHERE id = ?')
      for (let id = 1; id <= 1200; id += 7) touch.run(`2026-0${1 + (id % 9)}-01T00:00:00.000Z`, id)
      p.core.db.prepare(`UPDATE project SET updated_at = '2025-01-01T00:00:00.000Z' WHERE id % 5 = 0`).run()
      const verdict = p.core.db.prepare(
        `INSERT INTO credential_verification (credential_id, signature_verdict, signature_detail, signature_method, signature_key_id,
           validity_verdict, validity_detail, valid_from, valid_until, status_verdict, status_detail, checked_at, online, issuer_verdict, issuer_basis)
         VALUES (?, ?, 'checked', 'hosted', NULL, ?, 'dates ok', '2024-01-01', NULL, 'active', 'not revoked', '2026-11-28T12:00:00Z', 0, ?, ?)`,
      )
      for (let id = 3; id <= 1200; id += 11) {
        const issuer = id % 2 === 0 ? 'not_checked' : id % 5 ? 'confirmed' : 'not_confirmed'
        verdict.run(id, id % 2 ? 'valid' : 'invalid', id % 3 ? 'valid' : 'expired', issuer, issuer === 'confirmed' ? 'hosted' : null)
      }
      const file = p.core.db.prepare(`INSERT INTO evidence_file (sha256, file_name, media_type, size_bytes, added_at) VALUES (?, ?, 'image/png', ?, ?)`)
      const attach = p.core.db.prepare('INSERT OR IGNORE INTO credential_evidence (credential_id, sha256) VALUES (?, ?)')
      for (let k = 0; k < 40; k++) {
        const sha = k.toString(16).padStart(64, '0')
        file.run(sha, `badge-${k}.png`, 1000 + k, `2026-0${1 + (k % 3)}-01T00:00:00Z`)
        attach.run(1 + ((k * 29) % 1200), sha)
        attach.run(1 + (k % 5), sha) // several files each, some added at the same time
      }
    })()
    await p.core.call('profile:update', { fullName: 'Ada', links: [{ label: 'Site', url: 'https://example.org' }] })
    await p.core.call('experience:create', { organization: 'Now Inc', title: 'Analyst', startedOn: '2022-01-01', skills: [{ name: 'SQL' }, { name: 'dbt', level: 'advanced' }] })
    await p.core.call('experience:create', { organization: 'Old Co', title: 'Intern', startedOn: '2019-01-01', endedOn: '2019-06-30' })
    await p.core.call('education:create', { institution: 'Uni', degree: 'BSc' })

    const s = await expectSameAsChannels()
    expect(s.credentials).toHaveLength(1200)
    expect(s.projects).toHaveLength(80)
    expect(s.credentials.filter((c) => c.verification).length).toBeGreaterThan(100)
    expect(s.credentials.filter((c) => c.evidence.length > 0).length).toBeGreaterThanOrEqual(40)
    expect(s.credentials.some((c) => c.evidence.length > 3)).toBe(true)
    expect(new Set(s.credentials.map((c) => c.trust))).toEqual(new Set(['self_reported', 'verified', 'signed', 'problem', 'expired']))
  })

  it('reads inside a caller’s transaction too, and sees that transaction’s writes', async () => {
    await p.core.call('credentials:create', { title: 'A', kind: 'badge', skills: [{ name: 'SQL' }] })
    const inside = p.core.db.transaction(() => {
      p.core.db.prepare(`UPDATE credential SET title = 'B'`).run()
      return readPortfolioSnapshot(p.core.db)
    })()
    expect(inside.credentials.map((c) => c.title)).toEqual(['B'])
    await expectSameAsChannels()
  })
})
