import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAnalysis, type AnalysisService } from '../../../electron/core/analysis'
import type { CredentialInput, ProjectInput } from '../../../electron/shared/schemas'
import { AppError } from '../../../electron/shared/errors'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { bundledCatalog, fixtureCatalog } from '../../fixtures/analysis/catalog'
import { setTrust } from './helpers'

let p: TempPortfolio
let analysis: AnalysisService
const NOW = new Date('2026-11-28T12:00:00Z')

beforeEach(() => {
  p = tempPortfolio()
  analysis = createAnalysis({ db: p.core.db, catalog: fixtureCatalog(), now: () => NOW })
})
afterEach(() => p.cleanup())

const skills = (...names: string[]) => names.map((name) => ({ name }))
async function cred(input: CredentialInput, trust?: 'verified' | 'unverified' | 'expired' | 'problem'): Promise<string> {
  const c = await p.core.call('credentials:create', input)
  if (trust) setTrust(p.core, c.id, trust)
  return c.id
}
const project = async (input: ProjectInput) => (await p.core.call('projects:create', input)).id

/** The hand-built portfolio with known answers (README.md walks through the numbers). */
async function analystPortfolio() {
  const a = await cred(
    { title: 'Google Data Analytics', kind: 'platform', earnedOn: '2025-03-01', hours: 60, cost: { amountMinor: 4900, currency: 'USD' }, skills: skills('SQL', 'Tableau', 'Excel') },
    'verified',
  )
  await cred({ title: 'SQL Bootcamp', kind: 'bootcamp', earnedOn: '2024-06-01', hours: 30, cost: { amountMinor: 10000, currency: 'EUR' }, skills: skills('sql') })
  await cred({ title: 'Python basics', kind: 'platform', earnedOn: '2023-01-01', hours: 20, skills: skills('Python programming') }, 'verified')
  await cred({ title: 'Stats course', kind: 'platform', status: 'planned', hours: 40, cost: { amountMinor: 3000, currency: 'USD' }, skills: skills('Statistics') })
  await cred({ title: 'Docker cert', kind: 'certification', earnedOn: '2025-01-01', cost: { amountMinor: 15000, currency: 'USD' }, skills: skills('Docker') }, 'problem')
  await cred({ title: 'Conference ticket', kind: 'other', hours: 8, cost: { amountMinor: 2000, currency: 'GBP' } })
  await project({ title: 'Churn dashboard', startedOn: '2025-04-01', endedOn: '2025-05-01', skills: skills('SQL', 'Tableau'), credentialIds: [a] })
  await project({ title: 'ETL scripts', startedOn: '2023-10-01', endedOn: '2024-01-01', skills: skills('sql') })
  return analysis.roles.create({
    title: 'Analyst mini',
    skills: [
      { name: 'SQL', weight: 1, essential: true },
      { name: 'Python', weight: 0.5, essential: true },
      { name: 'Tableau', weight: 0.5, essential: false },
      { name: 'Statistics', weight: 1, essential: false },
      { name: 'Docker', weight: 0.5, essential: true },
    ],
  })
}

