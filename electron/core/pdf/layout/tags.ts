/**
 * Tagged-PDF structure (accessibility): a thin wrapper over pdfkit's structure elements.
 *
 * Elements are created while the layout is built, in reading order, so the structure tree
 * reads logically even when the columns of a two-column page are drawn in another order.
 * Content is attached when it is drawn: each `mark` call wraps the drawing operators in a
 * marked-content sequence (with an MCID) on the current page and adds it to the element, so
 * one element may own content on several pages. Decoration (rules, backgrounds, footers) is
 * drawn as artifacts, which screen readers skip.
 */
export type Doc = PDFKit.PDFDocument

export interface TagOptions {
  alt?: string
  title?: string
  lang?: string
  actual?: string
}

export class Tag {
  constructor(
    private readonly doc: Doc,
    readonly type: string,
    private readonly elem: PDFKit.PDFStructureElement | null,
  ) {}

  get element(): PDFKit.PDFStructureElement | null {
    return this.elem
  }

  /** A child element, appended after the children made so far. */
  child(type: string, options?: TagOptions): Tag {
    if (!this.elem) return new Tag(this.doc, type, null)
    const el = this.doc.struct(type, options ?? {})
    this.elem.add(el)
    return new Tag(this.doc, type, el)
  }

  /** Runs `draw` inside a marked-content sequence owned by this element. */
  mark(draw: () => void): void {
    if (!this.elem) return draw()
    const content = this.doc.markStructureContent(this.type)
    draw()
    this.doc.endMarkedContent()
    this.elem.add(content)
  }

  /** Ends the element and all its descendants (call once, after the last page is drawn). */
  end(): void {
    this.elem?.end()
  }
}

/** The document's root element (`Document`), or an inert tag when tagging is off. */
export function rootTag(doc: Doc, tagged: boolean): Tag {
  if (!tagged) return new Tag(doc, 'Document', null)
  const el = doc.struct('Document')
  doc.addStructure(el)
  return new Tag(doc, 'Document', el)
}

/** Draws decoration outside the structure tree. */
export function artifact(doc: Doc, tagged: boolean, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  if (!tagged) return draw()
  doc.markContent('Artifact', type ? { type } : undefined)
  draw()
  doc.endMarkedContent()
}
