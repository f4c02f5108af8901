/**
 * Compact JWS signatures: Open Badges 2.0 signed assertions and VC-JWTs (OB 3.0 / CLR 2.0),
 * checked with `jose`. Offline, the key must travel with the token (a `jwk` header, or a `kid`
 * that is a did:key or did:jwk); keys published at a URL or in a did:web document are fetched
 * only when online checks are on.
 */
import { createHash } from 'node:crypto'
import { calculateJwkThumbprint, compactVerify, importJWK, importSPKI, type JWK } from 'jose'
import type { VerificationResult } from '../../shared/verification'
import type { SignerFacts } from './issuer-binding'
import { didWebUrl, ed25519FromMultibase, errorMessage } from './keys'
import type { FetchJson } from './online-fetch'

/** The signature verdict, plus (inside the core only) where its key came from, for issuer binding. */
export type SignatureOutcome = VerificationResult['signature'] & { signer?: SignerFacts }

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519']

export interface DecodedJws {
  header: Record<string, unknown>
  payload: Record<string, unknown> | null
}

export function decodeCompactJws(jws: string): DecodedJws | null {
  const parts = jws.trim().split('.')
  if (parts.length !== 3) return null
  const decode = (part: string) => {
    try {
      const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  const header = decode(parts[0]!)
  if (!header) return null
  return { header, payload: decode(parts[1]!) }
}

export interface JwsOptions {
  online: boolean
  fetchJson?: FetchJson
}

const outcome = (verdict: SignatureOutcome['verdict'], detail: string, method: string | null, keyId: string | null = null, signer?: SignerFacts): SignatureOutcome =>
  signer ? { verdict, detail, method, keyId, signer } : { verdict, detail, method, keyId }

/** A JWK in the stable form a pin names: `jwk:` + its RFC 7638 thumbprint. */
async function jwkPinForm(jwk: JWK): Promise<string | null> {
  try {
    return `jwk:${await calculateJwkThumbprint(jwk)}`
  } catch {
    return null
  }
}

async function verifyWith(jws: string, key: Parameters<typeof compactVerify>[1], alg: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await compactVerify(jws.trim(), key, { algorithms: [alg] })
    return { ok: true }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { ok: false, reason: 'The signature does not match the content: the token was changed after signing, or signed with another key.' }
    return { ok: false, reason: errorMessage(error) }
  }
}

/** A JWK for a verification method found in a DID document (publicKeyJwk or an Ed25519 multibase). */
function jwkFromMethod(method: Record<string, unknown>): JWK | null {
  if (method.publicKeyJwk && typeof method.publicKeyJwk === 'object') return method.publicKeyJwk as JWK
  if (typeof method.publicKeyMultibase === 'string') {
    const raw = ed25519FromMultibase(method.publicKeyMultibase)
    if (raw) return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }
  }
  return null
}

function findMethod(document: unknown, id: string): Record<string, unknown> | null {
  if (!document || typeof document !== 'object') return null
  const doc = document as Record<string, unknown>
  const base = typeof doc.id === 'string' ? doc.id : ''
  const list = [doc.verificationMethod, doc.assertionMethod, doc.publicKey].flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []))
  for (const m of list) {
    if (!m || typeof m !== 'object') continue
    const mid = (m as { id?: unknown }).id
    const full = typeof mid === 'string' && mid.startsWith('#') ? base + mid : mid
    if (full === id) return m as Record<string, unknown>
  }
  return null
}

type KeyLookup =
  | { kind: 'key'; jwk: JWK; keyId: string; note: string; source: SignerFacts['keySource']; boundTo: string | null; signerKey?: string }
  | { kind: 'needs_network' | 'unsupported' | 'invalid'; detail: string }

