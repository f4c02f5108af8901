/**
 * The currency setting, end to end: chosen in Settings among the currencies the shipped rates
 * know (with their names), confirmed, kept across a reload, and used by a plan made afterwards:
 * prices in £ with the provider's price alongside.
 */
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark } from '../helpers/browser'
import rates from '../../resources/credentials/rates.json'
import { appSession } from './harness'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('currency in Settings'), () => {
  const { start } = appSession()

  it('sets GBP in Settings, keeps it after a reload, and a new plan shows prices in £ with the original alongside', async () => {
    const r = await start({ hash: '#/settings', demo: true })
    const { page, portfolio } = r
    const core = portfolio.core
    const field = page.getByLabel('Currency', { exact: true })
    await field.waitFor()

    // Every currency the rates know, by code and name; US dollars until one is chosen.
    const options = await field.locator('option').evaluateAll((els) => els.map((el) => [(el as HTMLOptionElement).value, el.textContent]))
    expect(options.map(([code]) => code)).toEqual(Object.keys(rates.perUsd).sort())
    expect(options).toContainEqual(['GBP', 'GBP — British pound'])
    expect(options).toContainEqual(['EUR', 'EUR — euro'])
    expect(await field.inputValue()).toBe('USD')
    expect((await core.call('settings:get', {})).currency).toBeUndefined()

    await field.selectOption('GBP')
    await page.getByText('Plans show prices in GBP — British pound').waitFor()
    expect((await core.call('settings:get', {})).currency).toBe('GBP')
    await field.scrollIntoViewIfNeeded()
    await shootLightAndDark(page, 'settings-currency')

    await page.reload()
    await field.waitFor()
    await expect.poll(() => field.inputValue()).toBe('GBP')

    // A plan made now: its dialog starts in GBP, and its prices are in £ with US$ alongside.
    const ref = 'catalog:data-scientist'
    await page.evaluate((hash) => void (location.hash = hash), `#/roles/${encodeURIComponent(ref)}`)
    await page.getByRole('button', { name: 'Make a plan' }).click()
    const dialog = page.getByRole('dialog', { name: 'Make a plan' })
    expect(await dialog.getByLabel('Currency', { exact: true }).inputValue()).toBe('GBP')
    await dialog.getByRole('button', { name: 'Make plan' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const prices = page.locator('[data-step-price]')
    await prices.first().waitFor()
    const texts = await prices.allTextContents()
    expect(texts.some((t) => /^≈ £\d+ \(US\$\d+\) estimate$/.test(t))).toBe(true)
    expect(await page.locator('[data-plan-prices]').textContent()).toMatch(/shown in GBP/)

    await r.done()
  })
})
