/** The gap-analysis and learning-plan report, read back with pdf.js. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPdfFonts } from '../../../electron/core/pdf/fonts'
import { renderGapReport } from '../../../electron/core/pdf/report'
import { expectInOrder, extractPdf, squash } from './extract'
import { NOW, sampleReport } from './fixtures'

const fonts = loadPdfFonts(join(__dirname, '../../../resources'))

describe('gap report', () => {
  it('prints the fit, its explanation and parts, gaps, the skills tables and the plan, in order', async () => {
    const pdf = await renderGapReport(sampleReport(), { pageSize: 'a4' }, fonts, { now: NOW })
    const x = await extractPdf(pdf)
    const text = squash(x.text)
    expectInOrder(text, [
      'SKILLS GAP REPORT',
      'Analytics Engineer',
      'Prepared for Ελένη Łukasiewicz · 28 Nov 2026',
      'Builds tested, documented data models',
      '67%',
      'fit with this role',
      "Fit is the share of the role's skill weight your evidence covers (70%) plus the same share over its essential skills (30%).",
      'Parts: coverage 64% · essentials 73% · proven 2 · practised 3 · learned 2 · none 2 · transversal 1 of 2',
      'Essential skills without evidence',
      'Kubernetes',
      'Learned but never practised',
      'A credential or your education shows these, but no project or work entry does.',
      'Apache Airflow',
      'Tableau',
      'Skills the role asks for',
      'Skill',
      'Depth',
      'Evidence',
      'SQL',
      'essential',
      'Proven',
      'Practised · project: Warehouse pipeline for Дмитрий Logistics, 2025',
      'Practised · inferred from your 3 years 2 months as Data Analyst at Brightwave Retail',
      'Learned · verified credential: dbt Fundamentals, 2024',
      '+ 4 more',
      'Data modeling',
      'Practised · via dbt',
      'Kubernetes',
      'None',
      'Nothing in the portfolio shows it yet',
      'Apache Airflow',
      'Learned',
      'never practised',
      'Learned · unverified credential: Airflow Fundamentals, 2023',
      'Transversal skills',
      'Skills that carry across roles, such as communication and problem solving: 1 of 2 have evidence.',
      'Stakeholder communication',
      'Practised · your work as Analytics Engineer at Nordwind Data for 2 years (named in the entry)',
      'Problem solving',
      'None',
      'No evidence yet',
      'Learning plan: Analytics Engineer in six months',
      'Remaining: 3 of 4 steps · 188 h · $1,412.00 + €45.00',
      'Budget $1,500.00',
      '1. dbt Fundamentals',
      '(done)',
      '2. Data Engineering with AWS Nanodegree',
      'platform',
      '120 h',
      '$1,017.00',
      '3. Certified Kubernetes Application Developer',
      '4. Łódź Data Meetup talk on dbt tests',
      '€45.00',
      'Total: 193 h · $1,412.00 + €45.00',
    ])
    expect(text).not.toMatch(/\bapplied\b/)
    expect(text).toMatch(/Дмитрий/)
    expect(x.info).toMatchObject({ Title: 'Skills gap: Analytics Engineer — Ελένη Łukasiewicz', Author: 'Ελένη Łukasiewicz', Language: 'en' })
    expect(String(x.info.Keywords)).toBe('Analytics Engineer, SQL, dbt, Data modeling, Apache Airflow, Python, Kubernetes, Tableau, Stakeholder communication, Problem solving')
    expect(String(x.info.Subject)).toBe('Gap analysis and learning plan for Analytics Engineer: 67% fit')
    expect(x.structRoles).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'Table', 'TR', 'TH', 'TD', 'L', 'LI']))
    const links = x.pages.flatMap((p) => p.links.map((l) => l.url))
    expect(links).toEqual(expect.arrayContaining(['https://learn.example.org/dbt-fundamentals', 'https://training.example.org/ckad']))
  })

  it('repeats the table header on every page a long plan continues on, with page numbers', async () => {
    const report = sampleReport()
    const many = Array.from({ length: 30 }, (_, i) => ({ ...report.plan!.steps[i % 4]!, title: `Step ${i + 1} workflow` }))
    const pdf = await renderGapReport({ ...report, plan: { ...report.plan!, steps: many } }, { pageSize: 'letter' }, fonts, { now: NOW })
    const x = await extractPdf(pdf)
    expect(x.pages.length).toBeGreaterThanOrEqual(3)
    x.pages.forEach((p, i) => expect(p.text).toContain(`${i + 1} / ${x.pages.length}`))
    for (const p of x.pages.slice(2)) expectInOrder(squash(p.text), ['Step', 'Kind', 'Hours', 'Cost'])
  })

  it('handles an empty plan and no gaps', async () => {
    const r = sampleReport()
    const pdf = await renderGapReport({ ...r, person: null, fit: 100, coverage: 100, essentialCoverage: 100, missingEssentials: [], learnedNotApplied: [], plan: null }, {}, fonts, { now: NOW })
    const text = squash((await extractPdf(pdf)).text)
    expect(text).toContain('100%')
    expect(text).toContain('None: every essential skill has some evidence behind it.')
    expect(text).toContain('None: every skill you have learned is also practised, in a project or at work.')
    expect(text).not.toContain('Learning plan')
  })

  it('prints one skills table when the analysis has no transversal skills, and no explanation when there is none', async () => {
    const r = sampleReport()
    const skills = r.skills.filter((s) => s.group !== 'transversal').map(({ group: _group, ...s }) => s)
    const pdf = await renderGapReport({ ...r, fitExplanation: null, transversal: null, skills }, {}, fonts, { now: NOW })
    const text = squash((await extractPdf(pdf)).text)
    expect(text).toContain('Skills the role asks for')
    expect(text).not.toContain('Transversal skills')
    expect(text).not.toContain('Fit is the share')
    expect(text).toContain('Parts: coverage 64% · essentials 73% · proven 2 · practised 2 · learned 2 · none 1')
  })

  it('keeps a table\'s last row off a page of its own', async () => {
    const r = sampleReport()
    let continued = 0
    for (let n = 8; n <= 16; n++) {
      const many = Array.from({ length: n }, (_, i) => ({ ...r.skills[i % 7]!, name: `Skill ${i + 1}` }))
      const x = await extractPdf(await renderGapReport({ ...r, skills: many, plan: null }, { pageSize: 'a4' }, fonts, { now: NOW }))
      // Nothing follows the table, so a continuation page with one row holds the last row alone.
      for (const p of x.pages.slice(1)) {
        const rows = squash(p.text).match(/Skill \d+/g) ?? []
        expect(rows.length, `${n} skills: a page with a lone row`).not.toBe(1)
        continued++
      }
    }
    expect(continued).toBeGreaterThan(0)
  })
})
