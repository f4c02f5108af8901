/**
 * Importing badges, end to end: files dropped onto the window (a DataTransfer built in the page,
 * as ELECTRON-NOTES §6 describes; Files made for real files and folders on disk carry their path,
 * as in the desktop app, and are imported by it) or picked in the (bridge's stand-in for the) native open
 * dialog go through the real core on a temp portfolio; progress arrives as events, never by
 * polling; the Import screen shows the per-file report with each file's verdict word; undo;
 * an interrupted batch and Resume; the trust badge, the Verification section and Re-verify; the
 * Online checks setting and its confirmation; a page script cannot import by path.
 *
 * Online checks are answered by `hostedFetch` (tests/helpers/badges.ts) instead of the issuer's
 * web site; holding its answers keeps a batch running long enough to see its progress.
 */
import type { JSHandle, Page } from 'playwright-core'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { basename, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { CLOUD, dropFiles, hostedFetch, PIPELINES, SIGNED_OB3, type TestFile } from '../helpers/badges'
import { CHROMIUM } from '../helpers/browser'
import { appSession, type Running } from './harness'

type DragType = 'dragenter' | 'dragover' | 'dragleave' | 'drop'

/** A DataTransfer holding `files`, built in the page (the only way to make one with files). */
async function dataTransfer(page: Page, files: TestFile[]): Promise<JSHandle<DataTransfer>> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') }))
  return page.evaluateHandle((items) => {
    const d = new DataTransfer()
    for (const it of items) d.items.add(new File([Uint8Array.from(atob(it.b64), (c) => c.charCodeAt(0))], it.name, { type: it.type }))
    return d
  }, payload)
}

/**
 * A DataTransfer as an OS drop of files and folders on disk gives: Files whose path the shell
 * can find (the bridge's stand-in for webUtils.getPathForFile); a folder is an empty File with
 * the folder's name, as Chromium gives.
 */
async function diskTransfer(page: Page, paths: string[]): Promise<JSHandle<DataTransfer>> {
  const payload = paths.map((path) => ({ path, name: basename(path), b64: statSync(path).isDirectory() ? '' : readFileSync(path).toString('base64') }))
  return page.evaluateHandle((items) => {
    const make = (window as unknown as { __bridgeDiskFile: (path: string, name: string, base64: string, type: string) => File }).__bridgeDiskFile
    const d = new DataTransfer()
    for (const it of items) d.items.add(make(it.path, it.name, it.b64, ''))
    return d
  }, payload)
}

/** Fires a drag event on the first element matching `selector`; answers whether its default was prevented. */
async function drag(page: Page, selector: string, type: DragType, dt: JSHandle<DataTransfer>): Promise<boolean> {
  return page.evaluate(
    ({ selector, type, dt }) => {
      const target = document.querySelector(selector)
      if (!target) throw new Error(`nothing matches ${selector}`)
      const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt })
      target.dispatchEvent(event)
      return event.defaultPrevented
    },
    { selector, type, dt },
  )
}

