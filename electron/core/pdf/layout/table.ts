/**
 * Simple tables for the reports: each row is one unit (cells wrap, the row never splits), the
 * header row is repeated at the top of every page the table continues on, and the structure is
 * tagged Table > TR > TH / TD.
 */
import type { Unit } from './engine'
import { artifact, type Doc, type Tag } from './tags'
import type { Line, Run, Typesetter } from './text'

export interface Column {
  /** Fraction of the table width (the fractions should add up to 1). */
  width: number
  align?: 'left' | 'right'
}

/** A cell: paragraphs of runs, or a custom drawing next to optional text. */
export interface Cell {
  runs: Run[][]
  /** Drawn before the text, inside the cell (a meter, a check box); `indent` reserves its width. */
  graphic?: { width: number; draw: (x: number, top: number, lineHeight: number) => void }
}

export interface TableStyle {
  rule: string
  headerRule: string
  padY: number
  gapX: number
}

interface LaidCell {
  cell: Cell
  lines: Line[]
  tag: Tag | null
  x: number
  width: number
}

export function tableUnits(
  ts: Typesetter,
  doc: Doc,
  tagged: boolean,
  parent: Tag,
  o: { width: number; columns: Column[]; header: Run[][]; rows: Cell[][]; style: TableStyle },
): Unit[] {
  const table = parent.child('Table')
  const xs: number[] = []
  let acc = 0
  for (const c of o.columns) {
    xs.push(acc * o.width)
    acc += c.width
  }
  const layRow = (cells: Cell[], cellType: 'TH' | 'TD', isHeader: boolean, inTree = true): Unit => {
    const tr = inTree ? table.child('TR') : null
    const laid: LaidCell[] = cells.map((cell, i) => {
      const col = o.columns[i]!
      const colWidth = col.width * o.width - (i < cells.length - 1 ? o.style.gapX : 0)
      const textWidth = colWidth - (cell.graphic?.width ?? 0)
      const lines = cell.runs.flatMap((runs) => ts.wrap(runs, textWidth))
      return { cell, lines, tag: tr ? tr.child(cellType) : null, x: xs[i]!, width: colWidth }
    })
    const heights = laid.map((c) => c.lines.reduce((h, l) => h + ts.lineHeight(l.size), 0))
    const height = Math.max(...heights, ts.lineHeight(8)) + o.style.padY * 2
    return {
      height,
      spaceBefore: 0,
      keepWithNext: isHeader,
      role: isHeader ? 'table-header' : 'row',
      draw: (x, y, width) => {
        for (const [i, c] of laid.entries()) {
          const col = o.columns[i]!
          let ly = y + o.style.padY
          const first = c.lines[0]
          if (c.cell.graphic) {
            const g = c.cell.graphic
            const lh = first ? ts.lineHeight(first.size) : ts.lineHeight(8)
            artifact(doc, tagged, () => g.draw(x + c.x, ly, lh))
          }
          for (const line of c.lines) {
            const lh = ts.lineHeight(line.size)
            const lx = col.align === 'right' ? x + c.x + c.width - line.width : x + c.x + (c.cell.graphic?.width ?? 0)
            if (c.tag) ts.drawLine(line, lx, ly, lh, c.tag)
            else artifact(doc, tagged, () => ts.drawLine(line, lx, ly, lh, null))
            ly += lh
          }
        }
        artifact(doc, tagged, () => {
          doc
            .save()
            .moveTo(x, y + height)
            .lineTo(x + width, y + height)
            .lineWidth(isHeader ? 0.8 : 0.4)
            .strokeColor(isHeader ? o.style.headerRule : o.style.rule)
            .stroke()
            .restore()
        })
      },
    }
  }
  const headerCells = o.header.map((runs): Cell => ({ runs: [runs] }))
  const header = layRow(headerCells, 'TH', true)
  // On continuation pages the header row is repeated as an artifact (it is in the tree once).
  const repeat = layRow(headerCells, 'TH', true, false)
  const rows = o.rows.map((cells) => ({ ...layRow(cells, 'TD', false), repeat }))
  return [header, ...rows]
}
