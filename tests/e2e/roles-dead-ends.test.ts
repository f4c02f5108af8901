/**
 * No dead ends on the Roles screen, end to end: a custom role is edited, renamed and deleted
 * (with its saved plans) from its header; a saved plan is deleted from its own header; the
 * posting review takes a skill it missed and drops one it found, and the gap analysis shows
 * both; "Make plan" brings the new plan into view with focus on its heading. Same harness and
 * skip rules as import.test.ts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark } from '../helpers/browser'
import { appSession, focusedLabel } from './harness'

const POSTING = `Data Analyst – Retail Insights

Requirements
- 3+ years writing SQL against large warehouses
- Python for data cleaning and analysis
- Building dashboards in Tableau
- Strong stakeholder communication
`

/** Where an element sits against the window: fully inside it or not. */
const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight
  })

/** Waits until the focused element's label is `label` (focus may move after a query answers). */
async function waitForFocus(page: Page, label: string): Promise<void> {
  await expect.poll(() => focusedLabel(page), { timeout: 5000 }).toBe(label)
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('roles without dead ends'), () => {
  const session = appSession()

  it('edits, renames and deletes a custom role from its header, with its saved plan', async () => {
    CHROMIUM.check()
    const r = await session.start({ hash: '#/roles', demo: true })
    const { page, portfolio } = r
    const made = await portfolio.core.call('roles:create', {
      title: 'Platform Engineer',
      source: 'custom',
      skills: [
        { name: 'Kubernetes', weight: 0.9, essential: true },
        { name: 'Terraform', weight: 0.6, essential: false },
      ],
    })
    const plan = await portfolio.core.call('plans:create', { ref: made.ref, constraints: { hoursPerWeek: 8 } })
    await page.evaluate(`location.hash = ${JSON.stringify(`#/roles/${encodeURIComponent(made.ref)}`)}`)
    const detail = page.locator('.detail-pane')
    await detail.locator('[data-detail-title]', { hasText: 'Platform Engineer' }).waitFor()
    // Built-in roles have no Edit or Delete; this one has both.
    const edit = detail.locator('.detail-header').getByRole('button', { name: 'Edit', exact: true })
    await edit.click()
    await r.waitForHash(/\/edit/)
    await detail.getByRole('heading', { name: 'Edit Platform Engineer' }).waitFor()
    expect(await page.getByLabel('Role title').inputValue()).toBe('Platform Engineer')
    expect(await page.getByLabel('Skill 2', { exact: true }).inputValue()).toBe('Terraform')
    await shootLightAndDark(page, 'roles-edit-form')

    // Rename, drop Terraform, add Docker; the role's gap analysis follows.
    await page.getByLabel('Role title').fill('Cloud Platform Engineer')
    await page.getByRole('button', { name: 'Remove Terraform' }).click()
    await page.getByRole('button', { name: 'Add skill' }).click()
    await page.getByLabel('Skill 2', { exact: true }).fill('Docker')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await r.waitForHash(new RegExp(`^#/roles/${encodeURIComponent(made.ref)}(\\?|$)`))
    await detail.locator('[data-detail-title]', { hasText: 'Cloud Platform Engineer' }).waitFor()
    await waitForFocus(page, 'Edit')
    const saved = await portfolio.core.call('roles:get', { ref: made.ref })
    expect(saved.title).toBe('Cloud Platform Engineer')
    expect(saved.skills.map((s) => s.name)).toEqual(['Kubernetes', 'Docker'])
    await detail.getByRole('meter', { name: 'Docker depth' }).waitFor()
    expect(await detail.getByRole('list', { name: /^(Core|Transversal) skills$/ }).locator(':scope > li').count()).toBe(2)
    expect(await detail.getByRole('meter', { name: 'Terraform depth' }).count()).toBe(0)
    const list = page.getByRole('listbox', { name: 'Roles' })
    await list.getByRole('option', { name: /Cloud Platform Engineer/ }).waitFor()

    // Delete: the dialog names the plan that goes with it; Cancel hands focus back.
    const del = detail.getByRole('button', { name: 'Delete Cloud Platform Engineer' })
    await del.click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Cloud Platform Engineer”?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain(`“${plan.title}”`)
    await shootLightAndDark(page, 'roles-delete-dialog')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    await waitForFocus(page, 'Delete Cloud Platform Engineer')
    await page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Delete role' }).click()
    await r.waitForHash(/^#\/roles(\?|$)/)
    await list.getByRole('option', { name: /Cloud Platform Engineer/ }).waitFor({ state: 'detached' })
    expect((await portfolio.core.call('roles:list', {})).some((x) => x.ref === made.ref)).toBe(false)
    expect((await portfolio.core.call('plans:list', {})).some((p) => p.roleRef === made.ref)).toBe(false)
    await r.done()
  })

  it('brings a new plan into view with focus on its heading, and renames and deletes a plan from its header', async () => {
    CHROMIUM.check()
    const r = await session.start({ hash: '#/roles/catalog%3Adata-scientist', demo: true })
    const { page, portfolio } = r
    const detail = page.locator('.detail-pane')
    await detail.locator('[data-detail-title]', { hasText: 'Data Scientist' }).waitFor()
    const heading = '.plan-section .section-title'
    // The role's skill rows push the plan below the window.
    expect(await inViewport(page, heading)).toBe(false)

    await detail.getByRole('button', { name: 'Make a plan' }).click()
    const make = page.getByRole('dialog', { name: 'Make a plan' })
    await make.getByLabel('Hours per week').fill('6')
    await make.getByRole('button', { name: 'Make plan' }).click()
    await r.waitForHash(/plan=\d+/)
    await waitForFocus(page, 'Learning plan')
    await detail.getByRole('list', { name: 'Plan steps' }).waitFor()
    await expect.poll(() => inViewport(page, heading)).toBe(true)
    await shootLightAndDark(page, 'roles-plan-in-view')
    const [made] = await portfolio.core.call('plans:list', {})
    expect(made).toBeDefined()

    // Rename it from its header.
    await detail.getByRole('button', { name: `Rename plan ${made!.title}` }).click()
    const rename = page.getByRole('dialog', { name: 'Rename plan' })
    await rename.getByLabel('Name').fill('Data science by spring')
    await rename.getByRole('button', { name: 'Rename' }).click()
    await rename.waitFor({ state: 'detached' })
    await detail.locator('.plan-title', { hasText: 'Data science by spring' }).waitFor()
    const [plan] = await portfolio.core.call('plans:list', {})
    expect(plan!.title).toBe('Data science by spring')

    // Delete it from its header: Cancel hands focus back, Delete removes it and says so in the pane.
    const del = detail.getByRole('button', { name: `Delete plan ${plan!.title}` })
    await del.click()
    const dialog = page.getByRole('dialog', { name: `Delete “${plan!.title}”?` })
    await dialog.getByText(`${plan!.steps} step`, { exact: false }).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    await waitForFocus(page, `Delete plan ${plan!.title}`)
    await del.click()
    await dialog.getByRole('button', { name: 'Delete plan' }).click()
    await detail.getByText('No plan yet.', { exact: false }).waitFor()
    await waitForFocus(page, 'Learning plan')
    expect(await portfolio.core.call('plans:list', {})).toEqual([])
    await r.done()
  })

  it('takes a skill the posting review missed and drops one it found, and the gap analysis shows both', async () => {
    CHROMIUM.check()
    const r = await session.start({ hash: '#/roles/new-posting', demo: true })
    const { page, portfolio } = r
    await page.getByLabel('Job posting').fill(POSTING)
    await page.getByRole('button', { name: 'Find skills' }).click()
    const found = page.getByRole('list', { name: 'Found skills' })
    const tableau = found.getByRole('checkbox', { name: 'Tableau', exact: true })
    await tableau.waitFor()
    await tableau.uncheck()

    // Add Power BI by keyboard from the suggestions, and a typed skill that is then removed again.
    const add = page.getByRole('combobox', { name: 'Add a skill it missed' })
    const suggestions = page.getByRole('listbox', { name: 'Add a skill it missed suggestions' })
    await add.fill('Power BI')
    await suggestions.getByRole('option', { name: /^Power BI/ }).first().waitFor()
    await add.press('Enter')
    const added = page.getByRole('list', { name: 'Skills you added' })
    await added.getByText('Power BI', { exact: true }).waitFor()
    await added.getByRole('checkbox', { name: 'Power BI is essential' }).check()
    await add.fill('Quilting')
    await suggestions.getByRole('option', { name: 'Add “Quilting”' }).waitFor()
    await add.press('Enter')
    await added.getByRole('button', { name: 'Remove Quilting' }).click()
    await added.getByText('Quilting', { exact: true }).waitFor({ state: 'detached' })
    expect(await focusedLabel(page)).toBe('Add a skill it missed')
    await shootLightAndDark(page, 'roles-posting-review')

    await page.getByLabel('Role title').fill('Retail Analyst')
    await page.getByRole('button', { name: 'Save as target role' }).click()
    const hash = await r.waitForHash(/^#\/roles\/custom%3A\d+/)
    const ref = decodeURIComponent(hash.split('/')[2]!.split('?')[0]!) as `custom:${number}`
    const role = await portfolio.core.call('roles:get', { ref })
    const names = role.skills.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['SQL', 'Python', 'Power BI']))
    expect(names).not.toContain('Tableau')
    expect(names).not.toContain('Quilting')
    expect(role.skills.find((s) => s.name === 'Power BI')?.essential).toBe(true)
    const detail = page.locator('.detail-pane')
    await detail.getByRole('meter', { name: 'Power BI depth' }).waitFor()
    expect(await detail.getByRole('meter', { name: 'Tableau depth' }).count()).toBe(0)
    await r.done()
  })
})
