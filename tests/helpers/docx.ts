/**
 * Reads a .docx back the way a parser would: unzip (fflate), parse the XML (saxes), and list
 * the body's paragraphs with their style, list numbering, text (a tab as "\t") and links
 * resolved through word/_rels/document.xml.rels.
 */
import { strFromU8, unzipSync } from 'fflate'
import { SaxesParser } from 'saxes'

export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: Array<XmlNode | string>
}

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [] }
  const stack: XmlNode[] = [root]
  const parser = new SaxesParser()
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attrs: { ...tag.attributes }, children: [] }
    stack.at(-1)!.children.push(node)
    stack.push(node)
  })
  parser.on('closetag', () => void stack.pop())
  parser.on('text', (text) => void stack.at(-1)!.children.push(text))
  parser.write(xml).close()
  return root
}

/** Every element called `name` under `node`, in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = []
  for (const child of node.children) {
    if (typeof child === 'string') continue
    if (child.name === name) out.push(child)
    out.push(...findAll(child, name))
  }
  return out
}

export const find = (node: XmlNode, name: string): XmlNode | undefined => findAll(node, name)[0]

export interface DocxParagraph {
  /** w:pStyle, e.g. "Title", "Heading1", "ListParagraph". */
  style: string | null
  /** The list it belongs to, if numbered: its w:numId and level. */
  list: { numId: string; level: number } | null
  /** w:t text in order, w:tab as "\t". */
  text: string
  links: Array<{ text: string; target: string }>
  tabStops: Array<{ type: string; pos: number }>
  keepNext: boolean
}

export interface ReadDocx {
  /** Every part, by path. */
  parts: Record<string, string>
  paragraphs: DocxParagraph[]
  /** w:pgSz and w:pgMar of the (only) section, in twips. */
  page: { width: number; height: number; margins: { top: number; right: number; bottom: number; left: number } }
  /** numIds whose level 0 is a bullet ("bullet" format), with the bullet character. */
  bulletLists: Map<string, string>
  /** docProps/core.xml and app.xml, by element name without prefix. */
  properties: Record<string, string>
  styles: XmlNode
}

function textOf(node: XmlNode): string {
  let out = ''
  for (const child of node.children) {
    if (typeof child === 'string') continue
    if (child.name === 'w:t') out += child.children.filter((c): c is string => typeof c === 'string').join('')
    else if (child.name === 'w:tab' && node.name === 'w:r') out += '\t'
    else if (child.name !== 'w:pPr' && child.name !== 'w:rPr') out += textOf(child)
  }
  return out
}

function bulletLists(numbering: XmlNode): Map<string, string> {
  const abstract = new Map<string, string | null>()
  for (const a of findAll(numbering, 'w:abstractNum')) {
    const lvl = findAll(a, 'w:lvl').find((l) => l.attrs['w:ilvl'] === '0')
    const bullet = lvl && find(lvl, 'w:numFmt')?.attrs['w:val'] === 'bullet'
    abstract.set(a.attrs['w:abstractNumId']!, bullet ? (find(lvl, 'w:lvlText')?.attrs['w:val'] ?? '') : null)
  }
  const out = new Map<string, string>()
  for (const num of findAll(numbering, 'w:num')) {
    const char = abstract.get(find(num, 'w:abstractNumId')?.attrs['w:val'] ?? '')
    if (char != null) out.set(num.attrs['w:numId']!, char)
  }
  return out
}

export function readDocx(bytes: Uint8Array): ReadDocx {
  const files = unzipSync(bytes)
  const parts = Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]))
  const part = (path: string) => {
    if (parts[path] === undefined) throw new Error(`The .docx has no ${path}`)
    return parseXml(parts[path])
  }
  const rels = new Map(findAll(part('word/_rels/document.xml.rels'), 'Relationship').map((r) => [r.attrs.Id!, r.attrs.Target!]))
  const document = part('word/document.xml')
  const paragraphs = findAll(document, 'w:p').map((p): DocxParagraph => {
    const pPr = p.children.find((c): c is XmlNode => typeof c !== 'string' && c.name === 'w:pPr')
    const numPr = pPr && find(pPr, 'w:numPr')
    return {
      style: (pPr && find(pPr, 'w:pStyle')?.attrs['w:val']) ?? null,
      list: numPr ? { numId: find(numPr, 'w:numId')!.attrs['w:val']!, level: Number(find(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0) } : null,
      text: textOf(p),
      links: findAll(p, 'w:hyperlink').map((h) => ({ text: textOf(h), target: rels.get(h.attrs['r:id']!) ?? `(no relationship ${h.attrs['r:id']})` })),
      tabStops: pPr ? findAll(pPr, 'w:tab').map((t) => ({ type: t.attrs['w:val']!, pos: Number(t.attrs['w:pos']) })) : [],
      keepNext: Boolean(pPr && find(pPr, 'w:keepNext')),
    }
  })
  const sect = find(document, 'w:sectPr')!
  const size = find(sect, 'w:pgSz')!.attrs
  const margin = find(sect, 'w:pgMar')!.attrs
  const properties: Record<string, string> = {}
  for (const path of ['docProps/core.xml', 'docProps/app.xml'])
    for (const el of part(path).children.flatMap((c) => (typeof c === 'string' ? [] : c.children)))
      if (typeof el !== 'string') properties[el.name.replace(/^.*:/, '')] = textOf({ name: '#', attrs: {}, children: [{ name: 'w:t', attrs: {}, children: el.children }] })
  return {
    parts,
    paragraphs,
    page: {
      width: Number(size['w:w']),
      height: Number(size['w:h']),
      margins: { top: Number(margin['w:top']), right: Number(margin['w:right']), bottom: Number(margin['w:bottom']), left: Number(margin['w:left']) },
    },
    bulletLists: bulletLists(part('word/numbering.xml')),
    properties,
    styles: part('word/styles.xml'),
  }
}

/** The body's text, one paragraph a line. */
export const docxText = (d: ReadDocx) => d.paragraphs.map((p) => p.text).join('\n')

export const isDocx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && 'word/document.xml' in unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })
