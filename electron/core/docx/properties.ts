/**
 * The document's properties (docProps/core.xml and app.xml), written here rather than by
 * `docx`, which stamps them with the computer's clock and has no field for the language: the
 * caller's clock gives the dates (none without one), so the same resume gives the same
 * properties.
 */
import { xmlText } from './text'

export interface DocxProperties {
  title: string
  subject: string
  keywords: string[]
  /** The person the resume is about: Word shows it as the author. */
  author: string
  /** BCP 47. */
  lang: string
  now: Date | null
}

const element = (name: string, value: string) => (value ? `<${name}>${xmlText(value)}</${name}>` : '')
/** W3CDTF as Word writes it: seconds, no fraction. */
const timestamp = (name: string, now: Date) => `<${name} xsi:type="dcterms:W3CDTF">${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}</${name}>`

export function corePropertiesXml(p: DocxProperties): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', p.title),
    element('dc:subject', p.subject),
    element('dc:creator', p.author),
    element('cp:keywords', p.keywords.join(', ')),
    element('dc:language', p.lang),
    element('cp:lastModifiedBy', p.author),
    '<cp:revision>1</cp:revision>',
    p.now ? timestamp('dcterms:created', p.now) + timestamp('dcterms:modified', p.now) : '',
    '</cp:coreProperties>',
  ].join('')
}

/** The application that wrote the file (Word shows "Skillfolio" under Details). */
export function appPropertiesXml(): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
    '<Application>Skillfolio</Application>',
    '</Properties>',
  ].join('')
}
