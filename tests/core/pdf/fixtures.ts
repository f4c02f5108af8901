/**
 * Resume fixtures for the PDF tests and the benchmark: a short one-page resume, a long one
 * that runs to three pages, and a target role. Names and words are chosen to catch Unicode
 * and ligature problems ("Łukasiewicz", "Ελένη", "Дмитрий"; "certified", "workflow", "office",
 * "fluent").
 */
import type { PdfFonts } from '../../../electron/core/pdf/fonts'
import type { PdfLayoutInput } from '../../../electron/core/pdf/options'
import { renderResumePdf } from '../../../electron/core/pdf/render'
import type { GapReportData } from '../../../electron/core/pdf/report'
import { groupSkills, type ResumeCredential, type ResumeData, type ResumeProject, type ResumeSkill } from '../../../electron/core/resume/data'
import { buildResumeDocument, DEFAULT_SECTIONS, type DocumentChoices } from '../../../electron/core/resume/document'
import { tailorResume, type TailorChoices, type TailoredResume, type TargetRole } from '../../../electron/core/resume/tailor'
import type { ResumeDocument } from '../../../electron/shared/resume-document'
import { credential, project as projectEntry } from '../resume/fixtures'

export const NOW = new Date('2026-11-28T12:00:00Z')

/** Everything a fixture resume can be rendered with: the layout, the wording and the tailoring (no length fitting). */
export interface FixtureOptions extends PdfLayoutInput, Partial<Omit<DocumentChoices, 'lang'>> {
  role?: TargetRole | null
  choices?: Omit<TailorChoices, 'sections'>
}

/** Tailoring → ResumeDocument, as the resume service does it, without the length fitting. */
export function fixtureDocument(data: ResumeData, o: FixtureOptions = {}, now = NOW): { tailored: TailoredResume; doc: ResumeDocument } {
  const sections = o.sections ?? DEFAULT_SECTIONS
  const tailored = tailorResume(data, o.role ?? null, { ...o.choices, sections }, { now })
  const doc = buildResumeDocument(tailored, { credentialDetail: o.credentialDetail ?? 'compact', expired: o.expired ?? o.choices?.expired ?? 'mark', lang: 'en', sections })
  return { tailored, doc }
}

/** Tailoring → document → PDF. */
export async function renderFixture(data: ResumeData, o: FixtureOptions, fonts: PdfFonts, clock: { now: Date } = { now: NOW }) {
  const { tailored, doc } = fixtureDocument(data, o, clock.now)
  return { ...(await renderResumePdf(doc, o, fonts, clock)), tailored, doc }
}

const skill = (id: number, name: string, category: ResumeSkill['category'], evidence: number, aliases: string[] = []): ResumeSkill => ({
  id: `skill-${id}`,
  name,
  category,
  aliases,
  evidence,
})

const SKILLS: ResumeSkill[] = [
  skill(1, 'SQL', 'technology', 9, ['Structured Query Language']),
  skill(2, 'Python', 'technology', 6),
  skill(3, 'Tableau', 'technology', 4),
  skill(4, 'Power BI', 'technology', 3, ['PowerBI']),
  skill(5, 'dbt', 'technology', 3),
  skill(6, 'Airflow', 'technology', 2, ['Apache Airflow']),
  skill(7, 'AWS', 'technology', 2, ['Amazon Web Services']),
  skill(8, 'PostgreSQL', 'technology', 2, ['Postgres']),
  skill(9, 'Excel', 'technology', 3),
  skill(10, 'Statistics', 'knowledge', 4),
  skill(11, 'Data modelling', 'knowledge', 5, ['Data modeling']),
  skill(12, 'A/B testing', 'knowledge', 2),
  skill(13, 'Data pipelines', 'knowledge', 3, ['ETL']),
  skill(14, 'Stakeholder communication', 'transversal', 3),
  skill(15, 'Workflow automation', 'transversal', 1),
  skill(16, 'Greek (fluent)', 'language', 0),
  skill(17, 'Polish (native)', 'language', 0),
]

const cred = credential

