/**
 * Contract shapes of the analysis and taxonomy channels (issue 4): the input schemas, and the
 * output shapes as plain interfaces (wrapped with `z.custom<T>()` in contract.ts). These are
 * the one definition: electron/core/analysis and electron/core/taxonomy import them (and
 * re-export them for their own callers); shared/ imports nothing from the core.
 */
import { z } from 'zod'
import { LIMITS } from './limits'
import { CredentialId, CurrencyCode, IsoDate, Money } from './schemas'
import { requiredText, safeText } from './text-rules'
import { currencyDigits } from './format'
import type { Area, CatalogCategory } from './catalog'
import type { Depth, EvidenceItem } from './evidence'

export type { Depth } from './evidence'

// ---------- inputs ----------

const ROLE_REF = /^(?:catalog:[a-z0-9]+(?:-[a-z0-9]+)*|custom:[1-9]\d{0,14})$/
/** `catalog:<id>` (a built-in role) or `custom:<n>` (a role the user saved). */
export const RoleRef = z
  .string()
  .trim()
  .max(LIMITS.shortTextChars, `must be at most ${LIMITS.shortTextChars} characters`)
  .regex(ROLE_REF, 'must be a role reference like catalog:data-analyst or custom:3')
export const CustomRoleRef = z.string().trim().regex(/^custom:[1-9]\d{0,14}$/, 'must be a custom role reference like custom:3 (built-in roles cannot be changed)')

/** A job posting is at most 100 KB of text (LIMITS.postingChars). */
export const MAX_POSTING_CHARS = LIMITS.postingChars

export const RoleSkillInput = z.strictObject({
  name: requiredText(LIMITS.nameChars, 'is required'),
  weight: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  essential: z.boolean(),
})
const roleSkills = z.array(RoleSkillInput).min(1, 'needs at least one skill').max(LIMITS.skillsPerRecord, `must be at most ${LIMITS.skillsPerRecord} skills`)
// Text fields follow the one rule of text-rules.ts (no control characters or bidi overrides;
// line breaks only in the description and the posting).
const roleTitle = requiredText(LIMITS.shortTextChars, 'Title is required')
const roleDescription = safeText({ max: LIMITS.summaryChars, multiline: true }).nullish()
/** Kept as pasted, not trimmed (line breaks are stored as LF, like all long text). */
const postingText = safeText({ max: MAX_POSTING_CHARS, multiline: true, trim: false }).nullish()

export const RoleCreateInput = z.strictObject({
  title: roleTitle,
  description: roleDescription,
  source: z.enum(['custom', 'posting']).default('custom'),
  postingText,
  skills: roleSkills,
})
export const RolePatch = z.strictObject({
  title: roleTitle.optional(),
  description: roleDescription,
  postingText,
  skills: roleSkills.optional(),
})

export const PlanConstraintsInput = z.strictObject({
  /** Total budget; null or absent = no limit. */
  budget: Money.nullish(),
  hoursPerWeek: z.number().gt(0, 'must be more than 0').max(LIMITS.hoursPerWeek, `must be at most ${LIMITS.hoursPerWeek}`),
  targetDate: IsoDate.nullish(),
  fullTime: z.boolean().optional(),
  employer: requiredText(LIMITS.shortTextChars, 'cannot be empty').nullish(),
  /** Currency of the estimates when no budget is given (default USD). */
  currency: CurrencyCode.optional(),
})

const StepKindInput = z.enum(['platform', 'certification', 'bootcamp', 'employer', 'project', 'self-study'])
const StepSkillInput = z.strictObject({
  key: safeText({ max: LIMITS.shortTextChars, trim: false }).min(1),
  name: safeText({ max: LIMITS.shortTextChars }).min(1),
})
export const StepPatchInput = z.strictObject({
  title: requiredText(LIMITS.shortTextChars, 'Title is required').optional(),
  skills: z.array(StepSkillInput).max(LIMITS.skillsPerStep).optional(),
  kind: StepKindInput.optional(),
  reason: safeText({ max: LIMITS.itemTextChars }).optional(),
  hours: z.number().min(0, 'cannot be negative').max(LIMITS.stepHours, `must be at most ${LIMITS.stepHours}`).optional(),
  costMinor: z.number().int('must be a whole number of minor units').min(0, 'cannot be negative').max(LIMITS.amountMinor).optional(),
  notes: safeText({ max: LIMITS.summaryChars, multiline: true }).nullish(),
})

