/**
 * Blockcerts: the offline content hash and Merkle receipt (blockcerts.ts), on certificates built
 * here (hash computed, receipt assembled around it, then tampered with), the bundled Blockcerts
 * contexts proven by the corpus (each valid certificate hashes to its receipt's targetHash), and
 * revocation online against a local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  base58Decode,
  base58Encode,
  blockcertsHash,
  cborDecode,
  cborEncode,
  decodeMerkleProof2019,
  encodeMerkleProof2019,
  findBlockcertsReceipt,
  merkleRootOf,
  MOCK_CHAIN,
  TAMPERED,
} from '../../../electron/core/verify/blockcerts'
import { BLOCKCERTS_CONTEXTS } from '../../../electron/core/verify/blockcerts-contexts'
import { BUNDLED_CONTEXTS } from '../../../electron/core/verify/contexts'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { sharedPath } from '../../helpers/shared-data'
import { localWeb, now, parsedDocument, parseFile, type LocalWeb } from './helpers'

type Obj = Record<string, unknown>
const sha = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')
const TX = 'a'.repeat(64)
const OTHER_LEAF = 'b'.repeat(64)
const ISSUER = 'https://issuer.skillfolio.test/profile.json'
const LIST = 'https://issuer.skillfolio.test/revocations.json'

/** A small Blockcerts v3 credential of our own. */
function v3Credential(extra: Obj = {}): Obj {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/blockcerts/v3'],
    id: 'urn:uuid:7d3c1e54-2b1f-4a57-9a3e-0c5d6f7a8b90',
    type: ['VerifiableCredential', 'BlockcertsCredential'],
    issuer: ISSUER,
    issuanceDate: '2025-03-01T09:00:00Z',
    credentialSubject: { id: 'did:example:learner', name: 'Ada Lovelace', claim: { name: 'Analytical Engines 101', description: 'Completed the course' } },
    ...extra,
  }
}

/** A small Blockcerts v2 (Open Badges 2.0 extension) certificate of our own. */
function v2Certificate(id = 'urn:uuid:1f0e9d8c-7b6a-4594-8382-716a5b4c3d2e'): Obj {
  return {
    '@context': ['https://w3id.org/openbadges/v2', 'https://w3id.org/blockcerts/v2'],
    type: 'Assertion',
    id,
    issuedOn: '2025-03-01T09:00:00Z',
    recipient: { type: 'email', identity: 'ada@example.org', hashed: false },
    recipientProfile: { type: ['RecipientProfile', 'Extension'], name: 'Ada Lovelace' },
    badge: {
      type: 'BadgeClass',
      id: 'urn:uuid:5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
      name: 'Analytical Engines 101',
      description: 'Completed the course',
      criteria: { narrative: 'Pass the final exam.' },
      issuer: { type: 'Profile', id: ISSUER, name: 'Skillfolio Test Academy', email: 'test@skillfolio.test', url: 'https://issuer.skillfolio.test', revocationList: LIST },
    },
    verification: { type: ['MerkleProofVerification2017', 'Extension'] },
  }
}

async function hashOf(document: Obj): Promise<string> {
  const result = await blockcertsHash(document)
  if (result.kind !== 'hash') throw new Error(`no hash: ${JSON.stringify(result)}`)
  return result.hash
}

/** Signs (anchors) a v3 credential: a two-leaf Merkle tree, ours on the left. */
async function anchorV3(credential: Obj, options: { mock?: boolean; proofType?: 'MerkleProof2019' | 'DataIntegrityProof' } = {}): Promise<Obj> {
  const targetHash = await hashOf(credential)
  const merkleRoot = sha(targetHash + OTHER_LEAF)
  const proofValue = encodeMerkleProof2019({
    targetHash,
    merkleRoot,
    path: [{ right: OTHER_LEAF }],
    anchors: [options.mock ? { chain: MOCK_CHAIN, transaction: 'This has not been issued on a blockchain and is for testing only' } : { chain: 0, network: 3, transaction: TX }],
  })
  const proof =
    options.proofType === 'DataIntegrityProof'
      ? { type: 'DataIntegrityProof', cryptosuite: 'merkle-proof-2019', created: '2025-03-01T09:00:01Z', proofPurpose: 'assertionMethod', verificationMethod: `${ISSUER}#key-1`, proofValue }
      : { type: 'MerkleProof2019', created: '2025-03-01T09:00:01Z', proofPurpose: 'assertionMethod', verificationMethod: `${ISSUER}#key-1`, proofValue }
  return { ...credential, proof }
}

