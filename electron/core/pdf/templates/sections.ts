/**
 * ResumeDocument sections as units, shared by both templates. `section` appends one section to
 * a Flow (a column) and its structure elements under `parent`; `narrow` suits a sidebar.
 *
 * Every entry prints the same way, as resume parsers expect to read it: the title in bold with
 * the date right-aligned as its own text item on the title's first line; the organisation line
 * below (company, location / issuer / school / project role), each part its own item; then
 * paragraphs, "•" bullets and small labelled details. Compact certifications take one line:
 * title (linked to its verification page) · issuer · state, and the year on the right.
 */
import type { ResumeDocEntry, ResumeDocSection, ResumeDocSkillGroup } from '../../../shared/resume-document'
import type { Unit } from '../layout/engine'
import { drawQr } from '../layout/qr'
import type { Tag } from '../layout/tags'
import type { Line, Run, TextStyle } from '../layout/text'
import { Flow, itemLines, run } from './blocks'

/** Entries of at most this many lines never split across pages. */
const SHORT_ENTRY_UNITS = 7

export interface SectionOptions {
  /** A narrow column (the two-column template's sidebar). */
  narrow: boolean
}

const entryGap = (f: Flow, first: boolean, compact = false) => (first ? 0 : f.theme.gap * (compact ? 0.55 : 1.5))

function finishEntry(f: Flow, start: number): void {
  if (f.units.length - start <= SHORT_ENTRY_UNITS) f.keepTogetherFrom(start)
}

const linkRun = (text: string, style: TextStyle, link: ResumeDocEntry['titleLink']): Run => run(text, style, link?.url ?? null, link?.label)

/** The style of an entry's state: coloured only when the person asked for it and the state warns. */
function statusStyle(f: Flow, status: NonNullable<ResumeDocEntry['status']>, base: TextStyle): TextStyle {
  if (status.warn && f.ctx.highlightExpired) return { ...base, font: 'sansBold', color: f.theme.warn }
  return status.warn ? { ...base, font: 'sansBold', color: f.theme.body } : base
}

/** The organisation line's parts and the state, as separate items. */
function subtitleItems(f: Flow, e: ResumeDocEntry, style: TextStyle): Run[][] {
  const items = e.subtitle.map((s) => [run(s, style)])
  if (e.status) items.push([run(e.status.text, statusStyle(f, e.status, style))])
  return items
}

export function section(f: Flow, parent: Tag, s: ResumeDocSection, o: SectionOptions): void {
  const sect = f.heading(s.title, parent, { caps: true })
  if (s.key === 'summary') {
    s.paragraphs.forEach((p, i) => {
      if (i > 0) f.space(f.theme.gap * 0.5)
      f.text([run(p, f.theme.style.body)], sect.child('P'))
    })
  } else if (s.key === 'skills') {
    skillGroups(f, sect, s.groups, o)
  } else {
    const qr = f.ctx.showQr && s.key === 'credentials' && s.entries.some((e) => e.titleLink)
    s.entries.forEach((e, i) => {
      const start = f.units.length
      const tag = sect.child('Div')
      const spaceBefore = entryGap(f, i === 0, s.compact && !qr && !o.narrow)
      const build = (sub: Flow) => {
        // Beside a QR code a compact entry takes two lines (title and date; issuer), as tall as the code allows.
        if (s.compact && (o.narrow || !qr)) compactEntry(sub, tag, e, o.narrow)
        else fullEntry(sub, tag, e, o.narrow)
      }
      if (qr) {
        // The entry in a column beside the QR codes; entries without a code use the same column so their dates line up.
        f.custom(besideQrFlow(f, tag, e.titleLink?.url ?? null, (o.narrow ? 30 : 36) * f.theme.scale, o.narrow && i > 0 ? f.theme.gap * 1.2 : spaceBefore, build))
      } else {
        f.space(o.narrow && s.compact && i > 0 ? f.theme.gap * 1.2 : spaceBefore)
        build(f)
      }
      finishEntry(f, start)
    })
  }
}

