/**
 * Blockcerts: v1.2 (a `document` + `receipt` wrapper), v2 (an Open Badges 2.0 assertion with
 * the Blockcerts context and a MerkleProof2017 `signature`) and v3 (a VC whose subject holds a
 * `claim`, on VC 1.1 or 2.0, with language-map names: English first, else the first).
 */
import { readOb2 } from './openbadges2'
import { readSubjectRecipient, readVcIssuer } from './openbadges3'
import { type ParsedCredential } from './types'
import {
  type JsonObject,
  type ReadContext,
  asArray,
  blankCredential,
  contextsOf,
  evidenceUrls,
  get,
  hasType,
  imageOf,
  isObject,
  parseDate,
  str,
  text,
  typesOf,
} from './util'

export function isBlockcerts(doc: JsonObject): boolean {
  if (hasType(typesOf(doc), 'BlockcertsCredential') || hasType(typesOf(doc), 'BlockchainCertificate')) return true
  if (isObject(get(doc, 'document')) && isObject(get(doc, 'receipt'))) return true
  return contextsOf(doc).some((c) => /blockcerts/i.test(c))
}

export function readBlockcerts(doc: JsonObject, ctx: ReadContext): ParsedCredential {
  const inner = get(doc, 'document')
  if (isObject(inner) && isObject(get(doc, 'receipt'))) return readV1(doc, inner, ctx)
  if (get(doc, 'credentialSubject') !== undefined) return readV3(doc, ctx)
  const out = readOb2(doc, ctx)
  out.format = 'blockcerts'
  const profile = get(doc, 'recipientProfile')
  const recipient = get(doc, 'recipient')
  const nested = isObject(recipient) ? get(recipient, 'recipientProfile') : undefined
  if (isObject(profile)) out.recipient.name = text(get(profile, 'name'))
  else if (isObject(nested)) {
    out.recipient.name = text(get(nested, 'name'))
    ctx.warnings.push('The recipient\'s profile is stored inside "recipient" instead of beside it; it was read anyway.')
  }
  return out
}

function readV1(outer: JsonObject, doc: JsonObject, ctx: ReadContext): ParsedCredential {
  const out = blankCredential('blockcerts', ctx, outer)
  const certificate = get(doc, 'certificate')
  const assertion = get(doc, 'assertion')
  const recipient = get(doc, 'recipient')
  if (isObject(certificate)) {
    out.title = text(get(certificate, 'name')) ?? text(get(certificate, 'title'))
    out.description = text(get(certificate, 'description'))
    out.issuer = readVcIssuer(get(certificate, 'issuer'))
    if (out.image === null) out.image = imageOf(get(certificate, 'image'), ctx.warnings)
  }
  if (isObject(assertion)) {
    out.sourceId = str(get(assertion, 'id')) ?? str(get(assertion, 'uid'))
    out.issuedOn = parseDate(get(assertion, 'issuedOn'), 'issue date', ctx.warnings)
    out.expiresOn = parseDate(get(assertion, 'expires'), 'expiry date', ctx.warnings)
    out.urls.evidence = evidenceUrls(get(assertion, 'evidence'))
  }
  if (isObject(recipient)) {
    const name = [text(get(recipient, 'givenName')), text(get(recipient, 'familyName'))].filter((p) => p !== null).join(' ')
    const hashed = get(recipient, 'hashed') === true
    out.recipient = { name: name || null, identity: str(get(recipient, 'identity')), type: str(get(recipient, 'type')), hashed, salt: hashed ? str(get(recipient, 'salt')) : null }
  }
  return out
}

function readV3(doc: JsonObject, ctx: ReadContext): ParsedCredential {
  const out = blankCredential('blockcerts', ctx, doc)
  const subject = asArray(get(doc, 'credentialSubject')).find(isObject) ?? null
  const claim = subject ? get(subject, 'claim') : undefined
  out.sourceId = str(get(doc, 'id'))
  if (out.sourceId !== null && !/^[a-z][a-z0-9+.-]*:/i.test(out.sourceId)) ctx.warnings.push(`The credential's id "${out.sourceId}" is not a URI (it lacks "urn:uuid:"); it was kept as written.`)
  out.credentialName = text(get(doc, 'name'))
  out.title = (isObject(claim) ? text(get(claim, 'name')) : null) ?? out.credentialName
  out.description = (isObject(claim) ? text(get(claim, 'description')) : null) ?? text(get(doc, 'description'))
  out.criteria = isObject(claim) ? (text(get(claim, 'criteria')) ?? (isObject(get(claim, 'criteria')) ? text(get(get(claim, 'criteria'), 'narrative')) : null)) : null
  out.issuer = readVcIssuer(get(doc, 'issuer'))
  out.issuedOn = parseDate(get(doc, 'validFrom'), 'start of validity (validFrom)', ctx.warnings) ?? parseDate(get(doc, 'issuanceDate'), 'issue date', ctx.warnings)
  out.expiresOn = parseDate(get(doc, 'validUntil'), 'end of validity (validUntil)', ctx.warnings) ?? parseDate(get(doc, 'expirationDate'), 'expiry date', ctx.warnings)
  out.recipient = readSubjectRecipient(subject, ctx, null)
  if (out.recipient.identity === null && subject !== null) {
    const email = str(get(subject, 'email'))
    if (email !== null) Object.assign(out.recipient, { identity: email, type: 'email' })
  }
  if (out.image === null) out.image = imageOf(get(doc, 'image'), ctx.warnings)
  return out
}
