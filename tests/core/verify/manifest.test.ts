/**
 * One test per row of ../shared/fixtures/credentials/MANIFEST.md that states a verification
 * outcome: the three verdicts offline, and where the MANIFEST gives the online outcome (with its
 * support/ files) the same file checked again against a local server that plays the web.
 * Rows whose outcome is "reject" are refused by the importer, so they never reach the verifier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { ImportError } from '../../../electron/core/importers/types'
import { createVerifier } from '../../../electron/core/verify/verifier'
import type { VerificationResult } from '../../../electron/shared/verification'
import { sharedPath } from '../../helpers/shared-data'
import { localWeb, now, parsedDocument, parseFile, supportRoutes, type LocalWeb } from './helpers'

type Sig = VerificationResult['signature']['verdict']
type Val = VerificationResult['validity']['verdict']
type Sta = VerificationResult['status']['verdict']

interface Expected {
  sig: Sig
  val?: Val
  sta?: Sta
  /** A phrase the signature detail must contain. */
  says?: RegExp
  /** With online checks and the MANIFEST's support files served locally. */
  online?: { sig?: Sig; sta?: Sta; says?: RegExp }
  /** Not a credential file: the verifier is given the JSON document directly. */
  document?: boolean
  /** Where this verifier and the MANIFEST part ways, and why. */
  deviation?: string
}

const needsNet: Expected = { sig: 'needs_network', sta: 'needs_network' }

