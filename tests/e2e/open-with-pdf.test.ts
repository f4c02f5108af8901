/**
 * Files opened with Skillfolio (double-click, Open With), end to end: a certificate PDF waits in
 * the certificate review, read like a dropped one, and a badge opened with it is imported as a
 * batch. The bridge's openWith plays the main process (electron/main/index.ts, tested with the
 * electron stub in tests/main/open-with-pdf.test.ts): the same plan, tickets and event; the test
 * then shows the route main loads. The sample PDFs are made by tests/fixtures/certificates/make.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCertificate, SAMPLES, UNKNOWN } from '../fixtures/certificates/make'
import { SIGNED_OB3 } from '../helpers/badges'
import { CHROMIUM } from '../helpers/browser'
import { appSession } from './harness'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-open-with-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('files opened with Skillfolio'), () => {
  const { start } = appSession()

  it('queues an opened PDF for certificate review and imports a badge opened with it; a page that starts later takes what waits', async () => {
    const coursera = await makeCertificate(SAMPLES.find((s) => s.name === 'coursera')!)
    const pdfPath = join(dir, 'coursera-ml.pdf')
    writeFileSync(pdfPath, coursera)
    const r = await start({ hash: '#/credentials' })
    const { page, bridge } = r
    const core = r.portfolio.core
    const rows = page.getByRole('listbox', { name: 'Certificate PDFs' }).getByRole('option')
    const form = page.locator('.cert-form form')

    // The OS opens a PDF and a badge with the running app.
    const opened = await bridge.openWith([pdfPath, SIGNED_OB3])
    expect(opened.route).toBe('#/import/certificates')
    expect(opened.batchId).toEqual(expect.any(Number))
    await page.evaluate((route) => void (location.hash = route), opened.route!) // main's loadURL

    // Read as a dropped PDF is: the review opens filled in with what it says.
    await page.getByRole('heading', { name: 'Machine Learning Foundations' }).waitFor()
    expect(await rows.count()).toBe(1)
    expect(await rows.nth(0).innerText()).toMatch(/coursera-ml\.pdf\s+Coursera\s+To review/)
    expect(await form.getByLabel('Credential ID', { exact: true }).inputValue()).toBe('ZX3EXAMPLE42')
    expect(bridge.calls).toContain('certificates:read')
    expect(bridge.importedPaths).toEqual([]) // the page named no file: the PDF came by ticket

    // The badge became its own batch, listed beside the review without taking the person away from it.
    expect(await core.call('import:status', { batchId: opened.batchId!, waitMs: 20_000 })).toMatchObject({ state: 'done', origin: 'open-with', counts: { imported: 1 } })
    const batchRow = page.getByRole('listbox', { name: 'Recent imports' }).getByRole('option')
    await expect.poll(() => batchRow.count()).toBe(1)
    await expect.poll(() => batchRow.nth(0).innerText()).toMatch(/^1 file\s+Done/)
    expect(await page.evaluate(() => location.hash)).toBe('#/import/certificates')

    // Saving reads the PDF again by its ticket: kept byte for byte as the credential's original.
    await form.getByRole('button', { name: 'Save credential' }).click()
    await expect.poll(() => rows.nth(0).innerText()).toContain('Saved')
    const saved = (await core.call('credentials:list', {})).items.find((c) => c.title === 'Machine Learning Foundations')!
    const full = await core.call('credentials:get', { id: saved.id })
    expect(full.evidence[0]).toMatchObject({ fileName: 'coursera-ml.pdf', mediaType: 'application/pdf' })
    expect(Buffer.compare(core.evidence.get(full.evidence[0]!.sha256), coursera)).toBe(0)

    // A PDF opened before the window has its page (a cold start) is taken by the page when it starts.
    await page.goto('about:blank')
    const workshopPath = join(dir, 'workshop.pdf')
    writeFileSync(workshopPath, await makeCertificate(UNKNOWN))
    const second = await bridge.openWith([workshopPath])
    expect(second).toEqual({ route: '#/import/certificates', batchId: null })
    await page.goto(bridge.url + second.route)
    await page.getByRole('heading', { name: 'Advanced Spreadsheet Modelling' }).waitFor()
    expect(await rows.count()).toBe(1)
    expect(await rows.nth(0).innerText()).toMatch(/workshop\.pdf\s+Unknown layout\s+To review/)
    await page.screenshot({ path: '/tmp/sf/open-with-pdf-light.png' })

    await r.done()
  })
})
