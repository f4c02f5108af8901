/**
 * Expiry reminders in the window: a credential expiring in 10 days shows in a banner at the top
 * of every screen with its days left in words, as a link to it, with "Show all" (the list sorted
 * by expiry); Dismiss hides it for the session, so a reload keeps it hidden. Settings changes
 * how far ahead reminders look, and 0 turns them off. Screenshots, light and dark, go to
 * $SHOTS_DIR (default /tmp/shots).
 */
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark as shoot } from '../helpers/browser'
import type { TempPortfolio } from '../helpers/temp-portfolio'
import { appSession, tabTo } from './harness'



/** YYYY-MM-DD `days` from today (UTC, as the core counts). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/** One credential expiring in 10 days, one in a year, one planned that "expires" sooner. */
async function expiringSoon(p: TempPortfolio): Promise<void> {
  await p.core.call('credentials:create', { title: 'AWS Certified Solutions Architect', kind: 'certification', issuerName: 'Amazon Web Services', earnedOn: '2024-01-10', expiresOn: inDays(10) })
  await p.core.call('credentials:create', { title: 'Kubernetes Administrator', kind: 'certification', earnedOn: '2025-02-01', expiresOn: inDays(365) })
  await p.core.call('credentials:create', { title: 'Planned course', kind: 'platform', status: 'planned', expiresOn: inDays(3) })
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('expiry banner, end to end'), () => {
  const session = appSession()

  it('shows expiring credentials on start as links, opens one, shows all, and stays dismissed for the session', async () => {
    const running = await session.start({ hash: '#/projects', prepare: expiringSoon })
    const { page } = running
    const banner = page.getByRole('status').filter({ hasText: 'expires' })
    await banner.waitFor()
    expect(await banner.innerText()).toMatch(/A credential expires within 60 days\s+AWS Certified Solutions Architect expires in 10 days \(/)
    expect(await banner.innerText()).not.toMatch(/Kubernetes|Planned course/)
    await shoot(page, 'expiry-banner-projects')

    // Reachable by keyboard: the link opens the credential.
    await tabTo(page, /^AWS Certified Solutions Architect$/)
    await page.keyboard.press('Enter')
    await running.waitForHash(/^#\/credentials\/cred-1$/)
    await page.locator('.detail-pane').getByRole('heading', { name: 'AWS Certified Solutions Architect' }).waitFor()
    await shoot(page, 'expiry-banner-credential')

    await banner.getByRole('link', { name: 'Show all' }).click()
    await running.waitForHash(/^#\/credentials\?sort=expires$/)

    await banner.getByRole('button', { name: /^Dismiss/ }).click()
    await banner.waitFor({ state: 'detached' })
    // A reload within the session (the same run of the app) keeps it hidden.
    await running.reload()
    await page.locator('.list-pane, .screen').first().waitFor()
    expect(await page.locator('.expiry-banner').count()).toBe(0)
    await running.done()
  })

  it('follows the setting in Settings: fewer days hide it, 0 turns reminders off, bad input is refused in words', async () => {
    const running = await session.start({ hash: '#/settings', prepare: expiringSoon })
    const { page, portfolio } = running
    const banner = page.locator('.expiry-banner')
    await banner.waitFor()
    const days = page.getByRole('textbox', { name: 'Remind me of credentials that expire within this many days' })
    expect(await days.inputValue()).toBe('60')
    await shoot(page, 'expiry-setting')

    await days.fill('two weeks')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Enter a whole number of days from 0 to 365.').waitFor()
    expect(await days.getAttribute('aria-invalid')).toBe('true')

    await days.fill('5')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('You will be reminded 5 days before a credential expires').waitFor()
    await banner.waitFor({ state: 'detached' })
    expect((await portfolio.core.call('settings:get', {})).expiryReminderDays).toBe(5)

    await days.fill('30')
    await days.press('Enter')
    await banner.waitFor()

    await days.fill('0')
    await days.press('Enter')
    await page.getByText('Expiry reminders are off').waitFor()
    await banner.waitFor({ state: 'detached' })
    expect((await portfolio.core.call('settings:get', {})).expiryReminderDays).toBe(0)
    await running.done()
  })
})
