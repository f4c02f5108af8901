/**
 * A learning plan of real programs, end to end: steps from the credential catalog with their
 * provider, page and price in the user's currency (the provider's alongside, as an estimate),
 * and a step swapped for another program by keyboard. Same harness and skip rules as
 * portfolio.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { appSession } from './harness'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('plans that name real credentials'), () => {
  const session = appSession()

  it('shows catalog programs with converted prices and swaps a step by keyboard', async () => {
    CHROMIUM.check()
    const r = await session.start({ hash: '#/roles', demo: true })
    const { page, portfolio } = r
    await portfolio.core.call('settings:update', { currency: 'GBP' })
    const ref = 'catalog:data-scientist'
    const plan = await portfolio.core.call('plans:create', { ref, constraints: { hoursPerWeek: 10, budget: { amountMinor: 30_000, currency: 'GBP' } } })
    const paid = plan.steps.findIndex((s) => s.offer && s.cost.amountMinor > 0)
    expect(paid).toBeGreaterThanOrEqual(0)
    await page.evaluate(`location.hash = ${JSON.stringify(`#/roles/${encodeURIComponent(ref)}?plan=${plan.id}`)}`)
    const steps = page.locator('.detail-pane').getByRole('list', { name: 'Plan steps' }).getByRole('listitem')
    await steps.first().waitFor()
    expect(await steps.count()).toBe(plan.steps.length)

    // A real program: its title, provider, page, and the price in pounds with the dollar price alongside.
    const step = steps.nth(paid)
    await step.locator('.plan-step-title', { hasText: plan.steps[paid]!.title }).waitFor()
    expect(await step.getByRole('link', { name: 'Program page' }).getAttribute('href')).toBe(plan.steps[paid]!.offer!.url)
    expect(await step.locator('[data-step-price]').textContent()).toMatch(/^≈ £\d+ \(US\$\d+\) estimate$/)
    expect(await page.locator('[data-plan-prices]').textContent()).toMatch(/estimates .* as of November 2026, shown in GBP/)
    // Self-study is never a certificate, and a free plan total never reads "Free spent".
    const selfStudy = plan.steps.findIndex((s) => s.kind === 'self-study')
    if (selfStudy >= 0) expect(await steps.nth(selfStudy).getByText('Certificate', { exact: true }).count()).toBe(0)
    expect(await page.locator('[data-plan-to-date]').textContent()).toContain('nothing spent')
    await step.scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/sf/plan-catalog-light.png' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: '/tmp/sf/plan-catalog-dark.png' })
    await page.emulateMedia({ colorScheme: 'light' })
    // At 1024 × 700 long program titles wrap inside the plan: nothing sticks out of it.
    await page.setViewportSize({ width: 1024, height: 700 })
    await step.scrollIntoViewIfNeeded()
    expect(await page.locator('.plan').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await page.screenshot({ path: '/tmp/sf/plan-catalog-1024.png' })

    // Swap the first step that has alternatives, by keyboard.
    const swappable = plan.steps.findIndex((s) => s.alternatives.some((a) => a.offer))
    expect(swappable).toBeGreaterThanOrEqual(0)
    const target = plan.steps[swappable]!
    const button = steps.nth(swappable).getByRole('button', { name: `Swap step ${target.position}, ${target.title}` })
    await button.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Swap step' })
    await dialog.waitFor()
    const radios = dialog.getByRole('radio')
    expect(await radios.count()).toBe(target.alternatives.filter((a) => a.offer || a.credentialId).length)
    await page.screenshot({ path: '/tmp/sf/plan-swap-light.png' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: '/tmp/sf/plan-swap-dark.png' })
    await page.emulateMedia({ colorScheme: 'light' })
    await radios.first().focus()
    const choices = target.alternatives.filter((a) => a.offer || a.credentialId)
    const expected = choices.length > 1 ? choices[1]! : choices[0]!
    if (choices.length > 1) await page.keyboard.press('ArrowDown')
    expect(await radios.nth(choices.length > 1 ? 1 : 0).isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Swap step' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await steps.nth(swappable).locator('.plan-step-title', { hasText: expected.title! }).waitFor()
    const after = await portfolio.core.call('plans:get', { id: plan.id })
    expect(after.steps.find((s) => s.id === target.id)).toMatchObject({ title: expected.title, offer: { id: expected.offer!.id } })
    await r.done()
  })
})
