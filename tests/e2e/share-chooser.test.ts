/**
 * "Share…" on the Credentials screen, end to end with the sample portfolio: the chooser opens and
 * closes by keyboard (focus back on the button), filters, counts what is chosen, and writes the
 * bundle into a new folder inside the one the folder dialog (the bridge) picks; the success
 * message names it, says which credential is not in presentation.json and why, and opens its
 * page. The bundle's page itself is tested in share.test.ts.
 * Screenshots, light and dark, go to $SHOTS_DIR (default /tmp/shots).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark as shoot } from '../helpers/browser'
import { appSession, focusedLabel } from './harness'

const SIGNED_FILE = join(__dirname, '../fixtures/verify/ob3-eddsa-rdfc-2022.json')


describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('share chooser, end to end'), () => {
  const session = appSession()
  let out = ''
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true })
    out = ''
  })

  it('chooses two credentials and a project and writes the bundle into the picked folder', async () => {
    // The sample portfolio (typed-in credentials) and one signed badge file.
    let signedId = ''
    const r = await session.start({
      demo: true,
      hash: '#/credentials',
      prepare: async ({ core }) => {
        const { batchId } = await core.call('import:start', { sources: [{ name: 'badge.json', base64: readFileSync(SIGNED_FILE).toString('base64') }] })
        await core.idle()
        signedId = (await core.call('import:status', { batchId })).items[0]!.credentialId!
      },
    })
    const { page, bridge } = r
    const core = r.portfolio.core
    out = mkdtempSync(join(tmpdir(), 'skillfolio-share-ui-'))
    bridge.chooseFolderAnswer = () => out

    const credentials = (await core.call('credentials:list', { sort: 'title', limit: 500 })).items
    const projects = (await core.call('projects:list', { sort: 'title', limit: 500 })).items
    const first = credentials.find((c) => c.trust === 'self_reported')!
    const second = credentials.find((c) => c.id === signedId)!
    expect(second.trust).toBe('verified')
    const project = projects[0]!

    // By keyboard: Enter opens it, Escape closes it, and the focus is back on "Share…".
    const share = page.locator('.list-pane').getByRole('button', { name: 'Share…' })
    await share.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Share with an employer' })
    await dialog.waitFor()
    expect(await focusedLabel(page)).toBe('Filter credentials and projects')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await focusedLabel(page)).toBe('Share…')

    await share.click()
    const summary = dialog.locator('[data-share-summary]')
    expect(await summary.innerText()).toBe('Nothing chosen yet')
    expect(await dialog.getByRole('button', { name: 'Create bundle…' }).isDisabled()).toBe(true)
    await expect.poll(() => dialog.getByRole('list', { name: 'Credentials' }).getByRole('checkbox').count()).toBe(credentials.length)

    // The filter narrows the list; a choice survives clearing it.
    await dialog.getByLabel('Filter credentials and projects').fill(second.title)
    const shown = dialog.getByRole('list', { name: 'Credentials' }).getByRole('checkbox')
    await expect.poll(() => shown.count()).toBeLessThan(credentials.length)
    await dialog.getByRole('checkbox', { name: second.title, exact: true }).check()
    await dialog.getByLabel('Filter credentials and projects').fill('')
    await dialog.getByRole('checkbox', { name: first.title, exact: true }).check()
    await dialog.getByRole('checkbox', { name: project.title, exact: true }).check()
    // Each credential shows its verification state in words.
    expect(await dialog.getByRole('listitem').filter({ hasText: first.title }).first().locator('[data-trust]').getAttribute('data-trust')).toBe(first.trust)

    expect(await summary.innerText()).toBe('2 credentials (1 signed file), 1 project')
    await shoot(page, 'share-dialog')

    await dialog.getByRole('button', { name: 'Create bundle…' }).click()
    const done = page.getByRole('dialog', { name: 'The bundle is ready' })
    const message = done.locator('[data-share-saved]')
    await message.waitFor()

    // One new folder inside the picked one, holding the page, the manifest and what was chosen.
    const folders = readdirSync(out)
    expect(folders).toHaveLength(1)
    const folder = join(out, folders[0]!)
    expect(await message.innerText()).toContain(folder)
    expect(await message.innerText()).toMatch(/as \d+ files/)
    expect(existsSync(join(folder, 'manifest.json'))).toBe(true)
    const html = readFileSync(join(folder, 'index.html'), 'utf8')
    for (const title of [first.title, second.title, project.title]) expect(html).toContain(title.replace(/&/g, '&amp;'))
    const manifest = readFileSync(join(folder, 'manifest.json'), 'utf8')
    expect(manifest).toContain('index.html')
    // The signed badge is in presentation.json; the typed-in one is named as left out, with why.
    expect(readFileSync(join(folder, 'presentation.json'), 'utf8')).toContain(second.title)
    const leftOut = await done.locator('[data-share-left-out]').innerText()
    expect(leftOut).toContain('One credential is on the page but not in presentation.json')
    const { notInPresentation } = (await core.call('share:bundle', { credentialIds: [first.id, second.id], projectIds: [project.id] })).summary
    expect(notInPresentation.map((l) => l.id)).toEqual([first.id])
    expect(leftOut).toContain(`${first.title} — ${notInPresentation[0]!.reason}`)
    expect(leftOut).not.toContain(second.title)

    await shoot(page, 'share-saved')

    // "Open the page" has the focus and opens index.html through the shell.
    expect(await focusedLabel(page)).toBe('Open the page')
    await page.keyboard.press('Enter')
    await expect.poll(() => bridge.opened).toEqual([join(folder, 'index.html')])
    await done.getByRole('button', { name: 'Close' }).click()
    await done.waitFor({ state: 'detached' })
    expect(await focusedLabel(page)).toBe('Share…')
    await r.done()
  })
})
