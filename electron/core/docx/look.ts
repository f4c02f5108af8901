/**
 * The Word document's look: page sizes and margins, fonts, colours, type sizes and the
 * paragraph styles the writer names. Word keeps fonts by name, so the faces are ones Word,
 * LibreOffice (metric twins Carlito and Caladea) and Google Docs all have. Sizes follow the
 * PDF's ATS template, scaled to Word's usual body size.
 */
import { AlignmentType, BorderStyle, LevelFormat, UnderlineType, type INumberingOptions, type IParagraphStyleOptions, type IStylesOptions } from 'docx'

export type DocxPageSize = 'a4' | 'letter'

/** Page width and height in twips (1/20 pt). */
export const PAGE_TWIPS: Readonly<Record<DocxPageSize, { width: number; height: number }>> = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
}

/** The PDF's ATS margins (54 pt sides and bottom, 46 pt top), in twips. */
export const MARGIN_TWIPS = { top: 920, right: 1080, bottom: 1080, left: 1080 } as const

export const textWidth = (size: DocxPageSize) => PAGE_TWIPS[size].width - MARGIN_TWIPS.left - MARGIN_TWIPS.right

const BODY_FONT = 'Calibri'
const NAME_FONT = 'Cambria'

export const COLOURS = {
  ink: '1B1F27',
  body: '2F3540',
  muted: '5D6573',
  accent: '1F5F8B',
  rule: 'D5D9DF',
  warn: '9A3412',
} as const

/** Half-points, as Word stores run sizes. */
export const SIZES = { name: 44, headline: 23, contact: 19, heading: 22, title: 22, meta: 20, body: 21, small: 19 } as const

/** Style ids the writer puts on paragraphs (besides Title, Heading1 and the list paragraphs). */
export const STYLE = { headline: 'Headline', contact: 'Contact', entryTitle: 'EntryTitle', entryMeta: 'EntryMeta', body: 'BodyText', detail: 'EntryDetail' } as const

/** The one list definition: a real Word bullet list ("•" in the numbering part, not typed). */
export const BULLETS = 'resume-bullets'

export function numbering(): INumberingOptions {
  return {
    config: [
      {
        reference: BULLETS,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 300, hanging: 220 } }, run: { font: BODY_FONT } },
          },
        ],
      },
    ],
  }
}

export function styles(lang: string): IStylesOptions {
  const paragraph = (id: string, name: string, o: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    ...o,
  })
  return {
    default: {
      document: {
        run: { font: { ascii: BODY_FONT, hAnsi: BODY_FONT, cs: BODY_FONT }, size: SIZES.body, color: COLOURS.body, language: { value: lang } },
        paragraph: { spacing: { before: 0, after: 0, line: 264 } },
      },
      title: {
        run: { font: NAME_FONT, size: SIZES.name, bold: true, color: COLOURS.ink },
        paragraph: { spacing: { before: 0, after: 40, line: 240 }, keepNext: true },
      },
      heading1: {
        run: { font: BODY_FONT, size: SIZES.heading, bold: true, color: COLOURS.accent, characterSpacing: 10 },
        paragraph: {
          spacing: { before: 280, after: 100 },
          keepNext: true,
          keepLines: true,
          // Outline level 1: Word's navigation pane and parsers that read the outline see the section.
          outlineLevel: 0,
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule, space: 2 } },
        },
      },
      hyperlink: { run: { color: COLOURS.accent, underline: { type: UnderlineType.SINGLE } } },
      listParagraph: { paragraph: { spacing: { before: 20, after: 20 } } },
    },
    paragraphStyles: [
      paragraph(STYLE.headline, 'Headline', { run: { size: SIZES.headline, color: COLOURS.accent }, paragraph: { spacing: { after: 40 }, keepNext: true } }),
      paragraph(STYLE.contact, 'Contact', {
        run: { size: SIZES.contact, color: COLOURS.muted },
        paragraph: { spacing: { before: 40, after: 0 }, border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: COLOURS.accent, space: 6 } } },
      }),
      paragraph(STYLE.entryTitle, 'Entry Title', { run: { size: SIZES.title, bold: true, color: COLOURS.ink }, paragraph: { spacing: { before: 140 }, keepNext: true, keepLines: true } }),
      paragraph(STYLE.entryMeta, 'Entry Details', { run: { size: SIZES.meta, color: COLOURS.muted }, paragraph: { spacing: { after: 30 } } }),
      paragraph(STYLE.body, 'Entry Text', { paragraph: { spacing: { before: 20, after: 20 } } }),
      paragraph(STYLE.detail, 'Entry Note', { run: { size: SIZES.small, color: COLOURS.muted }, paragraph: { spacing: { before: 20 } } }),
    ],
  }
}
