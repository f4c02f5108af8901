/** The analysis and taxonomy channels (issue 4) through core.dispatch on a temp portfolio with the demo loaded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
    expect(ok(await call('roles:delete', { ref: created.ref }))).toEqual({ ref: created.ref })
    expect(code(await call('roles:get', { ref: created.ref }))).toBe('NOT_FOUND')
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

  it('ranks roles by fit, best first', async () => {
    const fits = ok<{ fitPercent: number }[]>(await call('roles:fit', { limit: 5 }))
    expect(fits).toHaveLength(5)
    for (let i = 1; i < fits.length; i++) expect(fits[i - 1]!.fitPercent).toBeGreaterThanOrEqual(fits[i]!.fitPercent)
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

  it('suggests a plan within the budget or marked over budget', async () => {
    const plan = ok<{ steps: { overBudget: boolean; uses: string; cost: { amountMinor: number } }[]; totals: { plannedCost: { amountMinor: number } } }>(
      await call('plans:suggest', { ref: 'catalog:data-analyst', constraints }),
    )
    expect(plan.steps.length).toBeGreaterThan(0)
    expect(plan.totals.plannedCost.amountMinor).toBeLessThanOrEqual(50_000)
    for (const s of plan.steps) if (s.overBudget) expect(s.uses).toBe('alternative')
  })

  it('saves, edits, reorders, marks done and deletes a plan', async () => {
    const saved = ok<{ id: number; steps: { id: number; title: string }[] }>(await call('plans:create', { ref: 'catalog:data-analyst', constraints, title: 'My plan' }))
    expect(ok<{ id: number }[]>(await call('plans:list', {})).map((x) => x.id)).toContain(saved.id)
    expect(ok<{ title: string }>(await call('plans:get', { id: saved.id })).title).toBe('My plan')
    const [a, b] = saved.steps
    const edited = ok<{ steps: { id: number; title: string }[] }>(await call('plans:updateStep', { stepId: a!.id, patch: { title: 'Renamed', hours: 12 } }))
    expect(edited.steps.find((s) => s.id === a!.id)?.title).toBe('Renamed')
    if (b) {
      const ids = saved.steps.map((s) => s.id)
      const reordered = ok<{ steps: { id: number }[] }>(await call('plans:reorder', { planId: saved.id, stepIds: [ids[1], ids[0], ...ids.slice(2)] }))
      expect(reordered.steps[0]!.id).toBe(b.id)
    }
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
