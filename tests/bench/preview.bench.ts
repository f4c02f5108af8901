/**
 * The Resume screen's live preview, as a person sees it: the built renderer in Chromium talking
 * to the real core (demo portfolio) through the test bridge; time from a change (font size
 * toggled with the keyboard) until page 1 of the new PDF is on screen, and until every page is.
 * Headless Chromium draws with the CPU only; a desktop GPU is faster.
 */
import type { Page } from 'playwright-core'
import { rendererBuilt, startBridge } from '../helpers/bridge'
import { chromiumAvailable, launchBrowser, openApp } from '../helpers/browser'
import { tempPortfolio } from '../helpers/temp-portfolio'
import { median, ms, p95, type BenchRow } from './harness'

const RUNS = 12

/** Resolves with [ms until page 1 is replaced, ms until the preview settles]. */
async function timeChange(page: Page, option: string): Promise<[number, number]> {
  return (await page.evaluate(`new Promise((resolve) => {
    const holder = document.querySelector('.pdf-pages')
    const firstBefore = holder.firstElementChild
    const started = performance.now()
    let firstAt = null
    const check = () => {
      if (firstAt === null && holder.firstElementChild !== firstBefore) firstAt = performance.now() - started
      if (firstAt !== null && !document.querySelector('.preview-updating')) { observer.disconnect(); resolve([firstAt, performance.now() - started]) }
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { childList: true, subtree: true })
    const option = [...document.querySelectorAll('.seg-option')].find((o) => o.textContent.trim() === '${option}')
    option.querySelector('input').click()
  })`)) as [number, number]
}

export async function previewBench(): Promise<BenchRow[]> {
  const name = 'resume preview: change → page 1 redrawn (Chromium, demo portfolio, role chosen)'
  if (!chromiumAvailable() || !rendererBuilt()) return [{ benchmark: name, value: 'skipped', note: 'needs /usr/bin/chromium and a built renderer (npm run build)' }]
  const portfolio = tempPortfolio({ now: () => new Date() })
  await portfolio.core.call('app:loadDemo', {})
  const bridge = await startBridge(portfolio.core)
  const browser = await launchBrowser()
  try {
    const app = await openApp(browser, bridge.url, { hash: '#/resume?role=catalog:data-analyst' })
    const page = app.page
    await page.locator('.pdf-page canvas').first().waitFor({ timeout: 30_000 })
    await page.locator('.preview-updating').waitFor({ state: 'detached' })
    const first: number[] = []
    const all: number[] = []
    for (let i = 0; i < RUNS + 2; i++) {
      const [f, a] = await timeChange(page, i % 2 ? 'Normal' : 'Large')
      if (i < 2) continue // warm-up: pdf.js and the core's first renders
      first.push(f)
      all.push(a)
    }
    first.sort((a, b) => a - b)
    all.sort((a, b) => a - b)
    const pages = await page.locator('.pdf-page').count()
    await app.close()
    return [
      { benchmark: name, value: ms(median(first)), target: '< 500 ms', note: `p95 ${ms(p95(first))}; ${RUNS} changes (font size), no debounce wait for a single change` },
      { benchmark: `resume preview: change → all ${pages} pages redrawn`, value: ms(median(all)), note: `p95 ${ms(p95(all))}` },
    ]
  } finally {
    await browser.close()
    await bridge.close()
    portfolio.cleanup()
  }
}
