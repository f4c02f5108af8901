/**
 * Debian's Chromium driven by playwright-core, with `window.skillfolio` installed before
 * the renderer loads: every contract channel becomes a function that POSTs its input to the
 * test bridge and resolves to the core's Result envelope (the preload does the same over IPC);
 * `window.skillfolioFiles` does the shell's calls and delivers import progress events.
 * Console errors, uncaught exceptions and CSP violations are collected so tests can fail on them.
 */
import { mkdirSync, existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHANNELS } from '../../electron/shared/contract'
import { requirement, type Requirement } from './requirements'

/**
 * Debian's Chromium, or the one SKILLFOLIO_CHROMIUM names (`SKILLFOLIO_CHROMIUM=/nonexistent
 * CI=true` shows that CI fails, not skips, without a browser).
 */
export const CHROMIUM_PATH = process.env.SKILLFOLIO_CHROMIUM || '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH)
}

/**
 * What every browser suite needs: `describe.skipIf(CHROMIUM.skip)(CHROMIUM.title(…))`; the
 * suite's appSession() checks it, so under CI=true a missing browser fails every test.
 */
export const CHROMIUM: Requirement = requirement(
  'Chromium',
  chromiumAvailable() ? null : `Chromium not found at ${CHROMIUM_PATH} (install it with \`apt-get install -y chromium\`, or point SKILLFOLIO_CHROMIUM at one).`,
)

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

/** Waits until a page is still: no requests in flight, fonts loaded, a moment for layout; then a screenshot is stable. */
export async function settle(page: Page, ms = 150): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.waitForTimeout(ms)
}

/** Where the e2e tests leave their screenshots for a person to look at. */
export const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots'

