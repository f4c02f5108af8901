/**
 * The ATS template: one column, plain section headings ("Summary", "Skills", "Experience",
 * "Projects", "Certifications", "Education"), no tables, text boxes or columns, dates
 * right-aligned on the title line. The reading order of the text is the visual order, top to
 * bottom; the only graphics are hairlines, bullet dots and (optionally) QR codes, all outside
 * the text.
 */
import { drawPage, paginate } from '../layout/engine'
import type { Tag } from '../layout/tags'
import type { TailoredResume } from '../../resume/tailor'
import { type Ctx, Flow, run } from './blocks'
import { joinItems, type LaidOut, type PageBox, ruleUnit } from './common'
import {
  contactItems,
  credentialsSection,
  educationSection,
  experienceSection,
  projectsSection,
  type SectionKey,
  skillsSection,
  summarySection,
} from './sections'

export const ATS_SECTIONS: readonly SectionKey[] = ['summary', 'skills', 'experience', 'projects', 'credentials', 'education']

export function layoutAts(ctx: Ctx, t: TailoredResume, page: PageBox, sections: readonly SectionKey[], root: Tag): LaidOut {
  const s = ctx.theme.scale
  const margin = { left: 54, right: 54, top: 46, bottom: 54 }
  const width = page.width - margin.left - margin.right
  const f = new Flow(ctx, width)
  const { style, gap } = ctx.theme

  // Header: name, headline, contact line, accent rule.
  f.text([run(t.profile.name, style.name)], root.child('H1'), { leading: 1.2, keepWithNext: true, role: 'name' })
  if (t.profile.headline) f.space(1 * s).text([run(t.profile.headline, style.headline)], root.child('P'), { keepWithNext: true })
  const contact = contactItems(f, t.profile)
  if (contact.length) f.space(gap * 0.55).text(joinItems(f, contact, width), root.child('P'), { keepWithNext: true, leading: 1.45 })
  f.space(gap * 0.9).custom(ruleUnit(f, { color: ctx.theme.accent, weight: 1.1, space: 0 }))

  for (const key of sections) {
    f.space(gap * 2.6)
    if (key === 'summary') summarySection(f, root, t.profile)
    else if (key === 'skills') skillsSection(f, root, t.skills, { compact: false })
    else if (key === 'experience') experienceSection(f, root, t.experience)
    else if (key === 'projects') projectsSection(f, root, t.projects)
    else if (key === 'credentials') credentialsSection(f, root, t.credentials, { compact: false })
    else if (key === 'education') educationSection(f, root, t.education)
  }

  const frame = { x: margin.left, width, top: margin.top, bottom: page.height - margin.bottom }
  const p = paginate(f.units, () => frame)
  return {
    pages: p.pages,
    drawPage: (n) => drawPage(p, n, frame),
    footer: { x: margin.left, width, y: page.height - margin.bottom + 22 },
  }
}