describe('gap analysis of one role', () => {
  it('computes weighted coverage, depth, evidence and explanations with known answers', async () => {
    const role = await analystPortfolio()
    const gap = analysis.gap(role.ref)
    // SQL 1×1 + Python 0.5×0.6 + Tableau 0.5×1 = 1.8 of 3.5 -> 51.4 %; essentials 1.3 of 2 -> 65 %.
    expect(gap.coveragePercent).toBe(51.4)
    expect(gap.essentialCoveragePercent).toBe(65)
    expect(gap.fitPercent).toBe(55.5)
    // Missing essentials first, then missing optional, learned, practised, proven.
    expect(gap.skills.map((s) => [s.key, s.depth])).toEqual([
      ['docker', 'none'],
      ['statistics', 'none'],
      ['python', 'learned'],
      ['sql', 'proven'],
      ['tableau', 'proven'],
    ])
    expect(gap.missingEssentials).toEqual(['docker'])
    expect(gap.missing).toEqual(['docker', 'statistics'])
    expect(gap.learnedNotApplied).toEqual(['python'])
    expect(gap.counts).toEqual({ none: 2, learned: 1, practised: 0, proven: 2 })
    expect(gap.skills.map((s) => s.explanation)).toEqual([
      'Docker: no evidence yet (essential)',
      'Statistics: no evidence yet; 1 credential in progress',
      'Python: learned through 1 verified credential, never practised at work or in a project',
      'SQL: proven by 1 verified credential, 1 self-reported credential and 2 projects',
      'Tableau: proven by 1 verified credential and 1 project',
    ])
    expect(gap.summary).toBe('Analyst mini: 51.4% covered; 2 of 3 essential skills with evidence; missing Docker; 1 skill learned but never practised')
    const sql = gap.skills.find((s) => s.key === 'sql')!
    // 60 h split over 3 skills + 30 h on SQL alone.
    expect(sql.evidence).toMatchObject({ verified: 1, selfReported: 1, projects: 2, hours: 50, lastEvidenceOn: '2025-05-01', stale: false })
    expect(sql.evidence.credentials.map((c) => [c.title, c.trust])).toEqual([
      ['Google Data Analytics', 'verified'],
      ['SQL Bootcamp', 'self_reported'],
    ])
    expect(sql.evidence.projectList.map((x) => x.title)).toEqual(['Churn dashboard', 'ETL scripts'])
    expect(gap.skills.find((s) => s.key === 'python')!.evidence).toMatchObject({ verified: 1, hours: 20, lastEvidenceOn: '2023-01-01' })
  })

  it('applies the depth rules (README.md) to each kind of evidence', async () => {
    await cred({ title: 'Java cert', kind: 'certification', skills: skills('Java') }, 'verified')
    await cred({ title: 'Scala notes', kind: 'other', skills: skills('Scala') })
    await project({ title: 'Design system', skills: skills('Figma') })
    await cred({ title: 'Docker course', kind: 'platform', skills: skills('Docker') })
    await project({ title: 'Containers', skills: skills('Docker') })
    const k8s = await cred({ title: 'CKA', kind: 'certification', skills: skills('k8s') }, 'verified')
    await project({ title: 'Cluster', skills: skills('Kubernetes'), credentialIds: [k8s] })
    await cred({ title: 'Terraform Associate', kind: 'certification', skills: skills('Terraform') }, 'expired')
    await project({ title: 'Infra as code', skills: skills('Terraform') })
    await cred({ title: 'Old Terraform notes', kind: 'other', skills: skills('HashiCorp Terraform') })
    await cred({ title: 'Azure (forged)', kind: 'certification', skills: skills('Azure') }, 'problem')
    await cred({ title: 'Linux later', kind: 'platform', status: 'planned', skills: skills('Linux') })
    await cred({ title: 'Bash now', kind: 'platform', status: 'in_progress', skills: skills('Bash') })
    await project({ title: 'Scripts', skills: skills('bash') })
    await cred({ title: 'Perl', kind: 'platform', skills: skills('Perl') }, 'expired')
    await cred({ title: 'Git', kind: 'platform', skills: skills('Git') }, 'unverified')
    const ev = analysis.evidence()
    const depth = (key: string) => ev.bySkill.get(key)?.depth ?? 'none'
    expect({
      java: depth('java'), // verified credential only
      scala: depth('scala'), // self-reported credential only
      figma: depth('figma'), // project only
      docker: depth('docker'), // self-reported credential + project
      kubernetes: depth('kubernetes'), // verified credential (named by abbreviation) + project
      terraform: depth('terraform'), // expired credential + project: practised, not proven
      azure: depth('azure'), // forged credential: no evidence
      linux: depth('linux'), // planned only
      bash: depth('bash'), // in progress + project
      perl: depth('perl'), // expired credential only: still learned
      git: depth('git'), // unverified credential only
    }).toEqual({
      java: 'learned',
      scala: 'learned',
      figma: 'practised',
      docker: 'practised',
      kubernetes: 'proven',
      terraform: 'practised',
      azure: 'none',
      linux: 'none',
      bash: 'practised',
      perl: 'learned',
      git: 'learned',
    })
    expect(ev.bySkill.get('linux')!.inProgress).toBe(1)
    expect(ev.bySkill.get('perl')).toMatchObject({ expired: 1, verified: 0 })
    // "HashiCorp Terraform" is a different portfolio skill the catalog does not know.
    expect(ev.bySkill.get('terraform')!.portfolioSkills).toHaveLength(1)
    const role = await analysis.roles.create({
      title: 'Ops',
      skills: ['Java', 'Figma', 'Docker', 'Terraform', 'Bash', 'Kubernetes', 'Git'].map((name) => ({ name, weight: 1, essential: false })),
    })
    const explained = Object.fromEntries(analysis.gap(role.ref).skills.map((s) => [s.key, s.explanation]))
    expect(explained).toMatchObject({
      figma: 'Figma: practised in 1 project, no credential yet',
      docker: 'Docker: practised in 1 project; 1 self-reported credential, none verified',
      // "Old Terraform notes" names Terraform in its title: evidence too.
      terraform: 'Terraform: practised in 1 project; 1 expired credential and 1 self-reported credential, none verified',
      kubernetes: 'Kubernetes: proven by 1 verified credential and 1 project',
      git: 'Git: learned through 1 unverified credential, never practised at work or in a project',
    })
  })

  it('maps portfolio skills to catalog skills by name and alias, and keeps the rest as the user own skills', async () => {
    await cred({ title: 'Dashboards', kind: 'platform', earnedOn: '2024-01-01', skills: skills('Looker Studio', 'MS Excel', 'ReactJS') }, 'verified')
    const ev = analysis.evidence()
    expect(ev.bySkill.get('excel')!.depth).toBe('learned')
    expect(ev.bySkill.get('react')!.depth).toBe('learned')
    const own = [...ev.bySkill.values()].find((s) => s.name === 'Looker Studio')!
    expect(own.key).toMatch(/^user:skill-\d+$/)
    expect(own.inCatalog).toBe(false)
    expect(analysis.normalise('looker studio')).toBe(own.key)
    expect(analysis.normalise('Python programming')).toBe('python')
    expect(analysis.matchText('We report in Looker Studio and Excel spreadsheets').map((m) => m.skillId)).toEqual([own.key, 'excel'])
    // A custom role can name the user's own skill or something nobody has.
    const role = await analysis.roles.create({
      title: 'Reporting',
      skills: [
        { name: 'Looker Studio', weight: 1, essential: true },
        { name: 'Quantum basket weaving', weight: 1, essential: false },
      ],
    })
    const gap = analysis.gap(role.ref)
    expect(gap.skills.map((s) => [s.key, s.depth])).toEqual([
      ['name:quantum basket weaving', 'none'],
      [own.key, 'learned'],
    ])
    expect(gap.coveragePercent).toBe(30)
  })

  it('flags evidence older than five years as stale', async () => {
    await cred({ title: 'Old SQL', kind: 'academic', earnedOn: '2019-05-01', skills: skills('SQL') }, 'verified')
    const gap = analysis.gapForSkills('Posting', [{ name: 'SQL', weight: 1, essential: true }])
    expect(gap.skills[0]!.evidence).toMatchObject({ lastEvidenceOn: '2019-05-01', stale: true })
    expect(gap.role).toMatchObject({ title: 'Posting', source: 'posting' })
  })

  it('sees portfolio changes (the index is cached until the database changes)', async () => {
    const role = await analystPortfolio()
    const before = analysis.gap(role.ref)
    expect(analysis.gap(role.ref)).toEqual(before)
    await cred({ title: 'Docker for analysts', kind: 'platform', skills: skills('Docker') }, 'verified')
    const after = analysis.gap(role.ref)
    expect(after.missingEssentials).toEqual([])
    expect(after.coveragePercent).toBeGreaterThan(before.coveragePercent)
  })

  it('analyses catalog roles and refuses unknown role references', async () => {
    const gap = analysis.gap('catalog:data-analyst')
    expect(gap.role).toMatchObject({ ref: 'catalog:data-analyst', title: 'Data Analyst', source: 'catalog' })
    expect(gap.coveragePercent).toBe(0)
    expect(gap.skills).toHaveLength(16)
    expect(gap.skills.slice(0, 6).every((s) => s.essential)).toBe(true)
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return (e as AppError).code
      }
      return null
    }
    expect(code(() => analysis.gap('catalog:astronaut'))).toBe('NOT_FOUND')
    expect(code(() => analysis.gap('custom:99'))).toBe('NOT_FOUND')
    expect(code(() => analysis.gap('astronaut'))).toBe('BAD_INPUT')
  })
})

