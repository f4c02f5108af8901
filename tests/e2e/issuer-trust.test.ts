/**
 * Issuer trust, end to end: a credential signed by a key that travels with it (in the fragment of
 * its issuer's URL) shows "Signed, issuer not confirmed" with a headline saying so; pinning the key
 * from the credential's page (asked first) makes it Verified; Settings → Trusted issuers lists the
 * pin and removes it; a tampered re-dated copy is kept beside the verified one as a conflict, which
 * the person settles on the page. Screenshots, light and dark, go to $SHOTS_DIR (default /tmp/shots).
 */
import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, settle } from '../helpers/browser'
import { newKey, signLd, type Key } from '../helpers/forge'
import { achievementCredential } from '../fixtures/verify/sign'
import { appSession, type Running } from './harness'

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots'
const ISSUER = 'https://university.example/issuers/registrar'

async function signed(key: Key, options: { n: number; name: string; validFrom?: string }) {
  const c = { ...achievementCredential({ did: ISSUER } as never, options), issuer: { id: ISSUER, type: ['Profile'], name: 'Example University' } }
  return signLd(c, key, `${ISSUER}#${key.multibase}`, ISSUER, 'eddsa-rdfc-2022')
}

async function importDoc(r: Running, doc: object): Promise<string> {
  const { batchId } = await r.portfolio.core.call('import:start', { origin: 'drop', sources: [{ name: 'credential.json', base64: Buffer.from(JSON.stringify(doc)).toString('base64') }] })
  await r.portfolio.core.idle()
  return (await r.portfolio.core.call('import:status', { batchId })).items[0]!.credentialId!
}

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('issuer trust, end to end'), () => {
  const session = appSession()

  it('says "Signed, issuer not confirmed", pins the key on request, lists and removes the pin', async () => {
    const r = await session.start({ hash: '#/credentials' })
    const { page } = r
    mkdirSync(SHOTS, { recursive: true })
    const key = await newKey()
    const id = await importDoc(r, await signed(key, { n: 1, name: 'Data Science Certificate' }))

    await page.goto(`${new URL(page.url()).origin}/#/credentials/${id}`)
    const detail = page.locator('.detail-pane')
    await detail.locator('[data-detail-title]').filter({ hasText: 'Data Science Certificate' }).waitFor()
    expect(await detail.locator('.detail-header [data-trust]').innerText()).toBe('Signed, issuer not confirmed')
    const verification = detail.locator('.section').filter({ has: page.getByRole('heading', { name: 'Verification' }) })
    expect(await verification.locator('.verification-summary').innerText()).toContain('Signature valid · issuer not confirmed · no revocation list')
    expect(await verification.locator('.verdict-label').allInnerTexts()).toEqual(['Valid signature', 'Issuer not confirmed', 'In date', 'No revocation check'])
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/issuer-not-confirmed-light.png` })

    // Pinning asks first, and says what it will change; Cancel changes nothing.
    await verification.getByRole('button', { name: 'Pin this key for the issuer…' }).click()
    const ask = verification.getByRole('group', { name: 'Pin this key' })
    expect(await ask.innerText()).toContain('Pin only if you know this key is Example University’s')
    await ask.getByRole('button', { name: 'Cancel' }).click()
    expect((await r.portfolio.core.call('issuers:list', {})).pins).toEqual([])
    await verification.getByRole('button', { name: 'Pin this key for the issuer…' }).click()
    await page.keyboard.press('Enter') // "Pin the key" has the focus
    await expect.poll(() => detail.locator('.detail-header [data-trust]').innerText()).toBe('Verified')
    expect(await verification.locator('.verification-summary').innerText()).toContain('issuer confirmed (a key you pinned)')

    // Settings lists the pin, with what it confirms, and removes it.
    await page.goto(`${new URL(page.url()).origin}/#/settings`)
    const trusted = page.getByRole('region', { name: 'Trusted issuers' })
    const pins = trusted.getByRole('list', { name: 'Pinned keys' }).getByRole('listitem')
    await pins.first().waitFor()
    expect(await pins.first().innerText()).toContain('Example University')
    expect(await pins.first().innerText()).toContain('confirms 1 credential')
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/trusted-issuers-light.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/trusted-issuers-dark.png` })
    await page.emulateMedia({ colorScheme: 'light' })
    await trusted.getByRole('button', { name: 'Remove the pinned key of Example University' }).click()
    await trusted.getByText('No pinned keys.').waitFor()
    expect((await r.portfolio.core.call('credentials:get', { id })).trust).toBe('signed')
    await r.done()
  })

  it('keeps a tampered re-dated copy beside the verified one, and the person keeps the good copy', async () => {
    const r = await session.start({ hash: '#/credentials' })
    const { page, portfolio } = r
    const key = await newKey()
    const good = await signed(key, { n: 2, name: 'Cloud Architecture' })
    const goodId = await importDoc(r, good)
    await portfolio.core.call('issuers:pin', { credentialId: goodId, label: 'Example University' })
    // Re-dated and renamed after signing: the signature fails.
    const tampered = { ...good, name: 'Cloud Architecture (Distinction)', validFrom: '2026-01-01T00:00:00Z' }
    const badId = await importDoc(r, tampered)
    expect(badId).not.toBe(goodId)
    expect((await portfolio.core.call('credentials:get', { id: goodId })).trust).toBe('verified')

    await page.goto(`${new URL(page.url()).origin}/#/credentials/${goodId}`)
    const conflict = page.getByRole('region', { name: 'Two copies of this credential' })
    await conflict.waitFor()
    await expect.poll(async () => conflict.locator('[data-trust]').allInnerTexts()).toEqual(['Verified', 'Problem'])
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/conflict-light.png` })
    await conflict.getByRole('button', { name: 'Keep this copy' }).click()
    await page.getByRole('dialog', { name: 'Keep this copy?' }).getByRole('button', { name: 'Keep this copy' }).click()
    await conflict.waitFor({ state: 'detached' })
    expect((await portfolio.core.call('credentials:list', {})).items.map((c) => c.id)).toEqual([goodId])
    await r.done()
  })
})
