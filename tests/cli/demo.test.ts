import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CREDENTIAL_KINDS, type Credential, type CredentialSummary, type Experience, type Profile, type Project, type Skill } from '../../electron/shared/schemas'
import { contract } from '../../electron/shared/contract'
import { createCore } from '../../electron/core/app'
import { createPortfolio } from '../../electron/core/portfolio'
import { loadDemo } from '../../electron/core/demo/load'
import { samplePortfolio } from '../../electron/core/demo/sample-portfolio'
import { NOW, tempPortfolio, type TempPortfolio } from './harness'
import { testLog } from '../helpers/core-log'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const days = (from: Date, iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())) / 86_400_000)

describe('skillfolio demo', () => {
  it('fills an empty portfolio with a realistic one covering every credential kind', async () => {
    const r = await p.run('demo')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Loaded the demo portfolio into .*portfolio\.sqlite:\n\s+14 credentials, 5 projects, \d+ skills/)

    const creds = (await p.run('list', 'credentials', '--json', '--limit', '500')).json<{ items: CredentialSummary[]; total: number }>()
    expect(creds.total).toBeGreaterThanOrEqual(12)
    expect(creds.total).toBeLessThanOrEqual(14)
    expect(new Set(creds.items.map((c) => c.kind))).toEqual(new Set(CREDENTIAL_KINDS))
    expect(new Set(creds.items.map((c) => c.cost?.currency).filter(Boolean))).toEqual(new Set(['USD', 'EUR', 'GBP']))

    // Relative to `now`: one expires within weeks, some have expired, one is in progress.
    const expiringSoon = creds.items.filter((c) => c.expiresOn && days(NOW, c.expiresOn) > 0 && days(NOW, c.expiresOn) <= 60)
    expect(expiringSoon.map((c) => c.title)).toEqual(['AWS Certified Cloud Practitioner'])
    expect(creds.items.some((c) => c.expiresOn && days(NOW, c.expiresOn) < 0 && c.status === 'expired')).toBe(true)
    expect(creds.items.filter((c) => c.status === 'in_progress')).toHaveLength(1)
    for (const c of creds.items) if (c.status === 'earned' || c.status === 'expired') expect(days(NOW, c.earnedOn!)).toBeLessThan(0)

    for (const summary of creds.items) {
      const c = (await p.run('show', summary.id, '--json')).json<Credential>()
      expect(c.provider, c.title).toBeTruthy()
      expect(c.issuerName, c.title).toBeTruthy()
      expect(c.description, c.title).toBeTruthy()
      expect(c.skills.length, c.title).toBeGreaterThanOrEqual(2)
      expect(c.skills.length, c.title).toBeLessThanOrEqual(8)
      expect(c.skills.every((s) => s.level), c.title).toBe(true)
      if (c.verificationUrl) expect(new URL(c.verificationUrl).hostname).toMatch(/(^|\.)example\.(org|com)$/)
      if (c.startedOn && c.earnedOn) expect(c.startedOn <= c.earnedOn).toBe(true)
      if (c.earnedOn && c.expiresOn) expect(c.earnedOn <= c.expiresOn).toBe(true)
    }

    const projects = (await p.run('list', 'projects', '--json')).json<{ items: Array<{ id: string }> }>()
    expect(projects.items).toHaveLength(5)
    for (const { id } of projects.items) {
      const project = (await p.run('show', id, '--json')).json<Project>()
      expect(project.role).toBeTruthy()
      expect(project.summary).toBeTruthy()
      expect(project.outcomes.length).toBeGreaterThan(0)
      expect(project.skills.length).toBeGreaterThanOrEqual(3)
      expect(project.credentials.length).toBeGreaterThanOrEqual(1)
      for (const link of project.links) expect(new URL(link.url).hostname).toMatch(/(^|\.)example\.(org|com)$/)
    }

    const skills = (await p.run('list', 'skills', '--json')).json<{ items: Skill[] }>()
    const byName = new Map(skills.items.map((s) => [s.name, s]))
    for (const name of ['SQL', 'Python', 'Tableau', 'Power BI', 'Excel', 'dbt', 'Airflow', 'AWS', 'Docker', 'Git', 'Statistics', 'A/B testing', 'Stakeholder communication'])
      expect(byName.has(name), name).toBe(true)
    expect(byName.get('Excel')!.aliases).toContain('MS Excel')
    expect(new Set(skills.items.map((s) => s.category)).size).toBeGreaterThanOrEqual(4)
    // Some skills are learned but never applied, so the app has something to flag.
    expect(skills.items.some((s) => s.credentialCount > 0 && s.projectCount === 0)).toBe(true)

    const profile = (await p.run('profile', '--json')).json<Profile>()
    expect(profile).toMatchObject({ fullName: 'Maya Okafor', email: expect.stringMatching(/@example\.com$/) })
    const experience = (await p.run('list', 'experience', '--json')).json<Experience[]>()
    expect(experience.length).toBeGreaterThanOrEqual(2)
    expect(experience.filter((e) => e.endedOn === null)).toHaveLength(1)
    expect((await p.run('list', 'education', '--json')).json<unknown[]>().length).toBeGreaterThanOrEqual(1)

    // The search index sees the demo too.
    const hits = (await p.run('search', 'airflow', '--json')).json<{ total: number }>()
    expect(hits.total).toBeGreaterThan(1)
  })

  it('--json reports the counts', async () => {
    const r = await p.run('demo', '--json')
    expect(r.json()).toEqual({ credentials: 14, projects: 5, skills: expect.any(Number), dbPath: p.db })
  })

  it('refuses a portfolio that already has credentials, changing nothing', async () => {
    expect((await p.run('add', 'credential', '--title', 'Mine', '--kind', 'other')).code).toBe(0)
    const before = p.hash()
    const r = await p.run('demo')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^skillfolio: The demo only loads into an empty portfolio.*\n$/)
    expect(p.hash()).toBe(before)
  })

  it('reuses skills that already exist instead of failing', async () => {
    expect((await p.run('add', 'skill', '--name', 'sql', '--category', 'technology')).code).toBe(0)
    expect((await p.run('demo')).code).toBe(0)
    const skills = (await p.run('list', 'skills', '--search', 'sql', '--json')).json<{ items: Skill[] }>()
    expect(skills.items.filter((s) => s.name.toLowerCase() === 'sql')).toHaveLength(1)
  })

  it('every sample input passes the contract, whatever the date', () => {
    for (const now of [NOW, new Date('2024-02-29T23:59:59Z'), new Date('2031-12-31T00:00:00Z')]) {
      const sample = samplePortfolio(now)
      contract['profile:update'].input.parse(sample.profile)
      for (const s of sample.skills) contract['skills:create'].input.parse(s)
      for (const { key: _key, ...c } of sample.credentials) contract['credentials:create'].input.parse(c)
      for (const { credentialKeys: _keys, ...pr } of sample.projects) contract['projects:create'].input.parse(pr)
      for (const e of sample.experience) contract['experience:create'].input.parse(e)
      for (const e of sample.education) contract['education:create'].input.parse(e)
    }
  })

  it('loads all or nothing: a failure half-way leaves the portfolio as it was', async () => {
    const core = createCore({ dbPath: p.db, dataDir: p.dir, now: () => NOW, log: testLog })
    try {
      const portfolio = createPortfolio(core.db, () => NOW)
      let projectsMade = 0
      const failing = {
        ...portfolio,
        projects: {
          ...portfolio.projects,
          create: (input: Parameters<typeof portfolio.projects.create>[0]) => {
            if (++projectsMade === 3) throw new Error('disk on fire')
            return portfolio.projects.create(input)
          },
        },
      }
      expect(() => loadDemo(core.db, failing, () => NOW)).toThrow('disk on fire')
      expect(portfolio.counts()).toEqual({ credentials: 0, projects: 0, skills: 0, experience: 0, education: 0 })
      expect((await core.call('profile:get', {})).fullName).toBeNull()
      expect((await core.call('experience:list', {})).length).toBe(0)
    } finally {
      core.close()
    }
  })
})