const CatalogEntryId = z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a credential catalog id like google-data-analytics').max(LIMITS.shortTextChars)
/** What a step is swapped for: a catalog entry, or the user's own planned or in-progress credential. */
export const StepSwapInput = z.union([z.strictObject({ catalogId: CatalogEntryId }), z.strictObject({ credentialId: CredentialId })])

const RowId = z.number().int('must be a whole number').min(1, 'must be at least 1')
export const PlanId = RowId
export const StepId = RowId
export { CredentialId }

// ---------- outputs (the core returns these) ----------

/**
 * A role to analyse: `catalog:<id>` for a built-in role, `custom:<row id>` for a role the
 * user made or saved from a posting (tables role / role_skill).
 */
export type RoleRefString = `catalog:${string}` | `custom:${number}`
export type RoleSource = 'catalog' | 'custom' | 'posting' | 'catalog-copy'
/** Money in integer minor units of one currency; amounts are never converted. */
export interface MoneyAmount {
  amountMinor: number
  currency: string
}

export interface RoleListItem {
  ref: RoleRefString
  title: string
  area: string
  source: RoleSource
  alternateTitles: readonly string[]
  skills: number
}

/** One role, built-in or custom, with its required skills. */
export interface RoleDetail {
  ref: RoleRefString
  title: string
  source: RoleSource
  area: string | null
  description: string | null
  alternateTitles: readonly string[]
  onetSoc: string | null
  escoUri: string | null
  catalogId: string | null
  postingText: string | null
  skills: { name: string; weight: number; essential: boolean }[]
  createdAt: string | null
  updatedAt: string | null
}

export interface CustomRole {
  id: number
  ref: RoleRefString
  title: string
  source: 'custom' | 'posting' | 'catalog-copy'
  catalogId: string | null
  description: string | null
  postingText: string | null
  skills: { name: string; weight: number; essential: boolean }[]
  createdAt: string
  updatedAt: string
}

export interface RoleFit {
  ref: RoleRefString
  title: string
  area: Area
  source: RoleSource
  coveragePercent: number
  essentialCoveragePercent: number
  /** The headline: 0.7 × coverage + 0.3 × essential coverage (FIT_EXPLANATION says it in words). */
  fitPercent: number
  skills: number
  covered: number
  essentials: number
  missingEssentials: number
}

export interface SkillGap {
  /** Catalog id, `user:skill-<id>` for an own skill the catalog does not know, or `name:<key>` when nothing matches. */
  key: string
  name: string
  area: Area
  category: CatalogCategory | 'other'
  weight: number
  essential: boolean
  /** Transversal skills (communication, problem solving …) are shown as their own group. */
  group: 'core' | 'transversal'
  depth: Depth
  /** Share of the weight this skill earns (0–1): its strongest evidence, 1 when proven. */
  credit: number
  evidence: {
    verified: number
    unverified: number
    expired: number
    selfReported: number
    inProgress: number
    projects: number
    /** Work entries behind it (named, linked or inferred). */
    experience: number
    education: number
    hours: number
    lastEvidenceOn: string | null
    /** Last evidence more than five years ago. */
    stale: boolean
    credentials: { id: string; title: string; trust: string; earnedOn: string | null }[]
    projectList: { id: string; title: string; date: string | null }[]
    /** The strongest items, each with its kind, strength, date and reason. */
    items: EvidenceItem[]
    /** Items not shown. */
    moreItems: number
  }
  /** "SQL: proven by 1 verified credential, 2 projects and work at Brightwave Retail". */
  explanation: string
}

