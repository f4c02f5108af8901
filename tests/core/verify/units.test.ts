/** The small pieces: dates, keys and multibase, did:web addresses, status bits, contexts. */
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkValidity, parseDate } from '../../../electron/core/verify/dates'
import { base58Decode, base58Encode, didWebUrl, ed25519FromMultibase, ed25519ToMultibase, methodFromControllerDocument, resolveLocally } from '../../../electron/core/verify/keys'
import { decodeStatusList, readStatus } from '../../../electron/core/verify/status'
import { BUNDLED_CONTEXTS } from '../../../electron/core/verify/contexts'
import { collectContextUrls, createDocumentLoader, missingContexts } from '../../../electron/core/verify/document-loader'

const NOW = new Date('2026-11-28T12:00:00Z')

describe('dates', () => {
  it('reads the forms real files use', () => {
    expect(parseDate('2016-12-31T23:59:59Z')?.time).toBe(Date.UTC(2016, 11, 31, 23, 59, 59))
    expect(parseDate('2022-11-10T07:38:00-08:00')?.time).toBe(Date.UTC(2022, 10, 10, 15, 38))
    expect(parseDate('2021-09-21T12:28:35.713036+00:00')?.time).toBe(Date.UTC(2021, 8, 21, 12, 28, 35, 713))
    expect(parseDate(1359217910)?.time).toBe(Date.UTC(2013, 0, 26, 16, 31, 50))
    expect(parseDate('2015-04-30')).toMatchObject({ dateOnly: true, time: Date.UTC(2015, 3, 30) })
    expect(parseDate('2015-04-31')?.time).toBeNull()
    expect(parseDate('yesterday')?.time).toBeNull()
    expect(parseDate(undefined)).toBeNull()
  })

  it('expired, not yet valid, valid; a plain end date lasts the whole day', () => {
    expect(checkValidity(null, { key: 'validUntil', value: '2026-11-28T11:59:59Z' }, NOW).verdict).toBe('expired')
    expect(checkValidity(null, { key: 'expires', value: '2026-11-28' }, NOW).verdict).toBe('valid')
    expect(checkValidity(null, { key: 'expires', value: '2026-11-27' }, NOW).verdict).toBe('expired')
    expect(checkValidity({ key: 'validFrom', value: '2026-11-28T12:00:01Z' }, null, NOW).verdict).toBe('not_yet_valid')
    const bad = checkValidity({ key: 'issuedOn', value: '2015-04-31' }, null, NOW)
    expect(bad.verdict).toBe('valid')
    expect(bad.detail).toMatch(/"2015-04-31" \(issuedOn\) is not a real date/)
  })
})

