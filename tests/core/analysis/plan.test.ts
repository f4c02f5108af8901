import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAnalysis, type AnalysisService } from '../../../electron/core/analysis'
import { buildPlan, DEFAULT_HEURISTICS, type PlanConstraints } from '../../../electron/core/analysis/plan'
import { credentialCatalogFrom, type CatalogCredential, type CredentialCatalog } from '../../../electron/core/learning-catalog'
import { formatPriceEstimate } from '../../../electron/shared/analysis'
import { AppError } from '../../../electron/shared/errors'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { fixtureCatalog } from '../../fixtures/analysis/catalog'

/** A small credential catalog with known answers (the shipped one is tested in tests/core/learning-catalog). */
const entry = (e: Partial<CatalogCredential> & Pick<CatalogCredential, 'id' | 'title' | 'kind' | 'hours' | 'skills'>): CatalogCredential => ({
  provider: 'Test Provider',
  price: { amountMinor: 0, currency: 'USD' },
  asOf: '2026-11',
  url: `https://example.org/${e.id}`,
  certificate: e.kind !== 'self-study',
  ...e,
})
const ENTRIES: CatalogCredential[] = [
  entry({ id: 'sql-basics', title: 'SQL Basics', provider: 'Kaggle', kind: 'platform', hours: 10, skills: ['sql'] }),
  entry({ id: 'sql-pro', title: 'SQL Professional Certificate', provider: 'Example U', platform: 'Coursera', kind: 'platform', hours: 30, price: { amountMinor: 20_000, currency: 'USD' }, skills: ['sql', 'r'] }),
  entry({ id: 'stats-monthly', title: 'Statistics Specialization', kind: 'platform', platform: 'Coursera', hours: 30, price: { amountMinor: 4_000, currency: 'USD' }, monthly: { amountMinor: 4_000, currency: 'USD' }, skills: ['statistics'] }),
  entry({ id: 'stats-notes', title: 'Open Statistics Notes', kind: 'self-study', hours: 30, skills: ['statistics'] }),
  entry({ id: 'jira-cert', title: 'Jira Certified Associate', provider: 'Atlassian', kind: 'certification', hours: 15, price: { amountMinor: 6_000, currency: 'GBP' }, skills: ['jira'] }),
  entry({ id: 'tableau-course', title: 'Tableau Course', kind: 'platform', hours: 20, price: { amountMinor: 30_000, currency: 'USD' }, skills: ['tableau'] }),
  entry({ id: 'data-bootcamp', title: 'Data Bootcamp', provider: 'Le Test', kind: 'bootcamp', hours: 400, price: { amountMinor: 700_000, currency: 'GBP' }, skills: ['sql', 'statistics', 'tableau', 'excel', 'power-bi', 'r'] }),
]
const RATES = { asOf: '2026-11-01', base: 'USD', source: 'test rates', perUsd: { USD: 1, GBP: 0.8, EUR: 0.9 } }
const testCatalog = (entries = ENTRIES): CredentialCatalog =>
  credentialCatalogFrom({ version: '2026.11', asOf: '2026-11', note: 'Test prices.', credentials: entries }, RATES)

let p: TempPortfolio
let analysis: AnalysisService
let ref: string

beforeEach(async () => {
  p = tempPortfolio()
  analysis = createAnalysis({ db: p.core.db, catalog: fixtureCatalog(), now: () => new Date('2026-11-28T12:00:00Z'), credentials: testCatalog() })
  // Python is learned (a self-reported credential) but never applied; the rest are gaps.
  await p.core.call('credentials:create', { title: 'Python notes', kind: 'other', earnedOn: '2026-01-10', skills: [{ name: 'Python' }] })
  const role = analysis.roles.create({
    title: 'Plan role',
    skills: [
      { name: 'SQL', weight: 1, essential: true }, // data, technology
      { name: 'Statistics', weight: 0.9, essential: true }, // data, knowledge
      { name: 'Python', weight: 0.8, essential: true }, // software, learned
      { name: 'Jira', weight: 0.6, essential: true }, // project management
      { name: 'Tableau', weight: 0.5, essential: false }, // data
      { name: 'Communication', weight: 0.4, essential: false }, // general, transversal; no program covers it
    ],
  })
  ref = role.ref
})
afterEach(() => p.cleanup())

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' })
const A: PlanConstraints = { budget: usd(50_000), hoursPerWeek: 10 }

