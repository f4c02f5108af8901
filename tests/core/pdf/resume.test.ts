/**
 * Resume PDFs read back as an applicant-tracking system would: every template × page size,
 * text through pdf.js and pdftotext, built the way resume parsers expect (headings as bold
 * capitals alone on their line, title / date / organisation as separate text items, padded
 * contact separators, "•" bullets, only a page number as running text), Unicode and
 * ligature-prone words, link annotations, metadata, tagged structure, page breaks on a
 * three-page resume, tailoring to a role, and byte-for-byte determinism.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadPdfFonts } from '../../../electron/core/pdf/fonts'
import { measureResumePdf, renderResumePdf } from '../../../electron/core/pdf/render'
import { buildResumeData } from '../../../electron/core/resume/data'
import type { TailoredResume } from '../../../electron/core/resume/tailor'
import { readPortfolio } from '../../helpers/read-portfolio'
import { tempPortfolio } from '../../helpers/temp-portfolio'
import { expectInOrder, extractPdf, type ExtractedPdf, type TextItem, hasPdftotext, PDFTOTEXT, pdftotext, squash } from './extract'
import { CREDENTIALS, fixtureDocument, longResume, NOW, PROJECTS, renderFixture, ROLE, shortResume } from './fixtures'

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

const normUrl = (u: string) => u.replace(/\/$/, '')

/** Text items grouped into lines the way resume parsers group them (a line ends at pdf.js's end-of-line mark). */
function linesOf(x: ExtractedPdf): TextItem[][] {
  const lines: TextItem[][] = []
  let line: TextItem[] = []
  for (const p of x.pages)
    for (const it of p.items) {
      if (it.str.trim()) line.push(it)
      if (it.eol) {
        lines.push(line)
        line = []
      }
    }
  if (line.length) lines.push(line)
  return lines
}
const isBold = (it: TextItem) => /bold/i.test(it.font)
const lineText = (l: TextItem[]) => l.map((it) => it.str.trim())

// ---- what each template must print, in order ----

const HEADER = ['Ελένη Łukasiewicz', 'Certified data analyst moving into analytics engineering']
const CONTACT = ['eleni@example.org', '+44 7700 900123', 'Manchester, UK', 'lukasiewicz.example.org', 'GitHub:', 'github.com/example']
const HEADINGS = ['SUMMARY', 'SKILLS', 'EXPERIENCE', 'PROJECTS', 'CERTIFICATIONS', 'EDUCATION']
const SUMMARY = ['SUMMARY', 'Certified analyst with five years in retail: a fluent workflow from SQL to dashboards, and the office diplomacy']
const SKILLS_ATS = ['SKILLS', 'Technical:', 'SQL, Python, Tableau', 'Knowledge:', 'Data modelling, Statistics']
const SKILLS_SIDEBAR = ['SKILLS', 'Technical', 'SQL, Python, Tableau', 'Knowledge', 'Data modelling, Statistics']
const EXPERIENCE = [
  'EXPERIENCE',
  'Senior Data Analyst',
  'Jan 2023 – Present',
  'Brightwave Retail',
  'Manchester, UK',
  '• Own the trading dashboards used by 40 store managers',
  'Data Analyst',
  'Jun 2020 – Dec 2022',
  'Northwind Office Supplies',
  'Leeds, UK',
  '• Automated the weekly stock report workflow in Python; certified figures for the office audit.',
]
const PROJECTS_SECTION = [
  'PROJECTS',
  'Warehouse pipeline for Дмитрий Logistics',
  'Mar 2025 – Sep 2025',
  'Data engineer (freelance)',
  'Replaced nightly spreadsheet exports with an Airflow and dbt workflow',
  '• Nightly load time down from 3 hours to 11 minutes.',
  'Skills:',
  'Airflow, dbt, PostgreSQL, Python, Data pipelines',
  'Code:',
  'github.com/example/dmitry-logistics-pipeline',
]
const EDUCATION_ATS = ['EDUCATION', 'BSc, Economics', 'Oct 2014 – Jun 2017', 'Uniwersytet Warszawski']
const EDUCATION_SIDEBAR = ['EDUCATION', 'BSc, Economics', 'Uniwersytet Warszawski', 'Oct 2014 – Jun 2017']
const VERIFY_URLS = CREDENTIALS.slice(0, 3).map((c) => c.verificationUrl!)

