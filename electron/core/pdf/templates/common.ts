/** What a template returns to the renderer, and small helpers both templates use. */
import type { Unit } from '../layout/engine'
import { artifact } from '../layout/tags'
import type { Run } from '../layout/text'
import { type Flow, run } from './blocks'

export interface LaidOut {
  pages: number
  /** Draws everything of page `page` (0-based) except the footer. */
  drawPage(page: number): void
  /** Where the footer goes. */
  footer: { x: number; width: number; y: number }
}

export interface PageBox {
  width: number
  height: number
}

/**
 * Items separated by " · " that wrap as whole items: a line break goes between items, never
 * leaving a separator at the end or the start of a line.
 */
export function joinItems(f: Flow, items: Run[][], width: number, sepStyle = f.theme.style.contact): Run[] {
  const sep = '  ·  '
  const sepWidth = f.ts.width(sepStyle, sep)
  const out: Run[] = []
  let used = 0
  items.forEach((item, i) => {
    const w = item.reduce((sum, r) => sum + f.ts.width(r.style, r.text), 0)
    if (i > 0) {
      if (used + sepWidth + w <= width) {
        out.push(run(sep, sepStyle))
        used += sepWidth
      } else {
        out.push(run('\n', sepStyle))
        used = 0
      }
    }
    out.push(...item)
    used += w
  })
  return out
}

/** A horizontal rule as a unit of its own (decoration). */
export function ruleUnit(f: Flow, o: { color: string; weight: number; space: number }): Unit {
  const { doc, tagged } = f.ctx
  return {
    height: o.weight + o.space,
    spaceBefore: 0,
    keepWithNext: true,
    role: 'rule',
    draw: (x, y, width) =>
      artifact(doc, tagged, () => {
        doc
          .save()
          .moveTo(x, y + o.weight / 2)
          .lineTo(x + width, y + o.weight / 2)
          .lineWidth(o.weight)
          .strokeColor(o.color)
          .stroke()
          .restore()
      }),
  }
}
