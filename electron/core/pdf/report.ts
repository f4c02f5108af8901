/**
 * `renderGapReport`: a gap analysis and learning plan for one target role, as a PDF.
 *
 * `GapReportData` is deliberately plain so the analysis output (electron/core/analysis) can be
 * mapped into it by the caller: role, weighted coverage, one row per required skill with its
 * evidence depth and an explanation, the essential skills with no evidence, the skills learned
 * (a credential) but never applied (no project), and the plan's steps with hours and cost.
 */
import type { CredentialKind } from '../../shared/schemas'
import { drawFooter, openDocument } from './document'
import { type PdfFonts, prepareFonts } from './fonts'
import { dayMonthYear, formatMoney, isoDay } from './format'
import { drawPage, paginate, type Unit } from './layout/engine'
import { tableUnits, type Cell } from './layout/table'
import { artifact } from './layout/tags'
import type { Run } from './layout/text'
import { ReportOptionsSchema, type ReportOptions } from './options'
import { type Ctx, Flow, run } from './templates/blocks'
import { ruleUnit } from './templates/common'
import { createTheme, PAGE_SIZES } from './templates/theme'

export type SkillDepth = 'none' | 'learned' | 'applied' | 'proven'

export interface GapSkillRow {
  name: string
  essential: boolean
  /** 0..1, how much the role relies on it (optional; used for ordering only). */
  weight?: number
  depth: SkillDepth
  /** Why this depth: "AWS Certified Cloud Practitioner (credential); used in 2 projects". */
  explanation: string
}

export interface GapPlanStep {
  title: string
  skills: string[]
  credentialKind: CredentialKind | null
  provider?: string | null
  url?: string | null
  reason: string
  hours: number | null
  cost: { amountMinor: number; currency: string } | null
  done: boolean
}

export interface GapReportData {
  /** Whose report it is (the profile's name), if known. */
  person: string | null
  role: { title: string; description?: string | null }
  /** Weighted share of the role's skills with evidence, 0..100. */
  coverage: number
  skills: GapSkillRow[]
  missingEssentials: string[]
  learnedNotApplied: string[]
  plan: { title?: string | null; budget?: { amountMinor: number; currency: string } | null; steps: GapPlanStep[] } | null
}

const DEPTH_LABEL: Readonly<Record<SkillDepth, string>> = { none: 'None', learned: 'Learned', applied: 'Applied', proven: 'Proven' }
const DEPTH_LEVEL: Readonly<Record<SkillDepth, number>> = { none: 0, learned: 1, applied: 2, proven: 3 }

function sumMoney(items: Array<{ amountMinor: number; currency: string } | null>): string {
  const by = new Map<string, number>()
  for (const m of items) if (m) by.set(m.currency, (by.get(m.currency) ?? 0) + m.amountMinor)
  if (!by.size) return '—'
  return [...by].map(([currency, amountMinor]) => formatMoney({ amountMinor, currency })).join(' + ')
}

const hoursText = (h: number) => `${Math.round(h * 10) / 10} h`

