/**
 * Resume PDFs read back as an applicant-tracking system would: every template × page size,
 * text through pdf.js and pdftotext, Unicode and ligature-prone words, link annotations,
 * metadata, tagged structure, page-break rules on a three-page resume, tailoring to a role,
 * and byte-for-byte determinism.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadPdfFonts } from '../../../electron/core/pdf/fonts'
import { renderResume, renderResumeDetailed } from '../../../electron/core/pdf/render'
import { buildResumeData } from '../../../electron/core/resume/data'
import { readPortfolio } from '../../helpers/read-portfolio'
import { tempPortfolio } from '../../helpers/temp-portfolio'
import { expectInOrder, extractPdf, type ExtractedPdf, hasPdftotext, PDFTOTEXT, pdftotext, squash } from './extract'
import { CREDENTIALS, longResume, NOW, PROJECTS, ROLE, shortResume } from './fixtures'

const RESOURCES = join(__dirname, '../../../resources')
const fonts = loadPdfFonts(RESOURCES)

const TEMPLATES = ['ats', 'two-column'] as const
const SIZES = ['a4', 'letter'] as const
const COMBOS = TEMPLATES.flatMap((template) => SIZES.map((pageSize) => ({ template, pageSize })))

/** pdftotext assertions run where it is installed, and must run under CI=true. */
const pdftotextMissing = !hasPdftotext && process.env.CI !== 'true'
if (pdftotextMissing) console.warn(`pdftotext assertions skipped: ${PDFTOTEXT} is not installed (apt-get install poppler-utils)`)
function requirePdftotext(): void {
  if (!hasPdftotext) throw new Error(`${PDFTOTEXT} is required when CI=true (apt-get install poppler-utils)`)
}

const noSpace = (s: string) => s.replace(/\s+/g, '')
const normUrl = (u: string) => u.replace(/\/$/, '')

// ---- what each template must print, in order ----

const HEADER = ['Ελένη Łukasiewicz', 'Certified data analyst moving into analytics engineering']
const CONTACT = ['eleni@example.org', '+44 7700 900123', 'Manchester, UK', 'lukasiewicz.example.org', 'GitHub:', 'github.com/example']
const SUMMARY = ['Summary', 'Certified analyst with five years in retail: a fluent workflow from SQL to dashboards, and the office diplomacy']
const SKILLS_ATS = ['Skills', 'Technical:', 'SQL, Python, Tableau', 'Knowledge:', 'Data modelling, Statistics']
const SKILLS_SIDEBAR = ['Skills', 'Technical', 'SQL, Python, Tableau', 'Knowledge', 'Data modelling, Statistics']
const EXPERIENCE = [
  'Experience',
  'Senior Data Analyst',
  'Brightwave Retail',
  'Jan 2023 – Present',
  'Manchester, UK',
  'Own the trading dashboards used by 40 store managers',
  'Data Analyst',
  'Northwind Office Supplies',
  'Jun 2020 – Dec 2022',
  'Leeds, UK',
  'Automated the weekly stock report workflow in Python; certified figures for the office audit.',
]
const PROJECTS_SECTION = [
  'Projects',
  'Warehouse pipeline for Дмитрий Logistics',
  'Data engineer (freelance)',
  'Mar 2025 – Sep 2025',
  'Replaced nightly spreadsheet exports with an Airflow and dbt workflow',
  'Nightly load time down from 3 hours to 11 minutes.',
  'Skills:',
  'Airflow, dbt, PostgreSQL, Python, Data pipelines',
  'Code:',
  'github.com/example/dmitry-logistics-pipeline',
]
const CREDENTIALS_ATS = [
  'Certifications',
  'AWS Certified Cloud Practitioner',
  'Jan 2024',
  'Amazon Web Services · via Pearson VUE',
  'Valid until Jan 2027',
  'Credential ID B7KX9QZ2LJE1Q3SD',
  'Verify:',
  'Google Data Analytics Professional Certificate',
  'Sep 2022',
  'Google · via Coursera',
  'Credential ID GDA-7QX2MK4PLB',
  'Microsoft Certified: Power BI Data Analyst Associate',
  'May 2023',
  'Microsoft',
  'Expired May 2024',
  'Credential ID PL300-9F31-77A2',
]
const CREDENTIALS_SIDEBAR = [
  'Certifications',
  'AWS Certified Cloud Practitioner',
  'Amazon Web Services · via Pearson VUE',
  'Earned Jan 2024',
  'Valid until Jan 2027',
  'Credential ID B7KX9QZ2LJE1Q3SD',
  'Verify:',
  'Google Data Analytics Professional Certificate',
  'Google · via Coursera',
  'Earned Sep 2022',
  'Credential ID GDA-7QX2MK4PLB',
  'Microsoft Certified: Power BI Data Analyst Associate',
  'Microsoft',
  'Earned May 2023',
  'Expired May 2024',
  'Credential ID PL300-9F31-77A2',
]
const EDUCATION = ['Education', 'BSc, Economics', 'Uniwersytet Warszawski', 'Oct 2014 – Jun 2017']
const VERIFY_URLS = CREDENTIALS.slice(0, 3).map((c) => c.verificationUrl!)

