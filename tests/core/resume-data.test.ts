import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('profile, experience and education', () => {
  it('saves the profile with Unicode intact and blank fields as empty', async () => {
    const saved = await p.core.call('profile:update', {
      fullName: 'Łucja Ελένη Дмитриева',
      headline: 'Data analyst',
      email: 'lucja@example.org',
      website: '',
      links: [{ label: 'GitHub', url: 'https://github.com/lucja' }],
    })
    expect(saved.website).toBeNull()
    p.reopen()
    expect(await p.core.call('profile:get', {})).toMatchObject({ fullName: 'Łucja Ελένη Дмитриева', email: 'lucja@example.org', links: [{ label: 'GitHub' }] })
    const bad = await p.core.dispatch('profile:update', { email: 'not-an-email' })
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'email' }] } })
  })

  it('orders experience as a resume does: current job first, then most recent', async () => {
    await p.core.call('experience:create', { organization: 'Old Co', title: 'Intern', startedOn: '2018-01-01', endedOn: '2018-06-30' })
    await p.core.call('experience:create', { organization: 'Now Inc', title: 'Analyst', startedOn: '2022-01-01' })
    const mid = await p.core.call('experience:create', { organization: 'Mid Ltd', title: 'Junior', startedOn: '2019-01-01', endedOn: '2021-12-31' })
    expect((await p.core.call('experience:list', {})).map((e) => e.organization)).toEqual(['Now Inc', 'Mid Ltd', 'Old Co'])
    const edited = await p.core.call('experience:update', { id: mid.id, patch: { title: 'Analyst I' } })
    expect(edited).toMatchObject({ organization: 'Mid Ltd', title: 'Analyst I', endedOn: '2021-12-31' })
    await p.core.call('experience:delete', { id: mid.id })
    expect(await p.core.call('experience:list', {})).toHaveLength(2)
    expect(await p.core.dispatch('experience:delete', { id: mid.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('keeps education entries and refuses an end before the start', async () => {
    const e = await p.core.call('education:create', { institution: 'Universität Wien', degree: 'BSc', field: 'Statistik', startedOn: '2014-10-01', endedOn: '2017-06-30' })
    expect(e.id).toMatch(/^edu-\d+$/)
    const bad = await p.core.dispatch('education:update', { id: e.id, patch: { endedOn: '2013-01-01' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect((await p.core.call('education:list', {}))[0]).toMatchObject({ institution: 'Universität Wien', endedOn: '2017-06-30' })
  })
})
