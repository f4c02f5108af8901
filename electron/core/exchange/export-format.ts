/**
 * The Skillfolio export format, version 2: `portfolio.json` in a ZIP beside `originals/<sha256>`
 * and a README.txt. An open, documented format that outlives the database schema (a backup is the
 * database itself): plain JSON, every date an ISO string, money in minor units with its currency,
 * and every link between records an export-local reference ("c1", a credential's `ref`), never a
 * row id. This schema is the documentation of record; README_TEXT says the same in words.
 *
 * Included: the profile; skills (name, category, aliases, description, taxonomy reference);
 * work experience (with its skills and levels, and the person's word on the skills its title
 * infers); education; credentials with every field (kind, status, dates, hours, cost, credential
 * ID, verification URL, description, notes), their skills with where each came from (typed,
 * issuer alignment, badge tag, and a tag's review state), where an imported credential came from
 * (provenance), the verdicts of its last verification as stored, its original files, and the
 * other copy it is kept beside as a conflict; projects (skills, links, outcomes, the credentials
 * they used); custom target roles (with their weighted skills, and the posting text a role was
 * read from); saved resume variants (their choices, with the items they pin, hide or order named
 * by export refs, and where each was sent); saved learning plans (their budget, pace and target,
 * and their steps as edited, with what is done, when, and the credential that completed it).
 *
 * Excluded, and why: import batch history and per-file import records (an account of past
 * imports, meaningless once the records are in another portfolio); search indexes, caches and
 * the taxonomy catalog (rebuilt from the records and the app); issuer pins and registries (trust
 * decisions about issuers' keys, made in this portfolio; a backup keeps them); creation and update
 * timestamps (a portfolio restored from an export is new: its records are dated by the import);
 * settings (the backup folder is a path on one machine, and online checks stay as the new
 * portfolio has them: a file being imported must not switch network access on); rejected badge
 * tags (hidden links, not part of what a person sees); built-in catalog roles (part of the app);
 * learning plans whose role was deleted (the app no longer shows them); a decision about an
 * inferred skill the work entry's title no longer infers (not shown either). Progress figures of
 * a plan are not stored: they follow from its steps.
 *
 * Version 1 (no plans, inferred-skill decisions or conflicts) is still read: what it lacks is empty.
 */
import { z } from 'zod'
import { CREDENTIAL_KINDS, CREDENTIAL_STATUSES, SKILL_CATEGORIES, SKILL_LEVELS, SKILL_ORIGINS } from '../../shared/schemas'
import { VerificationResult } from '../../shared/verification'
import { StepPatchInput } from '../../shared/analysis'

export const EXPORT_FORMAT = 'skillfolio-export'
export const EXPORT_VERSION = 2
/** Older versions the import still reads (upgraded by `upgradeExport`). */
export const READABLE_VERSIONS: readonly number[] = [1, 2]
/** The JSON document's name inside the ZIP: its presence is what marks a ZIP as a Skillfolio export. */
export const PORTFOLIO_JSON = 'portfolio.json'
export const ORIGINALS_DIR = 'originals/'
export const README_TXT = 'README.txt'

const text = z.string()
const maybe = z.string().nullable()
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 lower-case hex digits)')
const CredentialRef = z.string().regex(/^c[1-9][0-9]*$/, 'must be a credential reference like "c1"')
const Link = z.object({ label: maybe, url: text })
const SkillUse = z.object({ name: text, level: z.enum(SKILL_LEVELS).nullable() })

export const ExportSkill = z.object({
  name: text,
  category: z.enum(SKILL_CATEGORIES),
  aliases: z.array(text),
  description: maybe,
  taxonomyUri: maybe,
})

export const ExportCredentialSkill = SkillUse.extend({
  origin: z.enum(SKILL_ORIGINS),
  /** Badge tags only: the tag as the badge wrote it, and the person's word on it so far. */
  tag: maybe,
  decision: z.enum(['pending', 'accepted']).nullable(),
})

