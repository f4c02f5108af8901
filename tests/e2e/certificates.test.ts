/**
 * Certificate PDFs, end to end (issue 12): PDFs dropped on the window are read one by one with
 * progress and wait on #/import/certificates; each opens in the credential form filled in with
 * what was read, and is saved (self-reported, the PDF kept as its original) only when the person
 * clicks. A scan is refused in words with a way to type it in; an unknown layout opens with what
 * was found and the rest marked; the same PDF picked again is "already in your portfolio".
 * The sample PDFs are made by tests/fixtures/certificates/make.ts.
 */
import type { JSHandle, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCANNED_PDF } from '../../electron/core/importers/certificate-pdf'
import { LIMITS } from '../../electron/shared/limits'
import { makeCertificate, makeScanned, SAMPLES, UNKNOWN } from '../fixtures/certificates/make'
import { CHROMIUM } from '../helpers/browser'
import { appSession, focusedLabel, tabTo } from './harness'

interface PdfFile {
  name: string
  bytes: Buffer
}

/** Drops what `dt` holds on the window as the desktop app gets it: dragenter, dragover, drop (ELECTRON-NOTES §6). */
async function drop(page: Page, dt: JSHandle<DataTransfer>): Promise<void> {
  for (const type of ['dragenter', 'dragover', 'drop'] as const) {
    await page.evaluate(({ type, dt }) => void document.querySelector('.main')!.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt })), { type, dt })
  }
}

/** A DataTransfer holding `files`, built in the page (the only way to make one with files). */
function pdfTransfer(page: Page, files: PdfFile[]): Promise<JSHandle<DataTransfer>> {
  const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') }))
  return page.evaluateHandle((items) => {
    const d = new DataTransfer()
    for (const it of items) d.items.add(new File([Uint8Array.from(atob(it.b64), (c) => c.charCodeAt(0))], it.name, { type: 'application/pdf' }))
    return d
  }, payload)
}

