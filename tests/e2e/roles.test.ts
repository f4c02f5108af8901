/**
 * Roles, end to end: paste a job posting, confirm the skills it found, save it as a target
 * role, read its gap analysis, make a plan under a budget; all of it survives a reload.
 * Same harness and skip rules as portfolio.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { appSession } from './harness'
import { DATA_ANALYST_POSTING as POSTING } from './postings'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('roles and plans, end to end'), () => {
  const session = appSession()

  it('turns a pasted posting into a target role with a gap analysis and a plan', async () => {
    const r = await session.start({ hash: '#/roles', demo: true })
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
    // One headline, the fit; the role's skills in two groups (core, transversal), each with its depth.
    expect(await detail.locator('[data-fit]').textContent()).toMatch(/^\d+%$/)
    expect(await detail.getByRole('meter', { name: 'Fit for Retail Data Analyst' }).getAttribute('aria-valuenow')).toMatch(/^\d+$/)
    const skillRows = detail.getByRole('list', { name: /^(Core|Transversal) skills$/ }).locator(':scope > li')
    expect(await skillRows.count()).toBe(role.skills.length)
    expect(await detail.getByRole('meter', { name: 'SQL depth' }).getAttribute('aria-valuetext')).toMatch(/^(None|Learned|Practised|Proven)$/)
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

    const planId = plans[0]!.id
    // Mark the first step done, completed by a credential.
    const creds = await portfolio.core.call('credentials:list', { text: '', sort: 'title', limit: 5 })
    const cred = creds.items[0]!
    await steps.first().getByRole('button', { name: 'Mark done' }).click()
    const done = page.getByRole('dialog', { name: 'Mark step done' })
    await done.getByLabel('Completed by').selectOption(cred.id)
    await done.getByRole('button', { name: 'Mark as done' }).click()
    await steps.first().getByText('Done', { exact: true }).waitFor()
    await steps.first().getByText(`Completed by ${cred.title}`).waitFor()
    const afterDone = await portfolio.core.call('plans:get', { id: planId })
    expect(afterDone.progress.done).toBe(1)
    expect(afterDone.steps[0]!.credential?.id).toBe(cred.id)

    // A reload comes back to the same role and plan.
    const before = await r.hash()
    await r.reload()
    expect(await r.hash()).toBe(before)
    await detail.locator('[data-detail-title]', { hasText: 'Retail Data Analyst' }).waitFor()
    await steps.first().getByText('Done', { exact: true }).waitFor()
    await steps.first().getByText(`Completed by ${cred.title}`).waitFor()
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
  it('reorders and edits plan steps, and the order survives a reload', async () => {
    const r = await session.start({ hash: '#/roles', demo: true })
    const { page, portfolio } = r
    const roles = await portfolio.core.call('roles:list', {})
    let made: { id: number; ref: string } | null = null
    for (const role of roles) {
      const suggested = await portfolio.core.call('plans:suggest', { ref: role.ref, constraints: { hoursPerWeek: 8 } })
      if (suggested.steps.length >= 2) {
        const plan = await portfolio.core.call('plans:create', { ref: role.ref, constraints: { hoursPerWeek: 8 } })
        made = { id: plan.id, ref: role.ref }
        break
      }
    }
    expect(made).not.toBeNull()
    const planId = made!.id
    await page.evaluate(`location.hash = ${JSON.stringify(`#/roles/${encodeURIComponent(made!.ref)}?plan=${planId}`)}`)
    const detail = page.locator('.detail-pane')
    const steps = detail.getByRole('list', { name: 'Plan steps' }).getByRole('listitem')
    await steps.first().waitFor()
    const orderOf = async () => (await portfolio.core.call('plans:get', { id: planId })).steps.sort((a, b) => a.position - b.position)
    const initial = await orderOf()
    expect(await steps.count()).toBe(initial.length)

    // Move the first step down; the new order is saved.
    await steps.first().getByRole('button', { name: 'Move down' }).click()
    await steps.first().locator('.plan-step-title', { hasText: initial[1]!.title }).waitFor()
    const reordered = await orderOf()
    expect(reordered.map((s) => s.id)).toEqual([initial[1]!.id, initial[0]!.id, ...initial.slice(2).map((s) => s.id)])

    // Edit the first step's hours.
    await steps.first().getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit step' })
    await edit.getByLabel('Hours').fill('17')
    await edit.getByRole('button', { name: 'Save step' }).click()
    await edit.waitFor({ state: 'detached' })
    await steps.first().locator('.plan-step-meta', { hasText: /17 h/ }).waitFor()
    expect((await orderOf())[0]!.hours).toBe(17)

    // The order and the edit survive a reload.
    await r.reload()
    await steps.first().locator('.plan-step-title', { hasText: initial[1]!.title }).waitFor()
    await steps.nth(1).locator('.plan-step-title', { hasText: initial[0]!.title }).waitFor()
    await steps.first().locator('.plan-step-meta', { hasText: /17 h/ }).waitFor()
    await r.done()
  })
  it('shows spend per credential and makes a custom role by hand', async () => {
    const r = await session.start({ hash: '#/roles', demo: true })
    const { page, portfolio } = r
    await page.getByRole('table', { name: 'Time and money per credential' }).waitFor()
    const costs = await portfolio.core.call('gap:costs', {})
    expect(costs.skills.length).toBeGreaterThan(0)

    await page.getByRole('button', { name: 'New custom role' }).click()
    await r.waitForHash(/^#\/roles\/new-role/)
    await page.getByLabel('Role title').fill('Hand-made Analyst')
    await page.getByLabel('Skill 1', { exact: true }).fill('SQL')
    await page.getByLabel('Skill 1 weight').fill('0.8')
    await page.getByLabel('Skill 1 is essential').check()
    await page.getByRole('button', { name: 'Save role' }).click()
    const hash = await r.waitForHash(/^#\/roles\/custom%3A\d+/)
    const ref = decodeURIComponent(hash.split('/')[2]!.split('?')[0]!)
    const role = await portfolio.core.call('roles:get', { ref: ref as `custom:${number}` })
    expect(role.source).toBe('custom')
    expect(role.skills).toEqual([expect.objectContaining({ name: 'SQL', weight: 0.8, essential: true })])
    await page.locator('.detail-pane [data-detail-title]', { hasText: 'Hand-made Analyst' }).waitFor()
    await r.done()
  })
})
