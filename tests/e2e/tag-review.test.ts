/**
 * Skills from badge tags, end to end: two imported badges tag themselves ("robots", "awesome",
 * "Python"; "k8s", "Docker"); the Skills list says tags wait for review; the review panel lists
 * them by credential, the tag beside the skill it maps to ("k8s → Kubernetes"); A accepts, R
 * rejects, U undoes and the arrows move between rows, the focus following to the next tag; "Reject
 * all" settles a credential; the credential shows its tags marked "From a badge tag".
 * Screenshots of the panel, light and dark, go to $SHOTS_DIR (default /tmp/shots).
 */
import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assertion } from '../helpers/badges'
import { CHROMIUM, settle } from '../helpers/browser'
import { appSession, focusedLabel, type Running } from './harness'

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots'

function tagged(n: number, name: string, tags: string[], issuedOn: string): Record<string, unknown> {
  const a = assertion(n, name, { issuedOn, skills: ['Requirements Analysis'] }) as { badge: Record<string, unknown> }
  a.badge.tags = tags
  return a
}

async function importBadges(r: Running, docs: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = []
  // One batch each, so the second import is the newest.
  for (const doc of docs) {
    const { batchId } = await r.portfolio.core.call('import:start', { origin: 'drop', sources: [{ name: 'badge.json', base64: Buffer.from(JSON.stringify(doc)).toString('base64') }] })
    await r.portfolio.core.idle()
    ids.push((await r.portfolio.core.call('import:status', { batchId })).items[0]!.credentialId!)
  }
  return ids
}

