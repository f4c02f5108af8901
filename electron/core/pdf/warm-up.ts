/**
 * Warming the PDF writer up before the first preview, in the background.
 *
 * The first resume a process writes is several times slower than the next ones: each face's
 * character map, metrics and positioning tables are read on first use (lazily, by fontkit), and
 * V8 compiles the layout, pdfkit and zlib code on its first runs and optimises it only after
 * many. `warmUpPdfFonts` does that work on a sample resume, one step per turn of the event loop
 * so that nothing else waits long, and throws the result away; a preview asked for afterwards
 * finds the fonts read and the code compiled. The caches it fills are keyed by the font bytes,
 * so it helps exactly the renders that use the same fonts. */
import type { ResumeDocument } from '../../shared/resume-document'
import { FONT_KEYS, type PdfFonts, prepareFonts } from './fonts'
import { measureResumePdf, renderResumePdf } from './render'

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Letter pairs, capitals, digits and punctuation beyond what the sample's sentences have (their kerning is read on first use). */
const PAIRS = [
  'abcdefghijklmnopqrstuvwxyz zyxwvutsrqponmlkjihgfedcba aeiou oiuea bdfhj lnprt vxz qu th sh ch ck ng nd st ll ss ee oo',
  'Ab Ac Ad Af Ag Ah Al Am An Ap Ar As At Av Aw By Ca Ch Co Cr Da De Di Do Dr Ed El En Ev Fa Fi Fl Fo Fr Ga Ge Gl Go Gr Ha He Ho Hu Ic Id Im In Is It Ja Je Jo Ju Ka Ke Ki Ko Kr La Le Li Lo Lu Ma Me Mi Mo Mu Na Ne No Nu Ob Of Ol On Op Or Ov Pa Pe Ph Pi Pl Po Pr Pu Qu Ra Re Ri Ro Ru Sa Sc Se Sh Si Sk Sm So Sp St Su Sw Sy Ta Te Th Ti To Tr Tu Tw Ty Un Up Us Va Ve Vi Vo Wa We Wh Wi Wo Xa Ya Yo Za Ze Zo',
  'AWS API BI CEO CRM CSS ETL GCP HR HTML IT KPI ML MSc NLP PhD QA SQL UK UN US UX VP AI',
  '0123456789 2020–2024 01/02/2023 +44 (0) 7700 900123 99.9% £1,200 €3.5m $40k 3× 10+ #1 A/B 1:1 Q3 Jan–Mar',
  '“Quoted” ‘single’ — dash - hyphen, comma; semicolon: colon. Full stop! Question? (Parens) [brackets] & ampersand @ at / slash · middle • bullet … ellipsis',
]

