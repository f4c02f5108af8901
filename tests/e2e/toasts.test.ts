/**
 * Toasts, end to end: they sit where they cover no control of the window at 1024×700 and
 * 1440×900 (checked against every visible button, link and field, "Save profile" by name),
 * they are read out by the status region, their close button and Escape remove them (Escape
 * gives the focus back), and a confirmation goes by itself after 4 s.
 * Same harness and skip rules as portfolio.test.ts.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark } from '../helpers/browser'
import { appSession, focusedLabel } from './harness'

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox()
  if (!b) throw new Error('The element has no box (not visible)')
  return b
}

/** The visible controls outside the toasts whose boxes the given box overlaps, by label. */
async function controlsUnder(page: Page, area: Box): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const area = ${JSON.stringify(area)}
    const hits = []
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
      if (el.closest('.toasts')) continue
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue
      if (r.x < area.x + area.width && area.x < r.x + r.width && r.y < area.y + area.height && area.y < r.y + r.height)
        hits.push(el.getAttribute('aria-label') || (el.textContent || '').trim() || el.tagName)
    }
    return hits
  })()`)) as string[]
}

async function saveProfile(page: Page, name: string): Promise<Locator> {
  await page.getByLabel('Full name').fill(name)
  await page.getByRole('button', { name: 'Save profile' }).click()
  const toast = page.getByRole('status').locator('.toast', { hasText: 'Profile saved' }).last()
  await toast.waitFor()
  return toast
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('toasts, in Chromium'), () => {
  const session = appSession()

  for (const viewport of [
    { width: 1024, height: 700 },
    { width: 1440, height: 900 },
  ]) {
    const size = `${viewport.width}×${viewport.height}`
    it(`at ${size}: covers no control, closes by its button and by Escape, and goes by itself`, async () => {
      const r = await session.start({ hash: '#/profile', demo: true, viewport })
      const { page } = r

      // Saved: the toast covers neither "Save profile" nor any other control in the window.
      let toast = await saveProfile(page, 'Łucja Dmitrieva')
      const saveButton = page.getByRole('button', { name: 'Save profile' })
      expect(overlaps(await box(toast), await box(saveButton))).toBe(false)
      expect(await controlsUnder(page, await box(toast))).toEqual([])

      // Two at once (the most shown) still cover nothing. The pointer on the first and the focus on
      // the second hold them (neither goes while in use) for the checks and the pictures.
      await toast.hover()
      await page.getByLabel('Full name').fill('Lucja Dmitrieva')
      await page.getByLabel('Full name').press('Enter')
      const shown = page.locator('.toasts .toast')
      await expect.poll(() => shown.count()).toBe(2)
      const [older, newer] = [shown.nth(0), shown.nth(1)]
      await newer.getByRole('button', { name: 'Dismiss' }).focus()
      for (const t of [older, newer]) {
        expect(await controlsUnder(page, await box(t))).toEqual([])
        expect(overlaps(await box(t), await box(saveButton))).toBe(false)
      }
      await shootLightAndDark(page, `toasts-${viewport.width}x${viewport.height}`)

      // The close button removes one.
      await newer.getByRole('button', { name: 'Dismiss' }).click()
      await expect.poll(() => shown.count()).toBe(1)
      await shown.first().getByRole('button', { name: 'Dismiss' }).click()
      await expect.poll(() => shown.count()).toBe(0)
      await page.mouse.move(viewport.width / 2, viewport.height / 2)

      // Escape on a focused toast removes it and gives the focus back.
      toast = await saveProfile(page, 'Łucja D.')
      await page.getByLabel('Full name').focus()
      await toast.getByRole('button', { name: 'Dismiss' }).focus()
      await page.keyboard.press('Escape')
      await toast.waitFor({ state: 'detached' })
      expect(await focusedLabel(page)).toBe('Full name')

      // Left alone, a confirmation goes by itself after 4 s.
      toast = await saveProfile(page, 'Łucja Dmitrieva')
      await toast.waitFor({ state: 'detached', timeout: 6_000 })
      await r.done()
    })
  }
})
