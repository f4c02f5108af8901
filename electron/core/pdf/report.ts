/**
 * `renderGapReport`: a gap analysis and learning plan for one target role, as a PDF.
 *
 * `GapReportData` is deliberately plain so the analysis output (electron/core/analysis) can be
 * mapped into it by the caller (electron/core/resume/report.ts): the role, the fit as the headline
 * with the sentence that explains it and the parts it is made of, one row per required skill
 * (core and transversal skills apart) with its depth and its strongest evidence as short lines,
 * the essential skills with no evidence, the skills learned but never practised (a credential or
 * education, but no project or work entry), and the plan's steps with hours and cost.
 */
import { DEPTH_WORD } from '../../shared/evidence'
import type { CredentialKind } from '../../shared/schemas'
import { drawFooter, openDocument } from './document'
import { type PdfFonts, prepareFonts } from './fonts'
import { dayMonthYear, formatMoney, isoDay } from './format'
import { drawPage, paginate, type Unit } from './layout/engine'
import { tableUnits, type Cell } from './layout/table'
import { artifact, type Tag } from './layout/tags'
import type { Run } from './layout/text'
import { ReportOptionsSchema, type ReportOptions } from './options'
import { type Ctx, Flow, run } from './templates/blocks'
import { ruleUnit } from './templates/common'
import { createTheme, PAGE_SIZES } from './templates/theme'

export type SkillDepth = 'none' | 'learned' | 'practised' | 'proven'

/** One piece of evidence as a short line: the step it gives, and what it is. */
export interface GapEvidenceLine {
  /** Printed in front: "Practised · …", "Learned · …". */
  gives: 'learned' | 'practised'
  /** "inferred from your 3 years 2 months as Data Analyst at Brightwave Retail", "verified credential: Google Data Analytics", "via AWS". */
  text: string
}

export interface GapSkillRow {
  name: string
  essential: boolean
  /** 0..1, how much the role relies on it (optional; used for ordering only). */
  weight?: number
  depth: SkillDepth
  /** Transversal skills (communication, problem solving …) get their own table; default core. */
  group?: 'core' | 'transversal'
  /** Why this depth, in one sentence; shown when there are no evidence lines. */
  explanation: string
  /** The strongest evidence, strongest first (a few lines). */
  evidence?: GapEvidenceLine[]
  /** Evidence items not shown. */
  moreEvidence?: number
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
  /** The headline: fit with the role, 0..100 (0.7 × coverage + 0.3 × essential coverage). */
  fit: number
  /** One sentence: how the fit is computed. */
  fitExplanation?: string | null
  /** Weighted share of the role's skills with evidence, 0..100. */
  coverage: number
  /** The same share over the essential skills only, 0..100. */
  essentialCoverage: number
  /** The role's transversal skills: how many, and how many have evidence. */
  transversal?: { total: number; covered: number } | null
  skills: GapSkillRow[]
  missingEssentials: string[]
  learnedNotApplied: string[]
  plan: { title?: string | null; budget?: { amountMinor: number; currency: string } | null; steps: GapPlanStep[] } | null
}

const DEPTH_LEVEL: Readonly<Record<SkillDepth, number>> = { none: 0, learned: 1, practised: 2, proven: 3 }
const percent = (n: number) => Math.max(0, Math.min(100, Math.round(n)))

