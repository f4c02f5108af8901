/** The analysis and taxonomy channels (issue 4) through core.dispatch on a temp portfolio with the demo loaded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { GapAnalysis, LearningPlan, RoleFit } from '../../electron/shared/analysis'
import type { Result } from '../../electron/shared/errors'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeAll(async () => {
  p = tempPortfolio()
  await p.core.call('app:loadDemo', {})
})
afterAll(() => p.cleanup())

const ok = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}
const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code)
const call = (channel: string, input: unknown) => p.core.dispatch(channel, input)

const SKILLS = [
  { name: 'SQL', weight: 1, essential: true },
  { name: 'Python', weight: 0.8, essential: true },
  { name: 'Kubernetes', weight: 0.4, essential: false },
]

describe('roles channels', () => {
  it('lists, searches and gets catalog roles', async () => {
    const all = ok<{ ref: string; title: string }[]>(await call('roles:list', {}))
    expect(all.length).toBeGreaterThanOrEqual(60)
    const found = ok<{ ref: string }[]>(await call('roles:list', { text: 'data analyst' }))
    expect(found.map((r) => r.ref)).toContain('catalog:data-analyst')
    const role = ok<{ title: string; source: string; skills: unknown[] }>(await call('roles:get', { ref: 'catalog:data-analyst' }))
    expect(role).toMatchObject({ title: 'Data Analyst', source: 'catalog' })
    expect(role.skills.length).toBeGreaterThanOrEqual(15)
  })

  it('creates, updates, gets and deletes a custom role', async () => {
    const created = ok<{ ref: string; id: number; skills: unknown[] }>(await call('roles:create', { title: 'My analyst', source: 'custom', skills: SKILLS }))
    expect(created.ref).toBe(`custom:${created.id}`)
    expect(created.skills).toHaveLength(3)
    const updated = ok<{ title: string }>(await call('roles:update', { ref: created.ref, patch: { title: 'My data analyst' } }))
    expect(updated.title).toBe('My data analyst')
    expect(ok<{ title: string; source: string }>(await call('roles:get', { ref: created.ref }))).toMatchObject({ title: 'My data analyst', source: 'custom' })
    expect(ok<{ ref: string }[]>(await call('roles:list', {})).some((r) => r.ref === created.ref)).toBe(true)
    // Its saved plans go with it (they name the role only by reference); other roles' plans stay.
    const mine = ok<{ id: number }>(await call('plans:create', { ref: created.ref, constraints: { hoursPerWeek: 5 } }))
    const other = ok<{ id: number }>(await call('plans:create', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 5 } }))
    expect(ok(await call('roles:delete', { ref: created.ref }))).toEqual({ ref: created.ref })
    expect(code(await call('roles:get', { ref: created.ref }))).toBe('NOT_FOUND')
    expect(code(await call('plans:get', { id: mine.id }))).toBe('NOT_FOUND')
    expect(ok<{ id: number }[]>(await call('plans:list', {})).map((p) => p.id)).toEqual([other.id])
  })

  it('refuses bad input and unknown refs', async () => {
    expect(code(await call('roles:get', { ref: 'data analyst' }))).toBe('BAD_INPUT')
    expect(code(await call('roles:get', { ref: 'catalog:no-such-role' }))).toBe('NOT_FOUND')
    expect(code(await call('roles:get', { ref: 'custom:9999' }))).toBe('NOT_FOUND')
    expect(code(await call('roles:list', { text: 'x', extra: 1 }))).toBe('BAD_INPUT')
    expect(code(await call('roles:create', { title: 'X', source: 'custom', skills: [{ name: 'SQL', weight: 2, essential: true }] }))).toBe('BAD_INPUT')
    expect(code(await call('roles:create', { title: 'X', source: 'catalog', skills: SKILLS }))).toBe('BAD_INPUT')
    expect(code(await call('roles:create', { title: ' ', skills: SKILLS }))).toBe('BAD_INPUT')
    expect(code(await call('roles:update', { ref: 'catalog:data-analyst', patch: { title: 'x' } }))).toBe('BAD_INPUT')
    expect(code(await call('roles:update', { ref: 'custom:9999', patch: { title: 'x' } }))).toBe('NOT_FOUND')
    expect(code(await call('roles:delete', { ref: 'custom:9999' }))).toBe('NOT_FOUND')
    expect(code(await call('roles:fit', { limit: 0 }))).toBe('BAD_INPUT')
  })

  it('ranks the sample data analyst’s own role first, each with the numbers its gap analysis shows', async () => {
    const fits = ok<RoleFit[]>(await call('roles:fit', { limit: 5 }))
    expect(fits).toHaveLength(5)
    // She works as a Data Analyst at Brightwave Retail: her own role first, its neighbours next.
    expect(fits[0]).toMatchObject({ ref: 'catalog:data-analyst', title: 'Data Analyst', missingEssentials: 0 })
    expect(fits.every((f) => f.area === 'data')).toBe(true)
    for (let i = 1; i < fits.length; i++) expect(fits[i - 1]!.fitPercent).toBeGreaterThanOrEqual(fits[i]!.fitPercent)
    for (const fit of fits) {
      // The ranking and the role's own page say the same thing.
      const gap = ok<GapAnalysis>(await call('gap:analyze', { ref: fit.ref }))
      expect(fit).toEqual({
        ref: gap.role.ref,
        title: gap.role.title,
        area: gap.role.area,
        source: 'catalog',
        coveragePercent: gap.coveragePercent,
        essentialCoveragePercent: gap.essentialCoveragePercent,
        fitPercent: gap.fitPercent,
        skills: gap.skills.length,
        covered: gap.skills.filter((x) => x.depth !== 'none').length,
        essentials: gap.skills.filter((x) => x.essential).length,
        missingEssentials: gap.missingEssentials.length,
      })
      // The headline is what fitExplanation says: 70 % coverage, 30 % essential coverage.
      expect(fit.fitPercent).toBeCloseTo(0.7 * fit.coveragePercent + 0.3 * fit.essentialCoveragePercent, 0)
      expect(gap.fitExplanation).toMatch(/70 %.*30 %/)
    }
  })

  it('gives each skill of the top role its reason and evidence, strongest first', async () => {
    const gap = ok<GapAnalysis>(await call('gap:analyze', { ref: 'catalog:data-analyst' }))
    const essentials = gap.skills.filter((x) => x.essential)
    expect(gap.summary).toBe(`Data Analyst: ${gap.coveragePercent}% covered; ${essentials.filter((x) => x.depth !== 'none').length} of ${essentials.length} essential skills with evidence`)

    const sql = gap.skills.find((x) => x.name === 'SQL')!
    expect(sql).toMatchObject({ essential: true, depth: 'practised', group: 'core' })
    expect(sql.explanation).toBe('SQL: practised in 1 project and your work as Data Analyst at Brightwave Retail (inferred); 6 self-reported credentials, none verified')
    // Strongest first: the project, then the jobs it is inferred from (pending her decision), then the courses.
    expect(sql.evidence.items.slice(0, 3).map((i) => [i.kind, i.title, i.gives, i.detail])).toEqual([
      ['project', 'Customer churn dashboard', 'practised', 'practised in a project'],
      ['inferred', 'Data Analyst at Brightwave Retail', 'practised', 'inferred from your 3 years 2 months as Data Analyst at Brightwave Retail'],
      ['inferred', 'Junior Reporting Analyst at Harbourline Logistics', 'practised', 'inferred from your 1 year 3 months as Junior Reporting Analyst at Harbourline Logistics'],
    ])
    expect(sql.evidence.items[1]!.inference).toEqual({ experienceId: 'exp-1', decision: 'pending' })
    const strengths = sql.evidence.items.map((i) => i.strength)
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a))
    expect(sql.credit).toBe(strengths[0]) // its strongest evidence decides
    expect(sql.evidence).toMatchObject({ projects: 1, selfReported: 6, verified: 0, projectList: [{ title: 'Customer churn dashboard' }] })
    expect(sql.evidence.credentials.map((c) => c.trust)).toEqual(sql.evidence.credentials.map(() => 'self_reported'))
    // Partial credit names the skill it comes through.
    const dashboards = gap.skills.find((x) => x.name === 'Dashboard design')!
    expect(dashboards.explanation).toBe('Dashboard design: practised via Power BI and Tableau (partial credit)')
    expect(dashboards.evidence.items.map((i) => i.via?.name)).toEqual(expect.arrayContaining(['Power BI', 'Tableau']))
    // Missing skills say so, with nothing behind them.
    expect(gap.missing.length).toBeGreaterThan(0)
    for (const key of gap.missing) {
      const skill = gap.skills.find((x) => x.key === key)!
      expect([skill.depth, skill.credit, skill.evidence.items, skill.explanation]).toEqual(['none', 0, [], `${skill.name}: no evidence yet`])
    }
  })

  it('moves the fit when a project adds evidence for a missing skill, and back down when it is deleted', async () => {
    const before = ok<GapAnalysis>(await call('gap:analyze', { ref: 'catalog:data-analyst' }))
    expect(before.missing).toContain('looker-studio')
    const project = ok<{ id: string }>(await call('projects:create', { title: 'Marketing dashboard in Looker Studio', startedOn: '2026-06-01', endedOn: '2026-09-30', skills: [{ name: 'Looker Studio' }] }))
    const after = ok<GapAnalysis>(await call('gap:analyze', { ref: 'catalog:data-analyst' }))
    const looker = after.skills.find((x) => x.key === 'looker-studio')!
    expect(looker).toMatchObject({ depth: 'practised', explanation: 'Looker Studio: practised in 1 project, no credential yet' })
    expect(looker.evidence.items.map((i) => [i.kind, i.source, i.title, i.date])).toEqual([['project', project.id, 'Marketing dashboard in Looker Studio', '2026-09-30']])
    expect(after.missing).not.toContain('looker-studio')
    expect(after.coveragePercent).toBeGreaterThan(before.coveragePercent)
    expect(after.fitPercent).toBeGreaterThan(before.fitPercent)
    expect(ok<RoleFit[]>(await call('roles:fit', { limit: 1 }))[0]).toMatchObject({ ref: 'catalog:data-analyst', fitPercent: after.fitPercent })
    // Deleting the project keeps the skill it created in her list ("the skills … stay"), which
    // counts as her own word only: above nothing, below the project.
    ok(await call('projects:delete', { id: project.id }))
    const deleted = ok<GapAnalysis>(await call('gap:analyze', { ref: 'catalog:data-analyst' }))
    const kept = deleted.skills.find((x) => x.key === 'looker-studio')!
    expect(kept).toMatchObject({ depth: 'learned', explanation: 'Looker Studio: learned through your own word (self-reported), never practised at work or in a project' })
    expect(kept.evidence.items.map((i) => [i.kind, i.detail])).toEqual([['self-reported', 'in your skills, with nothing linked to it yet']])
    expect(deleted.fitPercent).toBeGreaterThan(before.fitPercent)
    expect(deleted.fitPercent).toBeLessThan(after.fitPercent)
    const skill = ok<{ items: { id: string; name: string }[] }>(await call('skills:list', { text: 'Looker Studio' })).items[0]!
    ok(await call('skills:delete', { id: skill.id }))
    expect(ok<GapAnalysis>(await call('gap:analyze', { ref: 'catalog:data-analyst' })).fitPercent).toBe(before.fitPercent)
  })
})

describe('postings and gap channels', () => {
  it('extracts skills from a posting and analyses them without saving', async () => {
    const text = 'Data Analyst\n\nRequirements\n- Strong SQL and Python\n- Experience with Tableau dashboards\n'
    const ex = ok<{ skills: { name: string; suggestedWeight: number; suggestedEssential: boolean }[] }>(await call('postings:extract', { text }))
    expect(ex.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['SQL', 'Python', 'Tableau']))
    const gap = ok<{ role: { ref: string }; skills: unknown[] }>(
      await call('gap:analyzeSkills', { title: 'Data Analyst', skills: ex.skills.map((s) => ({ name: s.name, weight: s.suggestedWeight, essential: s.suggestedEssential })) }),
    )
    expect(gap.role.ref).toBe('custom:0')
    expect(gap.skills.length).toBe(ex.skills.length)
    // Nothing was saved: every role is still a catalog role.
    expect(ok<{ source: string }[]>(await call('roles:list', {})).filter((r) => r.source !== 'catalog')).toEqual([])
    expect(code(await call('postings:extract', { text: 'x'.repeat(100_001) }))).toBe('BAD_INPUT')
    expect(code(await call('postings:extract', {}))).toBe('BAD_INPUT')
  })

  it('analyses a role: coverage, missing essentials first, explanations', async () => {
    const gap = ok<{ coveragePercent: number; skills: { essential: boolean; depth: string; explanation: string }[] }>(await call('gap:analyze', { ref: 'catalog:data-analyst' }))
    expect(gap.coveragePercent).toBeGreaterThan(0)
    expect(gap.coveragePercent).toBeLessThanOrEqual(100)
    const firstCovered = gap.skills.findIndex((s) => s.depth !== 'none')
    const lastMissingEssential = gap.skills.map((s) => s.essential && s.depth === 'none').lastIndexOf(true)
    expect(lastMissingEssential).toBeLessThan(firstCovered)
    expect(gap.skills.every((s) => s.explanation.length > 0)).toBe(true)
    expect(code(await call('gap:analyze', { ref: 'catalog:nope' }))).toBe('NOT_FOUND')
    expect(code(await call('gap:analyze', { ref: 42 }))).toBe('BAD_INPUT')
  })

  it('answers the profile and the cost report', async () => {
    const profile = ok<{ shape: string; areas: unknown[] }>(await call('gap:profile', {}))
    expect(profile.shape).not.toBe('none')
    const costs = ok<{ skills: unknown[]; totals: { credentials: number } }>(await call('gap:costs', {}))
    expect(costs.totals.credentials).toBeGreaterThan(0)
    expect(code(await call('gap:profile', { x: 1 }))).toBe('BAD_INPUT')
  })
})

describe('plan channels', () => {
  const constraints = { budget: { amountMinor: 50_000, currency: 'USD' }, hoursPerWeek: 8 }

  it('suggests a plan of catalog programs within the budget, in the settings currency when no budget is given', async () => {
    const roomy = ok<LearningPlan>(await call('plans:suggest', { ref: 'catalog:data-scientist', constraints }))
    expect(roomy.steps.length).toBeGreaterThan(1)
    expect(roomy.steps.some((s) => s.offer && s.cost.amountMinor > 0)).toBe(true)
    expect(roomy.totals.cost.amountMinor).toBeLessThanOrEqual(50_000)
    expect(roomy.steps.filter((s) => s.overBudget || s.uses !== 'step')).toEqual([])

    // US$50 pays for less: the paid programs past it are left out, never planned over it.
    const tight = ok<LearningPlan>(await call('plans:suggest', { ref: 'catalog:data-scientist', constraints: { ...constraints, budget: { amountMinor: 5_000, currency: 'USD' } } }))
    expect(tight.totals.cost.amountMinor).toBeLessThanOrEqual(5_000)
    expect(tight.totals.cost.amountMinor).toBeLessThan(roomy.totals.cost.amountMinor)

    // The user's currency setting: prices converted, the provider's alongside.
    ok(await call('settings:update', { currency: 'GBP' }))
    try {
      const inPounds = ok<LearningPlan>(await call('plans:suggest', { ref: 'catalog:data-scientist', constraints: { hoursPerWeek: 8 } }))
      expect(inPounds.totals.cost.currency).toBe('GBP')
      const paid = inPounds.steps.filter((s) => s.cost.amountMinor > 0)
      expect(paid.length).toBeGreaterThan(0)
      for (const s of paid) expect(s.originalCost?.currency).toBe('USD')
      // A budget's currency wins over the setting.
      expect(ok<LearningPlan>(await call('plans:suggest', { ref: 'catalog:data-scientist', constraints })).totals.cost.currency).toBe('USD')
    } finally {
      ok(await call('settings:update', { currency: 'USD' }))
    }
  })

  it('saves, edits, reorders, marks done and deletes a plan', async () => {
    const saved = ok<{ id: number; steps: { id: number; title: string }[] }>(await call('plans:create', { ref: 'catalog:data-analyst', constraints, title: 'My plan' }))
    expect(ok<{ id: number }[]>(await call('plans:list', {})).map((x) => x.id)).toContain(saved.id)
    expect(ok<{ title: string }>(await call('plans:get', { id: saved.id })).title).toBe('My plan')
    expect(ok<{ title: string }>(await call('plans:rename', { id: saved.id, title: '  Analyst by summer ' })).title).toBe('Analyst by summer')
    expect(code(await call('plans:rename', { id: saved.id, title: '   ' }))).toBe('BAD_INPUT')
    expect(code(await call('plans:rename', { id: 99_999, title: 'x' }))).toBe('NOT_FOUND')
    expect(ok<{ title: string }>(await call('plans:get', { id: saved.id })).title).toBe('Analyst by summer')
    expect(saved.steps.length).toBeGreaterThan(1) // so the reorder below is checked
    const [a, b] = saved.steps
    const edited = ok<{ steps: { id: number; title: string }[] }>(await call('plans:updateStep', { stepId: a!.id, patch: { title: 'Renamed', hours: 12 } }))
    expect(edited.steps.find((s) => s.id === a!.id)?.title).toBe('Renamed')
    const ids = saved.steps.map((s) => s.id)
    const reordered = ok<{ steps: { id: number }[] }>(await call('plans:reorder', { planId: saved.id, stepIds: [ids[1], ids[0], ...ids.slice(2)] }))
    expect(reordered.steps.map((s) => s.id)).toEqual([b!.id, a!.id, ...ids.slice(2)])
    const done = ok<{ progress: { done: number }; steps: { id: number; credential: { id: string } | null }[] }>(await call('plans:markDone', { stepId: a!.id, credentialId: 'cred-1' }))
    expect(done.progress.done).toBe(1)
    expect(done.steps.find((s) => s.id === a!.id)?.credential?.id).toBe('cred-1')
    expect(ok<{ progress: { done: number } }>(await call('plans:markUndone', { stepId: a!.id })).progress.done).toBe(0)
    expect(code(await call('plans:markDone', { stepId: a!.id, credentialId: 'cred-9999' }))).toBe('NOT_FOUND')
    expect(ok(await call('plans:delete', { id: saved.id }))).toEqual({ id: saved.id })
    expect(code(await call('plans:get', { id: saved.id }))).toBe('NOT_FOUND')
  })

  it('refuses bad constraints and unknown plans', async () => {
    expect(code(await call('plans:suggest', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 0 } }))).toBe('BAD_INPUT')
    expect(code(await call('plans:suggest', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 8, targetDate: '2027-02-30' } }))).toBe('BAD_INPUT')
    expect(code(await call('plans:suggest', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 8, budget: { amountMinor: -1, currency: 'USD' } } }))).toBe('BAD_INPUT')
    expect(code(await call('plans:suggest', { ref: 'catalog:nope', constraints: { hoursPerWeek: 8 } }))).toBe('NOT_FOUND')
    expect(code(await call('plans:get', { id: 9999 }))).toBe('NOT_FOUND')
    expect(code(await call('plans:get', { id: 'one' }))).toBe('BAD_INPUT')
    expect(code(await call('plans:updateStep', { stepId: 9999, patch: { title: 'x' } }))).toBe('NOT_FOUND')
    expect(code(await call('plans:reorder', { planId: 1, stepIds: [] }))).toBe('BAD_INPUT')
    expect(code(await call('plans:markUndone', { stepId: 9999 }))).toBe('NOT_FOUND')
    expect(code(await call('plans:delete', { id: 9999 }))).toBe('NOT_FOUND')
    expect(code(await call('plans:swapStep', { stepId: 9999, to: { catalogId: 'google-data-analytics' } }))).toBe('NOT_FOUND')
    expect(code(await call('plans:swapStep', { stepId: 1, to: { catalogId: 'google-data-analytics', credentialId: 'cred-1' } }))).toBe('BAD_INPUT')
    expect(code(await call('settings:update', { currency: 'pounds' }))).toBe('BAD_INPUT')
  })
})

describe('taxonomy and about channels', () => {
  it('imports a pack, lists, exports and removes it', async () => {
    const file = join(p.dir, 'pack.json')
    writeFileSync(
      file,
      JSON.stringify({
        format: 'skillfolio-taxonomy-pack',
        version: 1,
        name: 'Test pack',
        release: '1.0',
        skills: [{ id: 's1', name: 'Quantum widgets', aliases: ['QW'] }],
        roles: [{ id: 'r1', title: 'Widget engineer', skills: [{ skill: 's1', weight: 1, essential: true }] }],
      }),
    )
    const result = ok<{ source: { id: number; skills: number; occupations: number } }>(await call('taxonomy:import', { path: file }))
    expect(result.source).toMatchObject({ skills: 1, occupations: 1 })
    const sources = ok<{ id: number; name: string }[]>(await call('taxonomy:sources', {}))
    expect(sources.map((s) => s.name)).toContain('Test pack')
    const text = ok<string>(await call('taxonomy:exportPack', { source: result.source.id }))
    expect(JSON.parse(text)).toMatchObject({ format: 'skillfolio-taxonomy-pack', name: 'Test pack' })
    const catalogPack = JSON.parse(ok<string>(await call('taxonomy:exportPack', { source: 'catalog' }))) as { roles: unknown[] }
    expect(catalogPack.roles.length).toBeGreaterThanOrEqual(60)
    expect(ok(await call('taxonomy:remove', { id: result.source.id }))).toEqual({ id: result.source.id })
    expect(code(await call('taxonomy:remove', { id: result.source.id }))).toBe('NOT_FOUND')
    expect(code(await call('taxonomy:exportPack', { source: result.source.id }))).toBe('NOT_FOUND')
    expect(code(await call('taxonomy:exportPack', { source: 'everything' }))).toBe('BAD_INPUT')
    expect(code(await call('taxonomy:import', { path: join(p.dir, 'missing') }))).toBe('BAD_INPUT')
    expect(code(await call('taxonomy:import', { path: '' }))).toBe('BAD_INPUT')
  })

  it('answers the about box with the catalog version and attributions', async () => {
    const about = ok<{ catalogVersion: string; attribution: { onet: string; esco: string } }>(await call('app:about', {}))
    expect(about.catalogVersion).toMatch(/\S/)
    expect(about.attribution.onet).toMatch(/O\*NET/)
    expect(about.attribution.esco).toMatch(/ESCO/)
  })
})