export async function renderGapReport(report: GapReportData, options: ReportOptions, fonts: PdfFonts, clock: { now: Date }): Promise<Uint8Array> {
  const o = ReportOptionsSchema.parse(options)
  const theme = createTheme({ accent: o.accent ?? null, fontScale: o.fontScale })
  const size = PAGE_SIZES[o.pageSize]
  const { style, gap, scale } = theme
  const coverage = Math.max(0, Math.min(100, Math.round(report.coverage)))
  const title = `Skills gap: ${report.role.title}`
  const d = openDocument({
    size,
    now: clock.now,
    tagged: o.tagged,
    faces: prepareFonts(fonts),
    leading: theme.leading,
    meta: {
      title: report.person ? `${title} — ${report.person}` : title,
      author: report.person ?? 'Skillfolio',
      subject: `Gap analysis and learning plan for ${report.role.title}: ${coverage}% coverage`,
      keywords: [report.role.title, ...report.skills.map((s) => s.name)],
      lang: o.lang,
    },
  })
  const ctx: Ctx = { doc: d.doc, ts: d.ts, theme, tagged: o.tagged, showQr: false }
  const margin = { left: 54, right: 54, top: 48, bottom: 56 }
  const width = size[0] - margin.left - margin.right
  const f = new Flow(ctx, width)
  const root = d.root
  const doc = d.doc

  // ---- title block ----
  f.text([run('SKILLS GAP REPORT', style.smallBold)], root.child('P'), { keepWithNext: true })
  f.space(2 * scale).text([run(report.role.title, { ...style.name, size: style.name.size * 0.9 })], root.child('H1'), { leading: 1.2, keepWithNext: true })
  const prepared = [report.person ? `Prepared for ${report.person}` : null, dayMonthYear(isoDay(clock.now))].filter(Boolean).join(' · ')
  f.space(2 * scale).text([run(prepared, style.meta)], root.child('P'), { keepWithNext: true })
  if (report.role.description) f.space(gap * 0.6).text([run(report.role.description, style.body)], root.child('P'))
  f.space(gap).custom(ruleUnit(f, { color: theme.accent, weight: 1.1, space: 0 }))

  // ---- coverage ----
  const counts = (['proven', 'applied', 'learned', 'none'] as const).map((k) => `${DEPTH_LABEL[k].toLowerCase()} ${report.skills.filter((s) => s.depth === k).length}`)
  const covSect = root.child('Sect')
  const covP = covSect.child('P')
  const big = { ...style.name, size: 26 * scale, color: theme.accentText }
  const [bigLine] = d.ts.wrap([run(`${coverage}%`, big)], width)
  const summaryLines = d.ts.wrap(
    [run('of the role’s weighted skills have evidence in your portfolio', style.body), run('\n', style.body), run(`Skills: ${counts.join(' · ')}`, style.meta)],
    width - 110 * scale,
  )
  const bigLh = d.ts.lineHeight(big.size, 1.1)
  const coverageUnit: Unit = {
    height: Math.max(bigLh + 12 * scale, summaryLines.reduce((h, l) => h + d.ts.lineHeight(l.size), 0)) + 4,
    spaceBefore: gap * 2.2,
    keepWithNext: false,
    role: 'coverage',
    draw: (x, y) => {
      d.ts.drawLine(bigLine!, x, y, bigLh, covP)
      const barY = y + bigLh + 4 * scale
      const barW = 92 * scale
      artifact(doc, ctx.tagged, () => {
        doc.save().roundedRect(x, barY, barW, 5 * scale, 2.5 * scale).fillColor(theme.rule).fill()
        if (coverage > 0) doc.roundedRect(x, barY, Math.max(5 * scale, (barW * coverage) / 100), 5 * scale, 2.5 * scale).fillColor(theme.accent).fill()
        doc.restore()
      })
      let ly = y + 3 * scale
      for (const l of summaryLines) {
        const lh = d.ts.lineHeight(l.size)
        d.ts.drawLine(l, x + 110 * scale, ly, lh, covP)
        ly += lh
      }
    },
  }
  f.custom(coverageUnit)

  // ---- missing essentials and learned-not-applied ----
  const listSection = (heading: string, items: string[], empty: string, note?: string) => {
    f.space(gap * 2.6)
    const sect = f.heading(heading, root)
    if (!items.length) {
      f.text([run(empty, style.body)], sect.child('P'))
      return
    }
    if (note) f.text([run(note, style.meta)], sect.child('P'), { keepWithNext: true }).space(gap * 0.4)
    f.bullets(
      items.map((i) => [run(i, style.body)]),
      sect,
    )
  }
  listSection('Essential skills without evidence', report.missingEssentials, 'None: every essential skill has at least one credential or project behind it.', 'The role treats these as essential; nothing in your portfolio shows them yet.')
  listSection(
    'Learned but not yet applied',
    report.learnedNotApplied,
    'None: every skill you have learned also appears in a project.',
    'A credential shows these, but no project does. One project that uses them would make them “applied”.',
  )

  // ---- skills table ----
  f.space(gap * 2.6)
  const skillSect = f.heading('Skills the role asks for', root)
  const rows = [...report.skills].sort(
    (a, b) => Number(b.essential) - Number(a.essential) || (b.weight ?? 0) - (a.weight ?? 0) || DEPTH_LEVEL[a.depth] - DEPTH_LEVEL[b.depth],
  )
  const meter = (depth: SkillDepth): Cell['graphic'] => ({
    width: 26 * scale,
    draw: (x, top, lh) => {
      const s = 4.6 * scale
      const cy = top + lh / 2 - s / 2
      for (let i = 0; i < 3; i++) {
        doc
          .save()
          .rect(x + i * (s + 2.2 * scale), cy, s, s)
          .fillColor(i < DEPTH_LEVEL[depth] ? theme.accent : theme.rule)
          .fill()
          .restore()
      }
    },
  })
  const tableStyle = { rule: theme.rule, headerRule: theme.faint, padY: 4 * scale, gapX: 10 * scale }
  const skillCells = rows.map((s): Cell[] => [
    { runs: [[run(s.name, style.bodyBold)], ...(s.essential ? [[run('essential', style.small)]] : [])] },
    { runs: [[run(DEPTH_LABEL[s.depth], s.depth === 'none' ? style.warn : style.meta)]], graphic: meter(s.depth) },
    { runs: [[run(s.explanation, style.meta)]] },
  ])
  f.push(
    ...tableUnits(d.ts, doc, ctx.tagged, skillSect, {
      width,
      columns: [{ width: 0.27 }, { width: 0.2 }, { width: 0.53 }],
      header: [[run('Skill', style.smallBold)], [run('Evidence', style.smallBold)], [run('Why', style.smallBold)]],
      rows: skillCells,
      style: tableStyle,
    }),
  )

  // ---- plan ----
  if (report.plan) {
    const plan = report.plan
    f.space(gap * 2.6)
    const planSect = f.heading(plan.title ? `Learning plan: ${plan.title}` : 'Learning plan', root)
    const open = plan.steps.filter((s) => !s.done)
    const totals: Run[] = [
      run('Remaining: ', style.metaBold),
      run(`${open.length} of ${plan.steps.length} steps · ${hoursText(open.reduce((h, s) => h + (s.hours ?? 0), 0))} · ${sumMoney(open.map((s) => s.cost))}`, style.meta),
    ]
    if (plan.budget) totals.push(run(`  ·  Budget ${formatMoney(plan.budget)}`, style.meta))
    f.text(totals, planSect.child('P'), { keepWithNext: true }).space(gap * 0.5)
    const box = (done: boolean): Cell['graphic'] => ({
      width: 16 * scale,
      draw: (x, top, lh) => {
        const s = 8 * scale
        const y = top + lh / 2 - s / 2
        doc.save().lineWidth(0.8).rect(x, y, s, s).strokeColor(done ? theme.accent : theme.faint).stroke()
        if (done)
          doc
            .moveTo(x + s * 0.2, y + s * 0.55)
            .lineTo(x + s * 0.42, y + s * 0.78)
            .lineTo(x + s * 0.82, y + s * 0.25)
            .lineWidth(1.2)
            .strokeColor(theme.accent)
            .stroke()
        doc.restore()
      },
    })
    const stepCells = plan.steps.map((s, i): Cell[] => [
      {
        graphic: box(s.done),
        runs: [
          [run(`${i + 1}. ${s.title}`, style.bodyBold), ...(s.done ? [run('  (done)', style.small)] : [])],
          ...(s.provider ? [[run(s.provider, style.meta)]] : []),
          [run(s.reason, style.meta)],
          ...(s.skills.length ? [[run('Skills: ', style.smallBold), run(s.skills.join(', '), style.small)]] : []),
          ...(s.url ? [[run(s.url, style.smallLink, s.url, `Open ${s.title}`)]] : []),
        ],
      },
      { runs: [[run(s.credentialKind ?? '—', style.meta)]] },
      { runs: [[run(s.hours !== null ? hoursText(s.hours) : '—', style.meta)]] },
      { runs: [[run(s.cost ? formatMoney(s.cost) : '—', style.meta)]] },
    ])
    f.push(
      ...tableUnits(d.ts, doc, ctx.tagged, planSect, {
        width,
        columns: [{ width: 0.6 }, { width: 0.16 }, { width: 0.1, align: 'right' }, { width: 0.14, align: 'right' }],
        header: [[run('Step', style.smallBold)], [run('Kind', style.smallBold)], [run('Hours', style.smallBold)], [run('Cost', style.smallBold)]],
        rows: stepCells,
        style: tableStyle,
      }),
    )
    const total: Run[] = [
      run('Total: ', style.metaBold),
      run(`${hoursText(plan.steps.reduce((h, s) => h + (s.hours ?? 0), 0))} · ${sumMoney(plan.steps.map((s) => s.cost))}`, style.meta),
    ]
    f.space(gap * 0.6).text(total, planSect.child('P'))
  }

  const frame = { x: margin.left, width, top: margin.top, bottom: size[1] - margin.bottom }
  const p = paginate(f.units, () => frame)
  for (let n = 0; n < p.pages; n++) {
    d.addPage()
    drawPage(p, n, frame)
    drawFooter(d, { x: margin.left, width, y: size[1] - margin.bottom + 22 }, title, n, p.pages, style.footer)
  }
  return d.finish()
}