/** Where an imported credential came from (null for one typed by hand). */
export const ExportProvenance = z.object({
  sourceFormat: text,
  sourceContainer: text,
  sourceId: maybe,
  issuedAt: maybe,
  contentSha256: sha256.nullable(),
  issuerId: maybe,
  recipientName: maybe,
  recipientIdentity: maybe,
  recipientHashed: z.boolean(),
  criteria: maybe,
  achievementType: maybe,
  imageSha256: sha256.nullable(),
  warnings: z.array(text),
})

export const ExportOriginal = z.object({ sha256, fileName: text, mediaType: text, sizeBytes: z.number().int().min(0) })

export const ExportCredential = z.object({
  ref: CredentialRef,
  title: text,
  kind: z.enum(CREDENTIAL_KINDS),
  status: z.enum(CREDENTIAL_STATUSES),
  provider: maybe,
  issuerName: maybe,
  issuerUrl: maybe,
  startedOn: maybe,
  earnedOn: maybe,
  expiresOn: maybe,
  hours: z.number().nullable(),
  cost: z.object({ amountMinor: z.number().int(), currency: text }).nullable(),
  credentialCode: maybe,
  verificationUrl: maybe,
  description: maybe,
  notes: maybe,
  skills: z.array(ExportCredentialSkill),
  provenance: ExportProvenance.nullable(),
  /** The verdicts of the last check, as they were stored: the result of past checks, not re-run on import. */
  verification: VerificationResult.nullable(),
  /** Original files (signed badge, certificate PDF, image), each in `originals/<sha256>`. */
  originals: z.array(ExportOriginal),
  /** The other copy of this credential, kept side by side as a conflict to settle (by its `ref`). */
  conflictWith: CredentialRef.nullable(),
})

export const ExportProject = z.object({
  title: text,
  role: maybe,
  summary: maybe,
  startedOn: maybe,
  endedOn: maybe,
  links: z.array(Link),
  outcomes: z.array(text),
  skills: z.array(SkillUse),
  /** The credentials the project used, by their `ref`. */
  credentials: z.array(CredentialRef),
})

export const ExportExperience = z.object({
  organization: text,
  title: text,
  location: maybe,
  startedOn: maybe,
  endedOn: maybe,
  description: maybe,
  skills: z.array(SkillUse),
  /** The person's word on skills the entry's title infers (by the catalog's skill key); undecided ones are not listed. */
  inferred: z.array(z.object({ key: text, name: text, decision: z.enum(['confirmed', 'rejected']) })),
})

export const ExportEducation = z.object({ institution: text, degree: maybe, field: maybe, startedOn: maybe, endedOn: maybe, description: maybe })

/** A target role the person made (or copied from the catalog, or read from a job posting). */
export const ExportRole = z.object({
  title: text,
  source: z.enum(['custom', 'posting', 'catalog-copy']),
  catalogId: maybe,
  description: maybe,
  postingText: maybe,
  skills: z.array(z.object({ name: text, weight: z.number(), essential: z.boolean() })),
})

/** A target role by name: a built-in one by its catalog id, or one of `roles` by its place (1 = roles[0]). */
const RoleChoice = z.union([z.strictObject({ catalog: text }), z.strictObject({ custom: z.number().int().min(1) })])

/**
 * A record named by its place in this export, for a resume variant's choices: c3 is credentials[2]
 * (its `ref`), p1 projects[0], x1 experience[0], e1 education[0], s1 skills[0].
 */
export const ItemRef = z.string().regex(/^[cpxes][1-9][0-9]*$/, 'must be an item reference like c3, p1, x1, e1 or s1')

/** A saved resume variant. `settings` are the Resume screen's choices without the role, whose items are ItemRefs. */
export const ExportVariant = z.object({
  name: text,
  sentTo: maybe,
  sentOn: maybe,
  /** The target role: a built-in one by its catalog id, or one of `roles` by its place (1 = roles[0]). */
  role: RoleChoice.nullable(),
  settings: z.record(z.string(), z.unknown()).and(z.object({ pinned: z.array(ItemRef), hidden: z.array(ItemRef), order: z.array(ItemRef) })),
})

