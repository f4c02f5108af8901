/**
 * W3C verifiable credentials: Open Badges 3.0 (OpenBadgeCredential, AchievementCredential,
 * EndorsementCredential), CLR 2.0 (ClrCredential) and any other VC (read generically, format
 * 'vc'). VC 1.1 (`issuanceDate`/`expirationDate`) and 2.0 (`validFrom`/`validUntil`), issuer as
 * a string or an object, type as a string or a list, subject and identifier as an object or a
 * list, JWT registered claims (iss, nbf, exp, jti, sub) as fallbacks, data: URI images.
 *
 * A CLR is summarised as one credential: its own name, issuer and dates, the skills of every
 * nested achievement, and `contents` (count and titles of what it bundles).
 */
import { decodeJws, credentialOfJwt } from './jws'
import { type CredentialFormat, type ParsedCredential } from './types'
import {
  type Json,
  type JsonObject,
  type ReadContext,
  addAlignments,
  addSkill,
  addTags,
  asArray,
  blankCredential,
  contextsOf,
  evidenceUrls,
  get,
  hasType,
  idOf,
  imageOf,
  isObject,
  parseDate,
  quote,
  str,
  text,
  typesOf,
} from './util'

export const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential']
const VC_CONTEXT = /^https?:\/\/(?:www\.)?w3\.org\/(?:2018\/credentials\/v1|ns\/credentials\/v2)$/i
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Status lists are published by issuers to revoke credentials; they are not awarded to anyone. */
export const STATUS_LIST_TYPES = ['BitstringStatusListCredential', 'StatusList2021Credential', 'RevocationList2020Credential', 'RevocationList2021Credential']

export function vcFormatOf(types: string[]): CredentialFormat {
  if (hasType(types, 'ClrCredential')) return 'clr2'
  if (OB3_TYPES.some((t) => hasType(types, t))) return 'ob3'
  return 'vc'
}

export const looksLikeVc = (doc: JsonObject) =>
  hasType(typesOf(doc), 'VerifiableCredential') || OB3_TYPES.some((t) => hasType(typesOf(doc), t)) || hasType(typesOf(doc), 'ClrCredential') || get(doc, 'credentialSubject') !== undefined

/** Unix seconds from a JWT claim, as an ISO timestamp (no warning: that is the JWT format). */
function claimDate(v: Json | undefined): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 253402300799) return null
  return new Date(Math.round(v) * 1000).toISOString().replace('.000Z', 'Z')
}

export function readVcIssuer(v: Json | undefined): ParsedCredential['issuer'] {
  if (typeof v === 'string') return { id: str(v), name: null, url: null }
  if (!isObject(v)) return { id: null, name: null, url: null }
  return { id: str(get(v, 'id')), name: text(get(v, 'name')), url: idOf(get(v, 'url')) }
}

function firstOf(v: Json | undefined): JsonObject | null {
  for (const item of asArray(v)) if (isObject(item)) return item
  return null
}

/** Recipient from a VC subject: `id`, `name`, and OB 3.0 identifiers (IdentityObject). */
export function readSubjectRecipient(subject: JsonObject | null, ctx: ReadContext, sub: string | null): ParsedCredential['recipient'] {
  const recipient: ParsedCredential['recipient'] = { name: null, identity: null, type: null, hashed: false, salt: null }
  if (subject === null) {
    if (sub !== null) Object.assign(recipient, { identity: sub, type: 'id' })
    return recipient
  }
  recipient.name = text(get(subject, 'name'))
  const rawIdentifiers = get(subject, 'identifier')
  if (isObject(rawIdentifiers)) ctx.warnings.push('The recipient\'s "identifier" is a single object instead of a list; it was read anyway.')
  const identifiers: NonNullable<ParsedCredential['recipient']['identifiers']> = []
  for (const item of asArray(rawIdentifiers)) {
    if (!isObject(item)) continue
    const identity = str(get(item, 'identityHash'))
    if (identity === null) continue
    const flag = get(item, 'hashed')
    const hashed = flag === true || flag === 'true'
    identifiers.push({ identity, type: str(get(item, 'identityType')), hashed, salt: hashed ? str(get(item, 'salt')) : null })
  }
  if (identifiers.length > 0) recipient.identifiers = identifiers
  const id = str(get(subject, 'id')) ?? sub
  const first = identifiers[0]
  if (id !== null) Object.assign(recipient, { identity: id, type: 'id' })
  else if (first !== undefined) Object.assign(recipient, { identity: first.identity, type: first.type, hashed: first.hashed, salt: first.salt })
  if (recipient.name === null && first !== undefined && !first.hashed && first.type === 'name') recipient.name = first.identity
  return recipient
}