describe('keys', () => {
  it('base58 round-trips, leading zeros included', () => {
    for (const bytes of [[0, 0, 1, 2, 255], [255, 254], [0], []]) {
      const u = Uint8Array.from(bytes)
      expect([...(base58Decode(base58Encode(u)) ?? [])]).toEqual(bytes)
    }
    expect(base58Decode('0OIl')).toBeNull()
  })

  it('decodes Ed25519 did:key and the 1EdTech fragment convention locally', () => {
    const key = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi'
    const raw = ed25519FromMultibase(key)!
    expect(raw).toHaveLength(32)
    expect(ed25519ToMultibase(raw)).toBe(key)
    expect(resolveLocally(`did:key:${key}`)).toMatchObject({ kind: 'resolved', source: 'did:key', method: { controller: `did:key:${key}`, publicKeyMultibase: key } })
    expect(resolveLocally(`did:key:${key}#${key}`)).toMatchObject({ kind: 'resolved', source: 'did:key' })
    expect(resolveLocally(`https://example.com/issuers/876543#${key}`)).toMatchObject({ kind: 'resolved', source: 'fragment', method: { controller: 'https://example.com/issuers/876543' } })
    expect(resolveLocally(`did:key:${key}#z6MkOther`)).toMatchObject({ kind: 'failed' })
    expect(resolveLocally('did:key:zQ3shQHqLdkCacGpenXzbXZLqBbDeKfxgbxJgDSi1hoajzzg8')).toMatchObject({ kind: 'unsupported' })
    // A P-256 key in the fragment is read the same way (ecdsa-rdfc-2019; suites-2018-ecdsa.test.ts).
    expect(resolveLocally('https://1edtech.edu/issuers/565049#zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9')).toMatchObject({ kind: 'resolved', source: 'fragment' })
    expect(resolveLocally('https://1edtech.edu/issuers/565049#zUC7EK3ZakmukHhuncwkbySmomv3FmrkmS36E4Ks5rsb6VQSRpoCrx6Hb8e2Nk6UvJFSdyw9NK1scFXJp21gNNYFjVWNgaqyGnkyhtagagCpQb5B7tagJu3HDbjQ8h5ypoHjwBb')).toMatchObject({ kind: 'unsupported' })
    expect(resolveLocally('did:web:example.com#key-1')).toBeNull()
  })

  it('turns did:web into the address of its DID document', () => {
    expect(didWebUrl('did:web:credentials.andamio.io')).toBe('https://credentials.andamio.io/.well-known/did.json')
    expect(didWebUrl('did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf#z6Mk')).toBe('https://digitalcredentials.github.io/vc-test-fixtures/dids/oidf/did.json')
    expect(didWebUrl('did:web:localhost%3A8443:u:alice')).toBe('https://localhost:8443/u/alice/did.json')
    expect(didWebUrl('did:web:evil.com%2F..%2F')).toBeNull()
    expect(didWebUrl('did:key:z6Mk')).toBeNull()
  })

  it('accepts a key from a DID document only when it is an assertion method', () => {
    const did = 'did:web:example.com'
    const method = { id: `${did}#k`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi' }
    expect(methodFromControllerDocument({ id: did, verificationMethod: [method], assertionMethod: ['#k'] }, `${did}#k`, did)).toMatchObject({ kind: 'resolved' })
    expect(methodFromControllerDocument({ id: did, verificationMethod: [method], authentication: ['#k'] }, `${did}#k`, did)).toMatchObject({ kind: 'failed' })
    expect(methodFromControllerDocument({ id: 'did:web:other.com', verificationMethod: [method], assertionMethod: ['#k'] }, `${did}#k`, did)).toMatchObject({ kind: 'failed' })
  })
})

describe('status lists', () => {
  it('reads entries from the left-most bit, with statusSize', () => {
    const list = Uint8Array.from([0b1000_0001, 0b0100_0000])
    expect(readStatus(list, 0)).toBe(1)
    expect(readStatus(list, 1)).toBe(0)
    expect(readStatus(list, 7)).toBe(1)
    expect(readStatus(list, 9)).toBe(1)
    expect(readStatus(list, 16)).toBeNull()
    expect(readStatus(list, 0, 2)).toBe(2)
    expect(readStatus(list, -1)).toBeNull()
  })

  it('decodes multibase (u…) and plain base64url lists, and refuses bombs', () => {
    const bits = new Uint8Array(16)
    bits[2] = 0x80
    const encoded = gzipSync(bits).toString('base64url')
    expect(readStatus(decodeStatusList(`u${encoded}`), 16)).toBe(1)
    expect(readStatus(decodeStatusList(encoded), 16)).toBe(1)
    expect(() => decodeStatusList(`u${gzipSync(new Uint8Array(32 * 1024 * 1024)).toString('base64url')}`)).toThrow()
  })
})

describe('bundled contexts and the document loader', () => {
  it('bundles every context the corpus signs with', () => {
    for (const url of [
      'https://www.w3.org/2018/credentials/v1',
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/ns/credentials/status/v1',
      'https://w3id.org/security/data-integrity/v1',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/suites/ed25519-2020/v1',
      'https://w3id.org/security/multikey/v1',
      'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    ]) {
      expect(BUNDLED_CONTEXTS.has(url), url).toBe(true)
    }
    expect(Object.isFrozen(BUNDLED_CONTEXTS.get('https://www.w3.org/ns/credentials/v2'))).toBe(true)
  })

  it('never fetches: unknown documents are an error naming the URL', async () => {
    const load = createDocumentLoader(new Map([['did:example:1', { id: 'did:example:1' }]]))
    await expect(load('https://credentials.andamio.io/context/v1.jsonld')).rejects.toThrow(/andamio.*not available offline/)
    expect((await load('did:example:1')).document).toEqual({ id: 'did:example:1' })
    expect((await load('https://www.w3.org/ns/credentials/v2')).documentUrl).toBe('https://www.w3.org/ns/credentials/v2')
  })

  it('finds context URLs anywhere in a document', () => {
    const doc = { '@context': ['https://www.w3.org/ns/credentials/v2', { x: 'y' }], issuer: { endorsement: [{ '@context': 'https://example.com/ctx' }] } }
    expect([...collectContextUrls(doc)]).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://example.com/ctx'])
    expect(missingContexts(doc)).toEqual(['https://example.com/ctx'])
  })
})
