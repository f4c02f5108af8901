import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { daysLeftWords, expirySentence, expirySummary } from '../../electron/shared/reminders'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

// The temp portfolio's clock says 2026-11-28.
let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const add = async (title: string, expiresOn: string | null, extra: Partial<Input<'credentials:create'>> = {}) =>
  (await p.core.call('credentials:create', { title, kind: 'certification', earnedOn: '2024-01-10', expiresOn, ...extra })).id
const expiring = () => p.core.call('reminders:expiring', {})

describe('expiry reminders', () => {
  it('lists earned credentials expiring from today to 60 days ahead, soonest first, with days left and issuer', async () => {
    const later = await add('Kubernetes Administrator', '2027-01-27', { issuerName: 'The Linux Foundation' }) // day 60
    const soon = await add('AWS Certified Solutions Architect', '2026-12-10', { provider: 'Amazon Web Services' })
    const today = await add('Scrum Master', '2026-11-28')
    await add('Too far', '2027-01-28') // day 61
    await add('Already expired', '2026-11-27')
    await add('Never expires', null)
    await add('Planned one', '2026-12-01', { status: 'planned', earnedOn: null })
    await add('Marked expired', '2026-12-01', { status: 'expired' })

    const answer = await expiring()
    expect(answer.days).toBe(60)
    expect(answer.items).toEqual([
      { id: today, title: 'Scrum Master', issuer: null, expiresOn: '2026-11-28', daysLeft: 0 },
      { id: soon, title: 'AWS Certified Solutions Architect', issuer: 'Amazon Web Services', expiresOn: '2026-12-10', daysLeft: 12 },
      { id: later, title: 'Kubernetes Administrator', issuer: 'The Linux Foundation', expiresOn: '2027-01-27', daysLeft: 60 },
    ])
    expect(answer.unnoticed).toEqual([today, soon, later])
  })

  it('follows the setting; 0 turns reminders off', async () => {
    await add('AWS Certified Solutions Architect', '2026-12-10')
    await add('Scrum Master', '2026-11-30')
    expect((await p.core.call('settings:get', {})).expiryReminderDays).toBe(60)
    await p.core.call('settings:update', { expiryReminderDays: 5 })
    expect((await expiring()).items.map((i) => i.title)).toEqual(['Scrum Master'])
    await p.core.call('settings:update', { expiryReminderDays: 0 })
    expect(await expiring()).toEqual({ days: 0, items: [], unnoticed: [] })
    p.reopen()
    expect((await p.core.call('settings:get', {})).expiryReminderDays).toBe(0)
    for (const bad of [-1, 366, 2.5, '30'])
      expect(await p.core.dispatch('settings:update', { expiryReminderDays: bad })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('notices each credential once per expiry date: a renewed credential is reminded of again', async () => {
    const aws = await add('AWS Certified Solutions Architect', '2026-12-10')
    const scrum = await add('Scrum Master', '2026-12-20')
    expect((await expiring()).unnoticed).toEqual([aws, scrum])
    expect(await p.core.call('reminders:noticed', { ids: [aws] })).toEqual({ noticed: 1 })
    expect((await expiring()).unnoticed).toEqual([scrum])
    // Remembered across starts.
    p.reopen()
    expect((await expiring()).unnoticed).toEqual([scrum])
    // Renewed, but still inside the window with a new date: noticed again.
    await p.core.call('credentials:update', { id: aws, patch: { expiresOn: '2027-01-05' } })
    const renewed = await expiring()
    expect(renewed.items.map((i) => i.id)).toEqual([scrum, aws])
    expect(renewed.unnoticed).toEqual([scrum, aws])
    // The banner still lists noticed ones.
    await p.core.call('reminders:noticed', { ids: [aws, scrum] })
    expect(await expiring()).toMatchObject({ items: [{ id: scrum }, { id: aws }], unnoticed: [] })
  })

  it('refuses ids that are not credential ids, and skips deleted ones', async () => {
    const gone = await add('Deleted later', '2026-12-10')
    await p.core.call('credentials:delete', { id: gone })
    expect(await p.core.call('reminders:noticed', { ids: [gone] })).toEqual({ noticed: 0 })
    expect(await p.core.dispatch('reminders:noticed', { ids: ['proj-1'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await p.core.dispatch('reminders:noticed', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('treats a damaged record of notices as none shown', async () => {
    const aws = await add('AWS Certified Solutions Architect', '2026-12-10')
    p.core.db.prepare(`INSERT INTO setting (key, value) VALUES ('expiryNoticed', '[1,2]')`).run()
    expect((await expiring()).unnoticed).toEqual([aws])
    expect((await p.core.call('settings:get', {})).expiryReminderDays).toBe(60)
  })
})

describe('reminder words', () => {
  it('says days left, the sentence and the summary in plain words', () => {
    expect([0, 1, 2, 12].map(daysLeftWords)).toEqual(['today', 'tomorrow', 'in 2 days', 'in 12 days'])
    expect(expirySentence({ title: 'AWS Certified Solutions Architect', expiresOn: '2027-03-14', daysLeft: 12 })).toBe(
      'AWS Certified Solutions Architect expires in 12 days (14 March 2027)',
    )
    expect(expirySummary(5, 60)).toBe('5 credentials expire within 60 days')
  })
})