/** Anchors a v2 certificate: a one-leaf tree (root = hash) unless a sibling is given. */
async function anchorV2(certificate: Obj, sibling?: string, anchor: Obj = { type: 'BTCOpReturn', sourceId: TX, chain: 'bitcoinTestnet' }): Promise<Obj> {
  const targetHash = await hashOf(certificate)
  return {
    ...certificate,
    signature: {
      type: ['MerkleProof2017', 'Extension'],
      targetHash,
      merkleRoot: sibling ? sha(sibling + targetHash) : targetHash,
      proof: sibling ? [{ left: sibling }] : [],
      anchors: [anchor],
    },
  }
}

const offline = createVerifier({ now, online: false })
const verify = (document: Obj) => offline.verify(parsedDocument(document, 'blockcerts'))

describe('base58btc, CBOR and the MerkleProof2019 receipt', () => {
  it('round-trips bytes through base58 (leading zeros kept) and values through CBOR', () => {
    const bytes = Uint8Array.from([0, 0, 1, 2, 255, 128, 7])
    expect(base58Decode(base58Encode(bytes))).toEqual(bytes)
    const value = [[0, 'x'], [1, Uint8Array.from([1, 2])], [-1, 300, 70_000], 'é']
    expect(cborDecode(cborEncode(value))).toEqual(value)
  })

  it('decodes what it encodes: root, target hash, path and anchors', () => {
    const proofValue = encodeMerkleProof2019({ targetHash: 'c'.repeat(64), merkleRoot: 'd'.repeat(64), path: [{ left: 'e'.repeat(64) }, { right: 'f'.repeat(64) }], anchors: [{ chain: 1, network: 11155111, transaction: '0xabc' }] })
    expect(proofValue.startsWith('z')).toBe(true)
    expect(decodeMerkleProof2019(proofValue)).toEqual({
      targetHash: 'c'.repeat(64),
      merkleRoot: 'd'.repeat(64),
      path: [{ left: 'e'.repeat(64) }, { right: 'f'.repeat(64) }],
      anchors: [{ chain: 'Ethereum Sepolia', transaction: '0xabc', mock: false }],
    })
  })

  it('refuses hostile input with a reason instead of crashing', () => {
    expect(() => decodeMerkleProof2019('not-multibase')).toThrow(/base58btc/)
    expect(() => decodeMerkleProof2019(`z${base58Encode(Uint8Array.from([0x9f, 0x01]))}`)).toThrow(/indefinite/)
    expect(() => decodeMerkleProof2019(`z${base58Encode(Uint8Array.from([0x85, 0x01]))}`)).toThrow(/array is longer|ends too early/)
    expect(() => decodeMerkleProof2019(`z${base58Encode(cborEncode([[0, 'only a root']]))}`)).toThrow(/no Merkle root or target hash/)
    expect(() => cborDecode(Uint8Array.from(new Array<number>(40).fill(0x81)))).toThrow(/nested too deeply/)
    expect(() => base58Decode('0OIl')).toThrow(/not a base58 character/)
  })

  it('follows a Merkle path: left siblings go first, right siblings after', () => {
    const leaf = '1'.repeat(64)
    expect(merkleRootOf(leaf, [])).toBe(leaf)
    expect(merkleRootOf(leaf, [{ right: '2'.repeat(64) }])).toBe(sha(leaf + '2'.repeat(64)))
    expect(merkleRootOf(leaf, [{ left: '3'.repeat(64) }, { right: '4'.repeat(64) }])).toBe(sha(sha('3'.repeat(64) + leaf) + '4'.repeat(64)))
    expect(() => merkleRootOf(leaf, [{ right: 'zz' }])).toThrow(/not a hex hash/)
  })
})

