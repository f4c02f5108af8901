/**
 * The trust list: pinning the key of an issuer turns "Signed, issuer not confirmed" into
 * "Verified" for that issuer's credentials signed by that key only, and unpinning takes it
 * back; an imported issuer registry names did:key issuers. Every change re-applies at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Credential } from '../../electron/shared/schemas'
import { AppError } from '../../electron/shared/errors'
import { achievementCredential } from '../fixtures/verify/sign'
import { newKey, signLd, type Key } from '../helpers/forge'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'
import { didWebUrl } from '../../electron/core/verify/keys'
import { localWeb } from './verify/helpers'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const ISSUER = 'https://university.example/issuers/1'

/** A credential signed with the 1EdTech convention: the key travels in the fragment of the issuer's URL. */
async function fragmentSigned(key: Key, n: number, issuerId = ISSUER) {
  const c = { ...achievementCredential({ did: issuerId } as never, { n, name: `Course ${n}` }), issuer: { id: issuerId, type: ['Profile'], name: 'Example University' } }
  return signLd(c, key, `${issuerId}#${key.multibase}`, issuerId, 'eddsa-rdfc-2022')
}

async function didKeySigned(key: Key, n: number, name = 'Self-named Issuer') {
  const did = `did:key:${key.multibase}`
  const c = { ...achievementCredential({ did } as never, { n, name: `Course ${n}` }), issuer: { id: did, type: ['Profile'], name } }
  return signLd(c, key, `${did}#${key.multibase}`, did, 'eddsa-rdfc-2022')
}

async function importAll(docs: object[]): Promise<Credential[]> {
  const sources = docs.map((d, i) => ({ name: `c${i}.json`, base64: Buffer.from(JSON.stringify(d)).toString('base64') }))
  const { batchId } = await p.core.call('import:start', { sources })
  await p.core.idle()
  const report = await p.core.call('import:status', { batchId })
  return Promise.all(report.items.map((item) => p.core.call('credentials:get', { id: item.credentialId! })))
}

const trustOf = async (id: string) => (await p.core.call('credentials:get', { id })).trust

describe('pinning an issuer key', () => {
  it('confirms exactly the credentials that issuer signed with that key, and unpinning takes it back', async () => {
    const [good, other] = [await newKey(), await newKey()]
    const [a, b, forged] = await importAll([await fragmentSigned(good, 1), await fragmentSigned(good, 2), await fragmentSigned(other, 3)])
    for (const c of [a!, b!, forged!]) {
      expect(c.trust).toBe('signed')
      expect(c.verification!.issuer.detail).toMatch(/nothing ties it to the issuer/)
    }

    const view = await p.core.call('issuers:pin', { credentialId: a!.id, label: 'Example University' })
    expect(view.pins).toEqual([expect.objectContaining({ issuerId: ISSUER, signerKey: good.multibase, label: 'Example University', source: 'manual', credentials: 2 })])
    expect(await trustOf(a!.id)).toBe('verified')
    expect(await trustOf(b!.id)).toBe('verified')
    // Same issuer, another key: still not confirmed.
    expect(await trustOf(forged!.id)).toBe('signed')
    const pinned = await p.core.call('credentials:get', { id: b!.id })
    expect(pinned.verification!.issuer).toMatchObject({ verdict: 'confirmed', basis: 'pinned' })

    // A credential of the same issuer and key imported after the pin is confirmed at import.
    const [later] = await importAll([await fragmentSigned(good, 4)])
    expect(later!.trust).toBe('verified')

    await p.core.call('issuers:unpin', { issuerId: ISSUER, signerKey: good.multibase })
    expect(await trustOf(a!.id)).toBe('signed')
    expect(await trustOf(later!.id)).toBe('signed')
    expect((await p.core.call('issuers:list', {})).pins).toEqual([])
  })

  it('a key typed in by hand (did:key form) is stored as its multibase key; malformed keys are refused', async () => {
    const key = await newKey()
    const [c] = await importAll([await fragmentSigned(key, 1)])
    await p.core.call('issuers:pin', { issuerId: ISSUER, key: `did:key:${key.multibase}`, label: null })
    expect(await trustOf(c!.id)).toBe('verified')
    const bad = await p.core.dispatch('issuers:pin', { issuerId: ISSUER, key: 'not-a-key', label: null })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(!bad.ok && bad.error.message).toMatch(/not a key Skillfolio can pin/)
  })

  it('refuses to pin a credential without a valid signature and leaves the portfolio unchanged', async () => {
    const key = await newKey()
    const doc = await fragmentSigned(key, 1)
    const [c] = await importAll([{ ...doc, name: 'Changed after signing' }])
    expect(c!.trust).toBe('problem')
    await expect(p.core.call('issuers:pin', { credentialId: c!.id, label: null })).rejects.toThrow(AppError)
    expect((await p.core.call('issuers:list', {})).pins).toEqual([])
  })

  it('keeps its pins across a restart', async () => {
    const key = await newKey()
    const [c] = await importAll([await fragmentSigned(key, 1)])
    await p.core.call('issuers:pin', { credentialId: c!.id, label: null })
    p.reopen()
    expect(await trustOf(c!.id)).toBe('verified')
  })
})

