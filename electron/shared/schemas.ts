/**
 * Domain schemas shared by the core, the shell and the renderer.
 * Pure TypeScript + zod: no Node, no DOM, no Electron (see ARCHITECTURE.md rule 1).
 * Every type the contract carries is inferred from a schema here, so validation
 * and typing can never drift apart.
 */
import { z } from 'zod'
import { LIMITS } from './limits'
import { isStoredText, optionalText, requiredText, safeText } from './text-rules'
import { VerificationResult } from './verification'

// ---------- primitives ----------

/** A calendar date as `YYYY-MM-DD`, checked to be a real day (2024-02-30 is refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date')

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return d <= days
}

/** ISO 4217 currency code. */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD or EUR')

/** Money is kept in integer minor units (cents) plus its currency, never as a float. */
export const Money = z.object({
  amountMinor: z.number().int('must be a whole number of minor units').min(0, 'cannot be negative').max(LIMITS.amountMinor),
  currency: CurrencyCode,
})
export type Money = z.infer<typeof Money>

// Every text field of every entity is built from the one rule in text-rules.ts: no NUL, no
// control characters, no bidirectional overrides or isolates; line breaks only in long text.
/** One line of text, trimmed (list filters). */
const line = (max: number) => safeText({ max })
/** A required one-line field: `${label} is required` when empty. */
const requiredLine = (label: string, max: number) => requiredText(max, `${label} is required`)
/** Optional one-line text: empty strings become null so the database never holds ''. */
const optionalLine = (max: number) => optionalText(max)
/** Optional long text (descriptions, notes, summaries): line breaks and tabs allowed, stored with LF. */
const optionalLong = (max: number) => optionalText(max, { multiline: true })

const webAddress = z.url({ protocol: /^https?$/, error: 'must be a web address starting with https:// or http://' })
export const HttpUrl = safeText({ max: LIMITS.urlChars }).pipe(webAddress)
// The text rule runs before the union, so a refused character is reported as itself, not as
// "Invalid input" (zod reports a union whose every branch failed that way).
const optionalUrl = safeText({ max: LIMITS.urlChars })
  .pipe(z.union([z.literal(''), webAddress]))
  .nullish()
  .transform((v) => (v ? v : null))
const optionalDate = IsoDate.nullish()
  .or(z.literal(''))
  .transform((v) => (v ? v : null))

// ---------- identifiers ----------

/**
 * Public ids carry their entity in a prefix (`cred-12`, `proj-3`, `skill-7`) so the
 * command line can `show`, `edit` or `remove` any id without being told its type.
 */
export const ENTITY_PREFIX = {
  credential: 'cred',
  project: 'proj',
  skill: 'skill',
  experience: 'exp',
  education: 'edu',
} as const
export type EntityType = keyof typeof ENTITY_PREFIX