describe('roles across the catalog and the user', () => {
  it('ranks every catalog and custom role by fit', async () => {
    const a = await cred(
      { title: 'Data Analyst Certificate', kind: 'platform', skills: skills('SQL', 'Excel', 'Data analysis', 'Data visualisation', 'Statistics', 'Communication') },
      'verified',
    )
    await project({ title: 'Sales report', skills: skills('SQL', 'Excel'), credentialIds: [a] })
    await cred({ title: 'HTML basics', kind: 'platform', skills: skills('HTML', 'CSS') })
    const tiny = await analysis.roles.create({ title: 'SQL reporter', skills: [{ name: 'SQL', weight: 1, essential: true }] })
    const ranked = analysis.rankRoles()
    expect(ranked).toHaveLength(7)
    expect(ranked.map((r) => r.ref).slice(0, 2)).toEqual([tiny.ref, 'catalog:data-analyst'])
    expect(ranked[0]).toMatchObject({ fitPercent: 100, coveragePercent: 100, covered: 1, skills: 1, source: 'custom' })
    const analyst = ranked[1]!
    expect(analyst).toMatchObject({ essentials: 6, missingEssentials: 0, covered: 6, skills: 16 })
    // Fit never increases down the list.
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.fitPercent).toBeLessThanOrEqual(ranked[i - 1]!.fitPercent)
    // Roles with no evidence at all come last, by title.
    const zero = ranked.filter((r) => r.fitPercent === 0).map((r) => r.title)
    expect(zero.length).toBeGreaterThan(0)
    expect(zero).toEqual([...zero].sort((x, y) => x.localeCompare(y)))
    expect(analysis.rankRoles(2)).toHaveLength(2)
  })

  it('lists and searches roles, and copies a catalog role into an editable one', async () => {
    expect(analysis.listRoles().map((r) => r.ref)).toContain('catalog:ux-designer')
    expect(analysis.listRoles('user experience').map((r) => r.ref)).toEqual(['catalog:ux-designer'])
    const copy = analysis.roles.copyCatalogRole('data-analyst')
    expect(copy).toMatchObject({ source: 'catalog-copy', catalogId: 'data-analyst', title: 'Data Analyst' })
    expect(copy.skills).toHaveLength(16)
    expect(analysis.gap(copy.ref).skills.map((s) => s.key).sort()).toEqual(analysis.gap('catalog:data-analyst').skills.map((s) => s.key).sort())
    expect(analysis.gap(copy.ref).role.area).toBe('data')
    const edited = analysis.roles.update(copy.id, { title: 'My analyst', skills: [{ name: 'SQL', weight: 0.9, essential: true }, { name: 'sql', weight: 0.1, essential: false }] })
    expect(edited.skills).toEqual([{ name: 'SQL', weight: 0.9, essential: true }])
    expect(analysis.listRoles('my analyst')).toEqual([expect.objectContaining({ ref: copy.ref, area: 'data', source: 'catalog-copy', skills: 1 })])
    analysis.roles.remove(copy.id)
    expect(() => analysis.roles.get(copy.id)).toThrow(AppError)
    expect(() => analysis.roles.create({ title: 'x', skills: [{ name: 'SQL', weight: 2, essential: true }] })).toThrow(/between 0 and 1/)
  })

  it('loads a catalog given as a function only when first needed', () => {
    let loads = 0
    const lazy = createAnalysis({ db: p.core.db, catalog: () => (loads++, fixtureCatalog()), now: () => NOW })
    expect(loads).toBe(0)
    expect(lazy.rankRoles()).toHaveLength(6)
    lazy.gap('catalog:ux-designer')
    expect(loads).toBe(1)
  })

  it('lists skills learned but never applied, most hours first', async () => {
    await cred({ title: 'A', kind: 'platform', hours: 10, skills: skills('Python') })
    await cred({ title: 'B', kind: 'platform', hours: 40, skills: skills('Go') })
    await cred({ title: 'C', kind: 'platform', hours: 40, skills: skills('SQL') })
    await project({ title: 'P', skills: skills('SQL') })
    expect(analysis.learnedNotApplied().map((s) => [s.key, s.hours])).toEqual([
      ['go', 40],
      ['python', 10],
    ])
  })
})