describe('a key pinned after an online check', () => {
  it('keeps a did:web credential Verified offline, and the pin says it came from an online check', async () => {
    const key = await newKey()
    const did = 'did:web:university.example'
    const vmId = `${did}#key-1`
    const web = await localWeb({
      [didWebUrl(did)!]: { body: JSON.stringify({ id: did, verificationMethod: [{ id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: key.multibase }], assertionMethod: [vmId] }) },
    })
    try {
      p.cleanup()
      p = tempPortfolio({ fetchJson: web.fetcher() })
      const c = { ...achievementCredential({ did } as never, { n: 1, name: 'Web course' }), issuer: { id: did, type: ['Profile'], name: 'University' } }
      const signed = await signLd(c, key, vmId, did, 'eddsa-rdfc-2022')

      // Offline: the key cannot be fetched, so nothing is confirmed.
      const [offline] = await importAll([signed])
      expect(offline!.verification!.signature.verdict).toBe('needs_network')
      expect(offline!.trust).toBe('unverified')

      await p.core.call('settings:update', { onlineChecks: true })
      const online = await p.core.call('credentials:verify', { id: offline!.id })
      expect(online.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:web' })
      const view = await p.core.call('issuers:pin', { credentialId: offline!.id, label: null })
      expect(view.pins[0]).toMatchObject({ issuerId: did, signerKey: key.multibase, keyId: vmId, source: 'online' })

      await p.core.call('settings:update', { onlineChecks: false })
      const again = await p.core.call('credentials:verify', { id: offline!.id })
      expect(again.signature.verdict).toBe('valid')
      expect(again.issuer).toMatchObject({ verdict: 'confirmed', basis: 'pinned' })
      expect(await trustOf(offline!.id)).toBe('verified')

      await p.core.call('issuers:unpin', { issuerId: did, signerKey: key.multibase })
      expect((await p.core.call('credentials:verify', { id: offline!.id })).signature.verdict).toBe('needs_network')
    } finally {
      await web.close()
    }
  })
})

describe('issuer registries (DCC format)', () => {
  it('names a did:key issuer, says so in the verdict, and removing the registry takes the name back', async () => {
    const key = await newKey()
    const did = `did:key:${key.multibase}`
    const [c] = await importAll([await didKeySigned(key, 1, 'Harvard University')])
    expect(c!.verification!.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:key' })
    expect(c!.verification!.issuer.detail).toMatch(/says nothing about the name/)

    const registry = { meta: { created: '2024-01-01' }, registry: { [did]: { name: 'Example University', url: 'https://example.edu', location: 'Boston, MA' }, 'not a did': { name: 'x' } } }
    const result = await p.core.call('issuers:importRegistry', { text: JSON.stringify(registry), name: 'Test Registry' })
    expect(result).toMatchObject({ name: 'Test Registry', added: 1, rebound: 1 })
    expect(result.skipped).toEqual(['"not a did" is not a DID'])
    const named = await p.core.call('credentials:get', { id: c!.id })
    expect(named.verification!.issuer).toMatchObject({ verdict: 'confirmed', basis: 'registry' })
    expect(named.verification!.issuer.detail).toContain('“Test Registry” names that issuer Example University')

    await p.core.call('issuers:removeRegistry', { name: 'Test Registry' })
    expect((await p.core.call('credentials:get', { id: c!.id })).verification!.issuer.basis).toBe('did:key')
  })

  it('refuses a file that is not a registry, with the portfolio unchanged', async () => {
    for (const text of ['{', '{"foo": 1}', JSON.stringify({ registry: { 'did:key:z6Mk': {} } })]) {
      const r = await p.core.dispatch('issuers:importRegistry', { text, name: null })
      expect(r.ok).toBe(false)
    }
    expect((await p.core.call('issuers:list', {})).registries).toEqual([])
  })
})
