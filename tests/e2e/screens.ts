/**
 * Every screen a person can reach, in the states worth checking as a whole page: each list
 * screen empty-handed and with an item open, the forms, a role's gap analysis with and without
 * a saved plan, the posting review, Settings and About, and two open dialogs. The layout and
 * accessibility suites walk this one list, so a new screen is checked by both once it is added
 * here. All states start from the sample portfolio.
 */
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { makeCertificate, SAMPLES } from '../fixtures/certificates/make'
import { SIGNED_OB3 } from '../helpers/badges'

export interface ScreenState {
  /** File-name-safe, used in test names and screenshots. */
  name: string
  hash: string
  /** Brings the page into the state once the hash has loaded (waits for what it needs). */
  open?: (page: Page) => Promise<void>
}

/** Opens the first item of the screen's list, as a click would. */
const openFirst = (list: string) => async (page: Page) => {
  const first = page.getByRole('listbox', { name: list }).getByRole('option').first()
  await first.waitFor()
  await first.click()
  await page.locator('.detail-pane .detail-header, .detail-pane form').first().waitFor()
}

const detailLoaded = async (page: Page) => void (await page.locator('.detail-pane .detail-header, .detail-pane form').first().waitFor())

/** Presses `button` (as a click would) and waits for the modal dialog it opens. */
async function openDialog(page: Page, button: Locator): Promise<void> {
  await button.click()
  await page.locator('dialog[open]').waitFor()
}

/** A role's gap analysis with a saved plan: made through the dialog, as a person would, unless one is there. */
async function withPlan(page: Page): Promise<void> {
  await detailLoaded(page)
  const plan = page.locator('.detail-pane [data-plan-id]')
  const none = page.locator('.detail-pane .plan-section', { hasText: 'No plan yet' })
  await plan.or(none).first().waitFor()
  if (await plan.count()) return
  await openDialog(page, page.getByRole('button', { name: 'Make a plan' }))
  await page.locator('dialog[open]').getByRole('button', { name: 'Make plan' }).click()
  await plan.waitFor()
  await page.locator('dialog[open]').waitFor({ state: 'detached' })
}

/** A small career history, as a JSON Resume: one of each kind of entry the review lists. */
const JSON_RESUME = {
  basics: { name: 'Alex Example', label: 'Data analyst', email: 'alex@example.com' },
  work: [{ name: 'Northwind', position: 'Analyst', startDate: '2021-03-01', highlights: ['Built the weekly sales dashboard'] }],
  education: [{ institution: 'Example University', area: 'Statistics', studyType: 'BSc', endDate: '2020-06-30' }],
  skills: [{ name: 'SQL' }, { name: 'Forecasting' }],
}

/** A file as the page gets it from a drop: its name, type and text. */
interface Dropped {
  name: string
  type: string
  /** The file's text, or its bytes in base64 (`b64`). */
  text?: string
  b64?: string
}

/** Drops `files` on the window as a real drag does (enter, over, drop), with a DataTransfer made in the page. */
async function dropOnWindow(page: Page, files: Dropped[]): Promise<void> {
  await page.locator('.main').waitFor()
  await page.evaluate((items) => {
    const transfer = new DataTransfer()
    for (const f of items) {
      const body = f.b64 !== undefined ? Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0)) : (f.text ?? '')
      transfer.items.add(new File([body], f.name, { type: f.type }))
    }
    const target = document.querySelector('.main')!
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
  }, files)
}

/** The career-import review of a dropped JSON Resume. */
async function careerReview(page: Page): Promise<void> {
  await dropOnWindow(page, [{ name: 'resume.json', type: 'application/json', text: JSON.stringify(JSON_RESUME) }])
  await page.locator('.detail-pane form.career').waitFor()
}

/** The certificate review of a dropped certificate PDF, read and filled in. */
async function certificateReview(page: Page): Promise<void> {
  const pdf = await makeCertificate(SAMPLES[0]!)
  await dropOnWindow(page, [{ name: 'certificate.pdf', type: 'application/pdf', b64: pdf.toString('base64') }])
  await page.locator('.cert-source').waitFor()
  await page.getByRole('progressbar', { name: 'Reading progress' }).waitFor({ state: 'detached' })
}

