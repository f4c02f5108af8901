/**
 * The verifier never throws and never calls a changed credential valid: seeded random edits of
 * our signed fixtures (every string, number and boolean is a target), and malformed documents.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { VerificationResult } from '../../../electron/shared/verification'
import { now, OWN_FIXTURES, parsedDocument } from './helpers'

const verifier = createVerifier({ now, online: false })

function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

/** Paths to every leaf value of a JSON document. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
  return [path]
}

function mutate(document: unknown, path: (string | number)[], random: () => number): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  const value = node[last]
  if (typeof value === 'string') {
    const i = Math.floor(random() * Math.max(1, value.length))
    node[last] = value.length ? value.slice(0, i) + String.fromCharCode(((value.charCodeAt(i) + 1) % 94) + 33) + value.slice(i + 1) : 'x'
  } else if (typeof value === 'number') node[last] = value + 1
  else if (typeof value === 'boolean') node[last] = !value
  else node[last] = 'changed'
  return copy
}

describe('robustness', () => {
  for (const name of ['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2020.json']) {
    it(`${name}: 60 seeded one-value edits are never valid, and always a well-formed result`, async () => {
      const original = JSON.parse(readFileSync(join(OWN_FIXTURES, name), 'utf8')) as Record<string, unknown>
      const paths = leaves(original)
      const random = rng(name.length * 7919)
      for (let n = 0; n < 60; n++) {
        const path = paths[Math.floor(random() * paths.length)]!
        const changed = mutate(original, path, random) as Record<string, unknown>
        const result = await verifier.verify(parsedDocument(changed, 'ob3'))
        expect(() => VerificationResult.parse(result)).not.toThrow()
        expect({ path: path.join('.'), verdict: result.signature.verdict }).not.toEqual({ path: path.join('.'), verdict: 'valid' })
      }
    }, 60_000)
  }

  it('malformed documents give a result, not an exception', async () => {
    const odd: unknown[] = [
      {},
      { proof: null },
      { proof: 'yes' },
      { proof: [null, 3, 'x'] },
      { '@context': 42, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi', proofPurpose: 'assertionMethod', proofValue: 'z1' } },
      { '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'VerifiableCredential', issuer: 'did:example:1', proof: { type: 'Ed25519Signature2020', verificationMethod: { id: 42 } } },
      { validFrom: { year: 2020 }, validUntil: ['soon'], credentialStatus: [{ type: 'BitstringStatusListEntry', statusListIndex: -1 }] },
    ]
    for (const document of odd) {
      const result = await verifier.verify(parsedDocument(document as Record<string, unknown>, 'ob3'))
      expect(() => VerificationResult.parse(result)).not.toThrow()
      expect(result.signature.verdict).not.toBe('valid')
    }
    for (const jws of ['a.b.c', 'eyJhbGciOiJub25lIn0.e30.', `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.e30.sig`]) {
      const result = await verifier.verify({ ...parsedDocument({}, 'ob3'), container: 'jwt', document: jws, jws })
      expect(() => VerificationResult.parse(result)).not.toThrow()
      expect(['invalid', 'unsupported']).toContain(result.signature.verdict)
    }
  })
})