/** The key a VC-JWT names, from its header (jwk, kid) or, online, from the issuer. */
async function vcJwtKey(header: Record<string, unknown>, payload: Record<string, unknown> | null, options: JwsOptions): Promise<KeyLookup> {
  if (header.jwk && typeof header.jwk === 'object') {
    const jwk = header.jwk as JWK
    if ('d' in jwk) return { kind: 'invalid', detail: 'The token header carries a private key; refused.' }
    return { kind: 'key', jwk, keyId: 'jwk in the token header', note: 'key carried in the token header (it proves the token is unchanged, not who made the key)', source: 'jwk', boundTo: null }
  }
  const iss = typeof payload?.iss === 'string' ? payload.iss : null
  let kid = typeof header.kid === 'string' ? header.kid : null
  if (kid?.startsWith('#') && iss) kid = iss + kid
  if (kid?.startsWith('did:key:')) {
    const id = kid.split('#')[0]!.slice('did:key:'.length)
    const raw = ed25519FromMultibase(id)
    if (!raw) return { kind: 'unsupported', detail: `The key ${kid} is not an Ed25519 did:key.` }
    const did = kid.split('#')[0]!
    return { kind: 'key', jwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, keyId: kid, note: `key decoded from ${did}`, source: 'did:key', boundTo: did, signerKey: id }
  }
  if (kid?.startsWith('did:jwk:')) {
    try {
      const jwk = JSON.parse(Buffer.from(kid.split('#')[0]!.slice('did:jwk:'.length), 'base64url').toString('utf8')) as JWK
      return { kind: 'key', jwk, keyId: kid, note: `key decoded from ${kid.split('#')[0]} (the key itself, which says nothing about who holds it)`, source: 'did:jwk', boundTo: null }
    } catch {
      return { kind: 'invalid', detail: `The key identifier ${kid} is not a well-formed did:jwk.` }
    }
  }
  if (kid?.startsWith('did:web:')) {
    const url = didWebUrl(kid)
    if (!url) return { kind: 'invalid', detail: `${kid} is not a well-formed did:web identifier.` }
    if (!options.online || !options.fetchJson) return { kind: 'needs_network', detail: `The signing key ${kid} is published in a DID document at ${url}; turn on online checks to fetch it.` }
    try {
      const method = findMethod(await options.fetchJson(url), kid)
      const jwk = method && jwkFromMethod(method)
      if (!jwk) return { kind: 'invalid', detail: `The DID document at ${url} does not list the key ${kid}.` }
      return { kind: 'key', jwk, keyId: kid, note: `key listed in ${url}`, source: 'did:web', boundTo: kid.split('#')[0]! }
    } catch (error) {
      return { kind: 'needs_network', detail: `Could not fetch the DID document ${url}: ${errorMessage(error)}` }
    }
  }
  if (kid?.startsWith('did:')) return { kind: 'unsupported', detail: `The signing key ${kid} uses the DID method ${kid.split(':').slice(0, 2).join(':')}, which Skillfolio cannot resolve.` }
  // No key in the header: the issuer's profile must be fetched to find it.
  const vc = (payload?.vc && typeof payload.vc === 'object' ? payload.vc : payload) as Record<string, unknown> | null
  const issuer = vc?.issuer
  const issuerId = typeof issuer === 'string' ? issuer : issuer && typeof issuer === 'object' ? (issuer as { id?: unknown }).id : iss
  const where = typeof kid === 'string' && /^https:/i.test(kid) ? kid : typeof issuerId === 'string' ? issuerId : null
  if (!where || !/^https?:/i.test(where)) return { kind: 'unsupported', detail: 'The token names no key that Skillfolio can find (no jwk or usable kid in its header, and no web address for the issuer).' }
  if (!options.online || !options.fetchJson) return { kind: 'needs_network', detail: `The token carries no key; it must be fetched from ${where}. Turn on online checks to fetch it.` }
  try {
    const profile = (await options.fetchJson(where)) as Record<string, unknown> | null
    const published = [profile?.publicKey, profile?.verificationMethod, (profile?.jwks as { keys?: unknown } | undefined)?.keys].flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []))
    for (const candidate of published) {
      if (!candidate || typeof candidate !== 'object') continue
      const c = candidate as Record<string, unknown>
      if (kid && c.id !== kid && c.kid !== kid) continue
      const jwk = typeof c.kty === 'string' ? (c as JWK) : jwkFromMethod(c)
      if (jwk) return { kind: 'key', jwk, keyId: typeof c.id === 'string' ? c.id : where, note: `key published at ${where}`, source: 'https', boundTo: where }
    }
    return { kind: 'invalid', detail: `${where} does not publish a key for this token.` }
  } catch (error) {
    return { kind: 'needs_network', detail: `Could not fetch the key from ${where}: ${errorMessage(error)}` }
  }
}

/** VC-JWT: OB 3.0 / CLR 2.0 credential under `vc` or at the top level of the payload. */
export async function verifyVcJwt(jws: string, options: JwsOptions): Promise<SignatureOutcome> {
  const decoded = decodeCompactJws(jws)
  if (!decoded || !decoded.payload) return outcome('invalid', 'The token is not a well-formed JWT (its parts are not base64url JSON).', 'VC-JWT')
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : 'none'
  const method = `VC-JWT (${alg})`
  if (!ALGORITHMS.includes(alg)) return outcome('unsupported', `The token algorithm ${alg} is not accepted (only RSA, ECDSA and EdDSA signatures).`, method)
  const key = await vcJwtKey(decoded.header, decoded.payload, options)
  if (key.kind !== 'key') return outcome(key.kind === 'invalid' ? 'invalid' : key.kind, key.detail, method)
  let cryptoKey
  try {
    cryptoKey = await importJWK(key.jwk, alg)
  } catch (error) {
    return outcome('invalid', `The key does not fit the token algorithm ${alg}: ${errorMessage(error)}`, method, key.keyId)
  }
  const result = await verifyWith(jws, cryptoKey, alg)
  if (!result.ok) return outcome('invalid', result.reason, method, key.keyId)
  const signer: SignerFacts = { keySource: key.source, signerKey: key.signerKey ?? (await jwkPinForm(key.jwk)), boundTo: key.boundTo }
  return outcome('valid', `The ${alg} signature of the token matches its content; ${key.note}.`, method, key.keyId, signer)
}