/** The sidebar and the main column, each in its own order (two-column template). */
const SIDEBAR = ['Contact', ...CONTACT, ...SKILLS_SIDEBAR, ...CREDENTIALS_SIDEBAR]
const MAIN = [...SUMMARY, ...EXPERIENCE, ...PROJECTS_SECTION, ...EDUCATION]

function expectedOrder(template: (typeof TEMPLATES)[number]): string[] {
  return template === 'ats'
    ? [...HEADER, ...CONTACT, ...SUMMARY, ...SKILLS_ATS, ...EXPERIENCE, ...PROJECTS_SECTION, ...CREDENTIALS_ATS, ...EDUCATION]
    : [...HEADER, ...SIDEBAR, ...MAIN]
}

const LIGATURE_WORDS = ['certified', 'workflow', 'office', 'fluent', 'Certified']
const UNICODE_NAMES = ['Łukasiewicz', 'Ελένη', 'Дмитрий']

describe.each(COMBOS)('$template resume on $pageSize', ({ template, pageSize }) => {
  let pdf: Uint8Array
  let x: ExtractedPdf
  beforeAll(async () => {
    const r = await renderResumeDetailed(shortResume(), { template, pageSize, showQr: true }, fonts, { now: NOW })
    expect(r.pageCount).toBe(1)
    pdf = r.pdf
    x = await extractPdf(pdf, { glyphs: true })
  })

  it('is a one-page PDF of the chosen size', () => {
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.7')
    expect(x.pages).toHaveLength(1)
    const [w, h] = pageSize === 'a4' ? [595.28, 841.89] : [612, 792]
    expect(x.pages[0]!.width).toBeCloseTo(w, 1)
    expect(x.pages[0]!.height).toBeCloseTo(h, 1)
  })

  it('pdf.js reads every field, in the order of the page', () => {
    expectInOrder(squash(x.text), expectedOrder(template), 'pdf.js')
    // URLs may wrap in a narrow column: compare them without whitespace.
    for (const url of VERIFY_URLS) expect(noSpace(x.text)).toContain(`Verify:${url}`)
  })

  it('extracts Unicode names and fi/fl/ffi words exactly, with no ligature glyphs', () => {
    const words = new Set(x.text.split(/[^\p{L}]+/u))
    for (const w of [...UNICODE_NAMES, ...LIGATURE_WORDS]) expect(words, w).toContain(w)
    expect(x.text).not.toMatch(/[\uFB00-\uFB06]/)
    // Every glyph drawn stands for one character: a ligature glyph would carry "fi" or "ffi".
    expect(x.pages[0]!.glyphs.length).toBeGreaterThan(500)
    const multi = x.pages[0]!.glyphs.filter((g) => [...g].length !== 1)
    expect(multi).toEqual([])
  })

  it.skipIf(pdftotextMissing)('pdftotext reads the same fields (plain, -raw and -layout)', () => {
    requirePdftotext()
    const plain = pdftotext(pdf)
    const raw = pdftotext(pdf, '-raw')
    const layout = pdftotext(pdf, '-layout')
    for (const text of [plain, raw, layout]) {
      const words = new Set(text.split(/[^\p{L}]+/u))
      for (const w of [...UNICODE_NAMES, ...LIGATURE_WORDS]) expect(words, w).toContain(w)
      // -layout prints the two columns side by side, so a URL wrapped in the sidebar is
      // interleaved with main-column text there.
      if (template === 'ats' || text !== layout) for (const url of VERIFY_URLS) expect(noSpace(text)).toContain(noSpace(url))
    }
    // -raw is content order, which is the reading order of both templates.
    expectInOrder(squash(raw), expectedOrder(template), 'pdftotext -raw')
    if (template === 'ats') {
      // One column: pdftotext's own reading order and its layout mode agree with the page.
      expectInOrder(squash(plain), expectedOrder(template), 'pdftotext')
      expectInOrder(squash(layout), expectedOrder(template), 'pdftotext -layout')
      expect(layout).toMatch(/Senior Data Analyst, Brightwave Retail {3,}Jan 2023 – Present/)
    } else {
      // Two columns: pdftotext's reading-order heuristics (block detection, "tables") may
      // reorder blocks of a two-column page, so only the header comes first and every field is
      // there; no line mixes the two columns. -raw (content order) is checked above.
      expectInOrder(squash(plain), [...HEADER, 'Contact'], 'pdftotext header')
      for (const field of [...SIDEBAR, ...MAIN]) expect(squash(plain), field).toContain(field)
      // -layout prints the columns side by side: cut each line where the main column starts.
      const lines = layout.split('\n')
      const cut = lines.find((l) => l.includes('Summary'))!.indexOf('Summary')
      expectInOrder(squash(lines.map((l) => l.slice(0, cut)).join('\n')), SIDEBAR, 'pdftotext -layout sidebar')
      expectInOrder(squash(lines.map((l) => l.slice(cut)).join('\n')), MAIN, 'pdftotext -layout main')
      for (const line of plain.split('\n')) expect(line.includes('eleni@example.org') && line.includes('Certified analyst')).toBe(false)
    }
  })

  it('makes email, website, profile, project and verification links clickable', () => {
    const urls = new Set(x.pages[0]!.links.map((l) => normUrl(l.url)))
    for (const u of ['mailto:eleni@example.org', 'https://lukasiewicz.example.org', 'https://github.com/example', PROJECTS[1]!.links[0]!.url, ...VERIFY_URLS])
      expect(urls, u).toContain(normUrl(u))
    // Each verification URL is linked twice: the "Verify:" text and the QR code.
    for (const u of VERIFY_URLS) expect(x.pages[0]!.links.filter((l) => l.url === u).length).toBeGreaterThanOrEqual(2)
  })

  it('writes title, author, subject, keywords, language and dates', () => {
    expect(x.info).toMatchObject({
      Title: 'Ελένη Łukasiewicz — Resume',
      Author: 'Ελένη Łukasiewicz',
      Subject: 'Resume of Ελένη Łukasiewicz, Certified data analyst moving into analytics engineering',
      Language: 'en',
      Creator: 'Skillfolio',
      CreationDate: 'D:20261128120000Z',
      ModDate: 'D:20261128120000Z',
    })
    expect(String(x.info.Keywords).split(', ').slice(0, 3)).toEqual(['SQL', 'Python', 'Data modelling'])
    expect(new TextDecoder('latin1').decode(pdf)).toContain('/DisplayDocTitle true')
  })

  it('is a tagged PDF with headings, lists, links and figures', () => {
    expect(x.marked).toBe(true)
    for (const role of ['Document', 'H1', 'Sect', 'H2', 'H3', 'P', 'L', 'LI', 'Link', 'Figure']) expect(x.structRoles, role).toContain(role)
  })
})