function skillGroups(f: Flow, sect: Tag, groups: readonly ResumeDocSkillGroup[], o: SectionOptions): void {
  const { style } = f.theme
  groups.forEach((g, i) => {
    const items = g.skills.map((name) => [run(name, o.narrow ? style.meta : style.body)])
    if (o.narrow) {
      const start = f.units.length
      if (i > 0) f.space(f.theme.gap * 0.9)
      f.text([run(g.label, style.smallBold)], sect.child('H3'), { keepWithNext: true, role: 'title' })
      f.lines(itemLines(f.ts, items, f.width, { joiner: run(', ', style.meta) }), sect.child('P'))
      if (f.units.length - start <= 5) f.keepTogetherFrom(start)
    } else {
      if (i > 0) f.space(f.theme.gap * 0.3)
      // A list wraps only between skills, so no skill is ever split over two lines.
      const lines = itemLines(f.ts, items, f.width, { joiner: run(', ', style.body), prefix: [run(`${g.label}: `, style.bodyBold)] })
      f.lines(lines, sect.child('P'), { role: i === 0 ? 'title' : 'line' })
    }
  })
}

function fullEntry(f: Flow, tag: Tag, e: ResumeDocEntry, narrow: boolean): void {
  const { style, scale } = f.theme
  const { ts } = f
  const title = [linkRun(e.title, style.title, e.titleLink)]
  const date = e.dates ? run(e.dates, style.date) : null
  const titleWidth = ts.width(style.title, e.title)
  const dateRoom = date ? ts.width(date.style, date.text) + 10 * scale : 0
  // The date goes on the title's line; when the title fits the column only without it, on the
  // line below, so that the title stays one text item (a title that wraps loses its end). A
  // narrow column prints it on a line of its own under the organisation.
  const dateBelow = date !== null && titleWidth > f.width - dateRoom && (titleWidth <= f.width || narrow)
  if (narrow && titleWidth > f.width) {
    // Wrapped between its comma-separated parts ("BA (Hons)," / "Economics and Spanish"), so the first part stays whole.
    const parts = e.title.split(', ').map((t) => [linkRun(t, style.title, e.titleLink)])
    f.withRight(itemLines(ts, parts, f.width, { joiner: linkRun(', ', style.title, e.titleLink) }), null, tag.child('H3'), tag, { keepWithNext: true, role: 'title' })
  } else f.entryTitle(title, dateBelow ? null : date, tag)
  const hasBody = e.paragraphs.length + e.bullets.length + e.details.length > 0
  const sub = subtitleItems(f, e, style.meta)
  const sep = run('·', style.meta)
  // The organisation line stays with the first line of the body below it.
  if (dateBelow && narrow) {
    if (sub.length) f.lines(itemLines(ts, sub, f.width, { sep }), tag.child('P'), { keepWithNext: true })
    f.text([date], tag.child('P'), { keepWithNext: hasBody })
  } else if (dateBelow) f.withRight(sub.length ? itemLines(ts, sub, f.width - dateRoom, { sep }) : [], date, tag.child('P'), tag, { keepWithNext: hasBody })
  else if (sub.length) f.lines(itemLines(ts, sub, f.width, { sep }), tag.child('P'), { keepWithNext: hasBody })
  if (e.paragraphs.length || e.bullets.length) f.space(f.theme.gap * 0.35)
  for (const p of e.paragraphs) f.text([run(p, style.body)], tag.child('P'))
  f.bullets(
    e.bullets.map((b) => [run(b, style.body)]),
    tag,
  )
  details(f, tag, e)
}

/** "Skills: SQL, Python", "Credential ID: ABC-1": small lines after the body; the links share one line. */
function details(f: Flow, tag: Tag, e: ResumeDocEntry): void {
  const { style } = f.theme
  const rows: Line[][] = []
  const labelled = (d: ResumeDocEntry['details'][number]) => (d.label ? [run(`${d.label}: `, style.smallBold)] : [])
  for (const d of e.details.filter((x) => !x.link)) {
    rows.push(itemLines(f.ts, d.text.split(', ').map((t) => [run(t, style.small)]), f.width, { joiner: run(', ', style.small), prefix: labelled(d) }))
  }
  const links = e.details.filter((x) => x.link)
  if (links.length) rows.push(itemLines(f.ts, links.map((d) => [...labelled(d), linkRun(d.text, style.smallLink, d.link)]), f.width, { sep: run('·', style.small) }))
  rows.forEach((lines, k) => {
    if (k === 0) f.space(f.theme.gap * 0.3)
    f.lines(lines, tag.child('P'))
  })
}

/** The segments of a line from offset `at` on, as a line of their own at the same offsets. */
function tailOf(line: Line, at: number): Line {
  const segments = line.segments.filter((s) => s.x >= at)
  return { segments, width: line.width, size: Math.max(0, ...segments.map((s) => s.style.size)) }
}

