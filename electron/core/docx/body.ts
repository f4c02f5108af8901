/**
 * The ResumeDocument as Word paragraphs, in the PDF's ATS order: name, headline, contact line,
 * then each section under a Heading 1 in capitals. Word's own structures carry the meaning a
 * parser or screen reader looks for: heading styles, a right tab stop for the dates, list
 * numbering for bullets, hyperlinks for addresses.
 */
import { ExternalHyperlink, HeadingLevel, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx'
import type { ResumeContactItem, ResumeDocDetail, ResumeDocEntry, ResumeDocLink, ResumeDocSection, ResumeDocument } from '../../shared/resume-document'
import { BULLETS, COLOURS, STYLE } from './look'
import { clean } from './text'

export interface BodyOptions {
  /** Where the right tab stop for dates sits: the text width, in twips. */
  rightEdge: number
  /** Colour the statuses marked `warn`. */
  highlightExpired: boolean
  lang: string
}

const SEPARATOR = ' · '

interface RunLook {
  bold?: boolean
  color?: string
}

const text = (value: string, look: RunLook = {}) => new TextRun({ text: clean(value), ...look })

/** Linked text, styled Hyperlink; plain text when there is no link. */
function linked(value: string, link: ResumeDocLink | null): ParagraphChild {
  if (!link) return text(value)
  return new ExternalHyperlink({ link: clean(link.url), children: [new TextRun({ text: clean(value), style: 'Hyperlink' })] })
}

/** Parts joined by " · ", each part's runs kept together. */
function joined(parts: ParagraphChild[][]): ParagraphChild[] {
  return parts.flatMap((runs, i) => (i ? [text(SEPARATOR), ...runs] : runs))
}

function contactRuns(item: ResumeContactItem): ParagraphChild[] {
  return [...(item.label ? [text(`${item.label}: `)] : []), linked(item.text, item.link)]
}

function header(doc: ResumeDocument): Paragraph[] {
  const out = [new Paragraph({ heading: HeadingLevel.TITLE, children: [text(doc.header.name)] })]
  if (doc.header.headline) out.push(new Paragraph({ style: STYLE.headline, children: [text(doc.header.headline)] }))
  if (doc.header.contact.length) out.push(new Paragraph({ style: STYLE.contact, children: joined(doc.header.contact.map(contactRuns)) }))
  return out
}

/** The bold title (linked if it has a link), then the dates against the right margin. */
function titleLine(o: BodyOptions, title: ParagraphChild[], dates: string | null, line: { keepNext: boolean; compact?: boolean }): Paragraph {
  return new Paragraph({
    style: STYLE.entryTitle,
    keepNext: line.keepNext,
    // Compact lines follow each other closely, like a list.
    ...(line.compact ? { spacing: { before: 50 } } : {}),
    tabStops: [{ type: TabStopType.RIGHT, position: o.rightEdge }],
    children: [...title, ...(dates ? [new TextRun({ children: [new Tab(), clean(dates)], bold: false, color: COLOURS.muted })] : [])],
  })
}

/** In words, in the muted colour of the details; in the warning colour only when the person asked. */
function statusRun(o: BodyOptions, status: NonNullable<ResumeDocEntry['status']>): TextRun {
  return text(status.text, status.warn && o.highlightExpired ? { color: COLOURS.warn, bold: true } : { bold: false, color: COLOURS.muted })
}

function detailLine(d: ResumeDocDetail): Paragraph {
  return new Paragraph({ style: STYLE.detail, children: [...(d.label ? [text(`${d.label}: `, { bold: true, color: COLOURS.body })] : []), linked(d.text, d.link)] })
}

/** The body every entry may have: paragraphs, a bullet list, then the small labelled lines. */
function entryBody(e: ResumeDocEntry): Paragraph[] {
  return [
    ...e.paragraphs.map((p) => new Paragraph({ style: STYLE.body, children: [text(p)] })),
    ...e.bullets.map((b) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [text(b)] })),
    ...e.details.map(detailLine),
  ]
}

function fullEntry(o: BodyOptions, e: ResumeDocEntry): Paragraph[] {
  const body = entryBody(e)
  const lines: ParagraphChild[][] = []
  if (e.subtitle.length) lines.push(joined(e.subtitle.map((s) => [text(s)])))
  if (e.status) lines.push([statusRun(o, e.status)])
  // The title and organisation lines stay on the page of the first line that follows them.
  const meta = lines.map((children, i) => new Paragraph({ style: STYLE.entryMeta, keepNext: i < lines.length - 1 || body.length > 0, children }))
  return [titleLine(o, [linked(e.title, e.titleLink)], e.dates, { keepNext: meta.length + body.length > 0 }), ...meta, ...body]
}

/** One line: title · issuer · status, the year on the right. A body, if the builder gave one, follows. */
function compactEntry(o: BodyOptions, e: ResumeDocEntry): Paragraph[] {
  const plain = { bold: false, color: COLOURS.muted }
  const rest = [...e.subtitle.map((s) => text(s, plain)), ...(e.status ? [statusRun(o, e.status)] : [])]
  const line = [linked(e.title, e.titleLink), ...rest.flatMap((r) => [text(SEPARATOR, plain), r])]
  const body = entryBody(e)
  return [titleLine(o, line, e.dates, { keepNext: body.length > 0, compact: true }), ...body]
}

/** Capitals for the heading text itself, as parsers read it; the language's rules when it has any. */
function capitals(value: string, lang: string): string {
  try {
    return value.toLocaleUpperCase(lang)
  } catch {
    return value.toUpperCase()
  }
}

function sectionBody(o: BodyOptions, s: ResumeDocSection): Paragraph[] {
  switch (s.key) {
    case 'summary':
      return s.paragraphs.filter(Boolean).map((p) => new Paragraph({ style: STYLE.body, children: [text(p)] }))
    case 'skills':
      return s.groups
        .filter((g) => g.skills.length)
        .map((g) => new Paragraph({ style: STYLE.body, children: [text(`${g.label}: `, { bold: true, color: COLOURS.ink }), text(g.skills.join(', '))] }))
    default:
      return s.entries.flatMap((e) => (s.compact ? compactEntry(o, e) : fullEntry(o, e)))
  }
}

/** Every paragraph of the document body, in print order; a section with nothing in it is left out. */
export function resumeParagraphs(doc: ResumeDocument, o: BodyOptions): Paragraph[] {
  const out = header(doc)
  for (const s of doc.sections) {
    const body = sectionBody(o, s)
    if (body.length) out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(capitals(s.title, o.lang))] }), ...body)
  }
  return out
}
