/**
 * Bringing in a career history, end to end (issue 12): a LinkedIn data export ZIP (built here
 * from tests/fixtures/linkedin as LinkedIn writes it: UTF-8 with BOM and CRLF) and a JSON Resume
 * dropped onto the window as Files (a DataTransfer built in the page), read by the page, previewed
 * by the real core, reviewed entry by entry, then brought in; a second drop finds it there; a
 * broken JSON Resume is refused with its problems listed and the portfolio unchanged.
 * Screenshots of the review, light and dark, go to $SHOTS_DIR (default /tmp/sf).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark as shoot } from '../helpers/browser'
import { appSession, focusedLabel, tabTo } from './harness'

const LINKEDIN = join(__dirname, '../fixtures/linkedin')
const RESUME = join(dirname(createRequire(import.meta.url).resolve('@jsonresume/schema/package.json')), 'sample.resume.json')

interface DropFile {
  name: string
  type: string
  bytes: Uint8Array
}

/** The export as the ZIP LinkedIn sends: its CSV files in a folder of the archive, UTF-8 with BOM, CRLF. */
function linkedInZip(): DropFile {
  const files = readdirSync(LINKEDIN).filter((n) => n.endsWith('.csv'))
  const text = (name: string) => `\uFEFF${readFileSync(join(LINKEDIN, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n')}`
  const bytes = zipSync(Object.fromEntries(files.map((n) => [`Basic_LinkedInDataExport_12-01-2026/${n}`, strToU8(text(n))])))
  return { name: 'Basic_LinkedInDataExport_12-01-2026.zip', type: 'application/zip', bytes }
}

/** Drops `files` on the window's main area as a real drag does (enter, over, drop), with a DataTransfer made in the page. */
async function drop(page: Page, files: DropFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: Buffer.from(f.bytes).toString('base64') }))
  const prevented = await page.evaluate((items) => {
    const d = new DataTransfer()
    for (const it of items) d.items.add(new File([Uint8Array.from(atob(it.b64), (c) => c.charCodeAt(0))], it.name, { type: it.type }))
    const target = document.querySelector('.main')!
    return ['dragenter', 'dragover', 'drop'].map((type) => {
      const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: d })
      target.dispatchEvent(event)
      return event.defaultPrevented
    })
  }, payload)
  expect(prevented).toEqual([true, true, true]) // else a real drop would navigate the window away
}


describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('career import, end to end'), () => {
  const { start } = appSession()

  const review = (page: Page) => page.locator('.detail-pane form.career')
  const result = (page: Page) => page.locator('.detail-pane article.career[data-state="done"]')
  const sectionTitles = (page: Page) => page.locator('.detail-pane .career .section-title').allInnerTexts()

  it('drops a LinkedIn export, brings in all but the entry unchecked, and finds it all there on a second drop', async () => {
    const r = await start({ hash: '#/credentials', viewport: { width: 1280, height: 900 } })
    const { page, portfolio } = r
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor()
    const zip = linkedInZip()
    await drop(page, [zip])

    // The review: what the file is, the counts in words, every entry by section, new ones checked.
    await r.waitForHash(/^#\/import\/career$/)
    const form = review(page)
    await form.getByText('LinkedIn export, 9 files read').waitFor()
    expect(await form.getByRole('heading', { level: 2 }).innerText()).toBe(zip.name)
    expect(await form.locator('.detail-subtitle').innerText()).toBe('17 new.')
    expect(await sectionTitles(page)).toEqual(['Profile · 1', 'Work · 3', 'Education · 2', 'Certificates · 2', 'Projects · 2', 'Skills · 4', 'Languages · 3'])
    const boxes = form.getByRole('checkbox')
    expect(await boxes.count()).toBe(17)
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true)
    expect(await form.locator('.career-rows[data-section="basics"] .career-row-note').innerText()).toMatch(/^fills full name, headline, .*email/)

    // What has no place in Skillfolio is listed, folded away.
    const ignored = form.locator('details.career-ignored')
    expect(await ignored.getAttribute('open')).toBeNull()
    await ignored.locator('summary').click()
    await ignored.getByText('Honors.csv: Skillfolio has no place for it').waitFor()

    // Select none / all per section, then leave one job out by keyboard.
    await form.getByRole('button', { name: 'Select none in Skills' }).click()
    expect(await page.getByRole('button', { name: /^Bring in 13 entries$/ }).isEnabled()).toBe(true)
    await form.getByRole('button', { name: 'Select all in Skills' }).click()
    await form.getByRole('checkbox', { name: 'Senior Data Engineer at Müller GmbH' }).focus()
    await tabTo(page, /^Data Analyst at Brightwave AB$/)
    await page.keyboard.press('Space')
    expect(await form.getByRole('checkbox', { name: 'Data Analyst at Brightwave AB' }).isChecked()).toBe(false)
    const bringIn = page.getByRole('button', { name: 'Bring in 16 entries' })
    await shoot(page, 'career-review')

    // Enter on the primary button brings them in.
    await bringIn.focus()
    expect(await focusedLabel(page)).toBe('Bring in 16 entries')
    await page.keyboard.press('Enter')
    const done = result(page)
    await done.waitFor()
    expect(await done.locator('.detail-subtitle').innerText()).toBe('Brought in 16 entries; 1 left out.')
    expect(await sectionTitles(page)).toEqual(['Brought in · 16', 'Left out · 1'])
    expect(await done.locator('[data-outcome="left-out"]').innerText()).toContain('Data Analyst at Brightwave AB')
    await shoot(page, 'career-result')

    // In the portfolio: everything but the job left out.
    const jobs = await portfolio.core.call('experience:list', {})
    expect(jobs.map((j) => `${j.title} at ${j.organization}`).sort()).toEqual(['Senior Data Engineer at Müller GmbH', 'Teaching Assistant at Uppsala universitet'])
    expect((await portfolio.core.call('education:list', {})).length).toBe(2)
    const credentials = (await portfolio.core.call('credentials:list', { limit: 50 })).items.map((c) => c.title).sort()
    expect(credentials).toEqual(['AWS Certified Solutions Architect – Associate', 'Professional Scrum Master I'])
    expect((await portfolio.core.call('projects:list', { limit: 50 })).items.map((p) => p.title).sort()).toEqual(['Fjällkarta', 'Open Data Malmö'])
    const skills = (await portfolio.core.call('skills:list', { limit: 100 })).items.map((s) => s.name)
    expect(skills).toEqual(expect.arrayContaining(['Python', 'Apache Spark', 'SQL', 'dbt', 'Swedish', 'English', 'Deutsch']))
    expect((await portfolio.core.call('profile:get', {})).fullName).toBe('Zoë Ångström')

    // Each new entry links to where it lives.
    const aws = await portfolio.core.call('credentials:list', { limit: 50 }).then((l) => l.items.find((c) => c.title.startsWith('AWS'))!)
    await done.getByRole('link', { name: 'AWS Certified Solutions Architect – Associate' }).click()
    expect(await r.waitForHash(/^#\/credentials\//)).toBe(`#/credentials/${aws.id}`)
    await page.locator('.detail-pane').getByRole('heading', { name: 'AWS Certified Solutions Architect – Associate' }).waitFor()
    expect(await page.locator('.sidebar').getByRole('link', { name: /^Credentials/ }).locator('.nav-count').innerText()).toBe('2')

    // The same ZIP again: everything brought in is already there; only the job left out is new.
    await drop(page, [zip])
    await r.waitForHash(/^#\/import\/career$/)
    await form.locator('.detail-subtitle').getByText('1 new, 16 already in your portfolio.').waitFor()
    expect(await form.getByRole('checkbox', { checked: true }).count()).toBe(1)
    expect(await form.getByRole('checkbox', { name: 'Data Analyst at Brightwave AB' }).isChecked()).toBe(true)
    const twice = form.locator('.career-row[data-outcome="duplicate"]')
    expect(await twice.count()).toBe(16)
    for (const row of await twice.all()) {
      expect(await row.getByRole('checkbox').isDisabled()).toBe(true)
      expect(await row.locator('.career-row-note').innerText()).toMatch(/^Already in your portfolio/)
    }
    await shoot(page, 'career-review-again')
    // Cancel brings in nothing.
    await form.getByRole('button', { name: 'Cancel' }).click()
    await r.waitForHash(/^#\/import$/)
    expect((await portfolio.core.call('experience:list', {})).length).toBe(2)
    await r.done()
  })

  it('drops a JSON Resume beside a badge: the badge goes to the badge import, the resume to its review', async () => {
    const r = await start({ hash: '#/import' })
    const { page, portfolio } = r
    await page.getByRole('button', { name: 'JSON Resume…' }).waitFor()
    const badge = { name: 'ob2-assertion.json', type: 'application/json', bytes: readFileSync(join(__dirname, '../fixtures/importers/ob2-assertion.json')) }
    await drop(page, [{ name: 'resume.json', type: 'application/json', bytes: readFileSync(RESUME) }, badge])
    await r.waitForHash(/^#\/import\/career$/)
    const form = review(page)
    await form.getByText('JSON Resume', { exact: true }).waitFor()
    expect(await form.getByRole('heading', { level: 2 }).innerText()).toBe('resume.json')
    const titles = await sectionTitles(page)
    expect(titles).toEqual(expect.arrayContaining(['Profile · 1', 'Work · 1', 'Education · 1', 'Projects · 1']))
    expect(await form.getByText('Not brought in ·').innerText()).toMatch(/Not brought in · \d+/)

    const checked = await form.getByRole('checkbox', { checked: true }).count()
    await page.getByRole('button', { name: `Bring in ${checked} entries` }).click()
    await result(page).waitFor()
    expect(await result(page).locator('.detail-subtitle').innerText()).toBe(`Brought in ${checked} entries.`)
    const work = await portfolio.core.call('experience:list', {})
    expect(work.map((w) => w.organization)).toEqual(['Pied Piper'])
    await result(page).getByRole('link', { name: /Pied Piper/ }).click()
    expect(await r.waitForHash(/^#\/profile\//)).toBe(`#/profile/${work[0]!.id}`)

    // The badge went its own way: one import batch of one file.
    const batches = await portfolio.core.call('import:batches', { limit: 10 })
    expect(batches.map((b) => b.total)).toEqual([1])
    await r.done()
  })

  it('offers a Skillfolio export as "Bring in everything": explained and refused in a portfolio that is not empty, brought in to an empty one', async () => {
    const full = await start({ demo: true, hash: '#/credentials' })
    const zip = { name: 'skillfolio-export.zip', type: 'application/zip', bytes: Buffer.from((await full.portfolio.core.call('exchange:exportAll', {})).zipBase64, 'base64') }
    const demo = (await full.portfolio.core.call('app:info', {})).counts
    await full.page.locator('.app').waitFor()
    await drop(full.page, [zip])
    await full.waitForHash(/^#\/import\/career$/)
    const offer = full.page.locator('.detail-pane article.career[data-state="full-export"]')
    await offer.getByText('Skillfolio export', { exact: true }).waitFor()
    expect(await offer.locator('.detail-subtitle').innerText()).toContain(`${demo.credentials} credentials`)
    await offer.getByRole('note').getByText('Your portfolio is not empty.').waitFor()
    expect(await offer.getByRole('button', { name: 'Bring in everything' }).isDisabled()).toBe(true)
    await shoot(full.page, 'career-full-export')
    await full.done()

    const r = await start({ hash: '#/import' })
    await r.page.getByRole('button', { name: 'JSON Resume…' }).waitFor()
    await drop(r.page, [zip])
    await r.waitForHash(/^#\/import\/career$/)
    const empty = r.page.locator('.detail-pane article.career[data-state="full-export"]')
    await empty.getByRole('button', { name: 'Bring in everything' }).click()
    const done = result(r.page)
    await done.waitFor()
    await done.getByRole('link', { name: `${demo.credentials} credentials` }).waitFor()
    expect((await r.portfolio.core.call('app:info', {})).counts).toEqual(demo)
    await done.getByRole('link', { name: `${demo.projects} projects` }).click()
    await r.waitForHash(/^#\/projects$/)
    await r.done()
  })

  it('refuses a JSON Resume that breaks the schema with its problems listed, and asks for a file after a reload', async () => {
    const r = await start({ hash: '#/import' })
    const { page, portfolio } = r
    await page.getByRole('button', { name: 'LinkedIn export…' }).waitFor()
    await shoot(page, 'career-welcome')
    // Chosen with the welcome's button: the page reads the File itself.
    const broken = JSON.stringify({ basics: { name: 'Ada', email: 42 }, work: [{ name: 'Acme', startDate: 'yesterday' }] })
    await page.locator('input[data-career-input="json-resume"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) })
    await r.waitForHash(/^#\/import\/career$/)
    const refused = page.locator('.detail-pane article.career[data-state="refused"]')
    await refused.waitFor()
    const alert = refused.getByRole('alert')
    expect(await alert.innerText()).toMatch(/^This file cannot be brought in\. This file is not a valid JSON Resume \(\d+ problems?\); nothing was imported\. Your portfolio is unchanged\./)
    expect(await alert.locator('.career-issues li').count()).toBeGreaterThan(0)
    expect(await alert.locator('.career-issues').innerText()).toContain('basics.email')
    expect((await portfolio.core.call('app:info', {})).counts).toEqual({ credentials: 0, projects: 0, skills: 0, experience: 0, education: 0 })
    await shoot(page, 'career-refused')

    // After a reload nothing is held: the screen asks for the file.
    await r.reload()
    await page.getByRole('heading', { name: 'Nothing to review' }).waitFor()
    await page.locator('.detail-pane').getByText('Drop your LinkedIn export or JSON Resume here').waitFor()
    await page.locator('.detail-pane').getByRole('button', { name: 'LinkedIn export…' }).waitFor()
    await shoot(page, 'career-nothing')
    await r.done()
  })
})