describe.each(COMBOS)('page breaks: a three-page $template resume on $pageSize', ({ template, pageSize }) => {
  let x: ExtractedPdf
  let pageCount: number
  beforeAll(async () => {
    const r = await renderResumeDetailed(longResume(), { template, pageSize, showQr: true, choices: { limits: { credentials: 20, projects: 10 } } }, fonts, { now: NOW })
    pageCount = r.pageCount
    x = await extractPdf(r.pdf)
  })

  const footerY = (h: number) => h - 40
  const isFooter = (p: { height: number }, y: number) => y > footerY(p.height)
  const column = (p: { width: number }, xPos: number) => (template === 'two-column' && xPos < p.width * 0.325 ? 'side' : 'main')

  it('has exactly three pages, numbered "n / 3" in the footer, none blank', () => {
    expect(pageCount).toBe(3)
    expect(x.pages).toHaveLength(3)
    x.pages.forEach((p, i) => {
      const footer = p.items.filter((it) => isFooter(p, it.y)).map((it) => it.str)
      expect(footer).toContain(`${i + 1} / 3`)
      expect(footer).toContain('Ελένη Łukasiewicz')
      expect(p.items.filter((it) => !isFooter(p, it.y)).length, `page ${i + 1} is (nearly) blank`).toBeGreaterThan(5)
    })
  })

  it('never leaves a section heading in the last two lines of a page', () => {
    const headings = ['Summary', 'Skills', 'Experience', 'Projects', 'Certifications', 'Education', 'Contact']
    let seen = 0
    for (const p of x.pages) {
      const body = p.items.filter((it) => !isFooter(p, it.y))
      const bottom = Math.max(...body.map((it) => it.y))
      for (const h of body.filter((it) => headings.includes(it.str))) {
        seen++
        const below = body.filter((it) => column(p, it.x) === column(p, h.x) && it.y > h.y + 1)
        const lines = new Set(below.map((it) => Math.round(it.y)))
        expect(lines.size, `"${h.str}" is followed by fewer than two lines on its page`).toBeGreaterThanOrEqual(2)
        const usableBottom = p.height - 50
        expect(h.y, `"${h.str}" sits in the bottom two lines`).toBeLessThan(usableBottom - 2 * 12)
        expect(h.y).toBeLessThan(bottom)
      }
    }
    expect(seen).toBe(template === 'ats' ? 6 : 7)
  })

  it('keeps every entry title on the same page as its first detail line', () => {
    const data = longResume()
    const titles = [...data.experience.map((e) => e.title), ...data.projects.map((p) => p.title), ...CREDENTIALS.filter((c) => c.status !== 'in_progress').map((c) => c.title)]
    let checked = 0
    for (const title of titles) {
      const hits = x.pages.flatMap((p, page) => p.items.filter((it) => it.str.length >= 6 && title.startsWith(it.str.trim())).map((it) => ({ it, page, p })))
      expect(hits.length, title).toBeGreaterThan(0)
      const { it, p } = hits[0]!
      const next = p.items.filter((o) => column(p, o.x) === column(p, it.x) && !isFooter(p, o.y) && o.y > it.y + 2)
      expect(next.length, `"${title}" ends its page`).toBeGreaterThan(0)
      const gap = Math.min(...next.map((o) => o.y)) - it.y
      expect(gap, `"${title}": next line too far below`).toBeLessThan(30)
      checked++
    }
    expect(checked).toBe(titles.length)
  })

  it('never cuts a line: every text item lies inside the page frame', () => {
    for (const p of x.pages)
      for (const it of p.items) {
        expect(it.y).toBeGreaterThan(20)
        expect(it.y).toBeLessThan(p.height - 15)
      }
  })
})

