/**
 * The Resume screen, end to end: the real PDF drawn by pdf.js under the app's CSP, re-rendered
 * on every change, tailored to a role with reasons, an item hidden from the ATS text, saved
 * through the shell (the bridge writes the file) and opened; one page with what was left out
 * to fit, and the Word document; saved variants; the empty state; the item list as one Tab stop
 * worked by arrow keys and Space.
 * Same harness and skip rules as portfolio.test.ts.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark } from '../helpers/browser'
import { docxText, isDocx, readDocx } from '../helpers/docx'
import { extractPdf, squash } from '../core/pdf/extract'
import { appSession, focusedLabel, tabTo } from './harness'

const ROLE = 'catalog:data-analyst'

/** Dark pixels on page 1's canvas, and a fingerprint of what it shows. */
async function pageOne(page: Page): Promise<{ dark: number; print: string }> {
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector('.pdf-page[data-page="1"] canvas')
    if (!canvas) return { dark: 0, print: '' }
    const ctx = canvas.getContext('2d')
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let dark = 0
    let hash = 0
    for (let i = 0; i < data.length; i += 4) {
      const lum = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]
      if (lum < 110) dark++
      if (i % 64 === 0) hash = (hash * 31 + data[i] + data[i + 1] * 3 + data[i + 2] * 7) | 0
    }
    return { dark, print: canvas.width + 'x' + canvas.height + ':' + hash }
  })()`)) as { dark: number; print: string }
}

async function waitUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout
  let last = await read()
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`)
    await new Promise((r) => setTimeout(r, 30))
    last = await read()
  }
  return last
}

async function atsText(page: Page): Promise<string> {
  return squash((await page.locator('[data-ats-text]').allTextContents()).join('\n'))
}

