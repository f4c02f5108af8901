/**
 * Layout options of the PDFs, as zod schemas (pure zod, no Node), with defaults. The enums
 * (templates, page sizes, font scales) come from electron/shared/resume.ts, so the Resume
 * screen, the command line and the renderer share one list. What a resume includes (role,
 * choices, sections) is core/resume's business, not the layout's.
 */
import { z } from 'zod'
import { FONT_SCALES, PAGE_SIZES, RESUME_TEMPLATES, SECTION_KEYS } from '../../shared/resume'

export { FONT_SCALES, PAGE_SIZES, RESUME_TEMPLATES, SECTION_KEYS }
export type { FontScale, PageSize, ResumeTemplate, SectionKey } from '../../shared/resume'

/** How a ResumeDocument is laid out on paper; what it says is decided before (core/resume). */
export const PdfLayoutSchema = z.object({
  template: z.enum(RESUME_TEMPLATES).default('ats'),
  pageSize: z.enum(PAGE_SIZES).default('a4'),
  /** `#rrggbb`; null or absent gives the default accent. */
  accent: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/, 'must be a colour like #1f5f8b')
    .nullish(),
  fontScale: z.enum(FONT_SCALES).default('normal'),
  /** A QR code beside each credential with a verification link. */
  showQr: z.boolean().default(false),
  /** Tagged PDF structure (accessibility); on by default. */
  tagged: z.boolean().default(true),
  /** Colour the statuses marked `warn` (expired credentials); otherwise they are marked in words only. */
  highlightExpired: z.boolean().default(false),
})
export type PdfLayoutInput = z.input<typeof PdfLayoutSchema>
export type PdfLayout = z.output<typeof PdfLayoutSchema>

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
