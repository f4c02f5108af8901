/**
 * Accessibility (issue 13): every state of tests/e2e/screens.ts, light and dark, has no serious
 * or critical axe-core violation of WCAG 2.1 A/AA and exactly one visible h1; focus goes back to
 * the control that opened a dialog, whether it was closed with Cancel or Escape; and the
 * system's reduced-motion setting stops every animation and transition, which run otherwise.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { appSession } from './harness'
import { SCREEN_STATES, showState } from './screens'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = new Set(['serious', 'critical'])
const THEMES = ['light', 'dark'] as const

/** How many elements of one violation are named: enough to find the cause, few enough to read. */
const TARGETS_SHOWN = 4

/** The serious and critical violations on the page: one line per rule and element, with why it fails. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.slice(0, TARGETS_SHOWN).map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').trim()}`),
    )
}

/** Adds `problem` seen in `state` to `seen`, so one cause found on many screens is reported once with their names. */
function note(seen: Map<string, string[]>, problem: string, state: string): void {
  seen.set(problem, [...(seen.get(problem) ?? []), state])
}

/** Texts of the visible h1 elements. */
const visibleH1s = (page: Page) => page.locator('h1:visible').allInnerTexts()

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('accessibility, in Chromium'), () => {
  const { start } = appSession()

  for (const theme of THEMES) {
    it(`has no serious or critical axe violation and one h1 on every screen, ${theme}`, async () => {
      const r = await start({ hash: '#/credentials', demo: true, colorScheme: theme })
      const failures = new Map<string, string[]>()
      for (const state of SCREEN_STATES) {
        await showState(r.page, state)
        const h1s = await visibleH1s(r.page)
        if (h1s.length !== 1) note(failures, `${h1s.length} visible h1 (${h1s.map((t) => `"${t}"`).join(', ') || 'none'}), expected exactly one`, state.name)
        for (const problem of await axeProblems(r.page)) note(failures, problem, state.name)
      }
      const report = [...failures].map(([problem, states]) => `- ${problem}\n    on: ${states.join(', ')}`)
      expect(report.length, `${theme} theme, ${report.length} problems:\n${report.join('\n')}`).toBe(0)
      await r.done()
    }, 180_000)
  }

  /** Opens a dialog from `trigger` with the keyboard, closes it with `close`, and says whether focus is back on the trigger. */
  async function focusAfter(page: Page, trigger: Locator, close: (dialog: Locator) => Promise<void>): Promise<boolean> {
    await trigger.focus()
    await page.keyboard.press('Enter')
    const dialog = page.locator('dialog[open]')
    await dialog.waitFor()
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
    await close(dialog)
    await dialog.waitFor({ state: 'detached' })
    return trigger.evaluate((el) => el === document.activeElement)
  }

  const byCancel = (dialog: Locator) => dialog.getByRole('button', { name: 'Cancel' }).click()
  const byEscape = (dialog: Locator) => dialog.page().keyboard.press('Escape')

  it('gives focus back to the control that opened a dialog, after Cancel and after Escape', async () => {
    const r = await start({ hash: '#/credentials', demo: true })
    const { page } = r
    const credentials = page.getByRole('listbox', { name: 'Credentials' })
    await credentials.getByRole('option').first().click()
    const deleteCredential = page.locator('.detail-pane .detail-header').getByRole('button', { name: /^Delete / })
    expect(await focusAfter(page, deleteCredential, byCancel)).toBe(true)
    expect(await focusAfter(page, deleteCredential, byEscape)).toBe(true)
    expect(await credentials.getByRole('option').count()).toBeGreaterThan(0) // nothing was deleted

    await page.evaluate(() => void (window.location.hash = '#/roles/catalog%3Adata-analyst'))
    const makePlan = page.getByRole('button', { name: 'Make a plan' })
    expect(await focusAfter(page, makePlan, byCancel)).toBe(true)
    expect(await focusAfter(page, makePlan, byEscape)).toBe(true)
    await r.done()
  })

  /**
   * What moves on the page: every element and ::before/::after with a running animation or a
   * transition longer than zero, named by tag and class. A spinner is added first, since a real
   * one only shows while something is busy.
   */
  async function moving(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const spinner = document.createElement('span')
      spinner.className = 'spinner'
      document.body.append(spinner)
      const seconds = (list: string) => Math.max(...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t))))
      const found = new Set<string>()
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(el, pseudo)
          const animated = style.animationName !== 'none' && seconds(style.animationDuration) > 0
          const transitioned = seconds(style.transitionDuration) > 0 && style.transitionProperty !== 'none'
          if (!animated && !transitioned) continue
          const name = `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}${pseudo ?? ''}`
          found.add(`${name} ${animated ? `animation ${style.animationName}` : `transition ${style.transitionProperty}`}`)
        }
      }
      spinner.remove()
      return [...found].sort()
    })
  }

  /** A role's page with a plan just made (a toast says so) and the plan dialog open again. */
  async function busyPage(page: Page): Promise<void> {
    const makePlan = page.getByRole('button', { name: 'Make a plan' })
    await makePlan.click()
    await page.locator('dialog[open]').getByRole('button', { name: 'Make plan' }).click()
    await page.locator('.toast').first().waitFor()
    await makePlan.click()
    await page.locator('dialog[open]').waitFor()
  }

  it('stops animations and transitions when the system asks for reduced motion, and keeps them otherwise', async () => {
    const calm = await start({ hash: '#/roles/catalog%3Adata-analyst', demo: true, reducedMotion: 'reduce' })
    await busyPage(calm.page)
    expect(await moving(calm.page)).toEqual([])
    await calm.done()

    const lively = await start({ hash: '#/roles/catalog%3Adata-analyst', demo: true, reducedMotion: 'no-preference' })
    await busyPage(lively.page)
    const moves = await moving(lively.page)
    for (const thing of [/^dialog\.dialog.* animation dialog-in$/, /^div\.toast.* animation toast-in$/, /^span\.spinner animation spin$/, /^button\.btn.* transition /]) {
      expect(moves.some((m) => thing.test(m)), `${thing} among:\n${moves.join('\n')}`).toBe(true)
    }
    await lively.done()
  })
})
