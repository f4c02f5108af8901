/**
 * Forged issuers: for every suite and every way a key can be named, a credential signed by a
 * key that is not bound to the issuer it claims is never "Verified", whatever name and id it
 * claims. Each case is generated many times (fresh keys, random issuer names and ids); a
 * control with the key bound to the issuer proves the same documents can reach "Verified".
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { didWebUrl } from '../../../electron/core/verify/keys'
import { readCredentialFile } from '../../../electron/core/importers/index'
import { trustOf } from '../../../electron/shared/verdict'
import type { VerificationResult } from '../../../electron/shared/verification'
import { achievementCredential } from '../../fixtures/verify/sign'
import { newKey, signJwt, signLd } from '../../helpers/forge'
import { credentialFrom, signEcdsaRdfc2019, signEd25519Signature2018, suiteKeys, vc1CredentialFrom } from '../../fixtures/verify/sign-suites'
import { localWeb, now, type LocalWeb, type Route } from './helpers'

const RUNS = 8
const FAMOUS = ['Harvard University', 'Amazon Web Services', 'Massachusetts Institute of Technology', 'Google', 'Coursera']

const pick = <T,>(items: readonly T[]): T => items[randomBytes(1)[0]! % items.length]!
const randomName = () => `${pick(FAMOUS)}${randomBytes(1)[0]! % 2 ? '' : ` ${randomBytes(2).toString('hex')}`}`
const randomWebId = () => `https://${pick(['harvard.edu', 'aws.amazon.com', 'mit.edu', 'issuer.example'])}/issuers/${randomBytes(3).toString('hex')}`

function credentialFor(issuer: { id: string; name: string }, n: number) {
  const c = achievementCredential({ did: issuer.id } as never, { n, name: `Forged badge ${n}` })
  return { ...c, issuer: { id: issuer.id, type: ['Profile'], name: issuer.name } }
}

function fileOf(value: string | object, name: string) {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return readCredentialFile(new TextEncoder().encode(text), name)
}

let web: LocalWeb
const routes: Record<string, Route> = {}
beforeAll(async () => {
  web = await localWeb(routes)
})
afterAll(() => web.close())

async function verify(value: string | object, name: string, online = false): Promise<VerificationResult> {
  const verifier = createVerifier({ now, online, ...(online ? { fetchJson: web.fetcher() } : {}) })
  return verifier.verify(fileOf(value, name))
}

function wordOf(v: VerificationResult) {
  return trustOf({ signature: v.signature.verdict, validity: v.validity.verdict, status: v.status.verdict, issuer: v.issuer.verdict })
}

/** A forged case must have a valid signature (so the test is about the issuer) and never be Verified. */
function expectForged(v: VerificationResult, what: string): void {
  expect(v.signature.verdict, `${what}: ${v.signature.detail}`).toBe('valid')
  expect(v.issuer.verdict, `${what}: ${v.issuer.detail}`).toBe('not_confirmed')
  expect(wordOf(v), what).toBe('signed')
}

type Forgery = (n: number) => Promise<{ value: string | object; name: string; online?: boolean; what: string }>

