/**
 * Contract shapes of the resume and report channels (issue 5): what the Resume screen, the CLI
 * and the shell's Save send, and what they get back. The PDF travels as base64 so the same
 * answer crosses IPC, the CLI and the browser-test bridge (JSON) unchanged.
 *
 * The option names match electron/core/pdf/options.ts, which reuses the enums below.
 */
import { z } from 'zod'
import { LIMITS } from './limits'
import { IsoDate } from './schemas'
import { PlanId, RoleRef, type RoleRefString } from './analysis'
import { requiredText, safeText } from './text-rules'

export const SECTION_KEYS = ['summary', 'skills', 'experience', 'projects', 'credentials', 'education'] as const
export type SectionKey = (typeof SECTION_KEYS)[number]

export const RESUME_TEMPLATES = ['ats', 'two-column'] as const
export type ResumeTemplate = (typeof RESUME_TEMPLATES)[number]

export const PAGE_SIZES = ['a4', 'letter'] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export const FONT_SCALES = ['small', 'normal', 'large'] as const
export type FontScale = (typeof FONT_SCALES)[number]

/** How long the resume may be: one page, two pages, or as long as its content ("auto"). */
export const RESUME_LENGTHS = ['1', '2', 'auto'] as const
export type ResumeLength = (typeof RESUME_LENGTHS)[number]

/** Certifications one line each (title · issuer, year; the link on the title), or with ID and link spelled out. */
export const CREDENTIAL_DETAILS = ['compact', 'full'] as const
export type CredentialDetail = (typeof CREDENTIAL_DETAILS)[number]

/** Expired credentials: marked in words, marked in words and colour, or left out. */
export const EXPIRED_POLICIES = ['mark', 'highlight', 'hide'] as const
export type ExpiredPolicy = (typeof EXPIRED_POLICIES)[number]

/** What a resume can be written as. */
export const RESUME_FORMATS = ['pdf', 'docx'] as const
export type ResumeFormat = (typeof RESUME_FORMATS)[number]

export const AccentColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f5f8b')

/** Portfolio ids an item choice may name: cred-N, proj-N, skill-N, exp-N, edu-N. */
export const ResumeItemId = z.string().regex(/^(?:cred|proj|skill|exp|edu)-[1-9]\d{0,14}$/, 'must be an item id like cred-3')
const itemIds = z.array(ResumeItemId).max(LIMITS.resumeItems, `must be at most ${LIMITS.resumeItems} items`)

/** Everything the Resume screen lets a person choose; also what a saved variant holds. */
export const ResumeSettings = z.strictObject({
  /** The target role; null or absent gives a general resume. */
  roleRef: RoleRef.nullish(),
  template: z.enum(RESUME_TEMPLATES).default('ats'),
  pageSize: z.enum(PAGE_SIZES).default('a4'),
  accent: AccentColour.nullish(),
  fontScale: z.enum(FONT_SCALES).default('normal'),
  showQr: z.boolean().default(false),
  /** Expired credentials: marked "Expired Jan 2024" in words (default), also in colour, or left out. */
  expired: z.enum(EXPIRED_POLICIES).default('mark'),
  /** Longest the resume may be; items least relevant to the role (and oldest) are left out to fit. */
  length: z.enum(RESUME_LENGTHS).default('2'),
  credentialDetail: z.enum(CREDENTIAL_DETAILS).default('compact'),
  pinned: itemIds.default([]),
  hidden: itemIds.default([]),
  /** A custom order: these ids first, in this order, within their section. */
  order: itemIds.default([]),
  /** Sections in print order; absent = the template's default order. */
  sections: z.array(z.enum(SECTION_KEYS)).max(SECTION_KEYS.length).optional(),
})
export type ResumeSettingsInput = z.input<typeof ResumeSettings>
export type ResumeSettingsValue = z.output<typeof ResumeSettings>