function addAchievementSkills(out: Pick<ParsedCredential, 'skills' | 'otherAlignments'>, achievement: JsonObject): void {
  addAlignments(out, get(achievement, 'alignment') ?? get(achievement, 'alignments'), text(get(achievement, 'name')))
  addTags(out.skills, get(achievement, 'tag') ?? get(achievement, 'tags'))
  for (const key of ['fieldOfStudy', 'specialization']) {
    const name = text(get(achievement, key))
    if (name !== null) addSkill(out.skills, { name, framework: null, code: null, url: null, source: 'field' })
  }
}

/** The credential inside a nested CLR entry (object, or compact JWS string), or null. */
function nestedCredential(entry: Json, ctx: ReadContext): JsonObject | null {
  if (isObject(entry)) return entry
  if (typeof entry === 'string') {
    try {
      return credentialOfJwt(decodeJws(entry.trim(), 'A credential inside this learner record').payload)?.credential ?? null
    } catch {
      ctx.warnings.push('One credential inside this learner record is damaged and was skipped.')
    }
  }
  return null
}

function checkId(id: string | null, warnings: string[]): void {
  if (id === null) return
  if (/^urn:uuid:/i.test(id) && !UUID_URN.test(id)) warnings.push(`The credential's id ${quote(id, 70)} is not a valid UUID; it was kept as written.`)
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(id)) warnings.push(`The credential's id ${quote(id, 70)} is not a URI; it was kept as written.`)
}

/**
 * Reads a VC (OB 3.0, CLR 2.0 or generic). `claims` are the JWT claims when it came as a
 * VC-JWT (the payload itself when the credential is at the top level).
 */