describe('learning plan from the credential catalog', () => {
  it('chooses the most cost-effective real program per gap, essentials first, with self-study and projects for the rest', () => {
    const plan = analysis.suggestPlan(ref, A)
    expect(plan.steps.map((s) => [s.title, s.kind, s.hours, s.cost.amountMinor, s.offer?.id ?? null, s.certificate])).toEqual([
      // Free and short beats US$200 for the same skill.
      ['SQL Basics', 'platform', 10, 0, 'sql-basics', true],
      // A subscription costs the months the hours take at 10 h a week: one month.
      ['Statistics Specialization', 'platform', 30, 4_000, 'stats-monthly', true],
      // Priced in pounds, converted at the table's 0.8 GBP per USD.
      ['Jira Certified Associate', 'certification', 15, 7_500, 'jira-cert', true],
      ['Tableau Course', 'platform', 20, 30_000, 'tableau-course', true],
      ['Self-study: Communication', 'self-study', 13, 0, null, false],
      ['Project: apply Python', 'project', 15, 0, null, false],
    ])
    expect(plan.steps[2]!.originalCost).toEqual({ amountMinor: 6_000, currency: 'GBP' })
    expect(formatPriceEstimate(plan.steps[2]!.cost, plan.steps[2]!.originalCost)).toBe('≈ US$75 (£60)')
    expect(plan.steps[0]!.reason).toMatch(/^A course with a certificate from Kaggle covering SQL in ~10 h, free; the most gap closed per hour and per dollar.*essential for Plan role\.$/)
    expect(plan.steps[2]!.reason).toMatch(/≈ US\$75 \(£60\), an estimate from the list price as of 2026-11/)
    expect(plan.steps[4]!.reason).toMatch(/^No certificate: learn Communication from free material .* no program in the catalog covers it\.$/)
    expect(plan.steps[5]!.reason).toMatch(/learned Python but never practised it/)
    expect(plan.totals).toEqual({ hours: 103, cost: usd(41_500), plannedHours: 103, plannedCost: usd(41_500), overBudgetSteps: 0 })
    expect(plan.prices).toMatchObject({ catalogAsOf: '2026-11', ratesAsOf: '2026-11-01' })
    expect(plan.prices!.note).toMatch(/estimates .* as of 2026-11, converted to USD with exchange rates as of 2026-11-01/)
    // Each step lists other programs for its skills: the US$200 SQL course is an alternative, not a step.
    expect(plan.steps[0]!.options!.map((o) => o.offer!.id)).toEqual(['sql-pro'])
    expect(plan.steps[1]!.options!.map((o) => [o.offer!.id, o.kind, o.offer!.certificate])).toEqual([['stats-notes', 'self-study', false]])
  })

  it('never bundles skills of different areas into one step, and never names self-study a certificate', () => {
    for (const c of [A, { hoursPerWeek: 5 }, { hoursPerWeek: 10, budget: usd(0) }, { hoursPerWeek: 40, fullTime: true }, { ...A, employer: 'Acme Corp' }]) {
      const plan = analysis.suggestPlan(ref, c)
      for (const s of plan.steps) {
        expect(new Set(s.skills.map((k) => k.area)).size).toBe(1)
        if (s.kind === 'self-study') {
          expect(s.certificate).toBe(false)
          expect(s.title).not.toMatch(/certificate/i)
          expect(s.reason).not.toMatch(/professional certificate|course with a certificate/i)
          expect(s.reason).toMatch(/no certificate/i)
        }
        if (!s.offer) expect(s.skills.length).toBeLessThanOrEqual(2)
      }
    }
  })

  it('stays within the budget: what does not fit becomes free self-study, and the plan says so', () => {
    const plan = analysis.suggestPlan(ref, { budget: usd(10_000), hoursPerWeek: 10 })
    // Jira (US$75) closes the most gap per hour and dollar after free SQL; then only US$25 is left, so Statistics
    // comes from the free notes in the catalog (no certificate) and Tableau (US$300) from self-study.
    expect(plan.steps.map((s) => [s.title, s.cost.amountMinor])).toEqual([
      ['SQL Basics', 0],
      ['Open Statistics Notes', 0],
      ['Jira Certified Associate', 7_500],
      ['Self-study: Tableau', 0],
      ['Self-study: Communication', 0],
      ['Project: apply Python', 0],
    ])
    expect(plan.totals.cost).toEqual(usd(7_500))
    expect(plan.steps[1]).toMatchObject({ kind: 'self-study', certificate: false })
    expect(plan.steps[1]!.reason).toMatch(/^Free material from Test Provider, no certificate, covering Statistics/)
    expect(plan.steps[3]!.reason).toMatch(/the programs that cover it do not fit your budget/)
    expect(plan.steps[3]!.options!.map((o) => o.offer!.id)).toEqual(['tableau-course'])
    expect(plan.notes).toContain('The programs that would cover 1 more skill do not fit the budget of US$100: it is planned as free self-study or employer training.')
    // A budget of nothing: only free programs.
    const free = analysis.suggestPlan(ref, { budget: usd(0), hoursPerWeek: 10 })
    expect(free.steps.every((s) => s.cost.amountMinor === 0)).toBe(true)
    expect(free.steps.map((s) => s.title)).toContain('SQL Basics')
  })

  it('shows prices in the currency asked for, the provider price alongside, and respects the target date', () => {
    const plan = analysis.suggestPlan(ref, { hoursPerWeek: 10, currency: 'GBP' })
    const stats = plan.steps.find((s) => s.offer?.id === 'stats-monthly')!
    expect(stats.cost).toEqual({ amountMinor: 3_200, currency: 'GBP' })
    expect(formatPriceEstimate(stats.cost, stats.originalCost)).toBe('≈ £32 (US$40)')
    const jira = plan.steps.find((s) => s.offer?.id === 'jira-cert')!
    expect([jira.cost, jira.originalCost]).toEqual([{ amountMinor: 6_000, currency: 'GBP' }, null])
    expect(plan.totals.cost.currency).toBe('GBP')

    // 10 h ≈ 7 days, 30 h = 21, 15 h ≈ 11, 20 h = 14, 13 h ≈ 10, 15 h ≈ 11 at 10 h a week.
    const dated = analysis.suggestPlan(ref, { ...A, targetDate: '2027-06-30' })
    expect(dated.steps.map((s) => s.endsOn)).toEqual(['2026-12-05', '2026-12-26', '2027-01-06', '2027-01-20', '2027-01-30', '2027-02-10'])
    expect(dated.meetsTarget).toBe(true)
    // A near target: programs that would end after it are left out for self-study, and the miss is flagged.
    const near = analysis.suggestPlan(ref, { ...A, targetDate: '2026-12-20' })
    expect(near.steps.filter((s) => s.offer).every((s) => s.kind !== 'bootcamp')).toBe(true)
    expect(near.notes.some((n) => /do not fit before your target date 2026-12-20/.test(n))).toBe(true)
    expect(near.meetsTarget).toBe(false)
    expect(near.notes).toContain(`At 10 h a week the plan ends on ${near.completesOn}, after your target date 2026-12-20.`)
    // Twice the pace halves the time, and a subscription then costs fewer months.
    expect(analysis.suggestPlan(ref, { ...A, hoursPerWeek: 20 }).completesOn! < dated.completesOn!).toBe(true)
  })

  it('offers a bootcamp only to someone available full time, at a full-time pace', () => {
    const onlyBootcamp = testCatalog(ENTRIES.filter((e) => e.id === 'data-bootcamp'))
    const gap = analysis.gap('catalog:data-analyst')
    const heuristics = { ...DEFAULT_HEURISTICS, maxHoursVsSelfStudy: 10 }
    const partTime = buildPlan(gap, { hoursPerWeek: 10, startDate: '2026-11-28' }, heuristics, onlyBootcamp)
    expect(partTime.steps.some((s) => s.kind === 'bootcamp')).toBe(false)
    const fullTime = buildPlan(gap, { hoursPerWeek: 10, fullTime: true, startDate: '2026-11-28' }, heuristics, onlyBootcamp)
    const first = fullTime.steps[0]!
    expect(first).toMatchObject({ kind: 'bootcamp', title: 'Data Bootcamp', hours: 400, cost: usd(875_000), originalCost: { amountMinor: 700_000, currency: 'GBP' } })
    // 400 h at 40 h/week = 70 days, whatever the usual pace.
    expect(first.endsOn).toBe('2027-02-06')
    expect(first.skills.every((s) => s.area === 'data')).toBe(true)
  })

  it('has nothing to do when every skill is proven, works without a catalog, and refuses a pace of zero', () => {
    const gap = analysis.gap(ref)
    const done = buildPlan({ ...gap, skills: gap.skills.map((s) => ({ ...s, depth: 'proven' as const })) }, A)
    expect(done.steps).toEqual([])
    expect(done.completesOn).toBeNull()
    expect(done.notes).toEqual(['No gaps: every skill of Plan role has evidence.'])
    const bare = buildPlan(gap, A)
    expect(bare.steps.every((s) => s.kind === 'self-study' || s.kind === 'project')).toBe(true)
    expect(() => buildPlan(gap, { hoursPerWeek: 0 })).toThrow(RangeError)
  })

  it('suggests employer training for skills employers usually train when no program covers them', () => {
    const plan = analysis.suggestPlan(ref, { ...A, employer: 'Acme Corp' })
    const step = plan.steps.find((s) => s.kind === 'employer')!
    expect(step).toMatchObject({ title: 'Communication through Acme Corp', cost: usd(0), certificate: false })
    expect(step.reason).toMatch(/ask Acme Corp about its programs, at no cost to you/)
    expect(analysis.suggestPlan(ref, A).steps.some((s) => s.kind === 'employer')).toBe(false)
  })
})