/**
 * A certification in one line: title (bold, linked) · issuer · state, year on the right. In a
 * narrow column: the title, then issuer · year · state below it.
 */
function compactEntry(f: Flow, tag: Tag, e: ResumeDocEntry, narrow: boolean): void {
  const { style, scale } = f.theme
  const { ts } = f
  if (narrow) {
    f.text([linkRun(e.title, style.metaBold, e.titleLink)], tag.child('H3'), { keepWithNext: true, role: 'title' })
    const items = subtitleItems(f, e, style.small)
    if (e.dates) items.splice(e.subtitle.length, 0, [run(e.dates, style.small)])
    if (items.length) f.lines(itemLines(ts, items, f.width, { sep: run('·', style.small) }), tag.child('P'))
    return
  }
  const titleStyle = style.bodyBold
  const date = e.dates ? ts.wrap([run(e.dates, style.date)], Number.POSITIVE_INFINITY)[0]! : null
  const room = f.width - (date ? date.width + 10 * scale : 0)
  const titleLines = ts.wrap([linkRun(e.title, titleStyle, e.titleLink)], room)
  const lastTitle = titleLines[titleLines.length - 1]!
  const rest = itemLines(ts, [[run(e.title, titleStyle)], ...subtitleItems(f, e, style.meta)], room, { sep: run('·', style.meta) })
  // The issuer and state follow the title on its line when they fit, else go on the next line.
  const oneLine = titleLines.length === 1 && rest.length === 1
  const h3 = tag.child('H3')
  const dateTag = date ? tag.child('P') : null
  const p = tag.child('P')
  const subLines = oneLine ? [] : itemLines(ts, subtitleItems(f, e, style.meta), f.width, { sep: run('·', style.meta) })
  titleLines.forEach((line, k) => {
    const drawn = oneLine ? rest[0]! : line
    const lh = ts.lineHeight(Math.max(line.size, date?.size ?? 0))
    f.push({
      height: lh,
      spaceBefore: 0,
      keepWithNext: true,
      role: k === 0 ? 'title' : 'line',
      draw: (x, y, width) => {
        ts.drawLine(line, x, y, lh, h3)
        if (oneLine) {
          // The issuer and state after the (linked) title, on its baseline.
          const tail = tailOf(drawn, lastTitle.width + 0.01)
          ts.drawLine(tail, x, y + lineBase(f, line, lh) - lineBase(f, tail, lh), lh, p)
        }
        if (k === 0 && date) ts.drawLine(date, x + width - date.width, y + (lineBase(f, drawn, lh) - lineBase(f, date, lh)), lh, dateTag)
      },
    })
  })
  if (subLines.length) f.lines(subLines, p)
}

function lineBase(f: Flow, line: Line, lh: number): number {
  const s = line.segments.find((seg) => seg.style.size === line.size)?.style
  return s ? f.ts.baseline(s, lh) : 0
}

/** The QR code as a Figure (with alternative text) inside a Link, and its link annotation. */
function qrDrawer(f: Flow, entry: Tag, url: string, side: number) {
  const { theme, doc } = f.ctx
  const link = entry.child('Link')
  const figure = link.child('Figure', { alt: `QR code that opens ${url}` })
  return (x: number, y: number) => {
    figure.mark(() => drawQr(doc, url, x, y, side, theme.ink))
    doc.link(x, y, side, side, url, {
      structParent: link.element ?? undefined,
      Contents: new String(`Verify credential: ${url}`),
    } as unknown as PDFKit.Mixins.AnnotationOption)
  }
}

/** One unit: a column of units built by `build`, with a QR code to its right (never split). */
function besideQrFlow(f: Flow, entry: Tag, url: string | null, side: number, spaceBefore: number, build: (sub: Flow) => void): Unit {
  const gap = 10 * f.theme.scale
  const sub = new Flow(f.ctx, f.width - side - gap)
  build(sub)
  const drawQrAt = url ? qrDrawer(f, entry, url, side) : null
  return {
    height: Math.max(sub.height(), url ? side + 2 : 0),
    spaceBefore,
    keepWithNext: false,
    role: 'title',
    draw: (x, y, width) => {
      let ly = y
      sub.units.forEach((u, k) => {
        if (k) ly += u.spaceBefore
        u.draw(x, ly, sub.width)
        ly += u.height
      })
      drawQrAt?.(x + width - side, y + 1.5)
    },
  }
}