describe('Blockcerts v3 built here', () => {
  it('an intact certificate matches its receipt offline; the blockchain anchor still needs the network', async () => {
    const result = await verify(await anchorV3(v3Credential()))
    expect(result.signature.verdict).toBe('needs_network')
    expect(result.signature.detail).toMatch(/content matches its blockchain receipt \(hash and Merkle path checked offline\)/)
    expect(result.signature.detail).toMatch(/Bitcoin testnet transaction aaaaaaaa…aaaaaaaa/)
    expect(result.signature.method).toBe('MerkleProof2019')
    expect(result.status.verdict).toBe('needs_network')
  })

  it('a changed field (or an added one, or a removed one) is invalid, with a plain sentence', async () => {
    const signed = await anchorV3(v3Credential())
    const subject = signed.credentialSubject as Obj
    for (const tampered of [
      { ...signed, credentialSubject: { ...subject, name: 'Someone Else' } },
      { ...signed, issuanceDate: '2025-03-02T09:00:00Z' },
      { ...signed, credentialSubject: { ...subject, claim: { name: 'Analytical Engines 101' } } },
      { ...signed, expirationDate: '2030-01-01T00:00:00Z' },
    ]) {
      const result = await verify(tampered)
      expect(result.signature).toMatchObject({ verdict: 'invalid', detail: TAMPERED })
    }
  })

  it('a status entry the issuer added after hashing does not make an intact certificate "changed", and the detail says it is not covered', async () => {
    const status = { id: 'https://issuer.skillfolio.test/status/1#7', type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://issuer.skillfolio.test/status/1' }
    const anchored = await anchorV3(v3Credential())
    const result = await verify({ ...anchored, credentialStatus: status })
    expect(result.signature.verdict).toBe('needs_network')
    expect(result.signature.detail).toMatch(/content matches its blockchain receipt/)
    expect(result.signature.detail).toMatch(/without its status entry \(credentialStatus\), so that entry is not covered/)
    // Anything else changed is still caught, status entry or not.
    const subject = anchored.credentialSubject as Obj
    const tampered = await verify({ ...anchored, credentialStatus: status, credentialSubject: { ...subject, name: 'Someone Else' } })
    expect(tampered.signature.verdict).toBe('invalid')
    // A certificate hashed with its status entry still matches without the note.
    const whole = await verify(
      await anchorV3(
        v3Credential({
          '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/blockcerts/v3', { RevocationList: 'https://w3id.org/openbadges#RevocationList' }],
          credentialStatus: { id: 'https://issuer.skillfolio.test/revocations#1', type: 'RevocationList' },
        }),
      ),
    )
    expect(whole.signature.detail).toMatch(/content matches its blockchain receipt/)
    expect(whole.signature.detail).not.toMatch(/status entry/)
  })

  it('the DataIntegrityProof form (cryptosuite merkle-proof-2019, VC 2.0) is read the same way', async () => {
    const credential = v3Credential({ '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/blockcerts/v3.2'], validFrom: '2025-03-01T09:00:00Z' })
    delete credential.issuanceDate
    const signed = await anchorV3(credential, { proofType: 'DataIntegrityProof' })
    expect((await verify(signed)).signature.verdict).toBe('needs_network')
    expect((await verify({ ...signed, validFrom: '2020-01-01T00:00:00Z' })).signature).toMatchObject({ verdict: 'invalid', detail: TAMPERED })
  })

  it('a receipt whose path does not reach its root, or that cannot be read, is invalid', async () => {
    const credential = v3Credential()
    const targetHash = await hashOf(credential)
    const wrongRoot = encodeMerkleProof2019({ targetHash, merkleRoot: '0'.repeat(64), path: [{ right: OTHER_LEAF }], anchors: [{ chain: 0, network: 1, transaction: TX }] })
    const broken = await verify({ ...credential, proof: { type: 'MerkleProof2019', proofValue: wrongRoot } })
    expect(broken.signature).toMatchObject({ verdict: 'invalid' })
    expect(broken.signature.detail).toMatch(/Merkle path does not lead to its Merkle root/)
    const damaged = await verify({ ...credential, proof: { type: 'MerkleProof2019', proofValue: 'z1111' } })
    expect(damaged.signature.verdict).toBe('invalid')
    expect(damaged.signature.detail).toMatch(/receipt is damaged/)
  })

  it('fields no context defines are refused (they would escape the hash), as cert-verifier-js does', async () => {
    const signed = await anchorV3(v3Credential())
    const result = await verify({ ...signed, favouriteColour: 'green' })
    expect(result.signature.verdict).toBe('invalid')
    expect(result.signature.detail).toMatch(/do not define \(favouriteColour\)/)
  })

  it('a mock (test) anchor is never valid: the content is checked, and the detail says it is a test anchor', async () => {
    const mock = await verify(await anchorV3(v3Credential(), { mock: true }))
    expect(mock.signature.verdict).toBe('unsupported')
    expect(mock.signature.detail).toMatch(/matches its blockchain receipt.*mock \(test\) chain, not a real blockchain/)
    const tampered = await anchorV3(v3Credential(), { mock: true })
    expect((await verify({ ...tampered, issuer: 'https://someone.else/profile.json' })).signature).toMatchObject({ verdict: 'invalid', detail: TAMPERED })
  })

  it('a context that is not bundled is not fetched and never makes the certificate invalid', async () => {
    const credential = v3Credential({ '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/blockcerts/v3', 'https://unknown.example/context.json'] })
    const result = await verify({ ...credential, proof: { type: 'MerkleProof2019', proofValue: encodeMerkleProof2019({ targetHash: '1'.repeat(64), merkleRoot: '1'.repeat(64), path: [], anchors: [{ chain: 0, network: 1, transaction: TX }] }) } })
    expect(result.signature.verdict).toBe('needs_network')
    expect(result.signature.detail).toMatch(/does not bundle \(https:\/\/unknown\.example\/context\.json\)/)
  })

  it('a secp256k1 proof alone is unsupported; beside a chained Merkle proof it is named, and it is part of the hash', async () => {
    const secp = { type: 'EcdsaSecp256k1Signature2019', created: '2025-03-01T09:00:00Z', proofPurpose: 'assertionMethod', verificationMethod: 'did:key:zQ3shExample#zQ3shExample', jws: 'eyJhbGciOiJFUzI1NksifQ..c2ln' }
    const credential = v3Credential({ '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/suites/merkle-2019/v1', 'https://w3id.org/security/suites/chained-2021/v1', 'https://w3id.org/blockcerts/v3.1'] })
    const alone = await verify({ ...credential, proof: secp })
    expect(alone.signature.verdict).toBe('unsupported')
    expect(alone.signature.detail).toMatch(/no blockchain receipt/)

    const targetHash = await hashOf({ ...credential, proof: secp })
    const proofValue = encodeMerkleProof2019({ targetHash, merkleRoot: targetHash, path: [], anchors: [{ chain: 1, network: 1, transaction: '0x' + 'c'.repeat(64) }] })
    const chained = { type: 'ChainedProof2021', chainedProofType: 'MerkleProof2019', created: '2025-03-02T09:00:00Z', proofPurpose: 'assertionMethod', verificationMethod: `${ISSUER}#key-1`, previousProof: secp, proofValue }
    const both = await verify({ ...credential, proof: [secp, chained] })
    expect(both.signature.verdict).toBe('needs_network')
    expect(both.signature.detail).toMatch(/Ethereum mainnet.*EcdsaSecp256k1Signature2019\) is of a kind Skillfolio does not check/)
    expect(both.signature.method).toBe('EcdsaSecp256k1Signature2019 + ChainedProof2021 (MerkleProof2019)')
    const changedFirstProof = await verify({ ...credential, proof: [{ ...secp, jws: 'eyJhbGciOiJFUzI1NksifQ..b3RoZXI' }, chained] })
    expect(changedFirstProof.signature).toMatchObject({ verdict: 'invalid', detail: TAMPERED })
  })
})

