/**
 * Regenerates the screenshots: every screen with the sample portfolio, light and dark,
 * into /tmp/shots, and the README's docs/screenshot.png (Credentials, light).
 *
 *   npx electron-vite build && npx tsx tests/helpers/screenshots.ts
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { resolve } from 'node:path'
import { startBridge, rendererBuilt } from './bridge'
import { browserUnavailableReason, launchBrowser, openApp } from './browser'
import { tempPortfolio } from './temp-portfolio'

const OUT = process.env.SHOTS_DIR ?? '/tmp/shots'
const README_SHOT = resolve(__dirname, '../../docs/screenshot.png')

interface Shot {
  name: string
  hash: string
  /** Runs after the page has settled, e.g. to open a form or a dialog. */
  prepare?: (page: Page) => Promise<void>
}

async function main(): Promise<void> {
  const reason = browserUnavailableReason()
  if (reason) throw new Error(reason)
  if (!rendererBuilt()) throw new Error('No built renderer: run `npx electron-vite build` first.')
  mkdirSync(OUT, { recursive: true })
  mkdirSync(resolve(README_SHOT, '..'), { recursive: true })

  const portfolio = tempPortfolio({ now: () => new Date() })
  const empty = tempPortfolio({ now: () => new Date() })
  await portfolio.core.call('app:loadDemo', {})
  const bridge = await startBridge(portfolio.core)
  const emptyBridge = await startBridge(empty.core)
  const browser = await launchBrowser()

  const firstId = async (channel: 'credentials:list' | 'projects:list') => (await portfolio.core.call(channel, { limit: 1 })).items[0]!.id
  // A credential near the top of the default list with plenty to show.
  const top = (await portfolio.core.call('credentials:list', { limit: 6 })).items
  const credId = ([...top].sort((a, b) => Number(Boolean(b.expiresOn)) - Number(Boolean(a.expiresOn)) || b.skillNames.length - a.skillNames.length)[0] ?? top[0])?.id ?? (await firstId('credentials:list'))
  const projId = await firstId('projects:list')
  const skillId = (await portfolio.core.call('skills:list', { sort: 'evidence', limit: 1 })).items[0]!.id

  const shots: Shot[] = [
    { name: 'credentials', hash: `#/credentials/${credId}` },
    { name: 'credentials-search', hash: '#/credentials?q=python' },
    { name: 'credential-edit', hash: `#/credentials/${credId}/edit` },
    { name: 'credential-new-invalid', hash: '#/credentials/new', prepare: async (page) => {
      await page.getByLabel('Title').fill('AWS Certified Cloud Practitioner')
      await page.getByLabel('Hours').fill('-3')
      await page.getByLabel('Earned').fill('2026-05-01')
      await page.getByLabel('Expires').fill('2025-01-01')
      await page.getByRole('button', { name: 'Add credential' }).click()
      await page.getByText('fields need attention').waitFor()
    } },
    { name: 'credential-delete', hash: `#/credentials/${credId}`, prepare: async (page) => {
      await page.getByRole('button', { name: /^Delete / }).click()
      await page.getByRole('dialog').waitFor()
    } },
    { name: 'keyboard-focus', hash: `#/credentials/${credId}`, prepare: async (page) => {
      await page.keyboard.press('Control+f')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
    } },
    { name: 'projects', hash: `#/projects/${projId}` },
    { name: 'project-edit', hash: `#/projects/${projId}/edit` },
    { name: 'skills', hash: `#/skills/${skillId}` },
    { name: 'skill-merge', hash: `#/skills/${skillId}`, prepare: async (page) => {
      await page.getByRole('button', { name: 'Merge…' }).click()
      await page.getByRole('dialog').waitFor()
    } },
    { name: 'profile', hash: '#/profile' },
  ]

  try {
    for (const scheme of ['light', 'dark'] as const) {
      for (const shot of shots) {
        const app = await openApp(browser, bridge.url, { hash: shot.hash, colorScheme: scheme })
        await settle(app.page)
        if (shot.prepare) await shot.prepare(app.page)
        await app.page.waitForTimeout(150)
        const file = `${OUT}/${shot.name}-${scheme}.png`
        await app.page.screenshot({ path: file })
        console.log(file)
        app.assertNoProblems()
        await app.close()
      }
      const app = await openApp(browser, emptyBridge.url, { hash: '#/credentials', colorScheme: scheme })
      await app.page.getByText('No credentials yet').waitFor()
      await app.page.screenshot({ path: `${OUT}/empty-${scheme}.png` })
      console.log(`${OUT}/empty-${scheme}.png`)
      await app.close()
    }
    // The README picture: Credentials with the sample data, light, at 2x for sharp text.
    const app = await openApp(browser, bridge.url, { hash: `#/credentials/${credId}`, colorScheme: 'light', deviceScaleFactor: 2 })
    await settle(app.page)
    await app.page.screenshot({ path: `${OUT}/readme.png` })
    copyFileSync(`${OUT}/readme.png`, README_SHOT)
    console.log(README_SHOT)
    await app.close()
  } finally {
    await browser.close()
    await bridge.close()
    await emptyBridge.close()
    portfolio.cleanup()
    empty.cleanup()
  }
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.waitForTimeout(100)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