export interface GapAnalysis {
  role: { ref: RoleRefString; title: string; area: Area; source: RoleSource }
  /** Weighted coverage, 0–100, one decimal. */
  coveragePercent: number
  /** Weighted coverage over the essential skills only (equals coverage when none are essential). */
  essentialCoveragePercent: number
  /** The headline: 0.7 × coverage + 0.3 × essential coverage; ranking sorts by it. */
  fitPercent: number
  /** One sentence: how the fit is computed. */
  fitExplanation: string
  /** Transversal skills of the role: how many have evidence. */
  transversal: { total: number; covered: number }
  /** Missing essentials first, then missing optional skills, then learned, practised, proven; heavier first. */
  skills: SkillGap[]
  /** Skill keys (catalog ids or `user:skill-N`), not names: show them with `skillNamesOf`. */
  missingEssentials: string[]
  missing: string[]
  /** Skills of this role learned (credential, education) but never practised at work or in a project. */
  learnedNotApplied: string[]
  counts: Record<Depth, number>
  summary: string
}

/**
 * title: the first line; required / preferred: requirements and nice-to-haves; other: the
 * job description and tasks; about: the company, benefits, how to apply (mentions there
 * describe the employer, not what the job asks).
 */
export type PostingSection = 'title' | 'required' | 'preferred' | 'other' | 'about'
/** One skill mention the matcher found in a text. */
export interface SkillMatch {
  skillId: string
  /** Canonical name of the skill. */
  name: string
  /** Offsets into the original text (UTF-16, end exclusive), for highlighting. */
  start: number
  end: number
  /** The text as written: text.slice(start, end). */
  surface: string
  /** 0..1: how sure the matcher is (exact name highest, context-dependent words lowest). */
  confidence: number
  /** One short phrase saying why: `alias "k8s"`, `"Go" next to "programming"`, … */
  reason: string
  /** Which catalog term matched, and how. */
  term: string
  kind: 'name' | 'alias' | 'abbreviation'
}
export interface PostingMention extends SkillMatch {
  section: PostingSection
}
export interface PostingSkill {
  skillId: string
  name: string
  category: CatalogCategory | 'language' | 'other'
  area: Area
  /** Number of mentions. */
  count: number
  mentions: PostingMention[]
  /** Best confidence of any mention. */
  confidence: number
  /** The strongest section it appears in: required > title > other > preferred > about. */
  section: PostingSection
  suggestedWeight: number
  suggestedEssential: boolean
  /**
   * Pre-ticked in the confirmation list: confident or repeated, not only in the company or
   * benefits text, and for a transversal skill, named in the title or a requirements part.
   */
  suggestedAccept: boolean
  /** Why this weight: "in the requirements, mentioned 3 times". */
  why: string
}
export interface PostingExtraction {
  /** The first line, when it looks like a job title. */
  title: string | null
  skills: PostingSkill[]
  /** Every mention in text order, for highlighting. */
  mentions: PostingMention[]
  /** Line ranges and the section each belongs to. */
  sections: { kind: PostingSection; start: number; end: number; heading: string | null }[]
  /** Whether a requirements part was recognised (if not, essentials come from frequency). */
  hasRequirements: boolean
}

export interface GroupDepth<G extends string = string> {
  group: G
  /** Skills with any evidence (learned or deeper). */
  skills: number
  learned: number
  practised: number
  proven: number
  /** Sum of the skills' credits (0–1 each). */
  depthScore: number
  credentials: number
  projects: number
  hours: number
  level: 'none' | 'some' | 'deep'
  topSkills: { key: string; name: string; depth: Depth }[]
}
export type Shape = 'none' | 'emerging' | 'I' | 'T' | 'comb' | 'generalist'
export interface BreadthDepthProfile {
  areas: GroupDepth<Area>[]
  categories: GroupDepth[]
  /** Areas (other than general/transversal skills) with evidence. */
  breadth: number
  deepAreas: Area[]
  shape: Shape
  summary: string
}

export interface SkillCost {
  key: string
  name: string
  area: Area
  credentials: number
  hours: number
  /** Spend per currency (minor units), never converted. */
  spend: MoneyAmount[]
  /** Spend per hour per currency, when hours are known. */
  perHour: MoneyAmount[]
}
export interface CostReport {
  skills: SkillCost[]
  totals: { credentials: number; hours: number; spend: MoneyAmount[] }
  /** Credentials with no skill linked: their spend cannot be split. */
  unattributed: { credentials: number; hours: number; spend: MoneyAmount[] }
}