describe('breadth/depth profile', () => {
  async function deepData() {
    const c = await cred({ title: 'Data cert', kind: 'platform', skills: skills('SQL', 'Excel', 'Tableau', 'Statistics', 'Data analysis') }, 'verified')
    await project({ title: 'Analysis', skills: skills('SQL', 'Excel', 'Tableau', 'Statistics', 'Data analysis'), credentialIds: [c] })
  }

  it('is empty without evidence', () => {
    expect(analysis.profile()).toMatchObject({ shape: 'none', breadth: 0, deepAreas: [] })
  })

  it('is I-shaped when deep in one area only', async () => {
    await deepData()
    await cred({ title: 'Soft skills', kind: 'employer', skills: skills('Communication', 'Teamwork') })
    const profile = analysis.profile()
    expect(profile).toMatchObject({ shape: 'I', breadth: 1, deepAreas: ['data'] })
    const data = profile.areas.find((a) => a.group === 'data')!
    expect(data).toMatchObject({ skills: 5, proven: 5, depthScore: 5, credentials: 1, projects: 1, level: 'deep' })
    // Transversal skills are shown but do not add breadth.
    expect(profile.areas.find((a) => a.group === 'general')).toMatchObject({ skills: 2, learned: 2, level: 'some' })
    expect(profile.categories.find((c) => c.group === 'transversal')).toMatchObject({ skills: 2 })
  })

  it('is T-shaped when deep in one area with evidence in at least three', async () => {
    await deepData()
    await cred({ title: 'Web', kind: 'platform', skills: skills('HTML') })
    await cred({ title: 'Containers', kind: 'platform', skills: skills('Docker') })
    const profile = analysis.profile()
    expect(profile).toMatchObject({ shape: 'T', breadth: 3, deepAreas: ['data'] })
    expect(profile.summary).toBe('T-shaped: evidence in 3 areas, deep in data.')
    expect(profile.areas[0]!.group).toBe('data')
  })

  it('is comb-shaped with two deep areas, and a generalist with breadth but no depth', async () => {
    await cred({ title: 'Web', kind: 'platform', skills: skills('HTML') })
    await cred({ title: 'Cloud', kind: 'platform', skills: skills('Docker') })
    await cred({ title: 'Design', kind: 'platform', skills: skills('Figma') })
    expect(analysis.profile()).toMatchObject({ shape: 'generalist', breadth: 3 })
    await deepData()
    const web = await cred({ title: 'Front-end', kind: 'platform', skills: skills('JavaScript', 'HTML', 'CSS', 'React', 'TypeScript') }, 'verified')
    await project({ title: 'Shop', skills: skills('JavaScript', 'HTML', 'CSS', 'React', 'TypeScript'), credentialIds: [web] })
    const comb = analysis.profile()
    expect(comb.shape).toBe('comb')
    expect([...comb.deepAreas].sort()).toEqual(['data', 'web'])
  })
})