/** One step of a saved learning plan, as the person left it (edited, reordered, done). */
export const ExportPlanStep = z.object({
  title: text,
  /** The skills the step teaches, by the catalog's skill key and their name. */
  skills: z.array(z.object({ key: text, name: text })),
  /** What kind of learning: the plan steps' kinds (shared/analysis.ts). */
  kind: StepPatchInput.shape.kind.unwrap(),
  reason: z.string(),
  hours: z.number(),
  /** Estimated cost, in the plan's currency. */
  costMinor: z.number().int(),
  notes: maybe,
  /** When the step was marked done (an ISO timestamp), or null. */
  doneAt: maybe,
  /** The credential that completed it, by its `ref`. */
  credential: CredentialRef.nullable(),
})

/** A saved learning plan for a target role; its progress follows from its steps. */
export const ExportPlan = z.object({
  title: text,
  role: RoleChoice,
  currency: text,
  budgetMinor: z.number().int().nullable(),
  hoursPerWeek: z.number().nullable(),
  targetDate: maybe,
  fullTime: z.boolean(),
  employer: maybe,
  steps: z.array(ExportPlanStep),
})

export const ExportProfile = z.object({
  fullName: maybe,
  headline: maybe,
  email: maybe,
  phone: maybe,
  location: maybe,
  website: maybe,
  links: z.array(Link),
  summary: maybe,
})

/** Lists keep the order the app shows them in (credentials and projects most recent first; skills and roles by name; plans last changed first). */
export const PortfolioExport = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  app: z.object({ name: z.literal('Skillfolio'), version: text }),
  profile: ExportProfile,
  skills: z.array(ExportSkill),
  experience: z.array(ExportExperience),
  education: z.array(ExportEducation),
  credentials: z.array(ExportCredential),
  projects: z.array(ExportProject),
  roles: z.array(ExportRole),
  variants: z.array(ExportVariant),
  plans: z.array(ExportPlan),
})
export type PortfolioExport = z.infer<typeof PortfolioExport>

/**
 * A version 1 document as version 2 (what version 1 did not hold is empty); a document of another
 * shape is returned as it is, for the schema to name what is wrong with it.
 */
export function upgradeExport(value: Record<string, unknown>): Record<string, unknown> {
  if (value.version !== 1) return value
  const each = (list: unknown, add: Record<string, unknown>) =>
    Array.isArray(list) ? list.map((item: unknown) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...add, ...item } : item)) : list
  return {
    ...value,
    version: 2,
    experience: each(value.experience, { inferred: [] }),
    credentials: each(value.credentials, { conflictWith: null }),
    plans: value.plans ?? [],
  }
}
export type ExportCredential = z.infer<typeof ExportCredential>

export const README_TEXT = `Skillfolio export (format "${EXPORT_FORMAT}", version ${EXPORT_VERSION})

${PORTFOLIO_JSON}
  Everything in the portfolio as readable JSON: profile, skills (with aliases and categories),
  work experience, education, credentials (every field, where each was imported from, and the
  verdicts of its last verification as they were stored), and projects (with the credentials
  they used, named by the credential's "ref", e.g. "c1"), your own target roles with their
  weighted skills, your saved resume variants, and your saved learning plans with their steps
  (what is done, when, and the credential that completed it). Dates are ISO (YYYY-MM-DD), money
  is in minor units (cents) with its currency.

${ORIGINALS_DIR}<sha256>
  The original files of the credentials (signed badges, certificate PDFs, images), byte for
  byte, each named by the SHA-256 hash of its content. A credential lists its files under
  "originals"; check a file with any SHA-256 tool (e.g. sha256sum).

To bring it back: skillfolio --db new.sqlite import this-file.zip (into a new, empty portfolio).
Not included: import history, search indexes, issuer pins and registries, and settings.
`