/** Certifications as tailoring ordered them: title, year, issuer, and the expired one's state in words. */
function certifications(t: TailoredResume, narrow: boolean): string[] {
  return [
    'CERTIFICATIONS',
    ...t.credentials.flatMap((c) => {
      const year = c.earnedOn!.slice(0, 4)
      const state = c.expired ? [`Expired ${c.expiresOn === '2024-05-02' ? 'May 2024' : c.expiresOn}`] : []
      return narrow ? [c.title, c.issuer!, year, ...state] : [c.title, year, c.issuer!, ...state]
    }),
  ]
}

function expectedOrder(template: (typeof TEMPLATES)[number], t: TailoredResume): string[] {
  return template === 'ats'
    ? [...HEADER, ...CONTACT, ...SUMMARY, ...SKILLS_ATS, ...EXPERIENCE, ...PROJECTS_SECTION, ...certifications(t, false), ...EDUCATION_ATS]
    : [...HEADER, ...CONTACT, ...SKILLS_SIDEBAR, ...certifications(t, true), ...EDUCATION_SIDEBAR, ...SUMMARY, ...EXPERIENCE, ...PROJECTS_SECTION]
}

const LIGATURE_WORDS = ['certified', 'workflow', 'office', 'fluent', 'Certified']
const UNICODE_NAMES = ['Łukasiewicz', 'Ελένη', 'Дмитрий']

