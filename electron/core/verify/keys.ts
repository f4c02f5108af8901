/**
 * Finding the public key behind a proof's `verificationMethod`, without the network when the
 * key is in the identifier itself:
 * - `did:key:z6Mk…` (Ed25519), `did:key:zDn…` (P-256) and `did:key:z82…` (P-384), with or
 *   without the `#<key>` fragment: decoded locally;
 * - the 1EdTech convention `<issuer URL or urn>#z6Mk…` (or `#zDn…`): the key is the multibase
 *   fragment (as the 1EdTech validator does; the issuer's web site is not asked to confirm it);
 * - `did:web:…` and key documents at an https URL: fetched only when online checks are on; the
 *   key may be a Multikey, an Ed25519VerificationKey2018/2020 or a JsonWebKey2020 (Ed25519 or
 *   P-256/P-384 JWK);
 * - anything else (did:example, did:ion, secp256k1, X25519 or P-521 keys): unsupported.
 *
 * Every resolved key comes out in one form, a Multikey document: its `publicKeyMultibase` names
 * the curve by its multicodec prefix, which the suites check against what they require.
 */
import { createPublicKey, ECDH, type JsonWebKey } from 'node:crypto'
import { DID_V1, MULTIKEY_V1 } from './contexts'
import type { FetchJson } from './online-fetch'

/** Multicodec prefix (varint) of an Ed25519 public key (0xed). */
const ED25519_PREFIX = [0xed, 0x01]
/** Multicodec prefixes (varint) of compressed P-256 (0x1200) and P-384 (0x1201) public keys. */
const EC_PREFIXES = { 'P-256': [0x80, 0x24], 'P-384': [0x81, 0x24] } as const
/** Compressed point sizes and OpenSSL curve names. */
const EC_CURVES = { 'P-256': { size: 33, openssl: 'prime256v1' }, 'P-384': { size: 49, openssl: 'secp384r1' } } as const
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

export type KeyType = 'Ed25519' | 'P-256' | 'P-384'
export type EcCurve = keyof typeof EC_CURVES

/** Whether `point` is a point on the curve (OpenSSL refuses anything else). */
function onCurve(curve: EcCurve, point: Uint8Array): boolean {
  try {
    ECDH.convertKey(point, EC_CURVES[curve].openssl, undefined, undefined, 'uncompressed')
    return true
  } catch {
    return false
  }
}

/**
 * The key type and raw public key of a base58btc multikey value (`z6Mk…` Ed25519, `zDn…`
 * compressed P-256, `z82…` compressed P-384), or null when it is none of these or malformed.
 */
export function decodeMultikey(multibase: string): { type: KeyType; publicKey: Uint8Array } | null {
  const ed25519 = ed25519FromMultibase(multibase)
  if (ed25519) return { type: 'Ed25519', publicKey: ed25519 }
  if (!multibase.startsWith('z')) return null
  const decoded = base58Decode(multibase.slice(1))
  if (!decoded) return null
  for (const curve of Object.keys(EC_PREFIXES) as EcCurve[]) {
    const [a, b] = EC_PREFIXES[curve]
    if (decoded[0] !== a || decoded[1] !== b) continue
    const point = decoded.slice(2)
    if (point.length !== EC_CURVES[curve].size || (point[0] !== 0x02 && point[0] !== 0x03) || !onCurve(curve, point)) return null
    return { type: curve, publicKey: point }
  }
  return null
}

/** `z…` multikey value of a compressed P-256 / P-384 point. */
export function ecToMultibase(curve: EcCurve, compressedPoint: Uint8Array): string {
  return `z${base58Encode(Uint8Array.from([...EC_PREFIXES[curve], ...compressedPoint]))}`
}

/** The multikey value of a public JWK: OKP Ed25519, or EC P-256 / P-384 on its curve; else null. */
export function multibaseFromJwk(jwk: unknown): string | null {
  if (!jwk || typeof jwk !== 'object') return null
  const { kty, crv, x, y, d } = jwk as Record<string, unknown>
  if (d !== undefined || typeof x !== 'string') return null // a private key is never a verification method
  if (kty === 'OKP' && crv === 'Ed25519') {
    const raw = Buffer.from(x, 'base64url')
    return raw.length === 32 ? ed25519ToMultibase(raw) : null
  }
  if (kty === 'EC' && (crv === 'P-256' || crv === 'P-384') && typeof y === 'string') {
    const size = EC_CURVES[crv].size - 1
    const xb = Buffer.from(x, 'base64url')
    const yb = Buffer.from(y, 'base64url')
    if (xb.length !== size || yb.length !== size) return null
    try {
      createPublicKey({ key: { kty, crv, x, y } as JsonWebKey, format: 'jwk' }) // refuses a point off the curve
    } catch {
      return null
    }
    return ecToMultibase(crv, Uint8Array.from([0x02 | (yb[size - 1]! & 1), ...xb]))
  }
  return null
}

