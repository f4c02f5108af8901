/**
 * Resume sections as units, shared by both templates. Each function appends one section to a
 * Flow (a column) and its structure elements under `parent`. `compact` variants suit a narrow
 * sidebar.
 */
import { dateRange, monthYear, paragraphsAndBullets, shortUrl } from '../format'
import type { Unit } from '../layout/engine'
import { drawQr } from '../layout/qr'
import type { Tag } from '../layout/tags'
import type { Run } from '../layout/text'
import type { ResumeEducation, ResumeExperience, ResumeProfile } from '../../resume/data'
import type { TailoredCredential, TailoredProject, TailoredSkillGroup } from '../../resume/tailor'
import type { SectionKey } from '../options'
import { Flow, run } from './blocks'

export { SECTION_KEYS, type SectionKey } from '../options'

export const SECTION_TITLES: Readonly<Record<SectionKey | 'contact', string>> = {
  contact: 'Contact',
  summary: 'Summary',
  skills: 'Skills',
  experience: 'Experience',
  projects: 'Projects',
  credentials: 'Certifications',
  education: 'Education',
}

/** Entries of at most this many lines never split across pages. */
const SHORT_ENTRY_UNITS = 7

function entryGap(f: Flow, first: boolean): number {
  return first ? 0 : f.theme.gap * 1.5
}

/** Paragraphs and "- " bullets of free text. */
function richText(f: Flow, text: string | null, entry: Tag): void {
  const parts = paragraphsAndBullets(text)
  let i = 0
  while (i < parts.length) {
    const part = parts[i]!
    if (part.bullet) {
      const items: Run[][] = []
      while (i < parts.length && parts[i]!.bullet) items.push([run(parts[i++]!.text, f.theme.style.body)])
      f.bullets(items, entry)
    } else {
      f.text([run(part.text, f.theme.style.body)], entry.child('P'))
      i++
    }
  }
}

/**
 * An entry title with its date: right-aligned on the title line (`datesBelow` off), or left
 * for the caller to print on the line below (narrow columns, where a right-aligned date would
 * squeeze the title onto two lines). Returns the date when it was not printed.
 */
function datedTitle(f: Flow, entry: Tag, left: Run[], range: string | null, spaceBefore: number): string | null {
  if (f.ctx.datesBelow) {
    f.entryTitle(left, [], entry, { spaceBefore })
    return range
  }
  f.entryTitle(left, range ? [run(range, f.theme.style.date)] : [], entry, { spaceBefore })
  return null
}

function finishEntry(f: Flow, start: number): void {
  if (f.units.length - start <= SHORT_ENTRY_UNITS) f.keepTogetherFrom(start)
}

export function summarySection(f: Flow, parent: Tag, profile: ResumeProfile): void {
  if (!profile.summary) return
  const sect = f.heading(SECTION_TITLES.summary, parent)
  richText(f, profile.summary, sect)
}

export function experienceSection(f: Flow, parent: Tag, items: readonly ResumeExperience[]): void {
  if (!items.length) return
  const { style } = f.theme
  const sect = f.heading(SECTION_TITLES.experience, parent)
  items.forEach((e, i) => {
    const start = f.units.length
    const entry = sect.child('Div')
    const range = dateRange(e.startedOn, e.endedOn)
    const meta = datedTitle(f, entry, [run(e.title, style.title), run(`, ${e.organization}`, style.titleRest)], range, entryGap(f, i === 0))
    // The location line stays with the first line of the description below it.
    const where = [meta, e.location].filter(Boolean).join('  ·  ')
    if (where) f.text([run(where, style.meta)], entry.child('P'), { keepWithNext: Boolean(e.description) })
    if (e.description) f.space(f.theme.gap * 0.35)
    richText(f, e.description, entry)
    finishEntry(f, start)
  })
}

export function educationSection(f: Flow, parent: Tag, items: readonly ResumeEducation[]): void {
  if (!items.length) return
  const { style } = f.theme
  const sect = f.heading(SECTION_TITLES.education, parent)
  items.forEach((e, i) => {
    const start = f.units.length
    const entry = sect.child('Div')
    const title = [e.degree, e.field].filter(Boolean).join(', ')
    const range = dateRange(e.startedOn, e.endedOn)
    const left = title ? [run(title, style.title), run(`, ${e.institution}`, style.titleRest)] : [run(e.institution, style.title)]
    const meta = datedTitle(f, entry, left, range, entryGap(f, i === 0))
    if (meta) f.text([run(meta, style.meta)], entry.child('P'), { keepWithNext: Boolean(e.description) })
    richText(f, e.description, entry)
    finishEntry(f, start)
  })
}

function linkRuns(f: Flow, links: readonly { label: string | null; url: string }[]): Run[] {
  const { style } = f.theme
  const out: Run[] = []
  links.forEach((l, i) => {
    if (i > 0) out.push(run('  ·  ', style.small))
    if (l.label) out.push(run(`${l.label}: `, style.small))
    out.push(run(shortUrl(l.url), style.smallLink, l.url, l.label ?? l.url))
  })
  return out
}

export function projectsSection(f: Flow, parent: Tag, items: readonly TailoredProject[]): void {
  if (!items.length) return
  const { style } = f.theme
  const sect = f.heading(SECTION_TITLES.projects, parent)
  items.forEach((p, i) => {
    const start = f.units.length
    const entry = sect.child('Div')
    const range = dateRange(p.startedOn, p.endedOn)
    const left = [run(p.title, style.title), ...(p.role ? [run(` · ${p.role}`, style.titleRest)] : [])]
    const meta = datedTitle(f, entry, left, range, entryGap(f, i === 0))
    if (meta) f.text([run(meta, style.meta)], entry.child('P'), { keepWithNext: true })
    if (p.summary) f.text([run(p.summary, style.body)], entry.child('P'))
    f.bullets(
      p.outcomes.map((o) => [run(o, style.body)]),
      entry,
    )
    const details: Run[][] = []
    if (p.skills.length) details.push([run('Skills: ', style.smallBold), run(p.skills.join(', '), style.small)])
    if (p.credentials.length) details.push([run('Credentials: ', style.smallBold), run(p.credentials.join('; '), style.small)])
    if (p.links.length) details.push(linkRuns(f, p.links))
    details.forEach((d, k) => {
      if (k === 0) f.space(f.theme.gap * 0.3)
      f.text(d, entry.child('P'))
    })
    finishEntry(f, start)
  })
}

/** "Valid until Mar 2027", "Expired Jan 2024", "In progress", then the credential ID. */
function credentialStatus(f: Flow, c: TailoredCredential, compact: boolean): Run[] {
  const { style } = f.theme
  const out: Run[] = []
  if (c.inProgress) out.push(run('In progress', style.smallBold))
  else if (c.expired) out.push(run(`Expired${c.expiresOn ? ` ${monthYear(c.expiresOn)}` : ''}`, style.warn))
  else if (c.expiresOn) out.push(run(`Valid until ${monthYear(c.expiresOn)}`, style.small))
  if (c.credentialCode) {
    if (out.length) out.push(run(compact ? '\n' : '  ·  ', style.small))
    out.push(run('Credential ID ', style.small), run(c.credentialCode, style.smallBold))
  }
  return out
}

export function credentialsSection(f: Flow, parent: Tag, items: readonly TailoredCredential[], o: { compact: boolean }): void {
  if (!items.length) return
  const { style, scale } = f.theme
  const { ctx } = f
  const sect = f.heading(SECTION_TITLES.credentials, parent)
  const anyQr = ctx.showQr && items.some((c) => c.verificationUrl)
  items.forEach((c, i) => {
    const start = f.units.length
    const entry = sect.child('Div')
    const earned = c.earnedOn ? monthYear(c.earnedOn) : null
    const issuer = [c.issuer, c.provider ? `via ${c.provider}` : null].filter(Boolean).join(' · ')
    const qr = ctx.showQr && c.verificationUrl
    const verify = c.verificationUrl ? [run('Verify: ', style.small), run(c.verificationUrl, style.smallLink, c.verificationUrl, `Verify ${c.title}`)] : []

    if (o.compact) {
      // Sidebar: title, issuer, dates and ID stacked; the QR beside the verification link.
      if (i > 0) f.space(f.theme.gap * 1.3)
      f.text([run(c.title, style.metaBold)], entry.child('H3'), { keepWithNext: true, role: 'title' })
      const meta = [issuer, earned ? `Earned ${earned}` : null].filter(Boolean).join('\n')
      if (meta) f.text([run(meta, style.small)], entry.child('P'))
      const status = credentialStatus(f, c, true)
      if (status.length) f.text(status, entry.child('P'))
      if (verify.length && qr) f.custom(qrThenText(f, verify, c.verificationUrl!, entry, 34 * scale))
      else if (verify.length) f.text(verify, entry.child('P'))
      f.keepTogetherFrom(start)
      return
    }

    const bodyRuns: Run[][] = []
    if (issuer) bodyRuns.push([run(issuer, style.meta)])
    const status = credentialStatus(f, c, false)
    if (status.length) bodyRuns.push(status)
    if (verify.length) bodyRuns.push(verify)
    const title = [run(c.title, style.title)]
    const date = earned ? [run(earned, style.date)] : []
    if (anyQr) {
      // The whole entry (title, date, details) in a column to the left of the QR codes; entries
      // without a code use the same column so their dates line up.
      f.custom(
        besideQrFlow(f, entry, qr ? c.verificationUrl : null, 40 * scale, entryGap(f, i === 0), (sub) => {
          sub.entryTitle(title, date, entry)
          for (const r of bodyRuns) sub.text(r, entry.child('P'))
        }),
      )
    } else {
      f.entryTitle(title, date, entry, { spaceBefore: entryGap(f, i === 0) })
      for (const r of bodyRuns) f.text(r, entry.child('P'))
    }
    f.keepTogetherFrom(start)
  })
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
  const textHeight = sub.units.reduce((h, u, k) => h + (k ? u.spaceBefore : 0) + u.height, 0)
  return {
    height: Math.max(textHeight, url ? side + 2 : 0),
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

/** One unit: a QR code with text lines to its right (the sidebar's "Verify:" link). */
function qrThenText(f: Flow, runs: Run[], url: string, entry: Tag, side: number): Unit {
  const { ts, theme } = f.ctx
  const gap = 8 * theme.scale
  const tag = entry.child('P')
  const lines = ts.wrap(runs, f.width - side - gap)
  const drawQrAt = qrDrawer(f, entry, url, side)
  const textHeight = lines.reduce((h, l) => h + ts.lineHeight(l.size), 0)
  return {
    height: Math.max(textHeight, side + 2.5),
    spaceBefore: 0,
    keepWithNext: false,
    role: 'qr',
    draw: (x, y) => {
      let ly = y
      for (const line of lines) {
        const lh = ts.lineHeight(line.size)
        ts.drawLine(line, x + side + gap, ly, lh, tag)
        ly += lh
      }
      drawQrAt(x, y + 1.5)
    },
  }
}

export function skillsSection(f: Flow, parent: Tag, groups: readonly TailoredSkillGroup[], o: { compact: boolean }): void {
  if (!groups.length) return
  const { style } = f.theme
  const sect = f.heading(SECTION_TITLES.skills, parent)
  groups.forEach((g, i) => {
    const names = g.skills.map((s) => s.name).join(', ')
    if (o.compact) {
      const start = f.units.length
      if (i > 0) f.space(f.theme.gap * 0.9)
      f.text([run(g.label, style.smallBold)], sect.child('H3'), { keepWithNext: true, role: 'title' })
      f.text([run(names, style.meta)], sect.child('P'))
      if (f.units.length - start <= 4) f.keepTogetherFrom(start)
    } else {
      if (i > 0) f.space(f.theme.gap * 0.3)
      f.text([run(`${g.label}: `, style.bodyBold), run(names, style.body)], sect.child('P'), { role: i === 0 ? 'title' : 'line' })
    }
  })
}

/** Contact details as runs (email and web addresses are links). */
export function contactItems(f: Flow, p: ResumeProfile, linkStyle = f.theme.style.contactLink, textStyle = f.theme.style.contact): Run[][] {
  const items: Run[][] = []
  if (p.email) items.push([run(p.email, linkStyle, `mailto:${p.email}`, `Email ${p.email}`)])
  if (p.phone) items.push([run(p.phone, textStyle)])
  if (p.location) items.push([run(p.location, textStyle)])
  if (p.website) items.push([run(shortUrl(p.website), linkStyle, p.website, `Website ${p.website}`)])
  for (const l of p.links) items.push([...(l.label ? [run(`${l.label}: `, textStyle)] : []), run(shortUrl(l.url), linkStyle, l.url, l.label ?? l.url)])
  return items
}