describe.each(COMBOS)('$template resume on $pageSize', ({ template, pageSize }) => {
  let pdf: Uint8Array
  let x: ExtractedPdf
  let tailored: TailoredResume
  beforeAll(async () => {
    const r = await renderFixture(shortResume(), { template, pageSize, showQr: true }, fonts)
    expect(r.pageCount).toBe(1)
    pdf = r.pdf
    tailored = r.tailored
    x = await extractPdf(pdf, { glyphs: true, fonts: true })
  })

  it('is a one-page PDF of the chosen size', () => {
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.7')
    expect(x.pages).toHaveLength(1)
    const [w, h] = pageSize === 'a4' ? [595.28, 841.89] : [612, 792]
    expect(x.pages[0]!.width).toBeCloseTo(w, 1)
    expect(x.pages[0]!.height).toBeCloseTo(h, 1)
  })

  it('pdf.js reads every field, in one reading order (a sidebar before the main column, never interleaved)', () => {
    expectInOrder(squash(x.text), expectedOrder(template, tailored), 'pdf.js')
  })

  it('sets every section heading in bold capitals, alone on its line; no heading before the name and contact details', () => {
    const lines = linesOf(x)
    for (const h of HEADINGS) {
      const line = lines.find((l) => l.some((it) => it.str.trim() === h))
      expect(line, h).toBeDefined()
      expect(lineText(line!), h).toEqual([h])
      expect(isBold(line![0]!), `${h} is bold`).toBe(true)
    }
    const firstHeading = lines.findIndex((l) => HEADINGS.includes(l[0]!.str.trim()))
    const header = lines.slice(0, firstHeading).flatMap(lineText)
    for (const field of [...HEADER, 'eleni@example.org', '+44 7700 900123', 'Manchester, UK', 'lukasiewicz.example.org']) expect(header, field).toContain(field)
    expect(squash(x.text)).not.toMatch(/Contact/i)
  })

  it('prints each contact detail as its own text item, with space around the separators', () => {
    const items = x.pages[0]!.items.map((it) => it.str.trim())
    for (const field of ['eleni@example.org', '+44 7700 900123', 'Manchester, UK', 'lukasiewicz.example.org']) expect(items, field).toContain(field)
    expect(items.some((s) => s.endsWith('github.com/example') && !s.includes('·'))).toBe(true)
    expect(items.filter((s) => s === '·').length).toBeGreaterThanOrEqual(3)
    for (const s of items) if (s.includes('@')) expect(s).not.toMatch(/·/)
  })

  it('prints an entry as title and date on one line (separate items), the organisation and location below, then "•" bullets', () => {
    const lines = linesOf(x)
    for (const [title, date, org, place] of [
      ['Senior Data Analyst', 'Jan 2023 – Present', 'Brightwave Retail', 'Manchester, UK'],
      ['Data Analyst', 'Jun 2020 – Dec 2022', 'Northwind Office Supplies', 'Leeds, UK'],
    ] as const) {
      const k = lines.findIndex((l) => l[0]!.str.trim() === title)
      expect(k, title).toBeGreaterThan(0)
      expect(lineText(lines[k]!), title).toEqual([title, date])
      expect(isBold(lines[k]![0]!)).toBe(true)
      expect(lineText(lines[k + 1]!), title).toEqual([org, '·', place])
      expect(lineText(lines[k + 2]!).join(' ')).toMatch(/^•/)
    }
    const edu = lines.find((l) => l[0]!.str.trim() === 'BSc, Economics')!
    expect(lineText(edu)).toEqual(template === 'ats' ? ['BSc, Economics', 'Oct 2014 – Jun 2017'] : ['BSc, Economics'])
  })

  it('has no running text on a one-page resume: no footer, no page number', () => {
    expect(x.pages[0]!.items.map((it) => it.str)).not.toContain('1 / 1')
    expect(x.text.split('Ελένη Łukasiewicz')).toHaveLength(2)
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
    }
    // -raw is content order, which is the reading order of both templates.
    expectInOrder(squash(raw), expectedOrder(template, tailored), 'pdftotext -raw')
    if (template === 'ats') {
      // One column: pdftotext's own reading order and its layout mode agree with the page
      // (its reading order may take a right-aligned date after the line below it).
      expectInOrder(squash(plain), expectedOrder(template, tailored).filter((f) => !/\d{4}/.test(f)), 'pdftotext')
      expectInOrder(squash(layout), expectedOrder(template, tailored), 'pdftotext -layout')
      expect(layout).toMatch(/Senior Data Analyst {3,}Jan 2023 – Present/)
    } else {
      // Two columns: pdftotext's reading-order heuristics may reorder the blocks of a
      // two-column page, so only the header comes first and every field is there.
      expectInOrder(squash(plain), [...HEADER, ...CONTACT], 'pdftotext header')
      for (const field of expectedOrder(template, tailored)) expect(squash(plain), field).toContain(field)
      for (const line of plain.split('\n')) expect(line.includes('SKILLS') && line.includes('Certified analyst')).toBe(false)
    }
  })

  it('makes email, website, profile, project and verification links clickable', () => {
    const urls = new Set(x.pages[0]!.links.map((l) => normUrl(l.url)))
    for (const u of ['mailto:eleni@example.org', 'https://lukasiewicz.example.org', 'https://github.com/example', PROJECTS[1]!.links[0]!.url, ...VERIFY_URLS])
      expect(urls, u).toContain(normUrl(u))
    // Each verification URL is linked twice: the credential's title and the QR code.
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
    expect(String(x.info.Keywords).split(', ')).toEqual(tailored.keywords)
    expect(new TextDecoder('latin1').decode(pdf)).toContain('/DisplayDocTitle true')
  })

  it('is a tagged PDF with headings, lists (label and body), links and figures', () => {
    expect(x.marked).toBe(true)
    for (const role of ['Document', 'H1', 'Sect', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Link', 'Figure']) expect(x.structRoles, role).toContain(role)
  })
})

describe.each(COMBOS)('page breaks: a three-page $template resume on $pageSize', ({ template, pageSize }) => {
  let x: ExtractedPdf
  let pageCount: number
  const layout = { template, pageSize, showQr: true, credentialDetail: 'full' } as const
  beforeAll(async () => {
    const r = await renderFixture(longResume(), layout, fonts)
    pageCount = r.pageCount
    x = await extractPdf(r.pdf)
  })

  const bottomMargin = (p: { height: number }) => p.height - 40
  const isMarker = (p: { height: number }, it: TextItem) => it.y < 32
  const sideWidth = (p: { width: number }) => p.width * 0.325
  const column = (p: { width: number }, xPos: number) => (template === 'two-column' && xPos < sideWidth(p) ? 'side' : 'main')

  it('has three pages, numbered "n / 3" at the top, with no other running text', () => {
    expect(pageCount).toBe(3)
    expect(measureResumePdf(fixtureDocument(longResume(), layout).doc, layout, fonts)).toBe(3)
    expect(x.pages).toHaveLength(3)
    x.pages.forEach((p, i) => {
      const top = p.items.filter((it) => isMarker(p, it))
      expect(new Set(top.map((it) => it.str))).toEqual(new Set([`${i + 1} / 3`]))
      expect(p.items.filter((it) => it.y > bottomMargin(p)).map((it) => it.str)).toEqual([])
      expect(p.items.filter((it) => !isMarker(p, it)).length, `page ${i + 1} is (nearly) blank`).toBeGreaterThan(5)
    })
    // The name is printed once, in the header: a name in a footer runs into the next page and can read as a date.
    expect(x.text.split('Ελένη Łukasiewicz')).toHaveLength(2)
  })

  it('ends every page but the last with its number and starts every page but the first with it, so pages never glue content together', () => {
    x.pages.forEach((p, i) => {
      const texts = p.items.map((it) => it.str.trim()).filter(Boolean)
      if (i < x.pages.length - 1) expect(texts.at(-1)).toBe(`${i + 1} / 3`)
      if (i > 0) expect(texts[0]).toBe(`${i + 1} / 3`)
    })
  })

  it('never leaves a section heading in the last two lines of a page', () => {
    let seen = 0
    for (const p of x.pages) {
      const body = p.items.filter((it) => !isMarker(p, it))
      const bottom = Math.max(...body.map((it) => it.y))
      for (const h of body.filter((it) => HEADINGS.includes(it.str))) {
        seen++
        const below = body.filter((it) => column(p, it.x) === column(p, h.x) && it.y > h.y + 1)
        const lines = new Set(below.map((it) => Math.round(it.y)))
        expect(lines.size, `"${h.str}" is followed by fewer than two lines on its page`).toBeGreaterThanOrEqual(2)
        const usableBottom = p.height - 46
        expect(h.y, `"${h.str}" sits in the bottom two lines`).toBeLessThan(usableBottom - 2 * 12)
        expect(h.y).toBeLessThan(bottom)
      }
    }
    expect(seen).toBe(6)
  })

  it('keeps every entry title on the same page as its first detail line', () => {
    const data = longResume()
    const titles = [...data.experience.map((e) => e.title), ...data.projects.map((p) => p.title), ...CREDENTIALS.filter((c) => c.status !== 'in_progress').map((c) => c.title)]
    let checked = 0
    for (const title of titles) {
      const hits = x.pages.flatMap((p, page) => p.items.filter((it) => it.str.length >= 6 && title.startsWith(it.str.trim())).map((it) => ({ it, page, p })))
      expect(hits.length, title).toBeGreaterThan(0)
      const { it, p } = hits[0]!
      const next = p.items.filter((o) => column(p, o.x) === column(p, it.x) && !isMarker(p, o) && o.y > it.y + 2)
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

  // Only the two-column template has a sidebar (defined for it alone: nothing to skip for ats).
  if (template === 'two-column') it('fills the sidebar only beside page 1; what does not fit there goes to the main column', () => {
    for (const p of x.pages.slice(1)) expect(p.items.filter((it) => it.x < sideWidth(p)).map((it) => it.str)).toEqual([])
    const [first] = x.pages
    const cert = x.pages.flatMap((p) => p.items).find((it) => it.str === 'CERTIFICATIONS')!
    // Seven full certifications with QR codes never fit beside page 1: they print in the main column.
    expect(cert.x).toBeGreaterThan(sideWidth(first!))
    expect(first!.items.find((it) => it.str === 'SKILLS')!.x).toBeLessThan(sideWidth(first!))
  })
})

describe('certifications: compact by default, in full on request', () => {
  it('prints one line per certification (title, issuer, state; year on the right) and links the title to its verification page', async () => {
    const r = await renderFixture(shortResume(), { template: 'ats' }, fonts)
    const x = await extractPdf(r.pdf, { fonts: true })
    const lines = linesOf(x)
    for (const c of r.tailored.credentials) {
      const line = lines.find((l) => l[0]!.str.trim() === c.title)
      expect(line, c.title).toBeDefined()
      const state = c.expired ? ['·', 'Expired May 2024'] : []
      expect(lineText(line!)).toEqual([c.title, '·', c.issuer, ...state, c.earnedOn!.slice(0, 4)])
      // The link's box covers the title.
      const box = x.pages[0]!.links.find((l) => l.url === c.verificationUrl)!.rect
      expect(box[0]).toBeLessThanOrEqual(line![0]!.x + 0.5)
    }
    expect(x.text).not.toMatch(/Credential ID|Verify:|Valid until/)
  })

  it('spells out the ID, the verification link and the validity in the full form', async () => {
    const r = await renderFixture(shortResume(), { template: 'ats', credentialDetail: 'full' }, fonts)
    const text = squash((await extractPdf(r.pdf)).text)
    expectInOrder(text, [
      'AWS Certified Cloud Practitioner',
      'Jan 2024',
      'Amazon Web Services',
      'via Pearson VUE',
      'Valid until Jan 2027',
      'Credential ID: B7KX9QZ2LJE1Q3SD',
      `Verify: ${CREDENTIALS[1]!.verificationUrl}`,
    ])
  })

  it('marks an expired credential in words, and in colour only when asked', async () => {
    const warn = '#9a3412'
    const plain = await extractPdf((await renderFixture(shortResume(), { template: 'ats' }, fonts)).pdf, { fonts: true })
    const highlighted = await extractPdf((await renderFixture(shortResume(), { template: 'ats', highlightExpired: true }, fonts)).pdf, { fonts: true })
    for (const x of [plain, highlighted]) expect(x.text).toContain('Expired May 2024')
    expect(plain.pages[0]!.fills).not.toContain(warn)
    expect(highlighted.pages[0]!.fills).toContain(warn)
  })
})

describe('tailoring in the PDF', () => {
  it('prints the credentials tailoring chose, in its order, and names the role in the metadata', async () => {
    const r = await renderFixture(longResume(), { template: 'ats', role: ROLE }, fonts)
    const x = await extractPdf(r.pdf)
    const text = squash(x.text)
    const section = text.slice(text.indexOf('CERTIFICATIONS'), text.indexOf('EDUCATION', text.indexOf('CERTIFICATIONS')))
    expect(r.tailored.credentials.length).toBeGreaterThan(2)
    expectInOrder(section, r.tailored.credentials.map((c) => c.title))
    expect(section).not.toContain('AWS Certified Cloud Practitioner')
    expect(section).not.toContain('Trustworthy Online Experiments')
    expect(section).toContain('Expired May 2024')
    const technical = r.tailored.skills.find((g) => g.label === 'Technical')!.skills.map((s) => s.name)
    expectInOrder(text, [`Technical: ${technical.slice(0, 3).join(', ')}`, 'Knowledge: Data modelling'])
    expect(x.info).toMatchObject({
      Title: 'Ελένη Łukasiewicz — Analytics Engineer resume',
      Subject: 'Resume of Ελένη Łukasiewicz, tailored for Analytics Engineer',
      Keywords: r.doc.keywords.join(', '),
    })
    expect(r.doc.keywords).toContain('dbt')
  })

  it('leaves expired credentials out when asked, and honours hidden and pinned items', async () => {
    const r = await renderFixture(longResume(), { template: 'two-column', role: ROLE, choices: { expired: 'hide', hidden: ['cred-4'], pinned: ['cred-2'] } }, fonts)
    const text = squash((await extractPdf(r.pdf)).text)
    const start = text.indexOf('CERTIFICATIONS')
    const end = Math.min(...HEADINGS.map((h) => text.indexOf(h, start + 1)).filter((i) => i > start), text.length)
    const section = text.slice(start, end)
    expect(section).not.toContain('Expired')
    expect(section).not.toContain('Power BI Data Analyst Associate')
    expect(section).not.toContain('dbt Fundamentals')
    for (const t of ['AWS Certified Cloud Practitioner', 'Google Data Analytics Professional Certificate']) expect(section).toContain(t)
  })

  it('prints only the chosen sections, in the chosen order', async () => {
    const r = await renderFixture(shortResume(), { template: 'ats', sections: ['credentials', 'experience'] }, fonts)
    const text = squash((await extractPdf(r.pdf)).text)
    expectInOrder(text, ['CERTIFICATIONS', 'AWS Certified Cloud Practitioner', 'EXPERIENCE', 'Senior Data Analyst'])
    for (const gone of ['SUMMARY', 'PROJECTS', 'EDUCATION', 'Technical:']) expect(text).not.toContain(gone)
  })
})

describe('deterministic output', () => {
  it('gives the same bytes for the same input and clock, and different bytes for another clock', async () => {
    for (const template of TEMPLATES) {
      const options = { template, showQr: true, role: ROLE, accent: '#7a2e8c' }
      const a = (await renderFixture(longResume(), options, fonts)).pdf
      const b = (await renderFixture(longResume(), options, fonts)).pdf
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
      const c = (await renderFixture(longResume(), options, fonts, { now: new Date('2026-11-29T12:00:00Z') })).pdf
      expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false)
    }
  })

  it('gives the same bytes with freshly parsed fonts as with the caches of earlier renders', async () => {
    const { doc } = fixtureDocument(longResume())
    const layout = { template: 'two-column' as const, showQr: true }
    await renderResumePdf(doc, layout, fonts, { now: NOW })
    const cached = (await renderResumePdf(doc, layout, fonts, { now: NOW })).pdf
    // New Buffers: parsed again, with empty shaping and subset caches (like a fresh process).
    const fresh = Object.fromEntries(Object.entries(fonts).map(([k, v]) => [k, v instanceof Uint8Array ? v.slice() : v])) as unknown as typeof fonts
    const uncached = (await renderResumePdf(doc, layout, fresh, { now: NOW })).pdf
    expect(Buffer.from(uncached).equals(Buffer.from(cached))).toBe(true)
  })

  it('keeps the same text across accents and font scales (only the layout changes), and says which colour is wrong', async () => {
    const texts = new Set<string>()
    for (const fontScale of ['small', 'normal', 'large'] as const)
      for (const accent of ['#1f5f8b', '#ffcc00', undefined]) {
        const r = await renderFixture(shortResume(), { template: 'ats', fontScale, accent }, fonts)
        const x = await extractPdf(r.pdf)
        // The words, without the page number (a larger scale may need a second page) and the
        // separators (never printed where a line wraps): a line that wraps differently may read
        // its parts in another order (a certification's issuer after its year).
        const words = x.pages.flatMap((p) => p.items.filter((it) => it.y > 32).flatMap((it) => it.str.split(/\s+/)))
        texts.add(words.filter((w) => w && w !== '·').sort().join(' '))
      }
    expect(texts.size).toBe(1)
    await expect(renderFixture(shortResume(), { template: 'ats', accent: 'red' }, fonts)).rejects.toThrow(/colour/)
  })

  it('measures the same page count as it renders, for every template, size and scale', async () => {
    for (const template of TEMPLATES)
      for (const pageSize of SIZES)
        for (const [data, fontScale] of [
          [shortResume(), 'large'],
          [longResume({ jobs: 3 }), 'normal'],
          [longResume(), 'small'],
        ] as const) {
          const layout = { template, pageSize, fontScale }
          const { doc } = fixtureDocument(data, layout)
          expect(measureResumePdf(doc, layout, fonts)).toBe((await renderResumePdf(doc, layout, fonts, { now: NOW })).pageCount)
        }
  })
})

describe('a resume from a real portfolio', () => {
  it('prints an empty portfolio as a placeholder page instead of failing', async () => {
    const p = tempPortfolio()
    try {
      const data = buildResumeData(await readPortfolio(p.core.call))
      for (const template of TEMPLATES) {
        const r = await renderFixture(data, { template, role: ROLE }, fonts)
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
      const r = await renderFixture(data, { template: 'ats', pageSize: 'letter', showQr: true }, fonts)
      const text = squash((await extractPdf(r.pdf)).text)
      expectInOrder(text, ['Maya Okafor', 'EXPERIENCE', '• ', 'CERTIFICATIONS', 'AWS Certified Cloud Practitioner'])
      // In-progress and planned credentials are not printed.
      expect(text).not.toContain('Databricks Certified Data Engineer Associate')
      expect(r.tailored.decisions.find((d) => d.title === 'Data Engineering with AWS Nanodegree')).toMatchObject({ included: false, reason: expect.stringMatching(/in progress/) })
    } finally {
      p.cleanup()
    }
  })
})
