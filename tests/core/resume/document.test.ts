/**
 * The resume's wording (ResumeDocument): what the PDF and the Word writers print, word for word.
 * Section titles and order, date ranges, the organisation line, compact and full certifications,
 * expired credentials in words, experience descriptions as bullets, project details and links.
 */
import { describe, expect, it } from 'vitest'
import { buildResumeDocument, DEFAULT_SECTIONS, resumeTitle, type DocumentChoices } from '../../../electron/core/resume/document'
import type { ResumeData } from '../../../electron/core/resume/data'
import { tailorResume } from '../../../electron/core/resume/tailor'
import { descriptionBullets, sentences } from '../../../electron/shared/bullets'
import type { ResumeDocEntry, ResumeDocSection, ResumeDocument } from '../../../electron/shared/resume-document'
import { clock, credential, job, project, resumeData, role, school, skill } from './fixtures'

const CHOICES: DocumentChoices = { credentialDetail: 'compact', expired: 'mark', lang: 'en', sections: DEFAULT_SECTIONS }

function documentOf(data: ResumeData, o: Partial<DocumentChoices> = {}, target: Parameters<typeof tailorResume>[1] = null): ResumeDocument {
  const choices = { ...CHOICES, ...o }
  return buildResumeDocument(tailorResume(data, target, { expired: choices.expired, sections: choices.sections }, clock), choices)
}

const sectionOf = (d: ResumeDocument, key: ResumeDocSection['key']) => d.sections.find((s) => s.key === key)
const entriesOf = (d: ResumeDocument, key: ResumeDocSection['key']): ResumeDocEntry[] => {
  const s = sectionOf(d, key)
  return s && 'entries' in s ? s.entries : []
}

const AWS = credential(1, {
  title: 'AWS Certified Cloud Practitioner',
  issuer: 'Amazon Web Services',
  provider: 'Pearson VUE',
  earnedOn: '2024-01-10',
  expiresOn: '2027-01-10',
  credentialCode: 'B7KX9QZ2LJE1Q3SD',
  verificationUrl: 'https://cp.example.org/verify/B7KX9QZ2LJE1Q3SD',
})
const PL300 = credential(2, {
  title: 'Microsoft Certified: Power BI Data Analyst Associate',
  issuer: 'Microsoft',
  earnedOn: '2023-05-02',
  expiresOn: '2024-05-02',
  status: 'expired',
  credentialCode: 'PL300-9F31',
  verificationUrl: 'https://learn.example.org/credentials/PL300-9F31',
})

describe('descriptionBullets', () => {
  it('makes one bullet per sentence of a paragraph', () => {
    expect(descriptionBullets('Own loyalty analytics for 180 stores. Moved twelve reports onto dbt models in the warehouse.')).toEqual([
      'Own loyalty analytics for 180 stores.',
      'Moved twelve reports onto dbt models in the warehouse.',
    ])
  })

  it('keeps a line that starts with "-", "*" or "•" as one bullet, whatever it holds', () => {
    expect(descriptionBullets('- Built the model. Then tested it\n* Cut costs by 2.5%\n• Led 3 people\n\n')).toEqual(['Built the model. Then tested it', 'Cut costs by 2.5%', 'Led 3 people'])
  })

  it('does not split at abbreviations, initials, decimals or inside a quotation', () => {
    expect(sentences('Worked with e.g. SQL and dbt. Reported to J. Smith on a 2.1 point gain. Done')).toEqual(['Worked with e.g. SQL and dbt.', 'Reported to J. Smith on a 2.1 point gain.', 'Done'])
    expect(sentences('Asked "Why?" before building. It paid off!')).toEqual(['Asked "Why?" before building.', 'It paid off!'])
  })

  it('gives nothing for no text', () => {
    expect(descriptionBullets(null)).toEqual([])
    expect(descriptionBullets('  \n ')).toEqual([])
  })
})

