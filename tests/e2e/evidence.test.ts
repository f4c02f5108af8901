/**
 * The evidence behind a role, end to end: the sample portfolio's Data Analyst gap shows one
 * headline (the fit and its sentence), the core and transversal skills apart, and Data analysis
 * as practised, inferred from Maya's job title. Rejecting that inference takes it out of the gap
 * (rejecting the other job's too lowers the skill's credit and the fit); on the Profile screen
 * the decision is undone and the skill confirmed, and the gap then says "Confirmed by you".
 * Same harness and skip rules as portfolio.test.ts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { appSession, focusedLabel } from './harness'

const ROLE = 'catalog:data-analyst'
const BRIGHTWAVE = 'Data Analyst at Brightwave Retail'
const HARBOURLINE = 'Junior Reporting Analyst at Harbourline Logistics'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('evidence behind a role, end to end'), () => {
  const session = appSession()

  it('shows the fit and the evidence per skill, and takes decisions on skills inferred from a job title', async () => {
    const r = await session.start({ hash: `#/roles/${encodeURIComponent(ROLE)}`, demo: true })
    const { page, portfolio } = r
    const gapOf = () => portfolio.core.call('gap:analyze', { ref: ROLE })
    const skillOf = async (key: string) => (await gapOf()).skills.find((s) => s.key === key)!
    const decisionOf = async (experienceId: string, key: string) =>
      (await portfolio.core.call('evidence:inferences', { experienceId })).skills.find((s) => s.key === key)?.decision
    const before = await gapOf()
    const detail = page.locator('.detail-pane')
    await detail.locator('[data-detail-title]', { hasText: 'Data Analyst' }).waitFor()

    // One headline: the fit, with the sentence that says how it is computed.
    const fit = detail.getByRole('meter', { name: 'Fit for Data Analyst' })
    await fit.waitFor()
    expect(await fit.textContent()).toBe(`${Math.round(before.fitPercent)}%`)
    expect(await detail.getByText(before.fitExplanation, { exact: true }).isVisible()).toBe(true)
    // Its parts wait behind a disclosure.
    const how = detail.getByRole('button', { name: 'How is this computed?' })
    expect(await how.getAttribute('aria-expanded')).toBe('false')
    expect(await detail.locator('[data-coverage]').isVisible()).toBe(false)
    await how.press('Enter')
    expect(await how.getAttribute('aria-expanded')).toBe('true')
    expect(await detail.locator('[data-coverage]').textContent()).toBe(`${before.coveragePercent}%`)
    await detail.getByText(`${before.transversal.covered} of ${before.transversal.total}`, { exact: true }).waitFor()
    await how.click()
    expect(await detail.locator('[data-coverage]').isVisible()).toBe(false)

    // Core and transversal skills in their own sections.
    const core = detail.getByRole('list', { name: 'Core skills' })
    const transversal = detail.getByRole('list', { name: 'Transversal skills' })
    const transversalKeys = before.skills.filter((s) => s.group === 'transversal').map((s) => s.key)
    expect(transversalKeys.length).toBeGreaterThan(0)
    expect(await transversal.locator(':scope > li').evaluateAll((rows) => rows.map((li) => li.getAttribute('data-skill')))).toEqual(transversalKeys)
    expect(await core.locator(':scope > li').count()).toBe(before.skills.length - transversalKeys.length)
    expect(await core.locator('[data-skill="stakeholder-communication"]').count()).toBe(0)
    await detail.getByRole('heading', { name: /^Transversal skills/ }).waitFor()

    // Data analysis: practised, inferred from Maya's work as a Data Analyst.
    const row = core.locator(':scope > li[data-skill="data-analysis"]')
    expect(await row.getByRole('meter', { name: 'Data analysis depth' }).getAttribute('aria-valuetext')).toBe('Practised')
    await row.getByText('Practised', { exact: true }).waitFor()
    const toggle = row.getByRole('button', { name: 'Data analysis', exact: true })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.focus()
    await page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const evidence = row.getByRole('list', { name: 'Evidence for Data analysis' })
    const brightwave = evidence.getByRole('listitem').filter({ hasText: BRIGHTWAVE })
    await brightwave.getByText('Inferred from work', { exact: true }).waitFor()
    await brightwave.getByText('Gives Practised', { exact: true }).waitFor()
    await brightwave.getByText(/inferred from your .+ as Data Analyst at Brightwave Retail/).waitFor()
    // A related skill says where its credit comes from.
    await evidence.getByRole('listitem').filter({ hasText: 'Related' }).getByText(/^via /).first().waitFor()
    const credit = async () => Number(/(\d+)%/.exec((await row.locator('.evidence-credit').textContent()) ?? '')?.[1])
    expect(await credit()).toBe(Math.round((await skillOf('data-analysis')).credit * 100))

    // Reject it: it leaves the gap and stays here, struck out, with an Undo that has the focus.
    await brightwave.getByRole('button', { name: `Reject Data analysis for ${BRIGHTWAVE}` }).click()
    await brightwave.getByText('Rejected by you: no longer counts for this skill.').waitFor()
    await waitForFocus(page, `Undo rejecting Data analysis for ${BRIGHTWAVE}`)
    expect(await decisionOf('exp-1', 'data-analysis')).toBe('rejected')
    const rejected = await skillOf('data-analysis')
    expect(rejected.evidence.items.some((i) => i.source === 'exp-1')).toBe(false)
    await row.locator('.gap-skill-why', { hasText: 'Harbourline Logistics' }).waitFor()
    expect(await row.locator('.gap-skill-why').textContent()).not.toContain('Brightwave')
    expect(await brightwave.getByRole('button', { name: /^Confirm/ }).count()).toBe(0)

    // Reject the other job's inference too: the skill's credit and the fit drop.
    const harbourline = evidence.getByRole('listitem').filter({ hasText: HARBOURLINE })
    await harbourline.getByRole('button', { name: `Reject Data analysis for ${HARBOURLINE}` }).click()
    await harbourline.getByText('Rejected by you: no longer counts for this skill.').waitFor()
    const dropped = await skillOf('data-analysis')
    expect(dropped.credit).toBeLessThan(rejected.credit)
    await expectSoon(credit, Math.round(dropped.credit * 100))
    const lowerFit = await gapOf()
    expect(lowerFit.fitPercent).toBeLessThan(before.fitPercent)
    await expectSoon(async () => fit.textContent(), `${Math.round(lowerFit.fitPercent)}%`)
    // Undo that one in place, by keyboard.
    await waitForFocus(page, `Undo rejecting Data analysis for ${HARBOURLINE}`)
    await page.keyboard.press('Enter')
    await harbourline.getByRole('button', { name: `Confirm Data analysis for ${HARBOURLINE}` }).waitFor()
    expect(await decisionOf('exp-2', 'data-analysis')).toBe('pending')
    await expectSoon(async () => fit.textContent(), `${Math.round(before.fitPercent)}%`)

    // An item's title opens its entry: the work entry on the Profile screen.
    await harbourline.getByRole('button', { name: HARBOURLINE, exact: true }).click()
    await r.waitForHash(/^#\/profile\/exp-2$/)
    const entry = page.getByRole('listitem', { name: BRIGHTWAVE, exact: true })
    const inferred = entry.getByRole('region', { name: 'Skills inferred from this job title' })
    await inferred.waitFor()
    await inferred.getByRole('button', { name: 'Data Analyst', exact: true }).waitFor()
    const skill = inferred.getByRole('listitem').filter({ hasText: 'Data analysis' })
    await skill.getByText('Rejected', { exact: true }).waitFor()
    // Undo the rejection, then confirm: focus follows each replaced button.
    await skill.getByRole('button', { name: `Undo rejecting Data analysis for ${BRIGHTWAVE}` }).click()
    await skill.getByText('Not reviewed', { exact: true }).waitFor()
    await waitForFocus(page, `Confirm Data analysis for ${BRIGHTWAVE}`)
    expect(await decisionOf('exp-1', 'data-analysis')).toBe('pending')
    await page.keyboard.press('Enter')
    await skill.getByText('Confirmed', { exact: true }).waitFor()
    await waitForFocus(page, `Undo confirming Data analysis for ${BRIGHTWAVE}`)
    expect(await decisionOf('exp-1', 'data-analysis')).toBe('confirmed')
    // Every other inferred skill of the entry is reachable by keyboard with a clear label.
    expect(await inferred.getByRole('button', { name: `Reject Stakeholder communication for ${BRIGHTWAVE}` }).count()).toBe(1)

    // Back on the gap: the item now says "Confirmed by you", with an Undo.
    await page.goBack()
    await r.waitForHash(/^#\/roles\//)
    const rowAgain = detail.getByRole('list', { name: 'Core skills' }).locator(':scope > li[data-skill="data-analysis"]')
    await rowAgain.getByRole('button', { name: 'Data analysis', exact: true }).click()
    const confirmed = rowAgain.getByRole('list', { name: 'Evidence for Data analysis' }).getByRole('listitem').filter({ hasText: BRIGHTWAVE })
    await confirmed.getByText('Confirmed by you', { exact: true }).waitFor()
    await confirmed.getByRole('button', { name: `Undo confirming Data analysis for ${BRIGHTWAVE}` }).waitFor()
    const after = await skillOf('data-analysis')
    expect(after.credit).toBeGreaterThan(rejected.credit)
    await expectSoon(credit, Math.round(after.credit * 100))
    await r.done()
  })
})

/** Waits until the focused element is the one labelled `label` (focus moves after the data reloads). */
async function waitForFocus(page: Page, label: string): Promise<void> {
  await expectSoon(() => focusedLabel(page), label)
}

/** Polls `read` until it answers `want` (at most 5 s), then asserts it. */
async function expectSoon<T>(read: () => Promise<T>, want: T): Promise<void> {
  const deadline = Date.now() + 5000
  let last = await read()
  while (last !== want && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    last = await read()
  }
  expect(last).toBe(want)
}
