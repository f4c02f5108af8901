/**
 * The ATS template: one column, section headings in bold capitals, no tables, text boxes or
 * columns, dates right-aligned on the title line. The reading order of the text is the visual
 * order, top to bottom; the only graphics are hairlines and (optionally) QR codes, outside the
 * text.
 */
import type { ResumeDocument } from '../../../shared/resume-document'
import { drawPage, paginate } from '../layout/engine'
import type { Tag } from '../layout/tags'
import { type Ctx, Flow } from './blocks'
import { type LaidOut, type PageBox, ruleUnit } from './common'
import { header } from './header'
import { section } from './sections'

export function layoutAts(ctx: Ctx, doc: ResumeDocument, page: PageBox, root: Tag): LaidOut {
  const margin = { left: 54, right: 54, top: 46, bottom: 50 }
  const width = page.width - margin.left - margin.right
  const f = new Flow(ctx, width)
  const { gap } = ctx.theme

  header(f, root, doc.header)
  f.space(gap * 0.9).custom(ruleUnit(f, { color: ctx.theme.accent, weight: 1.1, space: 0 }))
  for (const s of doc.sections) {
    f.space(gap * 2.4)
    section(f, root, s, { narrow: false })
  }

  const frame = { x: margin.left, width, top: margin.top, bottom: page.height - margin.bottom }
  const p = paginate(f.units, () => frame)
  return {
    pages: p.pages,
    drawPage: (n) => drawPage(p, n, frame),
    marker: { x: margin.left, width, y: 20 },
  }
}