describe('cost-effectiveness', () => {
  it('splits spend and hours per skill and keeps currencies apart', async () => {
    await analystPortfolio()
    const report = analysis.costs()
    const by = (key: string) => report.skills.find((s) => s.key === key)
    // Google Data Analytics (4,900 USD cents, 60 h) over 3 skills + SQL Bootcamp (10,000 EUR cents, 30 h).
    expect(by('sql')).toMatchObject({
      credentials: 2,
      hours: 50,
      spend: [
        { currency: 'EUR', amountMinor: 10000 },
        { currency: 'USD', amountMinor: 1633 },
      ],
      perHour: [
        { currency: 'EUR', amountMinor: 200 },
        { currency: 'USD', amountMinor: 33 },
      ],
    })
    expect(by('tableau')).toMatchObject({ credentials: 1, hours: 20, spend: [{ currency: 'USD', amountMinor: 1633 }] })
    // A forged credential still cost money; a planned one did not yet.
    expect(by('docker')).toMatchObject({ credentials: 1, hours: 0, spend: [{ currency: 'USD', amountMinor: 15000 }], perHour: [] })
    expect(by('statistics')).toBeUndefined()
    expect(report.totals).toEqual({
      credentials: 5,
      hours: 118,
      spend: [
        { currency: 'EUR', amountMinor: 10000 },
        { currency: 'GBP', amountMinor: 2000 },
        { currency: 'USD', amountMinor: 19900 },
      ],
    })
    expect(report.unattributed).toEqual({ credentials: 1, hours: 8, spend: [{ currency: 'GBP', amountMinor: 2000 }] })
    expect(report.skills[0]!.key).toBe('docker')
  })
})

