#!/usr/bin/env node
/**
 * Renders resources/icons/icon.svg to the PNG electron-builder packages (1024 px; it derives the
 * macOS .icns and Windows .ico from it). Run after changing the SVG:
 *   node scripts/make-icons.mjs [path to chromium, default /usr/bin/chromium]
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons')
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium' })
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`)
  await page.screenshot({ path: join(dir, 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 1024, height: 1024 } })
} finally {
  await browser.close()
}
console.log(`Wrote ${join(dir, 'icon.png')}`)
