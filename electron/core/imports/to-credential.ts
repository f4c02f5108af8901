import { CredentialInput } from '../../shared/schemas'
import { cleanImportedText } from '../../shared/text-rules'
import type { CredentialKind, CredentialValues } from '../../shared/schemas'
import type { ParsedCredential } from '../importers/types'
import { skillKey } from '../skills'

/** Source columns stored beside the credential (see migration 0004). */
export interface SourceColumns {
  sourceFormat: string
  sourceContainer: string
  sourceId: string | null
  issuerId: string | null
  recipientName: string | null
  recipientIdentity: string | null
  recipientHashed: number
  criteria: string | null
  achievementType: string | null
}

const KIND_BY_ACHIEVEMENT: Record<string, CredentialKind> = {
  certificate: 'certification',
  certification: 'certification',
  license: 'certification',
  licensure: 'certification',
  degree: 'academic',
  diploma: 'academic',
  associatedegree: 'academic',
  bachelordegree: 'academic',
  masterdegree: 'academic',
  doctoraldegree: 'academic',
  course: 'platform',
  microcredential: 'platform',
}

export function kindFor(parsed: ParsedCredential): CredentialKind {
  const type = parsed.achievementType?.toLowerCase().replace(/[^a-z]/g, '') ?? ''
  if (KIND_BY_ACHIEVEMENT[type]) return KIND_BY_ACHIEVEMENT[type]
  if (parsed.format === 'clr2' || parsed.format === 'edc') return 'academic'
  if (parsed.format === 'blockcerts') return 'certification'
  return 'badge'
}

const day = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null)
const httpUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null)
const clip = (s: string | null, max: number) => (s && s.length > max ? `${s.slice(0, max - 1)}…` : s)

/**
 * Text from a file under the portfolio's text rule (shared/text-rules.ts): escape sequences,
 * control characters and bidi overrides are taken out (line breaks become spaces in one-line
 * fields) and one warning per field says so. The file itself is stored byte for byte as it came,
 * so nothing is lost: only the copy shown in the portfolio is cleaned.
 */
function cleaner(warnings: string[]) {
  const told = new Set<string>()
  return (value: string | null | undefined, what: string, multiline = false): string | null => {
    if (value === null || value === undefined) return null
    const { text, removed } = cleanImportedText(value, multiline)
    if (removed > 0 && !told.has(what)) {
      told.add(what)
      warnings.push(`The ${what} held control or text-direction characters (${removed === 1 ? 'one character' : `${removed} characters`}), which were taken out; the original file is kept unchanged.`)
    }
    return text
  }
}
const blankToNull = (s: string | null) => (s && s.trim() ? s : null)

/**
 * Turns what a file said into a credential record. The result goes through the contract's
 * own schema; a field the schema refuses (an impossible date, a 3,000-character name) is
 * dropped with a warning instead of failing the import, since the meaning of the rest is clear.
 * Text is cleaned first (cleaner above), so a control character never fails a file either.
 */
export function toCredential(parsed: ParsedCredential): { values: CredentialValues; source: SourceColumns; warnings: string[] } {
  const warnings = [...parsed.warnings]
  const clean = cleaner(warnings)
  const issuerName = blankToNull(clean(parsed.issuer.name, 'issuer name'))
  const title =
    blankToNull(clean(parsed.title, 'title')) ??
    blankToNull(clean(parsed.credentialName, 'title')) ??
    (issuerName ? `Credential from ${issuerName}` : 'Badge (its name is not in the file)')
  // Link-only files already carry the importer's own warning about the missing name.
  if (!parsed.title && parsed.document !== null) warnings.push('The file does not name the achievement, so the title says who issued it.')
  const skills = dedupe(parsed.skills.map((s) => (clean(s.name, 'skill names') ?? '').trim()).filter((n) => n.length > 0 && n.length <= 120)).slice(0, 200)
  const code = clean(parsed.sourceId, 'credential id')
  const draft: Record<string, unknown> = {
    title: clip(title, 300),
    kind: kindFor(parsed),
    status: 'earned',
    provider: null,
    issuerName: clip(issuerName, 200),
    issuerUrl: httpUrl(parsed.issuer.url),
    earnedOn: day(parsed.issuedOn),
    expiresOn: day(parsed.expiresOn),
    credentialCode: code && code.length <= 200 ? code : null,
    verificationUrl: httpUrl(parsed.urls.verify),
    description: clip(clean(parsed.description, 'description', true), 20_000),
    skills: skills.map((name) => ({ name })),
  }
  const schema = CredentialInput
  let result = schema.safeParse(draft)
  for (let attempt = 0; !result.success && attempt < 5; attempt++) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0])
      if (field === 'title' || field === 'kind') continue
      warnings.push(`Ignored ${field}: ${issue.message}.`)
      draft[field] = field === 'skills' ? [] : null
    }
    result = schema.safeParse(draft)
  }
  if (!result.success) throw new Error(`Imported credential does not fit the schema: ${result.error.message}`)
  const values = result.data
  if (values.earnedOn && values.expiresOn && values.expiresOn < values.earnedOn) {
    warnings.push('The expiry date is before the issue date; the expiry date was ignored.')
    values.expiresOn = null
  }
  return {
    values,
    warnings,
    source: {
      sourceFormat: parsed.format,
      sourceContainer: parsed.container,
      // Identifiers stay as the file has them: finding the same credential again compares them.
      sourceId: parsed.sourceId,
      issuerId: parsed.issuer.id,
      recipientName: clean(parsed.recipient.name, 'recipient name'),
      recipientIdentity: parsed.recipient.identity,
      recipientHashed: parsed.recipient.hashed ? 1 : 0,
      criteria: clip(clean(parsed.criteria, 'criteria', true), 20_000),
      achievementType: parsed.achievementType,
    },
  }
}

/** One name per skill, as the skills module keys them ("Power-BI" and "power bi" are one). */
function dedupe(names: string[]): string[] {
  const seen = new Set<string>()
  return names.filter((n) => {
    const key = skillKey(n)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
