/**
 * Finding the public key behind a proof's `verificationMethod`, without the network when the
 * key is in the identifier itself:
 * - `did:key:z6Mk…` (Ed25519), with or without the `#z6Mk…` fragment: decoded locally;
 * - the 1EdTech convention `<issuer URL or urn>#z6Mk…`: the key is the multibase fragment
 *   (as the 1EdTech validator does; the issuer's web site is not asked to confirm it);
 * - `did:web:…` and key documents at an https URL: fetched only when online checks are on;
 * - anything else (did:example, did:ion, secp256k1 or P-256 keys): unsupported.
 */
import { DID_V1, MULTIKEY_V1 } from './contexts'
import type { FetchJson } from './online-fetch'

/** Multicodec prefix of an Ed25519 public key (0xed 0x01). */
const ED25519_PREFIX = [0xed, 0x01]
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const BASE58_MAP = new Map([...BASE58].map((c, i) => [c, i]))

export function base58Decode(text: string): Uint8Array | null {
  if (text.length === 0 || text.length > 256) return null
  let zeros = 0
  while (text[zeros] === '1') zeros++
  const bytes: number[] = [] // little-endian
  for (const char of text) {
    const value = BASE58_MAP.get(char)
    if (value === undefined) return null
    let carry = value
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58
      bytes[i] = carry & 0xff
      carry >>= 8
    }
    while (carry > 0) {
      bytes.push(carry & 0xff)
      carry >>= 8
    }
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()])
}

export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++
  const digits: number[] = [] // little-endian base 58
  for (const byte of bytes) {
    let carry = byte
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! << 8
      digits[i] = carry % 58
      carry = Math.floor(carry / 58)
    }
    while (carry > 0) {
      digits.push(carry % 58)
      carry = Math.floor(carry / 58)
    }
  }
  return '1'.repeat(zeros) + digits.reverse().map((d) => BASE58[d]).join('')
}

/** The raw 32-byte Ed25519 key of a `z6Mk…` multibase value, or null when it is not one. */
export function ed25519FromMultibase(multibase: string): Uint8Array | null {
  if (!multibase.startsWith('z')) return null
  const decoded = base58Decode(multibase.slice(1))
  if (!decoded || decoded.length !== 34 || decoded[0] !== ED25519_PREFIX[0] || decoded[1] !== ED25519_PREFIX[1]) return null
  return decoded.slice(2)
}

export function ed25519ToMultibase(publicKey: Uint8Array): string {
  return `z${base58Encode(Uint8Array.from([...ED25519_PREFIX, ...publicKey]))}`
}

/** A verification method in the form the signature suites accept (a Multikey document). */
export interface VerificationMethodDoc {
  '@context': string
  id: string
  type: 'Multikey'
  controller: string
  publicKeyMultibase: string
}

export type KeySource = 'did:key' | 'fragment' | 'did:web' | 'https'

export type KeyResolution =
  | { kind: 'resolved'; method: VerificationMethodDoc; source: KeySource; detail: string }
  | { kind: 'needs_network'; url: string; detail: string }
  | { kind: 'unsupported'; detail: string }
  | { kind: 'failed'; detail: string }

function multikey(id: string, controller: string, publicKeyMultibase: string): VerificationMethodDoc {
  return { '@context': MULTIKEY_V1, id, type: 'Multikey', controller, publicKeyMultibase }
}

