/**
 * Resume options, as zod schemas (pure zod, no Node), with defaults. The enums (sections,
 * templates, page sizes, font scales) come from the contract (electron/shared/resume.ts), so the
 * Resume screen, the command line and the renderer share one list.
 */
import { z } from 'zod'
import { FONT_SCALES, PAGE_SIZES, RESUME_TEMPLATES, SECTION_KEYS } from '../../shared/resume'

export { FONT_SCALES, PAGE_SIZES, RESUME_TEMPLATES, SECTION_KEYS }
export type { FontScale, PageSize, ResumeTemplate, SectionKey } from '../../shared/resume'

export const RoleSkillSchema = z.object({
  key: z.string().min(1).max(300),
  name: z.string().trim().min(1).max(200),
  weight: z.number().min(0).max(1).default(0.5),
  essential: z.boolean().default(false),
})
export const TargetRoleSchema = z.object({
  title: z.string().trim().min(1).max(300),
  skills: z.array(RoleSkillSchema).max(500).readonly(),
  /** Entry id → keys of the role's skills it is evidence for (from the evidence engine). */
  evidence: z.record(z.string().max(40), z.array(z.string().max(300)).max(500).readonly()).default({}),
})

const ids = z.array(z.string().max(40)).max(2000).readonly()
export const TailorChoicesSchema = z.object({
  pinned: ids.optional(),
  hidden: ids.optional(),
  order: ids.optional(),
  expired: z.enum(['mark', 'hide']).optional(),
  limits: z
    .object({
      credentials: z.number().int().min(0).max(500).optional(),
      projects: z.number().int().min(0).max(500).optional(),
      skillsPerGroup: z.number().int().min(0).max(500).optional(),
    })
    .optional(),
})

export const ResumeOptionsSchema = z.object({
  template: z.enum(RESUME_TEMPLATES).default('ats'),
  pageSize: z.enum(PAGE_SIZES).default('a4'),
  /** `#rrggbb`; anything else falls back to the default accent. */
  accent: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/, 'must be a colour like #1f5f8b')
    .optional(),
  fontScale: z.enum(FONT_SCALES).default('normal'),
  showQr: z.boolean().default(false),
  /** BCP 47 language of the content, written to the PDF catalog. */
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).default('en'),
  role: TargetRoleSchema.nullish(),
  choices: TailorChoicesSchema.optional(),
  /** Sections in print order; a section left out is not printed. */
  sections: z.array(z.enum(SECTION_KEYS)).max(SECTION_KEYS.length).readonly().optional(),
  /** Tagged PDF structure (accessibility); on by default. */
  tagged: z.boolean().default(true),
})
export type ResumeOptions = z.input<typeof ResumeOptionsSchema>
export type ResolvedResumeOptions = z.output<typeof ResumeOptionsSchema>

export const ReportOptionsSchema = z.object({
  pageSize: z.enum(PAGE_SIZES).default('a4'),
  accent: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/)
    .optional(),
  fontScale: z.enum(FONT_SCALES).default('normal'),
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).default('en'),
  tagged: z.boolean().default(true),
})
export type ReportOptions = z.input<typeof ReportOptionsSchema>
