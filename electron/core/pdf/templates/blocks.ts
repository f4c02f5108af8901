/**
 * Building blocks shared by the templates and the report: a `Flow` collects the units of one
 * column (headings, entry titles with right-aligned dates, paragraphs, bullet lists, lists of
 * separate items, rules), with the keep rules that make page breaks sensible, and the structure
 * tags that make them accessible.
 *
 * The text is built the way resume parsers read it (they see text items, not the page): a
 * heading is one bold item alone on its line; separate fields (a company and a location, an
 * email and a phone number) are separate items with clear space around their separator; a
 * bullet is the "•" character itself; a date is an item of its own.
 */
import { keepLastWithNext, keepTogether, lineUnits, type Unit } from '../layout/engine'
import { artifact, type Doc, type Tag } from '../layout/tags'
import type { Line, Run, Segment, TextStyle, Typesetter } from '../layout/text'
import type { Theme } from './theme'

export interface Ctx {
  doc: Doc
  ts: Typesetter
  theme: Theme
  tagged: boolean
  showQr: boolean
  /** Colour the statuses a document marks `warn` (expired credentials). */
  highlightExpired?: boolean
  /** BCP 47 language of the content (for upper-casing headings). */
  lang?: string
}

export const run = (text: string, style: TextStyle, link?: string | null, linkLabel?: string): Run => ({ text, style, link: link ?? null, ...(linkLabel ? { linkLabel } : {}) })

/** The bullet character, drawn as text so that extractors and parsers see it. */
export const BULLET = '•'

/** Space on each side of a separator between items, in ems: wider than a space, so extractors keep the items apart. */
const SEPARATOR_PAD = 0.75

/** Where `drawLine` puts a line's baseline in a box of height `lh`. */
function baselineOf(ts: Typesetter, line: Line, lh: number): number {
  const style = line.segments.find((s) => s.style.size === line.size)?.style
  return style ? ts.baseline(style, lh) : 0
}

const runsWidth = (ts: Typesetter, runs: readonly Run[]) => runs.reduce((w, r) => w + ts.width(r.style, r.text), 0)

/** One line of `pieces` (each a list of runs) at given offsets; segments of a piece merge as the typesetter would. */
function placedLine(ts: Typesetter, pieces: Array<{ runs: Run[]; x: number }>): Line {
  const segments: Segment[] = []
  let size = 0
  let width = 0
  for (const p of pieces) {
    // One line by construction: a line break inside an item's text (user text) reads as a space.
    const [line] = ts.wrap(
      p.runs.map((r) => (r.text.includes('\n') ? { ...r, text: r.text.replace(/\s*\n\s*/g, ' ') } : r)),
      Number.POSITIVE_INFINITY,
    )
    if (!line) continue
    for (const s of line.segments) segments.push({ ...s, x: p.x + s.x })
    size = Math.max(size, line.size)
    width = Math.max(width, p.x + line.width)
  }
  return { segments, width, size }
}

/**
 * Items on lines, a line break only between items. `sep` (a separator such as "·") stands
 * between items on a line with space on both sides, as a text item of its own; without it,
 * items are joined by `joiner` (", "), kept at the end of the item before it. An item wider
 * than a line wraps inside it as text does.
 */