/**
 * What a step is: a course on a learning platform, a vendor or professional certification
 * exam, a bootcamp, training through the employer, a project, or free self-study (which never
 * awards a certificate).
 */
export type StepKind = 'platform' | 'certification' | 'bootcamp' | 'employer' | 'project' | 'self-study'
export type AlternativeKind = StepKind
export interface PlanStepSkill {
  key: string
  name: string
  area: Area
  essential: boolean
}
/** Kinds of the credential catalog (resources/credentials/catalog.json). */
export const OFFER_KINDS = ['platform', 'bootcamp', 'employer', 'certification', 'self-study'] as const
export type OfferKind = (typeof OFFER_KINDS)[number]
/** A real program from the shipped credential catalog, as a plan names it. */
export interface PlanOffer {
  /** Catalog id, e.g. `google-data-analytics`. */
  id: string
  title: string
  /** Who awards it (Google, AWS, freeCodeCamp …). */
  provider: string
  /** Where it is taken, when not the provider's own site (Coursera, edX, Udacity …). */
  platform: string | null
  kind: OfferKind
  /** The program's public page. */
  url: string
  /** Whether completing it awards a certificate (self-study never does). */
  certificate: boolean
  /** The list price at this plan's pace, in the provider's currency: an estimate as of `asOf`. */
  listPrice: MoneyAmount
  /** Billed per month (the total depends on the pace). */
  monthly: boolean
  /** YYYY-MM of the list price. */
  asOf: string
}
/**
 * Another way to take a step: a catalog entry covering the same skills, the user's own planned
 * or in-progress credential, or (for a step over budget) a cheaper kind of step.
 */
export interface PlanAlternative {
  kind: AlternativeKind
  hours: number
  cost: MoneyAmount
  reason: string
  /** The catalog entry, when the alternative is one. */
  offer?: PlanOffer | null
  /** The provider's price when the cost was converted. */
  originalCost?: MoneyAmount | null
  /** The portfolio credential (`cred-12`), when the alternative is the user's own planned one. */
  credentialId?: string | null
  title?: string
  /** Names of the step's skills it covers. */
  covers?: string[]
}
export interface PlanStep {
  position: number
  title: string
  skills: PlanStepSkill[]
  kind: StepKind
  reason: string
  hours: number
  cost: MoneyAmount
  /** The step does not fit in what is left of the budget. */
  overBudget: boolean
  /** The cheaper way suggested for an over-budget step. */
  alternative: PlanAlternative | null
  /** What totals and dates assume: the step, or its alternative when over budget. */
  uses: 'step' | 'alternative'
  startsOn: string
  endsOn: string
  /** Ends after the target date. */
  afterTarget: boolean
  /** The catalog entry this step is, or null (project, self-study, employer training). */
  offer?: PlanOffer | null
  /** The provider's price when `cost` was converted into the plan's currency. */
  originalCost?: MoneyAmount | null
  /** Whether completing the step awards a certificate. */
  certificate?: boolean
  /** Other catalog entries covering the same skills, most cost-effective first. */
  options?: PlanAlternative[]
}
export interface LearningPlan {
  role: GapAnalysis['role']
  constraints: { budget: MoneyAmount | null; hoursPerWeek: number; targetDate: string | null; fullTime: boolean; employer: string | null; startDate: string }
  steps: PlanStep[]
  totals: {
    /** As suggested (every step as itself). */
    hours: number
    cost: MoneyAmount
    /** What the plan assumes (alternatives for over-budget steps). */
    plannedHours: number
    plannedCost: MoneyAmount
    overBudgetSteps: number
  }
  /** Where the prices come from: estimates from list prices as of a date, converted with a dated rate table. */
  prices?: PriceSource
  completesOn: string | null
  /** null without a target date. */
  meetsTarget: boolean | null
  notes: string[]
}

/** Where a plan's prices come from. */
export interface PriceSource {
  /** YYYY-MM of the catalog's list prices. */
  catalogAsOf: string
  /** Date of the exchange rates (YYYY-MM-DD). */
  ratesAsOf: string
  /** One sentence for people. */
  note: string
}