const FORGERIES: Record<string, Forgery> = {
  // Embedded proofs, key as a did:key of the attacker, issuer anybody else.
  ...Object.fromEntries(
    (['eddsa-rdfc-2022', 'Ed25519Signature2020'] as const).flatMap((suite) => [
      [
        `${suite}: did:key signer, https issuer claiming a famous name`,
        async (n: number) => {
          const key = await newKey()
          const did = `did:key:${key.multibase}`
          const issuer = { id: randomWebId(), name: randomName() }
          return { value: await signLd(credentialFor(issuer, n), key, `${did}#${key.multibase}`, did, suite), name: 'forged.json', what: `${suite} ${issuer.name}` }
        },
      ],
      [
        `${suite}: did:key signer, issuer another did:key`,
        async (n: number) => {
          const [key, victim] = [await newKey(), await newKey()]
          const did = `did:key:${key.multibase}`
          const issuer = { id: `did:key:${victim.multibase}`, name: randomName() }
          return { value: await signLd(credentialFor(issuer, n), key, `${did}#${key.multibase}`, did, suite), name: 'forged.json', what: `${suite} victim did:key` }
        },
      ],
      [
        `${suite}: key in the fragment of the issuer's own URL (1EdTech convention)`,
        async (n: number) => {
          const key = await newKey()
          const issuer = { id: randomWebId(), name: randomName() }
          return { value: await signLd(credentialFor(issuer, n), key, `${issuer.id}#${key.multibase}`, issuer.id, suite), name: 'forged.json', what: `${suite} fragment ${issuer.id}` }
        },
      ],
      [
        `${suite}: did:web signer listing its own key, issuer another did:web (online)`,
        async (n: number) => {
          const key = await newKey()
          const host = `evil-${randomBytes(3).toString('hex')}.example`
          const signerDid = `did:web:${host}`
          const vmId = `${signerDid}#key-1`
          routes[didWebUrl(signerDid)!] = {
            body: JSON.stringify({
              '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
              id: signerDid,
              verificationMethod: [{ id: vmId, type: 'Multikey', controller: signerDid, publicKeyMultibase: key.multibase }],
              assertionMethod: [vmId],
            }),
          }
          const issuer = { id: 'did:web:harvard.edu', name: randomName() }
          return { value: await signLd(credentialFor(issuer, n), key, vmId, signerDid, suite), name: 'forged.json', online: true, what: `${suite} did:web ${host}` }
        },
      ],
    ]),
  ),
  // Ed25519Signature2018 (VC 1.1) and ecdsa-rdfc-2019 (P-256), with the committed suite keys.
  ...Object.fromEntries(
    (['Ed25519Signature2018', 'ecdsa-rdfc-2019'] as const).flatMap((suite) => {
      const sign = async (issuerId: string, n: number) => {
        const keys = await suiteKeys()
        const [signer, base] = suite === 'Ed25519Signature2018' ? [keys.ed25519Other, vc1CredentialFrom] : [keys.p256Other, credentialFrom]
        const c = base(issuerId, n, `Forged badge ${n}`)
        const forged = { ...c, issuer: { ...(c.issuer as object), id: issuerId, name: randomName() } }
        return suite === 'Ed25519Signature2018' ? signEd25519Signature2018(forged, signer) : signEcdsaRdfc2019(forged, signer)
      }
      return [
        [`${suite}: did:key signer, https issuer claiming a famous name`, async (n: number) => ({ value: await sign(randomWebId(), n), name: 'forged.json', what: `${suite} https issuer` })],
        [
          `${suite}: did:key signer, issuer another did:key of the same kind`,
          async (n: number) => {
            const keys = await suiteKeys()
            const victim = suite === 'Ed25519Signature2018' ? keys.ed25519.did : keys.p256.did
            return { value: await sign(victim, n), name: 'forged.json', what: `${suite} victim ${victim}` }
          },
        ],
      ]
    }),
  ),
  'VC-JWT: key in the jwk header': async (n) => {
    const key = await newKey()
    const issuer = { id: randomWebId(), name: randomName() }
    const vc = credentialFor(issuer, n)
    return { value: await signJwt({ vc, iss: issuer.id, jti: vc.id, nbf: 1717200000 }, key, { jwk: key.jwk }), name: 'forged.jwt', what: `jwk header ${issuer.name}` }
  },
  'VC-JWT: did:jwk kid, issuer the same did:jwk': async (n) => {
    const key = await newKey()
    const didJwk = `did:jwk:${Buffer.from(JSON.stringify(key.jwk)).toString('base64url')}`
    const issuer = { id: didJwk, name: randomName() }
    const vc = credentialFor(issuer, n)
    return { value: await signJwt({ vc, iss: didJwk, jti: vc.id, nbf: 1717200000 }, key, { kid: `${didJwk}#0` }), name: 'forged.jwt', what: `did:jwk ${issuer.name}` }
  },
  'VC-JWT: did:key kid of the attacker, issuer a web address': async (n) => {
    const key = await newKey()
    const did = `did:key:${key.multibase}`
    const issuer = { id: randomWebId(), name: randomName() }
    const vc = credentialFor(issuer, n)
    return { value: await signJwt({ vc, iss: issuer.id, jti: vc.id, nbf: 1717200000 }, key, { kid: `${did}#${key.multibase}` }), name: 'forged.jwt', what: `did:key kid ${issuer.id}` }
  },
}

describe('a key not bound to the issuer never makes a credential Verified', () => {
  for (const [name, forge] of Object.entries(FORGERIES)) {
    it(name, async () => {
      for (let n = 1; n <= RUNS; n++) {
        const forged = await forge(n)
        expectForged(await verify(forged.value, forged.name, forged.online ?? false), forged.what)
      }
    })
  }
})

describe('the same documents, with the key bound to the issuer, are Verified (control)', () => {
  it.each(['eddsa-rdfc-2022', 'Ed25519Signature2020'] as const)('%s with the issuer its own did:key', async (suite) => {
    const key = await newKey()
    const did = `did:key:${key.multibase}`
    const v = await verify(await signLd(credentialFor({ id: did, name: randomName() }, 1), key, `${did}#${key.multibase}`, did, suite), 'own.json')
    expect(v.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:key', keySource: 'did:key', signerKey: key.multibase })
    expect(wordOf(v)).toBe('verified')
  })

  it('a did:web issuer whose own document lists the key (online)', async () => {
    const key = await newKey()
    const did = `did:web:university-${createHash('sha256').update(key.multibase).digest('hex').slice(0, 6)}.example`
    const vmId = `${did}#key-1`
    routes[didWebUrl(did)!] = {
      body: JSON.stringify({ id: did, verificationMethod: [{ id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: key.multibase }], assertionMethod: [vmId] }),
    }
    const v = await verify(await signLd(credentialFor({ id: did, name: 'University' }, 2), key, vmId, did, 'eddsa-rdfc-2022'), 'web.json', true)
    expect(v.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:web' })
    expect(wordOf(v)).toBe('verified')
  })

  it('a VC-JWT whose issuer is the did:key in its kid', async () => {
    const key = await newKey()
    const did = `did:key:${key.multibase}`
    const vc = credentialFor({ id: did, name: 'Issuer' }, 3)
    const v = await verify(await signJwt({ vc, iss: did, jti: vc.id, nbf: 1717200000 }, key, { kid: `${did}#${key.multibase}` }), 'own.jwt')
    expect(v.issuer).toMatchObject({ verdict: 'confirmed', basis: 'did:key' })
    expect(wordOf(v)).toBe('verified')
  })
})