export function itemLines(ts: Typesetter, items: readonly Run[][], width: number, o: { sep?: Run; joiner?: Run; prefix?: Run[] } = {}): Line[] {
  const lines: Line[] = []
  const pad = o.sep ? o.sep.style.size * SEPARATOR_PAD : 0
  const sepWidth = o.sep ? ts.width(o.sep.style, o.sep.text) + 2 * pad : 0
  let pieces: Array<{ runs: Run[]; x: number }> = []
  let used = 0
  const flush = () => {
    if (pieces.length) lines.push(placedLine(ts, pieces))
    pieces = []
    used = 0
  }
  if (o.prefix?.length) {
    pieces.push({ runs: o.prefix, x: 0 })
    used = runsWidth(ts, o.prefix)
  }
  items.forEach((item, i) => {
    const joined = Boolean(o.joiner) && i < items.length - 1
    const runs = joined ? [...item, o.joiner!] : item
    // What must fit: the item and its joiner, not the joiner's trailing space (dropped at a line end).
    const w = runsWidth(ts, item) + (joined ? ts.width(o.joiner!.style, o.joiner!.text.trimEnd()) : 0)
    const lead = pieces.length && o.sep ? sepWidth : 0
    if (pieces.length && used + lead + w > width + 0.01) flush()
    if (!pieces.length && w > width + 0.01) {
      // Alone and still too wide: wrap inside the item.
      const wrapped = ts.wrap(runs, width)
      lines.push(...wrapped.slice(0, -1))
      const last = wrapped[wrapped.length - 1]!
      pieces.push({ runs: last.segments.map((s) => ({ text: s.text, style: s.style, link: s.link, ...(s.linkLabel ? { linkLabel: s.linkLabel } : {}) })), x: 0 })
      used = last.width
      return
    }
    if (pieces.length && o.sep) {
      pieces.push({ runs: [o.sep], x: used + pad })
      used += sepWidth
    }
    pieces.push({ runs, x: used })
    used += runsWidth(ts, runs)
  })
  flush()
  return lines
}

export class Flow {
  readonly units: Unit[] = []
  private pendingSpace = 0

  constructor(
    readonly ctx: Ctx,
    readonly width: number,
  ) {}

  get ts(): Typesetter {
    return this.ctx.ts
  }
  get theme(): Theme {
    return this.ctx.theme
  }

  /** Adds vertical space before the next unit (dropped at the top of a page). */
  space(points: number): this {
    this.pendingSpace = Math.max(this.pendingSpace, points)
    return this
  }

  push(...units: Unit[]): this {
    for (const u of units) {
      if (this.pendingSpace) {
        u.spaceBefore = Math.max(u.spaceBefore, this.pendingSpace)
        this.pendingSpace = 0
      }
      this.units.push(u)
    }
    return this
  }

  /** Marks the last unit so far as kept with the next one. */
  keepWithNext(): this {
    keepLastWithNext(this.units)
    return this
  }

  /**
   * A section heading (H2) with a hairline below; kept with what follows. `caps` sets it in
   * capitals (resume parsers take a bold all-capitals line as a section title). Returns the
   * section's tag.
   */
  heading(text: string, parent: Tag, opts: { style?: TextStyle; rule?: boolean; caps?: boolean } = {}): Tag {
    const { ts, theme, doc } = this.ctx
    const sect = parent.child('Sect')
    const h = sect.child('H2')
    const style = opts.style ?? theme.style.heading
    const shown = opts.caps ? text.toLocaleUpperCase(this.ctx.lang ?? 'en') : text
    // One item on one line, never wrapped: a heading that wraps is no longer a heading to a parser.
    const [line] = ts.wrap([run(shown, style)], Number.POSITIVE_INFINITY)
    const lh = ts.lineHeight(style.size, 1.25)
    const ruleGap = opts.rule === false ? 0 : 3.2 * theme.scale
    const height = lh + ruleGap + 0.6 + 3.4 * theme.scale
    this.push({
      height,
      spaceBefore: 0,
      keepWithNext: true,
      role: 'heading',
      draw: (x, y, width) => {
        ts.drawLine(line!, x, y, lh, h)
        if (opts.rule === false) return
        artifact(doc, this.ctx.tagged, () => {
          doc
            .save()
            .moveTo(x, y + lh + ruleGap)
            .lineTo(x + width, y + lh + ruleGap)
            .lineWidth(0.6)
            .strokeColor(theme.rule)
            .stroke()
            .restore()
        })
      },
    })
    return sect
  }

  /** Wrapped text; `keep` makes it unsplittable; the last line may be kept with the next unit. */
  text(runs: Run[], tag: Tag | null, o: { indent?: number; keep?: boolean; keepWithNext?: boolean; leading?: number; role?: string } = {}): this {
    return this.lines(this.ts.wrap(runs, this.width - (o.indent ?? 0)), tag, o)
  }

  /** Lines already broken (by `itemLines`), as units. */
  lines(lines: readonly Line[], tag: Tag | null, o: { indent?: number; keep?: boolean; keepWithNext?: boolean; leading?: number; role?: string } = {}): this {
    return this.push(
      ...lineUnits(this.ts, lines, {
        tag,
        indent: o.indent ?? 0,
        keepTogether: o.keep ?? false,
        keepWithNext: o.keepWithNext ?? false,
        ...(o.leading ? { leading: o.leading } : {}),
        ...(o.role ? { role: o.role } : {}),
      }),
    )
  }

