import { CredentialInput, credentialValuesAsStored } from '../../shared/schemas'
import { cleanImportedText } from '../../shared/text-rules'
import type { CredentialKind, CredentialValues, SkillOrigin } from '../../shared/schemas'
import type { ParsedCredential, ParsedSkill } from '../importers/types'
import { KIND_WORDS } from '../importers/alignments'
import { chooseTitle } from '../importers/naming'
import { skillKey } from '../skills'
import type { CredentialProvenance } from '../portfolio/credentials'

/** Source columns stored beside the credential (see migration 0004): what the file itself says. */
export type SourceColumns = Pick<
  CredentialProvenance,
  'sourceFormat' | 'sourceContainer' | 'sourceId' | 'issuerId' | 'recipientName' | 'recipientIdentity' | 'recipientHashed' | 'criteria' | 'achievementType'
>

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
  const chosen = chooseTitle(parsed)
  const title = blankToNull(clean(chosen.title, 'title')) ?? chosen.title
  const titleNote = titleWarning(chosen, parsed.document !== null)
  if (titleNote) warnings.push(titleNote)
  const alignmentNote = alignmentWarning(parsed)
  if (alignmentNote) warnings.push(alignmentNote)
  const skills = dedupe(
    parsed.skills.map((s) => ({ name: (clean(s.name, 'skill names') ?? '').trim(), origin: ORIGIN[s.source] })).filter((s) => s.name.length > 0 && s.name.length <= 120),
  ).slice(0, 200)
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
    skills,
  }
  // Text was cleaned above, so the values are nearly always in their stored form already: then
  // the same rule confirms it without a schema parse (credentialValuesAsStored); else the schema
  // parses them and says what to drop.
  const asStored = credentialValuesAsStored(draft)
  const schema = CredentialInput
  let result = asStored ? ({ success: true, data: asStored } as const) : schema.safeParse(draft)
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

/**
 * Where an imported skill came from: badge tags are loose words the person reviews; alignments,
 * fields of study and learning outcomes are the issuer's structured statements.
 */
const ORIGIN: Record<ParsedSkill['source'], SkillOrigin> = { tag: 'tag', alignment: 'alignment', field: 'alignment', skill: 'alignment' }

/**
 * One entry per skill, as the skills module keys them ("Power-BI" and "power bi" are one), in
 * the order first named; a skill both aligned and tagged is the issuer's alignment, not a tag.
 */
function dedupe(skills: { name: string; origin: SkillOrigin }[]): { name: string; origin: SkillOrigin }[] {
  const byKey = new Map<string, { name: string; origin: SkillOrigin }>()
  for (const s of skills) {
    const key = skillKey(s.name)
    const seen = byKey.get(key)
    if (!seen) byKey.set(key, { ...s })
    else if (seen.origin === 'tag' && s.origin !== 'tag') seen.origin = s.origin
  }
  return [...byKey.values()]
}

/** A name from the file inside a warning: one line, under the text rule, at most 80 characters. */
const named = (name: string) => `“${clip(cleanImportedText(name, false).text, 80)}”`

/** Says why the title is not the badge's own name; null when it is. */
function titleWarning(chosen: ReturnType<typeof chooseTitle>, hasDocument: boolean): string | null {
  // Link-only files already carry the importer's own warning about the missing name.
  if (!hasDocument) return null
  const placeholder = chosen.skipped.length ? `Its name (${chosen.skipped.map(named).join(', ')}) says nothing about it, so` : null
  switch (chosen.source) {
    case 'name':
      return null
    case 'issuer-date':
    case 'issuer-undated':
      return placeholder ? `${placeholder} it is titled by its issuer and date of issue.` : 'The file does not name the badge, so it is titled by its issuer and date of issue.'
    case 'untitled':
      return 'The file names neither the badge nor its issuer, so it is called “Untitled credential”; rename it when you know what it is.'
  }
}

/** "2 alignments name a level or a qualification (EQF level 5, …), not a skill, …"; null when there are none. */
function alignmentWarning(parsed: ParsedCredential): string | null {
  const others = parsed.otherAlignments ?? []
  if (!others.length) return null
  const kinds = [...new Set(others.map((o) => KIND_WORDS[o.kind]))]
  const names = others.slice(0, 3).map((o) => named(o.name)).join(', ') + (others.length > 3 ? ', …' : '')
  const what = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}` : kinds[0]
  return others.length === 1
    ? `The alignment ${names} names ${what}, not a skill, so it was not added as a skill.`
    : `${others.length} alignments name ${what}, not skills (${names}), so they were not added as skills.`
}
