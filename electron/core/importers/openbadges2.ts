/**
 * Open Badges 0.5, 1.0/1.1 and 2.0 assertions, with the deviations real files show (MANIFEST
 * "What real files do"): `verify` instead of `verification`, lower-case verification types,
 * `issuedOn` as Unix seconds / a plain date / microseconds / an impossible date, `issued_on`,
 * swapped `identity`/`recipient`, recipient type `id`, unsalted hashes, string or object badge
 * and issuer, embedded BadgeClass and Issuer, 1.0 alignments (`name`/`url`), tags, criteria
 * narratives and data: URI images.
 *
 * BadgeClass-only, Issuer-only, CryptographicKey, RevocationList and Endorsement documents are
 * metadata, not awarded badges: they are refused with ImportError 'no_credential' and a
 * sentence saying what the file is.
 */
import { ImportError, type CredentialFormat, type ParsedCredential } from './types'
import {
  type Json,
  type JsonObject,
  type ReadContext,
  addAlignments,
  addTags,
  blankCredential,
  contextsOf,
  evidenceUrls,
  get,
  hasType,
  idOf,
  imageOf,
  isHttpUrl,
  isObject,
  parseDate,
  quote,
  str,
  text,
  typesOf,
} from './util'

export type Ob2DocumentKind = 'assertion' | 'badgeclass' | 'issuer' | 'key' | 'revocationlist' | 'endorsement'

const has = (o: JsonObject, key: string) => get(o, key) !== undefined
const OB2_CONTEXT = /(?:w3id\.org\/openbadges\/v2|openbadgespec\.org\/v2)/i
const HASH = /^(?:sha1|sha256|sha384|sha512|md5)\$/i

/** What kind of Open Badges 0.5–2.0 document this is, or null when it is none. */
export function classifyOb2(doc: JsonObject): Ob2DocumentKind | null {
  const types = typesOf(doc)
  if (hasType(types, 'Assertion')) return 'assertion'
  if (hasType(types, 'BadgeClass')) return 'badgeclass'
  if (hasType(types, 'Issuer') || hasType(types, 'Profile')) return 'issuer'
  if (hasType(types, 'CryptographicKey') || has(doc, 'publicKeyPem')) return 'key'
  if (hasType(types, 'RevocationList') || has(doc, 'revokedAssertions')) return 'revocationlist'
  if (hasType(types, 'Endorsement')) return 'endorsement'
  if (has(doc, 'recipient') || has(doc, 'badge') || has(doc, 'issuedOn') || has(doc, 'issued_on') || has(doc, 'uid') || has(doc, 'identity')) return 'assertion'
  if ((has(doc, 'verify') || has(doc, 'verification')) && !has(doc, 'name')) return 'assertion'
  if (has(doc, 'name') && (has(doc, 'criteria') || has(doc, 'issuer') || has(doc, 'alignment') || has(doc, 'tags'))) return 'badgeclass'
  if (has(doc, 'name') && (has(doc, 'url') || has(doc, 'email') || has(doc, 'origin'))) return 'issuer'
  return null
}

/** The refusal for metadata documents (everything but an assertion). */
export function metadataError(kind: Exclude<Ob2DocumentKind, 'assertion'>, doc: JsonObject): ImportError {
  const name = text(get(doc, 'name'))
  const named = name !== null ? ` (${quote(name)})` : ''
  switch (kind) {
    case 'badgeclass':
      return new ImportError('no_credential', `This is a badge description${named}, not an awarded badge: it says what the badge is but not who earned it. Import the badge you received (a baked image or an assertion file) instead.`)
    case 'issuer':
      return new ImportError('no_credential', `This file describes a badge issuer${named}, not a badge awarded to someone.`)
    case 'key':
      return new ImportError('no_credential', "This is an issuer's public key, used to check signatures, not a badge.")
    case 'revocationlist':
      return new ImportError('no_credential', "This is an issuer's list of revoked badges, not a badge.")
    case 'endorsement':
      return new ImportError('no_credential', 'This is an endorsement of a badge or an issuer, not a badge awarded to someone.')
  }
}

