/**
 * One running app for an end-to-end test: a real core on a temp portfolio, the HTTP bridge,
 * and a Chromium page with `window.skillfolio` installed. `done()` checks that the page
 * logged no errors (console, uncaught, CSP) and that the core logged no internal errors.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { rendererBuilt, startBridge, type Bridge } from '../helpers/bridge'
import { CHROMIUM, launchBrowser, openApp, type AppPage, type OpenOptions } from '../helpers/browser'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'
import type { CoreOptions } from '../../electron/core/app'

export interface Running {
  portfolio: TempPortfolio
  bridge: Bridge
  app: AppPage
  page: Page
  /** Reloads the page (a restart of the window) and waits for the app to render. */
  reload: () => Promise<void>
  hash: () => Promise<string>
  waitForHash: (pattern: RegExp) => Promise<string>
  /** Throws if the page or the core reported problems, then closes everything. */
  done: () => Promise<void>
  close: () => Promise<void>
}

export function assertRendererBuilt(): void {
  if (!rendererBuilt()) throw new Error('No built renderer in out/renderer: run `npx electron-vite build` (npm test does) before the e2e tests.')
}

export interface StartOptions extends OpenOptions {
  demo?: boolean
  /** Extra core options, e.g. a `fetchJson` that stands in for the issuers' web sites. */
  core?: Partial<CoreOptions>
  /** Runs on the portfolio before the bridge starts (it may reopen the core, as a restart would). */
  prepare?: (portfolio: TempPortfolio) => void | Promise<void>
}

export async function startApp(browser: Browser, options: StartOptions = {}): Promise<Running> {
  const coreErrors: string[] = []
  const portfolio = tempPortfolio({ now: () => new Date(), log: (message, error) => coreErrors.push(`${message}: ${String(error)}`), ...options.core })
  if (options.demo) await portfolio.core.call('app:loadDemo', {})
  await options.prepare?.(portfolio)
  const bridge = await startBridge(portfolio.core)
  const app = await openApp(browser, bridge.url, options)
  const page = app.page
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await app.close().catch(() => {})
    await bridge.close()
    portfolio.cleanup()
  }
  const hash = async () => (await page.evaluate('location.hash')) as string
  return {
    portfolio,
    bridge,
    app,
    page,
    async reload() {
      await page.reload()
      await page.locator('.app').waitFor()
    },
    hash,
    async waitForHash(pattern) {
      const deadline = Date.now() + 10_000
      let last = ''
      while (Date.now() < deadline) {
        last = await hash()
        if (pattern.test(last)) return last
        await page.waitForTimeout(50)
      }
      throw new Error(`The URL hash stayed "${last}", expected ${pattern}`)
    },
    async done() {
      try {
        app.assertNoProblems()
        if (coreErrors.length) throw new Error(`The core logged errors:\n  ${coreErrors.join('\n  ')}`)
      } finally {
        await close()
      }
    },
    close,
  }
}

/** Presses Tab until the focused element's accessible label matches, proving it is reachable by keyboard. */
export async function tabTo(page: Page, label: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const name = await focusedLabel(page)
    if (label.test(name)) return
  }
  throw new Error(`Tab never reached an element labelled ${label}`)
}

/** The accessible label of the focused element (aria-label, its <label>, or its text). */
export async function focusedLabel(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const el = document.activeElement
    if (!el) return ''
    const aria = el.getAttribute('aria-label')
    if (aria) return aria
    if (el.id) {
      const label = document.querySelector('label[for="' + CSS.escape(el.id) + '"]')
      if (label) return label.textContent.trim()
    }
    return (el.textContent || '').trim()
  })()`)) as string
}

/**
 * For a describe block: one Chromium for its tests, and the app a test started closed after
 * it (whether it passed or not). `start` replaces the previous app if a test starts another.
 * Without Chromium or a built renderer every test of the block fails (a block may skip
 * locally, and say so, with `describe.skipIf(CHROMIUM.skip)`; never under CI=true).
 */
export function appSession(): { start: (options?: StartOptions) => Promise<Running> } {
  let browser: Browser | undefined
  let running: Running | null = null
  beforeAll(async () => {
    if (CHROMIUM.missing) return // then every test fails in start(), saying why
    assertRendererBuilt()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await running?.close()
    running = null
  })
  return {
    async start(options = {}) {
      CHROMIUM.check()
      if (!browser) throw new Error('appSession().start() runs inside a test, after beforeAll')
      await running?.close()
      running = await startApp(browser, options)
      return running
    },
  }
}
