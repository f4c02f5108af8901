/**
 * Skills used at work, end to end: on a fresh portfolio a work entry is added on the Profile
 * screen with two skills typed into its "Skills used" picker; the entry shows them as chips
 * (above the skills inferred from its title, which no longer ask about a skill already
 * listed); a chip, reached by keyboard, opens the skill,
 * whose detail lists the entry "At work" and says it is practised at work; that link leads
 * back to the entry. Editing the entry to remove one skill takes it off both the chips and
 * that skill's detail. Same harness and skip rules as portfolio.test.ts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { appSession, focusedLabel, tabTo } from './harness'

const ENTRY = 'Data analyst at Brightwave Retail'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('skills used at work, end to end'), () => {
  const session = appSession()
  const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text)

  it('links skills to a work entry from the Profile form, shows them on the entry and on the skill, and unlinks them', async () => {
    const r = await session.start({ hash: '#/profile' })
    const { page, portfolio } = r

    // --- add a work entry with two skills, typed into the picker ---
    await page.getByRole('button', { name: 'Add experience' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add experience' })
    await dialog.getByLabel('Job title').fill('Data analyst')
    await dialog.getByLabel('Organisation').fill('Brightwave Retail')
    await dialog.getByLabel('Started').fill('2022-04-01')
    const picker = dialog.getByRole('combobox', { name: 'Skills used' })
    expect(await picker.getAttribute('aria-describedby')).toBeTruthy() // the hint
    await picker.fill('SQL')
    await dialog.getByRole('option', { name: 'Create “SQL”' }).waitFor()
    await picker.press('Enter')
    await picker.fill('Tableau')
    await dialog.getByRole('option', { name: 'Create “Tableau”' }).waitFor()
    await picker.press('Enter')
    await dialog.getByLabel('Level for SQL').selectOption('advanced')
    expect(await dialog.getByRole('button', { name: /^Remove / }).allTextContents()).toHaveLength(2)
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await toast(page, 'Added experience').waitFor()

    const [saved] = await portfolio.core.call('experience:list', {})
    expect(saved!.skills.map((s) => [s.name, s.level])).toEqual([['SQL', 'advanced'], ['Tableau', null]])
    const sqlId = saved!.skills[0]!.id
    const tableauId = saved!.skills[1]!.id

    // --- the entry shows them as chips, before the skills inferred from its title ---
    const entry = page.getByRole('listitem', { name: ENTRY, exact: true })
    const chips = entry.getByRole('list', { name: `Skills used as ${ENTRY}` })
    await chips.waitFor()
    expect(await chips.getByRole('link').allTextContents()).toEqual(['SQLAdvanced', 'Tableau'])
    expect(await chips.getByRole('link', { name: /^SQL/ }).getAttribute('href')).toBe(`#/skills/${sqlId}`)
    const inferred = entry.getByRole('region', { name: 'Skills inferred from this job title' })
    await inferred.waitFor()
    const chipsFirst = await entry.evaluate((li) => {
      const list = li.querySelector('.history-skills')
      const panel = li.querySelector('.inferred')
      return Boolean(list && panel && list.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING)
    })
    expect(chipsFirst).toBe(true)
    // SQL is also one of the role's essentials: the panel says it is in Skills used instead of asking.
    await inferred.getByText('In skills used').first().waitFor()
    expect(await inferred.getByRole('button', { name: `Confirm SQL for ${ENTRY}` }).count()).toBe(0)
    expect(await inferred.getByRole('button', { name: `Confirm Excel for ${ENTRY}` }).count()).toBe(1)

    // --- a chip, by keyboard, opens the skill: the work entry is listed "At work" ---
    await page.locator('body').focus()
    await tabTo(page, /^SQL/)
    expect(await focusedLabel(page)).toBe('SQLAdvanced')
    await page.keyboard.press('Enter')
    await r.waitForHash(new RegExp(`^#/skills/${sqlId}$`))
    const detail = page.locator('.detail-pane')
    await detail.locator('[data-detail-title]', { hasText: 'SQL' }).waitFor()
    await detail.getByRole('heading', { name: 'At work · 1' }).waitFor()
    await detail.getByText('Practised at work', { exact: true }).first().waitFor()
    expect(await detail.getByText('Not applied in a project or at work yet').count()).toBe(0)
    expect(await detail.locator('.stat-words .stat-value').textContent()).toBe('Practised at work')
    const workLink = detail.getByRole('link', { name: `${ENTRY} · Advanced` })
    expect(await workLink.getAttribute('href')).toBe(`#/profile/${saved!.id}`)
    // The skills list counts the work entry as evidence.
    const sqlRow = page.locator('.list-pane').getByRole('option').filter({ hasText: 'SQL' })
    expect(await sqlRow.textContent()).toContain('1 job')

    // --- click through back to the entry on the Profile screen ---
    await workLink.click()
    await r.waitForHash(new RegExp(`^#/profile/${saved!.id}$`))
    const target = page.locator(`[data-entry="${saved!.id}"]`)
    await target.and(page.locator('.is-target')).waitFor()
    await target.getByRole('list', { name: `Skills used as ${ENTRY}` }).waitFor()

    // --- edit the entry: remove Tableau ---
    await page.getByRole('button', { name: `Edit ${ENTRY}` }).click()
    const edit = page.getByRole('dialog', { name: 'Edit experience' })
    await edit.getByRole('button', { name: 'Remove Tableau' }).waitFor()
    expect(await edit.getByLabel('Level for SQL').inputValue()).toBe('advanced')
    await edit.getByRole('button', { name: 'Remove Tableau' }).click()
    expect(await edit.getByRole('button', { name: 'Remove Tableau' }).count()).toBe(0)
    await edit.getByRole('button', { name: 'Save', exact: true }).click()
    await toast(page, 'Saved').waitFor()
    await edit.waitFor({ state: 'detached' })

    // Gone from the chips…
    const chipsAfter = page.getByRole('list', { name: `Skills used as ${ENTRY}` })
    await expectSoon(() => chipsAfter.getByRole('link').allTextContents(), ['SQLAdvanced'])
    expect((await portfolio.core.call('experience:list', {}))[0]!.skills.map((s) => s.name)).toEqual(['SQL'])
    // …and from the skill's detail, which no longer says it is practised at work.
    await page.evaluate((hash) => (location.hash = hash), `#/skills/${tableauId}`)
    await detail.locator('[data-detail-title]', { hasText: 'Tableau' }).waitFor()
    await detail.getByRole('heading', { name: 'At work', exact: true }).waitFor()
    await detail.getByText('Not linked to a job yet', { exact: false }).waitFor()
    expect(await detail.getByRole('link', { name: new RegExp(ENTRY) }).count()).toBe(0)
    expect(await detail.getByText('Practised at work', { exact: true }).count()).toBe(0)
    expect(await detail.locator('.stat-words .stat-value').textContent()).toBe('None yet')
    expect((await portfolio.core.call('skills:get', { id: tableauId })).experience).toEqual([])

    // The change survives a reload (a restart).
    await page.evaluate(() => (location.hash = '#/profile'))
    await r.reload()
    const chipsReloaded = page.getByRole('list', { name: `Skills used as ${ENTRY}` })
    await chipsReloaded.waitFor()
    expect(await chipsReloaded.getByRole('link').allTextContents()).toEqual(['SQLAdvanced'])
    await r.done()
  })
})

async function expectSoon<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: T = await read()
  while (Date.now() < deadline) {
    last = await read()
    if (JSON.stringify(last) === JSON.stringify(expected)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  expect(last).toEqual(expected)
}