export const CREDENTIALS: ResumeCredential[] = [
  cred(1, {
    title: 'Google Data Analytics Professional Certificate',
    kind: 'platform',
    issuer: 'Google',
    provider: 'Coursera',
    earnedOn: '2022-09-14',
    credentialCode: 'GDA-7QX2MK4PLB',
    verificationUrl: 'https://verify.example.org/coursera/GDA-7QX2MK4PLB',
    skills: ['SQL', 'Tableau', 'Excel'],
    trust: 'verified',
  }),
  cred(2, {
    title: 'AWS Certified Cloud Practitioner',
    issuer: 'Amazon Web Services',
    provider: 'Pearson VUE',
    earnedOn: '2024-01-10',
    expiresOn: '2027-01-10',
    credentialCode: 'B7KX9QZ2LJE1Q3SD',
    verificationUrl: 'https://cp.certmetrics.example.org/amazon/verify/B7KX9QZ2LJE1Q3SD',
    skills: ['AWS'],
    trust: 'verified',
  }),
  cred(3, {
    title: 'Microsoft Certified: Power BI Data Analyst Associate',
    issuer: 'Microsoft',
    earnedOn: '2023-05-02',
    expiresOn: '2024-05-02',
    status: 'expired',
    credentialCode: 'PL300-9F31-77A2',
    verificationUrl: 'https://learn.example.org/credentials/PL300-9F31-77A2',
    skills: ['Power BI', 'Data modelling'],
    trust: 'expired',
  }),
  cred(4, {
    title: 'dbt Fundamentals',
    kind: 'badge',
    issuer: 'dbt Labs',
    earnedOn: '2026-02-21',
    credentialCode: '8c1d2f7e-4b0a',
    verificationUrl: 'https://badges.example.org/badges/8c1d2f7e-4b0a',
    skills: ['dbt', 'SQL', 'Data modelling'],
    trust: 'verified',
  }),
  cred(5, {
    title: 'Postgraduate Certificate in Applied Statistics',
    kind: 'academic',
    issuer: 'Uniwersytet Warszawski',
    earnedOn: '2021-06-30',
    credentialCode: 'UW-PGC-1922',
    verificationUrl: 'https://degrees.example.org/verify/UW-PGC-1922',
    skills: ['Statistics', 'A/B testing', 'Python'],
    trust: 'unverified',
  }),
  cred(6, {
    title: 'Tableau Desktop Specialist',
    issuer: 'Salesforce',
    earnedOn: '2020-03-03',
    credentialCode: 'TDS-44810375',
    verificationUrl: 'https://badges.example.org/tableau/TDS-44810375',
    skills: [],
    trust: 'self_reported',
  }),
  cred(7, {
    title: 'Data Engineering with AWS Nanodegree',
    kind: 'platform',
    status: 'in_progress',
    issuer: 'Udacity',
    skills: ['AWS', 'Airflow', 'Data pipelines', 'Python'],
  }),
  cred(8, {
    title: 'Trustworthy Online Experiments (workshop)',
    kind: 'other',
    issuer: 'DSC Europe Workshops',
    earnedOn: '2025-08-20',
    credentialCode: 'DSCE-WS-118',
    skills: ['A/B testing', 'Statistics', 'Stakeholder communication'],
  }),
]

const project = projectEntry

export const PROJECTS: ResumeProject[] = [
  project(1, {
    title: 'Customer churn dashboard',
    role: 'Lead analyst',
    summary: 'A Power BI dashboard that tracks loyalty-card churn by store, region and segment, refreshed daily and used in the weekly trading meeting.',
    startedOn: '2024-02-01',
    endedOn: '2024-06-30',
    links: [{ label: 'Write-up', url: 'https://lukasiewicz.example.org/projects/churn-dashboard' }],
    outcomes: ['Cut the monthly churn review from two days to one hour.', 'Adopted by 14 regional office managers.'],
    skills: ['Power BI', 'SQL', 'Data modelling'],
    credentials: ['Microsoft Certified: Power BI Data Analyst Associate'],
  }),
  project(2, {
    title: 'Warehouse pipeline for Дмитрий Logistics',
    role: 'Data engineer (freelance)',
    summary: 'Replaced nightly spreadsheet exports with an Airflow and dbt workflow loading PostgreSQL, with tests on every model.',
    startedOn: '2025-03-01',
    endedOn: '2025-09-30',
    links: [{ label: 'Code', url: 'https://github.com/example/dmitry-logistics-pipeline' }],
    outcomes: ['Nightly load time down from 3 hours to 11 minutes.', 'Zero missed loads in the first six months.'],
    skills: ['Airflow', 'dbt', 'PostgreSQL', 'Python', 'Data pipelines'],
  }),
  project(3, {
    title: 'Pricing experiment analysis',
    role: 'Analyst',
    summary: 'Designed and analysed a two-arm price test across 120 stores; wrote the decision memo for the pricing committee.',
    startedOn: '2023-03-01',
    endedOn: '2023-05-31',
    outcomes: ['Recommended price held; projected margin gain of 1.8 points.'],
    skills: ['A/B testing', 'Statistics', 'Python'],
  }),
]