export function readVc(doc: JsonObject, ctx: ReadContext, claims: JsonObject | null = null): ParsedCredential {
  const warnings = ctx.warnings
  const types = typesOf(doc)
  const format = vcFormatOf(types)
  const out = blankCredential(format, ctx, doc)
  if (typeof get(doc, 'type') === 'string') warnings.push(`The credential's type is a single word ("${str(get(doc, 'type'))}") instead of a list; it was read anyway.`)
  if (format === 'vc') warnings.push(`This is a verifiable credential of a kind Skillfolio does not know (${types.join(', ') || 'no type'}); only its general details were read.`)
  const contexts = contextsOf(doc)
  if (contexts.length > 0 && !contexts.some((c) => VC_CONTEXT.test(c))) warnings.push('The credential\'s @context does not include the W3C Verifiable Credentials context; it was read anyway.')

  out.sourceId = str(get(doc, 'id')) ?? (claims ? str(get(claims, 'jti')) : null)
  checkId(str(get(doc, 'id')), warnings)
  out.credentialName = text(get(doc, 'name'))

  out.issuer = readVcIssuer(get(doc, 'issuer'))
  if (out.issuer.id === null && claims) out.issuer.id = str(get(claims, 'iss'))
  if (out.issuer.id === null && out.issuer.name === null) warnings.push('This credential does not name its issuer.')

  out.issuedOn = parseDate(get(doc, 'validFrom'), 'start of validity (validFrom)', warnings) ?? parseDate(get(doc, 'issuanceDate'), 'issue date', warnings) ?? (claims ? claimDate(get(claims, 'nbf')) ?? claimDate(get(claims, 'iat')) : null)
  out.expiresOn = parseDate(get(doc, 'validUntil'), 'end of validity (validUntil)', warnings) ?? parseDate(get(doc, 'expirationDate'), 'expiry date', warnings) ?? (claims ? claimDate(get(claims, 'exp')) : null)
  const awarded = get(doc, 'awardedDate')
  if (awarded !== undefined) out.awardedOn = parseDate(awarded, 'award date', warnings)

  const subjects = asArray(get(doc, 'credentialSubject')).filter(isObject)
  if (subjects.length > 1) warnings.push(`This credential has ${subjects.length} subjects; only the first was read.`)
  const subject = subjects[0] ?? null
  out.recipient = readSubjectRecipient(subject, ctx, claims ? str(get(claims, 'sub')) : null)

  const achievement = subject ? firstOf(get(subject, 'achievement')) : null
  out.urls.evidence = evidenceUrls(get(doc, 'evidence'))
  if (out.image === null) out.image = imageOf(get(doc, 'image'), warnings)

  if (format === 'clr2') {
    readClr(out, subject, ctx)
    out.title = out.credentialName
    out.description = text(get(doc, 'description'))
    return out
  }

  if (achievement !== null) {
    out.title = text(get(achievement, 'name')) ?? out.credentialName
    out.description = text(get(achievement, 'description')) ?? text(get(doc, 'description'))
    const criteria = get(achievement, 'criteria')
    out.criteria = isObject(criteria) ? (text(get(criteria, 'narrative')) ?? idOf(get(criteria, 'id'))) : text(criteria)
    out.achievementType = str(get(achievement, 'achievementType'))
    const credits = get(achievement, 'creditsAvailable')
    out.achievement = {
      id: str(get(achievement, 'id')),
      humanCode: str(get(achievement, 'humanCode')),
      fieldOfStudy: text(get(achievement, 'fieldOfStudy')),
      specialization: text(get(achievement, 'specialization')),
      creditsAvailable: typeof credits === 'number' && Number.isFinite(credits) ? credits : null,
    }
    addAchievementSkills(out, achievement)
    if (out.image === null) out.image = imageOf(get(achievement, 'image'), warnings)
    const achievementId = str(get(achievement, 'id'))
    if (achievementId !== null && /^https?:\/\//i.test(achievementId)) out.urls.badge = achievementId
  } else {
    out.title = out.credentialName
    out.description = text(get(doc, 'description')) ?? (subject ? (text(get(subject, 'endorsementComment')) ?? text(get(subject, 'description'))) : null)
  }
  return out
}

function readClr(out: ParsedCredential, subject: JsonObject | null, ctx: ReadContext): void {
  const credentialTitles: string[] = []
  const achievementTitles: string[] = []
  let count = 0
  if (subject !== null) {
    for (const entry of asArray(get(subject, 'verifiableCredential'))) {
      const nested = nestedCredential(entry, ctx)
      if (nested === null) continue
      count++
      const nestedSubject = firstOf(get(nested, 'credentialSubject'))
      const achievement = nestedSubject ? firstOf(get(nestedSubject, 'achievement')) : null
      const title = text(get(nested, 'name')) ?? (achievement ? text(get(achievement, 'name')) : null)
      if (title !== null) credentialTitles.push(title)
      if (achievement) addAchievementSkills(out, achievement)
    }
    for (const a of asArray(get(subject, 'achievement'))) {
      if (!isObject(a)) continue
      const name = text(get(a, 'name'))
      if (name !== null) achievementTitles.push(name)
      addAchievementSkills(out, a)
    }
  }
  out.contents = { credentialCount: count, credentialTitles, achievementTitles }
  if (count > 0) ctx.warnings.push(`This learner record bundles ${count} credential${count === 1 ? '' : 's'}; they are summarised in this one entry, not imported one by one.`)
}
