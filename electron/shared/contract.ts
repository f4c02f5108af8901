/**
 * THE api. Every channel the renderer, the command line and the test bridge can call,
 * with the zod schema of its input and of its output. Channel names exist only here:
 * main registers handlers from this object, the preload exposes exactly its keys.
 */
import { z } from 'zod'
import * as s from './schemas'
import * as imp from './imports'
import * as t from './trust'
import { VerificationResult } from './verification'
import * as a from './analysis'
import * as r from './resume'
import type { Result } from './errors'
import type { ExperienceInference } from './evidence'
import type { TagGroup, TagReview } from './tags'
import { CHANNEL_NAMES, type Channel } from './channels'
import { requiredText, safeText } from './text-rules'
import * as b from './backup'
import type { JsonResumeImport, LinkedInImport } from './exchange'
import { ShareBundleInput, type ShareBundle } from './share'
import type { CertificatePreview } from './certificates'
import { LIMITS, MB } from './limits'
import * as rem from './reminders'

const ById = <T extends z.ZodType>(id: T) => z.object({ id })
const Deleted = z.object({ id: z.string() })
const None = z.strictObject({}).default({})
const out = <T>() => z.custom<T>()
const JsonResumeText = z.string().min(1, 'is empty').max(LIMITS.jsonResumeChars, `must be at most ${LIMITS.jsonResumeChars / MB} MB of text`)
/** Keys of a preview's entries (ExchangeItem.key) the person chose not to bring in. */
const LeaveOut = { leaveOut: z.array(z.string().max(200)).max(100_000, 'at most 100,000 entries').default([]) }
/** A LinkedIn export as bytes (the ZIP, base64) or as its unpacked CSV files' text: never a path, so the window may send one. */
const LinkedInSource = z.union([
  z.strictObject({ zip: z.string().min(1, 'is empty').max(LIMITS.linkedInZipBase64Chars, `must be at most ${LIMITS.linkedInZipBytes / MB} MB`), ...LeaveOut }),
  z.strictObject({
    files: z
      .array(z.strictObject({ name: z.string().min(1).max(LIMITS.fileNameChars), text: z.string().max(LIMITS.linkedInCsvBytes, `must be at most ${LIMITS.linkedInCsvBytes / MB} MB of text`) }))
      .min(1, 'names no file')
      .max(100, 'at most 100 files'),
    ...LeaveOut,
  }),
])
/** A certificate PDF as its bytes (base64) and name: never a path, so the window may send one. */
const CertificatePdf = {
  pdf: z.string().min(1, 'is empty').max(LIMITS.importBase64Chars, `must be at most ${LIMITS.importFileBytes / MB} MB`),
  fileName: z.string().min(1, 'is empty').max(LIMITS.fileNameChars),
}

