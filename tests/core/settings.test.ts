import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('settings', () => {
  it('keeps online checks off until the user turns them on, and remembers the choice', async () => {
    expect(await p.core.call('settings:get', {})).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
    expect(await p.core.call('settings:update', { onlineChecks: true })).toEqual({ onlineChecks: true, expiryReminderDays: 60 })
    p.reopen()
    expect(await p.core.call('settings:get', {})).toEqual({ onlineChecks: true, expiryReminderDays: 60 })
    expect(await p.core.dispatch('settings:update', { onlineChecks: 'yes' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('falls back to safe defaults when a stored value is damaged', async () => {
    p.core.db.prepare(`INSERT INTO setting (key, value) VALUES ('onlineChecks', '"maybe"')`).run()
    expect(await p.core.call('settings:get', {})).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
  })
})
