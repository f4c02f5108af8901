/**
 * A tiny block-layout engine.
 *
 * Content is a list of units (a line of text, a rule, an entry with a QR code…), each with a
 * known height, a collapsible space before it, and `keepWithNext`, which forbids a page break
 * between it and the next unit. `paginate` places units top to bottom in a frame per page; when
 * a unit does not fit, it breaks before the earliest unit of the chain of kept-together units
 * that ends there (so a heading moves with the entry title below it, and an entry title with its
 * first line). Units are never split, so no line is ever cut. A chain taller than a page is
 * broken where it overflows rather than looping.
 *
 * The page count is known before anything is drawn, so "page n / N" footers need neither
 * buffered pages nor a second pass, and pdfkit never adds a page on its own.
 */
import type { Line, Typesetter } from './text'
import type { Tag } from './tags'

export interface Unit {
  height: number
  /** Space above the unit, dropped at the top of a page. */
  spaceBefore: number
  /** No page break between this unit and the next. */
  keepWithNext: boolean
  /** Drawn at the top of a page this unit continues onto (a table's header row). */
  repeat?: Unit
  /** What the unit is, for tests and debugging ('heading', 'title', 'line', …). */
  role?: string
  draw(x: number, y: number, width: number): void
}

export interface Frame {
  x: number
  width: number
  top: number
  bottom: number
}

export interface Placement {
  unit: Unit
  page: number
  y: number
  /** Index in the input, or -1 for a repeated header. */
  index: number
}

export interface Pagination {
  placements: Placement[]
  pages: number
}

const EPSILON = 0.01

export function paginate(units: readonly Unit[], frameFor: (page: number) => Frame): Pagination {
  const placements: Placement[] = []
  let page = 0
  let frame = frameFor(0)
  let y = frame.top
  let start = 0
  let i = 0
  while (i < units.length) {
    const unit = units[i]!
    const first = i === start
    const space = first ? 0 : unit.spaceBefore
    if (first || y + space + unit.height <= frame.bottom + EPSILON) {
      placements.push({ unit, page, y: y + space, index: i })
      y += space + unit.height
      i++
      continue
    }
    // Break before the start of the kept-together chain that ends at unit i.
    let j = i
    while (j > start && units[j - 1]!.keepWithNext) j--
    if (j === start) j = i
    while (placements.length && placements[placements.length - 1]!.index >= j) placements.pop()
    page++
    frame = frameFor(page)
    y = frame.top
    start = j
    i = j
    const repeat = units[j]!.repeat
    if (repeat) {
      placements.push({ unit: repeat, page, y, index: -1 })
      y += repeat.height
    }
  }
  return { placements, pages: page + 1 }
}

/** Draws the placements of one page in a frame. */
export function drawPage(p: Pagination, page: number, frame: Frame): void {
  for (const pl of p.placements) if (pl.page === page) pl.unit.draw(frame.x, pl.y, frame.width)
}

/** Units for wrapped lines of text, one unit per line. */
export interface LinesOptions {
  tag: Tag | null
  spaceBefore?: number
  indent?: number
  /** Leading for these lines (default: the typesetter's). */
  leading?: number
  /** Keep every line with the next (the block never splits). */
  keepTogether?: boolean
  /** Keep the last line with what follows (headings, titles). */
  keepWithNext?: boolean
  /** Lines at each end of a splittable block that stay together (orphans and widows). */
  minLines?: number
  role?: string
  /** Drawn before the first line (a bullet), relative to the line box. */
  marker?: (x: number, top: number, lineHeight: number) => void
}

export function lineUnits(ts: Typesetter, lines: readonly Line[], o: LinesOptions): Unit[] {
  const n = lines.length
  const minLines = o.minLines ?? 2
  return lines.map((line, k): Unit => {
    const lh = ts.lineHeight(line.size || 1, o.leading)
    const last = k === n - 1
    const keep = last ? Boolean(o.keepWithNext) : Boolean(o.keepTogether) || k < minLines - 1 || k >= n - minLines
    return {
      height: lh,
      spaceBefore: k === 0 ? (o.spaceBefore ?? 0) : 0,
      keepWithNext: keep,
      role: k === 0 ? (o.role ?? 'line') : 'line',
      draw: (x, y) => {
        if (k === 0 && o.marker) o.marker(x, y, lh)
        ts.drawLine(line, x + (o.indent ?? 0), y, lh, o.tag)
      },
    }
  })
}

/** Marks the last unit of a block as kept with whatever follows. */
export function keepLastWithNext(units: Unit[]): Unit[] {
  const last = units[units.length - 1]
  if (last) last.keepWithNext = true
  return units
}

/** Makes a block unsplittable. */
export function keepTogether(units: Unit[]): Unit[] {
  units.forEach((u, i) => {
    if (i < units.length - 1) u.keepWithNext = true
  })
  return units
}
