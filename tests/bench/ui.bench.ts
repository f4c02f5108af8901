/**
 * The Credentials screen with 100,000 credentials, measured in Chromium on the built renderer
 * (out/renderer, served by the test bridge on a real core): the first screen cold (a fresh page)
 * and warm (a reload), from navigation start to the first rows in the page; a search from typing
 * to the list updated; End to the last row shown; and how many options the page holds.
 * Timings are taken in the page (performance.now(), checked every animation frame).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createCore } from '../../electron/core/app'
import { CHANNELS } from '../../electron/shared/contract'
import { rendererBuilt, startBridge } from '../helpers/bridge'
import { bridgeScript, chromiumAvailable, launchBrowser } from '../helpers/browser'
import { fillCredentials } from './fake-portfolio'
import { median, ms, timeOnce, type BenchRow } from './harness'

const COUNT = 100_000
const WORDS = ['python', 'cloud security', 'leadership 4242', 'machine lear', 'agile']
const RELOADS = 3
/** The small portfolio the first screen is also timed on. */
const SMALL = 100

/** Records in the page when the first credential rows exist (from navigation start), every frame until then. */
const FIRST_ROWS_SCRIPT = `(() => {
  const tick = () => {
    if (document.querySelector('[role="listbox"] [role="option"] .row-title')) window.__firstRows = performance.now()
    else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

/** When the first rows came (waitForFunction would need eval, which the app's CSP forbids). */
async function firstRows(page: Page): Promise<number> {
  const script = `(async () => {
    const started = performance.now()
    while (typeof window.__firstRows !== 'number') {
      if (performance.now() - started > 60000) throw new Error('The first rows never came')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return window.__firstRows
  })()`
  return (await page.evaluate(script)) as number
}

/**
 * Types `text` into the search box and times, in the page, until the count says `total` and the
 * first row is `firstTitle`: what a person waits for (the 200 ms debounce included).
 */
async function timeSearch(page: Page, text: string, total: number, firstTitle: string): Promise<number> {
  const script = `(async () => {
    const input = document.querySelector('[data-search]')
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
    const started = performance.now()
    setValue.call(input, ${JSON.stringify(text)})
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const done = () => {
      const count = document.querySelector('.pane-count')
      const first = document.querySelector('[role="listbox"] [aria-posinset="1"] .row-title')
      return count && count.textContent === ${JSON.stringify(total.toLocaleString('en-US'))} && first && first.textContent === ${JSON.stringify(firstTitle)}
    }
    while (!done()) {
      if (performance.now() - started > 30000) throw new Error('The search never showed its answer')
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    return performance.now() - started
  })()`
  return (await page.evaluate(script)) as number
}

/** Presses End on the list (in the page) and times until the last row's title is shown. */
async function timeEnd(page: Page): Promise<number> {
  const script = `(async () => {
    const list = document.querySelector('[role="listbox"]')
    list.focus()
    const started = performance.now()
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }))
    const last = () => {
      const row = document.querySelector('[role="option"][aria-posinset="${COUNT}"] .row-title')
      if (!row) return false
      const box = row.getBoundingClientRect()
      const view = list.closest('.list-scroll').getBoundingClientRect()
      return box.top >= view.top && box.bottom <= view.bottom
    }
    while (!last()) {
      if (performance.now() - started > 30000) throw new Error('End never showed the last row')
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    return performance.now() - started
  })()`
  return (await page.evaluate(script)) as number
}

/** A fresh page on the Credentials screen: the first rows cold, then after each of RELOADS reloads (sorted). */
async function firstScreen(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; cold: number; warm: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' })
  await context.addInitScript({ content: bridgeScript([...CHANNELS]) })
  await context.addInitScript({ content: FIRST_ROWS_SCRIPT })
  const page = await context.newPage()
  await page.goto(new URL('#/credentials', url).toString())
  const cold = await firstRows(page)
  const warm: number[] = []
  for (let i = 0; i < RELOADS; i++) {
    await page.reload()
    warm.push(await firstRows(page))
  }
  warm.sort((a, b) => a - b)
  return { context, page, cold, warm }
}

const optionCount = (page: Page) => page.evaluate('document.querySelectorAll(\'[role="option"]\').length') as Promise<number>

export async function uiBench(): Promise<BenchRow[]> {
  if (!chromiumAvailable()) return [{ benchmark: 'UI: Credentials screen at 100,000', value: 'skipped', note: 'no Chromium (SKILLFOLIO_CHROMIUM)' }]
  if (!rendererBuilt()) return [{ benchmark: 'UI: Credentials screen at 100,000', value: 'skipped', note: 'no built renderer: npm run build:renderer' }]
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bench-ui-'))
  const small = createCore({ dbPath: join(dir, 'small.sqlite'), dataDir: join(dir, 'small'), log: () => {} })
  const core = createCore({ dbPath: join(dir, 'bench.sqlite'), dataDir: dir, log: () => {} })
  let browser: Browser | undefined
  const bridges: Array<{ close: () => Promise<void> }> = []
  try {
    const rows: BenchRow[] = []
    fillCredentials(small, 0, SMALL)
    const seeded = timeOnce(() => fillCredentials(core, 0, COUNT))
    core.db.pragma('optimize')
    rows.push({ benchmark: 'UI: seed 100,000 credentials', value: ms(seeded), note: 'one transaction (fake-portfolio.ts)' })
    browser = await launchBrowser()

    // The same screen on a small portfolio first: what a cold start costs whatever the portfolio's size.
    const smallBridge = await startBridge(small)
    bridges.push(smallBridge)
    const smallScreen = await firstScreen(browser, smallBridge.url)
    await smallScreen.context.close()
    rows.push({ benchmark: `UI: first screen, cold (${SMALL} credentials)`, value: ms(smallScreen.cold), note: 'navigation start → first rows, fresh page; the same app and browser' })
    rows.push({ benchmark: `UI: first screen, warm (${SMALL} credentials)`, value: ms(median(smallScreen.warm)), note: `reload, median of ${RELOADS}` })

    const bridge = await startBridge(core)
    bridges.push(bridge)
    const { context, page, cold, warm } = await firstScreen(browser, bridge.url)
    const firstOptions = await optionCount(page)
    rows.push({ benchmark: 'UI: first screen, cold (100k)', value: ms(cold), note: 'navigation start → first rows, fresh page' })
    rows.push({ benchmark: 'UI: first screen, warm (100k)', value: ms(median(warm)), note: `reload, median of ${RELOADS}; max ${ms(warm.at(-1)!)}` })

    const all = await core.call('credentials:list', { limit: 1 })
    const searches: number[] = []
    for (const word of WORDS) {
      const found = await core.call('credentials:list', { text: word, limit: 1 })
      searches.push(await timeSearch(page, word, found.total, found.items[0]?.title ?? ''))
      await timeSearch(page, '', all.total, all.items[0]!.title)
    }
    searches.sort((a, b) => a - b)
    rows.push({
      benchmark: 'UI: search → list updated (100k)',
      value: ms(median(searches)),
      note: `median of ${WORDS.length} words, max ${ms(searches.at(-1)!)}; includes the 200 ms debounce`,
    })

    const end = await timeEnd(page)
    const endOptions = await optionCount(page)
    rows.push({ benchmark: 'UI: End → last row shown (100k)', value: ms(end), note: 'loads the last page on demand' })
    rows.push({ benchmark: 'UI: options in the page (100k)', value: `${Math.max(firstOptions, endOptions)}`, note: `first screen ${firstOptions}, after End ${endOptions}` })
    await context.close()
    return rows
  } finally {
    await browser?.close()
    for (const b of bridges) await b.close()
    core.close()
    small.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