describe('tailoring in the PDF', () => {
  it('prints the credentials that match the role, most relevant first, and names the role in the metadata', async () => {
    const pdf = await renderResume(longResume(), { template: 'ats', role: ROLE }, fonts, { now: NOW })
    const x = await extractPdf(pdf)
    const text = squash(x.text)
    const section = text.slice(text.indexOf('Certifications'), text.indexOf('Education', text.indexOf('Certifications')))
    expectInOrder(section, ['dbt Fundamentals', 'Google Data Analytics Professional Certificate', 'Microsoft Certified: Power BI', 'Postgraduate Certificate in Applied Statistics', 'Tableau Desktop Specialist'])
    expect(section).not.toContain('AWS Certified Cloud Practitioner')
    expect(section).not.toContain('Trustworthy Online Experiments')
    expect(section).toContain('Expired May 2024')
    expectInOrder(text, ['Technical: SQL, dbt, Airflow, Python, Tableau', 'Knowledge: Data modelling'])
    expect(x.info).toMatchObject({
      Title: 'Ελένη Łukasiewicz — Analytics Engineer resume',
      Subject: 'Resume of Ελένη Łukasiewicz, tailored for Analytics Engineer',
      Keywords: 'SQL, dbt, Data modeling, Apache Airflow, Python, Tableau',
    })
  })

  it('leaves expired credentials out when asked, and honours hidden and pinned items', async () => {
    const pdf = await renderResume(longResume(), { template: 'two-column', role: ROLE, choices: { expired: 'hide', hidden: ['cred-4'], pinned: ['cred-2'] } }, fonts, { now: NOW })
    const text = squash((await extractPdf(pdf)).text)
    // The sidebar's Certifications section runs up to the main column's Summary.
    const section = text.slice(text.indexOf('Certifications'), text.indexOf('Summary'))
    expect(section).not.toContain('Expired')
    expect(section).not.toContain('Power BI Data Analyst Associate')
    expect(section).not.toContain('dbt Fundamentals')
    expectInOrder(section, ['Certifications', 'AWS Certified Cloud Practitioner', 'Google Data Analytics Professional Certificate'])
  })

  it('prints only the chosen sections, in the chosen order', async () => {
    const pdf = await renderResume(shortResume(), { template: 'ats', sections: ['credentials', 'experience'] }, fonts, { now: NOW })
    const text = squash((await extractPdf(pdf)).text)
    expectInOrder(text, ['Certifications', 'AWS Certified Cloud Practitioner', 'Experience', 'Senior Data Analyst'])
    for (const gone of ['Summary', 'Projects', 'Education', 'Technical:']) expect(text).not.toContain(gone)
  })
})