describe('with the built-in catalog', () => {
  it('ranks all built-in roles, analyses one and plans it', async () => {
    const catalog = bundledCatalog()
    const real = createAnalysis({ db: p.core.db, catalog, now: () => NOW })
    const c = await cred(
      { title: 'Google Data Analytics', kind: 'platform', earnedOn: '2025-06-01', hours: 180, skills: skills('SQL', 'Excel', 'Tableau', 'R programming', 'Data analysis', 'Data visualization') },
      'verified',
    )
    await project({ title: 'Sales dashboard', endedOn: '2025-08-01', skills: skills('SQL', 'Tableau'), credentialIds: [c] })
    const ranked = real.rankRoles()
    expect(ranked).toHaveLength(catalog.roles.length)
    expect(catalog.roles.find((r) => `catalog:${r.id}` === ranked[0]!.ref)!.area).toBe('data')
    const gap = real.gap('catalog:data-analyst')
    expect(gap.coveragePercent).toBeGreaterThan(10)
    expect(gap.skills.find((s) => s.key === 'sql')!.depth).toBe('proven')
    expect(gap.skills.find((s) => s.key === 'excel')!.depth).toBe('learned')
    const plan = real.suggestPlan('catalog:data-analyst', { hoursPerWeek: 8, budget: { amountMinor: 50_000, currency: 'EUR' } })
    expect(plan.steps.length).toBeGreaterThan(0)
    expect(plan.steps.every((s) => s.cost.currency === 'EUR')).toBe(true)
    expect(real.profile().areas[0]!.group).toBe('data')
  })
})
