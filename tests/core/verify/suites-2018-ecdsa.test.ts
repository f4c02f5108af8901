/**
 * Ed25519Signature2018 and DataIntegrityProof ecdsa-rdfc-2019 (P-256, P-384): Skillfolio's own
 * fixtures (make-suite-fixtures.ts) as a user sees them — signature verdict, issuer verdict,
 * the suite named in the detail — offline, with a did:web document served by a fetchJson stub,
 * and through the import pipeline; the keys each suite accepts; and the reference libraries
 * agreeing with what the fixtures hold.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import jsigs from 'jsonld-signatures'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite'
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { checkProofs, listProofs } from '../../../electron/core/verify/data-integrity'
import { createDocumentLoader } from '../../../electron/core/verify/document-loader'
import { BUNDLED_CONTEXTS } from '../../../electron/core/verify/contexts'
import { base58Encode, decodeMultikey, ed25519FromMultibase, methodFromControllerDocument, multibaseFromJwk, resolveLocally, type VerificationMethodDoc } from '../../../electron/core/verify/keys'
import { signerFacts } from '../../../electron/core/verify/signer'
import { DID_WEB, DID_WEB_ED25519_VM, DID_WEB_P256_VM, signEcdsaRdfc2019, signEd25519Signature2018, suiteKeys, vc1CredentialFrom, credentialFrom } from '../../fixtures/verify/sign-suites'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { now, OWN_FIXTURES, parsedDocument, parseFile } from './helpers'

const file = (name: string) => join(OWN_FIXTURES, name)
const json = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as Record<string, unknown>
const proofOf = (doc: Record<string, unknown>) => doc.proof as Record<string, unknown>
const DID_WEB_URL = 'https://issuer.skillfolio.test/.well-known/did.json'

const offline = createVerifier({ now, online: false })

/** Online checks whose only "web" is the did:web document of the fixtures. */
function withDidWeb() {
  const requests: string[] = []
  const verifier = createVerifier({
    now,
    online: true,
    fetchJson: async (url) => {
      requests.push(url)
      if (url === DID_WEB_URL) return json('did-web-issuer.json')
      throw new Error(`HTTP 404 for ${url}`)
    },
  })
  return { verifier, requests }
}

/** A resolved key (keys.ts) for a checkProofs task. */
function method(vmId: string): VerificationMethodDoc {
  const resolution = resolveLocally(vmId)
  if (resolution?.kind !== 'resolved') throw new Error(`${vmId} does not resolve locally`)
  return resolution.method
}

