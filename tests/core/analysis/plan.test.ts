import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAnalysis, type AnalysisService } from '../../../electron/core/analysis'
import { buildPlan, type PlanConstraints } from '../../../electron/core/analysis/plan'
import { AppError } from '../../../electron/shared/errors'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { fixtureCatalog } from '../../fixtures/analysis/catalog'

let p: TempPortfolio
let analysis: AnalysisService
let ref: string

beforeEach(async () => {
  p = tempPortfolio()
  analysis = createAnalysis({ db: p.core.db, catalog: fixtureCatalog(), now: () => new Date('2026-11-28T12:00:00Z') })
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
      { name: 'Communication', weight: 0.4, essential: false }, // general, transversal
    ],
  })
  ref = role.ref
})
afterEach(() => p.cleanup())

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' })
const A: PlanConstraints = { budget: usd(50_000), hoursPerWeek: 10 }

describe('learning plan', () => {
  it('orders steps: missing essentials first, related skills of one area together, then optional, then projects', () => {
    const plan = analysis.suggestPlan(ref, A)
    expect(plan.steps.map((s) => [s.title, s.kind, s.hours, s.cost.amountMinor])).toEqual([
      ['Platform certificate: SQL and Statistics', 'platform', 35, 5000],
      ['Platform certificate: Jira', 'platform', 30, 5000],
      ['Platform certificate: Tableau', 'platform', 30, 5000],
      ['Platform certificate: Communication', 'platform', 30, 5000],
      ['Apply Python in a project', 'project', 15, 0],
    ])
    expect(plan.steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5])
    expect(plan.steps[0]!.skills.map((s) => [s.key, s.essential])).toEqual([
      ['sql', true],
      ['statistics', true],
    ])
    expect(plan.steps[0]!.reason).toMatch(/recognised professional certificate on a learning platform.*~35 h.*~\$50\.00 a month.*all essential for Plan role/)
    expect(plan.steps[4]!.reason).toMatch(/learned Python but never practised it/)
    expect(plan.steps.every((s) => !s.overBudget && s.uses === 'step')).toBe(true)
    expect(plan.totals).toEqual({ hours: 140, cost: usd(20_000), plannedHours: 140, plannedCost: usd(20_000), overBudgetSteps: 0 })
  })

  it('projects dates from the hours per week and flags a missed target date', () => {
    const plan = analysis.suggestPlan(ref, { ...A, targetDate: '2027-02-01' })
    // 35 h at 10 h/week = 3.5 weeks = 25 days; 30 h = 21 days; 15 h = 11 days.
    expect(plan.steps.map((s) => [s.startsOn, s.endsOn, s.afterTarget])).toEqual([
      ['2026-11-28', '2026-12-23', false],
      ['2026-12-23', '2027-01-13', false],
      ['2027-01-13', '2027-02-03', true],
      ['2027-02-03', '2027-02-24', true],
      ['2027-02-24', '2027-03-07', true],
    ])
    expect(plan.completesOn).toBe('2027-03-07')
    expect(plan.meetsTarget).toBe(false)
    expect(plan.notes).toContain('At 10 h a week the plan ends on 2027-03-07, after your target date 2027-02-01.')
    expect(analysis.suggestPlan(ref, { ...A, targetDate: '2027-12-31' }).meetsTarget).toBe(true)
    expect(analysis.suggestPlan(ref, A).meetsTarget).toBeNull()
    // Twice the pace: 13 + 3 × 11 + 6 = 52 days (each step rounded up to whole days).
    expect(analysis.suggestPlan(ref, { ...A, hoursPerWeek: 20 }).completesOn).toBe('2027-01-19')
  })

  it('marks steps over budget and suggests the cheaper alternative the totals then assume', () => {
    const plan = analysis.suggestPlan(ref, { budget: usd(10_000), hoursPerWeek: 10 })
    expect(plan.steps.map((s) => [s.overBudget, s.uses, s.alternative?.kind ?? null])).toEqual([
      [false, 'step', null],
      [false, 'step', null],
      [true, 'alternative', 'self-study'],
      [true, 'alternative', 'self-study'],
      [false, 'step', null],
    ])
    expect(plan.steps[2]!.alternative).toMatchObject({ hours: 38, cost: usd(0) })
    expect(plan.steps[2]!.alternative!.reason).toMatch(/Free material instead/)
    expect(plan.totals).toEqual({ hours: 140, cost: usd(20_000), plannedHours: 156, plannedCost: usd(10_000), overBudgetSteps: 2 })
    expect(plan.notes[0]).toMatch(/2 steps are over budget/)
    // Without a budget nothing is over budget.
    expect(analysis.suggestPlan(ref, { hoursPerWeek: 10 }).totals.overBudgetSteps).toBe(0)
  })

  it('suggests employer-sponsored training for skills employers usually train, when an employer is given', () => {
    const plan = analysis.suggestPlan(ref, { ...A, budget: usd(5_000), employer: 'Acme Corp' })
    expect(plan.steps.map((s) => [s.title, s.kind, s.hours, s.cost.amountMinor, s.overBudget, s.alternative?.kind ?? null])).toEqual([
      ['Platform certificate: SQL and Statistics', 'platform', 35, 5000, false, null],
      ['Jira through Acme Corp', 'employer', 20, 0, false, null],
      // Over budget: the employer is asked to sponsor the certificate instead.
      ['Platform certificate: Tableau', 'platform', 30, 5000, true, 'employer'],
      ['Communication through Acme Corp', 'employer', 10, 0, false, null],
      ['Apply Python in a project', 'project', 15, 0, false, null],
    ])
    expect(plan.steps[1]!.reason).toMatch(/ask Acme Corp about its programs, at no cost to you/)
    expect(analysis.suggestPlan(ref, A).steps.some((s) => s.kind === 'employer')).toBe(false)
  })

  it('suggests a bootcamp only for many gaps in one area and full-time availability', () => {
    const analyst = 'catalog:data-analyst'
    const fullTime = analysis.suggestPlan(analyst, { hoursPerWeek: 10, fullTime: true })
    const first = fullTime.steps[0]!
    expect(first).toMatchObject({ kind: 'bootcamp', title: 'Bootcamp in data', hours: 400, cost: usd(800_000) })
    expect(first.skills.map((s) => s.key)).toEqual(['sql', 'data-analysis', 'data-visualisation', 'excel', 'statistics', 'power-bi', 'tableau', 'data-modelling', 'r', 'etl'])
    expect(first.reason).toMatch(/^10 gaps in data .* available full time: an intensive bootcamp/)
    // A bootcamp runs full time: 400 h at 40 h/week = 70 days, whatever the usual pace.
    expect(first.endsOn).toBe('2027-02-06')
    expect(fullTime.steps.filter((s) => s.kind === 'bootcamp')).toHaveLength(1)
    // Part time: no bootcamp, platform certificates of up to three skills.
    const partTime = analysis.suggestPlan(analyst, { hoursPerWeek: 10 })
    expect(partTime.steps.some((s) => s.kind === 'bootcamp')).toBe(false)
    expect(partTime.steps.every((s) => s.skills.length <= 3)).toBe(true)
    // Full time but only three gaps in an area: no bootcamp either.
    expect(analysis.suggestPlan(ref, { ...A, fullTime: true }).steps.some((s) => s.kind === 'bootcamp')).toBe(false)
    // Over budget: platform certificates for the same skills instead.
    const tight = analysis.suggestPlan(analyst, { hoursPerWeek: 40, fullTime: true, budget: usd(200_000) })
    expect(tight.steps[0]).toMatchObject({ kind: 'bootcamp', overBudget: true, uses: 'alternative' })
    expect(tight.steps[0]!.alternative).toMatchObject({ kind: 'platform', cost: usd(20_000) })
    expect(tight.steps[0]!.alternative!.reason).toMatch(/^4 platform certificates instead of the bootcamp/)
  })

  it('has nothing to do when every skill is proven, and refuses a pace of zero', () => {
    const gap = analysis.gap(ref)
    const done = buildPlan({ ...gap, skills: gap.skills.map((s) => ({ ...s, depth: 'proven' as const })) }, A)
    expect(done.steps).toEqual([])
    expect(done.completesOn).toBeNull()
    expect(done.notes).toEqual(['No gaps: every skill of Plan role has evidence.'])
    expect(() => buildPlan(gap, { hoursPerWeek: 0 })).toThrow(RangeError)
  })
})