/** did:web:example.com:path → https://example.com/path/did.json (port given as %3A). */
export function didWebUrl(did: string): string | null {
  const parts = did.split('#')[0]!.split(':')
  if (parts[0] !== 'did' || parts[1] !== 'web' || parts.length < 3) return null
  try {
    const [host, ...path] = parts.slice(2).map((p) => decodeURIComponent(p))
    if (!host || /[/?#@\s]/.test(host)) return null
    const url = new URL(`https://${host}`)
    url.pathname = path.length ? `/${path.map(encodeURIComponent).join('/')}/did.json` : '/.well-known/did.json'
    return url.href
  } catch {
    return null
  }
}

/** Local decoding only: did:key and the fragment convention. */
export function resolveLocally(vmId: string): KeyResolution | null {
  if (vmId.startsWith('did:key:')) {
    const [did, fragment] = vmId.split('#') as [string, string | undefined]
    const id = did.slice('did:key:'.length)
    if (!id.startsWith('z6Mk')) {
      return { kind: 'unsupported', detail: `The key ${did} is not an Ed25519 key (only Ed25519 did:key keys are supported).` }
    }
    if (!ed25519FromMultibase(id) || (fragment !== undefined && fragment !== id)) {
      return { kind: 'failed', detail: `The key identifier ${vmId} is not a well-formed did:key.` }
    }
    return { kind: 'resolved', method: multikey(vmId, did, id), source: 'did:key', detail: `key decoded from ${did}` }
  }
  const hash = vmId.indexOf('#')
  if (hash > 0 && !vmId.startsWith('did:')) {
    const base = vmId.slice(0, hash)
    const fragment = vmId.slice(hash + 1)
    if (fragment.startsWith('z6Mk') && ed25519FromMultibase(fragment)) {
      return {
        kind: 'resolved',
        method: multikey(vmId, base, fragment),
        source: 'fragment',
        detail: `key taken from the fragment of ${vmId} (1EdTech convention; ${base} was not asked to confirm it)`,
      }
    }
    if (/^z(Dna|Q3s|Uc|3tEF)/.test(fragment)) {
      return { kind: 'unsupported', detail: `The key ${fragment.slice(0, 12)}… in ${base} is not an Ed25519 key.` }
    }
  }
  return null
}

export interface ResolveOptions {
  online: boolean
  fetchJson?: FetchJson
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])

/** Finds `vmId` in a DID or controller document and checks it may make assertions. */
export function methodFromControllerDocument(document: unknown, vmId: string, controllerId: string): KeyResolution {
  if (!document || typeof document !== 'object') return { kind: 'failed', detail: `${controllerId} did not return a document.` }
  const doc = document as Record<string, unknown>
  const docId = typeof doc.id === 'string' ? doc.id : controllerId
  if (docId !== controllerId) return { kind: 'failed', detail: `The document at ${controllerId} describes ${docId} instead.` }
  const absolute = (id: unknown) => (typeof id === 'string' && id.startsWith('#') ? `${docId}${id}` : id)
  const candidates = [...asArray(doc.verificationMethod), ...asArray(doc.assertionMethod), ...asArray(doc.publicKey)]
  const found = candidates.find((m): m is Record<string, unknown> => !!m && typeof m === 'object' && absolute((m as { id?: unknown }).id) === vmId)
  if (!found) return { kind: 'failed', detail: `${controllerId} does not list the key ${vmId}.` }
  const allowed = asArray(doc.assertionMethod).some((m) => absolute(typeof m === 'string' ? m : (m as { id?: unknown })?.id) === vmId)
  if (!allowed) return { kind: 'failed', detail: `${controllerId} lists ${vmId} but not as an assertion method.` }
  let publicKeyMultibase = typeof found.publicKeyMultibase === 'string' ? found.publicKeyMultibase : null
  const jwk = found.publicKeyJwk as Record<string, unknown> | undefined
  if (!publicKeyMultibase && jwk && jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
    publicKeyMultibase = ed25519ToMultibase(Buffer.from(jwk.x, 'base64url'))
  }
  if (!publicKeyMultibase || !ed25519FromMultibase(publicKeyMultibase)) {
    return { kind: 'unsupported', detail: `The key ${vmId} is not an Ed25519 key (type ${String(found.type)}).` }
  }
  return { kind: 'resolved', method: multikey(vmId, docId, publicKeyMultibase), source: docId.startsWith('did:web:') ? 'did:web' : 'https', detail: `key listed in ${docId}` }
}

/** Resolves a verification method id; hosted keys are fetched only when online. */
export async function resolveVerificationMethod(vmId: string, options: ResolveOptions): Promise<KeyResolution> {
  const local = resolveLocally(vmId)
  if (local) return local
  if (vmId.startsWith('did:web:')) {
    const did = vmId.split('#')[0]!
    const url = didWebUrl(did)
    if (!url) return { kind: 'failed', detail: `${did} is not a well-formed did:web identifier.` }
    if (!options.online || !options.fetchJson) {
      return { kind: 'needs_network', url, detail: `The key ${vmId} is published on the web (${url}); turn on online checks to fetch it.` }
    }
    try {
      return methodFromControllerDocument(await options.fetchJson(url), vmId, did)
    } catch (error) {
      return { kind: 'needs_network', url, detail: `Could not fetch the DID document ${url}: ${errorMessage(error)}` }
    }
  }
  if (vmId.startsWith('did:')) {
    const method = vmId.split(':').slice(0, 2).join(':')
    return { kind: 'unsupported', detail: `The key ${vmId} uses the DID method ${method}, which Skillfolio cannot resolve.` }
  }
  if (/^https?:\/\//i.test(vmId)) {
    if (!options.online || !options.fetchJson) {
      return { kind: 'needs_network', url: vmId, detail: `The key ${vmId} is hosted on the web; turn on online checks to fetch it.` }
    }
    try {
      const keyDoc = (await options.fetchJson(vmId)) as Record<string, unknown> | null
      const controller = typeof keyDoc?.controller === 'string' ? keyDoc.controller : null
      if (!controller) return { kind: 'failed', detail: `The key document ${vmId} names no controller.` }
      const controllerDoc = await options.fetchJson(controller)
      return methodFromControllerDocument(controllerDoc, vmId, controller)
    } catch (error) {
      return { kind: 'needs_network', url: vmId, detail: `Could not fetch the key ${vmId}: ${errorMessage(error)}` }
    }
  }
  return { kind: 'unsupported', detail: `The key identifier ${vmId} is neither a DID nor a web address.` }
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** A controller document authorising exactly these methods for assertions (fed to the proof purpose). */
export function controllerDocumentFor(methodIds: string[]) {
  return { '@context': DID_V1, id: 'urn:skillfolio:resolved-keys', assertionMethod: methodIds }
}
