/**
 * European Digital Credentials (EDC / ELM 3, VC 1.1 JSON-LD): best effort. Title from the first
 * claim (`hasClaim.title`), the display title as the credential name, the issuer and the
 * awarding body, dates, the person's name and e-mail, the degree programme, and the first
 * display image; every text is a language map (English first, else the first language).
 * The JAdES (eIDAS) signed form wraps the same credential as a string `payload`; index/payload
 * unwrap it and keep the whole signed object as `document`.
 */
import { type ParsedCredential } from './types'
import {
  type Json,
  type JsonObject,
  type ReadContext,
  addSkill,
  asArray,
  blankCredential,
  contextsOf,
  decodeDataUri,
  get,
  hasType,
  idOf,
  isObject,
  parseDate,
  str,
  text,
  typesOf,
} from './util'

export function isEdc(doc: JsonObject): boolean {
  const types = typesOf(doc)
  return hasType(types, 'EuropeanDigitalCredential') || hasType(types, 'EuropassCredential') || contextsOf(doc).some((c) => /data\.europa\.eu\/snb/i.test(c))
}

const first = (v: Json | undefined): JsonObject | null => asArray(v).find(isObject) ?? null

function organisation(v: Json | undefined): { id: string | null; name: string | null; url: string | null } | null {
  const org = first(v)
  if (org === null) return typeof v === 'string' ? { id: str(v), name: null, url: null } : null
  const homepage = first(get(org, 'homepage'))
  return {
    id: str(get(org, 'id')),
    name: text(get(org, 'legalName')) ?? text(get(org, 'name')) ?? text(get(org, 'prefLabel')),
    url: (homepage ? (str(get(homepage, 'contentURL')) ?? idOf(get(homepage, 'id'))) : null) ?? str(get(org, 'homepage')),
  }
}

const MEDIA_TYPES: Record<string, string> = { PNG: 'image/png', JPEG: 'image/jpeg', JPG: 'image/jpeg', SVG: 'image/svg+xml', GIF: 'image/gif' }

/** The first display image (base64 MediaObject), decoded. */
function displayImage(doc: JsonObject, warnings: string[]): ParsedCredential['image'] {
  const display = first(get(doc, 'displayParameter'))
  const individual = display ? first(get(display, 'individualDisplay')) : null
  const detail = individual ? first(get(individual, 'displayDetail')) : null
  const media = detail ? first(get(detail, 'image')) : null
  const content = media ? str(get(media, 'content')) : null
  if (media === null || content === null) return null
  const typeId = idOf(get(media, 'contentType')) ?? ''
  const mediaType = MEDIA_TYPES[typeId.slice(typeId.lastIndexOf('/') + 1).toUpperCase()] ?? 'application/octet-stream'
  return decodeDataUri(`data:${mediaType};base64,${content}`, warnings)
}

export function readEdc(doc: JsonObject, ctx: ReadContext): ParsedCredential {
  const warnings = ctx.warnings
  const out = blankCredential('edc', ctx, doc)
  out.sourceId = str(get(doc, 'id'))
  const subject = first(get(doc, 'credentialSubject'))
  const claims = subject ? asArray(get(subject, 'hasClaim')).filter(isObject) : []
  const claim = claims[0] ?? null
  if (claims.length > 1) warnings.push(`This European Digital Credential holds ${claims.length} claims; the first one gives its title.`)
  const display = first(get(doc, 'displayParameter'))
  out.credentialName = (display ? text(get(display, 'title')) : null) ?? text(get(doc, 'title')) ?? text(get(doc, 'name'))
  out.title = (claim ? text(get(claim, 'title')) : null) ?? out.credentialName
  out.description = claim ? text(get(claim, 'description')) : null
  const issuer = organisation(get(doc, 'issuer'))
  if (issuer) out.issuer = issuer
  const awarded = claim ? first(get(claim, 'awardedBy')) : null
  const body = awarded ? organisation(get(awarded, 'awardingBody')) : null
  if (body) out.awardedBy = body
  out.issuedOn = parseDate(get(doc, 'validFrom'), 'start of validity (validFrom)', warnings) ?? parseDate(get(doc, 'issuanceDate'), 'issue date', warnings) ?? parseDate(get(doc, 'issued'), 'issue date', warnings)
  out.expiresOn = parseDate(get(doc, 'validUntil'), 'end of validity (validUntil)', warnings) ?? parseDate(get(doc, 'expirationDate'), 'expiry date', warnings)
  if (subject) {
    const given = text(get(subject, 'givenName'))
    const family = text(get(subject, 'familyName'))
    out.recipient.name = text(get(subject, 'fullName')) ?? ([given, family].filter(Boolean).join(' ') || null)
    const contact = first(get(subject, 'contactPoint'))
    const email = contact ? idOf(get(contact, 'emailAddress')) : null
    if (email !== null) Object.assign(out.recipient, { identity: email.replace(/^mailto:/i, ''), type: 'email' })
    else if (str(get(subject, 'id')) !== null) Object.assign(out.recipient, { identity: str(get(subject, 'id')), type: 'id' })
    const programme = first(get(subject, 'degreeProgramme'))
    const programmeTitle = programme ? text(get(programme, 'programmeTitle')) : null
    if (programmeTitle !== null) addSkill(out.skills, { name: programmeTitle, framework: null, code: null, url: null, source: 'field' })
  }
  for (const c of claims) {
    const spec = first(get(c, 'specifiedBy'))
    for (const outcome of spec ? asArray(get(spec, 'learningOutcome')) : []) {
      const name = isObject(outcome) ? text(get(outcome, 'title')) : null
      if (name !== null) addSkill(out.skills, { name, framework: null, code: null, url: idOf(outcome), source: 'skill' })
    }
  }
  if (out.image === null) out.image = displayImage(doc, warnings)
  warnings.push('This is a European Digital Credential; Skillfolio read its main details only.')
  return out
}