describe('plan prices in words', () => {
  it('reads "Free" for nothing (never "Free spent"), whole amounts without decimals, and the provider price alongside a conversion', () => {
    expect(formatPriceEstimate(usd(0), { amountMinor: 4_900, currency: 'USD' })).toBe('Free')
    expect(formatPriceEstimate({ amountMinor: 3_900, currency: 'GBP' }, usd(4_900))).toBe('≈ £39 (US$49)')
    expect(formatPriceEstimate(usd(12_050))).toBe('US$120.50')
    expect(formatPriceEstimate({ amountMinor: 7_500, currency: 'JPY' }, { amountMinor: 5_000, currency: 'USD' })).toBe('≈ JP¥7,500 (US$50)')
  })
})

describe('saved plans', () => {
  it('saves a plan, edits, reorders, adds and removes steps, and tracks progress with the linked credential', async () => {
    const saved = analysis.plans.create(ref, A)
    expect(saved).toMatchObject({ roleRef: ref, title: 'Plan for Plan role', budget: usd(50_000), currency: 'USD', hoursPerWeek: 10, fullTime: false, employer: null })
    expect(saved.steps.map((s) => [s.position, s.kind, s.hours, s.cost.amountMinor, s.offer?.id ?? null])).toEqual([
      [1, 'platform', 10, 0, 'sql-basics'],
      [2, 'platform', 30, 4_000, 'stats-monthly'],
      [3, 'certification', 15, 7_500, 'jira-cert'],
      [4, 'platform', 20, 30_000, 'tableau-course'],
      [5, 'self-study', 13, 0, null],
      [6, 'project', 15, 0, null],
    ])
    expect(saved.steps[0]!.skills).toEqual([{ key: 'sql', name: 'SQL' }])
    expect(saved.steps[2]).toMatchObject({ certificate: true, originalCost: { amountMinor: 6_000, currency: 'GBP' } })
    expect(saved.steps[4]!.certificate).toBe(false)
    expect(saved.progress).toMatchObject({ steps: 6, done: 0, hoursPlanned: 103, costPlanned: usd(41_500), percentDone: 0 })
    const [s1, s2, s3, s4, s5, s6] = saved.steps.map((s) => s.id) as [number, number, number, number, number, number]

    const edited = analysis.plans.updateStep(s1, { hours: 12, title: 'SQL Basics on Kaggle', notes: 'start in January' })
    expect(edited.steps[0]).toMatchObject({ title: 'SQL Basics on Kaggle', hours: 12, notes: 'start in January', kind: 'platform', offer: { id: 'sql-basics' } })
    expect(edited.progress.hoursPlanned).toBe(105)

    const reordered = analysis.plans.reorder(saved.id, [s6, s5, s4, s3, s2, s1])
    expect(reordered.steps.map((s) => s.id)).toEqual([s6, s5, s4, s3, s2, s1])
    expect(reordered.steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6])
    expect(() => analysis.plans.reorder(saved.id, [s1, s2])).toThrow(/every step of the plan exactly once/)
    expect(() => analysis.plans.reorder(saved.id, [s1, s1, s2, s3, s4, s5])).toThrow(AppError)

    const credential = await p.core.call('credentials:create', {
      title: 'SQL for Data Science',
      kind: 'platform',
      hours: 38,
      cost: { amountMinor: 3900, currency: 'USD' },
      skills: [{ name: 'SQL' }, { name: 'Statistics' }],
    })
    const done = analysis.plans.markDone(s2, { credentialId: credential.id, doneAt: '2027-01-20' })
    const step2 = done.steps.find((s) => s.id === s2)!
    expect(step2).toMatchObject({ doneAt: '2027-01-20', credential: { id: credential.id, title: 'SQL for Data Science', hours: 38, cost: usd(3900) }, alternatives: [] })
    expect(done.progress).toMatchObject({
      done: 1,
      hoursDone: 30,
      costDone: usd(4_000),
      actual: { credentials: 1, hours: 38, spend: [usd(3900)] },
      percentDone: 28.6,
    })
    expect(() => analysis.plans.markDone(s3, { credentialId: 'cred-999' })).toThrow(/no credential cred-999/)

    const added = analysis.plans.addStep(saved.id, { title: 'Portfolio review', kind: 'project', hours: 5 }, 2)
    expect(added.steps.map((s) => s.title)[1]).toBe('Portfolio review')
    expect(added.steps[1]).toMatchObject({ offer: null, certificate: false })
    const removed = analysis.plans.removeStep(added.steps[1]!.id)
    expect(removed.steps.map((s) => s.id)).toEqual([s6, s5, s4, s3, s2, s1])
    expect(() => analysis.plans.updateStep(s3, { hours: -1 })).toThrow(/cannot be negative/)

    // Deleting the credential keeps the step done, without the link.
    await p.core.call('credentials:delete', { id: credential.id })
    const after = analysis.plans.get(saved.id)
    expect(after.steps.find((s) => s.id === s2)).toMatchObject({ doneAt: '2027-01-20', credential: null })
    expect(analysis.plans.markUndone(s2).progress.done).toBe(0)

    const settings = analysis.plans.update(saved.id, { hoursPerWeek: 35, targetDate: '2027-01-01', title: 'Analyst by spring' })
    expect(settings).toMatchObject({ title: 'Analyst by spring', hoursPerWeek: 35, targetDate: '2027-01-01' })
    expect(analysis.plans.list()).toEqual([expect.objectContaining({ id: saved.id, title: 'Analyst by spring', steps: 6, done: 0 })])
    analysis.plans.remove(saved.id)
    expect(() => analysis.plans.get(saved.id)).toThrow(/no plan/)
    expect((p.core.db.prepare('SELECT count(*) AS n FROM plan_step').get() as { n: number }).n).toBe(0)
  })

  it('swaps a step for another catalog program or the user’s own planned credential covering its skills', async () => {
    const saved = analysis.plans.create(ref, A)
    const stats = saved.steps[1]!
    expect(stats.alternatives.map((a) => a.offer?.id)).toEqual(['stats-notes'])
    const swapped = analysis.plans.swapStep(stats.id, { catalogId: 'stats-notes' })
    const step = swapped.steps[1]!
    expect(step).toMatchObject({ title: 'Open Statistics Notes', kind: 'self-study', hours: 30, cost: usd(0), certificate: false, offer: { id: 'stats-notes' } })
    expect(step.reason).toMatch(/^Chosen by you: Open Statistics Notes .*free, no certificate; covers Statistics\.$/)
    expect(step.notes).toMatch(/first suggested: Statistics Specialization \(30 h, US\$40\)/)
    // The swapped-out program is now an alternative.
    expect(step.alternatives.map((a) => a.offer?.id)).toEqual(['stats-monthly'])
    expect(swapped.progress.costPlanned).toEqual(usd(37_500))

    // The user's own planned credential for Tableau becomes an alternative of the Tableau step.
    const mine = await p.core.call('credentials:create', { title: 'Tableau Desktop Specialist', kind: 'certification', status: 'planned', hours: 25, cost: { amountMinor: 8_000, currency: 'EUR' }, skills: [{ name: 'Tableau' }] })
    const tableau = analysis.plans.get(saved.id).steps[3]!
    const own = tableau.alternatives.find((a) => a.credentialId === mine.id)!
    expect(own).toMatchObject({ title: 'Tableau Desktop Specialist', kind: 'certification', hours: 25, covers: ['Tableau'] })
    const withMine = analysis.plans.swapStep(tableau.id, { credentialId: mine.id })
    expect(withMine.steps[3]).toMatchObject({ title: 'Tableau Desktop Specialist', kind: 'certification', hours: 25, cost: usd(8_900), originalCost: { amountMinor: 8_000, currency: 'EUR' }, credential: { id: mine.id } })

    expect(() => analysis.plans.swapStep(tableau.id, { catalogId: 'no-such-course' })).toThrow(/no credential "no-such-course" in the catalog/)
    const earned = await p.core.call('credentials:create', { title: 'Done already', kind: 'platform', earnedOn: '2026-01-01' })
    expect(() => analysis.plans.swapStep(tableau.id, { credentialId: earned.id })).toThrow(/not a planned or in-progress credential/)
    // Through the contract too (the app's core, with the shipped catalog).
    const viaContract = await p.core.call('plans:swapStep', { stepId: stats.id, to: { catalogId: 'khan-statistics' } })
    expect(viaContract.steps[1]).toMatchObject({ title: 'Statistics and Probability', kind: 'self-study', certificate: false, offer: { provider: 'Khan Academy' } })
    await expect(p.core.call('plans:swapStep', { stepId: stats.id, to: { catalogId: 'Not An Id' } })).rejects.toThrow(/catalog id/)
  })

  it('reads plans saved before the catalog (steps with a bare list of skills) and survives a restart', () => {
    const saved = analysis.plans.create(ref, A, 'New plan')
    // A plan as older versions stored it.
    const planId = Number(
      p.core.db
        .prepare(`INSERT INTO plan (role_ref, title, budget_minor, currency, hours_per_week, full_time, created_at, updated_at) VALUES (?, 'Old plan', 10000, 'USD', 10, 0, ?, ?)`)
        .run(ref, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z').lastInsertRowid,
    )
    p.core.db
      .prepare(`INSERT INTO plan_step (plan_id, position, title, skills, credential_kind, reason, hours, cost_minor) VALUES (?, 1, 'Platform certificate: SQL and Statistics', ?, 'platform', 'old reason', 35, 5000)`)
      .run(planId, JSON.stringify([{ key: 'sql', name: 'SQL' }, { key: 'statistics', name: 'Statistics' }]))
    const old = analysis.plans.get(planId)
    expect(old.steps[0]).toMatchObject({ title: 'Platform certificate: SQL and Statistics', skills: [{ key: 'sql', name: 'SQL' }, { key: 'statistics', name: 'Statistics' }], offer: null, certificate: false, cost: usd(5000) })
    // Old steps can be swapped for a real program too.
    expect(old.steps[0]!.alternatives.map((a) => a.offer?.id)).toContain('sql-basics')
    expect(analysis.plans.updateStep(old.steps[0]!.id, { hours: 20 }).steps[0]!.skills).toHaveLength(2)

    const before = analysis.plans.get(saved.id).steps
    p.reopen()
    const again = createAnalysis({ db: p.core.db, catalog: fixtureCatalog(), now: () => new Date('2026-11-28T12:00:00Z'), credentials: testCatalog() })
    expect(again.plans.get(saved.id).steps).toEqual(before)
  })
})
