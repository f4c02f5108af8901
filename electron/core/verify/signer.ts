/**
 * Where a verified signature's key came from, read from what the signature check reports, for
 * issuer binding (issuer-binding.ts).
 */
import type { SignerFacts } from './issuer-binding'
import type { SignatureOutcome } from './jws'

export function signerFacts(signature: SignatureOutcome): SignerFacts {
  const keyId = signature.keyId ?? ''
  if (signature.method === 'hosted') return { keySource: 'hosted', signerKey: null, boundTo: keyId || null }
  if (keyId.startsWith('did:key:')) {
    const did = keyId.split('#')[0]!
    return { keySource: 'did:key', signerKey: did.slice('did:key:'.length), boundTo: did }
  }
  if (keyId.startsWith('did:jwk:')) return { keySource: 'did:jwk', signerKey: `jwk:${keyId.split('#')[0]!.slice('did:jwk:'.length)}`, boundTo: null }
  if (keyId === 'jwk in the token header') return { keySource: 'jwk', signerKey: null, boundTo: null }
  if (keyId.startsWith('did:web:')) return { keySource: 'did:web', signerKey: null, boundTo: keyId.split('#')[0]! }
  const hash = keyId.indexOf('#')
  if (hash > 0 && /^z[1-9A-HJ-NP-Za-km-z]+$/.test(keyId.slice(hash + 1))) return { keySource: 'fragment', signerKey: keyId.slice(hash + 1), boundTo: null }
  return { keySource: 'other', signerKey: null, boundTo: null }
}