const ROLE_SKILLS = [
  { name: 'SQL', weight: 1, essential: true },
  { name: 'dbt', weight: 0.9, essential: true },
  { name: 'Apache Airflow', weight: 0.6, essential: false },
  { name: 'Data modeling', weight: 0.8, essential: true },
  { name: 'Python', weight: 0.5, essential: false },
  { name: 'Tableau', weight: 0.3, essential: false },
  { name: 'Kubernetes', weight: 0.4, essential: false },
]

/**
 * Stands in for the evidence engine on hand-built resume data (no portfolio here): an entry is
 * evidence for a role skill when it lists that skill (or the skill's alias) by name, or, for a
 * credential or project, when its title names the skill as a whole word.
 */
export function evidenceByName(data: ResumeData, skills: readonly { name: string }[]): Record<string, string[]> {
  const key = (n: string) => n.toLowerCase()
  const aliasOf = new Map<string, string>()
  for (const g of data.skills) for (const s of g.skills) for (const n of [s.name, ...s.aliases]) aliasOf.set(key(n), key(s.name))
  const canon = (n: string) => aliasOf.get(key(n)) ?? key(n)
  const out: Record<string, string[]> = {}
  const named = (title: string, name: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu').test(title)
  const add = (id: string, names: readonly string[], title = '') => {
    const have = new Set(names.map(canon))
    const keys = skills.filter((s) => have.has(canon(s.name)) || (title && named(title, s.name))).map((s) => s.name)
    if (keys.length) out[id] = keys
  }
  for (const c of data.credentials) add(c.id, c.skills, c.title)
  for (const p of data.projects) add(p.id, p.skills, p.title)
  for (const g of data.skills) for (const s of g.skills) add(s.id, [s.name])
  return out
}

/** A resume that fits on one page. */
export function shortResume(): ResumeData {
  return {
    profile: {
      name: 'Ελένη Łukasiewicz',
      headline: 'Certified data analyst moving into analytics engineering',
      email: 'eleni@example.org',
      phone: '+44 7700 900123',
      location: 'Manchester, UK',
      website: 'https://lukasiewicz.example.org',
      links: [{ label: 'GitHub', url: 'https://github.com/example' }],
      summary:
        'Certified analyst with five years in retail: a fluent workflow from SQL to dashboards, and the office diplomacy to get them used. Now building pipelines with dbt and Airflow.',
    },
    experience: [
      {
        id: 'exp-1',
        title: 'Senior Data Analyst',
        organization: 'Brightwave Retail',
        location: 'Manchester, UK',
        startedOn: '2023-01-09',
        endedOn: null,
        description: '- Own the trading dashboards used by 40 store managers; rebuilt the sales model in dbt.',
      },
      {
        id: 'exp-2',
        title: 'Data Analyst',
        organization: 'Northwind Office Supplies',
        location: 'Leeds, UK',
        startedOn: '2020-06-01',
        endedOn: '2022-12-23',
        description: '- Automated the weekly stock report workflow in Python; certified figures for the office audit.',
      },
    ],
    education: [
      { id: 'edu-1', institution: 'Uniwersytet Warszawski', degree: 'BSc', field: 'Economics', startedOn: '2014-10-01', endedOn: '2017-06-30', description: null },
    ],
    credentials: CREDENTIALS.slice(0, 3),
    projects: [{ ...PROJECTS[1]!, outcomes: PROJECTS[1]!.outcomes.slice(0, 1) }],
    skills: groupSkills([...SKILLS.slice(0, 9), SKILLS[9]!, SKILLS[10]!]),
  }
}

const LOREM = [
  'Partnered with finance and store operations to define the weekly trading metrics, documented them in a shared glossary, and retired three conflicting spreadsheets.',
  'Built a certified reporting layer in dbt with tests on every model; the office now trusts one number for sales, margin and stock cover.',
  'Mentored two junior analysts through their first production SQL, code review and the team workflow for releases.',
  'Ran fortnightly sessions teaching fluent use of Excel Power Query and pivot tables to 60 colleagues in head office.',
  'Migrated 140 scheduled reports from a legacy BI server, decommissioning it six weeks ahead of plan.',
]

const JOBS = [
  ['Senior Data Analyst', 'Brightwave Retail', '2023-01-09', null],
  ['Data Analyst', 'Northwind Office Supplies', '2020-06-01', '2022-12-23'],
  ['Junior Analyst', 'Дмитрий & Partners', '2018-09-03', '2020-05-29'],
  ['Reporting Assistant', 'Łódź City Council', '2017-07-01', '2018-08-31'],
  ['Research Intern', 'Ελληνικό Ινστιτούτο Στατιστικής', '2016-06-01', '2016-09-30'],
  ['Office Assistant', 'Fluent Translations Ltd', '2015-06-01', '2016-05-31'],
  ['Workflow Volunteer', 'Manchester Food Bank', '2014-01-01', '2015-05-31'],
  ['Survey Interviewer', 'Kraków Market Research', '2013-06-01', '2013-12-31'],
] as const

/** A resume that runs to three pages with either template and page size (`jobs` 1–8 tunes its length). */
export function longResume(o: { jobs?: number } = {}): ResumeData {
  const base = shortResume()
  const jobs = JOBS.slice(0, o.jobs ?? 7)
  return {
    ...base,
    experience: jobs.map(([title, organization, startedOn, endedOn], i) => ({
      id: `exp-${i + 1}`,
      title,
      organization,
      location: i % 2 ? 'Leeds, UK' : 'Manchester, UK',
      startedOn,
      endedOn,
      description: LOREM.slice(0, 5 - Math.min(i, 2))
        .map((l) => `- ${l}`)
        .join('\n'),
    })),
    education: [
      ...base.education,
      { id: 'edu-2', institution: 'The Open University', degree: 'MSc', field: 'Data Science', startedOn: '2019-02-01', endedOn: '2021-01-31', description: 'Dissertation on forecasting office supply demand with hierarchical models.' },
    ],
    credentials: CREDENTIALS,
    projects: [
      ...PROJECTS,
      project(4, {
        title: 'Open data workflow for a food bank',
        role: 'Volunteer',
        summary: 'Weekly donations and stock levels moved from a paper office ledger to a small PostgreSQL database with a Tableau view for the volunteers.',
        startedOn: '2022-01-01',
        endedOn: '2022-12-31',
        outcomes: ['Stock-outs of staple items fell by half.'],
        skills: ['PostgreSQL', 'Tableau', 'Workflow automation'],
      }),
    ],
    skills: groupSkills(SKILLS),
  }
}

/** A gap report as the analysis would map into it (Analytics Engineer: 64% coverage, 67% fit). */
export function sampleReport(steps = 4): GapReportData {
  const plan: NonNullable<GapReportData['plan']>['steps'] = [
    {
      title: 'dbt Fundamentals',
      skills: ['dbt', 'Data modeling'],
      credentialKind: 'badge',
      provider: 'dbt Labs',
      url: 'https://learn.example.org/dbt-fundamentals',
      reason: 'Closes the essential gap in dbt with a free, verifiable badge.',
      hours: 5,
      cost: { amountMinor: 0, currency: 'USD' },
      done: true,
    },
    {
      title: 'Data Engineering with AWS Nanodegree',
      skills: ['Apache Airflow', 'Python', 'Data pipelines'],
      credentialKind: 'platform',
      provider: 'Udacity',
      url: null,
      reason: 'Practises Airflow in four graded projects, moving it from learned to practised.',
      hours: 120,
      cost: { amountMinor: 101700, currency: 'USD' },
      done: false,
    },
    {
      title: 'Certified Kubernetes Application Developer',
      skills: ['Kubernetes'],
      credentialKind: 'certification',
      provider: 'The Linux Foundation',
      url: 'https://training.example.org/ckad',
      reason: 'The role names Kubernetes; an office-hours workflow project can follow.',
      hours: 60,
      cost: { amountMinor: 39500, currency: 'USD' },
      done: false,
    },
    {
      title: 'Łódź Data Meetup talk on dbt tests',
      skills: ['dbt'],
      credentialKind: 'other',
      reason: 'Evidence that the skill is proven in public.',
      hours: 8,
      cost: { amountMinor: 4500, currency: 'EUR' },
      done: false,
    },
  ]
  return {
    person: 'Ελένη Łukasiewicz',
    role: { title: 'Analytics Engineer', description: 'Builds tested, documented data models that analysts and dashboards rely on.' },
    fit: 66.9,
    fitExplanation: "Fit is the share of the role's skill weight your evidence covers (70%) plus the same share over its essential skills (30%).",
    coverage: 64.4,
    essentialCoverage: 72.8,
    transversal: { total: 2, covered: 1 },
    skills: [
      {
        name: 'SQL',
        essential: true,
        weight: 1,
        depth: 'proven',
        explanation: 'proven by 1 verified credential and 3 projects',
        evidence: [
          { gives: 'practised', text: 'project: Warehouse pipeline for Дмитрий Logistics, 2025' },
          { gives: 'practised', text: 'inferred from your 3 years 2 months as Data Analyst at Brightwave Retail' },
          { gives: 'learned', text: 'verified credential: dbt Fundamentals, 2024' },
        ],
        moreEvidence: 4,
      },
      {
        name: 'dbt',
        essential: true,
        weight: 0.9,
        depth: 'practised',
        explanation: 'practised in 1 project',
        evidence: [
          { gives: 'practised', text: 'project: Warehouse pipeline for Дмитрий Logistics, 2025' },
          { gives: 'learned', text: 'self-reported credential: dbt Fundamentals (badge), 2024' },
        ],
      },
      { name: 'Data modeling', essential: true, weight: 0.8, depth: 'practised', explanation: 'practised via dbt (partial credit)', evidence: [{ gives: 'practised', text: 'via dbt' }] },
      {
        name: 'Apache Airflow',
        essential: false,
        weight: 0.6,
        depth: 'learned',
        explanation: 'learned through 1 credential, never practised at work or in a project',
        evidence: [{ gives: 'learned', text: 'unverified credential: Airflow Fundamentals, 2023' }],
      },
      {
        name: 'Python',
        essential: false,
        weight: 0.5,
        depth: 'proven',
        explanation: 'proven by a postgraduate programme and 2 projects',
        evidence: [
          { gives: 'practised', text: 'project: Churn model for a Łódź retailer, 2024' },
          { gives: 'learned', text: 'verified credential: Postgraduate Certificate in Data Science, 2022' },
        ],
      },
      { name: 'Kubernetes', essential: true, weight: 0.4, depth: 'none', explanation: 'nothing in the portfolio shows it yet', evidence: [] },
      {
        name: 'Tableau',
        essential: false,
        weight: 0.3,
        depth: 'learned',
        explanation: 'learned through 1 self-reported credential',
        evidence: [{ gives: 'learned', text: 'self-reported credential: Tableau Desktop Specialist, 2020 (over five years ago)' }],
      },
      {
        name: 'Stakeholder communication',
        essential: false,
        weight: 0.5,
        depth: 'practised',
        group: 'transversal',
        explanation: 'practised in your work',
        evidence: [{ gives: 'practised', text: 'your work as Analytics Engineer at Nordwind Data for 2 years (named in the entry)' }],
      },
      { name: 'Problem solving', essential: false, weight: 0.4, depth: 'none', group: 'transversal', explanation: 'no evidence yet', evidence: [] },
    ],
    missingEssentials: ['Kubernetes'],
    learnedNotApplied: ['Apache Airflow', 'Tableau'],
    plan: { title: 'Analytics Engineer in six months', budget: { amountMinor: 150000, currency: 'USD' }, steps: plan.slice(0, steps) },
  }
}

/** The target role of the tailoring tests (after the data it reads, which it needs at load). */
export const ROLE: TargetRole = {
  title: 'Analytics Engineer',
  skills: ROLE_SKILLS.map((s) => ({ key: s.name, ...s })),
  evidence: evidenceByName(longResume(), ROLE_SKILLS),
}
