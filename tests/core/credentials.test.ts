import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const sqlCourse = {
  title: 'Databases and SQL for Data Science',
  kind: 'platform' as const,
  provider: 'Coursera',
  issuerName: 'IBM',
  earnedOn: '2024-03-15',
  expiresOn: '2027-03-15',
  hours: 18.5,
  cost: { amountMinor: 4900, currency: 'USD' },
  credentialCode: 'ABC-123',
  verificationUrl: 'https://coursera.org/verify/ABC-123',
  skills: [{ name: 'SQL', level: 'intermediate' as const }, { name: 'PostgreSQL' }],
}

describe('credentials', () => {
  it('creates a credential and reads every field back after a restart', async () => {
    const created = await p.core.call('credentials:create', sqlCourse)
    expect(created.id).toMatch(/^cred-\d+$/)
    const reopened = p.reopen()
    const read = await reopened.call('credentials:get', { id: created.id })
    expect(read).toMatchObject({
      title: sqlCourse.title,
      kind: 'platform',
      status: 'earned',
      provider: 'Coursera',
      issuerName: 'IBM',
      earnedOn: '2024-03-15',
      expiresOn: '2027-03-15',
      hours: 18.5,
      cost: { amountMinor: 4900, currency: 'USD' },
      credentialCode: 'ABC-123',
      verificationUrl: 'https://coursera.org/verify/ABC-123',
      description: null,
    })
    expect(read.skills.map((s) => [s.name, s.level])).toEqual([
      ['SQL', 'intermediate'],
      ['PostgreSQL', null],
    ])
  })

  it('keeps money exact in minor units, including zero-decimal currencies and large amounts', async () => {
    const yen = await p.core.call('credentials:create', { title: 'AWS Cloud Practitioner', kind: 'certification', cost: { amountMinor: 15000, currency: 'JPY' } })
    const big = await p.core.call('credentials:create', { title: 'Bootcamp', kind: 'bootcamp', cost: { amountMinor: 1_599_999, currency: 'EUR' } })
    p.reopen()
    expect((await p.core.call('credentials:get', { id: yen.id })).cost).toEqual({ amountMinor: 15000, currency: 'JPY' })
    expect((await p.core.call('credentials:get', { id: big.id })).cost).toEqual({ amountMinor: 1_599_999, currency: 'EUR' })
  })

  it('updates only the fields in the patch and keeps skills unless they are given', async () => {
    const c = await p.core.call('credentials:create', sqlCourse)
    const updated = await p.core.call('credentials:update', { id: c.id, patch: { title: 'SQL for Data Science', hours: null } })
    expect(updated.title).toBe('SQL for Data Science')
    expect(updated.hours).toBeNull()
    expect(updated.provider).toBe('Coursera')
    expect(updated.skills).toHaveLength(2)
    const reskilled = await p.core.call('credentials:update', { id: c.id, patch: { skills: [{ name: 'sql' }] } })
    expect(reskilled.skills.map((s) => s.name)).toEqual(['SQL']) // matched the existing skill, case-insensitively
  })

  it('refuses invalid input with a field-specific message and stores nothing', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ...sqlCourse, kind: 'webinar' }, 'kind', /must be one of/],
      [{ ...sqlCourse, earnedOn: '2024-13-45' }, 'earnedOn', /date/],
      [{ ...sqlCourse, earnedOn: '2023-02-29' }, 'earnedOn', /not a real calendar date/],
      [{ ...sqlCourse, hours: -1 }, 'hours', /negative/],
      [{ ...sqlCourse, cost: { amountMinor: 10.5, currency: 'USD' } }, 'cost.amountMinor', /whole number/],
      [{ ...sqlCourse, cost: { amountMinor: 100, currency: 'usd' } }, 'cost.currency', /currency code/],
      [{ ...sqlCourse, title: '   ' }, 'title', /required/],
      [{ ...sqlCourse, verificationUrl: 'javascript:alert(1)' }, 'verificationUrl', /web address/],
      [{ ...sqlCourse, expiresOn: '2020-01-01' }, 'expiresOn', /before the date earned/],
    ]
    for (const [input, path, message] of cases) {
      const result = await p.core.dispatch('credentials:create', input)
      expect(result.ok, JSON.stringify(input)).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('BAD_INPUT')
        expect(result.error.issues?.[0]?.path).toBe(path)
        expect(result.error.issues?.[0]?.message).toMatch(message)
      }
    }
    expect(p.core.services['app:info']({}) instanceof Promise).toBe(false)
    expect((await p.core.call('app:info', {})).counts).toMatchObject({ credentials: 0, skills: 0 })
  })

  it('refuses a patch that would put the dates out of order, leaving the credential as it was', async () => {
    const c = await p.core.call('credentials:create', sqlCourse)
    const result = await p.core.dispatch('credentials:update', { id: c.id, patch: { expiresOn: '2023-01-01', title: 'Changed' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect((await p.core.call('credentials:get', { id: c.id })).title).toBe(sqlCourse.title)
  })

  it('answers NOT_FOUND for ids that name nothing', async () => {
    for (const channel of ['credentials:get', 'credentials:delete'] as const) {
      const result = await p.core.dispatch(channel, { id: 'cred-999' })
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no credential cred-999.' } })
    }
    const wrongType = await p.core.dispatch('credentials:get', { id: 'proj-1' })
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('deletes a credential with its links but keeps the skills', async () => {
    const c = await p.core.call('credentials:create', sqlCourse)
    const proj = await p.core.call('projects:create', { title: 'Sales dashboard', credentialIds: [c.id] })
    await p.core.call('credentials:delete', { id: c.id })
    expect((await p.core.call('projects:get', { id: proj.id })).credentials).toEqual([])
    const skills = await p.core.call('skills:list', {})
    expect(skills.items.map((s) => [s.name, s.credentialCount])).toEqual([
      ['PostgreSQL', 0],
      ['SQL', 0],
    ])
  })

  it('lists with paging, kind filter and every sort order', async () => {
    const titles = ['Delta', 'alpha', 'Charlie', 'bravo']
    for (const [i, title] of titles.entries()) {
      await p.core.call('credentials:create', {
        title,
        kind: i % 2 ? 'badge' : 'platform',
        earnedOn: `2024-0${i + 1}-01`,
        hours: i === 2 ? null : i * 10,
      })
    }
    const byTitle = await p.core.call('credentials:list', { sort: 'title' })
    expect(byTitle.items.map((c) => c.title)).toEqual(['alpha', 'bravo', 'Charlie', 'Delta'])
    expect(byTitle.total).toBe(4)
    const earned = await p.core.call('credentials:list', { sort: 'earned', limit: 2 })
    expect(earned.items.map((c) => c.title)).toEqual(['bravo', 'Charlie'])
    expect(earned.total).toBe(4)
    const page2 = await p.core.call('credentials:list', { sort: 'earned', limit: 2, offset: 2 })
    expect(page2.items.map((c) => c.title)).toEqual(['alpha', 'Delta'])
    const hours = await p.core.call('credentials:list', { sort: 'hours' })
    expect(hours.items.map((c) => c.title)).toEqual(['bravo', 'alpha', 'Delta', 'Charlie']) // no hours last
    const badges = await p.core.call('credentials:list', { kind: 'badge' })
    expect(badges.items.map((c) => c.title).sort()).toEqual(['alpha', 'bravo'])
  })

  it('lists newest earned first by default, undated ones last in the order they were added', async () => {
    // A clock that moves a minute per call, so "added" differs between credentials.
    let tick = Date.parse('2026-11-01T09:00:00Z')
    const q = tempPortfolio({ now: () => new Date((tick += 60_000)) })
    try {
      const add = (title: string, earnedOn?: string) => q.core.call('credentials:create', { title, kind: 'badge', ...(earnedOn ? { earnedOn } : {}) })
      const oldUndated = await add('Undated, added first')
      await add('Earned 2021', '2021-06-01')
      await add('Earned 2025', '2025-02-10')
      await add('Undated, added last')
      await add('Earned 2023', '2023-09-30')
      // Editing an old credential moves it up "Recently added" but not the date order.
      await q.core.call('credentials:update', { id: oldUndated.id, patch: { notes: 'touched' } })
      const byDefault = await q.core.call('credentials:list', {})
      expect(byDefault.items.map((c) => c.title)).toEqual(['Earned 2025', 'Earned 2023', 'Earned 2021', 'Undated, added last', 'Undated, added first'])
      expect((await q.core.call('credentials:list', { sort: 'earned' })).items).toEqual(byDefault.items)
      expect((await q.core.call('credentials:list', { sort: 'recent' })).items[0]!.title).toBe('Undated, added first')
      expect(byDefault.items.every((c) => c.imageSha256 === null)).toBe(true)
    } finally {
      q.cleanup()
    }
  })

  it('finds credentials by words in title, issuer and linked skill names, as prefixes and without accents', async () => {
    await p.core.call('credentials:create', sqlCourse)
    await p.core.call('credentials:create', { title: 'Gestión de proyectos ágiles', kind: 'academic', issuerName: 'Universidad' })
    expect((await p.core.call('credentials:list', { text: 'postgre' })).items.map((c) => c.title)).toEqual([sqlCourse.title])
    expect((await p.core.call('credentials:list', { text: 'IBM data' })).total).toBe(1)
    expect((await p.core.call('credentials:list', { text: 'gestion agiles' })).total).toBe(1)
    expect((await p.core.call('credentials:list', { text: 'kubernetes' })).total).toBe(0)
    // FTS syntax typed by a person is just text, never an error
    expect((await p.core.dispatch('credentials:list', { text: '"SQL* OR (NEAR' })).ok).toBe(true)
  })
})