async function expectSoon<T>(read: () => Promise<T>, want: T): Promise<void> {
  const deadline = Date.now() + 5000
  let last = await read()
  while (last !== want && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 50))
    last = await read()
  }
  expect(last).toBe(want)
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('skills from badge tags, end to end'), () => {
  const session = appSession()

  it('lists tag skills by credential and takes decisions by keyboard', async () => {
    const r = await session.start({ hash: '#/skills' })
    const { page, portfolio } = r
    mkdirSync(SHOTS, { recursive: true })
    await portfolio.core.call('skills:create', { name: 'Kubernetes', aliases: ['k8s'], category: 'technology' })
    const [robotics, cloud] = await importBadges(r, [
      tagged(11, 'Robotics Club', ['robots', 'awesome', 'Python'], '2025-02-01T09:00:00Z'),
      tagged(12, 'Cloud Native Foundations', ['k8s', 'Docker'], '2025-09-15T09:00:00Z'),
    ])
    const decisionOf = async (credentialId: string, tag: string) =>
      (await portfolio.core.call('tags:pending', { credentialId })).groups[0]!.tags.find((t) => t.tag === tag)!.decision

    // The Skills list says tags wait; the notice opens the review, by keyboard.
    await r.reload()
    const notice = page.getByRole('button', { name: '5 skills from badge tags to review' })
    await notice.focus()
    await page.keyboard.press('Enter')
    await r.waitForHash(/^#\/skills\/badge-tags$/)
    const panel = page.getByRole('article', { name: 'Skills from badge tags' })
    await panel.getByText('5 tag skills to review on 2 credentials').waitFor()

    // Newest import first; the tag beside the skill it maps to.
    const groups = panel.locator('section.tag-group')
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-credential')))).toEqual([cloud, robotics])
    const cloudRows = panel.getByRole('list', { name: 'Badge tags of Cloud Native Foundations' }).getByRole('listitem')
    expect(await cloudRows.evaluateAll((els) => els.map((e) => (e.querySelector('.tag-row-text') as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))).toEqual(['k8s → Kubernetes', 'Docker'])
    await cloudRows.first().getByText('Not reviewed').waitFor()
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/tag-review-light.png` })

    // A accepts the focused row; the focus goes to the next tag waiting.
    await panel.getByRole('button', { name: 'Accept k8s (Kubernetes) from Cloud Native Foundations' }).focus()
    await page.keyboard.press('a')
    await cloudRows.first().getByText('Accepted', { exact: true }).waitFor()
    await expectSoon(() => focusedLabel(page), 'Accept Docker from Cloud Native Foundations')
    expect(await decisionOf(cloud!, 'k8s')).toBe('accepted')
    // R rejects; then the next credential's first tag has the focus.
    await page.keyboard.press('r')
    await cloudRows.nth(1).getByText('Rejected', { exact: true }).waitFor()
    await expectSoon(() => focusedLabel(page), 'Accept robots from Robotics Club')
    expect(await decisionOf(cloud!, 'Docker')).toBe('rejected')
    // ↑ goes back to the rejected row (its Undo), U takes the decision back.
    await page.keyboard.press('ArrowUp')
    expect(await focusedLabel(page)).toBe('Undo rejecting Docker from Cloud Native Foundations')
    await page.keyboard.press('u')
    await cloudRows.nth(1).getByText('Not reviewed').waitFor()
    await expectSoon(() => focusedLabel(page), 'Accept Docker from Cloud Native Foundations')
    expect(await decisionOf(cloud!, 'Docker')).toBe('pending')
    await page.keyboard.press('r')
    await cloudRows.nth(1).getByText('Rejected', { exact: true }).waitFor()

    // "Reject all" settles a credential; nothing waits any more, and the notice goes away.
    const rejectAll = panel.getByRole('button', { name: 'Reject all 3 tag skills from Robotics Club' })
    await rejectAll.focus()
    await page.keyboard.press('Enter')
    const roboticsRows = panel.getByRole('list', { name: 'Badge tags of Robotics Club' }).getByRole('listitem')
    await expectSoon(async () => roboticsRows.getByText('Rejected', { exact: true }).count(), 3)
    await panel.getByText('Nothing waits for review').waitFor()
    await page.getByRole('button', { name: /skills from badge tags to review/ }).waitFor({ state: 'detached' })
    expect((await portfolio.core.call('tags:pending', {})).pending).toBe(0)
    // Decided rows stay, with Undo, until the panel is left.
    expect(await panel.getByRole('button', { name: /^Undo / }).count()).toBe(5)
    await panel.getByRole('button', { name: 'Undo rejecting Python from Robotics Club' }).click()
    await roboticsRows.nth(2).getByText('Not reviewed').waitFor()
    await page.emulateMedia({ colorScheme: 'dark' })
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/tag-review-dark.png` })
    await page.emulateMedia({ colorScheme: 'light' })

    // The credential marks its tag skills; rejected ones are gone; "Review" opens the panel for it.
    await panel.getByRole('link', { name: 'Robotics Club' }).click()
    await r.waitForHash(new RegExp(`^#/credentials/${robotics}$`))
    const tags = page.getByRole('group', { name: /^From a badge tag/ })
    await tags.getByText('From a badge tag · 1 skill not reviewed, not counted yet').waitFor()
    const chips = tags.getByRole('list', { name: 'Skills from the badge tags of Robotics Club' }).getByRole('link')
    expect(await chips.allInnerTexts()).toEqual([expect.stringMatching(/^Python\s*not reviewed$/)])
    expect(await page.locator('.detail-pane .skill-links').first().getByRole('link').allInnerTexts()).toEqual(['Requirements Analysis'])
    await tags.scrollIntoViewIfNeeded()
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/tag-review-credential-light.png` })
    await tags.getByRole('button', { name: 'Review' }).click()
    await r.waitForHash(new RegExp(`^#/skills/badge-tags\\?credential=${robotics}$`))
    await panel.getByText('3 tag skills of Robotics Club').waitFor()
    await panel.getByRole('button', { name: 'Accept Python from Robotics Club' }).click()
    await panel.getByRole('list', { name: 'Badge tags of Robotics Club' }).getByText('Accepted', { exact: true }).waitFor()
    expect(await decisionOf(robotics!, 'Python')).toBe('accepted')
    await r.done()
  })
})
