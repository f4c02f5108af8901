/**
 * The unsigned Verifiable Presentation of a bundle (W3C VC Data Model 2.0). Always the v2
 * context: a VC 1.1 credential keeps its own context inside it (the v2 `verifiableCredential`
 * term holds each credential as its own graph; checked with the bundled contexts in
 * tests/core/share/bundle.test.ts), whereas a v2 credential inside a v1 presentation redefines
 * protected terms, and only v2 has a form for JWT credentials (`EnvelopedVerifiableCredential`).
 * Nothing is signed: there is no holder key, and the credentials carry their own proofs.
 */
import type { ParsedCredential } from '../importers'

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1'
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'

/** What goes in `verifiableCredential` for one credential, or why it cannot. */
export type Wrapped = { ok: true; value: unknown } | { ok: false; reason: string }

const NOT_A_VC = 'It is not a W3C Verifiable Credential (its original file is in the bundle).'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/** A JSON-LD credential on the VC 1.1 or 2.0 base context, typed VerifiableCredential. */
function isJsonLdVc(document: unknown): document is Record<string, unknown> {
  if (!isRecord(document)) return false
  const base = asList(document['@context'])[0]
  return (base === VC_V1_CONTEXT || base === VC_V2_CONTEXT) && asList(document.type).includes('VerifiableCredential')
}

/** The JWT's claims, or null when its middle part is not base64url JSON. */
function jwtPayload(jwt: string): unknown {
  const part = jwt.split('.')[1]
  if (!part) return null
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
  } catch {
    return null
  }
}

/**
 * VC-JOSE-COSE (`application/vc+jwt`) secures the credential itself as the JWT's claims; a VC 1.1
 * style JWT (Open Badges 3.0 VC-JWT) carries it in a `vc` claim, which is a plain JWT
 * (`application/jwt`). The data: URL names which, so a verifier reads it the right way.
 */
function envelope(jwt: string): Wrapped {
  const claims = jwtPayload(jwt)
  const mediaType = isJsonLdVc(claims) ? 'application/vc+jwt' : isRecord(claims) && isJsonLdVc(claims.vc) ? 'application/jwt' : null
  if (!mediaType) return { ok: false, reason: 'Its JWT does not hold a W3C Verifiable Credential (its original file is in the bundle).' }
  return { ok: true, value: { '@context': VC_V2_CONTEXT, id: `data:${mediaType},${jwt}`, type: 'EnvelopedVerifiableCredential' } }
}

/** The credential as the presentation holds it: the JSON-LD document as signed, or the JWT enveloped. */
export function wrapCredential(parsed: ParsedCredential): Wrapped {
  if (parsed.container === 'jwt' || parsed.container === 'jws' || (typeof parsed.document === 'string' && parsed.jws !== null)) {
    return parsed.jws !== null ? envelope(parsed.jws) : { ok: false, reason: NOT_A_VC }
  }
  if (isJsonLdVc(parsed.document)) return { ok: true, value: parsed.document }
  return { ok: false, reason: NOT_A_VC }
}

/** The presentation; no `holder`, since it must be a URI and a portfolio has none of its own. */
export function presentation(credentials: readonly unknown[]): Record<string, unknown> {
  return {
    '@context': [VC_V2_CONTEXT],
    type: ['VerifiablePresentation'],
    verifiableCredential: credentials,
  }
}