const idOf = (entity: EntityType) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${ENTITY_PREFIX[entity]}-[1-9]\\d{0,14}$`), `must be a ${entity} id like ${ENTITY_PREFIX[entity]}-1`)
export const CredentialId = idOf('credential')
export const ProjectId = idOf('project')
export const SkillId = idOf('skill')
export const ExperienceId = idOf('experience')
export const EducationId = idOf('education')
export const AnyId = z
  .string()
  .trim()
  .regex(/^(cred|proj|skill|exp|edu)-[1-9]\d{0,14}$/, 'must be an id like cred-1, proj-1 or skill-1')

// ---------- enumerations ----------

export const CREDENTIAL_KINDS = ['platform', 'bootcamp', 'employer', 'academic', 'certification', 'badge', 'other'] as const
export const CredentialKind = z.enum(CREDENTIAL_KINDS, {
  error: () => `must be one of: ${CREDENTIAL_KINDS.join(', ')}`,
})
export type CredentialKind = z.infer<typeof CredentialKind>

export const CREDENTIAL_STATUSES = ['planned', 'in_progress', 'earned', 'expired', 'revoked'] as const
export const CredentialStatus = z.enum(CREDENTIAL_STATUSES, {
  error: () => `must be one of: ${CREDENTIAL_STATUSES.join(', ')}`,
})
export type CredentialStatus = z.infer<typeof CredentialStatus>

export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const
export const SkillLevel = z.enum(SKILL_LEVELS, { error: () => `must be one of: ${SKILL_LEVELS.join(', ')}` })
export type SkillLevel = z.infer<typeof SkillLevel>

export const SKILL_CATEGORIES = ['technology', 'knowledge', 'transversal', 'language', 'other'] as const
export const SkillCategory = z.enum(SKILL_CATEGORIES, {
  error: () => `must be one of: ${SKILL_CATEGORIES.join(', ')}`,
})
export type SkillCategory = z.infer<typeof SkillCategory>

// ---------- skills ----------

export const SkillName = requiredLine('Skill name', LIMITS.nameChars)

/** A skill as named inside a credential or project form: found by name or alias, else created. */
export const SkillRefInput = z.object({
  name: SkillName,
  level: SkillLevel.nullish().transform((v) => v ?? null),
})
export type SkillRefInput = z.input<typeof SkillRefInput>

// Lists carry no .default() here: zod applies defaults even inside .partial(), and a
// patch that omits `skills` must leave the skills alone. Create schemas add the defaults.
const skillRefList = z.array(SkillRefInput).max(LIMITS.skillsPerRecord, `at most ${LIMITS.skillsPerRecord} skills`)

/**
 * Where a credential's skill came from: typed by the person, stated by the issuer (an alignment,
 * a field of study, a learning outcome) or taken from a badge tag. Tags are loose words
 * ("awesome", "online"), so a tag skill waits for the person's word: pending (not evidence),
 * accepted (evidence like any other), rejected (hidden, and never added again by re-importing).
 */
export const SKILL_ORIGINS = ['typed', 'alignment', 'tag'] as const
export const SkillOrigin = z.enum(SKILL_ORIGINS, { error: () => `must be one of: ${SKILL_ORIGINS.join(', ')}` })
export type SkillOrigin = z.infer<typeof SkillOrigin>
export const TAG_DECISIONS = ['pending', 'accepted', 'rejected'] as const
export const TagDecision = z.enum(TAG_DECISIONS, { error: () => `must be one of: ${TAG_DECISIONS.join(', ')}` })
export type TagDecision = z.infer<typeof TagDecision>

/** A credential's skill: no `origin` keeps the origin of a link that exists, else it is typed. */
export const CredentialSkillRefInput = SkillRefInput.extend({ origin: SkillOrigin.optional() })
export type CredentialSkillRefInput = z.input<typeof CredentialSkillRefInput>
const credentialSkillList = z.array(CredentialSkillRefInput).max(LIMITS.skillsPerRecord, `at most ${LIMITS.skillsPerRecord} skills`)

const SkillFields = {
  name: SkillName,
  category: SkillCategory,
  aliases: z.array(requiredLine('Alias', LIMITS.nameChars)).max(LIMITS.aliasesPerSkill, `at most ${LIMITS.aliasesPerSkill} aliases`),
  description: optionalLong(LIMITS.mediumTextChars),
}
export const SkillInput = z.object({
  ...SkillFields,
  category: SkillFields.category.default('other'),
  aliases: SkillFields.aliases.default([]),
})
export type SkillInput = z.input<typeof SkillInput>
export const SkillPatch = z.object(SkillFields).partial()
export type SkillPatch = z.input<typeof SkillPatch>

export const SkillLink = z.object({
  id: z.string(),
  name: z.string(),
  category: SkillCategory,
  level: SkillLevel.nullable(),
  /** Credentials only: where the link came from (absent on projects and work entries: typed). */
  origin: SkillOrigin.optional(),
  /** Tag links only: the person's word so far (rejected links are not listed). */
  decision: z.enum(['pending', 'accepted']).optional(),
  /** Tag links only: the tag as the badge wrote it ("k8s" for Kubernetes). */
  tag: z.string().optional(),
})
export type SkillLink = z.infer<typeof SkillLink>

export const Skill = z.object({
  id: z.string(),
  name: z.string(),
  category: SkillCategory,
  aliases: z.array(z.string()),
  description: z.string().nullable(),
  taxonomyUri: z.string().nullable(),
  credentialCount: z.number().int(),
  projectCount: z.number().int(),
  /** Work entries the skill is linked to. */
  experienceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Skill = z.infer<typeof Skill>

export const SkillDetail = Skill.extend({
  credentials: z.array(z.object({ id: z.string(), title: z.string(), level: SkillLevel.nullable() })),
  projects: z.array(z.object({ id: z.string(), title: z.string(), level: SkillLevel.nullable() })),
  /** Work experience entries that list the skill: current first, then most recent. */
  experience: z.array(z.object({ id: z.string(), title: z.string(), organization: z.string(), level: SkillLevel.nullable() })),
})
export type SkillDetail = z.infer<typeof SkillDetail>

// ---------- credentials ----------

const CredentialFields = {
  title: requiredLine('Title', LIMITS.titleChars),
  kind: CredentialKind,
  status: CredentialStatus,
  provider: optionalLine(LIMITS.shortTextChars),
  issuerName: optionalLine(LIMITS.shortTextChars),
  issuerUrl: optionalUrl,
  startedOn: optionalDate,
  earnedOn: optionalDate,
  expiresOn: optionalDate,
  hours: z
    .number({ error: 'must be a number of hours' })
    .min(0, 'cannot be negative')
    .max(LIMITS.credentialHours, `must be at most ${LIMITS.credentialHours} hours`)
    .nullish()
    .transform((v) => v ?? null),
  cost: Money.nullish().transform((v) => v ?? null),
  credentialCode: optionalLine(LIMITS.shortTextChars),
  verificationUrl: optionalUrl,
  description: optionalLong(LIMITS.longTextChars),
  notes: optionalLong(LIMITS.longTextChars),
  skills: credentialSkillList,
}

/** Dates must be in order; checked on the whole record so a patch is checked after merging. */
export function credentialDateProblems(c: {
  startedOn: string | null
  earnedOn: string | null
  expiresOn: string | null
}): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = []
  if (c.startedOn && c.earnedOn && c.earnedOn < c.startedOn)
    problems.push({ path: 'earnedOn', message: 'cannot be before the start date' })
  if (c.earnedOn && c.expiresOn && c.expiresOn < c.earnedOn)
    problems.push({ path: 'expiresOn', message: 'cannot be before the date earned' })
  return problems
}

export const CredentialInput = z.object({
  ...CredentialFields,
  status: CredentialFields.status.default('earned'),
  skills: CredentialFields.skills.default([]),
})
export type CredentialInput = z.input<typeof CredentialInput>
export type CredentialValues = z.output<typeof CredentialInput>

/** The keys `credentialValuesAsStored` knows, in the schema's order (a test keeps them equal to CredentialInput's). */
export const CREDENTIAL_VALUE_KEYS = [
  'title', 'kind', 'status', 'provider', 'issuerName', 'issuerUrl', 'startedOn', 'earnedOn', 'expiresOn',
  'hours', 'cost', 'credentialCode', 'verificationUrl', 'description', 'notes', 'skills',
] as const

/** Web addresses found acceptable (`webAddress`, unchanged): an import meets the same issuer's few addresses again and again. */
const acceptedUrls = new Set<string>()

/**
 * What `CredentialInput.parse(draft)` gives, found without the schema when every field of
 * `draft` is already in the form the schema stores it — checked with the same text rule
 * (isStoredText), limits, date check and web-address schema — else null: then parse it with
 * CredentialInput, which words what is wrong. Imports clean what a file says before it is
 * checked, so nearly every imported credential is taken as it is, and the schema is not run
 * a second time over text already made acceptable. Nothing it accepts is refused or changed by
 * the schema (tests/core/credential-values.test.ts compares the two on hostile and random input).
 */
export function credentialValuesAsStored(draft: Readonly<Record<string, unknown>>): CredentialValues | null {
  const oneLine = (value: unknown, max: number, required = false): boolean =>
    value === null || value === undefined ? !required : typeof value === 'string' && value !== '' && isStoredText(value, { max })
  const long = (value: unknown, max: number): boolean =>
    value === null || value === undefined || (typeof value === 'string' && value !== '' && isStoredText(value, { max, multiline: true }))
  const url = (value: unknown): boolean => {
    if (value === null || value === undefined) return true
    if (typeof value !== 'string' || value === '' || !isStoredText(value, { max: LIMITS.urlChars })) return false
    if (acceptedUrls.has(value)) return true
    const result = webAddress.safeParse(value)
    if (!result.success || result.data !== value) return false
    if (acceptedUrls.size >= 1000) acceptedUrls.clear()
    acceptedUrls.add(value)
    return true
  }
  const date = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value))
  const d = draft
  if (
    !oneLine(d.title, LIMITS.titleChars, true) ||
    !(CREDENTIAL_KINDS as readonly unknown[]).includes(d.kind) ||
    !(d.status === undefined || (CREDENTIAL_STATUSES as readonly unknown[]).includes(d.status)) ||
    !oneLine(d.provider, LIMITS.shortTextChars) ||
    !oneLine(d.issuerName, LIMITS.shortTextChars) ||
    !url(d.issuerUrl) ||
    !date(d.startedOn) ||
    !date(d.earnedOn) ||
    !date(d.expiresOn) ||
    !(d.hours === null || d.hours === undefined) ||
    !(d.cost === null || d.cost === undefined) ||
    !oneLine(d.credentialCode, LIMITS.shortTextChars) ||
    !url(d.verificationUrl) ||
    !long(d.description, LIMITS.longTextChars) ||
    !long(d.notes, LIMITS.longTextChars)
  )
    return null
  const skills = d.skills === undefined ? [] : d.skills
  if (!Array.isArray(skills) || skills.length > LIMITS.skillsPerRecord) return null
  const links: CredentialValues['skills'] = []
  for (const s of skills as unknown[]) {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return null
    const { name, level, origin } = s as Record<string, unknown>
    if (!oneLine(name, LIMITS.nameChars, true) || !(level === null || level === undefined) || !(origin === undefined || (SKILL_ORIGINS as readonly unknown[]).includes(origin))) return null
    links.push(origin === undefined ? { name: name as string, level: null } : { name: name as string, level: null, origin: origin as SkillOrigin })
  }
  const text = (value: unknown) => (value === undefined ? null : (value as string | null))
  return {
    title: d.title as string,
    kind: d.kind as CredentialKind,
    status: (d.status ?? 'earned') as CredentialStatus,
    provider: text(d.provider),
    issuerName: text(d.issuerName),
    issuerUrl: text(d.issuerUrl),
    startedOn: text(d.startedOn),
    earnedOn: text(d.earnedOn),
    expiresOn: text(d.expiresOn),
    hours: null,
    cost: null,
    credentialCode: text(d.credentialCode),
    verificationUrl: text(d.verificationUrl),
    description: text(d.description),
    notes: text(d.notes),
    skills: links,
  }
}

export const CredentialPatch = z.object(CredentialFields).partial()
export type CredentialPatch = z.input<typeof CredentialPatch>

/**
 * One word for how far a credential can be trusted, derived from its verification (trustOf
 * and TRUST_WORDS in verdict.ts say which checks each needs and what it means).
 */
export const TRUST_LEVELS = ['verified', 'status_unchecked', 'signed', 'unverified', 'expired', 'not_yet_valid', 'problem', 'self_reported'] as const
export const Trust = z.enum(TRUST_LEVELS)
export type Trust = z.infer<typeof Trust>

export const Credential = z.object({
  id: z.string(),
  title: z.string(),
  kind: CredentialKind,
  status: CredentialStatus,
  provider: z.string().nullable(),
  issuerName: z.string().nullable(),
  issuerUrl: z.string().nullable(),
  startedOn: z.string().nullable(),
  earnedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  hours: z.number().nullable(),
  cost: Money.nullable(),
  credentialCode: z.string().nullable(),
  verificationUrl: z.string().nullable(),
  description: z.string().nullable(),
  notes: z.string().nullable(),
  skills: z.array(SkillLink),
  projects: z.array(z.object({ id: z.string(), title: z.string() })),
  evidence: z.array(z.object({ sha256: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number() })),
  /** Where an imported credential came from; null for credentials typed in by hand. */
  source: z
    .object({
      format: z.string(),
      container: z.string(),
      sourceId: z.string().nullable(),
      issuerId: z.string().nullable(),
      recipientName: z.string().nullable(),
      recipientIdentity: z.string().nullable(),
      recipientHashed: z.boolean(),
      criteria: z.string().nullable(),
      achievementType: z.string().nullable(),
      imageSha256: z.string().nullable(),
      warnings: z.array(z.string()),
    })
    .nullable(),
  /** The latest offline/online check; null when never checked (typed in by hand). */
  verification: VerificationResult.nullable(),
  trust: Trust,
  /**
   * Another copy of the same credential kept beside this one because they verify differently
   * (an import kept the worse-verified copy as a conflict rather than replacing or dropping
   * either); shown on both copies. Settle it with `credentials:resolveConflict`. Null otherwise.
   */
  conflictWith: z.object({ id: z.string(), title: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Credential = z.infer<typeof Credential>


// ---------- projects ----------

export const ProjectLinkSchema = z.object({
  label: optionalLine(LIMITS.nameChars),
  url: HttpUrl,
})

const ProjectFields = {
  title: requiredLine('Title', LIMITS.titleChars),
  role: optionalLine(LIMITS.shortTextChars),
  summary: optionalLong(LIMITS.longTextChars),
  startedOn: optionalDate,
  endedOn: optionalDate,
  links: z.array(ProjectLinkSchema).max(LIMITS.linksPerRecord, `at most ${LIMITS.linksPerRecord} links`),
  outcomes: z.array(requiredLine('Outcome', LIMITS.itemTextChars)).max(LIMITS.outcomesPerProject, `at most ${LIMITS.outcomesPerProject} outcomes`),
  skills: skillRefList,
  credentialIds: z.array(CredentialId).max(LIMITS.credentialsPerProject, `at most ${LIMITS.credentialsPerProject} credentials`),
}
export const ProjectInput = z.object({
  ...ProjectFields,
  links: ProjectFields.links.default([]),
  outcomes: ProjectFields.outcomes.default([]),
  skills: ProjectFields.skills.default([]),
  credentialIds: ProjectFields.credentialIds.default([]),
})
export type ProjectInput = z.input<typeof ProjectInput>
export type ProjectValues = z.output<typeof ProjectInput>
export const ProjectPatch = z.object(ProjectFields).partial()
export type ProjectPatch = z.input<typeof ProjectPatch>

export const Project = z.object({
  id: z.string(),
  title: z.string(),
  role: z.string().nullable(),
  summary: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  links: z.array(z.object({ label: z.string().nullable(), url: z.string() })),
  outcomes: z.array(z.string()),
  skills: z.array(SkillLink),
  credentials: z.array(z.object({ id: z.string(), title: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Project = z.infer<typeof Project>

// ---------- profile, experience, education ----------

export const ProfileInput = z.object({
  fullName: optionalLine(LIMITS.shortTextChars),
  headline: optionalLine(LIMITS.titleChars),
  email: safeText({ max: LIMITS.emailChars })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address like name@example.com')
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  phone: optionalLine(LIMITS.phoneChars),
  location: optionalLine(LIMITS.shortTextChars),
  website: optionalUrl,
  links: z.array(ProjectLinkSchema).max(LIMITS.linksPerRecord, `at most ${LIMITS.linksPerRecord} links`).default([]),
  summary: optionalLong(LIMITS.summaryChars),
})
export type ProfileInput = z.input<typeof ProfileInput>
export const Profile = z.object({
  fullName: z.string().nullable(),
  headline: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  website: z.string().nullable(),
  links: z.array(z.object({ label: z.string().nullable(), url: z.string() })),
  summary: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export type Profile = z.infer<typeof Profile>

const ExperienceFields = {
  organization: requiredLine('Organisation', LIMITS.shortTextChars),
  title: requiredLine('Job title', LIMITS.shortTextChars),
  location: optionalLine(LIMITS.shortTextChars),
  startedOn: optionalDate,
  endedOn: optionalDate,
  description: optionalLong(LIMITS.longTextChars),
  /** Skills used in the job, named as in a project form: found by name or alias, else created. */
  skills: skillRefList,
}
export const ExperienceInput = z.object({ ...ExperienceFields, skills: ExperienceFields.skills.default([]) })
export type ExperienceInput = z.input<typeof ExperienceInput>
export type ExperienceValues = z.output<typeof ExperienceInput>
export const ExperiencePatch = z.object(ExperienceFields).partial()
export type ExperiencePatch = z.input<typeof ExperiencePatch>
export const Experience = z.object({
  id: z.string(),
  organization: z.string(),
  title: z.string(),
  location: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  description: z.string().nullable(),
  skills: z.array(SkillLink),
})
export type Experience = z.infer<typeof Experience>

const EducationFields = {
  institution: requiredLine('Institution', LIMITS.shortTextChars),
  degree: optionalLine(LIMITS.shortTextChars),
  field: optionalLine(LIMITS.shortTextChars),
  startedOn: optionalDate,
  endedOn: optionalDate,
  description: optionalLong(LIMITS.longTextChars),
}
export const EducationInput = z.object(EducationFields)
export type EducationInput = z.input<typeof EducationInput>
export type EducationValues = z.output<typeof EducationInput>
export const EducationPatch = z.object(EducationFields).partial()
export type EducationPatch = z.input<typeof EducationPatch>
export const Education = z.object({
  id: z.string(),
  institution: z.string(),
  degree: z.string().nullable(),
  field: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  description: z.string().nullable(),
})
export type Education = z.infer<typeof Education>

// ---------- lists and search ----------

export const Paging = {
  limit: z.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.number().int().min(0).default(0),
}

/** List orders; `earned` is the default (`recent` = recently added or changed, the default before). */
export const CREDENTIAL_SORTS = ['recent', 'title', 'earned', 'expires', 'cost', 'hours'] as const
export const CredentialListQuery = z.object({
  text: line(LIMITS.shortTextChars).default(''),
  kind: CredentialKind.nullish().transform((v) => v ?? null),
  sort: z.enum(CREDENTIAL_SORTS).default('earned'),
  ...Paging,
})
export const CredentialSummary = Credential.pick({
  id: true,
  title: true,
  kind: true,
  status: true,
  provider: true,
  issuerName: true,
  earnedOn: true,
  expiresOn: true,
  hours: true,
  cost: true,
  trust: true,
}).extend({
  skillNames: z.array(z.string()),
  /** SHA-256 of the stored badge image (imported badges), for a thumbnail through `evidence:image`. */
  imageSha256: z.string().nullable(),
})
export type CredentialSummary = z.infer<typeof CredentialSummary>

/** List orders; `date` is the default (ongoing first, then by end date, then start date). */
export const PROJECT_SORTS = ['recent', 'title', 'started', 'date'] as const
export const ProjectListQuery = z.object({
  text: line(LIMITS.shortTextChars).default(''),
  sort: z.enum(PROJECT_SORTS).default('date'),
  ...Paging,
})
export const ProjectSummary = Project.pick({ id: true, title: true, role: true, startedOn: true, endedOn: true }).extend({
  skillNames: z.array(z.string()),
  credentialCount: z.number().int(),
})
export type ProjectSummary = z.infer<typeof ProjectSummary>

export const SKILL_SORTS = ['name', 'evidence', 'recent'] as const
export const SkillListQuery = z.object({
  text: line(LIMITS.shortTextChars).default(''),
  category: SkillCategory.nullish().transform((v) => v ?? null),
  sort: z.enum(SKILL_SORTS).default('name'),
  limit: z.number().int().min(1).max(LIMITS.skillPageSize).default(500),
  offset: z.number().int().min(0).default(0),
})

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() })

export const SearchHit = z.object({
  entity: z.enum(['credential', 'project', 'skill']),
  id: z.string(),
  title: z.string(),
  /** Matched text with the hits wrapped in \u0002 … \u0003 so any UI can highlight them safely. */
  snippet: z.string(),
})
export type SearchHit = z.infer<typeof SearchHit>

export const AppInfo = z.object({
  version: z.string(),
  dbPath: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({
    credentials: z.number().int(),
    projects: z.number().int(),
    skills: z.number().int(),
    experience: z.number().int(),
    education: z.number().int(),
  }),
})
export type AppInfo = z.infer<typeof AppInfo>

/** Everything a resume reads from the portfolio, as the contract returns it (one consistent read). */
export interface PortfolioSnapshot {
  profile: Profile
  experience: Experience[]
  education: Education[]
  credentials: Credential[]
  projects: Project[]
  skills: Skill[]
}
