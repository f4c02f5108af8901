/** What a template returns to the renderer, and small helpers both templates use. */
import type { Unit } from '../layout/engine'
import { artifact } from '../layout/tags'
import type { Flow } from './blocks'

export interface LaidOut {
  pages: number
  /** Draws everything of page `page` (0-based) except the page number. */
  drawPage(page: number): void
  /** Where the page number goes: right-aligned in this box, near the top of the page. */
  marker: { x: number; width: number; y: number }
}

export interface PageBox {
  width: number
  height: number
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
