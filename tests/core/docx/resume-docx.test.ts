/**
 * The resume as a Word document, read back as a parser would (unzip, parse word/document.xml):
 * every field in the PDF's order, real headings, real bullet lists, hyperlinks, page size and
 * document properties; then once through the real core (resume:docx).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderResumeDocx } from '../../../electron/core/docx'
import type { ResumeDocEntry, ResumeDocument } from '../../../electron/shared/resume-document'
import { docxText, find, findAll, isDocx, readDocx, type DocxParagraph, type ReadDocx } from '../../helpers/docx'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { expectInOrder } from '../pdf/extract'
import { seedPortfolio } from '../resume/helpers'

const NOW = new Date('2026-03-15T10:30:00.250Z')
const LONG_TITLE = `Warehouse pipeline for Дмитрий Logistics: ${'incremental loads, tests and lineage '.repeat(6)}`.slice(0, 200)

const entry = (e: Partial<ResumeDocEntry> & Pick<ResumeDocEntry, 'id' | 'title'>): ResumeDocEntry => ({
  titleLink: null,
  dates: null,
  subtitle: [],
  status: null,
  paragraphs: [],
  bullets: [],
  details: [],
  ...e,
})

const link = (url: string, label = url) => ({ url, label })

const RESUME: ResumeDocument = {
  title: 'Zoë Ångström — Data Analyst resume',
  subject: 'Resume of Zoë Ångström, tailored for Data Analyst',
  keywords: ['SQL', 'C++ & C#', 'Power BI'],
  lang: 'en-GB',
  header: {
    name: 'Zoë Ångström',
    headline: 'Data analyst: SQL, C++ & C# <and> dashboards',
    contact: [
      { kind: 'email', text: 'zoe@example.org', label: null, link: link('mailto:zoe@example.org', 'Email zoe@example.org') },
      { kind: 'phone', text: '+44 7700 900123', label: null, link: null },
      { kind: 'location', text: 'Malmö, Sweden', label: null, link: null },
      { kind: 'website', text: 'angstrom.example.org', label: null, link: link('https://angstrom.example.org/') },
      { kind: 'link', text: 'linkedin.com/in/zoe', label: 'LinkedIn', link: link('https://www.linkedin.com/in/zoe?x=1&y=2', 'LinkedIn') },
    ],
  },
  sections: [
    { key: 'summary', title: 'Summary', paragraphs: ['Analyst with five years in retail.', 'Fluent from SQL to dashboards.'] },
    {
      key: 'skills',
      title: 'Skills',
      groups: [
        { label: 'Technical', skills: ['SQL', 'Python', 'C++ & C#'] },
        { label: 'Languages', skills: ['Swedish', 'Spanish'] },
      ],
    },
    {
      key: 'experience',
      title: 'Experience',
      compact: false,
      entries: [
        entry({
          id: 'exp-2',
          title: 'Senior Data Analyst',
          dates: 'Jan 2023 – Present',
          subtitle: ['Brightwave Retail', 'Manchester, UK'],
          bullets: ['Own the trading dashboards used by 40 store managers', 'Cut the weekly report from 2 days to 2 hours'],
          details: [{ label: 'Skills', text: 'SQL, Power BI', link: null }],
        }),
        entry({ id: 'exp-1', title: 'Data Analyst', dates: 'Jun 2020 – Dec 2022', subtitle: ['Northwind Office Supplies'], paragraphs: ['Automated the stock report in Python.'] }),
      ],
    },
    {
      key: 'projects',
      title: 'Projects',
      compact: false,
      entries: [
        entry({
          id: 'proj-1',
          title: LONG_TITLE,
          dates: 'Mar 2025 – Sep 2025',
          subtitle: ['Data engineer (freelance)'],
          paragraphs: ['Replaced nightly spreadsheet exports with an Airflow and dbt workflow.'],
          bullets: ['Nightly load time down from 3 hours to 11 minutes'],
          details: [
            { label: 'Repo', text: 'github.com/zoe/pipeline', link: link('https://github.com/zoe/pipeline') },
            { label: null, text: 'demo.example.org', link: link('https://demo.example.org/') },
          ],
        }),
      ],
    },
    {
      key: 'credentials',
      title: 'Certifications',
      compact: true,
      entries: [
        entry({ id: 'cred-2', title: 'Microsoft Certified: Power BI Data Analyst Associate', titleLink: link('https://learn.microsoft.com/api/credentials/share/en-us/Zoe/ABC'), dates: '2025', subtitle: ['Microsoft'], status: { text: 'Valid until Mar 2027', warn: false } }),
        entry({ id: 'cred-1', title: 'Google Data Analytics', dates: '2022', subtitle: ['Google', 'via Coursera'], status: { text: 'Expired Jan 2024', warn: true } }),
      ],
    },
    {
      key: 'education',
      title: 'Education',
      compact: false,
      entries: [entry({ id: 'edu-1', title: 'MSc Statistics', dates: '2018 – 2019', subtitle: ['Lund University', 'Lund'], status: { text: 'In progress', warn: false }, paragraphs: ['Dissertation on small-area estimation.'] })],
    },
  ],
}

const byText = (d: ReadDocx, start: string): DocxParagraph => {
  const p = d.paragraphs.find((x) => x.text.startsWith(start))
  if (!p) throw new Error(`No paragraph starts with ${JSON.stringify(start)}`)
  return p
}
const next = (d: ReadDocx, p: DocxParagraph) => d.paragraphs[d.paragraphs.indexOf(p) + 1]!

describe('renderResumeDocx', () => {
  let d: ReadDocx
  beforeEach(async () => {
    const bytes = await renderResumeDocx(RESUME, { pageSize: 'a4', now: NOW })
    expect(isDocx(bytes)).toBe(true)
    d = readDocx(bytes)
  })

  it('prints every field of the resume in the order of the PDF', () => {
    expectInOrder(docxText(d), [
      'Zoë Ångström',
      'Data analyst: SQL, C++ & C# <and> dashboards',
      'zoe@example.org · +44 7700 900123 · Malmö, Sweden · angstrom.example.org · LinkedIn: linkedin.com/in/zoe',
      'SUMMARY',
      'Analyst with five years in retail.',
      'Fluent from SQL to dashboards.',
      'SKILLS',
      'Technical: SQL, Python, C++ & C#',
      'Languages: Swedish, Spanish',
      'EXPERIENCE',
      'Senior Data Analyst\tJan 2023 – Present',
      'Brightwave Retail · Manchester, UK',
      'Own the trading dashboards used by 40 store managers',
      'Cut the weekly report from 2 days to 2 hours',
      'Skills: SQL, Power BI',
      'Data Analyst\tJun 2020 – Dec 2022',
      'Northwind Office Supplies',
      'Automated the stock report in Python.',
      'PROJECTS',
      `${LONG_TITLE}\tMar 2025 – Sep 2025`,
      'Data engineer (freelance)',
      'Replaced nightly spreadsheet exports with an Airflow and dbt workflow.',
      'Nightly load time down from 3 hours to 11 minutes',
      'Repo: github.com/zoe/pipeline',
      'demo.example.org',
      'CERTIFICATIONS',
      'Microsoft Certified: Power BI Data Analyst Associate · Microsoft · Valid until Mar 2027\t2025',
      'Google Data Analytics · Google · via Coursera · Expired Jan 2024\t2022',
      'EDUCATION',
      'MSc Statistics\t2018 – 2019',
      'Lund University · Lund',
      'In progress',
      'Dissertation on small-area estimation.',
    ])
    expect(LONG_TITLE).toHaveLength(200)
    expect(d.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Zoë Ångström' })
  })

  it('marks section headings with Heading 1, in capitals, and nothing else', () => {
    expect(d.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['SUMMARY', 'SKILLS', 'EXPERIENCE', 'PROJECTS', 'CERTIFICATIONS', 'EDUCATION'])
    // Word's built-in heading: outline level 1 (navigation pane, table of contents, parsers).
    const heading = findAll(d.styles, 'w:style').find((s) => s.attrs['w:styleId'] === 'Heading1')!
    expect(find(heading, 'w:name')!.attrs['w:val']).toMatch(/^heading 1$/i)
    expect(find(heading, 'w:outlineLvl')!.attrs['w:val']).toBe('0')
  })

  it('puts the dates on the title line against a right tab stop at the right margin', () => {
    const textWidth = 11906 - 1080 - 1080
    for (const title of ['Senior Data Analyst', LONG_TITLE, 'Google Data Analytics', 'MSc Statistics']) {
      const p = byText(d, title)
      expect(p.style, title).toBe('EntryTitle')
      expect(p.tabStops, title).toEqual([{ type: 'right', pos: textWidth }])
      expect(p.text.split('\t'), title).toHaveLength(2)
    }
    // The title line stays with the organisation line, and that with the first bullet.
    const title = byText(d, 'Senior Data Analyst')
    expect(title.keepNext).toBe(true)
    expect(next(d, title)).toMatchObject({ text: 'Brightwave Retail · Manchester, UK', keepNext: true })
  })

  it('writes bullets as a Word bullet list, never as typed characters', () => {
    const bullets = d.paragraphs.filter((p) => p.list)
    expect(bullets.map((p) => p.text)).toEqual([
      'Own the trading dashboards used by 40 store managers',
      'Cut the weekly report from 2 days to 2 hours',
      'Nightly load time down from 3 hours to 11 minutes',
    ])
    for (const p of bullets) {
      expect(d.bulletLists.get(p.list!.numId)).toBe('•')
      expect(p.list!.level).toBe(0)
      expect(p.style).toBe('ListParagraph')
    }
    expect(docxText(d)).not.toMatch(/^[•\-*]/m)
  })

  it('links email, web addresses, a credential title and project links to their URLs', () => {
    const links = d.paragraphs.flatMap((p) => p.links)
    expect(links).toEqual([
      { text: 'zoe@example.org', target: 'mailto:zoe@example.org' },
      { text: 'angstrom.example.org', target: 'https://angstrom.example.org/' },
      { text: 'linkedin.com/in/zoe', target: 'https://www.linkedin.com/in/zoe?x=1&y=2' },
      { text: 'github.com/zoe/pipeline', target: 'https://github.com/zoe/pipeline' },
      { text: 'demo.example.org', target: 'https://demo.example.org/' },
      { text: 'Microsoft Certified: Power BI Data Analyst Associate', target: 'https://learn.microsoft.com/api/credentials/share/en-us/Zoe/ABC' },
    ])
    expect(d.parts['word/_rels/document.xml.rels']).toMatch(/TargetMode="External"/)
  })

  it('sets A4 or Letter with the PDF’s margins', async () => {
    expect(d.page).toEqual({ width: 11906, height: 16838, margins: { top: 920, right: 1080, bottom: 1080, left: 1080 } })
    const letter = readDocx(await renderResumeDocx(RESUME, { pageSize: 'letter', now: NOW }))
    expect(letter.page).toMatchObject({ width: 12240, height: 15840 })
    expect(byText(letter, 'Senior Data Analyst').tabStops).toEqual([{ type: 'right', pos: 12240 - 2160 }])
  })

  it('fills the document properties from the resume and the clock, and names Calibri', () => {
    expect(d.properties).toMatchObject({
      title: 'Zoë Ångström — Data Analyst resume',
      subject: 'Resume of Zoë Ångström, tailored for Data Analyst',
      keywords: 'SQL, C++ & C#, Power BI',
      creator: 'Zoë Ångström',
      language: 'en-GB',
      created: '2026-03-15T10:30:00Z',
      modified: '2026-03-15T10:30:00Z',
      Application: 'Skillfolio',
    })
    const defaults = find(d.styles, 'w:docDefaults')!
    expect(find(defaults, 'w:rFonts')!.attrs).toMatchObject({ 'w:ascii': 'Calibri', 'w:hAnsi': 'Calibri' })
    expect(find(defaults, 'w:lang')!.attrs['w:val']).toBe('en-GB')
  })

  it('colours an expired status only when asked, and says it in words either way', async () => {
    const colourOf = (x: ReadDocx) => {
      const xml = x.parts['word/document.xml']!
      const run = xml.slice(xml.lastIndexOf('<w:r>', xml.indexOf('Expired Jan 2024')), xml.indexOf('Expired Jan 2024'))
      return /<w:color w:val="([0-9A-F]+)"/i.exec(run)?.[1] ?? null
    }
    expect(colourOf(d)).not.toBe('9A3412')
    const highlighted = readDocx(await renderResumeDocx(RESUME, { pageSize: 'a4', highlightExpired: true }))
    expect(colourOf(highlighted)).toBe('9A3412')
    expect(docxText(highlighted)).toContain('Expired Jan 2024')
  })

  it('leaves out sections with nothing in them', async () => {
    const sparse: ResumeDocument = {
      ...RESUME,
      sections: [
        { key: 'summary', title: 'Summary', paragraphs: [] },
        { key: 'skills', title: 'Skills', groups: [{ label: 'Technical', skills: [] }] },
        { key: 'experience', title: 'Experience', compact: false, entries: [] },
        { key: 'education', title: 'Education', compact: false, entries: [entry({ id: 'edu-1', title: 'BSc Mathematics' })] },
      ],
    }
    const x = readDocx(await renderResumeDocx(sparse, { pageSize: 'a4' }))
    expect(x.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['EDUCATION'])
    expect(docxText(x)).not.toMatch(/Technical/)
    expect(x.properties.created).toBeUndefined() // no clock, no dates
  })

  it('says the same things in the same order every time', async () => {
    const again = readDocx(await renderResumeDocx(RESUME, { pageSize: 'a4', now: NOW }))
    expect(again.paragraphs).toEqual(d.paragraphs)
    expect(again.parts['docProps/core.xml']).toBe(d.parts['docProps/core.xml'])
  })

  it('drops characters XML cannot hold instead of writing a file Word refuses', async () => {
    const hostile: ResumeDocument = {
      ...RESUME,
      lang: 'not a language',
      header: { name: 'Zoë\u0001 Ångström\uD800', headline: 'Tab\there', contact: [] },
      sections: [{ key: 'summary', title: 'Summary', paragraphs: ['Line one\nline two \u0007<b>&amp;'] }],
    }
    const x = readDocx(await renderResumeDocx(hostile, { pageSize: 'a4' }))
    expect(x.paragraphs.map((p) => p.text)).toEqual(['Zoë Ångström', 'Tab here', 'SUMMARY', 'Line one line two <b>&amp;'])
    expect(x.properties.language).toBe('en')
  })
})

describe('resume:docx through the core', () => {
  let p: TempPortfolio
  beforeEach(() => {
    p = tempPortfolio()
  })
  afterEach(() => p.cleanup())

  it('writes the same items in the same order as the PDF of the same settings', async () => {
    await seedPortfolio(p.core)
    const settings = { pageSize: 'letter' as const, roleRef: 'catalog:back-end-developer' as const }
    const docx = await p.core.call('resume:docx', settings)
    const pdf = await p.core.call('resume:preview', settings)
    expect(docx.fileName).toBe('Ada Lovelace - Back-End Developer resume.docx')
    expect(docx.decisions).toEqual(pdf.decisions)
    const bytes = new Uint8Array(Buffer.from(docx.docxBase64, 'base64'))
    expect(isDocx(bytes)).toBe(true)
    const x = readDocx(bytes)
    expect(x.page).toMatchObject({ width: 12240, height: 15840 })
    expect(x.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Ada Lovelace' })
    // Decisions list the included items in print order: credentials and projects appear, credentials in that order.
    const shown = pdf.decisions.filter((d) => d.included && (d.kind === 'credential' || d.kind === 'project'))
    expect(shown.length).toBeGreaterThan(1)
    expectInOrder(docxText(x), ['Ada Lovelace', ...shown.filter((d) => d.kind === 'credential').map((d) => d.title)])
    for (const d of shown) expect(docxText(x)).toContain(d.title)
    expect(docxText(x)).not.toContain('Watercolour Painting')
    expect(x.properties).toMatchObject({ creator: 'Ada Lovelace', Application: 'Skillfolio' })
  })
})
