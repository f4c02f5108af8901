/**
 * Building blocks shared by the templates: a `Flow` collects the units of one column
 * (headings, entry titles with right-aligned dates, paragraphs, bullet lists, rules), with the
 * keep rules that make page breaks sensible, and the structure tags that make them accessible.
 */
import { keepLastWithNext, keepTogether, lineUnits, type Unit } from '../layout/engine'
import { artifact, type Doc, type Tag } from '../layout/tags'
import type { Run, TextStyle, Typesetter } from '../layout/text'
import type { Theme } from './theme'

export interface Ctx {
  doc: Doc
  ts: Typesetter
  theme: Theme
  tagged: boolean
  showQr: boolean
  /** Entry dates on the line below the title instead of right-aligned on it. */
  datesBelow?: boolean
}

export const run = (text: string, style: TextStyle, link?: string | null, linkLabel?: string): Run => ({ text, style, link: link ?? null, ...(linkLabel ? { linkLabel } : {}) })

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

  /** A section heading (H2) with a hairline below; kept with what follows. Returns the section's tag. */
  heading(text: string, parent: Tag, opts: { style?: TextStyle; rule?: boolean } = {}): Tag {
    const { ts, theme, doc } = this.ctx
    const sect = parent.child('Sect')
    const h = sect.child('H2')
    const style = opts.style ?? theme.style.heading
    const [line] = ts.wrap([run(text, style)], this.width)
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
    const lines = this.ts.wrap(runs, this.width - (o.indent ?? 0))
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

  /** A bulleted list (L > LI); each item stays on one page. */
  bullets(items: Run[][], parent: Tag, o: { indent?: number; gap?: number } = {}): this {
    if (!items.length) return this
    const { ts, theme, doc, tagged } = this.ctx
    const list = parent.child('L')
    const indent = o.indent ?? 11 * theme.scale
    items.forEach((runs, i) => {
      const li = list.child('LI').child('LBody')
      const lines = ts.wrap(runs, this.width - indent)
      const units = lineUnits(ts, lines, {
        tag: li,
        indent,
        keepTogether: true,
        role: 'bullet',
        marker: (x, top, lh) =>
          artifact(doc, tagged, () => {
            const size = runs[0]?.style.size ?? theme.style.body.size
            doc
              .save()
              .circle(x + indent * 0.38, top + ts.baseline(runs[0]!.style, lh) - size * 0.3, 1.25 * theme.scale)
              .fillColor(theme.faint)
              .fill()
              .restore()
          }),
      })
      if (i > 0 && o.gap) this.space(o.gap)
      this.push(...units)
    })
    return this
  }

  /**
   * An entry's title: `left` (wrapping if needed) with `right` (a date) right-aligned on its
   * last line, so every extractor reads the whole title before the date. All of it is kept
   * with the next unit, so a title never ends a page.
   */
  entryTitle(left: Run[], right: Run[], entry: Tag, o: { spaceBefore?: number; titleTag?: string } = {}): this {
    const { ts } = this.ctx
    const rightWidth = right.reduce((w, r) => w + ts.width(r.style, r.text), 0)
    const gap = rightWidth ? 10 * this.theme.scale : 0
    const lines = ts.wrap(left, this.width - rightWidth - gap)
    const rightLine = right.length ? ts.wrap(right, rightWidth + 1)[0] : undefined
    const titleTag = entry.child(o.titleTag ?? 'H3')
    const dateTag = rightLine ? entry.child('P') : null
    const size = Math.max(...lines.map((l) => l.size), rightLine?.size ?? 0)
    const lh = ts.lineHeight(size)
    const units = lines.map(
      (line, k): Unit => ({
        height: lh,
        spaceBefore: 0,
        keepWithNext: true,
        role: k === 0 ? 'title' : 'line',
        draw: (x, y, width) => {
          ts.drawLine(line, x, y, lh, titleTag)
          if (k === lines.length - 1 && rightLine) ts.drawLine(rightLine, x + width - rightLine.width, y, lh, dateTag)
        },
      }),
    )
    if (o.spaceBefore) this.space(o.spaceBefore)
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
}