export interface SavedStepSkill {
  key: string
  name: string
}
export interface SavedStep {
  id: number
  position: number
  title: string
  skills: SavedStepSkill[]
  kind: StepKind
  reason: string
  hours: number
  cost: MoneyAmount
  /** The catalog entry the step is (null for plans saved before the catalog, projects and self-study). */
  offer: PlanOffer | null
  /** The provider's price when `cost` was converted. */
  originalCost: MoneyAmount | null
  certificate: boolean
  /** What the step could be swapped for: catalog entries and the user's own planned credentials covering its skills. */
  alternatives: PlanAlternative[]
  doneAt: string | null
  credential: { id: string; title: string; hours: number | null; cost: MoneyAmount | null } | null
  notes: string | null
}
export interface PlanProgress {
  steps: number
  done: number
  /** Estimated hours and cost of all steps, and of the done ones. */
  hoursPlanned: number
  hoursDone: number
  costPlanned: MoneyAmount
  costDone: MoneyAmount
  /** From the credentials linked to done steps: their real hours and cost (per currency). */
  actual: { credentials: number; hours: number; spend: MoneyAmount[] }
  /** Share of planned hours done, 0–100. */
  percentDone: number
  /** When the remaining hours end at the plan's hours per week, from today. */
  projectedCompletion: string | null
  meetsTarget: boolean | null
}
export interface SavedPlan {
  id: number
  roleRef: string
  title: string
  budget: MoneyAmount | null
  currency: string
  hoursPerWeek: number | null
  targetDate: string | null
  fullTime: boolean
  employer: string | null
  steps: SavedStep[]
  progress: PlanProgress
  createdAt: string
  updatedAt: string
}
export interface PlanListItem {
  id: number
  roleRef: string
  title: string
  steps: number
  done: number
  percentDone: number
  updatedAt: string
}

export type TaxonomyKind = 'esco' | 'onet' | 'pack'
export interface TaxonomySource {
  id: number
  kind: TaxonomyKind
  name: string
  version: string | null
  importedAt: string
  skills: number
  occupations: number
  relations: number
}
export interface TaxonomyImportResult {
  source: TaxonomySource
  /** True when an earlier import of the same source was replaced. */
  replaced: boolean
  /** Rows that could not be used (e.g. a relation naming an occupation the files do not define). */
  skipped: number
  warnings: string[]
  elapsedMs: number
}

export interface AboutInfo {
  version: string
  catalogVersion: string
  attribution: { onet: string; esco: string }
}

/** The display names of skill keys listed in a gap analysis (missingEssentials, learnedNotApplied …). */
export function skillNamesOf(gap: Pick<GapAnalysis, 'skills'>, keys: readonly string[]): string[] {
  const names = new Map(gap.skills.map((s) => [s.key, s.name]))
  return keys.map((key) => names.get(key) ?? key)
}

/** Money as a plan shows it: whole amounts without decimals ("£39", "US$49", "€1,299.50"); "Free" for nothing. */
export function formatPlanMoney(m: MoneyAmount): string {
  if (m.amountMinor === 0) return 'Free'
  const digits = currencyDigits(m.currency)
  const value = m.amountMinor / 10 ** digits
  const whole = m.amountMinor % 10 ** digits === 0
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: m.currency, minimumFractionDigits: whole ? 0 : digits, maximumFractionDigits: whole ? 0 : digits }).format(value)
  } catch {
    return `${value.toFixed(whole ? 0 : digits)} ${m.currency}`
  }
}

/**
 * A price in the plan's currency with the provider's own price alongside when it was
 * converted: "≈ £39 (US$49)"; "Free" for nothing; "£120" when no conversion was needed.
 */
export function formatPriceEstimate(cost: MoneyAmount, original?: MoneyAmount | null): string {
  if (cost.amountMinor === 0) return 'Free'
  if (!original || original.currency === cost.currency) return formatPlanMoney(cost)
  return `≈ ${formatPlanMoney(cost)} (${formatPlanMoney(original)})`
}
