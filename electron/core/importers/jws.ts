/**
 * Compact JWS / JWT: decode the protected header and the payload (no signature check: that is
 * verification's job), with the same size and nesting limits as any other JSON.
 * OB 2.0 signed assertions carry the assertion as the payload; OB 3.0 / CLR VC-JWTs carry the
 * credential under `vc` or at the top level beside the registered claims.
 */
import { parseJson } from './json'
import { isCompactJws } from './text'
import { ImportError } from './types'
import { type Json, type JsonObject, MAX_PAYLOAD_CHARS, formatBytes, get, isObject } from './util'

export interface DecodedJws {
  header: JsonObject
  payload: Json
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function part(segment: string, what: string, name: string): Json {
  let text: string
  try {
    text = utf8.decode(Buffer.from(segment, 'base64url'))
  } catch {
    throw new ImportError('corrupt', `${what} is damaged: its ${name} is not readable text.`)
  }
  try {
    return parseJson(text, { what: `The ${name} of ${what.charAt(0).toLowerCase()}${what.slice(1)}` })
  } catch (e) {
    if (e instanceof ImportError && e.reason === 'invalid_json') throw new ImportError('corrupt', `${what} is damaged: its ${name} is not readable.`)
    throw e
  }
}

/**
 * Decodes a compact JWS. `what` names it in messages ("This signed badge", "The signed
 * credential in this SVG"). Throws ImportError only.
 */
export function decodeJws(token: string, what = 'This signed credential'): DecodedJws {
  if (token.length > MAX_PAYLOAD_CHARS) throw new ImportError('too_complex', `${what} is larger than ${formatBytes(MAX_PAYLOAD_CHARS)}, which is past Skillfolio's safety limit.`)
  if (!isCompactJws(token)) throw new ImportError('corrupt', `${what} is damaged: it is not three dot-separated parts.`)
  const [h = '', p = ''] = token.split('.')
  const header = part(h, what, 'header')
  if (!isObject(header) || typeof get(header, 'alg') !== 'string') throw new ImportError('corrupt', `${what} is damaged: its header does not name a signature algorithm.`)
  if (get(header, 'b64') === false) throw new ImportError('unknown_format', `${what} uses a detached, unencoded payload, which Skillfolio cannot read.`)
  return { header, payload: part(p, what, 'payload') }
}

/** The credential inside a JWT payload: `vc` when present, else the payload itself. */
export function credentialOfJwt(payload: Json): { credential: JsonObject; claims: JsonObject; underVc: boolean } | null {
  if (!isObject(payload)) return null
  const vc = get(payload, 'vc')
  if (isObject(vc)) return { credential: vc, claims: payload, underVc: true }
  return { credential: payload, claims: payload, underVc: false }
}