/**
 * Open Badges 2.0 signed assertion: the key is the CryptographicKey at `verification.creator`
 * (a URL), so the check always needs the network. Online, the key's owner must also be the
 * badge's issuer when both can be found.
 */
export async function verifyOb2Jws(jws: string, options: JwsOptions): Promise<SignatureOutcome> {
  const decoded = decodeCompactJws(jws)
  if (!decoded || !decoded.payload) return outcome('invalid', 'The signed assertion is not a well-formed JWS (its parts are not base64url JSON).', 'JWS')
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : 'none'
  const method = `${alg} JWS`
  if (!ALGORITHMS.includes(alg)) return outcome('unsupported', `The signature algorithm ${alg} is not accepted.`, method)
  const assertion = decoded.payload
  const verification = (assertion.verification ?? assertion.verify) as Record<string, unknown> | undefined
  const creator = typeof verification?.creator === 'string' ? verification.creator : null
  if (!creator) {
    if (decoded.header.jwk) {
      const key = await vcJwtKey(decoded.header, null, options)
      if (key.kind === 'key') {
        const result = await verifyWith(jws, await importJWK(key.jwk, alg), alg)
        const signer: SignerFacts = { keySource: key.source, signerKey: key.signerKey ?? (await jwkPinForm(key.jwk)), boundTo: key.boundTo }
        return result.ok ? outcome('valid', `The ${alg} signature matches the assertion; ${key.note}.`, method, key.keyId, signer) : outcome('invalid', result.reason, method, key.keyId)
      }
    }
    return outcome('unsupported', 'The signed assertion does not say which key signed it (no verification.creator).', method)
  }
  if (!options.online || !options.fetchJson) {
    return outcome('needs_network', `Signed with the key published at ${creator}; turn on online checks to fetch it.`, method, creator)
  }
  let keyDoc: Record<string, unknown>
  try {
    keyDoc = (await options.fetchJson(creator)) as Record<string, unknown>
  } catch (error) {
    const refused = (error as { reason?: string }).reason === 'not_https'
    return outcome(refused ? 'unsupported' : 'needs_network', `Could not fetch the signing key: ${errorMessage(error)}`, method, creator)
  }
  const pem = typeof keyDoc?.publicKeyPem === 'string' ? keyDoc.publicKeyPem : null
  if (!pem) return outcome('invalid', `${creator} is not an Open Badges CryptographicKey (no publicKeyPem).`, method, creator)
  let key
  try {
    key = await importSPKI(pem, alg)
  } catch (error) {
    return outcome('invalid', `The key at ${creator} does not fit the algorithm ${alg}: ${errorMessage(error)}`, method, creator)
  }
  const result = await verifyWith(jws, key, alg)
  if (!result.ok) return outcome('invalid', result.reason, method, creator)
  const owner = typeof keyDoc.owner === 'string' ? keyDoc.owner : null
  const issuer = await ob2IssuerId(assertion, options.fetchJson).catch(() => null)
  if (owner && issuer && owner !== issuer) {
    return outcome('invalid', `The signature matches, but the key ${creator} belongs to ${owner}, not to the badge's issuer ${issuer}.`, method, creator)
  }
  const whose = owner ? ` owned by ${owner}${issuer === owner ? ', the badge issuer' : ''}` : ''
  // The key is the issuer's only when its published key document names the issuer as owner.
  const signer: SignerFacts = { keySource: 'https', signerKey: `spki:${createHash('sha256').update(pem.trim()).digest('hex')}`, boundTo: owner && owner === issuer ? owner : null }
  return outcome('valid', `The ${alg} signature matches the assertion; key ${creator}${whose}.`, method, creator, signer)
}

/** The issuer id of an OB 2.0 assertion: badge → issuer, embedded or fetched. */
export async function ob2IssuerId(assertion: Record<string, unknown>, fetchJson?: FetchJson): Promise<string | null> {
  const profile = await ob2Issuer(assertion, fetchJson)
  return typeof profile?.id === 'string' ? profile.id : null
}

export async function ob2Issuer(assertion: Record<string, unknown>, fetchJson?: FetchJson): Promise<Record<string, unknown> | null> {
  let badge = assertion.badge as unknown
  if (typeof badge === 'string') {
    if (!fetchJson) return null
    badge = await fetchJson(badge)
  }
  if (!badge || typeof badge !== 'object') return null
  const issuer = (badge as Record<string, unknown>).issuer as unknown
  if (typeof issuer === 'string') {
    if (!fetchJson) return { id: issuer }
    const fetched = (await fetchJson(issuer)) as Record<string, unknown>
    return { id: issuer, ...fetched }
  }
  return issuer && typeof issuer === 'object' ? (issuer as Record<string, unknown>) : null
}