export const contract = {
  'app:info': { input: z.object({}).default({}), output: s.AppInfo },
  'app:loadDemo': {
    input: z.object({}).default({}),
    output: z.object({ credentials: z.number().int(), projects: z.number().int(), skills: z.number().int() }),
  },

  'credentials:list': { input: s.CredentialListQuery, output: s.page(s.CredentialSummary) },
  'credentials:get': { input: ById(s.CredentialId), output: s.Credential },
  'credentials:create': { input: s.CredentialInput, output: s.Credential },
  'credentials:update': { input: z.object({ id: s.CredentialId, patch: s.CredentialPatch }), output: s.Credential },
  'credentials:delete': { input: ById(s.CredentialId), output: Deleted },
  /**
   * Settles two copies of one credential kept side by side (`conflictWith`): deletes `discard`
   * and clears the mark, in one transaction; answers the kept credential.
   */
  'credentials:resolveConflict': { input: z.object({ keep: s.CredentialId, discard: s.CredentialId }), output: s.Credential },

  'projects:list': { input: s.ProjectListQuery, output: s.page(s.ProjectSummary) },
  'projects:get': { input: ById(s.ProjectId), output: s.Project },
  'projects:create': { input: s.ProjectInput, output: s.Project },
  'projects:update': { input: z.object({ id: s.ProjectId, patch: s.ProjectPatch }), output: s.Project },
  'projects:delete': { input: ById(s.ProjectId), output: Deleted },

  'skills:list': { input: s.SkillListQuery, output: s.page(s.Skill) },
  'skills:get': { input: ById(s.SkillId), output: s.SkillDetail },
  /** Type-ahead for the skill picker: existing skills whose name or alias starts with / contains the text. */
  'skills:suggest': {
    input: z.object({ text: safeText({ max: 120, trim: false }), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(z.object({ id: z.string(), name: z.string(), category: s.SkillCategory, matchedAlias: z.string().nullable() })),
  },
  'skills:create': { input: s.SkillInput, output: s.Skill },
  'skills:update': { input: z.object({ id: s.SkillId, patch: s.SkillPatch }), output: s.Skill },
  'skills:delete': { input: ById(s.SkillId), output: Deleted },
  /** Folds `sourceId` into `targetId`: links move over, the source name becomes an alias. */
  'skills:merge': { input: z.object({ sourceId: s.SkillId, targetId: s.SkillId }), output: s.Skill },

  'profile:get': { input: z.object({}).default({}), output: s.Profile },
  'profile:update': { input: s.ProfileInput, output: s.Profile },

  'experience:list': { input: z.object({}).default({}), output: z.array(s.Experience) },
  'experience:create': { input: s.ExperienceInput, output: s.Experience },
  'experience:update': { input: z.object({ id: s.ExperienceId, patch: s.ExperiencePatch }), output: s.Experience },
  'experience:delete': { input: ById(s.ExperienceId), output: Deleted },

  'education:list': { input: z.object({}).default({}), output: z.array(s.Education) },
  'education:create': { input: s.EducationInput, output: s.Education },
  'education:update': { input: z.object({ id: s.EducationId, patch: s.EducationPatch }), output: s.Education },
  'education:delete': { input: ById(s.EducationId), output: Deleted },

  'search:query': {
    input: z.object({ text: safeText({ max: 200, trim: false }), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(s.SearchHit),
  },

  /**
   * Starts importing files and folders; the batch runs in the background. The desktop window sees
   * its progress as `import:progress` events (shared/files.ts SHELL_EVENTS); the window may not
   * name paths here (electron/main/window-calls.ts).
   */
  'import:start': { input: imp.ImportStart, output: z.object({ batchId: z.number().int() }) },
  /** Progress and per-file report of a batch; `waitMs` long-polls until the batch is done. */
  'import:status': {
    input: z.object({ batchId: z.number().int().min(1), waitMs: z.number().int().min(0).max(30_000).default(0) }),
    output: imp.ImportReport,
  },
  /** Removes what a batch added and restores what it updated. */
  'import:undo': { input: z.object({ batchId: z.number().int().min(1) }), output: imp.ImportReport },
  /**
   * Starts a new batch with the files an interrupted batch never reached (those whose paths
   * still exist; files sent as contents are reported as not resumable). CONFLICT when the batch
   * is not interrupted, was undone or was already resumed, or every file was processed.
   */
  'import:resume': { input: z.object({ batchId: z.number().int().min(1) }), output: z.object({ batchId: z.number().int() }) },
  'import:batches': { input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }), output: z.array(imp.ImportReport.omit({ items: true })) },
  /** A stored badge image as a data: URL for <img> (PNG or SVG, at most 5 MB). */
  'evidence:image': {
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash') }),
    output: z.object({ mediaType: z.string(), dataUrl: z.string() }),
  },
  /** Re-runs the checks of an imported credential from its original file. */
  'credentials:verify': { input: ById(s.CredentialId), output: VerificationResult },

  /** Built-in and custom roles, optionally filtered by text in the title or alternate titles. */
  'roles:list': { input: z.strictObject({ text: safeText({ max: 200 }).optional() }).default({}), output: out<a.RoleListItem[]>() },
  'roles:get': { input: z.strictObject({ ref: a.RoleRef }), output: out<a.RoleDetail>() },
  'roles:create': { input: a.RoleCreateInput, output: out<a.CustomRole>() },
  'roles:update': { input: z.strictObject({ ref: a.CustomRoleRef, patch: a.RolePatch }), output: out<a.CustomRole>() },
  /** Deletes a custom role and its saved learning plans, in one transaction. */
  'roles:delete': { input: z.strictObject({ ref: a.CustomRoleRef }), output: z.object({ ref: z.string() }) },
  /** Every role by fit, best first ("roles you are closest to"). */
  'roles:fit': { input: z.strictObject({ limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional() }).default({}), output: out<a.RoleFit[]>() },
  /** Skills found in a pasted job posting, with spans and suggested weights. */
  'postings:extract': { input: z.strictObject({ text: safeText({ max: a.MAX_POSTING_CHARS, multiline: true, trim: false }) }), output: out<a.PostingExtraction>() },
  'gap:analyze': { input: z.strictObject({ ref: a.RoleRef }), output: out<a.GapAnalysis>() },
  /** Gap analysis of skills not saved as a role (a posting being confirmed). */
  'gap:analyzeSkills': { input: z.strictObject({ title: requiredText(200, 'Title is required'), skills: z.array(a.RoleSkillInput).min(1, 'needs at least one skill').max(200, 'must be at most 200 skills') }), output: out<a.GapAnalysis>() },
  /** Breadth/depth (T-shape) by area and category. */
  'gap:profile': { input: None, output: out<a.BreadthDepthProfile>() },
  /** The skills a work entry's title infers (the essentials of the catalog role it names) and the user's decisions. */
  'evidence:inferences': { input: z.strictObject({ experienceId: s.ExperienceId }), output: out<ExperienceInference>() },
  /** Confirms or rejects one inferred skill of a work entry (`pending` takes the decision back). */
  'evidence:decide': {
    input: z.strictObject({ experienceId: s.ExperienceId, skillKey: requiredText(200, 'is required'), decision: z.enum(['pending', 'confirmed', 'rejected']) }),
    output: out<ExperienceInference>(),
  },
  /**
   * Skills taken from badge tags: the pending ones grouped by credential (newest import first),
   * or every tag skill of one credential whatever its decision.
   */
  'tags:pending': {
    input: z.strictObject({ credentialId: s.CredentialId.optional(), limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 }),
    output: out<TagReview>(),
  },
  /**
   * Accepts or rejects one tag skill of a credential (`pending` takes the decision back), or,
   * without `skillId`, every pending one of that credential; answers the credential's tag skills.
   */
  'tags:decide': {
    input: z
      .strictObject({ credentialId: s.CredentialId, skillId: s.SkillId.optional(), decision: s.TagDecision })
      .refine((v) => v.skillId !== undefined || v.decision !== 'pending', { path: ['skillId'], message: 'is required to take a decision back' }),
    output: out<TagGroup>(),
  },
  /** Spend and hours per skill across the portfolio. */
  'gap:costs': { input: None, output: out<a.CostReport>() },
  /** A plan for a role under constraints, computed but not saved. */
  'plans:suggest': { input: z.strictObject({ ref: a.RoleRef, constraints: a.PlanConstraintsInput }), output: out<a.LearningPlan>() },
  'plans:create': { input: z.strictObject({ ref: a.RoleRef, constraints: a.PlanConstraintsInput, title: requiredText(200, 'Title is required').optional() }), output: out<a.SavedPlan>() },
  'plans:list': { input: None, output: out<a.PlanListItem[]>() },
  'plans:get': { input: z.strictObject({ id: a.PlanId }), output: out<a.SavedPlan>() },
  'plans:updateStep': { input: z.strictObject({ stepId: a.StepId, patch: a.StepPatchInput }), output: out<a.SavedPlan>() },
  'plans:reorder': { input: z.strictObject({ planId: a.PlanId, stepIds: z.array(a.StepId).min(1, 'needs at least one step').max(500) }), output: out<a.SavedPlan>() },
  /** Marks a step done, optionally linking the credential that completed it. */
  'plans:markDone': { input: z.strictObject({ stepId: a.StepId, credentialId: a.CredentialId.optional() }), output: out<a.SavedPlan>() },
  'plans:markUndone': { input: z.strictObject({ stepId: a.StepId }), output: out<a.SavedPlan>() },
  'plans:delete': { input: z.strictObject({ id: a.PlanId }), output: z.object({ id: z.number().int() }) },
  'plans:rename': { input: z.strictObject({ id: a.PlanId, title: requiredText(200, 'Title is required') }), output: out<a.SavedPlan>() },
  /** Swaps a step for a catalog entry or the user's own planned or in-progress credential covering its skills. */
  'plans:swapStep': { input: z.strictObject({ stepId: a.StepId, to: a.StepSwapInput }), output: out<a.SavedPlan>() },

  /** The trust list: pinned issuer keys and imported issuer registries. */
  'issuers:list': { input: None, output: out<t.TrustListView>() },
  /** Pins a key for an issuer (the key that signed a credential, or one typed in); re-applies the list. */
  'issuers:pin': { input: t.PinInput, output: out<t.TrustListView>() },
  'issuers:unpin': { input: t.UnpinInput, output: out<t.TrustListView>() },
  /** Imports an issuer registry in the DCC format from its JSON text (offline). */
  'issuers:importRegistry': { input: t.RegistryImportInput, output: out<t.RegistryImportResult>() },
  'issuers:removeRegistry': { input: t.RegistryRemoveInput, output: out<t.TrustListView>() },

  /** Imports an ESCO CSV folder, an O*NET text folder or a taxonomy pack (.json). */
  'taxonomy:import': { input: z.strictObject({ path: z.string().trim().min(1, 'is required').max(4096, 'must be at most 4096 characters') }), output: out<a.TaxonomyImportResult>() },
  'taxonomy:sources': { input: None, output: out<a.TaxonomySource[]>() },
  'taxonomy:remove': { input: z.strictObject({ id: z.number().int('must be a whole number').min(1, 'must be at least 1') }), output: z.object({ id: z.number().int() }) },
  /** An imported source (its id) or the built-in catalog as a taxonomy pack: the pack's JSON text. */
  'taxonomy:exportPack': { input: z.strictObject({ source: z.union([z.number().int('must be a whole number').min(1, 'must be at least 1'), z.literal('catalog')]) }), output: z.string() },
  /** Version, catalog version and the O*NET and ESCO attribution texts. */
  'app:about': { input: None, output: out<a.AboutInfo>() },

  /** The resume PDF for these choices, with every item's in/out decision (the Resume screen's preview). */
  'resume:preview': { input: r.ResumeSettings, output: out<r.ResumePreview>() },
  /** The same resume as a Word document (.docx): same content and order as the preview's PDF. */
  'resume:docx': { input: r.ResumeSettings, output: out<r.ResumeDocx>() },
  /** The gap-analysis and learning-plan PDF for a role. */
  'report:render': { input: r.ReportSettings, output: out<r.ReportPdf>() },
  /** Named resume variants (per role, with where each was sent). */
  'resumes:list': { input: None, output: out<r.ResumeVariant[]>() },
  'resumes:get': { input: z.strictObject({ id: r.ResumeVariantId }), output: out<r.ResumeVariant>() },
  'resumes:create': { input: r.ResumeVariantInput, output: out<r.ResumeVariant>() },
  'resumes:update': { input: z.strictObject({ id: r.ResumeVariantId, patch: r.ResumeVariantPatch }), output: out<r.ResumeVariant>() },
  'resumes:delete': { input: z.strictObject({ id: r.ResumeVariantId }), output: z.object({ id: z.number().int() }) },

  'settings:get': { input: z.object({}).default({}), output: imp.Settings },
  'settings:update': { input: imp.Settings.partial(), output: imp.Settings },

  /** The whole portfolio as JSON Resume text (validated against the official schema; extras in `x-skillfolio`). */
  'exchange:exportJsonResume': { input: None, output: z.string() },
  /** What importing this JSON Resume would add, find already there and skip; nothing is written. BAD_INPUT lists the schema's problems. */
  'exchange:previewJsonResume': { input: z.strictObject({ text: JsonResumeText }), output: out<JsonResumeImport>() },
  /** Imports a JSON Resume in one transaction, matching what the portfolio already holds; `leaveOut` names entries of the preview not to bring in. */
  'exchange:importJsonResume': { input: z.strictObject({ text: JsonResumeText, ...LeaveOut }), output: out<JsonResumeImport>() },
  /** What importing this LinkedIn data export (its ZIP, or the CSV files of its folder) would add, find already there and skip; nothing is written. */
  'exchange:previewLinkedIn': { input: LinkedInSource, output: out<LinkedInImport>() },
  /** Imports a LinkedIn data export in one transaction, matching what the portfolio already holds; `leaveOut` names entries of the preview not to bring in. */
  'exchange:importLinkedIn': { input: LinkedInSource, output: out<LinkedInImport>() },

  /** What a certificate PDF says (platform, fields, what is missing) and the credential it makes; nothing is written. BAD_INPUT for a scan or a damaged PDF. */
  'certificates:read': { input: z.strictObject(CertificatePdf), output: out<CertificatePreview>() },
  /** Saves the credential the person confirmed (self-reported), with the PDF as its original; CONFLICT when this PDF is in the portfolio already. */
  'certificates:confirm': {
    input: z.strictObject({ ...CertificatePdf, values: s.CredentialInput, learnerName: safeText({ max: LIMITS.shortTextChars }).nullable().default(null) }),
    output: s.Credential,
  },
  /** The whole portfolio as a Skillfolio export: a ZIP (base64) of portfolio.json, the originals and a README (core/exchange/export-format.ts). */
  'exchange:exportAll': { input: None, output: z.object({ zipBase64: z.string() }) },
  /** Imports a Skillfolio export into an EMPTY portfolio, after checking all of it (schema, every original's hash); all or nothing. */
  'exchange:importAll': {
    input: z.strictObject({ zipBase64: z.string().min(1, 'is empty').max(LIMITS.fullExportBase64Chars, `must be at most ${LIMITS.fullExportBytes / MB} MB`) }),
    output: z.object({
      counts: z.object({ credentials: z.number().int(), projects: z.number().int(), skills: z.number().int(), experience: z.number().int(), education: z.number().int(), roles: z.number().int(), variants: z.number().int(), plans: z.number().int(), originals: z.number().int() }),
    }),
  },

  /**
   * Backs the open portfolio up into one file (online SQLite backup plus a manifest of hashes),
   * encrypted when a passphrase is given; into the backups folder unless a folder or file is named.
   * Restoring is not a channel: the portfolio must be closed for it (core/backup/restore.ts).
   */
  'backup:create': { input: b.BackupCreateInput, output: out<b.BackupCreated>() },
  /** The backups folder (setting `backupFolder`, else `backups` beside the portfolio) and the backups in it, newest first. */
  'backup:list': { input: None, output: out<b.BackupList>() },
  /** Verifies a backup fully (hashes, integrity check, schema version) and says what it holds; changes nothing. */
  'backup:inspect': { input: b.BackupInspectInput, output: out<b.BackupSummary>() },

  /**
   * A verification bundle for an employer, as files (the caller writes them): the chosen
   * credentials' originals unchanged, index.html, an unsigned Verifiable Presentation and a
   * manifest of SHA-256 hashes. At most LIMITS.shareItems of each, LIMITS.shareBundleBytes of originals.
   */
  'share:bundle': { input: ShareBundleInput, output: out<ShareBundle>() },

  /**
   * Earned credentials expiring within the `expiryReminderDays` setting, soonest first, and which
   * of them the desktop shell has not yet notified about for their current expiry date.
   */
  'reminders:expiring': { input: None, output: out<rem.ExpiringReminders>() },
  /** Records that these credentials' expiry notifications were shown (for their current dates). */
  'reminders:noticed': { input: rem.NoticedInput, output: z.object({ noticed: z.number().int() }) },
} as const satisfies { [C in Channel]: { input: z.ZodType; output: z.ZodType } }

export type Contract = typeof contract
export type { Channel }
/** Every channel, in contract order; the same list the preload exposes (see channels.ts). */
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES

/** What a caller passes (defaults may be omitted) and what it gets back. */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>

/** The core's implementation of the contract: one function per channel, taking parsed input. */
export type Services = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> }

/** What the preload exposes as `window.skillfolio` and the renderer calls. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> }

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