/** The whole gesture: enter, move, drop, as a real drag does. */
async function dropOnto(page: Page, selector: string, files: TestFile[]): Promise<void> {
  const dt = await dataTransfer(page, files)
  await drag(page, selector, 'dragenter', dt)
  expect(await drag(page, selector, 'dragover', dt)).toBe(true)
  expect(await drag(page, selector, 'drop', dt)).toBe(true)
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('importing badges, end to end'), () => {
  const { start } = appSession()

  const overlay = (page: Page) => page.locator('[data-drop-overlay]')
  const batch = (page: Page) => page.locator('.detail-pane article.batch')
  const group = (page: Page, outcome: string) => page.locator(`.outcomes-list[data-outcome="${outcome}"] > li`)
  const rows = (page: Page) => page.locator('.list-pane').getByRole('listbox').getByRole('option')
  const navCount = (page: Page, label: string) => page.locator('.sidebar').getByRole('link', { name: new RegExp(`^${label}`) }).locator('.nav-count')
  const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text)
  /** Imports through the core directly (setup for a test about something else). */
  const importDirect = async (r: Running, files: TestFile[]) => {
    const { batchId } = await r.portfolio.core.call('import:start', { origin: 'drop', sources: files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })) })
    await r.portfolio.core.idle()
    return r.portfolio.core.call('import:status', { batchId })
  }

  it('(a) shows a drop overlay, imports two dropped badges with progress, and explains the broken file', async () => {
    const site = hostedFetch([PIPELINES, CLOUD])
    const r = await start({ hash: '#/credentials', core: { fetchJson: site.fetchJson } })
    const { page, portfolio } = r
    // Online checks on, with the issuer's answers held back: the batch stays running until released.
    await portfolio.core.call('settings:update', { onlineChecks: true })
    site.hold()
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor()
    const files = dropFiles()
    const dt = await dataTransfer(page, files)

    // Dragging over any element (nested ones included) shows the overlay; leaving hides it.
    await drag(page, '.empty-title', 'dragenter', dt)
    await overlay(page).getByText('Drop badges to import').waitFor()
    await drag(page, '.empty-body', 'dragenter', dt)
    await drag(page, '.empty-title', 'dragleave', dt)
    expect(await overlay(page).isVisible()).toBe(true) // still inside the window
    await drag(page, '.empty-body', 'dragleave', dt)
    await overlay(page).waitFor({ state: 'detached' })

    await drag(page, '.main', 'dragenter', dt)
    await overlay(page).waitFor()
    expect(await drag(page, '.main', 'dragover', dt)).toBe(true) // else a real drop would navigate away
    expect(await drag(page, '.main', 'drop', dt)).toBe(true)
    await overlay(page).waitFor({ state: 'detached' })

    // The Import screen opens on the new batch and shows its progress.
    const hash = await r.waitForHash(/^#\/import\/\d+$/)
    const batchId = Number(hash.split('/')[2])
    const bar = page.getByRole('progressbar', { name: 'Import progress' })
    await bar.waitFor()
    await expect.poll(() => bar.getAttribute('aria-valuemax')).toBe('3')
    expect(await bar.getAttribute('aria-valuenow')).toBe('0')
    await batch(page).getByRole('heading', { name: 'Importing 3 files…' }).waitFor()
    await page.locator('.sidebar').getByLabel('importing 0 of 3 files').waitFor()
    expect(await page.title()).toBe('Import · Skillfolio')

    site.release()
    await batch(page).getByRole('heading', { name: 'Import of 3 files' }).waitFor()
    expect(await bar.count()).toBe(0)
    expect(await batch(page).getAttribute('data-state')).toBe('partial')
    expect(await page.locator('.import-counts').innerText()).toMatch(/Imported\s+2\s+Updated\s+0\s+Duplicates\s+0\s+Failed\s+1/i)
    expect(await batch(page).locator('.detail-subtitle').innerText()).toBe('Imported 2 of 3 files; 1 failed')
    expect(await batch(page).locator('.detail-eyebrow').innerText()).toMatch(/Some failed\s+Started \d{1,2} [A-Z][a-z]+ \d{4}, /)

    // Progress came as events, not by polling: the report was fetched when the batch opened and once when it ended.
    expect(r.bridge.events.filter((e) => e.batchId === batchId).map((e) => e.state)).toEqual(expect.arrayContaining(['running', 'partial']))
    expect(r.bridge.calls.filter((c) => c === 'import:status').length).toBeLessThanOrEqual(3)

    // Failures first, with the file name and the reason in plain words.
    const sections = await batch(page).locator('.section-title').allInnerTexts()
    expect(sections).toEqual(['Could not be imported · 1', 'Imported · 2'])
    const failed = group(page, 'failed')
    expect(await failed.count()).toBe(1)
    expect(await failed.locator('.outcome-title').innerText()).toBe('broken.png')
    expect(await failed.locator('.outcome-reason').innerText()).toMatch(/JSON.*not a badge|not a badge.*JSON/i)

    // Imported: links to the new credentials, with the file each came from.
    const imported = group(page, 'imported')
    expect(await imported.count()).toBe(2)
    expect(await imported.getByRole('link').allInnerTexts()).toEqual(['Data Pipelines Practitioner', 'Cloud Security Basics'])
    expect(await imported.locator('.outcome-file').allInnerTexts()).toEqual(['data-pipelines.json', 'cloud-security.png'])
    // Each file with its verdict word, and what was checked in words (also the badge's explanation).
    expect(await imported.locator('[data-trust]').allInnerTexts()).toEqual(['Verified', 'Verified'])
    const checked = await imported.locator('.outcome-checked').allInnerTexts()
    expect(checked).toHaveLength(2)
    for (const line of checked) expect(line).toMatch(/^Signature valid/)
    expect(await imported.locator('[data-trust]').first().getAttribute('title')).toMatch(/^Signature valid/i)
    expect(await failed.locator('[data-trust]').count()).toBe(0)

    // The sidebar counts were refreshed when the batch finished (no reload).
    await expect.poll(() => navCount(page, 'Credentials').innerText()).toBe('2')
    // The batch is in the recent list, selected.
    expect(await rows(page).count()).toBe(1)
    expect(await rows(page).first().getAttribute('aria-selected')).toBe('true')
    expect(await rows(page).first().innerText()).toContain('Imported 2 of 3 files; 1 failed')

    // In the portfolio (checked online against the held-back "issuer"), and still there after a reload.
    const list = await portfolio.core.call('credentials:list', {})
    expect(list.items.map((c) => [c.title, c.trust]).sort()).toEqual([
      ['Cloud Security Basics', 'verified'],
      ['Data Pipelines Practitioner', 'verified'],
    ])
    await r.reload()
    expect(await r.hash()).toBe(`#/import/${batchId}`)
    await batch(page).getByRole('heading', { name: 'Import of 3 files' }).waitFor()
    await imported.getByRole('link', { name: 'Cloud Security Basics' }).click()
    await r.waitForHash(/^#\/credentials\/cred-\d+$/)
    await page.locator('.detail-pane [data-detail-title]').filter({ hasText: 'Cloud Security Basics' }).waitFor()
    await r.reload()
    await rows(page).first().waitFor()
    expect(await rows(page).allInnerTexts()).toEqual([expect.stringContaining('Cloud Security Basics'), expect.stringContaining('Data Pipelines Practitioner')])
    await r.done()
  })

  it('(b) reports the same files dropped again as duplicates and adds nothing', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio } = r
    const first = await importDirect(r, dropFiles())
    expect(first.counts).toEqual({ imported: 2, updated: 0, duplicate: 0, failed: 1 })
    await r.reload()
    await rows(page).nth(1).waitFor()

    // Dropped on a list row this time (a nested element), from the Credentials screen.
    await dropOnto(page, '.listbox-item .row-title', dropFiles())
    const hash = await r.waitForHash(/^#\/import\/\d+$/)
    expect(hash).toBe(`#/import/${first.batchId + 1}`)
    await batch(page).getByRole('heading', { name: 'Import of 3 files' }).waitFor()
    expect(await batch(page).locator('.detail-subtitle').innerText()).toBe('Nothing new in 3 files: 2 already in your portfolio, 1 failed')
    const dupes = group(page, 'duplicate')
    expect(await dupes.count()).toBe(2)
    expect(await dupes.locator('.outcome-reason').first().innerText()).toMatch(/already in your portfolio as “Data Pipelines Practitioner”/i)
    // Nothing to undo when nothing was added.
    expect(await batch(page).getByRole('button', { name: 'Undo this import' }).count()).toBe(0)
    expect((await portfolio.core.call('credentials:list', {})).total).toBe(2)
    expect(await navCount(page, 'Credentials').innerText()).toBe('2')
    await r.done()
  })

  it('(c) undoes an import after a confirm, and the undo survives a reload', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio } = r
    await portfolio.core.call('credentials:create', { title: 'Typed in by hand', kind: 'other' })
    const report = await importDirect(r, dropFiles())
    await r.reload()
    expect(await navCount(page, 'Credentials').innerText()).toBe('3')

    // From the sidebar to the Import screen, then the batch from the recent list.
    await page.locator('.sidebar').getByRole('link', { name: /^Import/ }).click()
    await r.waitForHash(/^#\/import$/)
    await page.getByRole('heading', { name: 'Drop badges here to import them' }).waitFor()
    await rows(page).first().click()
    await r.waitForHash(new RegExp(`^#/import/${report.batchId}$`))

    await batch(page).getByRole('button', { name: 'Undo this import' }).click()
    const dialog = page.getByRole('dialog', { name: 'Undo this import?' })
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('The 2 credentials it added will be removed')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect((await portfolio.core.call('credentials:list', {})).total).toBe(3)

    await batch(page).getByRole('button', { name: 'Undo this import' }).click()
    await dialog.getByRole('button', { name: 'Undo import' }).click()
    await toast(page, 'Import undone: removed 2 credentials').waitFor()
    await batch(page).locator('.banner-info').getByText('This import was undone').waitFor()
    expect(await batch(page).getAttribute('data-state')).toBe('undone')
    expect(await batch(page).getByRole('button', { name: 'Undo this import' }).count()).toBe(0)
    // The removed credentials are no longer links.
    expect(await group(page, 'imported').getByRole('link').count()).toBe(0)
    await expect.poll(() => navCount(page, 'Credentials').innerText()).toBe('1')
    expect((await portfolio.core.call('credentials:list', {})).items.map((c) => c.title)).toEqual(['Typed in by hand'])

    await r.reload()
    expect(await r.hash()).toBe(`#/import/${report.batchId}`)
    expect(await batch(page).getAttribute('data-state')).toBe('undone')
    expect(await rows(page).first().innerText()).toContain('Undone')
    await page.locator('.sidebar').getByRole('link', { name: /^Credentials/ }).click()
    await rows(page).first().waitFor()
    expect(await rows(page).allInnerTexts()).toEqual([expect.stringContaining('Typed in by hand')])
    await r.done()
  })

  it('(d) imports what is picked in the native open dialog, with each file’s verdict word', async () => {
    const r = await start({ hash: '#/import' })
    const { page, portfolio, bridge } = r
    await page.getByRole('heading', { name: 'Drop badges here to import them' }).waitFor()
    await page.getByRole('heading', { name: 'No imports yet' }).waitFor()
    const folder = join(portfolio.dir, 'Downloads')
    mkdirSync(folder)
    const picked = [...dropFiles(), { name: 'signed-ob3.json', type: 'application/json', bytes: readFileSync(SIGNED_OB3) }].map((f) => {
      writeFileSync(join(folder, f.name), f.bytes)
      return join(folder, f.name)
    })
    const asked: string[] = []

    // Cancel: nothing happens.
    bridge.chooseAnswer = (kind) => (asked.push(kind), null)
    await page.getByRole('button', { name: 'Choose files…' }).click()
    await expect.poll(() => asked).toEqual(['files'])
    expect(await r.hash()).toBe('#/import')

    // The paths go from the dialog to the core; the page never sees them.
    bridge.chooseAnswer = (kind) => (asked.push(kind), picked)
    await page.getByRole('button', { name: 'Choose files…' }).click()
    const hash = await r.waitForHash(/^#\/import\/\d+$/)
    await batch(page).getByRole('heading', { name: 'Import of 4 files' }).waitFor()
    expect(await batch(page).locator('.detail-subtitle').innerText()).toBe('Imported 3 of 4 files; 1 failed')
    expect(await batch(page).locator('.detail-eyebrow').innerText()).toContain('Chosen')
    const report = await portfolio.core.call('import:status', { batchId: Number(hash.split('/')[2]) })
    expect(report.origin).toBe('dialog')
    expect(report.items.map((i) => [i.fileName, i.outcome])).toEqual([
      ['data-pipelines.json', 'imported'],
      ['cloud-security.png', 'imported'],
      ['broken.png', 'failed'],
      ['signed-ob3.json', 'imported'],
    ])
    // Offline: the signed credential is Verified, the hosted badges need the issuer's site.
    const imported = group(page, 'imported')
    const verdicts = await imported.evaluateAll((rows) => rows.map((row) => [row.querySelector('.outcome-title')?.textContent, row.querySelector('[data-trust]')?.textContent]))
    expect(verdicts).toEqual([
      ['Data Pipelines Practitioner', 'Unverified'],
      ['Cloud Security Basics', 'Unverified'],
      ['Skillfolio Test Badge', 'Verified'],
    ])
    expect(await imported.filter({ hasText: 'Cloud Security Basics' }).locator('.outcome-checked').innerText()).toMatch(/online checks are off/)
    expect(await group(page, 'failed').locator('.outcome-reason').innerText()).toMatch(/\S/)
    expect(await page.evaluate('document.body.innerText')).not.toContain(folder) // no path reached the page
    await expect.poll(() => navCount(page, 'Credentials').innerText()).toBe('3')

    // "Choose folder…" asks for a folder.
    bridge.chooseAnswer = (kind) => (asked.push(kind), null)
    await page.getByRole('button', { name: 'Folder…', exact: true }).click()
    await expect.poll(() => asked).toEqual(['files', 'files', 'folder'])
    await r.done()
  })

  it('imports files and a whole folder dropped from disk by their paths (the desktop branch), folders walked', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio, bridge } = r
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor()
    // On disk: a folder of badges with a sub-folder (and a hidden file, which a walk skips), and one loose file.
    const [pipelines, cloudPng, broken] = dropFiles() as [TestFile, TestFile, TestFile]
    const folder = join(portfolio.dir, 'Badges 2025')
    mkdirSync(join(folder, 'cloud'), { recursive: true })
    writeFileSync(join(folder, pipelines.name), pipelines.bytes)
    writeFileSync(join(folder, 'cloud', cloudPng.name), cloudPng.bytes)
    writeFileSync(join(folder, 'cloud', broken.name), broken.bytes)
    writeFileSync(join(folder, '.DS_Store'), 'not a badge')
    const loose = join(portfolio.dir, 'signed-ob3.json')
    writeFileSync(loose, readFileSync(SIGNED_OB3))

    const dt = await diskTransfer(page, [loose, folder])
    await drag(page, '.main', 'dragenter', dt)
    expect(await drag(page, '.main', 'dragover', dt)).toBe(true)
    expect(await drag(page, '.main', 'drop', dt)).toBe(true)

    const hash = await r.waitForHash(/^#\/import\/\d+$/)
    await batch(page).getByRole('heading', { name: 'Import of 4 files' }).waitFor()
    expect(await batch(page).locator('.detail-subtitle').innerText()).toBe('Imported 3 of 4 files; 1 failed')
    // The shell got two paths, no contents; the core walked the folder.
    expect(bridge.importedPaths).toEqual([loose, folder])
    const report = await portfolio.core.call('import:status', { batchId: Number(hash.split('/')[2]) })
    expect(report.origin).toBe('drop')
    expect(report.items.map((i) => `${i.fileName}: ${i.outcome}`).sort()).toEqual(['broken.png: failed', 'cloud-security.png: imported', 'data-pipelines.json: imported', 'signed-ob3.json: imported'])
    const verdicts = await group(page, 'imported').evaluateAll((rows) => rows.map((row) => [row.querySelector('.outcome-title')?.textContent, row.querySelector('[data-trust]')?.textContent]))
    expect(verdicts).toEqual(
      expect.arrayContaining([
        ['Skillfolio Test Badge', 'Verified'],
        ['Data Pipelines Practitioner', 'Unverified'],
        ['Cloud Security Basics', 'Unverified'],
      ]),
    )
    expect(await page.evaluate('document.body.innerText')).not.toContain(portfolio.dir) // no path reached the page
    await expect.poll(() => navCount(page, 'Credentials').innerText()).toBe('3')
    await r.done()
  })

  it('refuses a page script that names a path, through the shell and through the contract', async () => {
    const r = await start({ hash: '#/import' })
    const { page, portfolio } = r
    await page.getByRole('heading', { name: 'Drop badges here to import them' }).waitFor()
    const viaShell = await page.evaluate(`window.skillfolioFiles.importFiles(['/etc/passwd'], 'drop')`)
    expect(viaShell).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const viaContract = await page.evaluate(`window.skillfolio['import:start']({ sources: [{ path: ${JSON.stringify(portfolio.dir)} }], origin: 'drop' })`)
    expect(viaContract).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('cannot name files on disk') } })
    expect(await portfolio.core.call('import:batches', {})).toEqual([])
    await r.done()
  })

  it('(g) says how many files an interrupted import did not read, and Resume reads them', async () => {
    const folder = { path: '' }
    const r = await start({
      hash: '#/import',
      prepare: (p) => {
        // A batch left running by a program that is gone (Skillfolio crashed): one file read, two not.
        folder.path = join(p.dir, 'Downloads')
        mkdirSync(folder.path)
        const files = [dropFiles()[2]!, dropFiles()[0]!, { name: 'signed-ob3.json', type: 'application/json', bytes: readFileSync(SIGNED_OB3) }]
        for (const f of files) writeFileSync(join(folder.path, f.name), f.bytes)
        const db = p.core.db
        const dead = spawnSync(process.execPath, ['-e', '0']).pid! // exited: no such process now
        const id = Number(
          db.prepare(`INSERT INTO import_batch (source, started_at, total, state, owner_pid, owner_host, owner_boot, sources) VALUES ('drop', ?, 3, 'running', ?, ?, ?, '[]')`)
            .run(new Date().toISOString(), dead, hostname(), Math.round(Date.now() / 1000 - uptime())).lastInsertRowid,
        )
        files.forEach((f, k) => db.prepare('INSERT INTO import_file (batch_id, position, file_name, path) VALUES (?, ?, ?, ?)').run(id, k, f.name, join(folder.path, f.name)))
        db.prepare(`INSERT INTO import_item (batch_id, position, file_name, outcome, reason) VALUES (?, 0, 'broken.png', 'failed', 'This is JSON, but not a badge.')`).run(id)
        p.reopen() // the next start finds it interrupted
      },
    })
    const { page, portfolio } = r
    const [interrupted] = await portfolio.core.call('import:batches', {})
    expect(interrupted!.state).toBe('interrupted')
    expect(await rows(page).first().innerText()).toContain('Interrupted')
    await rows(page).first().click()
    await r.waitForHash(new RegExp(`^#/import/${interrupted!.batchId}$`))
    expect(await batch(page).locator('.detail-subtitle').innerText()).toBe('Interrupted: 2 files were not read')
    expect(await batch(page).locator('.banner-warning').innerText()).toContain('Resume reads the 2 files it had not reached')
    const unread = batch(page).locator('.outcomes-list[data-outcome="unread"] > li')
    expect(await unread.allInnerTexts()).toEqual(['data-pipelines.json', 'signed-ob3.json'])
    expect(await group(page, 'failed').locator('.outcome-reason').allInnerTexts()).toEqual(['This is JSON, but not a badge.'])

    // Keyboard: Tab reaches Resume, Enter resumes; the new batch opens and reads the two files.
    await batch(page).getByRole('button', { name: 'Resume' }).focus()
    await page.keyboard.press('Enter')
    const hash = await r.waitForHash(new RegExp(`^#/import/(?!${interrupted!.batchId}$)\\d+$`))
    await batch(page).getByRole('heading', { name: 'Import of 2 files' }).waitFor()
    expect(await batch(page).locator('.detail-subtitle').innerText()).toBe('Imported 2 of 2 files')
    expect(await batch(page).innerText()).toContain(`This import resumed import ${interrupted!.batchId}`)
    expect(await group(page, 'imported').locator('[data-trust]').allInnerTexts()).toEqual(['Unverified', 'Verified'])

    // The interrupted one now says where it went, and offers Resume no more.
    await batch(page).getByRole('link', { name: `import ${interrupted!.batchId}` }).click()
    await r.waitForHash(new RegExp(`^#/import/${interrupted!.batchId}$`))
    await batch(page).locator('.banner-warning').getByText(`It was resumed as import ${hash.split('/')[2]}`).waitFor()
    expect(await batch(page).getByRole('button', { name: 'Resume' }).count()).toBe(0)
    await r.done()
  })

  it('(e) shows the trust badge and the verification, and Re-verify checks again', async () => {
    const site = hostedFetch([PIPELINES, CLOUD])
    const r = await start({ hash: '#/credentials', core: { fetchJson: site.fetchJson } })
    const { page, portfolio } = r
    await portfolio.core.call('credentials:create', { title: 'Typed in by hand', kind: 'other' })
    await importDirect(r, [dropFiles()[1]!, { name: 'signed-ob3.json', type: 'application/json', bytes: readFileSync(SIGNED_OB3) }])
    await r.reload()
    await rows(page).nth(2).waitFor()

    // Every row says how far it can be trusted, in words.
    const trustOf = async (title: string) => rows(page).filter({ hasText: title }).locator('[data-trust]').innerText()
    expect(await trustOf('Typed in by hand')).toBe('Self-reported')
    expect(await trustOf('Cloud Security Basics')).toBe('Unverified')
    expect(await trustOf('Skillfolio Test Badge')).toBe('Verified')

    // A signed credential: verified offline, with the method and the key.
    await rows(page).filter({ hasText: 'Skillfolio Test Badge' }).click()
    const detail = page.locator('.detail-pane')
    await detail.locator('[data-detail-title]').filter({ hasText: 'Skillfolio Test Badge' }).waitFor()
    expect(await detail.locator('.detail-header [data-trust]').innerText()).toBe('Verified')
    const verification = detail.locator('.section').filter({ has: page.getByRole('heading', { name: 'Verification' }) })
    expect(await verification.locator('.verdict-label').allInnerTexts()).toEqual(['Valid signature', 'Issuer confirmed', 'In date', 'No revocation check'])
    // The headline names exactly what was checked.
    expect(await verification.locator('.verification-summary').innerText()).toContain('Signature valid · issuer confirmed (did:key) · no revocation list')
    expect(await verification.innerText()).toContain('eddsa-rdfc-2022')
    expect(await verification.innerText()).toMatch(/Checked .* · offline/)
    const source = detail.locator('.section').filter({ has: page.getByRole('heading', { name: 'Imported from' }) })
    expect(await source.innerText()).toContain('Open Badges 3.0 · JSON')

    // A hosted badge baked into a PNG: needs an online check; the recipient stays hashed.
    await rows(page).filter({ hasText: 'Cloud Security Basics' }).click()
    await detail.locator('[data-detail-title]').filter({ hasText: 'Cloud Security Basics' }).waitFor()
    expect(await detail.locator('.detail-header [data-trust]').innerText()).toBe('Unverified')
    expect(await verification.locator('.verdict-label').allInnerTexts()).toEqual(['Needs an online check', 'Not checked', 'In date', 'Needs an online check'])
    expect(await verification.locator('.verification-summary').innerText()).toContain('Signature not checked: online checks are off')
    expect(await verification.locator('.verdict-detail').first().innerText()).toContain('Turn on online checks')
    await verification.getByRole('link', { name: 'online checks' }).waitFor()
    expect(await source.innerText()).toContain('Open Badges 2.0 · baked PNG')
    // the baked PNG itself is shown as the badge image, loaded through the contract as a data: URL
    const image = detail.locator('.detail-header img.badge-image')
    await image.waitFor()
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await source.innerText()).toContain('Hashed e-mail address')
    expect(await source.innerText()).not.toContain('sha256$')
    expect(await source.innerText()).toContain('https://badges.skillfolio.test/e2e/issuer')
    expect(await source.innerText()).toContain('Pass the Cloud Security Basics assessment')

    // Re-verify with online checks still off: checked again, same verdict, a new time.
    const before = (await portfolio.core.call('credentials:get', { id: (await r.hash()).split('/')[2]! })).verification!.checkedAt
    await verification.getByRole('button', { name: 'Re-verify' }).click()
    await toast(page, 'Checked “Cloud Security Basics” again').waitFor()
    const id = (await r.hash()).split('/')[2]!
    expect((await portfolio.core.call('credentials:get', { id })).verification!.checkedAt).not.toBe(before)
    expect(site.fetches).toEqual([])

    // With online checks on, Re-verify asks the issuer and the credential becomes Verified.
    await portfolio.core.call('settings:update', { onlineChecks: true })
    await verification.getByRole('button', { name: 'Re-verify' }).click()
    await expect.poll(() => detail.locator('.detail-header [data-trust]').innerText()).toBe('Verified')
    expect(await verification.locator('.verdict-label').first().innerText()).toBe('Valid signature')
    expect(await verification.innerText()).toContain('online checks on')
    expect(site.fetches).toContain(CLOUD.id)
    expect(await trustOf('Cloud Security Basics')).toBe('Verified')

    // Typed-in credentials have nothing to re-verify.
    await rows(page).filter({ hasText: 'Typed in by hand' }).click()
    await detail.locator('[data-detail-title]').filter({ hasText: 'Typed in by hand' }).waitFor()
    expect(await detail.locator('.detail-header [data-trust]').innerText()).toBe('Self-reported')
    expect(await detail.getByRole('button', { name: 'Re-verify' }).count()).toBe(0)
    await r.done()
  })

  it('(f) keeps the Online checks setting across a reload', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio } = r
    await page.locator('.sidebar').getByRole('link', { name: 'Settings' }).click()
    await r.waitForHash(/^#\/settings$/)
    const toggle = page.getByRole('switch', { name: 'Online checks' })
    await toggle.waitFor()
    expect(await toggle.isChecked()).toBe(false) // off by default
    expect(await page.locator('.setting').innerText()).toContain('Nothing else leaves this computer')

    // Turning them on asks first (the native box in the app; the bridge answers here): Cancel leaves them off.
    r.bridge.confirmOnlineChecks = () => false
    await toggle.click()
    await toast(page, 'Online checks stay off').waitFor()
    expect(await toggle.isChecked()).toBe(false)
    expect(r.bridge.confirmations).toBe(1)
    expect(await portfolio.core.call('settings:get', {})).toEqual({ onlineChecks: false, expiryReminderDays: 60 })

    r.bridge.confirmOnlineChecks = () => true
    await toggle.click()
    await toast(page, 'Online checks are on').waitFor()
    await expect.poll(() => toggle.isChecked()).toBe(true)
    expect(r.bridge.confirmations).toBe(2)
    expect(await portfolio.core.call('settings:get', {})).toEqual({ onlineChecks: true, expiryReminderDays: 60 })
    await r.reload()
    expect(await r.hash()).toBe('#/settings')
    await expect.poll(() => page.getByRole('switch', { name: 'Online checks' }).isChecked()).toBe(true)

    // The keyboard works too: Space toggles it back off.
    await page.getByRole('switch', { name: 'Online checks' }).focus()
    await page.keyboard.press('Space')
    await toast(page, /Online checks are off/).waitFor()
    expect(r.bridge.confirmations).toBe(2) // turning off needs no confirmation
    await r.reload()
    await page.getByRole('switch', { name: 'Online checks' }).waitFor()
    await expect.poll(() => page.getByRole('switch', { name: 'Online checks' }).isChecked()).toBe(false)
    expect(await portfolio.core.call('settings:get', {})).toEqual({ onlineChecks: false, expiryReminderDays: 60 })
    await r.done()
  })

  it('imports in the background without leaving a form being filled in', async () => {
    const r = await start({ hash: '#/credentials/new' })
    const { page } = r
    await page.getByLabel('Title').fill('Half typed')
    await dropOnto(page, '.main', dropFiles())
    await toast(page, 'Importing in the background').waitFor()
    await toast(page, 'Import finished: 2 imported, 1 failed').waitFor()
    expect(await r.hash()).toBe('#/credentials/new')
    expect(await page.getByLabel('Title').inputValue()).toBe('Half typed')
    await expect.poll(() => navCount(page, 'Credentials').innerText()).toBe('2')
    await r.done()
  })

  it('refuses a file over 20 MB before reading it, and still imports the rest', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio } = r
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor()
    const dt = await dataTransfer(page, [dropFiles()[0]!])
    await page.evaluate((d) => {
      d.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.png', { type: 'image/png' }))
    }, dt)
    await drag(page, '.main', 'dragenter', dt)
    expect(await drag(page, '.main', 'dragover', dt)).toBe(true)
    await drag(page, '.main', 'drop', dt)
    await r.waitForHash(/^#\/import\/\d+$/)
    await batch(page).getByRole('heading', { name: 'Import of 1 file' }).waitFor()
    const refused = batch(page).locator('.section').filter({ hasText: 'Not read · 1' })
    expect(await refused.innerText()).toContain('huge.png')
    expect(await refused.innerText()).toContain('The file is 21.0 MB; Skillfolio reads credential files up to 20 MB.')
    expect((await portfolio.core.call('credentials:list', {})).items.map((c) => c.title)).toEqual(['Data Pipelines Practitioner'])

    // Nothing readable at all: no batch, and the reason on the Import screen.
    await page.locator('.sidebar').getByRole('link', { name: /^Credentials/ }).click()
    const big = await dataTransfer(page, [])
    await page.evaluate((d) => {
      d.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.png', { type: 'image/png' }))
    }, big)
    await drag(page, '.main', 'dragenter', big)
    await drag(page, '.main', 'drop', big)
    await r.waitForHash(/^#\/import$/)
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported.' }).getByText(/huge\.png: The file is 21\.0 MB/).waitFor()
    await r.done()
  })
})
