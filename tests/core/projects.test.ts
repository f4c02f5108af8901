import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('projects', () => {
  it('links the skills applied and the credentials used, and both sides see the link', async () => {
    const cred = await p.core.call('credentials:create', { title: 'Google Data Analytics', kind: 'platform', skills: [{ name: 'SQL' }] })
    const proj = await p.core.call('projects:create', {
      title: 'Churn dashboard',
      role: 'Analyst',
      startedOn: '2024-05-01',
      endedOn: '2024-07-01',
      links: [{ label: 'Repo', url: 'https://github.com/example/churn' }],
      outcomes: ['Cut churn 4 %', 'Adopted by 3 teams'],
      skills: [{ name: 'sql', level: 'advanced' }, { name: 'Tableau' }],
      credentialIds: [cred.id],
    })
    expect(proj.skills.map((s) => [s.name, s.level])).toEqual([
      ['SQL', 'advanced'],
      ['Tableau', null],
    ])
    expect(proj.credentials).toEqual([{ id: cred.id, title: 'Google Data Analytics' }])
    p.reopen()
    expect((await p.core.call('credentials:get', { id: cred.id })).projects).toEqual([{ id: proj.id, title: 'Churn dashboard' }])
    const sql = (await p.core.call('skills:list', { text: 'SQL' })).items[0]!
    expect(sql).toMatchObject({ name: 'SQL', credentialCount: 1, projectCount: 1 })
    const read = await p.core.call('projects:get', { id: proj.id })
    expect(read.outcomes).toEqual(['Cut churn 4 %', 'Adopted by 3 teams'])
    expect(read.links).toEqual([{ label: 'Repo', url: 'https://github.com/example/churn' }])
  })

  it('lists the most recent work first by default: ongoing, then by end date, then start date, undated last', async () => {
    const add = (title: string, startedOn: string | null, endedOn: string | null) => p.core.call('projects:create', { title, startedOn, endedOn })
    await add('Undated', null, null)
    await add('Ended 2022', '2021-01-01', '2022-03-01')
    await add('Ongoing since 2020', '2020-05-01', null)
    await add('Ended 2024', '2023-06-01', '2024-02-01')
    await add('Started 2019, ended 2024', '2019-01-01', '2024-02-01')
    const list = await p.core.call('projects:list', {})
    expect(list.items.map((x) => x.title)).toEqual(['Ongoing since 2020', 'Ended 2024', 'Started 2019, ended 2024', 'Ended 2022', 'Undated'])
    expect((await p.core.call('projects:list', { sort: 'date' })).items).toEqual(list.items)
  })

  it('refuses a link to a credential that does not exist, creating nothing', async () => {
    const result = await p.core.dispatch('projects:create', { title: 'X', skills: [{ name: 'NewSkill' }], credentialIds: ['cred-42'] })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'credentialIds.0' }] } })
    expect((await p.core.call('app:info', {})).counts).toMatchObject({ projects: 0, skills: 0 })
  })

  it('updates links without touching other fields and finds projects by outcome text', async () => {
    const proj = await p.core.call('projects:create', { title: 'Forecast', outcomes: ['Reduced stockouts'] })
    const cred = await p.core.call('credentials:create', { title: 'Time series', kind: 'platform' })
    const updated = await p.core.call('projects:update', { id: proj.id, patch: { credentialIds: [cred.id] } })
    expect(updated.outcomes).toEqual(['Reduced stockouts'])
    expect(updated.credentials).toHaveLength(1)
    expect((await p.core.call('projects:list', { text: 'stockout' })).items.map((x) => x.title)).toEqual(['Forecast'])
    expect((await p.core.call('projects:list', {})).items[0]).toMatchObject({ title: 'Forecast', credentialCount: 1 })
    const bad = await p.core.dispatch('projects:update', { id: proj.id, patch: { startedOn: '2025-01-01', endedOn: '2024-01-01' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'endedOn' }] } })
  })
})