describe('deterministic output', () => {
  it('gives the same bytes for the same input and clock, and different bytes for another clock', async () => {
    for (const template of TEMPLATES) {
      const options = { template, showQr: true, role: ROLE, accent: '#7a2e8c' }
      const a = await renderResume(longResume(), options, fonts, { now: NOW })
      const b = await renderResume(longResume(), options, fonts, { now: NOW })
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
      const c = await renderResume(longResume(), options, fonts, { now: new Date('2026-11-29T12:00:00Z') })
      expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false)
    }
  })

  it('gives the same bytes with freshly parsed fonts as with the caches of earlier renders', async () => {
    const options = { template: 'two-column' as const, showQr: true }
    await renderResume(longResume(), options, fonts, { now: NOW })
    const cached = await renderResume(longResume(), options, fonts, { now: NOW })
    // New Buffers: parsed again, with empty shaping and subset caches (like a fresh process).
    const fresh = Object.fromEntries(Object.entries(fonts).map(([k, v]) => [k, v.slice()])) as typeof fonts
    const uncached = await renderResume(longResume(), options, fresh, { now: NOW })
    expect(Buffer.from(uncached).equals(Buffer.from(cached))).toBe(true)
  })

  it('keeps the same text across accents and font scales (only the layout changes)', async () => {
    const texts = new Set<string>()
    for (const fontScale of ['small', 'normal', 'large'] as const)
      for (const accent of ['#1f5f8b', '#ffcc00', undefined]) {
        const r = await renderResumeDetailed(shortResume(), { template: 'ats', fontScale, accent }, fonts, { now: NOW })
        const x = await extractPdf(r.pdf)
        // Without the footer (a larger scale may need a second page), line breaks, and the
        // separators of the contact line (never printed where it wraps).
        const body = x.pages.map((p) => p.items.filter((it) => it.y < p.height - 40).map((it) => it.str).join('')).join('')
        texts.add(noSpace(body).replace(/·/g, ''))
      }
    expect(texts.size).toBe(1)
    await expect(renderResume(shortResume(), { template: 'ats', accent: 'red' }, fonts, { now: NOW })).rejects.toThrow(/colour/)
  })
})

describe('a resume from a real portfolio', () => {
  it('prints an empty portfolio as a placeholder page instead of failing', async () => {
    const p = tempPortfolio()
    try {
      const data = buildResumeData(await readPortfolio(p.core.call))
      for (const template of TEMPLATES) {
        const r = await renderResumeDetailed(data, { template, role: ROLE }, fonts, { now: NOW })
        expect(r.pageCount).toBe(1)
        expect(squash((await extractPdf(r.pdf)).text)).toBe('Your name')
      }
    } finally {
      p.cleanup()
    }
  })

  it('reads the demo portfolio through the contract and prints it', async () => {
    const p = tempPortfolio()
    try {
      await p.core.call('app:loadDemo', {})
      const data = buildResumeData(await readPortfolio(p.core.call))
      expect(data.profile.name).toBe('Maya Okafor')
      expect(data.credentials.length).toBeGreaterThan(10)
      const r = await renderResumeDetailed(data, { template: 'ats', pageSize: 'letter', showQr: true }, fonts, { now: NOW })
      const text = squash((await extractPdf(r.pdf)).text)
      expectInOrder(text, ['Maya Okafor', 'Experience', 'Certifications', 'AWS Certified Cloud Practitioner', 'Valid until'])
      // In-progress and planned credentials are not printed.
      expect(text).not.toContain('Databricks Certified Data Engineer Associate')
      expect(r.tailored.decisions.find((d) => d.title === 'Data Engineering with AWS Nanodegree')).toMatchObject({ included: false, reason: expect.stringMatching(/in progress/) })
    } finally {
      p.cleanup()
    }
  })
})
