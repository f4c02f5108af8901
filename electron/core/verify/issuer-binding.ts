/**
 * Issuer binding: whether the key that signed a credential is the issuer's. A valid signature
 * only says the bytes were signed by some key; the issuer is confirmed when
 * - the issuer is a did:key and that very key signed (the identifier is the key);
 * - the issuer's own did:web or https document lists the key (fetched online);
 * - the issuer hosts the assertion on its own site (OB 2.0 hosted, online);
 * - the person pinned this key for this issuer;
 * and a did:key issuer the person's imported registry names is reported as "registry".
 * Keys carried by the credential itself (a JWT `jwk` header, a did:jwk, a key in a URL
 * fragment, a verification method embedded in the document) never confirm an issuer.
 */
import type { IssuerBasis, KeySource, VerificationResult } from '../../shared/verification'

export type IssuerOutcome = VerificationResult['issuer']

/** What the signature check learned about the key, for binding. */
export interface SignerFacts {
  keySource: KeySource
  /** The key in a stable form a pin can name (public key multibase, or `jwk:` + thumbprint). */
  signerKey: string | null
  /**
   * The identity the key's own publication binds it to: the did:key itself, the did:web or
   * https controller whose document listed it, the origin that hosts an OB 2.0 assertion.
   * Null when the key came with the credential.
   */
  boundTo: string | null
}

/** The person's trust list, read when a credential is verified or a pin changes. */
export interface TrustList {
  pinned(issuerId: string, signerKey: string): boolean
  /** The pinned key published under this verification method id, if the person pinned one. */
  pinnedKey(keyId: string): string | null
  registryName(did: string): { name: string; registry: string } | null
}

export const NO_TRUST_LIST: TrustList = { pinned: () => false, pinnedKey: () => null, registryName: () => null }

const SOURCE_WORDS: Record<KeySource, string> = {
  'did:key': 'a did:key',
  'did:web': 'a did:web document',
  https: 'a document on the web',
  fragment: 'the fragment of its own identifier (the key travels with the credential)',
  jwk: 'the token’s own header (the key travels with the token)',
  'did:jwk': 'a did:jwk, which is the key itself and says nothing about who holds it',
  embedded: 'the credential itself',
  hosted: 'the issuer’s web site',
  pinned: 'your pinned keys',
  other: 'an unknown place',
}

const basisOf = (source: KeySource): IssuerBasis | null =>
  source === 'did:key' ? 'did:key' : source === 'did:web' ? 'did:web' : source === 'https' ? 'https' : source === 'hosted' ? 'hosted' : null

/** Same issuer: identical identifiers, or for a hosted assertion the same web origin. */
function sameIdentity(issuerId: string, boundTo: string, source: KeySource): boolean {
  if (issuerId === boundTo) return true
  if (source !== 'hosted' && source !== 'https') return false
  try {
    return new URL(issuerId).origin === new URL(boundTo).origin
  } catch {
    return false
  }
}

export function notChecked(issuerId: string | null, detail = 'There is no valid signature, so there is no key to tie to the issuer.'): IssuerOutcome {
  return { verdict: 'not_checked', detail, basis: null, issuerId, signerKey: null, keySource: null }
}

/**
 * The issuer verdict for a valid signature. `intrinsic` is a binding already established by the
 * credential's own publication (stored, so a pin change can re-apply the list without the network).
 */
export function bindIssuer(issuerId: string | null, signer: SignerFacts, trust: TrustList): IssuerOutcome {
  const base = { issuerId, signerKey: signer.signerKey, keySource: signer.keySource }
  if (!issuerId) {
    return { ...base, verdict: 'not_confirmed', basis: null, detail: 'The credential names no issuer, so no key can be tied to one.' }
  }
  const basis = basisOf(signer.keySource)
  if (basis && signer.boundTo && sameIdentity(issuerId, signer.boundTo, signer.keySource)) {
    // A registry names DIDs; it adds to a key already bound to the issuer's DID.
    const listed = basis === 'did:key' || basis === 'did:web' ? trust.registryName(issuerId) : null
    if (listed) {
      return { ...base, verdict: 'confirmed', basis: 'registry', detail: `The key is bound to the issuer ${short(issuerId)} (${basis}), and your registry “${listed.registry}” names that issuer ${listed.name}.` }
    }
    const how =
      basis === 'did:key'
        ? `The issuer is the did:key ${short(issuerId)}, and the credential was signed by that key. (A did:key says nothing about the name it gives; only an issuer registry or a pin does.)`
        : basis === 'hosted'
          ? `The issuer hosts the assertion on its own site (${signer.boundTo}).`
          : `The issuer’s published document (${signer.boundTo}) lists the signing key.`
    return { ...base, verdict: 'confirmed', basis, detail: how }
  }
  if (signer.signerKey && trust.pinned(issuerId, signer.signerKey)) {
    return { ...base, verdict: 'confirmed', basis: 'pinned', detail: `You pinned this key for ${issuerId}.` }
  }
  const other = signer.boundTo && signer.boundTo !== issuerId ? ` It belongs to ${short(signer.boundTo)}, not to the issuer ${short(issuerId)}.` : ''
  return {
    ...base,
    verdict: 'not_confirmed',
    basis: null,
    detail: `The signing key came from ${SOURCE_WORDS[signer.keySource]}, and nothing ties it to the issuer ${short(issuerId)}.${other} Pin the key if you know it is the issuer’s.`,
  }
}

/** Long DIDs shortened for sentences: did:key:z6MkhaXg…2doK. */
function short(id: string): string {
  return id.length > 48 ? `${id.slice(0, 24)}…${id.slice(-6)}` : id
}
