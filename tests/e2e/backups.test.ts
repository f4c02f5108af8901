/**
 * Settings → Backups, end to end with the sample portfolio: "Back up now" with a passphrase
 * (typed twice, too short refused in words), the backup listed as made by you and encrypted; a
 * credential deleted afterwards comes back when the backup is restored from the list, after a
 * wrong passphrase was refused in words with the portfolio untouched, and after a confirmation
 * that compares the backup with the portfolio now. Settings → Export saves JSON Resume and the
 * full ZIP through the shell (the bridge writes them), naming each file with "Open". The backups
 * folder is changed through the folder dialog; a damaged file is refused in words. Screenshots, light and dark, go to
 * $SHOTS_DIR (default /tmp/shots).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark as shoot } from '../helpers/browser'
import { appSession } from './harness'

const PASSPHRASE = 'correct horse battery'


describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('backups in Settings, end to end'), () => {
  const session = appSession()

  it('backs up with a passphrase, then restores a deleted credential from the list', async () => {
    const r = await session.start({ demo: true, hash: '#/settings' })
    const { page } = r
    const core = r.portfolio.core
    const card = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Backups', exact: true }) })
    await card.getByText('None yet').waitFor()
    expect(await card.locator('.backup-row').count()).toBe(0)

    // A passphrase too short, then two that differ, are refused in words; nothing is made.
    await card.getByLabel('Protect it with a passphrase').check()
    expect(await card.getByRole('note').innerText()).toContain('If it is lost, this backup cannot be opened')
    await card.getByLabel('Passphrase', { exact: true }).fill('short')
    await card.getByLabel('The passphrase again').fill('short')
    await card.getByRole('button', { name: 'Back up now' }).click()
    await card.getByText('Use at least 8 characters.').waitFor()
    await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await card.getByLabel('The passphrase again').fill(`${PASSPHRASE}!`)
    await card.getByRole('button', { name: 'Back up now' }).click()
    await card.getByText('The two passphrases differ.').waitFor()
    expect((await core.call('backup:list', {})).backups).toEqual([])

    await card.getByLabel('The passphrase again').fill(PASSPHRASE)
    await card.getByRole('button', { name: 'Back up now' }).click()
    const made = card.locator('[data-backup-made]')
    await made.waitFor()
    const [backup] = (await core.call('backup:list', {})).backups
    expect(backup).toMatchObject({ reason: 'manual', encrypted: true })
    expect(await made.innerText()).toContain(`Backed up to ${backup!.name}`)
    expect(await made.innerText()).toContain('encrypted')
    const row = card.locator('.backup-row')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toContain('Made by you')
    expect(await row.innerText()).toContain('Encrypted')
    expect(await card.locator('[data-last-backup]').innerText()).toContain('just now')
    await shoot(page, 'settings-backups')

    // Change the portfolio after the backup: one credential deleted.
    const before = await core.call('credentials:list', { limit: 500 })
    const gone = before.items[0]!
    await core.call('credentials:delete', { id: gone.id })

    // A wrong passphrase is refused in words, and nothing changes.
    await row.getByRole('button', { name: /^Restore the backup of/ }).click()
    const ask = page.getByRole('dialog', { name: 'Open the encrypted backup' })
    await ask.getByLabel('Passphrase').fill('not the passphrase')
    await page.keyboard.press('Enter')
    await ask.getByText(/Wrong passphrase for the backup/).waitFor()
    expect((await core.call('credentials:list', { limit: 500 })).total).toBe(before.total - 1)

    // The right one: the backup is checked, then compared with the portfolio now.
    await ask.getByLabel('Passphrase').fill(PASSPHRASE)
    await ask.getByRole('button', { name: 'Check the backup' }).click()
    const confirm = page.getByRole('dialog', { name: 'Restore this backup?' })
    await confirm.waitFor()
    const credentialsRow = confirm.locator('[data-restore-compare] tr').filter({ hasText: 'Credentials' })
    await expect.poll(() => credentialsRow.locator('td').allInnerTexts()).toEqual([String(before.total - 1), String(before.total)])
    expect(await confirm.innerText()).toContain('Your current portfolio is kept aside')
    await shoot(page, 'restore-confirm')

    await confirm.getByRole('button', { name: 'Restore', exact: true }).click()
    const restored = card.locator('[data-restored]')
    await restored.waitFor()
    expect(await restored.innerText()).toMatch(/Your previous portfolio was kept at \S+/)
    await confirm.waitFor({ state: 'detached' })
    await restored.scrollIntoViewIfNeeded()
    await shoot(page, 'settings-restored')

    // Back, through the core and on the screen.
    expect((await core.call('credentials:get', { id: gone.id })).title).toBe(gone.title)
    expect((await core.call('credentials:list', { limit: 500 })).total).toBe(before.total)
    await page.goto(`${new URL(page.url()).origin}/#/credentials`)
    await page.locator('.list-pane').getByRole('option').filter({ hasText: gone.title }).first().waitFor()
    await r.done()
  })

  it('exports JSON Resume and everything as a ZIP, naming the saved file and opening it', async () => {
    const r = await session.start({ demo: true, hash: '#/settings' })
    const { page, bridge } = r
    const card = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Export', exact: true }) })
    const saved = card.locator('[data-export-saved]')

    await card.getByRole('button', { name: 'Export JSON Resume…' }).click()
    await expect.poll(() => bridge.saved.length).toBe(1)
    const json = bridge.saved[0]!
    expect(json).toMatch(/\.json$/)
    const resume = JSON.parse(readFileSync(json, 'utf8')) as { basics?: { name?: string } }
    expect(resume.basics?.name).toBe((await r.portfolio.core.call('profile:get', {})).fullName)
    await expect.poll(() => saved.innerText()).toContain(`Saved ${basename(json)}`)
    await card.scrollIntoViewIfNeeded()
    await shoot(page, 'settings-export')
    await saved.getByRole('button', { name: 'Open' }).click()
    await expect.poll(() => bridge.opened).toEqual([json])

    await card.getByRole('button', { name: 'Export everything (ZIP)…' }).click()
    await expect.poll(() => bridge.saved.length).toBe(2)
    const zip = bridge.saved[1]!
    expect(zip).toMatch(/\.zip$/)
    expect(readFileSync(zip).subarray(0, 2).toString('latin1')).toBe('PK')
    await expect.poll(() => saved.innerText()).toContain(`Saved ${basename(zip)}`)
    await r.done()
  })

  it('changes the backups folder, and refuses a damaged backup file in words with the portfolio untouched', async () => {
    const r = await session.start({ demo: true, hash: '#/settings' })
    const { page, bridge } = r
    const core = r.portfolio.core
    const card = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Backups', exact: true }) })

    // The folder is picked in the shell's folder dialog (the bridge answers it).
    const elsewhere = mkdtempSync(join(tmpdir(), 'skillfolio-backups-'))
    bridge.chooseFolderAnswer = () => elsewhere
    await card.getByRole('button', { name: 'Change the backups folder…' }).click()
    await card.locator('.backup-folder code').filter({ hasText: elsewhere }).waitFor()
    expect((await core.call('settings:get', {})).backupFolder).toBe(elsewhere)

    // A backup file elsewhere with one byte changed inside.
    const file = join(elsewhere, 'copy.sfbackup')
    await core.call('backup:create', { file })
    const bytes = readFileSync(file)
    bytes[bytes.length - 200] = bytes[bytes.length - 200]! ^ 0xff
    writeFileSync(file, bytes)
    bridge.chooseBackupAnswer = () => file
    const before = await core.call('credentials:list', { limit: 500 })

    await card.getByRole('button', { name: 'Restore from a file…' }).click()
    const refused = page.getByRole('dialog', { name: 'This backup cannot be restored' })
    await refused.waitFor()
    expect(await refused.getByRole('alert').innerText()).toContain('copy.sfbackup')
    expect(await refused.innerText()).toContain('Your portfolio was not changed.')
    await refused.getByRole('button', { name: 'Close' }).click()
    expect((await core.call('credentials:list', { limit: 500 })).total).toBe(before.total)
    rmSync(elsewhere, { recursive: true, force: true })
    await r.done()
  })
})