  /**
   * A bulleted list (L > LI > Lbl + LBody); each item stays on one page. The bullet is the "•"
   * character, in the list's label, hanging in the indent.
   */
  bullets(items: Run[][], parent: Tag, o: { indent?: number; gap?: number } = {}): this {
    if (!items.length) return this
    const { ts, theme } = this.ctx
    const list = parent.child('L')
    const indent = o.indent ?? 11 * theme.scale
    items.forEach((runs, i) => {
      const li = list.child('LI')
      const lbl = li.child('Lbl')
      const body = li.child('LBody')
      const style = runs[0]?.style ?? theme.style.body
      const marker = ts.wrap([run(BULLET, { ...style, color: theme.faint })], Number.POSITIVE_INFINITY)[0]!
      const lines = ts.wrap(runs, this.width - indent)
      const units = lineUnits(ts, lines, {
        tag: body,
        indent,
        keepTogether: true,
        role: 'bullet',
        marker: (x, top, lh) => ts.drawLine(marker, x + indent * 0.22, top, lh, lbl),
      })
      if (i > 0 && o.gap) this.space(o.gap)
      this.push(...units)
    })
    return this
  }

  /**
   * An entry's title with `right` (a date, its own text item) right-aligned on the title's
   * FIRST line: a title that wraps keeps its date with its start, so a parser reads the title
   * and the date together. All of it is kept with the next unit, so a title never ends a page.
   */
  entryTitle(left: Run[], right: Run | null, entry: Tag, o: { spaceBefore?: number; titleTag?: string } = {}): this {
    const rightWidth = right ? this.ts.width(right.style, right.text) : 0
    const gap = rightWidth ? 10 * this.theme.scale : 0
    const lines = this.ts.wrap(left, this.width, this.width - rightWidth - gap)
    if (o.spaceBefore) this.space(o.spaceBefore)
    return this.withRight(lines, right, entry.child(o.titleTag ?? 'H3'), entry, { keepWithNext: true, role: 'title' })
  }

  /**
   * Lines with `right` right-aligned on the first one, on its baseline, as a text item of its
   * own (tagged P under `rightParent`). Without lines, `right` stands alone on its line.
   */
  withRight(lines: Line[], right: Run | null, tag: Tag, rightParent: Tag, o: { keepWithNext: boolean; role?: string }): this {
    const { ts } = this.ctx
    const rightLine = right ? placedLine(ts, [{ runs: [right], x: 0 }]) : undefined
    const rows = lines.length ? lines : rightLine ? [{ segments: [], width: 0, size: rightLine.size }] : []
    const rightTag = rightLine ? rightParent.child('P') : null
    const units = rows.map((line, k): Unit => {
      const size = Math.max(line.size, k === 0 ? (rightLine?.size ?? 0) : 0)
      const lh = ts.lineHeight(size)
      // The right part on the line's baseline (each line centres its own type in the line box).
      const shift = k === 0 && rightLine && line.segments.length ? baselineOf(ts, line, lh) - baselineOf(ts, rightLine, lh) : 0
      return {
        height: lh,
        spaceBefore: 0,
        keepWithNext: k < rows.length - 1 || o.keepWithNext,
        role: k === 0 ? (o.role ?? 'line') : 'line',
        draw: (x, y, width) => {
          if (line.segments.length) ts.drawLine(line, x, y, lh, tag)
          if (k === 0 && rightLine) ts.drawLine(rightLine, x + width - rightLine.width, y + shift, lh, rightTag)
        },
      }
    })
    return this.push(...units)
  }

  /** A unit drawn by hand (kept together by construction). */
  custom(unit: Unit): this {
    return this.push(unit)
  }

  /** Makes the units added since `from` unsplittable. */
  keepTogetherFrom(from: number): this {
    keepTogether(this.units.slice(from))
    return this
  }

  /** Total height of the units (with the space between them), as laid out on one page. */
  height(): number {
    return this.units.reduce((h, u, k) => h + (k ? u.spaceBefore : 0) + u.height, 0)
  }
}