describe.each([
  { suite: 'Ed25519Signature2018', prefix: 'ob3-ed25519-signature-2018', format: 'VC 1.1, Ed25519 did:key' },
  { suite: 'ecdsa-rdfc-2019', prefix: 'ob3-ecdsa-rdfc-2019', format: 'VC 2.0, P-256 did:key' },
])('$suite ($format), offline', ({ suite, prefix }) => {
  it('a credential signed by its did:key issuer: signature valid, issuer confirmed', async () => {
    const doc = json(`${prefix}.json`)
    const result = await offline.verify(parseFile(file(`${prefix}.json`)))
    expect(result.signature).toMatchObject({ verdict: 'valid', method: suite, keyId: proofOf(doc).verificationMethod })
    expect(result.signature.detail).toContain(`The signature verifies (${suite}; key ${(doc.issuer as { id: string }).id})`)
    expect(result.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:key', keySource: 'did:key', issuerId: (doc.issuer as { id: string }).id })
    expect(result.validity.verdict).toBe('valid')
  })

  it('changed after signing: signature invalid, issuer not checked', async () => {
    const result = await offline.verify(parseFile(file(`${prefix}-tampered.json`)))
    expect(result.signature).toMatchObject({ verdict: 'invalid', method: suite })
    expect(result.signature.detail).toMatch(/does not match the content/)
    expect(result.issuer.verdict).toBe('not_checked')
  })

  it('signed by another did:key than the issuer: signature valid, issuer not confirmed', async () => {
    const doc = json(`${prefix}-other-key.json`)
    const signerDid = String(proofOf(doc).verificationMethod).split('#')[0]!
    const result = await offline.verify(parseFile(file(`${prefix}-other-key.json`)))
    expect(result.signature).toMatchObject({ verdict: 'valid', method: suite })
    expect(result.signature.detail).toContain(`not to the stated issuer ${(doc.issuer as { id: string }).id}`)
    expect(result.issuer).toMatchObject({ verdict: 'not_confirmed', basis: null })
    expect(result.issuer.detail).toMatch(/nothing ties it to the issuer/)
    expect(result.issuer.signerKey).toBe(signerDid.slice('did:key:'.length))
  })

  it('a did:web key needs the network when online checks are off', async () => {
    const result = await offline.verify(parseFile(file(`${prefix}-did-web.json`)))
    expect(result.signature).toMatchObject({ verdict: 'needs_network', method: suite })
    expect(result.signature.detail).toContain(DID_WEB_URL)
  })
})

describe('did:web keys from a DID document (fetchJson stub)', () => {
  it('Ed25519Signature2018 with an Ed25519VerificationKey2018 (publicKeyBase58): valid, issuer confirmed by its did:web', async () => {
    const { verifier, requests } = withDidWeb()
    const result = await verifier.verify(parseFile(file('ob3-ed25519-signature-2018-did-web.json')))
    expect(result.signature).toMatchObject({ verdict: 'valid', method: 'Ed25519Signature2018', keyId: DID_WEB_ED25519_VM })
    expect(result.signature.detail).toMatch(/^The signature verifies \(Ed25519Signature2018; key did:web:issuer\.skillfolio\.test#key-2018\)/)
    expect(result.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:web', issuerId: DID_WEB })
    expect(requests).toEqual([DID_WEB_URL])
  })

  it('ecdsa-rdfc-2019 with a JsonWebKey2020 (EC P-256 JWK): valid, issuer confirmed', async () => {
    const { verifier } = withDidWeb()
    const result = await verifier.verify(parseFile(file('ob3-ecdsa-rdfc-2019-did-web.json')))
    expect(result.signature).toMatchObject({ verdict: 'valid', method: 'ecdsa-rdfc-2019', keyId: DID_WEB_P256_VM })
    expect(result.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:web' })
  })

  it('a DID document that lists the key only for authentication: invalid, never valid', async () => {
    const document = json('did-web-issuer.json')
    document.assertionMethod = [DID_WEB_P256_VM]
    const verifier = createVerifier({ now, online: true, fetchJson: async () => document })
    const result = await verifier.verify(parseFile(file('ob3-ed25519-signature-2018-did-web.json')))
    expect(result.signature.verdict).toBe('invalid')
    expect(result.signature.detail).toMatch(/not as an assertion method/)
  })
})

describe('ecdsa-rdfc-2019 with P-384', () => {
  it('a P-384 did:key issuer signing with its key: valid (SHA-384 throughout), issuer confirmed', async () => {
    const result = await offline.verify(parseFile(file('ob3-ecdsa-rdfc-2019-p384.json')))
    expect(result.signature).toMatchObject({ verdict: 'valid', method: 'ecdsa-rdfc-2019' })
    expect(result.signature.keyId).toMatch(/^did:key:z82/)
    expect(result.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:key' })
  })
})

describe('proof details a user can trip over', () => {
  it('an Ed25519Signature2018 proof with a JWS header of another algorithm is invalid and says why', async () => {
    const doc = json('ob3-ed25519-signature-2018.json')
    const [, , signature] = String(proofOf(doc).jws).split('.')
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', b64: false, crit: ['b64'] })).toString('base64url')
    const result = await offline.verify(parsedDocument({ ...doc, proof: { ...proofOf(doc), jws: `${header}..${signature}` } }, 'ob3'))
    expect(result.signature.verdict).toBe('invalid')
    expect(result.signature.detail).toMatch(/JWS header/)
  })

  it('an attached (non-detached) JWS is refused', async () => {
    const doc = json('ob3-ed25519-signature-2018.json')
    const [header, , signature] = String(proofOf(doc).jws).split('.')
    const result = await offline.verify(parsedDocument({ ...doc, proof: { ...proofOf(doc), jws: `${header}.e30.${signature}` } }, 'ob3'))
    expect(result.signature.verdict).toBe('invalid')
    expect(result.signature.detail).toMatch(/detached "jws"/)
  })

  it('each suite refuses a key of the other curve', async () => {
    const keys = await suiteKeys()
    const ed = json('ob3-ed25519-signature-2018.json')
    const edWithP256 = { ...ed, proof: { ...proofOf(ed), verificationMethod: keys.p256.vmId } }
    const [edCheck] = await checkProofs({ document: edWithP256, methods: { [keys.p256.vmId]: method(keys.p256.vmId) } })
    expect(edCheck).toMatchObject({ verified: false, failure: 'key' })
    expect(edCheck!.error).toMatch(/not an Ed25519 key, which Ed25519Signature2018 requires/)

    const ec = json('ob3-ecdsa-rdfc-2019.json')
    const ecWithEd = { ...ec, proof: { ...proofOf(ec), verificationMethod: keys.ed25519.vmId } }
    const [ecCheck] = await checkProofs({ document: ecWithEd, methods: { [keys.ed25519.vmId]: method(keys.ed25519.vmId) } })
    expect(ecCheck).toMatchObject({ verified: false, failure: 'key' })
    expect(ecCheck!.error).toMatch(/not a P-256 or P-384 public key/)
  })

  it('the ed25519-2018 context beside the VC 1.1 one (which redefines its protected terms) is invalid JSON-LD, not a crash', async () => {
    const doc = json('ob3-ed25519-signature-2018.json')
    const both = { ...doc, '@context': [...(doc['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2018/v1'] }
    const result = await offline.verify(parsedDocument(both, 'ob3'))
    expect(result.signature.verdict).toBe('invalid')
    expect(result.signature.detail).toMatch(/not well-formed JSON-LD/)
  })

  it('a 2018 proof and an ecdsa-rdfc-2019 proof on one credential must both verify', async () => {
    const keys = await suiteKeys()
    const base = vc1CredentialFrom(keys.ed25519.did, 31, 'Two proofs')
    // The ECDSA proof on the same VC 1.1 document needs the Data Integrity context for its terms.
    const withDi = { ...base, '@context': [...(base['@context'] as string[]), 'https://w3id.org/security/data-integrity/v2'] }
    const a = await signEd25519Signature2018(withDi, keys.ed25519)
    const b = await signEcdsaRdfc2019(withDi, keys.p256)
    const both = await offline.verify(parsedDocument({ ...a, proof: [a.proof, b.proof] }, 'ob3'))
    expect(both.signature).toMatchObject({ verdict: 'valid', method: 'Ed25519Signature2018 + ecdsa-rdfc-2019' })
    expect(both.signature.detail).toMatch(/All 2 proofs verify/)
    // The ECDSA proof's options changed after signing: one proof fails, so the credential is invalid.
    const moved = { ...proofOf(b), created: '2025-01-02T00:00:00Z' }
    const mixed = await offline.verify(parsedDocument({ ...a, proof: [a.proof, moved] }, 'ob3'))
    expect(mixed.signature.verdict).toBe('invalid')
    expect(mixed.signature.detail).toMatch(/1 of 2 proofs failed/)
  })

  it('the suites are listed as supported; ecdsa-sd-2023 and bbs-2023 stay unsupported', () => {
    const kinds = listProofs({
      proof: [
        { type: 'Ed25519Signature2018' },
        { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019' },
        { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-sd-2023' },
        { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023' },
        { type: 'EcdsaSecp256k1Signature2019' },
      ],
    }).map((p) => p.kind)
    expect(kinds).toEqual([
      { supported: true, suite: 'Ed25519Signature2018' },
      { supported: true, suite: 'ecdsa-rdfc-2019' },
      { supported: false, reason: 'the cryptosuite ecdsa-sd-2023 is not supported' },
      { supported: false, reason: 'the cryptosuite bbs-2023 is not supported' },
      { supported: false, reason: 'the proof type EcdsaSecp256k1Signature2019 is not supported' },
    ])
  })
})

describe('keys for the new suites', () => {
  it('decodes P-256 and P-384 did:key and the 1EdTech fragment form; other curves stay unsupported', async () => {
    const keys = await suiteKeys()
    expect(resolveLocally(keys.p256.vmId)).toMatchObject({ kind: 'resolved', source: 'did:key', method: { type: 'Multikey', controller: keys.p256.did, publicKeyMultibase: keys.p256.publicKeyMultibase } })
    expect(resolveLocally(keys.p256.did)).toMatchObject({ kind: 'resolved', source: 'did:key' })
    expect(resolveLocally(keys.p384.vmId)).toMatchObject({ kind: 'resolved', source: 'did:key' })
    expect(decodeMultikey(keys.p256.publicKeyMultibase)).toMatchObject({ type: 'P-256' })
    expect(decodeMultikey(keys.p384.publicKeyMultibase)).toMatchObject({ type: 'P-384' })
    expect(resolveLocally(`https://issuer.skillfolio.test/#${keys.p256.publicKeyMultibase}`)).toMatchObject({ kind: 'resolved', source: 'fragment', method: { controller: 'https://issuer.skillfolio.test/' } })
    expect(resolveLocally(`${keys.p256.did}#${keys.p384.publicKeyMultibase}`)).toMatchObject({ kind: 'failed' })
    // A compressed point that is not on P-256 (x = 1 has no y on the curve).
    const offCurve = `z${base58Encode(Uint8Array.from([0x80, 0x24, 0x02, ...new Uint8Array(31), 1]))}`
    expect(decodeMultikey(offCurve)).toBeNull()
    expect(resolveLocally(`did:key:${offCurve}`)).toMatchObject({ kind: 'failed' })
    expect(resolveLocally('did:key:zQ3shQHqLdkCacGpenXzbXZLqBbDeKfxgbxJgDSi1hoajzzg8')).toMatchObject({ kind: 'unsupported', detail: expect.stringMatching(/Ed25519, P-256 and P-384/) })
    expect(resolveLocally('did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc')).toMatchObject({ kind: 'unsupported' })
  })

  it('reads Ed25519VerificationKey2018/2020, Multikey P-256 and JsonWebKey2020 (EC and OKP) from a DID document', async () => {
    const keys = await suiteKeys()
    const did = 'did:web:example.com'
    const raw = ed25519FromMultibase(keys.ed25519.publicKeyMultibase)!
    const p256Jwk = (json('did-web-issuer.json').verificationMethod as Record<string, unknown>[])[1]!.publicKeyJwk as Record<string, string>
    const cases: Array<[Record<string, unknown>, string | null]> = [
      [{ type: 'Ed25519VerificationKey2018', publicKeyBase58: base58Encode(raw) }, keys.ed25519.publicKeyMultibase],
      [{ type: 'Ed25519VerificationKey2020', publicKeyMultibase: keys.ed25519.publicKeyMultibase }, keys.ed25519.publicKeyMultibase],
      [{ type: 'Multikey', publicKeyMultibase: keys.p256.publicKeyMultibase }, keys.p256.publicKeyMultibase],
      [{ type: 'Multikey', publicKeyMultibase: keys.p384.publicKeyMultibase }, keys.p384.publicKeyMultibase],
      [{ type: 'JsonWebKey2020', publicKeyJwk: p256Jwk }, keys.p256Web.publicKeyMultibase],
      [{ type: 'JsonWebKey2020', publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') } }, keys.ed25519.publicKeyMultibase],
      // Refused: a bare base58 key of no Ed25519 type, a type that contradicts its key, a private
      // JWK, a point off the curve, a curve no suite here uses.
      [{ type: 'X25519KeyAgreementKey2019', publicKeyBase58: base58Encode(raw) }, null],
      [{ type: 'Ed25519VerificationKey2020', publicKeyMultibase: keys.p256.publicKeyMultibase }, null],
      [{ type: 'JsonWebKey2020', publicKeyJwk: { ...p256Jwk, d: p256Jwk.x } }, null],
      [{ type: 'JsonWebKey2020', publicKeyJwk: { ...p256Jwk, y: p256Jwk.x } }, null],
      [{ type: 'JsonWebKey2020', publicKeyJwk: { kty: 'EC', crv: 'secp256k1', x: p256Jwk.x, y: p256Jwk.y } }, null],
    ]
    for (const [key, expected] of cases) {
      const resolution = methodFromControllerDocument({ id: did, verificationMethod: [{ id: '#k', controller: did, ...key }], assertionMethod: ['#k'] }, `${did}#k`, did)
      if (expected) expect(resolution, JSON.stringify(key)).toMatchObject({ kind: 'resolved', source: 'did:web', method: { id: `${did}#k`, type: 'Multikey', controller: did, publicKeyMultibase: expected } })
      else expect(resolution, JSON.stringify(key)).toMatchObject({ kind: 'unsupported' })
    }
    expect(multibaseFromJwk(p256Jwk)).toBe(keys.p256Web.publicKeyMultibase)
  })

  it('a P-256 did:key binds the issuer that is that did:key (signer facts)', async () => {
    const keys = await suiteKeys()
    expect(signerFacts({ verdict: 'valid', detail: '', method: 'ecdsa-rdfc-2019', keyId: keys.p256.vmId })).toEqual({ keySource: 'did:key', signerKey: keys.p256.publicKeyMultibase, boundTo: keys.p256.did })
  })
})

describe('the reference libraries agree with the fixtures', () => {
  const ed25519Key2018 = (vmId: string, controller: string, publicKeyMultibase: string) => ({
    '@context': 'https://w3id.org/security/suites/ed25519-2018/v1',
    id: vmId,
    type: 'Ed25519VerificationKey2018',
    controller,
    publicKeyBase58: base58Encode(ed25519FromMultibase(publicKeyMultibase)!),
  })
  const verifyWith = (document: object, suite: object, vm: Record<string, unknown>) =>
    jsigs.verify(document, {
      suite,
      purpose: new jsigs.purposes.AssertionProofPurpose({ controller: { id: vm.controller, assertionMethod: [vm.id] } }),
      documentLoader: createDocumentLoader(new Map([[String(vm.id), vm]])),
    })

  it('stock Ed25519Signature2018 (with an Ed25519VerificationKey2018 document) verifies the valid fixture and refuses the tampered one', async () => {
    const keys = await suiteKeys()
    const vm = ed25519Key2018(keys.ed25519.vmId, keys.ed25519.did, keys.ed25519.publicKeyMultibase)
    expect((await verifyWith(json('ob3-ed25519-signature-2018.json'), new Ed25519Signature2018(), vm)).verified).toBe(true)
    expect((await verifyWith(json('ob3-ed25519-signature-2018-tampered.json'), new Ed25519Signature2018(), vm)).verified).toBe(false)
    const web = ed25519Key2018(keys.ed25519Web.vmId, DID_WEB, keys.ed25519Web.publicKeyMultibase)
    expect((await verifyWith(json('ob3-ed25519-signature-2018-did-web.json'), new Ed25519Signature2018(), web)).verified).toBe(true)
  })

  it('the stock ecdsa-rdfc-2019 cryptosuite verifies the P-256 and P-384 fixtures and refuses the tampered one', async () => {
    const keys = await suiteKeys()
    for (const [name, key, verified] of [
      ['ob3-ecdsa-rdfc-2019.json', keys.p256, true],
      ['ob3-ecdsa-rdfc-2019-p384.json', keys.p384, true],
      ['ob3-ecdsa-rdfc-2019-tampered.json', keys.p256, false],
    ] as const) {
      const vm = method(key.vmId)
      const result = await verifyWith(json(name), new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }), { ...vm })
      expect(result.verified, name).toBe(verified)
    }
  })

  it('the contexts the 2018 suite needs are bundled', () => {
    for (const url of ['https://w3id.org/security/v1', 'https://w3id.org/security/v2', 'https://w3id.org/security/suites/ed25519-2018/v1']) {
      expect(BUNDLED_CONTEXTS.has(url), url).toBe(true)
    }
  })

  it('the fixtures are what make-suite-fixtures.ts signs (Ed25519 is deterministic)', async () => {
    const keys = await suiteKeys()
    expect(await signEd25519Signature2018(vc1CredentialFrom(keys.ed25519.did, 11, 'Skillfolio Test Badge (2018)'), keys.ed25519)).toEqual(json('ob3-ed25519-signature-2018.json'))
    const ecdsa = json('ob3-ecdsa-rdfc-2019.json')
    const fresh = await signEcdsaRdfc2019(credentialFrom(keys.p256.did, 21, 'Skillfolio Test Badge (P-256)'), keys.p256)
    expect({ ...fresh, proof: { ...proofOf(fresh), proofValue: null } }).toEqual({ ...ecdsa, proof: { ...proofOf(ecdsa), proofValue: null } })
  })
})

describe('through the import pipeline', () => {
  let p: TempPortfolio
  beforeEach(() => {
    p = tempPortfolio()
  })
  afterEach(() => p.cleanup())

  it('imports the new suites offline with the verdicts above', async () => {
    // One file per credential id (a tampered copy of an imported credential would be a duplicate).
    const names = ['ob3-ed25519-signature-2018.json', 'ob3-ed25519-signature-2018-other-key.json', 'ob3-ecdsa-rdfc-2019-tampered.json', 'ob3-ecdsa-rdfc-2019-other-key.json', 'ob3-ecdsa-rdfc-2019-p384.json']
    const { batchId } = await p.core.call('import:start', { sources: names.map((name) => ({ path: file(name) })) })
    const report = await p.core.call('import:status', { batchId, waitMs: 30_000 })
    expect(report.counts).toMatchObject({ imported: 5, failed: 0 })
    const verdicts: Record<string, [string | undefined, string | undefined, string | null | undefined]> = {}
    for (const item of report.items) {
      const credential = await p.core.call('credentials:get', { id: item.credentialId! })
      verdicts[item.fileName] = [credential.verification?.signature.verdict, credential.verification?.issuer.verdict, credential.verification?.signature.method]
    }
    expect(verdicts).toEqual({
      'ob3-ed25519-signature-2018.json': ['valid', 'confirmed', 'Ed25519Signature2018'],
      'ob3-ed25519-signature-2018-other-key.json': ['valid', 'not_confirmed', 'Ed25519Signature2018'],
      'ob3-ecdsa-rdfc-2019-tampered.json': ['invalid', 'not_checked', 'ecdsa-rdfc-2019'],
      'ob3-ecdsa-rdfc-2019-other-key.json': ['valid', 'not_confirmed', 'ecdsa-rdfc-2019'],
      'ob3-ecdsa-rdfc-2019-p384.json': ['valid', 'confirmed', 'ecdsa-rdfc-2019'],
    })
  })
})
