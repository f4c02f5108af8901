import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('skills', () => {
  it('treats names that differ only in case, spacing or width as one skill, and aliases as the skill', async () => {
    const excel = await p.core.call('skills:create', { name: 'Excel', category: 'technology', aliases: ['MS Excel', 'Microsoft Excel'] })
    const cred = await p.core.call('credentials:create', {
      title: 'Spreadsheets',
      kind: 'platform',
      skills: [{ name: 'ms  excel' }, { name: 'EXCEL' }, { name: 'Ｅｘｃｅｌ' }],
    })
    expect(cred.skills.map((s) => s.id)).toEqual([excel.id])
    const dup = await p.core.dispatch('skills:create', { name: 'microsoft excel' })
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '"microsoft excel" is already used by the skill "Excel".' } })
  })

  it('suggests skills by prefix, then by alias, then by substring', async () => {
    await p.core.call('skills:create', { name: 'JavaScript', aliases: ['JS', 'ECMAScript'] })
    await p.core.call('skills:create', { name: 'Java' })
    await p.core.call('skills:create', { name: 'Scripting' })
    const ja = await p.core.call('skills:suggest', { text: 'ja' })
    expect(ja.map((s) => s.name)).toEqual(['Java', 'JavaScript'])
    const js = await p.core.call('skills:suggest', { text: 'js' })
    expect(js).toEqual([expect.objectContaining({ name: 'JavaScript', matchedAlias: 'JS' })])
    const scr = await p.core.call('skills:suggest', { text: 'scr' })
    expect(scr.map((s) => s.name)).toEqual(['Scripting', 'JavaScript']) // prefix before substring
    expect(await p.core.call('skills:suggest', { text: '%' })).toEqual([]) // LIKE wildcards are literal
  })

  it('renames a skill and the credentials that use it are found by the new name', async () => {
    const cred = await p.core.call('credentials:create', { title: 'Cloud basics', kind: 'platform', skills: [{ name: 'k8s' }] })
    const skill = cred.skills[0]!
    await p.core.call('skills:update', { id: skill.id, patch: { name: 'Kubernetes', aliases: ['k8s'] } })
    expect((await p.core.call('credentials:list', { text: 'kubernetes' })).total).toBe(1)
    expect((await p.core.call('skills:suggest', { text: 'k8s' }))[0]).toMatchObject({ name: 'Kubernetes', matchedAlias: 'k8s' })
  })

  it('merges a duplicate skill: links move, the old name becomes an alias, levels are kept', async () => {
    const a = await p.core.call('credentials:create', { title: 'A', kind: 'badge', skills: [{ name: 'Postgres', level: 'advanced' }] })
    const b = await p.core.call('credentials:create', { title: 'B', kind: 'badge', skills: [{ name: 'PostgreSQL' }, { name: 'Postgres' }] })
    const source = a.skills[0]!
    const target = b.skills.find((s) => s.name === 'PostgreSQL')!
    const merged = await p.core.call('skills:merge', { sourceId: source.id, targetId: target.id })
    expect(merged).toMatchObject({ name: 'PostgreSQL', aliases: ['Postgres'], credentialCount: 2 })
    expect((await p.core.call('credentials:get', { id: a.id })).skills).toEqual([expect.objectContaining({ name: 'PostgreSQL', level: 'advanced' })])
    expect((await p.core.call('credentials:get', { id: b.id })).skills.map((s) => s.name)).toEqual(['PostgreSQL'])
    expect((await p.core.dispatch('skills:get', { id: source.id })).ok).toBe(false)
    expect((await p.core.dispatch('skills:merge', { sourceId: target.id, targetId: target.id })).ok).toBe(false)
  })

  it('shows the evidence behind a skill and sorts the list by evidence', async () => {
    await p.core.call('credentials:create', { title: 'Stats 101', kind: 'academic', skills: [{ name: 'Statistics' }] })
    await p.core.call('projects:create', { title: 'A/B test', skills: [{ name: 'Statistics', level: 'intermediate' }, { name: 'Python' }] })
    const list = await p.core.call('skills:list', { sort: 'evidence' })
    expect(list.items.map((s) => s.name)).toEqual(['Statistics', 'Python'])
    const detail = await p.core.call('skills:get', { id: list.items[0]!.id })
    expect(detail.credentials.map((c) => c.title)).toEqual(['Stats 101'])
    expect(detail.projects).toEqual([expect.objectContaining({ title: 'A/B test', level: 'intermediate' })])
  })
})