/** Waits for the preview to settle (no "Updating…"). */
async function settled(page: Page): Promise<void> {
  await page.locator('.preview-updating').waitFor({ state: 'detached' })
  await page.locator('.pdf-page canvas').first().waitFor()
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('resume, end to end'), () => {
  const session = appSession()

  it('previews the real PDF, re-renders on changes, tailors to a role, hides an item and saves', async () => {
    const r = await session.start({ hash: '#/credentials', demo: true })
    const { page, portfolio, bridge } = r
    const profile = await portfolio.core.call('profile:get', {})
    const name = profile.fullName ?? ''
    expect(name).toBeTruthy()

    await page.getByRole('link', { name: 'Resume' }).click()
    await r.waitForHash(/^#\/resume/)
    await page.getByRole('heading', { name: 'Resume', exact: true }).waitFor()

    // By keyboard from the sidebar: past the rest of the sidebar and the expiry banner (the sample
    // portfolio has a credential expiring soon), the screen's first stop skips the long list of
    // items to the preview and Save.
    await page.getByRole('link', { name: 'Resume' }).focus()
    await tabTo(page, /^Skip to the preview and Save PDF$/, 12)
    await page.keyboard.press('Enter')
    expect(await page.evaluate('document.activeElement === document.querySelector(".preview-toolbar input:checked")')).toBe(true)
    await tabTo(page, /^Save PDF…/, 4)

    // Page 1 is drawn, and not blank.
    await page.locator('.pdf-page[data-page="1"] canvas').waitFor({ timeout: 15_000 })
    await settled(page)
    const first = await pageOne(page)
    expect(first.dark).toBeGreaterThan(500)
    expect(await page.locator('.pdf-page').first().getAttribute('aria-label')).toMatch(/^Page 1 of \d+$/)

    // Two columns, by keyboard: a new resume:preview call and different pixels (its latency is
    // measured by preview.bench.ts, not asserted here).
    const callsBefore = bridge.calls.filter((c) => c === 'resume:preview').length
    await page.getByRole('radio', { name: 'ATS single column' }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('radio', { name: 'Two columns' }).isChecked()).toBe(true)
    const twoCol = await waitUntil(() => pageOne(page), (p) => p.print !== first.print && p.dark > 500, 'the two-column pages')
    expect(twoCol.dark).toBeGreaterThan(500)
    expect(bridge.calls.filter((c) => c === 'resume:preview').length).toBeGreaterThan(callsBefore)
    await settled(page)

    // A role: the reasons name the role's skills.
    const role = await portfolio.core.call('roles:get', { ref: ROLE })
    const skillNames = role.skills.map((s) => s.name)
    await page.getByLabel('Target role', { exact: true }).selectOption(ROLE)
    await r.waitForHash(/role=catalog%3Adata-analyst/)
    await page.locator('.resume-subtitle', { hasText: `Tailored to ${role.title}` }).waitFor()
    const reasons = page.locator('.resume-item-why', { hasText: /matches / })
    await reasons.first().waitFor()
    const reasonText = (await reasons.allTextContents()).join(' | ')
    expect(skillNames.some((s) => reasonText.includes(s))).toBe(true)
    expect(reasonText).toMatch(/\(essential\)/)
    await settled(page)

    // The ATS text holds the person's name.
    await page.getByRole('radio', { name: 'ATS text' }).check()
    await page.locator('[data-ats-text]').first().waitFor()
    expect(await atsText(page)).toContain(name)

    // Hide a credential that is on the resume: it leaves the ATS text and says why.
    const credentials = page.getByRole('list', { name: 'Credentials on the resume' })
    const shown = credentials.locator('.resume-item.is-in .resume-item-name')
    const titles = await shown.allTextContents()
    // One that the resume prints once (not also under a project's "Credentials:" line).
    const before = await atsText(page)
    const title = titles.find((t) => before.split(t).length === 2)
    if (!title) throw new Error(`No credential is printed exactly once: ${titles.join(', ')}`)
    const hide = page.getByRole('button', { name: `Hide ${title}` })
    await hide.focus()
    await page.keyboard.press('Enter')
    await waitUntil(() => atsText(page), (t) => !t.includes(title), `"${title}" gone from the ATS text`)
    const item = page.locator('.resume-item', { has: page.getByRole('button', { name: `Show ${title}` }) })
    await item.locator('.resume-item-why', { hasText: /hidden by you/i }).waitFor()
    // The focus stayed on the item's Hide/Show button.
    expect(await focusedLabel(page)).toBe(`Show ${title}`)

    // Move the second credential up, by keyboard: it is printed first now.
    const order = await shown.allTextContents()
    expect(order.length).toBeGreaterThanOrEqual(2)
    await page.getByRole('button', { name: `Move ${order[1]!} up` }).focus()
    await page.keyboard.press('Enter')
    await waitUntil(() => shown.allTextContents(), (now) => now[0] === order[1] && now[1] === order[0], 'the new order')
    await waitUntil(() => atsText(page), (t) => t.indexOf(order[1]!) >= 0 && t.indexOf(order[1]!) < t.indexOf(order[0]!), 'the new order in the ATS text')
    expect(await focusedLabel(page)).toBe(`Move ${order[1]!} up`)

    // Save (Ctrl+S): the shell writes a PDF with the name in it; "Open" opens that file.
    await page.getByRole('radio', { name: 'Preview' }).check()
    await page.keyboard.press('Control+s')
    await waitUntil(async () => bridge.saved.length, (n) => n === 1, 'the saved file')
    const bytes = readFileSync(bridge.saved[0]!)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = squash((await extractPdf(new Uint8Array(bytes))).text)
    expect(text).toContain(name)
    expect(text).not.toContain(title)
    const toast = page.locator('.toasts')
    await toast.getByText(/^Saved .+\.pdf$/).waitFor()
    await shootLightAndDark(page, 'resume-saved-toast')
    await tabTo(page, /^Open$/)
    await page.keyboard.press('Enter')
    await waitUntil(async () => bridge.opened.length, (n) => n === 1, 'the open call')
    expect(bridge.opened[0]).toBe(bridge.saved[0])

    // With a role chosen, the gap report is saved too.
    await page.getByRole('button', { name: 'Save gap report…' }).click()
    await waitUntil(async () => bridge.saved.length, (n) => n === 2, 'the saved report')
    const report = readFileSync(bridge.saved[1]!)
    expect(report.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(squash((await extractPdf(new Uint8Array(report))).text)).toContain(role.title)

    // A reload comes back to the same role, template and hidden item.
    const hashBefore = await r.hash()
    await r.reload()
    expect(await r.hash()).toBe(hashBefore)
    expect(await page.getByLabel('Target role', { exact: true }).inputValue()).toBe(ROLE)
    expect(await page.getByRole('radio', { name: 'Two columns' }).isChecked()).toBe(true)
    await page.getByRole('button', { name: `Show ${title}` }).waitFor()
    await r.done()
  })

  it('takes the item list as one Tab stop: arrows move, Space hides and shows, Right reaches the buttons', async () => {
    const r = await session.start({ hash: '#/resume', demo: true })
    const { page } = r
    await page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })
    await settled(page)
    // The list's stops: the items (by id), and any "N more under …" link after a section.
    const stops = page.locator('.resume-items [data-stop]')
    const ids = await stops.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.stop ?? ''))
    expect(ids.length).toBeGreaterThan(10)
    /** The focused stop of the list, or '' when the focus is not on one itself. */
    const focusedItem = async () => (await page.evaluate(`document.activeElement?.matches('.resume-items [data-stop]') ? document.activeElement.dataset.stop : ''`)) as string
    const inList = async () => (await page.evaluate(`Boolean(document.activeElement?.closest('.resume-items'))`)) as boolean

    // One stop: Shift+Tab from the preview's first control lands on the list's first item, the
    // next Shift+Tab leaves the list, and Tab comes back to it and then goes on to the preview.
    const viewRadio = page.locator('.preview-toolbar input:checked')
    await viewRadio.focus()
    await page.keyboard.press('Shift+Tab')
    expect(await focusedItem()).toBe(ids[0])
    await page.keyboard.press('Shift+Tab')
    expect(await inList()).toBe(false)
    await page.keyboard.press('Tab')
    expect(await focusedItem()).toBe(ids[0])
    await page.keyboard.press('Tab')
    expect(await viewRadio.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await page.locator('.resume-items [tabindex="0"]').count()).toBe(1)

    // Arrows, Home and End move between the items.
    await stops.first().focus()
    await page.keyboard.press('ArrowDown')
    expect(await focusedItem()).toBe(ids[1])
    await page.keyboard.press('End')
    expect(await focusedItem()).toBe(ids[ids.length - 1])
    await page.keyboard.press('ArrowDown')
    expect(await focusedItem()).toBe(ids[ids.length - 1])
    await page.keyboard.press('Home')
    expect(await focusedItem()).toBe(ids[0])

    // Down to the first item on the resume; Space hides it (it says why and the focus stays), Space shows it again.
    const firstIn = await page.locator('.resume-items .resume-item.is-in').first().getAttribute('data-item')
    for (let i = 0; i < ids.length && (await focusedItem()) !== firstIn; i++) await page.keyboard.press('ArrowDown')
    expect(await focusedItem()).toBe(firstIn)
    const item = page.locator(`.resume-items [data-item=${JSON.stringify(firstIn)}]`)
    const title = (await item.locator('.resume-item-name').textContent()) ?? ''
    await page.keyboard.press('Space')
    await item.locator('.resume-item-why', { hasText: /hidden by you/i }).waitFor()
    await item.getByRole('button', { name: `Show ${title}` }).waitFor()
    expect(await focusedItem()).toBe(firstIn)
    await page.keyboard.press('Space')
    await item.getByRole('button', { name: `Hide ${title}` }).waitFor()
    await page.locator(`.resume-items .resume-item.is-in[data-item=${JSON.stringify(firstIn)}]`).waitFor()
    expect(await focusedItem()).toBe(firstIn)

    await shootLightAndDark(page, 'resume-items-keyboard')

    // Right and Left go through the item's buttons; Left from the first, or Escape, back to the item.
    await page.keyboard.press('ArrowRight')
    expect(await focusedLabel(page)).toBe(`Pin ${title}`)
    await page.keyboard.press('ArrowRight')
    expect(await focusedLabel(page)).toBe(`Hide ${title}`)
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await focusedItem()).toBe(firstIn)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Escape')
    expect(await focusedItem()).toBe(firstIn)

    // The list remembers its place: Tab out and Shift+Tab back lands on the same item.
    await page.keyboard.press('Tab')
    expect(await inList()).toBe(false)
    await page.keyboard.press('Shift+Tab')
    expect(await focusedItem()).toBe(firstIn)
    await r.done()
  })

  it('fits on one page, lists what was left out to fit and why, and saves a Word document', async () => {
    const r = await session.start({ hash: `#/resume?role=${encodeURIComponent(ROLE)}`, demo: true })
    const { page, portfolio, bridge } = r
    const name = (await portfolio.core.call('profile:get', {})).fullName ?? ''
    await page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })
    await settled(page)
    // The sample portfolio tailored to the role is longer than a page.
    expect(await page.locator('.pdf-page').count()).toBeGreaterThan(1)
    const leftOut = page.getByRole('list', { name: 'Left out to fit on 1 page' })
    expect(await leftOut.count()).toBe(0)

    // "1 page", by keyboard from the length switch.
    await page.getByRole('radio', { name: '2 pages' }).focus()
    await page.keyboard.press('ArrowLeft')
    expect(await page.getByRole('radio', { name: '1 page' }).isChecked()).toBe(true)
    await page.locator('.preview-status', { hasText: /^1 page · A4$/ }).waitFor()
    await settled(page)
    await waitUntil(() => page.locator('.pdf-page').count(), (n) => n === 1, 'a one-page preview')
    expect(await page.locator('.pdf-page').first().getAttribute('aria-label')).toBe('Page 1 of 1')
    // The radio keeps the focus while the preview changes.
    expect(await page.getByRole('radio', { name: '1 page' }).evaluate((el) => el === document.activeElement)).toBe(true)

    // What had to go is grouped first, each item with its kind and the reason.
    const expected = await portfolio.core.call('resume:preview', { roleRef: ROLE, length: '1' })
    const dropped = expected.decisions.filter((d) => !d.included && /left out to fit/i.test(d.reason))
    expect(expected.length).toMatchObject({ asked: '1', pages: 1, fits: true })
    expect(dropped.length).toBe(expected.length.dropped)
    expect(dropped.length).toBeGreaterThan(0)
    await leftOut.waitFor()
    expect(await leftOut.locator('.resume-item-name').allTextContents()).toEqual(dropped.map((d) => d.title))
    const reasons = await leftOut.locator('.resume-item-why').allTextContents()
    expect(reasons.every((t) => /^Left out: (Credential|Project|Skill|Experience|Education) · .*left out to fit/i.test(t))).toBe(true)

    // The length note sits under the page count; its button takes the focus to the group.
    const note = page.locator('[data-length-note]')
    expect(squash((await note.textContent()) ?? '')).toContain(expected.length.note ?? '')
    await note.getByRole('button', { name: /^Show the (item|\d+ items) left out$/ }).click()
    expect(await page.evaluate('document.activeElement?.id')).toBe('resume-left-out')
    expect(await page.locator('#resume-left-out').isVisible()).toBe(true)

    // The choice is kept across a restart.
    await r.reload()
    expect(await page.getByRole('radio', { name: '1 page' }).isChecked()).toBe(true)
    await page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })
    await settled(page)

    // "Save as Word…": the shell writes a .docx with the same content.
    await page.getByRole('button', { name: 'Save as Word…' }).click()
    await waitUntil(async () => bridge.saved.length, (n) => n === 1, 'the saved Word document')
    const path = bridge.saved[0]!
    expect(path).toMatch(/\.docx$/)
    const bytes = new Uint8Array(readFileSync(path))
    expect(isDocx(bytes)).toBe(true)
    const text = docxText(readDocx(bytes))
    expect(text).toContain(name)
    // Every job and certification the one-page PDF shows is in it too.
    const jobs = await portfolio.core.call('experience:list', {})
    for (const d of expected.decisions.filter((x) => x.included && x.kind === 'experience')) {
      const job = jobs.find((j) => j.id === d.id)!
      expect(text).toContain(job.title)
      expect(text).toContain(job.organization)
    }
    for (const d of expected.decisions.filter((x) => x.included && x.kind === 'credential')) expect(text).toContain(d.title)
    await page.locator('.toasts').getByText(/^Saved .+\.docx$/).waitFor()
    await r.done()
  })

  it('saves, updates and deletes a named variant with where it was sent', async () => {
    const r = await session.start({ hash: `#/resume?role=${encodeURIComponent(ROLE)}`, demo: true })
    const { page, portfolio } = r
    await page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })

    // Ctrl+N opens "Save as variant".
    await page.keyboard.press('Control+n')
    const dialog = page.getByRole('dialog', { name: 'Save as variant' })
    await dialog.waitFor()
    await dialog.getByLabel('Name').fill('Acme – Data Analyst')
    await dialog.getByLabel('Sent to').fill('Acme Corp, via LinkedIn')
    await dialog.getByLabel('Sent on').fill('2026-11-20')
    await dialog.getByRole('button', { name: 'Save variant' }).click()
    await dialog.waitFor({ state: 'detached' })
    const list = page.getByRole('list', { name: 'Saved variants' })
    await list.getByText('Sent to Acme Corp, via LinkedIn on').waitFor()
    await r.waitForHash(/variant=\d+/)
    const [made] = await portfolio.core.call('resumes:list', {})
    expect(made).toMatchObject({ name: 'Acme – Data Analyst', sentTo: 'Acme Corp, via LinkedIn', sentOn: '2026-11-20', roleTitle: 'Data Analyst' })
    expect(made!.settings.roleRef).toBe(ROLE)

    // Change the page size: the variant shows "Edited"; Update writes it back.
    await page.getByRole('radio', { name: 'Letter' }).check()
    await list.getByText('Edited').waitFor()
    await page.getByRole('button', { name: /^Update “Acme – Data Analyst”$/ }).click()
    await list.getByText('Edited').waitFor({ state: 'detached' })
    expect((await portfolio.core.call('resumes:get', { id: made!.id })).settings.pageSize).toBe('letter')

    // Going general and loading the variant again brings its role back.
    await page.getByLabel('Target role', { exact: true }).selectOption('')
    await page.locator('.resume-subtitle', { hasText: 'general resume' }).waitFor()
    await list.getByRole('button', { name: 'Load variant Acme – Data Analyst' }).click()
    await page.locator('.resume-subtitle', { hasText: 'Tailored to Data Analyst' }).waitFor()
    expect(await page.getByRole('radio', { name: 'Letter' }).isChecked()).toBe(true)

    // A link to the variant (and a restart with nothing stored) opens it as saved.
    await page.getByLabel('Target role', { exact: true }).selectOption('')
    await page.locator('.resume-subtitle', { hasText: 'general resume' }).waitFor()
    await page.evaluate('localStorage.clear()')
    await page.evaluate(`history.replaceState(null, '', ${JSON.stringify(`#/resume?variant=${made!.id}`)})`)
    await r.reload()
    await page.locator('.resume-subtitle', { hasText: 'Tailored to Data Analyst' }).waitFor()
    expect(await page.getByRole('radio', { name: 'Letter' }).isChecked()).toBe(true)
    await list.getByRole('button', { name: 'Load variant Acme – Data Analyst' }).and(page.locator('[aria-current="true"]')).waitFor()

    // Delete, with a confirmation whose safe choice has the focus; Escape backs out to the Delete button.
    const deleteButton = page.getByRole('button', { name: 'Delete variant Acme – Data Analyst' })
    await deleteButton.focus()
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('dialog', { name: 'Delete this variant?' })
    await confirm.waitFor()
    expect(await focusedLabel(page)).toBe('Cancel')
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    expect(await focusedLabel(page)).toBe('Delete variant Acme – Data Analyst')
    await page.keyboard.press('Enter')
    await confirm.waitFor()
    await confirm.getByRole('button', { name: 'Delete variant' }).focus()
    await page.keyboard.press('Enter')
    await list.waitFor({ state: 'detached' })
    expect(await portfolio.core.call('resumes:list', {})).toEqual([])
    // The Delete button went with the variant; the focus is on "Save as variant…", not lost.
    await waitUntil(() => focusedLabel(page), (l) => l === 'Save as variant…', 'the focus on "Save as variant…"')
    await r.done()
  })

  it('says in words when the preview fails, keeps the last one, and tries again', async () => {
    const r = await session.start({ hash: '#/resume', demo: true })
    const { page } = r
    await page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })
    await settled(page)
    const failing = (url: URL) => url.pathname.endsWith('/__bridge/resume%3Apreview')
    await page.route(failing, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Skillfolio; nothing was changed.' } }) }),
    )
    await page.getByRole('radio', { name: 'Letter' }).check()
    const banner = page.getByRole('alert').filter({ hasText: 'could not be updated' })
    await banner.waitFor()
    expect(squash((await banner.textContent()) ?? '')).toContain('The preview could not be updated; it shows your previous choices. Something went wrong inside Skillfolio; nothing was changed.')
    // The previous pages stay on screen.
    expect((await pageOne(page)).dark).toBeGreaterThan(500)
    await page.unroute(failing)
    await banner.getByRole('button', { name: 'Try again' }).focus()
    await page.keyboard.press('Enter')
    await banner.waitFor({ state: 'detached' })
    await settled(page)
    await page.locator('.preview-status', { hasText: 'Letter' }).waitFor()
    await r.done()
  })

  it('opens from a role with "Tailor resume", and works on an empty portfolio', async () => {
    let r = await session.start({ hash: `#/roles/${encodeURIComponent(ROLE)}`, demo: true })
    await r.page.getByRole('button', { name: 'Tailor resume' }).click()
    await r.waitForHash(/^#\/resume\?role=catalog%3Adata-analyst$/)
    await r.page.locator('.resume-subtitle', { hasText: 'Tailored to Data Analyst' }).waitFor()
    await r.page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })
    await r.done()

    r = await session.start({ hash: '#/resume' })
    await r.page.getByText('Nothing to put on it yet').waitFor()
    await r.page.getByRole('link', { name: 'Profile' }).last().waitFor()
    await r.page.locator('.pdf-page[data-page="1"] canvas').waitFor({ timeout: 15_000 })
    await r.done()
  })
})
