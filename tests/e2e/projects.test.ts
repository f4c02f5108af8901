/**
 * Projects, end to end: create one with skills, an outcome and a link, link it to a credential
 * (and see the link from the credential's side), edit it (unlink the credential, change the
 * dates and the summary), search and sort the list, delete it after a confirm; every change
 * survives a reload. Same harness and skip rules as portfolio.test.ts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { appSession } from './harness'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('projects, end to end'), () => {
  const { start } = appSession()

  const detail = (page: Page) => page.locator('.detail-pane')
  const detailTitle = (page: Page) => page.locator('.detail-pane [data-detail-title]')
  const rows = (page: Page) => page.locator('.list-pane').getByRole('listbox').getByRole('option')
  const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text)
  const section = (page: Page, title: RegExp) => detail(page).locator('.section').filter({ has: page.locator('.section-title', { hasText: title }) })

  it('creates a project linked to a credential, edits it, and deletes it; each change survives a reload', async () => {
    const r = await start({ hash: '#/projects' })
    const { page, portfolio } = r
    const cred = await portfolio.core.call('credentials:create', { title: 'Google Data Analytics Certificate', kind: 'platform', provider: 'Coursera', earnedOn: '2025-06-01', skills: [{ name: 'SQL' }] })
    await portfolio.core.call('credentials:create', { title: 'Tableau Desktop Specialist', kind: 'certification', earnedOn: '2025-09-01', skills: [] })

    // --- create, linked to a credential ---
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor()
    await page.getByRole('button', { name: /Add your first project/ }).click()
    await r.waitForHash(/^#\/projects\/new$/)
    await page.getByLabel('Title').fill('Sales dashboard for a bakery')
    await page.getByLabel('Your role').fill('Data analyst')
    await page.getByLabel('Started').fill('2025-07-01')
    await page.getByLabel('Summary').fill('Daily sales from the till, in one dashboard.')
    const applied = page.getByRole('combobox', { name: 'Skills applied' })
    await applied.fill('SQ')
    await page.getByRole('option', { name: /^SQL/ }).waitFor()
    await applied.press('Enter')
    await applied.fill('Dashboard design')
    await page.getByRole('option', { name: 'Create “Dashboard design”' }).waitFor()
    await applied.press('Enter')
    const used = page.getByRole('combobox', { name: 'Credentials used' })
    await used.fill('Google')
    await page.getByRole('option', { name: /Google Data Analytics Certificate/ }).click()
    await page.getByRole('button', { name: 'Add outcome' }).click()
    await page.getByLabel('Outcome 1', { exact: true }).fill('Weekly report in ten minutes instead of three hours')
    await page.getByRole('button', { name: 'Add link' }).click()
    await page.getByLabel('Link 1 label').fill('Live dashboard')
    await page.getByLabel('Link 1 address').fill('https://example.org/bakery-dashboard')
    await page.getByRole('button', { name: 'Add project' }).click()
    await toast(page, 'Added “Sales dashboard for a bakery”').waitFor()
    const hash = await r.waitForHash(/^#\/projects\/proj-\d+$/)
    const id = hash.split('/')[2]!
    expect(await portfolio.core.call('projects:get', { id })).toMatchObject({
      title: 'Sales dashboard for a bakery',
      role: 'Data analyst',
      startedOn: '2025-07-01',
      endedOn: null,
      summary: 'Daily sales from the till, in one dashboard.',
      outcomes: ['Weekly report in ten minutes instead of three hours'],
      links: [{ label: 'Live dashboard', url: 'https://example.org/bakery-dashboard' }],
      credentials: [{ id: cred.id, title: 'Google Data Analytics Certificate' }],
    })

    await r.reload()
    expect(await r.hash()).toBe(hash)
    await detailTitle(page).filter({ hasText: 'Sales dashboard for a bakery' }).waitFor()
    expect(await detail(page).locator('.detail-subtitle').innerText()).toBe('Data analyst')
    expect(await section(page, /^Outcomes/).innerText()).toContain('Weekly report in ten minutes instead of three hours')
    expect((await section(page, /^Skills applied · 2$/).locator('.skill-link > span:first-child').allInnerTexts()).sort()).toEqual(['Dashboard design', 'SQL'])
    const link = section(page, /^Links/).getByRole('link', { name: /Live dashboard/ })
    expect(await link.getAttribute('href')).toBe('https://example.org/bakery-dashboard')
    expect(await link.getAttribute('target')).toBe('_blank')
    // The link, from both sides.
    await section(page, /^Credentials used/).getByRole('link', { name: 'Google Data Analytics Certificate' }).click()
    await r.waitForHash(new RegExp(`^#/credentials/${cred.id}$`))
    await detail(page).getByRole('link', { name: /Sales dashboard for a bakery/ }).click()
    await r.waitForHash(new RegExp(`^#/projects/${id}$`))

    // --- edit: unlink that credential, link the other, end the project, new summary ---
    await detail(page).getByRole('button', { name: 'Edit' }).click()
    await r.waitForHash(new RegExp(`^#/projects/${id}/edit$`))
    await page.getByRole('button', { name: 'Remove Google Data Analytics Certificate' }).click()
    await used.fill('Tableau')
    await page.getByRole('option', { name: /Tableau Desktop Specialist/ }).click()
    await page.getByLabel('Ended').fill('2025-12-15')
    await page.getByLabel('Summary').fill('Daily sales and stock, in one dashboard.')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await toast(page, 'Saved “Sales dashboard for a bakery”').waitFor()
    await r.waitForHash(new RegExp(`^#/projects/${id}$`))
    await r.reload()
    await detailTitle(page).filter({ hasText: 'Sales dashboard for a bakery' }).waitFor()
    expect(await section(page, /^Summary/).innerText()).toContain('Daily sales and stock, in one dashboard.')
    expect(await section(page, /^Credentials used/).getByRole('link').allInnerTexts()).toEqual(['Tableau Desktop Specialist'])
    expect(await detail(page).locator('.eyebrow-text').innerText()).toMatch(/2025.*2025/)
    expect((await portfolio.core.call('credentials:get', { id: cred.id })).projects).toEqual([])
    expect(await portfolio.core.call('projects:get', { id })).toMatchObject({ endedOn: '2025-12-15', credentials: [{ title: 'Tableau Desktop Specialist' }] })

    // --- the list: a second project, search, sort ---
    await portfolio.core.call('projects:create', { title: 'Airflow pipeline for invoices', startedOn: '2024-02-01', skills: [] })
    await r.reload()
    await expect.poll(() => rows(page).count()).toBe(2)
    await page.getByLabel('Search projects').fill('bakery')
    await expect.poll(() => rows(page).allInnerTexts()).toEqual([expect.stringContaining('Sales dashboard for a bakery')])
    await page.getByLabel('Search projects').fill('')
    await expect.poll(() => rows(page).count()).toBe(2)
    await page.locator('.list-pane select').selectOption('title')
    await expect.poll(() => rows(page).allInnerTexts()).toEqual([expect.stringContaining('Airflow pipeline for invoices'), expect.stringContaining('Sales dashboard for a bakery')])

    // --- delete, after a confirm (Cancel first) ---
    await rows(page).filter({ hasText: 'Sales dashboard for a bakery' }).click()
    await r.waitForHash(new RegExp(`^#/projects/${id}`))
    await detail(page).getByRole('button', { name: 'Delete Sales dashboard for a bakery' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Sales dashboard for a bakery”?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect((await portfolio.core.call('projects:list', {})).total).toBe(2)
    await detail(page).getByRole('button', { name: 'Delete Sales dashboard for a bakery' }).click()
    await dialog.getByRole('button', { name: 'Delete project' }).click()
    await toast(page, 'Deleted “Sales dashboard for a bakery”').waitFor()
    await r.waitForHash(/^#\/projects(\?|$)/)
    await r.reload()
    await expect.poll(() => rows(page).allInnerTexts()).toEqual([expect.stringContaining('Airflow pipeline for invoices')])
    expect((await portfolio.core.dispatch('projects:get', { id })).ok).toBe(false)
    // The credentials and skills it used stay.
    expect((await portfolio.core.call('credentials:list', {})).total).toBe(2)
    expect((await portfolio.core.call('skills:list', {})).items.map((s) => s.name)).toEqual(expect.arrayContaining(['SQL', 'Dashboard design']))
    await r.done()
  })
})
