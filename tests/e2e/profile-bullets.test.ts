/**
 * A work entry's "What you did" as bullets, end to end: on a fresh portfolio three bullets are
 * typed into the Profile form by keyboard (Enter starts the next, Backspace on an empty one
 * removes it), one is moved up with its button, and the entry is added; after a reload the
 * entry lists the bullets in that order, its form shows them, and the resume prints them in
 * that order. A description written as prose is offered as one bullet per sentence.
 * Same harness and skip rules as portfolio.test.ts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { squash } from '../core/pdf/extract'
import { appSession, focusedLabel } from './harness'

const ENTRY = 'Data analyst at Brightwave Retail'
const FIRST = 'Built the weekly sales dashboard in Tableau'
// Two sentences, typed as one bullet: it stays one bullet.
const SECOND = 'Cut the monthly report from 3 days to 4 hours. Saved the team 20 hours a month'
const THIRD = 'Trained 12 store managers to query sales with SQL'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('experience bullets, end to end'), () => {
  const session = appSession()
  const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text)
  const inputs = (page: Page) => page.getByRole('dialog').getByRole('textbox', { name: /^Bullet \d+$/ })

  it('writes a job as bullets by keyboard, reorders them, and the resume prints them in order', async () => {
    const r = await session.start({ hash: '#/profile' })
    const { page, portfolio } = r

    await page.getByRole('button', { name: 'Add experience' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add experience' })
    await dialog.getByLabel('Job title').fill('Data analyst')
    await dialog.getByLabel('Organisation').fill('Brightwave Retail')
    await dialog.getByLabel('Started').fill('2022-04-01')

    // One empty bullet to start with; Enter starts the next, and does not submit the form.
    expect(await inputs(page).count()).toBe(1)
    await dialog.getByRole('textbox', { name: 'Bullet 1' }).focus()
    await page.keyboard.type(FIRST)
    await page.keyboard.press('Enter')
    await page.keyboard.type(SECOND)
    await page.keyboard.press('Enter')
    await page.keyboard.type(THIRD)
    await page.keyboard.press('Enter')
    expect(await inputs(page).count()).toBe(4)
    expect(await focusedLabel(page)).toBe('Bullet 4')
    // Backspace in the empty fourth bullet removes it and goes back to the end of the third.
    await page.keyboard.press('Backspace')
    expect(await inputs(page).count()).toBe(3)
    expect(await focusedLabel(page)).toBe('Bullet 3')
    expect(await page.evaluate('document.activeElement.selectionStart')).toBe(THIRD.length)
    expect(await dialog.isVisible()).toBe(true)

    // Move the third bullet up with its button, by keyboard: the focus follows it.
    await page.keyboard.press('Tab') // its "Move up" button
    expect(await focusedLabel(page)).toBe('Move bullet 3 up')
    await page.keyboard.press('Enter')
    await waitForValues(page, [FIRST, THIRD, SECOND])
    expect(await focusedLabel(page)).toBe('Move bullet 2 up')
    // At the top, "Move up" says it cannot and does nothing.
    const topUp = dialog.getByRole('button', { name: 'Move bullet 1 up' })
    expect(await topUp.getAttribute('aria-disabled')).toBe('true')
    await topUp.focus()
    await page.keyboard.press('Enter')
    await waitForValues(page, [FIRST, THIRD, SECOND])

    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await toast(page, 'Added experience').waitFor()
    const [saved] = await portfolio.core.call('experience:list', {})
    expect(saved!.description).toBe([FIRST, THIRD, SECOND].map((b) => `- ${b}`).join('\n'))

    // After a restart the entry lists them in order, and its form shows them as bullets.
    await r.reload()
    const entry = page.getByRole('listitem', { name: ENTRY, exact: true })
    await entry.waitFor()
    expect(await entry.locator('.history-bullets li').allTextContents()).toEqual([FIRST, THIRD, SECOND])
    await page.getByRole('button', { name: `Edit ${ENTRY}` }).click()
    await page.getByRole('dialog', { name: 'Edit experience' }).waitFor()
    expect(await inputs(page).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual([FIRST, THIRD, SECOND])
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })

    // The resume prints them, in that order.
    await page.getByRole('link', { name: 'Resume' }).click()
    await page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })
    await page.getByRole('radio', { name: 'ATS text' }).check()
    await page.locator('[data-ats-text]').first().waitFor()
    const text = squash((await page.locator('[data-ats-text]').allTextContents()).join('\n'))
    const at = [FIRST, THIRD, 'Cut the monthly report from 3 days to 4 hours.'].map((b) => text.indexOf(b))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    await r.done()
  })

  it('offers a description written as prose as one bullet per sentence', async () => {
    const r = await session.start({
      hash: '#/profile',
      prepare: async (portfolio) => {
        await portfolio.core.call('experience:create', {
          title: 'Data analyst',
          organization: 'Brightwave Retail',
          description: 'Built the weekly sales dashboard. Trained store managers on SQL, e.g. joins and window functions.',
        })
      },
    })
    const { page } = r
    const entry = page.getByRole('listitem', { name: ENTRY, exact: true })
    await entry.waitFor()
    const sentences = ['Built the weekly sales dashboard.', 'Trained store managers on SQL, e.g. joins and window functions.']
    expect(await entry.locator('.history-bullets li').allTextContents()).toEqual(sentences)
    await page.getByRole('button', { name: `Edit ${ENTRY}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit experience' })
    await dialog.getByRole('note').filter({ hasText: 'one bullet per sentence' }).waitFor()
    await waitForValues(page, sentences)
    await r.done()
  })
})

async function waitForValues(page: Page, expected: string[]): Promise<void> {
  const read = () => page.getByRole('dialog').getByRole('textbox', { name: /^Bullet \d+$/ }).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))
  const deadline = Date.now() + 5000
  let last = await read()
  while (JSON.stringify(last) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) throw new Error(`The bullets are ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`)
    await page.waitForTimeout(30)
    last = await read()
  }
}