/** MANIFEST rows → what a correct verifier concludes (clock: 2026-11-28). */
const ROWS: Record<string, Expected | { reject: string }> = {
  // ob2-json
  'ob2-json/1edtech-v2-assertion-basic.json': { ...needsNet, val: 'valid', online: { sig: 'valid', sta: 'not_revoked', says: /issuer's copy/ } },
  'ob2-json/1edtech-v2-assertion-data-image.json': { ...needsNet, says: /hosted/i },
  'ob2-json/1edtech-v2-assertion-endorsements.json': { ...needsNet, says: /hosted/i },
  'ob2-json/badgr-v05-assertion.json': { sig: 'unsigned', sta: 'unknown', says: /0\.5/ },
  'ob2-json/badgr-v1-assertion.json': { ...needsNet, says: /http:\/\/a\.com\/instance/, online: { sig: 'unsupported', says: /only https/ } },
  'ob2-json/badgr-v2-assertion-embedded-badgeclass.json': { ...needsNet, says: /a\.com\/assertion-embedded1/ },
  'ob2-json/nti-v05-assertion-embedded-badge.json': { ...needsNet, val: 'expired' },
  'ob2-json/nti-v1-assertion-unix-timestamp.json': { ...needsNet, val: 'valid' },
  // ob2-jws
  'ob2-jws/1edtech-signed-rs256.jwt': { ...needsNet, says: /key1\.json/, online: { sig: 'valid', sta: 'unknown', says: /RS256 signature matches/ } },
  // ob2-png
  'ob2-png/1edtech-itxt-json-v2.png': { ...needsNet },
  'ob2-png/backpack-text-url-legacy.png': { ...needsNet, says: /example\.org\/assertion/ },
  'ob2-png/badgr-itxt-json-v1.png': { ...needsNet },
  'ob2-png/bakery-py-itxt-json-v1.png': { ...needsNet },
  'ob2-png/credly-itxt-json-v2-expired.png': { ...needsNet, val: 'expired', says: /credly\.com/ },
  'ob2-png/edubadges-itxt-json-v2.png': { ...needsNet, says: /localhost/ },
  // ob2-svg
  'ob2-svg/bakery-js-assertion-cdata.svg': { ...needsNet },
  'ob2-svg/bakery-py-assertion-cdata.svg': { ...needsNet },
  'ob2-svg/edubadges-assertion-v2.svg': { ...needsNet, says: /localhost/ },
  // ob3-json
  'ob3-json/1edtech-complete.json': { sig: 'valid', val: 'valid', sta: 'needs_network', says: /fragment/ },
  'ob3-json/1edtech-did-key-no-fragment.json': { sig: 'valid', sta: 'unknown', says: /not to the stated issuer urn:uuid:6f2e33e5/ },
  'ob3-json/1edtech-did-web-method.json': { sig: 'valid', says: /1EdTech convention/ },
  'ob3-json/1edtech-ecdsa-sd-derived.json': { sig: 'unsupported', says: /ecdsa-sd-2023/ },
  'ob3-json/1edtech-eddsa-2022-legacy-suite.json': { sig: 'unsupported', says: /eddsa-2022/ },
  'ob3-json/1edtech-endorsement.json': { sig: 'valid', val: 'valid' },
  'ob3-json/1edtech-simple-eddsa.json': { sig: 'valid', val: 'valid', sta: 'unknown' },
  'ob3-json/1edtech-status-revoked-bitstring.json': { sig: 'valid', sta: 'needs_network', online: { sig: 'valid', sta: 'revoked' } },
  'ob3-json/1edtech-vc1-eddsa.json': { sig: 'valid', says: /Ed25519Signature2020/ },
  'ob3-json/dcc-vc1-dualproof-didkey-degree-status.json': { sig: 'valid', sta: 'needs_network', says: /All 2 proofs verify/, online: { sig: 'valid', sta: 'not_revoked' } },
  'ob3-json/dcc-vc1-ed25519-didkey-issuer-image.json': { sig: 'valid' },
  'ob3-json/dcc-vc1-eddsa-didweb.json': { sig: 'needs_network', says: /did:web/, online: { sig: 'valid', says: /eddsa-rdfc-2022/ } },
  'ob3-json/dcc-vc2-dualproof-didkey-endorsement.json': { sig: 'valid', val: 'valid', says: /All 2 proofs verify/ },
  'ob3-json/dcc-vc2-ed25519-didkey-lcw-experience.json': { sig: 'valid', val: 'valid' },
  'ob3-json/dcc-vc2-ed25519-didkey.json': { sig: 'valid', val: 'valid', sta: 'unknown' },
  'ob3-json/dcc-vc2-eddsa-didkey-alignments.json': { sig: 'valid' },
  'ob3-json/dcc-vc2-eddsa-didkey-complex-issuer.json': { sig: 'valid', val: 'valid' },
  'ob3-json/dcc-vc2-eddsa-didkey-identityhash.json': { sig: 'valid' },
  'ob3-json/dcc-vc2-eddsa-didkey-minimal.json': { sig: 'valid', val: 'valid' },
  // ob3-jwt
  'ob3-jwt/1edtech-vc1-rs256-hosted-key.jwt': { sig: 'needs_network', says: /example\.edu/ },
  'ob3-jwt/velocity-vc1-rs256-did-velocity.jwt': { sig: 'unsupported', sta: 'unknown', says: /did:velocity/, deviation: 'MANIFEST: unverifiable offline. did:velocity cannot be resolved online either, so "unsupported" rather than "needs network".' },
  // ob3-png / ob3-svg
  'ob3-png/1edtech-itxt-json.png': { sig: 'valid', says: /fragment/ },
  'ob3-png/1edtech-itxt-jwt-vc1.png': { sig: 'valid', says: /token header/ },
  'ob3-png/1edtech-itxt-jwt.png': { sig: 'valid', says: /token header/ },
  'ob3-svg/1edtech-cdata-json.svg': { sig: 'valid' },
  'ob3-svg/1edtech-verify-jwt-vc1.svg': { sig: 'valid', says: /RS256/ },
  'ob3-svg/andamio-didweb-cdata.svg': { sig: 'needs_network', sta: 'needs_network', says: /did:web:credentials\.andamio\.io.*does not bundle \(https:\/\/credentials\.andamio\.io\/context\/v1\.jsonld\)/, online: { sig: 'valid', sta: 'not_revoked', says: /unchanged/ } },
  // clr
  'clr/1edtech-clr2-complex.json': { sig: 'valid', says: /not to the stated issuer urn:uuid:4ca4a241/ },
  'clr/1edtech-clr2-noproof.json': { sig: 'unsigned' },
  'clr/1edtech-clr2-simple.json': { sig: 'valid' },
  'clr/1edtech-clr2-simple.jwt': { sig: 'valid', says: /token header/ },
  'clr/1edtech-clr2-vc1.json': { sig: 'valid', says: /urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795#z6MkjZRZ/ },
  // blockcerts
  'blockcerts/v1-2-testnet-valid.json': { ...needsNet, says: /v1\.2 JSON-LD context is not valid JSON-LD 1\.1.*blockchain lookup/, deviation: 'MANIFEST: the local hash can be checked offline. Its v1.2 context has a term JSON-LD 1.1 refuses (image:signature), so the hash is not computed; never called valid.' },
  'blockcerts/v2-mocknet-valid.json': { sig: 'unsupported', sta: 'needs_network', says: /matches its blockchain receipt.*mock \(test\) chain/, online: { sig: 'unsupported', says: /mock \(test\) chain/ }, deviation: 'MANIFEST: integrity verifiable offline; cert-verifier-js: valid. The integrity is checked (hash and Merkle path match), but a mock anchor ties the content to no issuer, so "unsupported", never "valid".' },
  'blockcerts/v2-testnet-valid.json': { ...needsNet, says: /matches its blockchain receipt.*Bitcoin transaction d75b7a5b.*blockchain lookup/, online: { sig: 'unsupported', says: /matches its blockchain receipt.*does not look up blockchains/ } },
  'blockcerts/v3-beta.json': { ...needsNet, says: /matches its blockchain receipt.*Bitcoin testnet transaction.*blockchain lookup/ },
  'blockcerts/v3-didkey-chained-proof.json': { sig: 'needs_network', sta: 'unknown', says: /matches its blockchain receipt.*Ethereum Ropsten.*EcdsaSecp256k1Signature2019\) is of a kind Skillfolio does not check/ },
  'blockcerts/v3-testnet-did.json': { ...needsNet, says: /matches its blockchain receipt.*Bitcoin testnet transaction/, online: { sig: 'unsupported', sta: 'unknown' } },
  'blockcerts/v3-vc2-multilingual.json': { sig: 'unsupported', sta: 'needs_network', val: 'valid', says: /matches its blockchain receipt.*mock \(test\) chain/, deviation: 'MANIFEST: mocknet, cert-verifier-js valid. Integrity checked; a mock anchor is "unsupported", never "valid".' },
  'edc/mynextid-degree-jades-signed.jsonld': { sig: 'unsupported', says: /JAdES/ },
  'edc/mynextid-degree-unsigned.json': { sig: 'unsigned' },
  // invalid
  'invalid/blockcerts-v2-revoked.json': { ...needsNet, says: /matches its blockchain receipt.*Ethereum Ropsten/, online: { sig: 'unsupported', sta: 'needs_network' }, deviation: 'REVOKED per cert-verifier-js; its issuer profile and revocation list are hosted and not among the support files, so the status needs the network here (blockcerts.test.ts checks it revoked against its own copy of a revocation list).' },
  'invalid/blockcerts-v2-tampered-hashes.json': { sig: 'invalid', sta: 'needs_network', says: /^The certificate's content does not match its blockchain receipt: it was changed after issuing\.$/ },
  'invalid/blockcerts-v3-expired.json': { sig: 'unsupported', sta: 'needs_network', val: 'expired', says: /matches its blockchain receipt.*mock \(test\) chain/ },
  'invalid/blockcerts-v3-tampered.json': { sig: 'invalid', sta: 'needs_network', says: /^The certificate's content does not match its blockchain receipt: it was changed after issuing\.$/, online: { sig: 'invalid' } },
  'invalid/ob2-jws-revoked.jwt': { ...needsNet, online: { sig: 'valid', sta: 'revoked', says: /key3\.json/ } },
  'invalid/ob2-png-actually-json.png': { reject: 'unknown_format' },
  'invalid/ob2-svg-bad-json.svg': { reject: 'invalid_json' },
  'invalid/ob2-svg-empty-cdata.svg': { ...needsNet },
  'invalid/ob2-v1-assertion-bad-date.json': { sig: 'needs_network', val: 'valid' },
  'invalid/ob2-v1-assertion-missing-badge.json': { reject: 'invalid_credential' },
  'invalid/ob2-v1-issuer-invalid-json.json': { reject: 'invalid_json' },
  'invalid/ob2-v2-expired.json': { ...needsNet, val: 'expired' },
  'invalid/ob2-v2-invalid-context.json': { sig: 'invalid', says: /@context/ },
  'invalid/ob2-v2-issued-in-future.json': { ...needsNet, val: 'not_yet_valid' },
  'invalid/ob3-bad-context.json': { sig: 'invalid', says: /JSON-LD/ },
  'invalid/ob3-bad-proof-value.json': { sig: 'invalid', says: /does not match/ },
  'invalid/ob3-empty-file.json': { reject: 'empty' },
  'invalid/ob3-expired-vc1.json': { sig: 'valid', val: 'expired' },
  'invalid/ob3-expired-vc2.json': { sig: 'valid', val: 'expired' },
  'invalid/ob3-missing-issuer.json': { sig: 'invalid', says: /no issuer/ },
  'invalid/ob3-no-proof.json': { sig: 'unsigned' },
  'invalid/ob3-not-yet-valid.json': { sig: 'valid', val: 'not_yet_valid' },
  'invalid/ob3-revoked-status.json': { sig: 'valid', sta: 'needs_network', online: { sig: 'valid', sta: 'revoked', says: /unchanged/ } },
  'invalid/ob3-tampered-ed25519.json': { sig: 'invalid', says: /does not match/ },
  'invalid/ob3-unknown-did-method.json': { sig: 'unsupported', says: /did:example/ },
  'invalid/ob3-unknown-type.json': { sig: 'invalid', says: /JSON-LD/ },
  'invalid/ob3-unresolvable-did-web.json': { sig: 'needs_network', says: /did:web/, online: { sig: 'needs_network', says: /HTTP 404/ } },
  // support: status list credentials (not importable credentials; verified as documents)
  'support/status/1edtech-testlist.json': { sig: 'valid', document: true, says: /fragment/ },
  'support/status/andamio-key-epoch-2026-07.json': { sig: 'needs_network', document: true, online: { sig: 'valid' } },
  'support/status/dcc-fixtures-statuslist-e5wk8cbz1gjycupombrj.json': { sig: 'valid', document: true },
}

const dir = sharedPath('fixtures', 'credentials')

describe.skipIf(!dir)('MANIFEST verification outcomes', () => {
  const root = dir ?? ''
  let web: LocalWeb
  const offline = createVerifier({ now, online: false })
  let online: ReturnType<typeof createVerifier>

  beforeAll(async () => {
    // The hosted 1EdTech assertion is its own hosted copy.
    web = await localWeb({ ...supportRoutes(root), 'https://example.org/beths-robotics-badge.json': { file: join(root, 'ob2-json/1edtech-v2-assertion-basic.json') } })
    online = createVerifier({ now, online: true, fetchJson: web.fetcher({ httpHosts: ['example.org'] }) })
  })
  afterAll(() => web?.close())

  const load = (rel: string, expected: Expected) =>
    expected.document ? parsedDocument(JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, unknown>) : parseFile(join(root, rel))

  it('covers every MANIFEST row with a verification outcome', () => {
    const manifest = readFileSync(join(root, 'MANIFEST.md'), 'utf8')
    const rows = [...manifest.matchAll(/^\| `([^`]+)` \(/gm)].map((m) => m[1]!)
    const skipped = rows.filter((r) => !(r in ROWS))
    // Only metadata documents (no outcome: "n/a") and the support files that are not credentials.
    expect(skipped.sort()).toEqual(
      [
        'ob2-json/badgr-v1-badgeclass.json',
        'ob2-json/badgr-v1-issuer.json',
        'ob2-json/nti-v1-badgeclass-tags-alignment.json',
        'support/contexts/andamio-context-v1.jsonld',
        'support/did/andamio-did.json',
        'support/did/dcc-fixtures-oidf-did.json',
        'support/ob2-hosted/badge-from-organization-with-revocation-list.json',
        'support/ob2-hosted/key1.json',
        'support/ob2-hosted/key3.json',
        'support/ob2-hosted/organization-with-revocation-list.json',
        'support/ob2-hosted/organization.json',
        'support/ob2-hosted/revocation-list.json',
        'support/ob2-hosted/robotics-badge.json',
      ].sort(),
    )
  })

  for (const [rel, expected] of Object.entries(ROWS)) {
    if ('reject' in expected) {
      it(`${rel}: refused by the importer (${expected.reject}), never verified`, () => {
        let error: unknown
        try {
          parseFile(join(root, rel))
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(ImportError)
        expect((error as ImportError).reason).toBe(expected.reject)
      })
      continue
    }
    it(`${rel}: signature ${expected.sig}${expected.val ? `, dates ${expected.val}` : ''}${expected.sta ? `, status ${expected.sta}` : ''} offline`, async () => {
      const result = await offline.verify(load(rel, expected))
      expect(result.online).toBe(false)
      expect(result.checkedAt).toBe(now().toISOString())
      expect({ rel, sig: result.signature.verdict, detail: result.signature.detail }).toMatchObject({ rel, sig: expected.sig })
      if (expected.val) expect(result.validity.verdict).toBe(expected.val)
      if (expected.sta) expect(result.status.verdict).toBe(expected.sta)
      if (expected.says) expect(result.signature.detail).toMatch(expected.says)
      // Offline, nothing is ever fetched.
      expect(result.signature.detail.length).toBeGreaterThan(20)
      expect(result.status.detail.length).toBeGreaterThan(10)
    })
    const on = expected.online
    if (on) {
      it(`${rel}: online with the MANIFEST support files: ${on.sig ? `signature ${on.sig}` : ''}${on.sta ? `, status ${on.sta}` : ''}`, async () => {
        const result = await online.verify(load(rel, expected))
        expect(result.online).toBe(true)
        if (on.sig) expect({ rel, sig: result.signature.verdict, detail: result.signature.detail }).toMatchObject({ rel, sig: on.sig })
        if (on.sta) expect({ rel, sta: result.status.verdict, detail: result.status.detail }).toMatchObject({ rel, sta: on.sta })
        if (on.says) expect(result.signature.detail).toMatch(on.says)
      })
    }
  }

  it('offline checks never touch the network, even with a fetcher at hand', async () => {
    const before = web.requests.length
    const offlineWithFetcher = createVerifier({ now, online: false, fetchJson: web.fetcher({ httpHosts: ['example.org'] }) })
    for (const [rel, expected] of Object.entries(ROWS)) {
      if ('reject' in expected) continue
      expect((await offlineWithFetcher.verify(load(rel, expected))).online).toBe(false)
    }
    expect(web.requests.length).toBe(before)
  })

  it('the 1EdTech revoked status list: bit 23 set, and the DCC list: bits 2, 6, 8 set', async () => {
    const { decodeStatusList, readStatus } = await import('../../../electron/core/verify/status')
    const list = (p: string) => (JSON.parse(readFileSync(join(root, 'support/status', p), 'utf8')) as { credentialSubject: { encodedList: string } }).credentialSubject.encodedList
    const oneEdTech = decodeStatusList(list('1edtech-testlist.json'))
    expect([...Array(oneEdTech.length * 8).keys()].filter((i) => readStatus(oneEdTech, i) === 1)).toEqual([23])
    const dcc = decodeStatusList(list('dcc-fixtures-statuslist-e5wk8cbz1gjycupombrj.json'))
    expect([...Array(dcc.length * 8).keys()].filter((i) => readStatus(dcc, i) === 1)).toEqual([2, 6, 8])
    expect(dcc.length * 8).toBe(100_000)
    const andamio = decodeStatusList(list('andamio-key-epoch-2026-07.json'))
    expect(andamio.every((b) => b === 0)).toBe(true)
  })

  it('without http allowed for example.org, the OB 2.0 key URL (http://) is refused, not fetched', async () => {
    const strict = createVerifier({ now, online: true, fetchJson: web.fetcher() })
    const result = await strict.verify(parseFile(join(root, 'ob2-jws/1edtech-signed-rs256.jwt')))
    expect(result.signature.verdict).toBe('unsupported')
    expect(result.signature.detail).toMatch(/only https/)
  })
})
