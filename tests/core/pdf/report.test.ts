/** The gap-analysis and learning-plan report, read back with pdf.js. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPdfFonts } from '../../../electron/core/pdf/fonts'
import { renderGapReport } from '../../../electron/core/pdf/report'
import { expectInOrder, extractPdf, squash } from './extract'
import { NOW, sampleReport } from './fixtures'

const fonts = loadPdfFonts(join(__dirname, '../../../resources'))

describe('gap report', () => {
  it('prints coverage, gaps, the skills table and the plan, in order', async () => {
    const pdf = await renderGapReport(sampleReport(), { pageSize: 'a4' }, fonts, { now: NOW })
    const x = await extractPdf(pdf)
    const text = squash(x.text)
    expectInOrder(text, [
      'SKILLS GAP REPORT',
      'Analytics Engineer',
      'Prepared for Ελένη Łukasiewicz · 28 Nov 2026',
      'Builds tested, documented data models',
      '64%',
      'of the role’s weighted skills have evidence in your portfolio',
      'Skills: proven 2 · applied 2 · learned 2 · none 1',
      'Essential skills without evidence',
      'Kubernetes',
      'Learned but not yet applied',
      'Apache Airflow',
      'Tableau',
      'Skills the role asks for',
      'Skill',
      'Evidence',
      'Why',
      'SQL',
      'essential',
      'Proven',
      'Four credentials and three projects',
      'Kubernetes',
      'None',
      'Nothing in the portfolio shows it.',
      'Learning plan: Analytics Engineer in six months',
      'Remaining: 3 of 4 steps · 188 h · $1,412 + €45',
      'Budget $1,500',
      '1. dbt Fundamentals',
      '(done)',
      '2. Data Engineering with AWS Nanodegree',
      'platform',
      '120 h',
      '$1,017',
      '3. Certified Kubernetes Application Developer',
      '4. Łódź Data Meetup talk on dbt tests',
      '€45',
      'Total: 193 h · $1,412 + €45',
    ])
    expect(text).toMatch(/Дмитрий/)
    expect(x.info).toMatchObject({ Title: 'Skills gap: Analytics Engineer — Ελένη Łukasiewicz', Author: 'Ελένη Łukasiewicz', Language: 'en' })
    expect(String(x.info.Keywords)).toBe('Analytics Engineer, SQL, dbt, Data modeling, Apache Airflow, Python, Kubernetes, Tableau')
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
    const pdf = await renderGapReport({ ...r, person: null, coverage: 100, missingEssentials: [], learnedNotApplied: [], plan: null }, {}, fonts, { now: NOW })
    const text = squash((await extractPdf(pdf)).text)
    expect(text).toContain('100%')
    expect(text).toContain('None: every essential skill has at least one credential or project behind it.')
    expect(text).not.toContain('Learning plan')
  })
})