/**
 * A verification method in the form the signature suites accept: a Multikey document, whatever
 * the key type (`publicKeyMultibase` is `z6Mk…` for Ed25519, `zDn…` for P-256, `z82…` for P-384;
 * see decodeMultikey). One shape for every key, so the worker task stays plain JSON.
 */
export interface VerificationMethodDoc {
  '@context': string
  id: string
  type: 'Multikey'
  controller: string
  publicKeyMultibase: string
}

/** Where a key came from; `pinned`: the person's trust list, for a key that would otherwise need the network. */
export type KeySource = 'did:key' | 'fragment' | 'did:web' | 'https' | 'pinned'

export type KeyResolution =
  | { kind: 'resolved'; method: VerificationMethodDoc; source: KeySource; detail: string }
  | { kind: 'needs_network'; url: string; detail: string }
  | { kind: 'unsupported'; detail: string }
  | { kind: 'failed'; detail: string }

export function multikey(id: string, controller: string, publicKeyMultibase: string): VerificationMethodDoc {
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

const KEY_WORDS = 'only Ed25519, P-256 and P-384 keys are supported'

/** Local decoding only: did:key and the fragment convention. */
export function resolveLocally(vmId: string): KeyResolution | null {
  if (vmId.startsWith('did:key:')) {
    const [did, fragment] = vmId.split('#') as [string, string | undefined]
    const id = did.slice('did:key:'.length)
    if (!/^z(6Mk|Dn|82)/.test(id)) {
      return { kind: 'unsupported', detail: `The key ${did} is not a key type Skillfolio can check (${KEY_WORDS}).` }
    }
    const key = decodeMultikey(id)
    if (!key || (fragment !== undefined && fragment !== id)) {
      return { kind: 'failed', detail: `The key identifier ${vmId} is not a well-formed did:key.` }
    }
    return { kind: 'resolved', method: multikey(vmId, did, id), source: 'did:key', detail: `${key.type} key decoded from ${did}` }
  }
  const hash = vmId.indexOf('#')
  if (hash > 0 && !vmId.startsWith('did:')) {
    const base = vmId.slice(0, hash)
    const fragment = vmId.slice(hash + 1)
    const key = /^z(6Mk|Dn|82)/.test(fragment) ? decodeMultikey(fragment) : null
    if (key) {
      return {
        kind: 'resolved',
        method: multikey(vmId, base, fragment),
        source: 'fragment',
        detail: `${key.type} key taken from the fragment of ${vmId} (1EdTech convention; ${base} was not asked to confirm it)`,
      }
    }
    // secp256k1, BLS12-381, X25519, P-521 multikeys: recognisably a key, but not one we check.
    if (/^z(Q3s|U[Cc]|3tEF|6LS|2J9)/.test(fragment)) {
      return { kind: 'unsupported', detail: `The key ${fragment.slice(0, 12)}… in ${base} is not a key type Skillfolio can check (${KEY_WORDS}).` }
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
  const publicKeyMultibase = keyOfMethod(found)
  if (!publicKeyMultibase) {
    return { kind: 'unsupported', detail: `The key ${vmId} (type ${String(found.type)}) is not a key Skillfolio can check (${KEY_WORDS}).` }
  }
  return { kind: 'resolved', method: multikey(vmId, docId, publicKeyMultibase), source: docId.startsWith('did:web:') ? 'did:web' : 'https', detail: `key listed in ${docId}` }
}

/** Types whose key material must be Ed25519 whatever field carries it. */
const ED25519_TYPES = new Set(['Ed25519VerificationKey2018', 'Ed25519VerificationKey2020'])

/**
 * The public key of a verification method as a multikey value: `publicKeyMultibase` (Multikey,
 * Ed25519VerificationKey2020), `publicKeyBase58` (Ed25519VerificationKey2018: the raw 32 bytes),
 * or `publicKeyJwk` (JsonWebKey2020 / JsonWebKey: OKP Ed25519, EC P-256 or P-384). Null when the
 * key is of another kind or does not match its stated type.
 */
function keyOfMethod(method: Record<string, unknown>): string | null {
  const type = typeof method.type === 'string' ? method.type : ''
  let value: string | null = null
  if (typeof method.publicKeyMultibase === 'string') {
    value = decodeMultikey(method.publicKeyMultibase) ? method.publicKeyMultibase : null
  } else if (typeof method.publicKeyBase58 === 'string') {
    // A bare base58 key says nothing of its curve: only the 2018 Ed25519 type gives it one.
    const raw = type === 'Ed25519VerificationKey2018' ? base58Decode(method.publicKeyBase58) : null
    value = raw?.length === 32 ? ed25519ToMultibase(raw) : null
  } else if (method.publicKeyJwk !== undefined) {
    value = multibaseFromJwk(method.publicKeyJwk)
  }
  if (value && ED25519_TYPES.has(type) && !ed25519FromMultibase(value)) return null
  return value
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
