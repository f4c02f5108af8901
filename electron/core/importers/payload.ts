/**
 * From a payload (the text of a file, of a PNG chunk or of an SVG element) to a
 * ParsedCredential: JSON, compact JWS/JWT or a bare link, then the document is routed to the
 * reader of its format by structure (types, contexts, characteristic keys).
 */
import { LIMITS } from '../../shared/limits'
import { nameHint } from './detect'
import { readBlockcerts, isBlockcerts } from './blockcerts'
import { isEdc, readEdc } from './edc'
import { parseJson } from './json'
import { decodeJws } from './jws'
import { classifyOb2, linkOnly, metadataError, readOb2 } from './openbadges2'
import { STATUS_LIST_TYPES, looksLikeVc, readVc } from './openbadges3'
import { firstNonSpace, isBareUrl, isCompactJws } from './text'
import { ImportError, type CredentialFormat, type ParsedCredential } from './types'
import { type Json, type JsonObject, type ReadContext, asArray, blankCredential, get, hasType, isObject, str, typesOf } from './util'

export interface PayloadHint {
  /** Names the payload in messages: "This file", "The badge data in this PNG". */
  what: string
  /** The format to report when the payload is only a link. */
  linkFormat: CredentialFormat
  /** For "(Its name ends in .png, but …)" hints on standalone files; '' inside images. */
  fileName: string
}

const MAX_NESTED_DOCUMENTS = LIMITS.nestedDocuments

export function readPayload(raw: string, ctx: ReadContext, hint: PayloadHint): ParsedCredential {
  const start = firstNonSpace(raw)
  if (start < 0) throw new ImportError('no_credential', `${hint.what} is empty: there is no badge in it.`)
  const payload = (start === 0 ? raw : raw.slice(start)).trimEnd()
  const first = payload.charCodeAt(0)
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return readDocument(parseJson(payload, { what: hint.what }), ctx, hint, null, 0)
  if (isCompactJws(payload)) return readJwsPayload(payload, ctx, hint)
  if (isBareUrl(payload)) return linkOnly(blankCredential(hint.linkFormat, ctx, null), payload)
  throw new ImportError('invalid_json', `${hint.what} is not JSON, a signed credential or a link, so it cannot be read.`)
}

function readJwsPayload(token: string, ctx: ReadContext, hint: PayloadHint): ParsedCredential {
  const what = ctx.container === 'jws' || ctx.container === 'json' ? 'This signed credential' : `The signed credential in this ${ctx.container.toUpperCase()}`
  const { payload } = decodeJws(token, what)
  ctx.jws = token
  if (!isObject(payload)) throw new ImportError('invalid_credential', `${what} does not contain a credential (its payload is not an object).`)
  const vc = get(payload, 'vc')
  if (isObject(vc) || looksLikeVc(payload)) {
    if (ctx.container === 'jws') ctx.container = 'jwt'
    return readDocument(isObject(vc) ? vc : payload, ctx, hint, payload, 1)
  }
  return readDocument(payload, ctx, hint, null, 1)
}

/** JAdES / JWS JSON serialization: `payload` is the credential as JSON text or base64url. */
function unwrapJsonJws(doc: JsonObject, hint: PayloadHint): Json | null {
  const payload = get(doc, 'payload')
  if (typeof payload !== 'string') return null
  const general = Array.isArray(get(doc, 'signatures'))
  const flattened = typeof get(doc, 'signature') === 'string' && get(doc, 'protected') !== undefined
  if (!general && !flattened) return null
  const trimmed = payload.trim()
  let json = trimmed
  if (!trimmed.startsWith('{')) {
    json = Buffer.from(trimmed, 'base64url').toString('utf8')
    if (!json.trimStart().startsWith('{')) throw new ImportError('corrupt', `${hint.what} is a signed document whose content cannot be read.`)
  }
  return parseJson(json, { what: hint.what })
}

function readDocument(json: Json, ctx: ReadContext, hint: PayloadHint, claims: JsonObject | null, depth: number): ParsedCredential {
  const notOurs = () =>
    new ImportError('unknown_format', `${hint.what} is JSON, but not a badge or a credential that Skillfolio recognises.${hint.fileName ? nameHint(hint.fileName, 'json', 'JSON text') : ''}`)
  if (Array.isArray(json)) {
    const only = json.length === 1 ? json[0] : undefined
    if (isObject(only) && depth < MAX_NESTED_DOCUMENTS) {
      ctx.warnings.push('The credential is wrapped in a list of one; it was read anyway.')
      return readDocument(only, ctx, hint, claims, depth + 1)
    }
    throw new ImportError('unknown_format', `${hint.what} is a list of ${json.length.toLocaleString('en-US')} items, not a single badge or credential.`)
  }
  if (!isObject(json)) throw notOurs()
  const doc = json
  const types = typesOf(doc)

  if (depth < MAX_NESTED_DOCUMENTS) {
    const inner = unwrapJsonJws(doc, hint)
    if (inner !== null) {
      ctx.outerDocument ??= doc
      return readDocument(inner, ctx, hint, claims, depth + 1)
    }
  }
  if (hasType(types, 'VerifiablePresentation')) {
    const credentials = asArray(get(doc, 'verifiableCredential'))
    const only = credentials.length === 1 ? credentials[0] : undefined
    if (only !== undefined && depth < MAX_NESTED_DOCUMENTS) {
      ctx.warnings.push('The credential came inside a verifiable presentation; the credential itself was read.')
      if (typeof only === 'string' && isCompactJws(only.trim())) return readJwsPayload(only.trim(), ctx, hint)
      return readDocument(only, ctx, hint, null, depth + 1)
    }
    throw new ImportError('unknown_format', `${hint.what} is a verifiable presentation holding ${credentials.length} credentials; import the credentials one by one.`)
  }
  if (isBlockcerts(doc)) return readBlockcerts(doc, ctx)
  if (isEdc(doc)) return readEdc(doc, ctx)
  if (looksLikeVc(doc)) {
    if (STATUS_LIST_TYPES.some((t) => hasType(types, t)))
      throw new ImportError('no_credential', "This is a status list that an issuer publishes to revoke or suspend credentials, not a credential awarded to someone.")
    return readVc(doc, ctx, claims)
  }
  const id = str(get(doc, 'id'))
  if (id?.startsWith('did:') && (get(doc, 'verificationMethod') !== undefined || get(doc, 'authentication') !== undefined || get(doc, 'assertionMethod') !== undefined))
    throw new ImportError('no_credential', "This is a DID document (an issuer's public keys), not a credential.")
  if (isObject(get(doc, '@context')) && Object.keys(doc).length === 1)
    throw new ImportError('no_credential', 'This is a JSON-LD context (a vocabulary used by credentials), not a credential.')
  const kind = classifyOb2(doc)
  if (kind === 'assertion') return readOb2(doc, ctx)
  if (kind !== null) throw metadataError(kind, doc)
  throw notOurs()
}
