import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const links = (rowId: number) =>
  p.core.db.prepare('SELECT skill_id, level, position FROM experience_skill WHERE experience_id = ? ORDER BY position').all(rowId)
const counts = async () => (await p.core.call('app:info', {})).counts

describe('skills linked to work experience', () => {
  it('creates an entry with skills in the given order, found by name or alias, else created', async () => {
    await p.core.call('skills:create', { name: 'Power BI', category: 'technology', aliases: ['PowerBI'] })
    const e = await p.core.call('experience:create', {
      organization: 'Brightwave',
      title: 'Data Analyst',
      startedOn: '2023-01-01',
      skills: [{ name: 'SQL', level: 'advanced' }, { name: 'powerbi' }, { name: 'sql' }],
    })
    expect(e).toMatchObject({ id: 'exp-1', organization: 'Brightwave', title: 'Data Analyst' })
    expect(e.skills.map((s) => [s.name, s.level, s.category])).toEqual([
      ['SQL', 'advanced', 'other'],
      ['Power BI', null, 'technology'],
    ])
    p.reopen()
    expect((await p.core.call('experience:list', {}))[0]!.skills).toEqual(e.skills)
    expect(await counts()).toMatchObject({ experience: 1, skills: 2 })
  })

  it('lists entries without skills with an empty list, and the demo loader still works', async () => {
    const e = await p.core.call('experience:create', { organization: 'Org', title: 'Analyst' })
    expect(e.skills).toEqual([])
    expect(await p.core.call('experience:list', {})).toEqual([e])
  })

  it('replaces the skills on update when given, and keeps them when the patch leaves them out', async () => {
    const e = await p.core.call('experience:create', { organization: 'Org', title: 'Analyst', skills: [{ name: 'SQL' }, { name: 'Excel' }] })
    const renamed = await p.core.call('experience:update', { id: e.id, patch: { title: 'Senior Analyst' } })
    expect(renamed.skills.map((s) => s.name)).toEqual(['SQL', 'Excel'])
    const replaced = await p.core.call('experience:update', { id: e.id, patch: { skills: [{ name: 'Python', level: 'intermediate' }, { name: 'SQL' }] } })
    expect(replaced).toMatchObject({ title: 'Senior Analyst' })
    expect(replaced.skills.map((s) => [s.name, s.level])).toEqual([
      ['Python', 'intermediate'],
      ['SQL', null],
    ])
    expect(links(1)).toHaveLength(2)
    const cleared = await p.core.call('experience:update', { id: e.id, patch: { skills: [] } })
    expect(cleared.skills).toEqual([])
    expect(links(1)).toEqual([])
    // The skills themselves stay in the portfolio.
    expect((await counts()).skills).toBe(3)
  })

  it('removes the links when the entry is deleted (cascade), keeping the skills', async () => {
    const e = await p.core.call('experience:create', { organization: 'Org', title: 'Analyst', skills: [{ name: 'SQL' }] })
    expect(links(1)).toHaveLength(1)
    await p.core.call('experience:delete', { id: e.id })
    expect(links(1)).toEqual([])
    expect(p.core.db.prepare('SELECT count(*) AS n FROM experience_skill').get()).toEqual({ n: 0 })
    expect(await counts()).toMatchObject({ experience: 0, skills: 1 })
  })

  it('refuses a bad skill name with BAD_INPUT and writes nothing', async () => {
    const before = await counts()
    for (const name of ['', '   ', 'x'.repeat(500)]) {
      const r = await p.core.dispatch('experience:create', { organization: 'Org', title: 'Analyst', skills: [{ name: 'SQL' }, { name }] })
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'skills.1.name' }] } })
    }
    expect(await counts()).toEqual(before)

    const e = await p.core.call('experience:create', { organization: 'Org', title: 'Analyst', skills: [{ name: 'SQL' }] })
    const bad = await p.core.dispatch('experience:update', { id: e.id, patch: { title: 'Changed', skills: [{ name: 'Python' }, { name: '' }] } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const badLevel = await p.core.dispatch('experience:update', { id: e.id, patch: { skills: [{ name: 'Python', level: 'guru' }] } })
    expect(badLevel).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'patch.skills.0.level' }] } })
    expect(await p.core.call('experience:list', {})).toEqual([e])
    expect((await counts()).skills).toBe(1)
  })

  it('rolls the whole write back when the entry itself is refused (end before start)', async () => {
    const r = await p.core.dispatch('experience:create', { organization: 'Org', title: 'Analyst', startedOn: '2024-01-01', endedOn: '2023-01-01', skills: [{ name: 'Brand new skill' }] })
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'endedOn' }] } })
    expect(await counts()).toMatchObject({ experience: 0, skills: 0 })
    const e = await p.core.call('experience:create', { organization: 'Org', title: 'Analyst', startedOn: '2024-01-01', skills: [{ name: 'SQL' }] })
    const bad = await p.core.dispatch('experience:update', { id: e.id, patch: { endedOn: '2023-01-01', skills: [{ name: 'Another new skill' }] } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await p.core.call('experience:list', {})).toEqual([e])
    expect((await counts()).skills).toBe(1)
  })

  it('shows the entries in skills:get, follows a merge and drops the link when the skill is deleted', async () => {
    const old = await p.core.call('experience:create', { organization: 'Old Co', title: 'Intern', startedOn: '2018-01-01', endedOn: '2018-06-30', skills: [{ name: 'Postgres', level: 'beginner' }] })
    const now = await p.core.call('experience:create', { organization: 'Now Inc', title: 'Analyst', startedOn: '2022-01-01', skills: [{ name: 'PostgreSQL', level: 'advanced' }] })
    const pg = now.skills[0]!.id
    const detail = await p.core.call('skills:get', { id: pg })
    expect(detail.experience).toEqual([{ id: now.id, title: 'Analyst', organization: 'Now Inc', level: 'advanced' }])
    // Counts stay credentials and projects only.
    expect(detail).toMatchObject({ credentialCount: 0, projectCount: 0, credentials: [], projects: [] })

    await p.core.call('skills:merge', { sourceId: old.skills[0]!.id, targetId: pg })
    const merged = await p.core.call('skills:get', { id: pg })
    expect(merged.experience.map((e) => [e.id, e.level])).toEqual([
      [now.id, 'advanced'],
      [old.id, 'beginner'],
    ])
    expect((await p.core.call('experience:list', {})).map((e) => e.skills.map((s) => s.name))).toEqual([['PostgreSQL'], ['PostgreSQL']])

    await p.core.call('skills:delete', { id: pg })
    expect((await p.core.call('experience:list', {})).map((e) => e.skills)).toEqual([[], []])
    expect(await counts()).toMatchObject({ experience: 2 })
  })
})
