/**
 * Roles, end to end: paste a job posting, confirm the skills it found, save it as a target
 * role, read its gap analysis, make a plan under a budget; all of it survives a reload.
 * Same harness and skip rules as portfolio.test.ts.
 */
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser'
import { assertRendererBuilt, startApp, type Running } from './harness'

const unavailable = browserUnavailableReason()

const POSTING = `Data Analyst – Retail Insights

About the role
You will turn sales data into decisions for our merchandising team.

Requirements
- 3+ years writing SQL against large warehouses
- Python for data cleaning and analysis
- Building dashboards in Tableau
- Strong stakeholder communication: explaining findings to non-technical teams

Nice to have
- dbt for data modelling
- Apache Airflow for scheduling pipelines
`

describe.skipIf(unavailable !== null)('roles and plans, end to end', () => {
  let browser: Browser
  let running: Running | null = null

  beforeAll(async () => {
    assertRendererBuilt()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await running?.close()
    running = null
  })

  it('turns a pasted posting into a target role with a gap analysis and a plan', async () => {
    running = await startApp(browser, { hash: '#/roles', demo: true })
    const r = running
    const { page, portfolio } = r

    await page.getByRole('listbox', { name: 'Roles' }).getByRole('option').first().waitFor()
    await page.getByRole('button', { name: 'Paste a job posting' }).first().click()
    await r.waitForHash(/^#\/roles\/new-posting$/)

    await page.getByLabel('Job posting').fill(POSTING)
    await page.getByRole('button', { name: 'Find skills' }).click()
    const text = page.locator('.posting-text')
    await text.locator('mark', { hasText: /^SQL$/ }).first().waitFor()
    expect(await text.locator('mark', { hasText: /^Python$/ }).count()).toBeGreaterThan(0)

    const found = page.getByRole('list', { name: 'Found skills' })
    const boxes = found.getByRole('checkbox', { name: /^(?!.* is essential$)/ })
    expect(await boxes.count()).toBeGreaterThanOrEqual(3)
    const tableau = found.getByRole('checkbox', { name: 'Tableau', exact: true })
    await tableau.waitFor()
    if (!(await tableau.isChecked())) await tableau.check()
    await tableau.uncheck()
    expect(await tableau.isChecked()).toBe(false)

    await page.getByLabel('Role title').fill('Retail Data Analyst')
    await page.getByRole('button', { name: 'Save as target role' }).click()
    const hash = await r.waitForHash(/^#\/roles\/custom%3A\d+/)
    const ref = decodeURIComponent(hash.split('/')[2]!.split('?')[0]!)
    const role = await portfolio.core.call('roles:get', { ref: ref as `custom:${number}` })
    expect(role.source).toBe('posting')
    expect(role.postingText).toBe(POSTING)
    expect(role.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['SQL', 'Python']))
    expect(role.skills.map((s) => s.name)).not.toContain('Tableau')

    const detail = page.locator('.detail-pane')
    await detail.locator('[data-detail-title]', { hasText: 'Retail Data Analyst' }).waitFor()
    expect(await detail.locator('[data-coverage]').textContent()).toMatch(/^\d+%$/)
    const skillRows = detail.getByRole('list', { name: 'Required skills' }).getByRole('listitem')
    expect(await skillRows.count()).toBe(role.skills.length)
    expect(await detail.getByRole('meter', { name: 'SQL coverage' }).getAttribute('aria-valuetext')).toMatch(/None|Learned|Applied|Proven/)
    // The custom role is in the list with its badge.
    await page.getByRole('listbox', { name: 'Roles' }).getByRole('option', { name: /Retail Data Analyst/ }).getByText('Custom · posting').waitFor()

    // A plan under a budget.
    await detail.getByRole('button', { name: 'Make a plan' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Budget').fill('300')
    await dialog.getByLabel('Hours per week').fill('6')
    await dialog.getByRole('button', { name: 'Make plan' }).click()
    await r.waitForHash(/plan=\d+/)
    const steps = detail.getByRole('list', { name: 'Plan steps' }).getByRole('listitem')
    await steps.first().waitFor()
    const plans = await portfolio.core.call('plans:list', {})
    expect(plans).toHaveLength(1)
    expect(await steps.count()).toBe(plans[0]!.steps)

    // Mark the first step done.
    await steps.first().getByRole('button', { name: 'Mark done' }).click()
    await steps.first().getByText('Done', { exact: true }).waitFor()
    expect((await portfolio.core.call('plans:get', { id: plans[0]!.id })).progress.done).toBe(1)

    // A reload comes back to the same role and plan.
    const before = await r.hash()
    await r.reload()
    expect(await r.hash()).toBe(before)
    await detail.locator('[data-detail-title]', { hasText: 'Retail Data Analyst' }).waitFor()
    await steps.first().getByText('Done', { exact: true }).waitFor()
    await page.getByRole('listbox', { name: 'Roles' }).getByRole('option', { name: /Retail Data Analyst/ }).waitFor()

    // About shows the attributions.
    await page.getByRole('link', { name: 'About' }).click()
    await r.waitForHash(/^#\/about$/)
    await page.getByRole('heading', { name: 'O*NET' }).waitFor()
    const about = await portfolio.core.call('app:about', {})
    await page.getByText(about.attribution.onet.slice(0, 40)).waitFor()
    expect(await page.locator('.main').textContent()).toContain(about.version)
    await r.done()
  })
})