export const ReportSettings = z.strictObject({
  ref: RoleRef,
  /** A saved plan for the role to include; absent = the plan Skillfolio suggests with default constraints. */
  planId: PlanId.nullish(),
  pageSize: z.enum(PAGE_SIZES).default('a4'),
  accent: AccentColour.nullish(),
  fontScale: z.enum(FONT_SCALES).default('normal'),
})
export type ReportSettingsInput = z.input<typeof ReportSettings>
export type ReportSettingsValue = z.output<typeof ReportSettings>

// The one text rule (text-rules.ts); the core also refuses zero-width marks in a variant's name.
const variantName = requiredText(LIMITS.shortTextChars, 'Name is required')
const sentTo = safeText({ max: LIMITS.mediumTextChars }).nullish()

export const ResumeVariantInput = z.strictObject({
  name: variantName,
  settings: ResumeSettings,
  /** Where this version was sent ("Acme Corp, via LinkedIn"). */
  sentTo,
  sentOn: IsoDate.nullish(),
})
export const ResumeVariantPatch = z.strictObject({
  name: variantName.optional(),
  settings: ResumeSettings.optional(),
  sentTo,
  sentOn: IsoDate.nullish(),
})
export const ResumeVariantId = z.number().int('must be a whole number').min(1, 'must be at least 1')

// ---------- outputs ----------

export type ResumeItemKind = 'experience' | 'education' | 'credential' | 'project' | 'skill'

/** One item considered for the resume: in or out, and why. */
export interface ResumeDecision {
  kind: ResumeItemKind
  id: string
  title: string
  included: boolean
  /** "matches SQL (essential), Tableau", "hidden by you", "expired", "over the limit of 10" … */
  reason: string
  /** Relevance to the role (0 without a role). */
  score: number
  /** The role's skills the item shows, as the role names them. */
  matches: string[]
  /** True when the item was left out only to fit the chosen length (it would be shown on a longer resume). */
  toFit?: boolean
}

/** What the length choice did: the pages asked for, the pages written, and what had to go. */
export interface ResumeLengthOutcome {
  asked: ResumeLength
  pages: number
  /** False when even the shortest form (everything optional left out) is longer than asked. */
  fits: boolean
  /** Items left out only to fit the length (their decisions have `toFit: true`). */
  dropped: number
  /** One sentence for the screen and the command line, or null when nothing needed saying. */
  note: string | null
}

export interface ResumePreview {
  /** The PDF, base64. */
  pdfBase64: string
  pageCount: number
  /** PDF title, also the window title of a viewer. */
  title: string
  /** A file name to offer when saving ("Ada Lovelace - Data Analyst resume.pdf"). */
  fileName: string
  role: { ref: RoleRefString; title: string } | null
  /** The role's skills the resume shows (the PDF's Keywords). */
  keywords: string[]
  /** Every item, in and out; included items in print order. */
  decisions: ResumeDecision[]
  length: ResumeLengthOutcome
  /**
   * Text the fonts cannot show (a script no bundled or system font covers), in plain words, e.g.
   * "王小明 (Chinese) in your name: no font on this computer can show it". Empty when all is shown.
   */
  unprintable: string[]
  /** The settings after defaults, as rendered. */
  settings: ResumeSettingsValue
}

/** The resume as a Word document, with the same content and order as the PDF of the same settings. */
export interface ResumeDocx {
  docxBase64: string
  /** "Maya Patel - Data Analyst resume.docx" */
  fileName: string
  decisions: ResumeDecision[]
  length: ResumeLengthOutcome
}

export interface ReportPdf {
  pdfBase64: string
  pageCount: number
  title: string
  fileName: string
}

export interface ResumeVariant {
  id: number
  name: string
  settings: ResumeSettingsValue
  /** The role's title when the variant targets one (null if the role was deleted or none). */
  roleTitle: string | null
  sentTo: string | null
  sentOn: string | null
  createdAt: string
  updatedAt: string
}
