/**
 * The verification bundle's page, opened as an employer would: index.html from the folder in
 * Chromium (file://), with no app around it. Every chosen credential and project shows, hostile
 * text shows as text, and the page asks nothing of the network and runs nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchBrowser } from '../helpers/browser'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

const FIXTURES = join(__dirname, '../fixtures/verify')
const HOSTILE = `<script>document.title="pwned"</script> "quoted" & 'more'`

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('share bundle page, in Chromium'), () => {
  let browser: Browser | null = null
  let p: TempPortfolio | null = null
  let out = ''
  beforeAll(async () => {
    // Without a browser each test fails with the reason (checked first in the test): a failing
    // beforeAll would only mark the tests skipped.
    if (CHROMIUM.missing) return
    browser = await launchBrowser()
    p = tempPortfolio({ verifyWorkers: false })
    out = mkdtempSync(join(tmpdir(), 'skillfolio-share-'))
  })
  afterAll(async () => {
    await browser?.close()
    p?.cleanup()
    if (out) rmSync(out, { recursive: true, force: true })
  })

  it('shows every chosen credential and project with its trust word, loading nothing', async () => {
    CHROMIUM.check()
    const core = p!.core
    const sources = ['ob3-eddsa-rdfc-2022.json', 'vc-jwt-eddsa.jwt', 'ob3-expired.json'].map((name) => ({ name, base64: readFileSync(join(FIXTURES, name)).toString('base64') }))
    const { batchId } = await core.call('import:start', { sources })
    await core.idle()
    const imported = (await core.call('import:status', { batchId })).items.map((i) => i.credentialId!)
    const typed = await core.call('credentials:create', { title: HOSTILE, kind: 'other' })
    const project = await core.call('projects:create', { title: 'Warehouse dashboard', skills: [{ name: 'SQL' }], links: [{ label: 'Demo', url: 'https://demo.example.test/' }] })
    const bundle = await core.call('share:bundle', { credentialIds: [...imported, typed.id], projectIds: [project.id] })
    for (const f of bundle.files) {
      mkdirSync(dirname(join(out, f.name)), { recursive: true })
      writeFileSync(join(out, f.name), Buffer.from(f.base64, 'base64'))
    }

    const page = await browser!.newPage()
    const requests: string[] = []
    const problems: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    const index = pathToFileURL(join(out, 'index.html')).href
    await page.goto(index)
    const text = await page.locator('body').innerText()

    const expected = await Promise.all([...imported, typed.id].map((id) => core.call('credentials:get', { id })))
    const headings = await page.locator('section.credential h2').allInnerTexts()
    expect(headings).toHaveLength(expected.length)
    for (const [n, c] of expected.entries()) expect(headings[n]).toContain(c.title)
    expect(headings[0]).toContain('Verified')
    expect(headings[2]).toContain('Expired')
    expect(headings[3]).toContain('Self-reported')
    expect(text).toContain('Self-reported: no file to check.')
    expect(await page.locator('section.project h2').allInnerTexts()).toEqual(['Warehouse dashboard'])
    // The hostile title is shown as text and never ran.
    expect(await page.title()).not.toBe('pwned')
    expect(await page.locator('script').count()).toBe(0)
    // Nothing but the page itself was requested.
    expect(requests).toEqual([index])
    expect(problems).toEqual([])
    await page.close()
  })
})
