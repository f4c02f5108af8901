/**
 * The two-column template: a full-width header (name, headline), then a tinted sidebar on the
 * left (Contact, Skills, Certifications) and the main column on the right (Summary, Experience,
 * Projects, Education). Each column breaks across pages on its own; the page count is the
 * longer of the two.
 *
 * Text order (what pdf.js, pdftotext and a parser read): on every page, the header (page 1
 * only), then the sidebar, then the main column; columns never interleave line by line because
 * each is drawn as a whole. The structure tree has the same order: header, sidebar sections,
 * main sections.
 */
import { drawPage, paginate } from '../layout/engine'
import { artifact, type Tag } from '../layout/tags'
import type { TailoredResume } from '../../resume/tailor'
import { type Ctx, Flow, run } from './blocks'
import type { LaidOut, PageBox } from './common'
import {
  contactItems,
  credentialsSection,
  educationSection,
  experienceSection,
  projectsSection,
  SECTION_TITLES,
  type SectionKey,
  skillsSection,
  summarySection,
} from './sections'

export const SIDEBAR_SECTIONS: readonly SectionKey[] = ['skills', 'credentials']
export const TWO_COLUMN_SECTIONS: readonly SectionKey[] = ['summary', 'skills', 'experience', 'projects', 'credentials', 'education']

export function layoutTwoColumn(ctx: Ctx, t: TailoredResume, page: PageBox, sections: readonly SectionKey[], root: Tag): LaidOut {
  const { style, gap, scale } = ctx.theme
  const { doc, tagged } = ctx
  const sideWidth = Math.round(page.width * 0.325)
  const side = { x: 26, width: sideWidth - 26 - 17 }
  const mainX = sideWidth + 22
  const main = { x: mainX, width: page.width - mainX - 38 }
  const top = 40
  const bottom = page.height - 50

  // Header across the page.
  const header = new Flow(ctx, page.width - side.x - 38)
  header.text([run(t.profile.name, style.name)], root.child('H1'), { leading: 1.2, role: 'name' })
  if (t.profile.headline) header.space(1 * scale).text([run(t.profile.headline, style.headline)], root.child('P'))
  const headerHeight = header.units.reduce((h, u) => h + u.spaceBefore + u.height, 0)
  const headerBottom = top - 6 + headerHeight + gap * 2.2

  // Sidebar: contact, then the sidebar sections in the chosen order.
  const aside = root.child('Div', { title: 'Sidebar' })
  const sf = new Flow(ctx, side.width)
  const contact = contactItems(sf, t.profile, style.contactLink, style.contact)
  if (contact.length) {
    const sect = sf.heading(SECTION_TITLES.contact, aside)
    for (const item of contact) sf.text(item, sect.child('P'), { leading: 1.5 })
  }
  for (const key of sections.filter((k) => SIDEBAR_SECTIONS.includes(k))) {
    sf.space(gap * 2.6)
    if (key === 'skills') skillsSection(sf, aside, t.skills, { compact: true })
    else if (key === 'credentials') credentialsSection(sf, aside, t.credentials, { compact: true })
  }

  // Main column.
  const mainTag = root.child('Div', { title: 'Main' })
  const mf = new Flow({ ...ctx, datesBelow: true }, main.width)
  for (const key of sections.filter((k) => !SIDEBAR_SECTIONS.includes(k))) {
    mf.space(gap * 2.6)
    if (key === 'summary') summarySection(mf, mainTag, t.profile)
    else if (key === 'experience') experienceSection(mf, mainTag, t.experience)
    else if (key === 'projects') projectsSection(mf, mainTag, t.projects)
    else if (key === 'education') educationSection(mf, mainTag, t.education)
  }

  const columnTop = (n: number) => (n === 0 ? headerBottom + gap * 2.4 : top)
  const sideFrame = (n: number) => ({ x: side.x, width: side.width, top: columnTop(n), bottom })
  const mainFrame = (n: number) => ({ x: main.x, width: main.width, top: columnTop(n), bottom })
  const sp = paginate(sf.units, sideFrame)
  const mp = paginate(mf.units, mainFrame)
  const pages = Math.max(sp.pages, mp.pages)

  return {
    pages,
    drawPage: (n) => {
      artifact(doc, tagged, () => {
        doc.save().rect(0, n === 0 ? headerBottom : 0, sideWidth, page.height - (n === 0 ? headerBottom : 0)).fillColor(ctx.theme.tint).fill()
        if (n === 0) doc.moveTo(0, headerBottom).lineTo(page.width, headerBottom).lineWidth(1.1).strokeColor(ctx.theme.accent).stroke()
        doc.restore()
      })
      if (n === 0) {
        let y = top - 6
        for (const u of header.units) {
          y += u.spaceBefore
          u.draw(side.x, y, header.width)
          y += u.height
        }
      }
      drawPage(sp, n, sideFrame(n))
      drawPage(mp, n, mainFrame(n))
    },
    footer: { x: main.x, width: main.width, y: page.height - 30 },
  }
}
