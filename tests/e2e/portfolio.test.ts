/**
 * The portfolio, end to end: the built renderer in Chromium, talking to the real core on a
 * temp portfolio through the test bridge. Every change is followed by a reload (what a
 * restart does) to check it was saved and that the same screen comes back.
 *
 * Needs `npx electron-vite build` first (npm test does it) and /usr/bin/chromium: without
 * Chromium the tests are skipped, except in CI (CI=true) where that is a failure.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../helpers/bridge'
import { CHROMIUM } from '../helpers/browser'
import { appSession, focusedLabel, tabTo } from './harness'

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('the portfolio, end to end'), () => {
  const { start } = appSession()

  const detailTitle = (page: Page) => page.locator('.detail-pane [data-detail-title]')
  /** Rows of the list pane (not the <option>s of its selects). */
  const rows = (page: Page) => page.locator('.list-pane').getByRole('listbox').getByRole('option')
  const listOption = (page: Page, name: string | RegExp) => rows(page).filter({ hasText: name })
  const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text)

  it('shows a new user what to do, and loads the sample portfolio', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page } = r
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor()
    expect(await page.getByRole('button', { name: /Add your first credential/ }).isVisible()).toBe(true)

    await page.getByRole('button', { name: 'Load a sample portfolio' }).click()
    const counts = (await r.portfolio.core.call('app:info', {})).counts
    expect(counts.credentials).toBeGreaterThan(0)
    await toast(page, /Loaded a sample portfolio/).waitFor()
    await page.locator('.pane-count', { hasText: String(counts.credentials) }).waitFor()
    expect(await rows(page).count()).toBe(counts.credentials)
    expect(await page.getByRole('link', { name: /Projects/ }).textContent()).toContain(String(counts.projects))

    await r.reload()
    await rows(page).first().waitFor()
    expect(await rows(page).count()).toBe(counts.credentials)
    await r.done()
  })

  it('adds, edits, finds, links and deletes a credential, and every change survives a reload', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio } = r
    // An existing skill to pick (the other one is created from the picker).
    await portfolio.core.call('skills:create', { name: 'SQL', category: 'technology', aliases: ['Structured Query Language'] })

    // --- add ---
    await page.getByRole('button', { name: /Add your first credential/ }).click()
    await r.waitForHash(/^#\/credentials\/new$/)
    await page.getByLabel('Title').fill('Google Data Analytics Certificate')
    await page.getByLabel('Kind', { exact: true }).selectOption('platform')
    await page.getByLabel('Provider').fill('Coursera')
    await page.getByLabel('Issuer', { exact: true }).fill('Google')
    await page.getByLabel('Started').fill('2025-01-10')
    await page.getByLabel('Earned').fill('2025-06-01')
    await page.getByLabel('Expires').fill('2028-06-01')
    await page.getByLabel('Hours').fill('180')
    await page.getByLabel('Cost').fill('49.5')
    await page.getByLabel('Currency').fill('usd')
    await page.getByLabel('Credential ID').fill('GDA-2025-XYZ')
    await page.getByLabel('Verification link').fill('https://coursera.org/verify/GDA2025XYZ')
    await page.getByLabel('Description').fill('Eight courses on the data analysis process.')

    const skills = page.getByRole('combobox', { name: 'Skills' })
    await skills.fill('struct') // matches the alias of the existing skill
    await page.getByRole('option', { name: /^SQL/ }).waitFor()
    await skills.press('Enter')
    await skills.fill('Looker Studio')
    await page.getByRole('option', { name: 'Create “Looker Studio”' }).waitFor()
    await skills.press('Enter')
    await page.getByLabel('Level for SQL').selectOption('advanced')

    await page.getByRole('button', { name: 'Add credential' }).click()
    await toast(page, 'Added “Google Data Analytics Certificate”').waitFor()
    const hash = await r.waitForHash(/^#\/credentials\/cred-\d+$/)
    const id = hash.split('/')[2]!
    const saved = await portfolio.core.call('credentials:get', { id })
    expect(saved).toMatchObject({
      title: 'Google Data Analytics Certificate',
      kind: 'platform',
      provider: 'Coursera',
      issuerName: 'Google',
      startedOn: '2025-01-10',
      earnedOn: '2025-06-01',
      expiresOn: '2028-06-01',
      hours: 180,
      cost: { amountMinor: 4950, currency: 'USD' },
      credentialCode: 'GDA-2025-XYZ',
      verificationUrl: 'https://coursera.org/verify/GDA2025XYZ',
    })
    expect(saved.skills.map((s) => [s.name, s.level])).toEqual(expect.arrayContaining([['SQL', 'advanced'], ['Looker Studio', null]]))
    expect((await portfolio.core.call('skills:list', {})).total).toBe(2) // SQL was reused, not duplicated

    await r.reload()
    expect(await r.hash()).toBe(`#/credentials/${id}`)
    await detailTitle(page).filter({ hasText: 'Google Data Analytics Certificate' }).waitFor()
    const detail = page.locator('.detail-pane')
    expect(await detail.textContent()).toContain('$49.50')
    expect(await detail.textContent()).toContain('180 h')
    expect(await detail.getByRole('link', { name: /SQL/ }).textContent()).toContain('Advanced')
    expect(await detail.getByRole('link', { name: 'Verify online' }).getAttribute('target')).toBe('_blank')
    expect(await listOption(page, /Google Data Analytics Certificate/).getAttribute('aria-selected')).toBe('true')

    // --- edit ---
    await detail.getByRole('button', { name: 'Edit' }).click()
    await r.waitForHash(new RegExp(`^#/credentials/${id}/edit$`))
    expect(await page.getByLabel('Cost').inputValue()).toBe('49.50')
    await page.getByLabel('Title').fill('Google Data Analytics Professional Certificate')
    await page.getByLabel('Hours').fill('200')
    await page.getByRole('button', { name: 'Remove Looker Studio' }).click()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await toast(page, 'Saved “Google Data Analytics Professional Certificate”').waitFor()
    await r.waitForHash(new RegExp(`^#/credentials/${id}$`))
    await r.reload()
    await detailTitle(page).filter({ hasText: 'Google Data Analytics Professional Certificate' }).waitFor()
    expect(await page.locator('.detail-pane').textContent()).toContain('200 h')
    expect(await page.locator('.detail-pane').getByRole('link', { name: /Looker Studio/ }).count()).toBe(0)
    expect((await portfolio.core.call('credentials:get', { id })).hours).toBe(200)

    // --- find ---
    await portfolio.core.call('credentials:create', { title: 'AWS Certified Cloud Practitioner', kind: 'certification', provider: 'Amazon Web Services' })
    await r.reload()
    await listOption(page, /AWS Certified Cloud Practitioner/).waitFor()
    await page.getByLabel('Search credentials').fill('analytics')
    await r.waitForHash(/q=analytics/)
    await listOption(page, /AWS Certified/).waitFor({ state: 'detached' })
    expect(await rows(page).count()).toBe(1)
    await r.reload()
    expect(await page.getByLabel('Search credentials').inputValue()).toBe('analytics')
    await listOption(page, /Google Data Analytics/).waitFor()
    expect(await rows(page).count()).toBe(1)
    await detailTitle(page).filter({ hasText: 'Google Data Analytics Professional Certificate' }).waitFor()

    // --- link a project to it ---
    await page.getByRole('link', { name: /^Projects/ }).click()
    await r.waitForHash(/^#\/projects$/)
    await page.getByRole('button', { name: /Add your first project/ }).click()
    await page.getByLabel('Title').fill('Sales dashboard for a bakery')
    await page.getByLabel('Your role').fill('Analyst')
    const applied = page.getByRole('combobox', { name: 'Skills applied' })
    await applied.fill('SQ')
    await page.getByRole('option', { name: /^SQL/ }).waitFor()
    await applied.press('Enter')
    const used = page.getByRole('combobox', { name: 'Credentials used' })
    await used.fill('Google')
    await page.getByRole('option', { name: /Google Data Analytics Professional Certificate/ }).click()
    await page.getByRole('button', { name: 'Add outcome' }).click()
    await page.getByLabel('Outcome 1', { exact: true }).fill('Weekly report in ten minutes instead of three hours')
    await page.getByRole('button', { name: 'Add project' }).click()
    await toast(page, 'Added “Sales dashboard for a bakery”').waitFor()
    const projHash = await r.waitForHash(/^#\/projects\/proj-\d+$/)
    await r.reload()
    expect(await r.hash()).toBe(projHash)
    const projDetail = page.locator('.detail-pane')
    await detailTitle(page).filter({ hasText: 'Sales dashboard for a bakery' }).waitFor()
    expect(await projDetail.textContent()).toContain('Weekly report in ten minutes')
    await projDetail.getByRole('link', { name: /SQL/ }).waitFor()
    await projDetail.getByRole('link', { name: /Google Data Analytics Professional Certificate/ }).click()
    await r.waitForHash(new RegExp(`^#/credentials/${id}$`))
    await page.locator('.detail-pane').getByRole('link', { name: /Sales dashboard for a bakery/ }).waitFor()

    // --- delete (with a confirm) ---
    await page.getByRole('button', { name: 'Delete Google Data Analytics Professional Certificate' }).click()
    const dialog = page.getByRole('dialog', { name: /Delete “Google Data Analytics Professional Certificate”/ })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('unlinked from 1 project')
    await dialog.getByRole('button', { name: 'Delete credential' }).click()
    await toast(page, 'Deleted “Google Data Analytics Professional Certificate”').waitFor()
    await r.waitForHash(/^#\/credentials(\?|$)/)
    await r.reload()
    await listOption(page, 'AWS Certified Cloud Practitioner').waitFor()
    expect(await rows(page).count()).toBe(1)
    expect(await page.locator('.detail-pane').getByRole('heading', { name: 'Select a credential' }).isVisible()).toBe(true)
    expect((await portfolio.core.dispatch('credentials:get', { id })).ok).toBe(false)
    const project = await portfolio.core.call('projects:get', { id: projHash.split('/')[2]! })
    expect(project.credentials).toEqual([])
    await r.done()
  })

  it('shows what is wrong next to the field and saves nothing', async () => {
    const r = await start({ hash: '#/credentials/new' })
    const { page, portfolio } = r
    await page.getByLabel('Title').fill('AWS Certified Cloud Practitioner')
    await page.getByLabel('Earned').fill('2026-05-01')
    await page.getByLabel('Expires').fill('2025-01-01')
    await page.getByLabel('Hours').fill('-5')
    await page.getByLabel('Verification link').fill('cp.certmetrics.com/verify')
    await page.getByRole('button', { name: 'Add credential' }).click()

    await page.getByRole('alert').filter({ hasText: '3 fields need attention.' }).waitFor()
    const expires = page.getByLabel('Expires')
    expect(await expires.getAttribute('aria-invalid')).toBe('true')
    const expiresError = await expires.getAttribute('aria-describedby')
    expect(await page.locator(`[id="${expiresError}"]`).textContent()).toBe('Cannot be before the date earned')
    const hoursError = await page.getByLabel('Hours').getAttribute('aria-describedby')
    expect(await page.locator(`[id="${hoursError}"]`).textContent()).toBe('Cannot be negative')
    expect(await page.getByText('Must be a web address starting with https:// or http://').isVisible()).toBe(true)
    expect(await focusedLabel(page)).toBe('Expires') // the first field in error has the focus
    expect(r.bridge.calls).not.toContain('credentials:create')

    await r.reload()
    expect(await r.hash()).toBe('#/credentials/new')
    expect((await portfolio.core.call('credentials:list', {})).total).toBe(0)

    // Fixing the fields saves it.
    await page.getByLabel('Title').fill('AWS Certified Cloud Practitioner')
    await page.getByLabel('Earned').fill('2025-05-01')
    await page.getByLabel('Expires').fill('2028-05-01')
    await page.getByLabel('Hours').fill('20')
    await page.getByRole('button', { name: 'Add credential' }).click()
    await r.waitForHash(/^#\/credentials\/cred-\d+$/)
    expect((await portfolio.core.call('credentials:list', {})).total).toBe(1)
    await r.done()
  })

  it('can be used with the keyboard alone', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, portfolio } = r
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor()

    // Ctrl+N opens the form with the title focused.
    await page.keyboard.press('Control+n')
    await r.waitForHash(/^#\/credentials\/new$/)
    await page.getByLabel('Title').waitFor()
    expect(await focusedLabel(page)).toBe('Title')
    // Escape on an untouched form closes it.
    await page.keyboard.press('Escape')
    await r.waitForHash(/^#\/credentials$/)

    await page.keyboard.press('Control+n')
    await page.getByLabel('Title').waitFor()
    await page.keyboard.type('Python for Everybody')
    await tabTo(page, /^Kind$/)
    await page.keyboard.press('ArrowDown') // Online course -> Bootcamp
    await tabTo(page, /^Earned$/)
    await page.keyboard.type('03152025')
    await tabTo(page, /^Hours$/)
    await page.keyboard.type('32')
    await tabTo(page, /^Skills$/)
    await page.keyboard.type('Python')
    await page.getByRole('option', { name: 'Create “Python”' }).waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.type('pandas')
    await page.getByRole('option', { name: 'Create “pandas”' }).waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Backspace') // removes the last chip (pandas)
    await page.getByRole('button', { name: 'Remove pandas' }).waitFor({ state: 'detached' })
    await tabTo(page, /^Add credential$/)
    await page.keyboard.press('Enter')
    const hash = await r.waitForHash(/^#\/credentials\/cred-\d+$/)
    const saved = await portfolio.core.call('credentials:get', { id: hash.split('/')[2]! })
    expect(saved).toMatchObject({ title: 'Python for Everybody', kind: 'bootcamp', earnedOn: '2025-03-15', hours: 32 })
    expect(saved.skills.map((s) => s.name)).toEqual(['Python'])

    // Ctrl+F searches; Down moves into the list; Enter opens and focuses the heading.
    await portfolio.core.call('credentials:create', { title: 'Agile Foundations', kind: 'other' })
    await r.reload()
    await listOption(page, 'Agile Foundations').waitFor()
    await page.keyboard.press('Control+f')
    expect(await focusedLabel(page)).toBe('Search credentials')
    await page.keyboard.type('agile')
    await listOption(page, 'Python for Everybody').waitFor({ state: 'detached' })
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await r.waitForHash(/^#\/credentials\/cred-\d+\?q=agile$/)
    await detailTitle(page).filter({ hasText: 'Agile Foundations' }).waitFor()
    await expect.poll(() => focusedLabel(page)).toBe('Agile Foundations')

    // Delete with the keyboard: the confirm opens on Cancel; Escape closes it, nothing deleted.
    await tabTo(page, /^Delete Agile Foundations$/)
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    expect(await focusedLabel(page)).toBe('Cancel')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    expect((await portfolio.core.call('credentials:list', {})).total).toBe(2)
    await tabTo(page, /^Delete Agile Foundations$/)
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Tab')
    expect(await focusedLabel(page)).toBe('Delete credential')
    await page.keyboard.press('Enter')
    await toast(page, 'Deleted “Agile Foundations”').waitFor()
    expect((await portfolio.core.call('credentials:list', {})).total).toBe(1)

    // A dirty form asks before Escape throws the typing away.
    await page.keyboard.press('Control+n')
    await page.getByLabel('Title').waitFor()
    await page.keyboard.type('Half typed')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Discard your changes?' }).waitFor()
    await page.keyboard.press('Escape') // keep editing
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    expect(await page.getByLabel('Title').inputValue()).toBe('Half typed')
    await r.done()
  })

  it('keeps the place in Back/Forward history', async () => {
    const r = await start({ hash: '#/credentials', demo: true })
    const { page } = r
    await rows(page).first().click()
    const credHash = await r.waitForHash(/^#\/credentials\/cred-\d+$/)
    await page.getByRole('link', { name: /^Skills/ }).click()
    await r.waitForHash(/^#\/skills$/)
    await rows(page).first().click()
    const skillHash = await r.waitForHash(/^#\/skills\/skill-\d+$/)
    await page.goBack()
    await r.waitForHash(/^#\/skills$/)
    await page.goBack()
    expect(await r.waitForHash(/^#\/credentials\/cred-\d+$/)).toBe(credHash)
    await page.locator('.detail-pane [data-detail-title]').waitFor()
    await page.goForward()
    await page.goForward()
    expect(await r.waitForHash(/^#\/skills\/skill-\d+$/)).toBe(skillHash)
    // The sidebar returns to the last place on a screen.
    await page.getByRole('link', { name: /^Credentials/ }).click()
    expect(await r.waitForHash(/^#\/credentials/)).toBe(credHash)
    await r.done()
  })

  it('edits, merges and deletes skills, saying how many links go', async () => {
    const r = await start({ hash: '#/skills', demo: true })
    const { page, portfolio } = r
    const duplicate = await portfolio.core.call('skills:create', { name: 'Postgres database', category: 'technology' })
    const cred = (await portfolio.core.call('credentials:list', { limit: 1 })).items[0]!
    await portfolio.core.call('credentials:update', { id: cred.id, patch: { skills: [{ name: 'Postgres database', level: null }] } })
    const target = (await portfolio.core.call('skills:list', { text: 'PostgreSQL' })).items.find((s) => s.name === 'PostgreSQL')!
    await r.reload()

    await page.getByLabel('Search skills').fill('postgres')
    await listOption(page, 'Postgres database').click()
    await r.waitForHash(new RegExp(`^#/skills/${duplicate.id}\\?q=postgres$`))
    await page.getByRole('button', { name: 'Merge…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Merge into' }).fill('PostgreSQL')
    await dialog.getByRole('option', { name: /^PostgreSQL/ }).click()
    await dialog.getByRole('button', { name: 'Merge into “PostgreSQL”' }).click()
    await toast(page, 'Merged “Postgres database” into “PostgreSQL”').waitFor()
    await r.waitForHash(new RegExp(`^#/skills/${target.id}`))
    await r.reload()
    await detailTitle(page).filter({ hasText: 'PostgreSQL' }).waitFor()
    expect(await page.locator('.detail-subtitle').textContent()).toContain('“Postgres database”')

    // Edit name and aliases.
    await page.getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Name').fill('PostgreSQL (relational)')
    await page.getByLabel('Aliases').fill('psql')
    await page.getByLabel('Aliases').press('Enter')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await toast(page, 'Saved “PostgreSQL (relational)”').waitFor()
    await r.reload()
    await detailTitle(page).filter({ hasText: 'PostgreSQL (relational)' }).waitFor()
    expect((await portfolio.core.call('skills:get', { id: target.id })).aliases).toEqual(expect.arrayContaining(['Postgres database', 'psql']))

    // Delete says how many links will be removed.
    const detail = await portfolio.core.call('skills:get', { id: target.id })
    const links = detail.credentials.length + detail.projects.length
    await page.getByRole('button', { name: 'Delete PostgreSQL (relational)' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete “PostgreSQL (relational)”?' })
    expect(await confirm.textContent()).toContain(`${links} link${links === 1 ? '' : 's'} removed`)
    await confirm.getByRole('button', { name: 'Delete skill' }).click()
    await toast(page, 'Deleted “PostgreSQL (relational)”').waitFor()
    await r.reload()
    expect((await portfolio.core.dispatch('skills:get', { id: target.id })).ok).toBe(false)
    await r.done()
  })

  it('runs under the strict CSP, and the tests would notice a violation', async () => {
    const r = await start({ hash: '#/credentials' })
    const { page, app } = r
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor()
    const response = await page.request.get(r.bridge.url)
    expect(response.headers()['content-security-policy']).toBe(RENDERER_CSP)
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(RENDERER_CSP)
    expect(app.problems).toEqual([])
    // An inline script is refused, and the refusal is reported as a problem.
    await page.evaluate("(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.head.appendChild(s) })()")
    await expect.poll(() => app.problems.some((p) => p.includes('CSP violation'))).toBe(true)
    expect(await page.evaluate('window.__ran === true')).toBe(false)
    await r.close()
  })

  it('saves the profile, experience and education', async () => {
    const r = await start({ hash: '#/profile' })
    const { page, portfolio } = r
    await page.getByLabel('Full name').fill('Łucja Dmitrieva')
    await page.getByLabel('Email').fill('not an email')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByText('Must be an email address like name@example.com').waitFor()
    await page.getByLabel('Email').fill('lucja@example.org')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await toast(page, 'Profile saved').waitFor()

    await page.getByRole('button', { name: 'Add experience' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add experience' })
    await dialog.getByLabel('Job title').fill('Data analyst')
    await dialog.getByLabel('Organisation').fill('Brightwave Retail')
    await dialog.getByLabel('Started').fill('2022-04-01')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await toast(page, 'Added experience').waitFor()
    await page.getByRole('button', { name: 'Add education' }).click()
    const edu = page.getByRole('dialog', { name: 'Add education' })
    await edu.getByLabel('Institution').fill('University of Manchester')
    await edu.getByLabel('Degree').fill('BSc')
    await edu.getByRole('button', { name: 'Add' }).click()
    await toast(page, 'Added education').waitFor()

    await r.reload()
    expect(await r.hash()).toBe('#/profile')
    expect(await page.getByLabel('Full name').inputValue()).toBe('Łucja Dmitrieva')
    await page.getByText('Data analyst at Brightwave Retail').waitFor()
    await page.getByText('BSc · University of Manchester').waitFor()
    expect((await portfolio.core.call('profile:get', {})).email).toBe('lucja@example.org')

    await page.getByRole('button', { name: 'Delete Data analyst at Brightwave Retail' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await page.getByText('No experience yet').waitFor()
    expect(await portfolio.core.call('experience:list', {})).toEqual([])
    await r.done()
  })
})
