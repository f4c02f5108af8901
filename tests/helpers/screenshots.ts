/**
 * Regenerates the screenshots: every screen with the sample portfolio, light and dark,
 * into /tmp/shots, and the README's docs/screenshot.png (Credentials, light).
 * The sample portfolio also gets two import batches (tests/helpers/badges.ts); a second
 * bridge shows the main one as still running, for the progress picture. The README picture
 * is taken of the sample portfolio alone.
 *
 *   npx electron-vite build && npx tsx tests/helpers/screenshots.ts
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { resolve } from 'node:path'
import type { Core } from '../../electron/core/app'
import type { ImportReport } from '../../electron/shared/imports'
import { assertion, dropFiles, jsonFile, PLAIN_PNG, SIGNED_OB3, type TestFile } from './badges'
import { startBridge, rendererBuilt } from './bridge'
import { CHROMIUM, launchBrowser, openApp, settle } from './browser'
import { tempPortfolio } from './temp-portfolio'

const OUT = process.env.SHOTS_DIR ?? '/tmp/shots'
const README_SHOT = resolve(__dirname, '../../docs/screenshot.png')

interface Shot {
  name: string
  hash: string
  /** Runs after the page has settled, e.g. to open a form or a dialog. */
  prepare?: (page: Page) => Promise<void>
  /** A window size other than the default 1280×800. */
  viewport?: { width: number; height: number }
}

