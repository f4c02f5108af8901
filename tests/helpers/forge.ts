/**
 * Signing as anybody: fresh Ed25519 keys and signatures with any verification method and any
 * issuer, for tests that prove a key not bound to its issuer never makes a credential Verified.
 */
import { randomBytes } from 'node:crypto'
import jsigs from 'jsonld-signatures'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { CompactSign, importJWK } from 'jose'
import { createDocumentLoader } from '../../electron/core/verify/document-loader'
import { ed25519FromMultibase } from '../../electron/core/verify/keys'
import { SIGNED_AT } from '../fixtures/verify/sign'

const loader = createDocumentLoader()

export interface Key {
  seed: Buffer
  multibase: string
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string }
}

export async function newKey(): Promise<Key> {
  const seed = randomBytes(32)
  const pair = await Ed25519Multikey.generate({ seed })
  const raw = ed25519FromMultibase(pair.publicKeyMultibase)!
  return { seed, multibase: pair.publicKeyMultibase, jwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') } }
}

async function signerOf(key: Key, vmId: string, controller: string) {
  return (await Ed25519Multikey.generate({ seed: key.seed, id: vmId, controller })).signer()
}

export type Suite = 'eddsa-rdfc-2022' | 'Ed25519Signature2020'
export async function signLd(credential: object, key: Key, vmId: string, controller: string, suiteName: Suite): Promise<Record<string, unknown>> {
  const signer = await signerOf(key, vmId, controller)
  const suite = suiteName === 'eddsa-rdfc-2022' ? new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: SIGNED_AT }) : new Ed25519Signature2020({ signer, date: SIGNED_AT })
  // jsonld-signatures checks nothing about the issuer when signing: that is the attacker's freedom.
  return jsigs.sign(structuredClone(credential), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: loader })
}

export async function signJwt(payload: object, key: Key, header: Record<string, unknown>): Promise<string> {
  const privateKey = await importJWK({ ...key.jwk, d: key.seed.toString('base64url') }, 'EdDSA')
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', ...header }).sign(privateKey)
}