function criteriaOf(v: Json | undefined): string | null {
  return text(v) ?? (isObject(v) ? (text(get(v, 'narrative')) ?? idOf(get(v, 'id')) ?? str(get(v, 'url'))) : null)
}

function readIssuer(v: Json | undefined): ParsedCredential['issuer'] {
  if (typeof v === 'string') return { id: str(v), name: null, url: null }
  if (!isObject(v)) return { id: null, name: null, url: null }
  return { id: str(get(v, 'id')), name: text(get(v, 'name')), url: idOf(get(v, 'url')) ?? str(get(v, 'origin')) }
}

function readRecipient(doc: JsonObject, ctx: ReadContext): ParsedCredential['recipient'] {
  const warnings = ctx.warnings
  let raw = get(doc, 'recipient')
  const identity = get(doc, 'identity')
  if (isObject(identity) && has(identity, 'recipient') && !isObject(raw)) {
    raw = { ...identity, identity: get(identity, 'recipient') ?? null }
    warnings.push('The recipient is stored under "identity" with the value under "recipient" (the two keys are swapped); it was read anyway.')
  }
  if (typeof raw === 'string') {
    const value = raw.trim()
    if (HASH.test(value)) return { name: null, identity: value, type: 'email', hashed: true, salt: str(get(doc, 'salt')) }
    return { name: null, identity: value || null, type: value.includes('@') ? 'email' : null, hashed: false, salt: null }
  }
  if (!isObject(raw)) return { name: null, identity: null, type: null, hashed: false, salt: null }
  const value = str(get(raw, 'identity'))
  const flag = get(raw, 'hashed')
  const hashed = flag === true || flag === 'true' || (flag === undefined && value !== null && HASH.test(value))
  const salt = str(get(raw, 'salt')) ?? (hashed ? str(get(doc, 'salt')) : null)
  if (hashed && value !== null && !HASH.test(value)) warnings.push('The recipient is marked as hashed, but the value does not name a hash algorithm.')
  return { name: text(get(raw, 'name')), identity: value, type: str(get(raw, 'type')), hashed, salt: hashed ? salt : null }
}

/** Simple values of OB 2.0 extensions ("extensions:LanguageExtension": {"Language": "nl_NL"}). */
function readExtensions(doc: JsonObject): Record<string, string | number | boolean> | undefined {
  let out: Record<string, string | number | boolean> | undefined
  for (const key of Object.keys(doc)) {
    if (!key.startsWith('extensions:')) continue
    const ext = doc[key]
    if (!isObject(ext)) continue
    for (const [prop, value] of Object.entries(ext)) {
      if (prop === '@context' || prop === 'type' || prop === 'id' || prop === '@type') continue
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        out ??= {}
        out[prop in out ? `${key.slice(11)}.${prop}` : prop] = value
      }
    }
  }
  return out
}

function versionOf(doc: JsonObject, ctx: ReadContext): CredentialFormat {
  const contexts = contextsOf(doc)
  const badge = get(doc, 'badge')
  if (contexts.some((c) => OB2_CONTEXT.test(c))) return 'ob2'
  if (has(doc, '@context')) {
    if (hasType(typesOf(doc), 'Assertion')) {
      ctx.warnings.push(`The @context (${quote(contexts[0] ?? 'not a link', 80)}) is not the Open Badges 2.0 context; the assertion was read as Open Badges 2.0 anyway.`)
      return 'ob2'
    }
  }
  if (typeof get(doc, 'recipient') === 'string' || (isObject(badge) && (str(get(badge, 'version')) ?? '').startsWith('0.5'))) return 'ob0.5'
  if (hasType(typesOf(doc), 'Assertion')) return 'ob2'
  return 'ob1'
}

/**
 * Reads an Open Badges 0.5–2.0 assertion. Stubs that hold only a hosted URL
 * (`{"verify": {"url": …}}`, as some bakers write) become a link-only credential.
 */