/**
 * An import report with a verified badge and a refused file: the first listed import, or, on a
 * portfolio without one, a signed badge and a text file dropped on the window.
 */
async function importReport(page: Page): Promise<void> {
  const listed = page.getByRole('listbox', { name: 'Recent imports' }).getByRole('option')
  const none = page.getByRole('heading', { name: 'No imports yet' })
  await listed.first().or(none).waitFor()
  if (await none.count()) {
    await dropOnWindow(page, [
      { name: 'signed-badge.json', type: 'application/json', text: readFileSync(SIGNED_OB3, 'utf8') },
      { name: 'notes.json', type: 'application/json', text: '{"notes": "not a badge"}' },
    ])
  } else {
    await listed.first().click()
  }
  await page.locator('.detail-pane article.batch:not([data-state="running"])').waitFor()
}

/** The page of the badge the import report lists, with its verification. */
async function importedBadge(page: Page): Promise<void> {
  await importReport(page)
  await page.locator('.detail-pane article.batch a[href^="#/credentials/"]').first().click()
  await page.locator('.detail-pane [data-detail-title]').waitFor()
}

export const SCREEN_STATES: readonly ScreenState[] = [
  { name: 'credentials', hash: '#/credentials', open: async (page) => void (await page.getByRole('listbox', { name: 'Credentials' }).waitFor()) },
  { name: 'credential-detail', hash: '#/credentials', open: openFirst('Credentials') },
  {
    name: 'credential-delete',
    hash: '#/credentials',
    open: async (page) => {
      await openFirst('Credentials')(page)
      await openDialog(page, page.locator('.detail-pane .detail-header').getByRole('button', { name: /^Delete / }))
    },
  },
  { name: 'credential-new', hash: '#/credentials/new', open: async (page) => void (await page.locator('form').first().waitFor()) },
  {
    name: 'share-dialog',
    hash: '#/credentials',
    open: async (page) => openDialog(page, page.locator('.list-pane').getByRole('button', { name: 'Share…' })),
  },
  { name: 'projects', hash: '#/projects', open: async (page) => void (await page.getByRole('listbox', { name: 'Projects' }).waitFor()) },
  { name: 'project-detail', hash: '#/projects', open: openFirst('Projects') },
  { name: 'project-new', hash: '#/projects/new', open: async (page) => void (await page.locator('form').first().waitFor()) },
  { name: 'skills', hash: '#/skills', open: async (page) => void (await page.getByRole('listbox', { name: 'Skills' }).waitFor()) },
  { name: 'skill-detail', hash: '#/skills', open: openFirst('Skills') },
  { name: 'import', hash: '#/import' },
  { name: 'career-review', hash: '#/import', open: careerReview },
  { name: 'certificate-review', hash: '#/import', open: certificateReview },
  { name: 'import-report', hash: '#/import', open: importReport },
  { name: 'badge-detail', hash: '#/import', open: importedBadge },
  { name: 'profile', hash: '#/profile' },
  { name: 'roles', hash: '#/roles', open: async (page) => void (await page.getByRole('listbox', { name: 'Roles' }).waitFor()) },
  { name: 'role-gap', hash: '#/roles/catalog%3Adata-analyst', open: detailLoaded },
  {
    name: 'role-plan-dialog',
    hash: '#/roles/catalog%3Adata-analyst',
    open: async (page) => {
      await detailLoaded(page)
      await openDialog(page, page.getByRole('button', { name: 'Make a plan' }))
    },
  },
  { name: 'role-plan', hash: '#/roles/catalog%3Adata-scientist', open: withPlan },
  { name: 'role-posting', hash: '#/roles/new-posting', open: async (page) => void (await page.getByLabel('Job posting').waitFor()) },
  { name: 'resume', hash: '#/resume' },
  { name: 'settings', hash: '#/settings' },
  { name: 'about', hash: '#/about' },
]

/** Loads a state into a page already running the app, and waits until it is still. */
export async function showState(page: Page, state: ScreenState): Promise<void> {
  // A dialog the previous state left open goes first, as Escape would close it.
  const dialog = page.locator('dialog[open]')
  if (await dialog.count()) {
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }
  await page.evaluate((hash) => {
    window.location.hash = hash
  }, state.hash)
  await page.locator('.app').waitFor()
  await state.open?.(page)
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.waitForTimeout(150)
}