/** `<name>-light.png` and `<name>-dark.png` of the page as it is, in SHOTS_DIR; the page is left light. */
export async function shootLightAndDark(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true })
  await settle(page)
  await page.screenshot({ path: `${SHOTS_DIR}/${name}-light.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await settle(page, 100)
  await page.screenshot({ path: `${SHOTS_DIR}/${name}-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
}

export interface AppPage {
  page: Page
  context: BrowserContext
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[]
  /** Throws when anything landed in `problems`. */
  assertNoProblems: () => void
  close: () => Promise<void>
}

export interface OpenOptions {
  /** Hash to open, e.g. `#/credentials`. */
  hash?: string
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
  deviceScaleFactor?: number
  /** The system's reduced-motion setting; 'reduce' unless a test checks the motion itself. */
  reducedMotion?: 'reduce' | 'no-preference'
}

/** A fresh browser context with the bridge installed, opened on the app. */
export async function openApp(browser: Browser, baseUrl: string, options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'reduce',
    locale: 'en-US',
    timezoneId: 'UTC',
  })
  // A string, not a function: the test runner's transpiler would inject helpers into a
  // serialised function that do not exist in the page.
  await context.addInitScript({ content: bridgeScript([...CHANNELS]) })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    // The required CSP meta tag lists frame-ancestors, which only counts when sent as a header
    // (the bridge and the app:// protocol send it as one); Chromium notes that it ignores the
    // meta copy. Anything else is a problem.
    if (/'frame-ancestors' is ignored when delivered via a <meta> element/.test(msg.text())) return
    problems.push(`console.error: ${msg.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? ''
    if (error.includes('ERR_ABORTED')) return // a reload cancelled it
    if (!req.url().startsWith('data:')) problems.push(`request failed: ${req.url()} ${error}`)
  })
  await page.goto(new URL(options.hash ?? '', baseUrl).toString())
  await page.locator('.app').waitFor()
  return {
    page,
    context,
    problems,
    assertNoProblems: () => {
      if (problems.length) throw new Error(`The page reported problems:\n  ${problems.join('\n  ')}`)
    },
    close: () => context.close(),
  }
}

/** The page-side half of the bridge: `window.skillfolio[channel](input)` -> POST /__bridge/<channel>. */
export function bridgeScript(channels: readonly string[]): string {
  return `(() => {
  const channels = ${JSON.stringify(channels)};
  const api = {};
  for (const channel of channels) {
    api[channel] = (input) =>
      fetch('/__bridge/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
      }).then((res) => res.json());
  }
  Object.defineProperty(window, 'skillfolio', { value: Object.freeze(api), configurable: false, writable: false });
  // The shell's own calls (the desktop app's preload, electron/preload/index.ts): Save PDF / Open
  // (the bridge saves into a temp folder), import Files, the open dialog (answered by the bridge),
  // progress events (server-sent events), backups and the share bundle.
  const fileCall = (name, body) =>
    fetch('/__files/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((res) => res.json());
  const toBase64 = (bytes) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  // Stand-in for the preload's webUtils.getPathForFile: a File a test made for a file or folder
  // on disk (window.__bridgeDiskFile, as an OS drop gives) has that path; any other File (pasted,
  // built in JavaScript) has none, and its bytes are sent instead, as the preload does.
  const diskPaths = new WeakMap();
  Object.defineProperty(window, '__bridgeDiskFile', {
    value: (path, name, base64, type) => {
      const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type });
      diskPaths.set(file, path);
      return file;
    },
  });
  const importFiles = async (list, origin) => {
    if (!Array.isArray(list) || !list.every((f) => f instanceof File))
      return { ok: false, error: { code: 'BAD_INPUT', message: 'Only files dropped on the window, pasted or chosen in a file dialog can be imported.' } };
    const paths = [];
    const contents = [];
    const refused = [];
    for (const file of list) {
      const path = diskPaths.get(file);
      if (path) {
        paths.push(path);
        continue;
      }
      try {
        contents.push({ name: file.name || 'unnamed file', base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
      } catch {
        refused.push({ fileName: file.name, reason: 'The file could not be read (is it a folder, or was it moved?).' });
      }
    }
    if (!paths.length && !contents.length) return { ok: true, value: { batchId: null, refused } };
    const started = await fileCall('importFiles', { origin, paths, contents });
    return started.ok ? { ok: true, value: { batchId: started.value.batchId, refused } } : started;
  };
  const progressListeners = new Set();
  const openedListeners = new Set();
  // Not on about:blank (the script runs in every document of the context).
  if (location.protocol === 'http:') {
    const events = new EventSource('/__events');
    events.onmessage = (e) => {
      const progress = JSON.parse(e.data);
      for (const listener of progressListeners) listener(progress);
    };
    events.addEventListener('certificatesOpened', () => {
      for (const listener of openedListeners) listener();
    });
  }
  const files = {
    savePdf: (request) => fileCall('savePdf', request),
    openSaved: (path) => fileCall('openSaved', path),
    importFiles,
    chooseImport: (kind) => fileCall('chooseImport', kind),
    // Backups and sharing (the bridge answers the dialogs with chooseBackupAnswer / chooseFolderAnswer).
    chooseBackup: () => fileCall('chooseBackup', null),
    inspectBackup: (ref, passphrase) => fileCall('inspectBackup', { args: [ref, passphrase] }),
    restoreBackup: (ref, passphrase) => fileCall('restoreBackup', { args: [ref, passphrase] }),
    chooseBackupFolder: () => fileCall('chooseBackupFolder', null),
    saveShareBundle: (input) => fileCall('saveShareBundle', input),
    // Certificate PDFs opened with the app (bridge.openWith): tickets, and bytes by ticket.
    takeOpenedCertificates: () => fileCall('takeOpenedCertificates', null),
    readOpenedCertificate: (ticket) =>
      fileCall('readOpenedCertificate', String(ticket)).then((r) => (r.ok ? { ok: true, value: Uint8Array.from(atob(r.value), (c) => c.charCodeAt(0)) } : r)),
    onCertificatesOpened: (listener) => {
      openedListeners.add(listener);
      return () => openedListeners.delete(listener);
    },
    onImportProgress: (listener) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  };
  Object.defineProperty(window, 'skillfolioFiles', { value: Object.freeze(files), configurable: false, writable: false });
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')');
  });
})();`
}
