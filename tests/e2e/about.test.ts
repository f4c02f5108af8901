/**
 * About, end to end: reached from the sidebar, it shows the app's version (what the shell
 * passes: package.json's), the catalog's version and the O*NET and ESCO attributions word for
 * word as the files in resources/taxonomy hold them (read here, not through the core); a reload
 * keeps the screen. Same harness and skip rules as portfolio.test.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHROMIUM } from '../helpers/browser'
import { appSession } from './harness'

const ROOT = join(__dirname, '../..')
const json = <T>(path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T
const APP_VERSION = json<{ version: string }>('package.json').version
const CATALOG_VERSION = json<{ version: string }>('resources/taxonomy/skills.json').version
const ATTRIBUTION = json<{ onet: string; esco: string }>('resources/taxonomy/attribution.json')

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('about, end to end'), () => {
  const { start } = appSession()

  it('shows the versions and the data-source attributions from the sidebar, and after a reload', async () => {
    // The desktop shell gives the core app.getVersion(), i.e. package.json's version.
    const r = await start({ hash: '#/credentials', core: { version: APP_VERSION } })
    const { page } = r
    await page.locator('.sidebar').getByRole('link', { name: 'About' }).click()
    await r.waitForHash(/^#\/about$/)
    await page.getByRole('heading', { level: 1, name: 'About Skillfolio' }).waitFor()
    expect(await page.title()).toBe('About · Skillfolio')
    expect(await page.locator('.sidebar').getByRole('link', { name: 'About' }).getAttribute('aria-current')).toBe('page')

    const versions = page.getByRole('region', { name: 'Versions' })
    const value = (term: string) => versions.locator('.prop').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd').innerText()
    expect(await value('App version')).toBe(APP_VERSION)
    expect(await value('Role and skill catalog')).toBe(CATALOG_VERSION)

    const sources = page.getByRole('region', { name: 'Data sources' })
    expect(await sources.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['O*NET', 'ESCO'])
    expect(await sources.locator('.attribution .prose').allInnerTexts()).toEqual([ATTRIBUTION.onet, ATTRIBUTION.esco])
    // The licence terms a reuser must show are there in full.
    expect(ATTRIBUTION.onet).toMatch(/CC BY 4\.0/)
    expect(ATTRIBUTION.esco).toMatch(/© European Union/)

    await r.reload()
    expect(await r.hash()).toBe('#/about')
    await page.getByRole('heading', { level: 1, name: 'About Skillfolio' }).waitFor()
    expect(await versions.locator('dd').first().innerText()).toBe(APP_VERSION)
    await r.done()
  })
})