/** A resume with the sections, parts and kinds of text most resumes have. */
const SAMPLE: ResumeDocument = {
  title: 'Sample — Resume',
  subject: 'Resume of a sample person',
  keywords: ['SQL', 'Python', 'Project management'],
  lang: 'en',
  header: {
    name: 'Jordan Avery Whitfield',
    headline: 'Operations analyst turning messy data into clear decisions',
    contact: [
      { kind: 'email', text: 'jordan.whitfield@example.com', label: null, link: { url: 'mailto:jordan.whitfield@example.com', label: 'Email jordan.whitfield@example.com' } },
      { kind: 'phone', text: '+1 (415) 555-0142', label: null, link: null },
      { kind: 'location', text: 'Oakland, CA', label: null, link: null },
      { kind: 'link', text: 'linkedin.com/in/jordanwhitfield', label: 'LinkedIn', link: { url: 'https://www.linkedin.com/in/jordanwhitfield', label: 'LinkedIn: linkedin.com/in/jordanwhitfield' } },
    ],
  },
  sections: [
    {
      key: 'summary',
      title: 'Summary',
      paragraphs: [
        'Analyst with six years of experience in logistics, retail and public services. I build reporting that people actually use, automate the weekly work nobody enjoys, and explain the numbers to managers, engineers and customers alike. Quick to learn new tools; happiest when a quarter’s figures add up on the first try.',
      ],
    },
    {
      key: 'skills',
      title: 'Skills',
      groups: [
        { label: 'Technical', skills: ['SQL', 'Python (pandas)', 'Power BI', 'Tableau', 'Excel', 'Google Sheets', 'dbt', 'Jira'] },
        { label: 'Professional', skills: ['Stakeholder management', 'Process improvement', 'Budgeting and forecasting', 'Vendor negotiation'] },
        { label: 'Languages', skills: ['English (native)', 'Spanish (fluent)', 'French (working knowledge)'] },
      ],
    },
    {
      key: 'experience',
      title: 'Experience',
      entries: [
        {
          id: 'sample-exp-1',
          title: 'Senior Operations Analyst',
          titleLink: null,
          dates: 'Mar 2021 – Present',
          subtitle: ['Northbridge Freight & Logistics', 'San Francisco, CA'],
          status: null,
          paragraphs: [],
          bullets: [
            'Led the quarterly capacity review for 14 warehouses, cutting overtime costs by 18% in the first year.',
            'Designed a self-service dashboard that replaced 30 weekly spreadsheets and saved the team about 12 hours a week.',
            'Worked with finance, procurement and the software engineering group to define one source of truth for delivery metrics.',
            'Mentored two junior analysts; both were promoted within eighteen months.',
          ],
          details: [],
        },
        {
          id: 'sample-exp-2',
          title: 'Business Analyst',
          titleLink: null,
          dates: 'Jun 2018 – Feb 2021',
          subtitle: ['City of Oakland, Department of Public Works', 'Oakland, CA'],
          status: null,
          paragraphs: [],
          bullets: [
            'Automated the monthly service-request report with Python, reducing errors and freeing two days of work each month.',
            'Analysed response times by district and presented the findings to the council’s budget committee.',
            'Gathered requirements from field crews and supervisors for a new work-order system; trained 120 staff.',
          ],
          details: [],
        },
      ],
      compact: false,
    },
    {
      key: 'projects',
      title: 'Projects',
      entries: [
        {
          id: 'sample-proj-1',
          title: 'Volunteer scheduling tool',
          titleLink: null,
          dates: '2023',
          subtitle: ['Lead developer (volunteer)'],
          status: null,
          paragraphs: ['A small web app that matches volunteers to food-bank shifts by availability, skills and travel distance.'],
          bullets: ['Filled 95% of weekend shifts, up from 70%.'],
          details: [
            { label: 'Skills', text: 'Python, Flask, PostgreSQL', link: null },
            { label: 'Code', text: 'github.com/jwhitfield/shift-match', link: { url: 'https://github.com/jwhitfield/shift-match', label: 'Code: github.com/jwhitfield/shift-match' } },
          ],
        },
      ],
      compact: false,
    },
    {
      key: 'credentials',
      title: 'Certifications',
      entries: [
        {
          id: 'sample-cred-1',
          title: 'Google Data Analytics Professional Certificate',
          titleLink: { url: 'https://www.coursera.org/verify/professional-cert/SAMPLE', label: 'Verify Google Data Analytics Professional Certificate' },
          dates: '2022',
          subtitle: ['Google'],
          status: null,
          paragraphs: [],
          bullets: [],
          details: [],
        },
        {
          id: 'sample-cred-2',
          title: 'Certified Associate in Project Management (CAPM)',
          titleLink: null,
          dates: '2020',
          subtitle: ['Project Management Institute'],
          status: { text: 'Expired Jan 2024', warn: true },
          paragraphs: [],
          bullets: [],
          details: [],
        },
      ],
      compact: true,
    },
    {
      key: 'education',
      title: 'Education',
      entries: [
        {
          id: 'sample-edu-1',
          title: 'BA, Economics',
          titleLink: null,
          dates: '2014 – 2018',
          subtitle: ['University of California, Davis'],
          status: null,
          paragraphs: ['Minor in Statistics; thesis on public transport use and household income.'],
          bullets: [],
          details: [],
        },
      ],
      compact: false,
    },
    { key: 'summary', title: 'Notes', paragraphs: PAIRS },
  ],
}

/**
 * Reads the fonts with `load` (as the resume service does, so both get the same cached
 * `PdfFonts`), parses them, reads the kerning of the faces resumes use and writes the sample
 * resume a few times with each template, one step per event-loop turn. Never throws: fonts that
 * cannot be read are reported by the real render.
 */
export async function warmUpPdfFonts(load: () => PdfFonts, clock: { now: Date } = { now: new Date(0) }): Promise<void> {
  try {
    await turn()
    const fonts = load()
    const faces = prepareFonts(fonts)
    for (const key of FONT_KEYS) {
      await turn()
      // Reads the face's character map, metrics and kerning.
      faces[key].covers(0x41)
      faces[key].width(PAIRS[0]!)
    }
    // A few times each: V8 optimises what runs often, and the first preview may use either template.
    for (const template of ['ats', 'two-column', 'ats', 'two-column', 'ats'] as const) {
      await turn()
      measureResumePdf(SAMPLE, { template }, fonts)
      await turn()
      await renderResumePdf(SAMPLE, { template }, fonts, clock)
    }
  } catch {
    // Nothing to do: warming up is only an optimisation.
  }
}
