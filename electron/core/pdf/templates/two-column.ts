/**
 * The two-column template: a full-width header (name, headline, contact details), then on page
 * one a tinted sidebar on the left (Skills, Education, Certifications) beside the main column
 * (Summary, Experience, Projects).
 *
 * Parsers read a page's text in the order it is drawn, as one column: the header, then the
 * sidebar, then the main column, never interleaved line by line. So the sidebar holds only
 * sections that fit in it beside page one; a sidebar section that would run over goes to the
 * main column, in its place in the section order, and later pages have the main column only.
 * The structure tree has the same order: header, sidebar sections, main sections.
 */
import type { ResumeDocSection, ResumeDocument } from '../../../shared/resume-document'
import type { SectionKey } from '../../../shared/resume'
import { drawPage, paginate } from '../layout/engine'
import { artifact, rootTag, type Tag } from '../layout/tags'
import { type Ctx, Flow } from './blocks'
import type { LaidOut, PageBox } from './common'
import { header } from './header'
import { section } from './sections'

/** Sections the sidebar takes, when they fit beside page one. */
export const SIDEBAR_SECTIONS: readonly SectionKey[] = ['skills', 'education', 'credentials']

export function layoutTwoColumn(ctx: Ctx, doc: ResumeDocument, page: PageBox, root: Tag): LaidOut {
  const { gap } = ctx.theme
  const sideWidth = Math.round(page.width * 0.325)
  const side = { x: 26, width: sideWidth - 26 - 17 }
  const mainX = sideWidth + 22
  const main = { x: mainX, width: page.width - mainX - 38 }
  const top = 40
  const bottom = page.height - 46

  // Header across the page.
  const head = new Flow(ctx, page.width - side.x - 38)
  header(head, root, doc.header)
  const headerBottom = top - 6 + head.height() + gap * 2.2
  const columnTop = (n: number) => (n === 0 ? headerBottom + gap * 2.4 : top)
  const sectionGap = gap * 2.6

  // Sidebar sections, in order, while they fit beside page one (measured with an inert tag).
  const room = bottom - columnTop(0)
  const inSidebar = new Set<ResumeDocSection>()
  let used = 0
  for (const s of doc.sections.filter((x) => SIDEBAR_SECTIONS.includes(x.key))) {
    const probe = new Flow(ctx, side.width)
    section(probe, rootTag(ctx.doc, false), s, { narrow: true })
    const h = probe.height() + (inSidebar.size ? sectionGap : 0)
    if (used + h <= room) {
      inSidebar.add(s)
      used += h
    }
  }

  const aside = root.child('Div', { title: 'Sidebar' })
  const sf = new Flow(ctx, side.width)
  for (const s of doc.sections.filter((x) => inSidebar.has(x))) {
    if (sf.units.length) sf.space(sectionGap)
    section(sf, aside, s, { narrow: true })
  }
  const mainTag = root.child('Div', { title: 'Main' })
  const mf = new Flow(ctx, main.width)
  for (const s of doc.sections.filter((x) => !inSidebar.has(x))) {
    if (mf.units.length) mf.space(sectionGap)
    section(mf, mainTag, s, { narrow: false })
  }

  const sideFrame = { x: side.x, width: side.width, top: columnTop(0), bottom }
  const mainFrame = (n: number) => ({ x: main.x, width: main.width, top: columnTop(n), bottom })
  const sp = paginate(sf.units, () => sideFrame)
  const mp = paginate(mf.units, mainFrame)
  const pages = Math.max(sp.pages, mp.pages)
  const { doc: pdf, tagged } = ctx

  return {
    pages,
    drawPage: (n) => {
      artifact(pdf, tagged, () => {
        const bandTop = n === 0 ? headerBottom : 0
        pdf.save().rect(0, bandTop, sideWidth, page.height - bandTop).fillColor(ctx.theme.tint).fill()
        if (n === 0) pdf.moveTo(0, headerBottom).lineTo(page.width, headerBottom).lineWidth(1.1).strokeColor(ctx.theme.accent).stroke()
        pdf.restore()
      })
      if (n === 0) {
        let y = top - 6
        head.units.forEach((u, k) => {
          if (k) y += u.spaceBefore
          u.draw(side.x, y, head.width)
          y += u.height
        })
        drawPage(sp, 0, sideFrame)
      }
      drawPage(mp, n, mainFrame(n))
    },
    marker: { x: main.x, width: main.width, y: 16 },
  }
}