describe('Blockcerts v2 built here', () => {
  it('one-leaf and two-leaf receipts match offline; a changed recipient is invalid', async () => {
    for (const sibling of [undefined, OTHER_LEAF]) {
      const signed = await anchorV2(v2Certificate(), sibling)
      const result = await verify(signed)
      expect(result.signature.verdict).toBe('needs_network')
      expect(result.signature.detail).toMatch(/matches its blockchain receipt.*Bitcoin testnet transaction/)
      expect(result.signature.method).toBe('MerkleProof2017')
      const tampered = await verify({ ...signed, recipientProfile: { type: ['RecipientProfile', 'Extension'], name: 'Someone Else' } })
      expect(tampered.signature).toMatchObject({ verdict: 'invalid', detail: TAMPERED })
    }
  })

  it('a Mock anchor is unsupported, not valid, and says so', async () => {
    const result = await verify(await anchorV2(v2Certificate(), undefined, { type: 'Mock', sourceId: 'not on a blockchain', chain: 'mockchain' }))
    expect(result.signature.verdict).toBe('unsupported')
    expect(result.signature.detail).toMatch(/mock \(test\) chain/)
  })

  it('online, the blockchain is still not looked up (unsupported), and the content check is still reported', async () => {
    const web = await localWeb({})
    try {
      const online = createVerifier({ now, online: true, fetchJson: web.fetcher() })
      const result = await online.verify(parsedDocument(await anchorV2(v2Certificate()), 'blockcerts'))
      expect(result.signature.verdict).toBe('unsupported')
      expect(result.signature.detail).toMatch(/matches its blockchain receipt.*does not look up blockchains/)
    } finally {
      await web.close()
    }
  })
})

describe('Blockcerts revocation online', () => {
  const revokedId = 'urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5'
  let web: LocalWeb
  let online: ReturnType<typeof createVerifier>
  beforeAll(async () => {
    web = await localWeb({
      [ISSUER]: { body: JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', id: ISSUER, name: 'Skillfolio Test Academy', revocationList: LIST }) },
      [LIST]: { body: JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', id: LIST, type: 'RevocationList', issuer: ISSUER, revokedAssertions: [{ id: revokedId, revocationReason: 'Issued to the wrong person.' }] }) },
      'https://issuer.skillfolio.test/v3-list.json': { body: JSON.stringify({ id: 'https://issuer.skillfolio.test/v3-list.json', type: 'RevocationList', revokedAssertions: [{ id: 'urn:uuid:7d3c1e54-2b1f-4a57-9a3e-0c5d6f7a8b90', revocationReason: 'Withdrawn.' }] }) },
    })
    online = createVerifier({ now, online: true, fetchJson: web.fetcher() })
  })
  afterAll(() => web?.close())

  it('v2: the issuer profile names the list; a listed id is revoked with its reason, another is not revoked', async () => {
    const revoked = await online.verify(parsedDocument(await anchorV2(v2Certificate(revokedId)), 'blockcerts'))
    expect(revoked.status.verdict).toBe('revoked')
    expect(revoked.status.detail).toMatch(/Issued to the wrong person\..*revocations\.json/)
    const clear = await online.verify(parsedDocument(await anchorV2(v2Certificate()), 'blockcerts'))
    expect(clear.status.verdict).toBe('not_revoked')
    expect(web.requests).toContain(ISSUER)
    expect(web.requests).toContain(LIST)
  })

  it('offline the status needs the network and nothing is fetched', async () => {
    const before = web.requests.length
    expect((await verify(await anchorV2(v2Certificate(revokedId)))).status.verdict).toBe('needs_network')
    expect(web.requests.length).toBe(before)
  })

  it('v3: a credentialStatus RevocationList is read; without one, the issuer profile', async () => {
    const withStatus = await online.verify(parsedDocument(await anchorV3(v3Credential({ '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/blockcerts/v3', { RevocationList: 'https://w3id.org/openbadges#RevocationList' }], credentialStatus: { id: 'https://issuer.skillfolio.test/v3-list.json', type: 'RevocationList' } })), 'blockcerts'))
    expect(withStatus.status).toMatchObject({ verdict: 'revoked' })
    expect(withStatus.status.detail).toMatch(/Withdrawn\./)
    const viaProfile = await online.verify(parsedDocument(await anchorV3(v3Credential()), 'blockcerts'))
    expect(viaProfile.status.verdict).toBe('not_revoked')
  })

  it('an unreachable profile leaves the status needing the network; a did:key issuer offers none', async () => {
    const lost = await online.verify(parsedDocument(await anchorV3(v3Credential({ issuer: 'https://gone.skillfolio.test/profile.json' })), 'blockcerts'))
    expect(lost.status.verdict).toBe('needs_network')
    expect(lost.status.detail).toMatch(/HTTP 404|404/)
    const didKey = await online.verify(parsedDocument(await anchorV3(v3Credential({ issuer: 'did:key:zQ3shExample' })), 'blockcerts'))
    expect(didKey.status.verdict).toBe('unknown')
  })
})

describe('the bundled Blockcerts contexts', () => {
  it('come from @blockcerts/schemas and cover every version the corpus uses', () => {
    for (const url of ['https://w3id.org/blockcerts/v2', 'https://w3id.org/blockcerts/v3', 'https://w3id.org/blockcerts/v3.1', 'https://w3id.org/blockcerts/v3.2', 'https://w3id.org/blockcerts/v3.0-beta', 'https://w3id.org/blockcerts/schema/2.0-alpha/context.json', 'https://w3id.org/openbadges/v2', 'https://openbadgespec.org/v2/context.json', 'https://w3id.org/security/suites/merkle-2019/v1', 'https://w3id.org/security/suites/chained-2021/v1']) {
      expect(BLOCKCERTS_CONTEXTS.has(url), url).toBe(true)
    }
  })

  it('are served only to the Blockcerts hash, not added to the contexts of every signature check', () => {
    expect(BUNDLED_CONTEXTS.has('https://w3id.org/blockcerts/v3')).toBe(false)
    expect(BUNDLED_CONTEXTS.has('https://w3id.org/blockcerts/v2')).toBe(false)
  })
})

const dir = sharedPath('fixtures', 'credentials')

describe.skipIf(!dir)('the corpus: computed hash = receipt targetHash (this is what proves the contexts)', () => {
  const root = dir ?? ''
  const read = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as Obj
  const valid = ['blockcerts/v2-mocknet-valid.json', 'blockcerts/v2-testnet-valid.json', 'blockcerts/v3-beta.json', 'blockcerts/v3-didkey-chained-proof.json', 'blockcerts/v3-testnet-did.json', 'blockcerts/v3-vc2-multilingual.json', 'invalid/blockcerts-v2-revoked.json', 'invalid/blockcerts-v3-expired.json']
  for (const rel of valid) {
    it(`${rel}: hash equals targetHash, path reaches merkleRoot`, async () => {
      const found = findBlockcertsReceipt(read(rel))!
      expect('error' in found.receipt).toBe(false)
      const receipt = found.receipt as Exclude<typeof found.receipt, { error: string }>
      expect(await hashOf(found.unsigned)).toBe(receipt.targetHash)
      expect(merkleRootOf(receipt.targetHash, receipt.path)).toBe(receipt.merkleRoot)
    })
  }
  for (const rel of ['invalid/blockcerts-v2-tampered-hashes.json', 'invalid/blockcerts-v3-tampered.json']) {
    it(`${rel}: tampered, hash differs from targetHash`, async () => {
      const found = findBlockcertsReceipt(read(rel))!
      const receipt = found.receipt as Exclude<typeof found.receipt, { error: string }>
      expect(await hashOf(found.unsigned)).not.toBe(receipt.targetHash)
    })
  }

  describe('invalid/blockcerts-v2-revoked.json online, with our own copy of its issuer profile and revocation list', () => {
    let web: LocalWeb
    beforeAll(async () => {
      const own = (file: string) => ({ file: join(__dirname, '../../fixtures/blockcerts', file) })
      const profile = JSON.parse(readFileSync(join(__dirname, '../../fixtures/blockcerts/issuer-eth-profile.json'), 'utf8')) as { id: string; revocationList: string }
      web = await localWeb({ [profile.id]: own('issuer-eth-profile.json'), [profile.revocationList]: own('revocation-eth.json') })
    })
    afterAll(() => web?.close())

    it('is revoked, with the reason the issuer gives', async () => {
      const online = createVerifier({ now, online: true, fetchJson: web.fetcher() })
      const result = await online.verify(parseFile(join(root, 'invalid/blockcerts-v2-revoked.json')))
      expect(result.status.verdict).toBe('revoked')
      expect(result.status.detail).toContain('Accidentally issued to Ethereum.')
      expect(result.signature.verdict).toBe('unsupported')
      expect(result.signature.detail).toMatch(/matches its blockchain receipt/)
    })

    it('the valid testnet certificate of the same shape is not listed (its issuer answers 404 here: needs network)', async () => {
      const online = createVerifier({ now, online: true, fetchJson: web.fetcher() })
      const result = await online.verify(parseFile(join(root, 'blockcerts/v2-testnet-valid.json')))
      expect(result.status.verdict).toBe('needs_network')
    })
  })
})