/** Keeps a table's last row with the one before it, so no page holds a lone last row. */
function noLoneLastRow(units: Unit[]): Unit[] {
  if (units.length > 2) units[units.length - 2]!.keepWithNext = true
  return units
}

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
  const fit = percent(report.fit)
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
      subject: `Gap analysis and learning plan for ${report.role.title}: ${fit}% fit`,
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

  // ---- fit: the headline, the sentence that explains it, the parts ----
  const counts = (['proven', 'practised', 'learned', 'none'] as const).map((k) => `${DEPTH_WORD[k].toLowerCase()} ${report.skills.filter((s) => s.depth === k).length}`)
  const parts = [
    `coverage ${percent(report.coverage)}%`,
    `essentials ${percent(report.essentialCoverage)}%`,
    ...counts,
    ...(report.transversal?.total ? [`transversal ${report.transversal.covered} of ${report.transversal.total}`] : []),
  ]
  const fitSect = root.child('Sect')
  const fitP = fitSect.child('P')
  const big = { ...style.name, size: 26 * scale, color: theme.accentText }
  const [bigLine] = d.ts.wrap([run(`${fit}%`, big)], width)
  const sideX = 110 * scale
  const summaryLines = d.ts.wrap(
    [
      run('fit with this role', style.body),
      ...(report.fitExplanation ? [run('\n', style.body), run(report.fitExplanation, style.meta)] : []),
      run('\n', style.body),
      run('Parts: ', style.metaBold),
      run(parts.join(' · '), style.meta),
    ],
    width - sideX,
  )
  const bigLh = d.ts.lineHeight(big.size, 1.1)
  const fitUnit: Unit = {
    height: Math.max(bigLh + 12 * scale, summaryLines.reduce((h, l) => h + d.ts.lineHeight(l.size), 0) + 3 * scale) + 4,
    spaceBefore: gap * 2.2,
    keepWithNext: false,
    role: 'fit',
    draw: (x, y) => {
      d.ts.drawLine(bigLine!, x, y, bigLh, fitP)
      const barY = y + bigLh + 4 * scale
      const barW = 92 * scale
      artifact(doc, ctx.tagged, () => {
        doc.save().roundedRect(x, barY, barW, 5 * scale, 2.5 * scale).fillColor(theme.rule).fill()
        if (fit > 0) doc.roundedRect(x, barY, Math.max(5 * scale, (barW * fit) / 100), 5 * scale, 2.5 * scale).fillColor(theme.accent).fill()
        doc.restore()
      })
      let ly = y + 3 * scale
      for (const l of summaryLines) {
        const lh = d.ts.lineHeight(l.size)
        d.ts.drawLine(l, x + sideX, ly, lh, fitP)
        ly += lh
      }
    },
  }
  f.custom(fitUnit)

  // ---- missing essentials and learned-but-never-practised ----
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
  listSection('Essential skills without evidence', report.missingEssentials, 'None: every essential skill has some evidence behind it.', 'The role treats these as essential; nothing in your portfolio shows them yet.')
  listSection(
    'Learned but never practised',
    report.learnedNotApplied,
    'None: every skill you have learned is also practised, in a project or at work.',
    'A credential or your education shows these, but no project or work entry does. One project that uses them would make them practised.',
  )

  // ---- skills: the role's core skills, then its transversal skills ----
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
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
  const evidenceRuns = (s: GapSkillRow): Run[][] => {
    const lines = s.evidence ?? []
    if (!lines.length) return [[run(sentence(s.explanation), style.meta)]]
    return [
      ...lines.map((l) => [run(`${DEPTH_WORD[l.gives]} · `, style.metaBold), run(l.text, style.meta)]),
      ...(s.moreEvidence ? [[run(`+ ${s.moreEvidence} more`, style.small)]] : []),
    ]
  }
  const skillTable = (skills: GapSkillRow[], sect: Tag) => {
    const rows = [...skills].sort(
      (a, b) => Number(b.essential) - Number(a.essential) || (b.weight ?? 0) - (a.weight ?? 0) || DEPTH_LEVEL[a.depth] - DEPTH_LEVEL[b.depth],
    )
    const cells = rows.map((s): Cell[] => [
      { runs: [[run(s.name, style.bodyBold)], ...(s.essential ? [[run('essential', style.small)]] : [])] },
      {
        runs: [[run(DEPTH_WORD[s.depth], s.depth === 'none' ? style.warn : style.meta)], ...(s.depth === 'learned' ? [[run('never practised', style.small)]] : [])],
        graphic: meter(s.depth),
      },
      { runs: evidenceRuns(s) },
    ])
    f.push(
      ...noLoneLastRow(
        tableUnits(d.ts, doc, ctx.tagged, sect, {
          width,
          columns: [{ width: 0.24 }, { width: 0.21 }, { width: 0.55 }],
          header: [[run('Skill', style.smallBold)], [run('Depth', style.smallBold)], [run('Evidence', style.smallBold)]],
          rows: cells,
          style: tableStyle,
        }),
      ),
    )
  }
  const core = report.skills.filter((s) => s.group !== 'transversal')
  const transversal = report.skills.filter((s) => s.group === 'transversal')
  if (core.length) {
    f.space(gap * 2.6)
    skillTable(core, f.heading('Skills the role asks for', root))
  }
  if (transversal.length) {
    f.space(gap * 2.6)
    const sect = f.heading('Transversal skills', root)
    const covered = report.transversal ?? { total: transversal.length, covered: transversal.filter((s) => s.depth !== 'none').length }
    const note = `Skills that carry across roles, such as communication and problem solving: ${covered.covered} of ${covered.total} have evidence.`
    f.text([run(note, style.meta)], sect.child('P'), { keepWithNext: true }).space(gap * 0.4)
    skillTable(transversal, sect)
  }

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
      ...noLoneLastRow(
        tableUnits(d.ts, doc, ctx.tagged, planSect, {
          width,
          columns: [{ width: 0.6 }, { width: 0.16 }, { width: 0.1, align: 'right' }, { width: 0.14, align: 'right' }],
          header: [[run('Step', style.smallBold)], [run('Kind', style.smallBold)], [run('Hours', style.smallBold)], [run('Cost', style.smallBold)]],
          rows: stepCells,
          style: tableStyle,
        }),
      ),
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