async function main(): Promise<void> {
  CHROMIUM.check()
  if (!rendererBuilt()) throw new Error('No built renderer: run `npx electron-vite build` first.')
  mkdirSync(OUT, { recursive: true })
  mkdirSync(resolve(README_SHOT, '..'), { recursive: true })

  const portfolio = tempPortfolio({ now: () => new Date() })
  const empty = tempPortfolio({ now: () => new Date() })
  await portfolio.core.call('app:loadDemo', {})
  const firstId = async (channel: 'credentials:list' | 'projects:list') => (await portfolio.core.call(channel, { limit: 1 })).items[0]!.id
  // A credential near the top of the default list with plenty to show (chosen before the imports).
  const top = (await portfolio.core.call('credentials:list', { limit: 6 })).items
  const credId = ([...top].sort((a, b) => Number(Boolean(b.expiresOn)) - Number(Boolean(a.expiresOn)) || b.skillNames.length - a.skillNames.length)[0] ?? top[0])?.id ?? (await firstId('credentials:list'))
  const projId = await firstId('projects:list')
  const skillId = (await portfolio.core.call('skills:list', { sort: 'evidence', limit: 1 })).items[0]!.id

  // Imports: an older copy of one badge first, then a batch with every outcome.
  const older = assertion(1, 'Data Pipelines Practitioner', { issuedOn: '2024-02-01T09:00:00Z', skills: ['Data pipeline design'] })
  const [pipelines, cloudPng, broken] = dropFiles() as [TestFile, TestFile, TestFile]
  const odd = assertion(3, 'SQL for Analysts', { skills: ['SQL'] }) as Record<string, unknown>
  odd.issuedOn = 1714557600 // read with a warning
  await importFiles(portfolio.core, [jsonFile('data-pipelines-2024.json', older)])
  const batch = await importFiles(portfolio.core, [
    pipelines,
    cloudPng,
    { name: 'signed-credential.json', type: 'application/json', bytes: readFileSync(SIGNED_OB3) },
    jsonFile('sql-for-analysts.json', odd),
    jsonFile('data-pipelines (copy).json', older),
    broken,
    { name: 'team-photo.png', type: 'image/png', bytes: readFileSync(PLAIN_PNG) },
  ])
  const idOf = (title: string) => {
    const id = batch.items.find((i) => i.title === title)?.credentialId
    if (!id) throw new Error(`The sample import has no “${title}”: ${JSON.stringify(batch.items)}`)
    return id
  }
  const verifiedId = idOf('Skillfolio Test Badge')
  const cloudId = idOf('Cloud Security Basics')
  const oddId = idOf('SQL for Analysts')

  // Roles: a target role from a pasted posting, with a plan.
  const posting = [
    'Data Analyst – Retail Insights',
    '',
    'Requirements',
    '- 3+ years writing SQL against large warehouses',
    '- Python for data cleaning and analysis',
    '- Building dashboards in Tableau',
    '- Strong stakeholder communication with non-technical teams',
    '',
    'Nice to have',
    '- dbt for data modelling and Apache Airflow for scheduling',
  ].join('\n')
  const extraction = await portfolio.core.call('postings:extract', { text: posting })
  const role = await portfolio.core.call('roles:create', {
    title: 'Retail Data Analyst',
    source: 'posting',
    postingText: posting,
    skills: extraction.skills.filter((x) => x.suggestedAccept).map((x) => ({ name: x.name, weight: x.suggestedWeight, essential: x.suggestedEssential })),
  })
  const plan = await portfolio.core.call('plans:create', { ref: role.ref, constraints: { budget: { amountMinor: 30000, currency: 'USD' }, hoursPerWeek: 6 } })
  const roleHash = `#/roles/${encodeURIComponent(role.ref)}?plan=${plan.id}`
  const resumeHash = `#/resume?role=${encodeURIComponent('catalog:data-analyst')}`
  const variant = await portfolio.core.call('resumes:create', { name: 'Acme – Data Analyst', settings: { roleRef: 'catalog:data-analyst' }, sentTo: 'Acme Corp, via LinkedIn', sentOn: '2026-11-20' })
  await portfolio.core.call('resumes:create', { name: 'General, for recruiters', settings: { template: 'two-column' } })

  const bridge = await startBridge(portfolio.core)
  const runningBridge = await startBridge(showRunning(portfolio.core, batch))
  const emptyBridge = await startBridge(empty.core)
  const sample = tempPortfolio({ now: () => new Date() })
  await sample.core.call('app:loadDemo', {})
  const sampleBridge = await startBridge(sample.core)
  const browser = await launchBrowser()

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
    { name: 'import-welcome', hash: '#/import' },
    { name: 'import-report', hash: `#/import/${batch.batchId}` },
    { name: 'import-report-end', hash: `#/import/${batch.batchId}`, prepare: async (page) => {
      await page.locator('.detail-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    } },
    { name: 'import-undo', hash: `#/import/${batch.batchId}`, prepare: async (page) => {
      await page.getByRole('button', { name: 'Undo this import' }).click()
      await page.getByRole('dialog').waitFor()
    } },
    { name: 'drop-overlay', hash: `#/credentials/${cloudId}`, prepare: async (page) => {
      await page.evaluate(() => {
        const dt = new DataTransfer()
        dt.items.add(new File(['{}'], 'badge.json', { type: 'application/json' }))
        document.querySelector('.main')!.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }))
      })
      await page.locator('[data-drop-overlay]').waitFor()
    } },
    { name: 'credential-verified', hash: `#/credentials/${verifiedId}` },
    { name: 'credential-hosted', hash: `#/credentials/${cloudId}` },
    { name: 'credential-source', hash: `#/credentials/${oddId}`, prepare: async (page) => {
      await page.locator('.detail-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    } },
    { name: 'settings', hash: '#/settings' },
    { name: 'roles', hash: '#/roles' },
    { name: 'roles-gap', hash: roleHash },
    { name: 'roles-plan', hash: roleHash, prepare: async (page) => {
      await page.locator('.detail-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    } },
    { name: 'roles-plan-dialog', hash: roleHash, prepare: async (page) => {
      await page.getByRole('button', { name: 'Make a plan' }).click()
      await page.getByRole('dialog').waitFor()
    } },
    { name: 'roles-posting', hash: '#/roles/new-posting', prepare: async (page) => {
      await page.getByLabel('Job posting').fill(posting)
      await page.getByRole('button', { name: 'Find skills' }).click()
      await page.locator('.posting-text mark').first().waitFor()
    } },
    { name: 'roles-posting-end', hash: '#/roles/new-posting', prepare: async (page) => {
      await page.getByLabel('Job posting').fill(posting)
      await page.getByRole('button', { name: 'Find skills' }).click()
      await page.locator('.posting-text mark').first().waitFor()
      await page.locator('.detail-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    } },
    { name: 'about', hash: '#/about' },
    { name: 'resume', hash: resumeHash, prepare: resumeReady },
    { name: 'resume-items', hash: resumeHash, prepare: async (page) => {
      await resumeReady(page)
      await page.locator('.resume-side-scroll').evaluate((el) => el.scrollTo(0, 620))
      await page.getByRole('button', { name: /^Hide / }).nth(2).focus()
    } },
    { name: 'resume-ats-text', hash: resumeHash, prepare: async (page) => {
      await resumeReady(page)
      await page.getByRole('radio', { name: 'ATS text' }).check()
      await page.locator('[data-ats-text]').first().waitFor()
    } },
    { name: 'resume-two-column', hash: '#/resume', prepare: async (page) => {
      await resumeReady(page)
      await page.getByRole('radio', { name: 'Two columns' }).check()
      await page.getByRole('radio', { name: 'Teal' }).check()
      await resumeReady(page)
    } },
    { name: 'resume-narrow', hash: `${resumeHash}&variant=${variant.id}`, viewport: { width: 1024, height: 700 }, prepare: resumeReady },
    { name: 'resume-error', hash: resumeHash, prepare: async (page) => {
      await resumeReady(page)
      // resume:preview fails as the shell reports an internal error: the banner, over the last good pages.
      await page.route((url) => url.pathname.endsWith('/__bridge/resume%3Apreview'), (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Skillfolio; nothing was changed.' } }) }),
      )
      await page.getByRole('radio', { name: 'Letter' }).check()
      await page.getByRole('alert').waitFor()
    } },
    { name: 'resume-variant', hash: `${resumeHash}&variant=${variant.id}`, prepare: async (page) => {
      await resumeReady(page)
      await page.getByRole('radio', { name: 'Letter' }).check()
      await page.getByText('Edited').waitFor()
      await resumeReady(page)
    } },
  ]

  try {
    for (const scheme of ['light', 'dark'] as const) {
      for (const shot of shots) {
        const app = await openApp(browser, bridge.url, { hash: shot.hash, colorScheme: scheme, viewport: shot.viewport })
        await settle(app.page, 100)
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
      const emptyImport = await openApp(browser, emptyBridge.url, { hash: '#/import', colorScheme: scheme })
      await emptyImport.page.getByText('No imports yet').waitFor()
      await settle(emptyImport.page, 100)
      await emptyImport.page.screenshot({ path: `${OUT}/import-empty-${scheme}.png` })
      console.log(`${OUT}/import-empty-${scheme}.png`)
      await emptyImport.close()
      const emptyResume = await openApp(browser, emptyBridge.url, { hash: '#/resume', colorScheme: scheme })
      await emptyResume.page.getByText('Nothing to put on it yet').waitFor()
      await resumeReady(emptyResume.page)
      await emptyResume.page.screenshot({ path: `${OUT}/resume-empty-${scheme}.png` })
      console.log(`${OUT}/resume-empty-${scheme}.png`)
      emptyResume.assertNoProblems()
      await emptyResume.close()
      const running = await openApp(browser, runningBridge.url, { hash: `#/import/${batch.batchId}`, colorScheme: scheme })
      await running.page.getByRole('progressbar').waitFor()
      await running.page.waitForTimeout(300)
      await running.page.screenshot({ path: `${OUT}/import-running-${scheme}.png` })
      console.log(`${OUT}/import-running-${scheme}.png`)
      running.assertNoProblems()
      await running.close()
    }
    // The README picture: Credentials with the sample data, light, at 2x for sharp text.
    const app = await openApp(browser, sampleBridge.url, { hash: `#/credentials/${credId}`, colorScheme: 'light', deviceScaleFactor: 2 })
    await settle(app.page, 100)
    await app.page.screenshot({ path: `${OUT}/readme.png` })
    copyFileSync(`${OUT}/readme.png`, README_SHOT)
    console.log(README_SHOT)
    await app.close()
  } finally {
    await browser.close()
    await bridge.close()
    await runningBridge.close()
    await emptyBridge.close()
    await sampleBridge.close()
    portfolio.cleanup()
    empty.cleanup()
    sample.cleanup()
  }
}

async function importFiles(core: Core, files: TestFile[]): Promise<ImportReport> {
  const { batchId } = await core.call('import:start', { origin: 'drop', sources: files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })) })
  await core.idle()
  return core.call('import:status', { batchId })
}

/** The same core, except that `report`'s batch looks as if it were a third of the way through. */
function showRunning(core: Core, report: ImportReport): Core {
  const total = 12
  const items = report.items.slice(0, 4)
  const counts = { imported: 0, updated: 0, duplicate: 0, failed: 0 }
  for (const i of items) counts[i.outcome]++
  const running: ImportReport = { ...report, state: 'running', finishedAt: null, total, processed: items.length, counts, items }
  const { items: _items, ...summary } = running
  return {
    ...core,
    dispatch: async (channel, raw) => {
      if (channel === 'import:status' && (raw as { batchId?: number })?.batchId === report.batchId) return { ok: true, value: running }
      const result = await core.dispatch(channel, raw)
      if (channel === 'import:batches' && result.ok) return { ok: true, value: (result.value as ImportReport[]).map((b) => (b.batchId === report.batchId ? summary : b)) }
      return result
    },
  } as Core
}

/** The Resume screen with its PDF drawn and no update pending. */
async function resumeReady(page: Page): Promise<void> {
  await page.locator('.pdf-page canvas').first().waitFor({ timeout: 15_000 })
  await page.locator('.preview-updating').waitFor({ state: 'detached' })
  await page.waitForTimeout(200)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
