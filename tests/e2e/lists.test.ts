/**
 * The lists say what they show: credentials newest earned first with the order named in words
 * (an old `sort=recent` link still works), chip rows that show whole chips and "+N" naming the
 * rest, badge thumbnails for imported badges, and the Roles overview with spend per credential
 * in its own currency (totals per currency, never added with "+") and area names, not slugs.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AREAS } from '../../electron/shared/catalog'
import { AREA_LABEL } from '../../electron/shared/areas'
import { CHROMIUM } from '../helpers/browser'
import { appSession } from './harness'

const BADGE_PNG = join(__dirname, '../fixtures/importers/ob2-itxt-json.png')
const MANY_SKILLS = ['Kubernetes administration', 'Terraform', 'Continuous integration', 'Observability', 'Incident response', 'Linux', 'Networking', 'Helm']
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const

/** Row titles of the open list, top to bottom. */
const rowTitles = (page: Page) => page.locator('[role="listbox"] .row-title').allInnerTexts()

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('lists, in Chromium'), () => {
  const { start } = appSession()

  it('orders credentials by date earned and says so, shows whole chips with "+N", and badge thumbnails', async () => {
    let badgeTitle = ''
    const r = await start({
      hash: '#/credentials',
      prepare: async ({ core }) => {
        const add = (title: string, earnedOn: string | null, skills: string[] = []) =>
          core.call('credentials:create', { title, kind: 'platform', earnedOn, skills: skills.map((name) => ({ name })) })
        // Added in an order unlike the dates, so "recently added" and "date earned" differ.
        await add('Earned in 2022', '2022-04-01')
        await add('Not dated yet', null)
        await add('Earned in 2025', '2025-01-20', ['SQL'])
        await add('Earned in 2024, many skills', '2024-06-15', MANY_SKILLS)
        const { batchId } = await core.call('import:start', { sources: [{ name: 'badge.png', base64: readFileSync(BADGE_PNG).toString('base64') }] })
        await core.idle()
        const id = (await core.call('import:status', { batchId })).items[0]!.credentialId!
        const badge = await core.call('credentials:get', { id })
        expect(badge.source?.imageSha256).toMatch(/^[0-9a-f]{64}$/)
        // Dated before everything typed, so it sits between the dated and the undated ones.
        await core.call('credentials:update', { id, patch: { earnedOn: '2020-02-02' } })
        badgeTitle = badge.title
      },
    })
    const { page } = r
    await page.locator('[role="listbox"] .row-title').first().waitFor()

    // Newest earned first, undated last; the order is named in words.
    expect(await rowTitles(page)).toEqual(['Earned in 2025', 'Earned in 2024, many skills', 'Earned in 2022', badgeTitle, 'Not dated yet'])
    const note = page.locator('[data-sort-note]')
    expect(await note.innerText()).toBe('Sorted by date earned, newest first')
    const sortSelect = page.getByLabel('Sort by')
    expect(await sortSelect.inputValue()).toBe('earned')
    expect(await sortSelect.locator('option').allInnerTexts()).toContain('Recently added or edited')

    // "+N": the chips shown are whole, and the rest are named on the "+N" chip.
    const manyRow = page.locator('[role="option"]', { hasText: 'Earned in 2024, many skills' })
    const more = manyRow.locator('[data-chip-more]')
    await more.waitFor()
    const shown = await manyRow.locator('.chip:not(.chip-more):visible').allInnerTexts()
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThan(MANY_SKILLS.length)
    const hidden = MANY_SKILLS.filter((s) => !shown.includes(s))
    expect(shown).toEqual(MANY_SKILLS.slice(0, shown.length))
    expect((await more.innerText()).trim()).toMatch(new RegExp(`^\\+${hidden.length}\\b`))
    expect(await more.getAttribute('title')).toBe(`Also: ${hidden.join(', ')}`)
    expect(await more.textContent()).toContain(hidden.join(', ')) // what a screen reader hears
    const clipped = await manyRow.locator('.chip-row').evaluate((row) => {
      const box = row.getBoundingClientRect()
      return [...row.querySelectorAll<HTMLElement>('.chip')]
        .filter((c) => !c.hidden)
        .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > box.right + 0.5)
        .map((c) => `${c.textContent} ${c.scrollWidth}/${c.clientWidth} ${c.getBoundingClientRect().right}/${box.right}`)
    })
    expect(clipped).toEqual([])

    // The imported badge shows its image, decorative; the others a neutral icon.
    const badgeRow = page.locator('[role="option"]', { hasText: badgeTitle })
    const img = badgeRow.locator('.row-thumb img')
    await img.waitFor()
    expect(await img.getAttribute('alt')).toBe('')
    expect(await img.getAttribute('src')).toMatch(/^data:image\//)
    expect(await manyRow.locator('.row-thumb').getAttribute('data-thumb')).toBe('icon')

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const size of SIZES) {
        await page.setViewportSize(size)
        await page.locator('.chip-row').first().waitFor()
        await page.screenshot({ path: `/tmp/sf/lists-credentials-${scheme}-${size.width}.png` })
      }
    }
    // At the narrower pane the chip row still shows only whole chips and names the rest.
    expect(await more.getAttribute('title')).toMatch(/^Also: /)

    // Another order is named too, and an old link with `sort=recent` still opens that order.
    await sortSelect.selectOption('recent')
    await r.waitForHash(/sort=recent/)
    expect(await note.innerText()).toBe('Sorted by when added or last edited, latest first')
    expect((await rowTitles(page))[0]).toBe(badgeTitle)
    await page.evaluate(() => {
      location.hash = '#/credentials?sort=title'
    })
    await r.waitForHash(/sort=title/)
    await page.evaluate(() => {
      location.hash = '#/credentials?sort=recent'
    })
    await r.waitForHash(/sort=recent/)
    expect(await sortSelect.inputValue()).toBe('recent')
    expect(await note.innerText()).toBe('Sorted by when added or last edited, latest first')
    await r.done()
  })

  it('shows the Roles overview with spend per credential in its own currency and area names', async () => {
    const r = await start({ hash: '#/roles', demo: true })
    const { page } = r
    const table = page.getByRole('table', { name: 'Time and money per credential' })
    await table.waitFor()
    const text = await page.locator('.detail').innerText()
    // No invented cross-currency sums: each currency's total on its own, joined by words.
    expect(text).not.toMatch(/[£$€][\d.,]+\s*\+\s*[£$€]/)
    const total = await table.locator('tfoot td').last().innerText()
    expect(total).toMatch(/^€[\d,.]+, £[\d,.]+ and \$[\d,.]+$/)
    // Each credential's cost in the currency it was paid in.
    const costs = await table.locator('tbody td:last-child').allInnerTexts()
    expect(costs.some((c) => c.startsWith('£'))).toBe(true)
    expect(costs.some((c) => c.startsWith('$'))).toBe(true)
    // Area names in words, in the overview and the role list.
    const slugs = AREAS.filter((a) => a.includes('-'))
    const areaNames = await page.locator('.depth-area-name').allInnerTexts()
    expect(areaNames.length).toBeGreaterThan(0)
    for (const name of areaNames) expect(Object.values(AREA_LABEL)).toContain(name)
    const listText = await page.locator('[role="listbox"]').innerText()
    for (const slug of slugs) {
      expect(text).not.toContain(slug)
      expect(listText).not.toContain(slug)
    }
    expect(await page.locator('[data-sort-note]').innerText()).toBe('Sorted by fit, best first')

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const size of SIZES) {
        await page.setViewportSize(size)
        await page.screenshot({ path: `/tmp/sf/lists-roles-${scheme}-${size.width}.png` })
        await table.locator('tfoot').scrollIntoViewIfNeeded()
        await page.screenshot({ path: `/tmp/sf/lists-roles-${scheme}-${size.width}-spend.png` })
        await page.locator('.detail-title').scrollIntoViewIfNeeded()
      }
    }
    await r.done()
  })

  it('orders projects by most recent work and says so', async () => {
    const r = await start({
      hash: '#/projects',
      prepare: async ({ core }) => {
        await core.call('projects:create', { title: 'Finished long ago', startedOn: '2019-01-01', endedOn: '2019-06-01' })
        await core.call('projects:create', { title: 'Still going', startedOn: '2023-03-01' })
        await core.call('projects:create', { title: 'Finished last year', startedOn: '2024-01-01', endedOn: '2025-05-01', skills: MANY_SKILLS.map((name) => ({ name })) })
      },
    })
    const { page } = r
    await page.locator('[role="listbox"] .row-title').first().waitFor()
    expect(await rowTitles(page)).toEqual(['Still going', 'Finished last year', 'Finished long ago'])
    expect(await page.locator('[data-sort-note]').innerText()).toBe('Sorted by date: ongoing first, then latest end date')
    expect(await page.locator('[role="option"]', { hasText: 'Finished last year' }).locator('[data-chip-more]').getAttribute('title')).toMatch(/^Also: .*Helm$/)
    await page.screenshot({ path: '/tmp/sf/lists-projects-light-1280.png' })
    await r.done()
  })
})