describe('buildResumeDocument', () => {
  it('titles the file by person and role, and lists the header contact details with links', () => {
    const data = resumeData({})
    data.profile = {
      ...data.profile,
      headline: 'Data analyst',
      phone: '+44 7700 900123',
      location: 'Manchester, UK',
      website: 'https://www.maya.example.org/',
      links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/maya' }],
    }
    const d = documentOf(data)
    expect(d.title).toBe('Maya Okafor — Resume')
    expect(d.subject).toBe('Resume of Maya Okafor, Data analyst')
    expect(d.lang).toBe('en')
    expect(d.header.contact).toEqual([
      { kind: 'email', text: 'maya@example.org', label: null, link: { url: 'mailto:maya@example.org', label: 'Email maya@example.org' } },
      { kind: 'phone', text: '+44 7700 900123', label: null, link: null },
      { kind: 'location', text: 'Manchester, UK', label: null, link: null },
      { kind: 'website', text: 'maya.example.org', label: null, link: { url: 'https://www.maya.example.org/', label: 'Website maya.example.org' } },
      { kind: 'link', text: 'linkedin.com/in/maya', label: 'LinkedIn', link: { url: 'https://www.linkedin.com/in/maya', label: 'LinkedIn: linkedin.com/in/maya' } },
    ])
    const analyst = role('Data Analyst', [{ name: 'SQL' }], {})
    expect(resumeTitle({ role: analyst, profile: data.profile })).toBe('Maya Okafor — Data Analyst resume')
  })

  it('prints experience as title, dates, company and location, and its description as bullets', () => {
    const d = documentOf(
      resumeData({
        experience: [
          job(1, {
            title: 'Data Analyst',
            organization: 'Brightwave Retail',
            location: 'Manchester, UK (hybrid)',
            startedOn: '2023-10-02',
            description: 'Own loyalty and e-commerce analytics for a 180-store retailer. Moved twelve legacy reports onto dbt models.',
          }),
          job(2, { title: 'Coordinator', organization: 'Harbourline', startedOn: '2020-04-01', endedOn: '2022-06-30', description: '- Scheduled 40 drivers\n- Built the first tracker' }),
        ],
      }),
    )
    expect(entriesOf(d, 'experience')).toEqual([
      expect.objectContaining({
        id: 'exp-1',
        title: 'Data Analyst',
        dates: 'Oct 2023 – Present',
        subtitle: ['Brightwave Retail', 'Manchester, UK (hybrid)'],
        bullets: ['Own loyalty and e-commerce analytics for a 180-store retailer.', 'Moved twelve legacy reports onto dbt models.'],
        paragraphs: [],
        status: null,
      }),
      expect.objectContaining({ title: 'Coordinator', dates: 'Apr 2020 – Jun 2022', subtitle: ['Harbourline'], bullets: ['Scheduled 40 drivers', 'Built the first tracker'] }),
    ])
  })

  it('prints a certification in one line by default: title linked to its verification page, issuer, year, no ID', () => {
    const d = documentOf(resumeData({ credentials: [AWS] }))
    const section = sectionOf(d, 'credentials')
    expect(section).toMatchObject({ title: 'Certifications', compact: true })
    expect(entriesOf(d, 'credentials')).toEqual([
      {
        id: 'cred-1',
        title: 'AWS Certified Cloud Practitioner',
        titleLink: { url: 'https://cp.example.org/verify/B7KX9QZ2LJE1Q3SD', label: 'Verify AWS Certified Cloud Practitioner' },
        dates: '2024',
        subtitle: ['Amazon Web Services'],
        status: null,
        paragraphs: [],
        bullets: [],
        details: [],
      },
    ])
  })

  it('spells out the provider, validity, ID and verification link in the full form', () => {
    const d = documentOf(resumeData({ credentials: [AWS] }), { credentialDetail: 'full' })
    expect(sectionOf(d, 'credentials')).toMatchObject({ compact: false })
    expect(entriesOf(d, 'credentials')[0]).toMatchObject({
      dates: 'Jan 2024',
      subtitle: ['Amazon Web Services', 'via Pearson VUE'],
      status: { text: 'Valid until Jan 2027', warn: false },
      details: [
        { label: 'Credential ID', text: 'B7KX9QZ2LJE1Q3SD', link: null },
        { label: 'Verify', text: 'https://cp.example.org/verify/B7KX9QZ2LJE1Q3SD', link: { url: 'https://cp.example.org/verify/B7KX9QZ2LJE1Q3SD', label: 'Verify AWS Certified Cloud Practitioner' } },
      ],
    })
  })

  it('says in words that a credential expired (a warning the writer may colour), and leaves it out when asked', () => {
    for (const credentialDetail of ['compact', 'full'] as const) {
      const [pl300] = entriesOf(documentOf(resumeData({ credentials: [PL300] }), { credentialDetail }), 'credentials')
      expect(pl300!.status).toEqual({ text: 'Expired May 2024', warn: true })
    }
    const inProgress = credential(3, { title: 'Data Engineering Nanodegree', status: 'in_progress', issuer: 'Udacity' })
    const d = documentOf(resumeData({ credentials: [PL300, AWS, inProgress] }), { expired: 'hide' })
    expect(entriesOf(d, 'credentials').map((e) => e.title)).toEqual(['AWS Certified Cloud Practitioner'])
  })

  it('prints a project with its role, summary, outcomes as bullets, skills and links', () => {
    const d = documentOf(
      resumeData({
        projects: [
          project(1, {
            title: 'Customer churn dashboard',
            role: 'Lead analyst',
            summary: 'A Power BI dashboard that tracks churn.',
            startedOn: '2024-08-01',
            endedOn: '2024-11-30',
            outcomes: ['Cut the monthly report from two days to a daily refresh', '  '],
            skills: ['Power BI', 'SQL'],
            links: [
              { label: 'Write-up', url: 'https://maya.example.org/projects/churn/' },
              { label: null, url: 'https://github.com/maya/churn' },
            ],
          }),
        ],
      }),
    )
    expect(entriesOf(d, 'projects')[0]).toEqual({
      id: 'proj-1',
      title: 'Customer churn dashboard',
      titleLink: null,
      dates: 'Aug 2024 – Nov 2024',
      subtitle: ['Lead analyst'],
      status: null,
      paragraphs: ['A Power BI dashboard that tracks churn.'],
      bullets: ['Cut the monthly report from two days to a daily refresh'],
      details: [
        { label: 'Skills', text: 'Power BI, SQL', link: null },
        { label: 'Write-up', text: 'maya.example.org/projects/churn', link: { url: 'https://maya.example.org/projects/churn/', label: 'Write-up: maya.example.org/projects/churn' } },
        { label: null, text: 'github.com/maya/churn', link: { url: 'https://github.com/maya/churn', label: 'github.com/maya/churn' } },
      ],
    })
  })

  it('titles education by degree and field, with the school below; a school alone when there is no degree', () => {
    const d = documentOf(
      resumeData({
        education: [
          school(1, { institution: 'University of Leeds', degree: 'BA (Hons)', field: 'Economics and Spanish', startedOn: '2015-09-01', endedOn: '2019-06-30', description: 'Upper second.\n\nYear abroad in Valencia.' }),
          school(2, { institution: 'Manchester Coding School', startedOn: '2013', endedOn: '2014' }),
        ],
      }),
    )
    expect(entriesOf(d, 'education')).toEqual([
      expect.objectContaining({ title: 'BA (Hons), Economics and Spanish', subtitle: ['University of Leeds'], dates: 'Sep 2015 – Jun 2019', paragraphs: ['Upper second.', 'Year abroad in Valencia.'] }),
      expect.objectContaining({ title: 'Manchester Coding School', subtitle: [], dates: '2013 – 2014' }),
    ])
  })

  it('prints only non-empty sections, in the order chosen, with their titles; skills by group', () => {
    const data = resumeData({ skills: [skill(1, 'SQL', 3), skill(2, 'Statistics', 2, 'knowledge')], experience: [job(1, { title: 'Analyst', organization: 'Acme' })] })
    data.profile.summary = 'Data analyst.\n\nNow learning dbt.'
    const d = documentOf(data, { sections: ['experience', 'skills', 'summary', 'projects'] })
    expect(d.sections.map((s) => [s.key, s.title])).toEqual([
      ['experience', 'Experience'],
      ['skills', 'Skills'],
      ['summary', 'Summary'],
    ])
    expect(sectionOf(d, 'skills')).toEqual({ key: 'skills', title: 'Skills', groups: [{ label: 'Technical', skills: ['SQL'] }, { label: 'Knowledge', skills: ['Statistics'] }] })
    expect(sectionOf(d, 'summary')).toEqual({ key: 'summary', title: 'Summary', paragraphs: ['Data analyst.', 'Now learning dbt.'] })
  })

  it('names the role in the subject and uses the role skills it shows as keywords', () => {
    const data = resumeData({ skills: [skill(1, 'SQL', 3), skill(2, 'Excel', 1)], credentials: [AWS] })
    const analyst = role('Data Analyst', [{ name: 'SQL', essential: true }, { name: 'Tableau' }], { 'skill-1': ['SQL'] })
    const d = documentOf(data, {}, analyst)
    expect(d.title).toBe('Maya Okafor — Data Analyst resume')
    expect(d.subject).toBe('Resume of Maya Okafor, tailored for Data Analyst')
    expect(d.keywords).toEqual(['SQL'])
  })
})