/** A "PDF" one byte over the size limit, made in the page (20 MB need not cross from the test). */
function hugeTransfer(page: Page): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle((bytes) => {
    const d = new DataTransfer()
    d.items.add(new File([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(bytes - 9)], 'huge.pdf', { type: 'application/pdf' }))
    return d
  }, LIMITS.importFileBytes + 1)
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('certificate PDFs, end to end'), () => {
  const { start } = appSession()

  it('reads dropped PDFs with progress, saves the checked one as self-reported, refuses a scan in words and opens an unknown layout with what was found', async () => {
    const coursera = SAMPLES.find((s) => s.name === 'coursera')!
    const files: PdfFile[] = [
      { name: 'coursera-ml.pdf', bytes: await makeCertificate(coursera) },
      { name: 'workshop.pdf', bytes: await makeCertificate(UNKNOWN) },
      { name: 'scan.pdf', bytes: await makeScanned() },
    ]
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio } = r
    const core = portfolio.core
    const rows = page.getByRole('listbox', { name: 'Certificate PDFs' }).getByRole('option')
    const form = page.locator('.cert-form form')
    const field = (label: string) => form.getByLabel(label, { exact: true })

    // The first read is held back, so the progress can be seen.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let first = true
    await page.route(/\/__bridge\/certificates%3Aread$/, async (route) => {
      if (first) {
        first = false
        await held
      }
      await route.continue()
    })

    await drop(page, await pdfTransfer(page, files))
    await r.waitForHash(/^#\/import\/certificates$/)
    await page.getByRole('progressbar', { name: 'Reading progress' }).waitFor()
    await page.getByText('Reading 1 of 3 certificates…').waitFor()
    expect(await rows.count()).toBe(3)
    release()

    // The Coursera certificate opens first, filled in with what it says.
    await page.getByRole('heading', { name: 'Machine Learning Foundations' }).waitFor()
    await page.getByRole('progressbar', { name: 'Reading progress' }).waitFor({ state: 'detached' })
    expect(await field('Title').inputValue()).toBe('Machine Learning Foundations')
    expect(await field('Earned').inputValue()).toBe('2024-03-15')
    expect(await field('Issuer').inputValue()).toBe('Example University')
    expect(await field('Provider').inputValue()).toBe('Coursera')
    expect(await field('Credential ID').inputValue()).toBe('ZX3EXAMPLE42')
    expect(await field('Verification link').inputValue()).toBe('https://coursera.org/verify/ZX3EXAMPLE42')
    const source = page.locator('.cert-source')
    expect(await source.innerText()).toContain(
      'Read from a Coursera certificate PDF; nothing in a PDF is signed, so it is saved as self-reported. Check it with the platform: coursera.org/verify/ZX3EXAMPLE42',
    )
    expect(await source.innerText()).toContain('Made out to Zoë Example')
    // The link opens outside the app, like every issuer link (the shell's window-open rule).
    const link = source.getByRole('link', { name: /coursera\.org\/verify/ })
    expect(await link.getAttribute('href')).toBe('https://coursera.org/verify/ZX3EXAMPLE42')
    expect(await link.getAttribute('target')).toBe('_blank')

    // Each file with its layout and state; the scan says why it was not read.
    expect(await rows.nth(0).innerText()).toMatch(/coursera-ml\.pdf\s+Coursera\s+To review/)
    expect(await rows.nth(1).innerText()).toMatch(/workshop\.pdf\s+Unknown layout\s+To review/)
    expect(await rows.nth(2).innerText()).toContain('scan.pdf')
    expect(await rows.nth(2).innerText()).toContain('Not read')
    expect(await rows.nth(2).innerText()).toContain(SCANNED_PDF)
    // Read is not saved.
    expect((await core.call('credentials:list', {})).total).toBe(0)
    await page.screenshot({ path: '/tmp/sf/certificates-review-light.png' })

    // Edit one field and save by keyboard (the form's Ctrl+S).
    await field('Title').fill('Machine Learning Foundations (honours)')
    await field('Title').press('Control+s')

    // The next one opens: the unknown layout, with what was found and the rest marked.
    await page.getByRole('heading', { name: 'Advanced Spreadsheet Modelling' }).waitFor()
    expect(await rows.nth(0).innerText()).toContain('Saved')
    expect(await field('Title').inputValue()).toBe('Advanced Spreadsheet Modelling')
    expect(await field('Earned').inputValue()).toBe('2024-10-14')
    expect(await field('Credential ID').inputValue()).toBe('ETI-2024-0042')
    expect(await field('Verification link').inputValue()).toBe('https://training.example.org/check/ETI-2024-0042')
    expect(await field('Kind').inputValue()).toBe('other')
    expect(await field('Issuer').inputValue()).toBe('')
    expect(await field('Issuer').getAttribute('aria-describedby')).toBeTruthy()
    expect(await form.locator('.field-missing').allInnerTexts()).toEqual([
      expect.stringContaining('We could not find the platform on this certificate.'),
      expect.stringContaining('We could not find who awarded this certificate.'),
    ])
    expect(await source.innerText()).toContain('Read from a certificate PDF in a layout Skillfolio does not know')
    expect(await page.locator('.cert-check').innerText()).toContain('Skillfolio does not know this layout, so check every field before saving.')
    await page.screenshot({ path: '/tmp/sf/certificates-unknown-light.png' })
    await field('Earned').scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/sf/certificates-missing-light.png' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: '/tmp/sf/certificates-missing-dark.png' })
    await page.emulateMedia({ colorScheme: 'light' })

    // Saved as self-reported with the PDF, byte for byte, as its original; the edit kept.
    const list = await core.call('credentials:list', {})
    expect(list.total).toBe(1)
    const saved = await core.call('credentials:get', { id: list.items[0]!.id })
    expect(saved).toMatchObject({ title: 'Machine Learning Foundations (honours)', earnedOn: '2024-03-15', issuerName: 'Example University', provider: 'Coursera', credentialCode: 'ZX3EXAMPLE42' })
    expect(saved.trust).toBe('self_reported')
    expect(saved.source).toMatchObject({ format: 'certificate-pdf', container: 'pdf', recipientName: 'Zoë Example' })
    expect(saved.evidence).toHaveLength(1)
    expect(saved.evidence[0]).toMatchObject({ fileName: 'coursera-ml.pdf', mediaType: 'application/pdf' })
    expect(Buffer.compare(core.evidence.get(saved.evidence[0]!.sha256), files[0]!.bytes)).toBe(0)

    // Skip the unknown one: nothing saved, and the summary links the saved credential.
    await form.getByRole('button', { name: 'Skip' }).click()
    await page.getByText('Done: 1 credential saved.').waitFor()
    expect(await rows.nth(1).innerText()).toContain('Skipped')
    const savedLink = page.locator('.cert-overview').getByRole('link', { name: 'Machine Learning Foundations (honours)' })
    expect(await savedLink.getAttribute('href')).toBe(`#/credentials/${saved.id}`)
    expect((await core.call('credentials:list', {})).total).toBe(1)
    await page.screenshot({ path: '/tmp/sf/certificates-done-light.png' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: '/tmp/sf/certificates-done-dark.png' })
    await page.emulateMedia({ colorScheme: 'light' })

    await r.done()
  })

  it('refuses a scan and a PDF over the size limit in words, offers to type it in, and knows a PDF saved before', async () => {
    const again = await makeCertificate(SAMPLES.find((s) => s.name === 'coursera')!)
    const scan = await makeScanned()
    const r = await start({ hash: '#/import/certificates' })
    const { page } = r
    const core = r.portfolio.core
    const rows = page.getByRole('listbox', { name: 'Certificate PDFs' }).getByRole('option')
    // This very PDF was saved before.
    const pdf = again.toString('base64')
    const preview = await core.call('certificates:read', { pdf, fileName: 'ml.pdf' })
    const saved = await core.call('certificates:confirm', { pdf, fileName: 'ml.pdf', values: preview.draft!, learnerName: null })

    // The empty review offers a picker for PDFs (several at once).
    await page.getByRole('heading', { name: 'No certificate PDFs to review' }).waitFor()
    await page.screenshot({ path: '/tmp/sf/certificates-empty-light.png' })
    const picker = page.locator('input[type=file][accept="application/pdf,.pdf"]')
    expect(await picker.getAttribute('multiple')).not.toBeNull()
    await picker.setInputFiles([
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan },
      { name: 'coursera-again.pdf', mimeType: 'application/pdf', buffer: again },
    ])
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/coursera-again\.pdf\s+Coursera\s+Already in your portfolio/)
    expect(await rows.nth(0).innerText()).toContain(SCANNED_PDF)

    // Over the size limit: refused unread, in words.
    await drop(page, await hugeTransfer(page))
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.nth(2).innerText()).toMatch(/huge\.pdf\s+The file is 20\.0 MB; Skillfolio reads credential files up to 20 MB\.\s+Not read/)
    expect(r.bridge.calls.filter((c) => c === 'certificates:read')).toHaveLength(2) // the huge one was never sent

    // By keyboard: the list opens the scan, which says why and offers the empty form.
    await page.getByRole('listbox', { name: 'Certificate PDFs' }).focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedLabel(page)).toBe('scan.pdf')
    expect(await page.locator('.cert-selected').getByRole('alert').innerText()).toContain(`This PDF could not be read. ${SCANNED_PDF}`)
    await page.screenshot({ path: '/tmp/sf/certificates-scan-light.png' })
    await tabTo(page, /^Type it in$/)
    await page.keyboard.press('Enter')
    await r.waitForHash(/^#\/credentials\/new$/)
    await page.getByRole('heading', { name: 'New credential' }).waitFor()

    // Back on the review the list is as it was; the PDF saved before names its credential.
    await page.evaluate(() => {
      location.hash = '#/import/certificates'
    })
    await rows.first().waitFor()
    expect(await rows.count()).toBe(3)
    await rows.nth(1).click()
    const note = page.locator('.cert-selected').getByRole('note')
    expect(await note.innerText()).toContain('Already in your portfolio as Machine Learning Foundations. This same PDF was saved before')
    expect(await note.getByRole('link').getAttribute('href')).toBe(`#/credentials/${saved.id}`)
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: '/tmp/sf/certificates-duplicate-dark.png' })
    await page.emulateMedia({ colorScheme: 'light' })

    // Nothing was saved from the page; the list clears.
    await page.locator('.cert-selected').getByRole('button', { name: 'Close' }).click()
    await page.getByText('Done: nothing was saved.').waitFor()
    await page.getByRole('button', { name: 'Clear the list' }).click()
    await page.getByRole('heading', { name: 'No certificate PDFs to review' }).waitFor()
    expect((await core.call('credentials:list', {})).total).toBe(1)

    await r.done()
  })
})
