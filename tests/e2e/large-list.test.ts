/**
 * A long list stays a list: with 5,000 credentials the page holds only the rows in view (plus
 * a few), the keyboard still reaches every row (End, Home, PageDown), each option says its
 * place in the whole list, search finds a row far down, a click opens it, and the open row is
 * shown again after a reload.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark } from '../helpers/browser'
import { fillCredentials } from '../bench/fake-portfolio'
import type { TempPortfolio } from '../helpers/temp-portfolio'
import { appSession } from './harness'

const COUNT = 5_000

/** The credential at `index` in the list's default order, as the core has it. */
async function credentialAt(portfolio: TempPortfolio, index: number): Promise<{ id: string; title: string }> {
  const { items, total } = await portfolio.core.call('credentials:list', { limit: 1, offset: index })
  expect(total).toBe(COUNT)
  return items[0]!
}

/** The highlighted option (aria-activedescendant). */
async function activeOption(page: Page): Promise<Locator> {
  const list = page.getByRole('listbox', { name: 'Credentials' })
  const id = await list.getAttribute('aria-activedescendant')
  expect(id).toBeTruthy()
  const option = page.locator(`[id="${id}"]`)
  expect(await option.count()).toBe(1) // it always names an option in the page
  return option
}

/** Whether the element is inside the visible part of the list pane's scroller. */
function inView(option: Locator): Promise<boolean> {
  return option.evaluate((el) => {
    const scroller = el.closest('.list-scroll')!.getBoundingClientRect()
    const row = el.getBoundingClientRect()
    return row.height > 0 && row.top >= scroller.top - 1 && row.bottom <= scroller.bottom + 1
  })
}

const optionCount = (page: Page) => page.locator('[role="option"]').count()

/** Serious or critical axe violations inside the list (WCAG 2.1 A/AA, as a11y.test.ts checks every screen). */
async function listAxeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[role="listbox"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('a list of 5,000 credentials, in Chromium'), () => {
  const { start } = appSession()

  it('renders a window of rows, reaches every row by keyboard, finds, opens and keeps the open row', async () => {
    let portfolio: TempPortfolio | undefined
    const r = await start({
      hash: '#/credentials',
      viewport: { width: 1280, height: 800 },
      prepare: (p) => {
        fillCredentials(p.core, 0, COUNT)
        portfolio = p
      },
    })
    const { page } = r
    const first = await credentialAt(portfolio!, 0)
    const last = await credentialAt(portfolio!, COUNT - 1)
    const list = page.getByRole('listbox', { name: 'Credentials' })
    await list.locator('.row-title').first().waitFor()

    // The count says the whole list; the page holds a screenful of rows, each knowing its place.
    expect(await page.locator('.pane-count').innerText()).toBe(COUNT.toLocaleString('en-US')) // "5,000"
    expect(await optionCount(page)).toBeLessThan(150)
    expect(await optionCount(page)).toBeGreaterThan(5)
    const top = list.locator('[role="option"]').first()
    expect(await top.getAttribute('aria-setsize')).toBe(String(COUNT))
    expect(await top.getAttribute('aria-posinset')).toBe('1')
    expect(await top.locator('.row-title').innerText()).toBe(first.title)
    expect(await listAxeProblems(page)).toEqual([])

    // End: the last credential, loaded on demand, shown and highlighted.
    await list.focus()
    await page.keyboard.press('End')
    const lastRow = list.locator(`[data-id="${last.id}"]`)
    await lastRow.waitFor()
    expect(await lastRow.locator('.row-title').innerText()).toBe(last.title)
    expect(await lastRow.getAttribute('aria-posinset')).toBe(String(COUNT))
    expect(await (await activeOption(page)).getAttribute('data-id')).toBe(last.id)
    expect(await inView(lastRow)).toBe(true)
    expect(await optionCount(page)).toBeLessThan(150)
    await shootLightAndDark(page, 'large-list-end')

    // Home: back to the first.
    await page.keyboard.press('Home')
    const firstRow = list.locator(`[data-id="${first.id}"]`)
    await firstRow.waitFor()
    expect(await (await activeOption(page)).getAttribute('aria-posinset')).toBe('1')
    expect(await inView(firstRow)).toBe(true)

    // PageDown: a screenful further, still in view.
    await page.keyboard.press('PageDown')
    const paged = await activeOption(page)
    const place = Number(await paged.getAttribute('aria-posinset'))
    expect(place).toBeGreaterThan(2)
    expect(place).toBeLessThan(40)
    expect(await inView(paged)).toBe(true)
    await page.keyboard.press('PageUp')
    expect(await (await activeOption(page)).getAttribute('aria-posinset')).toBe('1')

    // Search finds a credential near the end of the list.
    const far = await credentialAt(portfolio!, COUNT - 2)
    await page.getByLabel('Search credentials').fill(far.title)
    const found = list.locator(`[data-id="${far.id}"]`)
    await found.waitFor()
    expect(await found.locator('.row-title').innerText()).toBe(far.title)
    await page.getByLabel('Search credentials').fill('')
    await list.locator(`[data-id="${first.id}"]`).waitFor()

    // A click opens the row; after End, that is the last one.
    await list.focus()
    await page.keyboard.press('End')
    await lastRow.waitFor()
    await lastRow.click()
    await r.waitForHash(new RegExp(last.id))
    await page.locator('.detail-pane [data-detail-title]', { hasText: last.title }).waitFor()

    // After a reload the open row is in the page, selected and in view, without loading every page before it.
    await r.reload()
    const reopened = page.locator(`[role="option"][data-id="${last.id}"]`)
    await reopened.waitFor()
    expect(await reopened.getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => inView(reopened)).toBe(true)
    expect(await optionCount(page)).toBeLessThan(150)

    await r.done()
  })
})
