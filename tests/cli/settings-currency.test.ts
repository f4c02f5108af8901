/**
 * `skillfolio settings currency CODE`: the currency plans show prices in, one the shipped exchange
 * rates know (as in Settings → Prices in the app); shown by `skillfolio settings`, and used by a
 * plan made afterwards.
 */
import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import rates from '../../resources/credentials/rates.json'
import { tempPortfolio, type TempPortfolio } from './harness'

let t: TempPortfolio
beforeEach(() => {
  t = tempPortfolio()
})
afterEach(() => t.cleanup())

describe('skillfolio settings currency', () => {
  it('sets the currency by code (any case), shows it with its name, and a new plan prices in it', async () => {
    await t.run('settings', 'online', 'off') // makes the portfolio
    expect((await t.run('settings')).stdout).toContain('Currency          USD — US dollar (the default)\n')
    const set = await t.run('settings', 'currency', 'gbp')
    expect(set.code).toBe(0)
    expect(set.stdout).toBe('Plans show prices in GBP — British pound.\n')
    expect((await t.run('settings')).stdout).toContain('Currency          GBP — British pound (plans show prices in it)\n')
    expect((await t.run('--json', 'settings')).json()).toEqual({ onlineChecks: false, expiryReminderDays: 60, currency: 'GBP' })
    expect((await t.run('--json', 'settings', 'currency', 'EUR')).json()).toMatchObject({ currency: 'EUR' })
    const plan = await t.run('--json', 'plan', '--role', 'catalog:data-scientist', '--hours-per-week', '10')
    expect(plan.code).toBe(0)
    expect(plan.json<{ totals: { cost: { currency: string } } }>().totals.cost.currency).toBe('EUR')
  })

  it('refuses a code without exchange rates, a missing or extra argument, before opening the portfolio', async () => {
    for (const [argv, says] of [
      [['settings', 'currency', 'XYZ'], /"?XYZ"? is not a currency Skillfolio has exchange rates for; one of AED, AUD/],
      [['settings', 'currency', 'pounds'], /is not a currency Skillfolio has exchange rates for/],
      [['settings', 'currency'], /settings currency needs one currency code, e\.g\. skillfolio settings currency GBP/],
      [['settings', 'currency', 'GBP', 'EUR'], /needs one currency code.*unexpected/],
    ] as const) {
      const run = await t.run(...argv)
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.stderr).toMatch(says)
    }
    expect(existsSync(t.db)).toBe(false)
  })

  it('names every currency the rates know in its help', async () => {
    const help = await t.run('help', 'settings')
    expect(help.stdout).toContain('settings currency CODE')
    for (const code of Object.keys(rates.perUsd)) expect(help.stdout).toContain(code)
  })
})