export function readOb2(doc: JsonObject, ctx: ReadContext): ParsedCredential {
  const warnings = ctx.warnings
  const format = versionOf(doc, ctx)
  const out = blankCredential(format, ctx, doc)

  // Verification: 1.x "verify" or 2.0 "verification", with lower-case aliases.
  const verification = get(doc, 'verification') ?? get(doc, 'verify')
  if (format === 'ob2' && !has(doc, 'verification') && has(doc, 'verify')) warnings.push('This Open Badges 2.0 assertion uses the 1.x key "verify" instead of "verification"; it was read anyway.')
  // "hosted"/"signed" (1.x, and aliases in the 2.0 context) and "HostedBadge"/"SignedBadge".
  const vtype = isObject(verification) ? (str(get(verification, 'type'))?.toLowerCase() ?? null) : null
  const id = str(get(doc, 'id'))
  const verifyUrl = (isObject(verification) ? str(get(verification, 'url')) : str(verification)) ?? ctx.verifyUrl ?? ((vtype === 'hosted' || vtype === 'hostedbadge') && isHttpUrl(id) ? id : null)
  out.urls.verify = verifyUrl

  const badge = get(doc, 'badge')
  const recipient = get(doc, 'recipient') ?? get(doc, 'identity')
  const issued = get(doc, 'issuedOn') ?? get(doc, 'issued_on')
  if (badge === undefined || badge === null) {
    if (recipient === undefined && issued === undefined && verifyUrl !== null) return linkOnly(out, verifyUrl)
    throw new ImportError('invalid_credential', 'This badge file does not say which badge was awarded (it has no "badge" part), so it cannot be imported.')
  }

  out.sourceId = id ?? (isObject(verification) ? str(get(verification, 'url')) : null) ?? str(get(doc, 'uid'))
  out.recipient = readRecipient(doc, ctx)
  if (get(doc, 'issuedOn') === undefined && get(doc, 'issued_on') !== undefined && format !== 'ob0.5') warnings.push('The issue date is written "issued_on" (Open Badges 0.5 style) instead of "issuedOn"; it was read anyway.')
  out.issuedOn = parseDate(issued, 'issue date', warnings)
  out.expiresOn = parseDate(get(doc, 'expires'), 'expiry date', warnings)
  out.urls.evidence = evidenceUrls(get(doc, 'evidence'))
  const extensions = readExtensions(doc)
  if (extensions) out.extensions = extensions

  if (typeof badge === 'string') {
    out.urls.badge = badge.trim() || null
  } else if (isObject(badge)) {
    out.title = text(get(badge, 'name'))
    out.description = text(get(badge, 'description'))
    out.criteria = criteriaOf(get(badge, 'criteria'))
    out.achievementType = str(get(badge, 'achievementType'))
    out.issuer = readIssuer(get(badge, 'issuer'))
    const badgeId = str(get(badge, 'id'))
    out.urls.badge = isHttpUrl(badgeId) ? badgeId : null
    addAlignments(out, get(badge, 'alignment') ?? get(badge, 'alignments'), out.title)
    addTags(out.skills, get(badge, 'tags'))
    const badgeExtensions = readExtensions(badge)
    if (badgeExtensions) out.extensions = { ...badgeExtensions, ...out.extensions }
    if (out.image === null) out.image = imageOf(get(doc, 'image'), warnings) ?? imageOf(get(badge, 'image'), warnings)
  } else {
    throw new ImportError('invalid_credential', 'The "badge" part of this badge file is neither a link nor a description, so it cannot be imported.')
  }
  if (out.image === null) out.image = imageOf(get(doc, 'image'), warnings)
  return out
}

/** A credential known only by the link to its hosted assertion (legacy baking, stubs). */
export function linkOnly(out: ParsedCredential, url: string): ParsedCredential {
  out.sourceId = url
  out.urls.verify = url
  out.warnings.push(`This badge holds only a link to its details (${url}); its name, issuer and dates are not in the file.`)
  return out
}