describe('saved plans', () => {
  it('saves a plan, edits, reorders, adds and removes steps, and tracks progress with the linked credential', async () => {
    const saved = analysis.plans.create(ref, A)
    expect(saved).toMatchObject({ roleRef: ref, title: 'Plan for Plan role', budget: usd(50_000), currency: 'USD', hoursPerWeek: 10, fullTime: false, employer: null })
    expect(saved.steps.map((s) => [s.position, s.kind, s.hours, s.cost.amountMinor])).toEqual([
      [1, 'platform', 35, 5000],
      [2, 'platform', 30, 5000],
      [3, 'platform', 30, 5000],
      [4, 'platform', 30, 5000],
      [5, 'project', 15, 0],
    ])
    expect(saved.steps[0]!.skills).toEqual([
      { key: 'sql', name: 'SQL' },
      { key: 'statistics', name: 'Statistics' },
    ])
    expect(saved.progress).toMatchObject({ steps: 5, done: 0, hoursPlanned: 140, costPlanned: usd(20_000), percentDone: 0, projectedCompletion: '2027-03-06' })
    const [s1, s2, s3, s4, s5] = saved.steps.map((s) => s.id) as [number, number, number, number, number]

    const edited = analysis.plans.updateStep(s1, { hours: 40, title: 'SQL and statistics on Coursera', notes: 'start in January' })
    expect(edited.steps[0]).toMatchObject({ title: 'SQL and statistics on Coursera', hours: 40, notes: 'start in January', kind: 'platform' })
    expect(edited.progress.hoursPlanned).toBe(145)

    const reordered = analysis.plans.reorder(saved.id, [s5, s4, s3, s2, s1])
    expect(reordered.steps.map((s) => s.id)).toEqual([s5, s4, s3, s2, s1])
    expect(reordered.steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5])
    expect(() => analysis.plans.reorder(saved.id, [s1, s2])).toThrow(/every step of the plan exactly once/)
    expect(() => analysis.plans.reorder(saved.id, [s1, s1, s2, s3, s4])).toThrow(AppError)

    const credential = await p.core.call('credentials:create', {
      title: 'SQL for Data Science',
      kind: 'platform',
      hours: 38,
      cost: { amountMinor: 3900, currency: 'USD' },
      skills: [{ name: 'SQL' }, { name: 'Statistics' }],
    })
    const done = analysis.plans.markDone(s1, { credentialId: credential.id, doneAt: '2027-01-20' })
    const step1 = done.steps.find((s) => s.id === s1)!
    expect(step1).toMatchObject({ doneAt: '2027-01-20', credential: { id: credential.id, title: 'SQL for Data Science', hours: 38, cost: usd(3900) } })
    expect(done.progress).toMatchObject({
      done: 1,
      hoursDone: 40,
      costDone: usd(5000),
      actual: { credentials: 1, hours: 38, spend: [usd(3900)] },
      percentDone: 27.6,
    })
    expect(() => analysis.plans.markDone(s2, { credentialId: 'cred-999' })).toThrow(/no credential cred-999/)

    const added = analysis.plans.addStep(saved.id, { title: 'Portfolio review', kind: 'project', hours: 5 }, 2)
    expect(added.steps.map((s) => s.title)[1]).toBe('Portfolio review')
    expect(added.steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6])
    const removed = analysis.plans.removeStep(added.steps[1]!.id)
    expect(removed.steps.map((s) => s.id)).toEqual([s5, s4, s3, s2, s1])
    expect(removed.steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5])
    expect(() => analysis.plans.updateStep(s2, { hours: -1 })).toThrow(/cannot be negative/)

    // Deleting the credential keeps the step done, without the link.
    await p.core.call('credentials:delete', { id: credential.id })
    const after = analysis.plans.get(saved.id)
    expect(after.steps.find((s) => s.id === s1)).toMatchObject({ doneAt: '2027-01-20', credential: null })
    expect(after.progress.actual).toEqual({ credentials: 0, hours: 0, spend: [] })

    const undone = analysis.plans.markUndone(s1)
    expect(undone.progress.done).toBe(0)

    const settings = analysis.plans.update(saved.id, { hoursPerWeek: 35, targetDate: '2027-01-01', title: 'Analyst by spring' })
    expect(settings).toMatchObject({ title: 'Analyst by spring', hoursPerWeek: 35, targetDate: '2027-01-01' })
    expect(settings.progress).toMatchObject({ projectedCompletion: '2026-12-27', meetsTarget: true })

    expect(analysis.plans.list()).toEqual([expect.objectContaining({ id: saved.id, title: 'Analyst by spring', steps: 5, done: 0 })])
    analysis.plans.remove(saved.id)
    expect(() => analysis.plans.get(saved.id)).toThrow(/no plan/)
    expect((p.core.db.prepare('SELECT count(*) AS n FROM plan_step').get() as { n: number }).n).toBe(0)
  })

  it('saves over-budget steps as the alternative the plan assumed, keeping the first suggestion in the notes', () => {
    const saved = analysis.plans.create(ref, { budget: usd(10_000), hoursPerWeek: 10 }, 'Tight plan')
    expect(saved.title).toBe('Tight plan')
    expect(saved.steps.map((s) => [s.kind, s.hours, s.cost.amountMinor])).toEqual([
      ['platform', 35, 5000],
      ['platform', 30, 5000],
      ['self-study', 38, 0],
      ['self-study', 38, 0],
      ['project', 15, 0],
    ])
    expect(saved.steps[2]!.notes).toMatch(/^Over budget as first suggested \(platform, 30 h, \$50\.00\)/)
    expect(saved.progress.costPlanned).toEqual(usd(10_000))
    // Survives a restart.
    p.reopen()
    const again = createAnalysis({ db: p.core.db, catalog: fixtureCatalog(), now: () => new Date('2026-11-28T12:00:00Z') })
    expect(again.plans.get(saved.id).steps).toEqual(saved.steps)
  })
})
