/** Tailoring: what a resume shows for a role, in which order, and why. */
import { describe, expect, it } from 'vitest'
import { tailorResume } from '../../../electron/core/resume/tailor'
import { longResume, NOW, ROLE } from '../pdf/fixtures'
import { credential, job, project, resumeData, role, school } from './fixtures'

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id)
const clock = { now: NOW }
const decision = (t: ReturnType<typeof tailorResume>, id: string) => t.decisions.find((d) => d.id === id)

describe('tailoring to a target role', () => {
  const t = tailorResume(longResume(), ROLE, {}, clock)

  it('keeps the credentials that show the role’s skills, newest first, with the reason', () => {
    // Relevance decides what is in; the order is by date: dbt 2026, Power BI 2023 (expired),
    // Google 2022, the PG cert 2021, Tableau 2020.
    expect(ids(t.credentials)).toEqual(['cred-4', 'cred-3', 'cred-1', 'cred-5', 'cred-6'])
    expect(t.credentials[0]!.reason).toBe('matches SQL (essential), dbt (essential), Data modeling (essential)')
    expect(t.credentials[2]!.reason).toBe('matches SQL (essential), Tableau')
    expect(t.credentials.find((c) => c.id === 'cred-3')).toMatchObject({ expired: true, matches: ['Data modeling'], reason: 'matches Data modeling (essential); marked as expired' })
  })

  it('explains every credential it leaves out', () => {
    const out = t.decisions.filter((d) => d.kind === 'credential' && !d.included)
    expect(out.map((d) => [d.id, d.reason])).toEqual([
      ['cred-2', 'shows none of the skills Analytics Engineer asks for'],
      ['cred-7', 'in progress (pin it to show it as in progress)'],
      ['cred-8', 'shows none of the skills Analytics Engineer asks for'],
    ])
    expect(t.decisions.filter((d) => d.kind === 'credential')).toHaveLength(8)
  })

  it('lists projects newest first and says which of the role’s skills each shows (aliases: Apache Airflow → Airflow)', () => {
    expect(ids(t.projects)).toEqual(['proj-2', 'proj-1', 'proj-3', 'proj-4'])
    expect(t.projects[0]).toMatchObject({ id: 'proj-2', reason: 'matches dbt (essential), Apache Airflow, Python' })
    expect(t.projects[1]).toMatchObject({ id: 'proj-1', reason: 'matches SQL (essential), Data modeling (essential)' })
  })

  it('puts the role’s skills first in each group, then the best-evidenced ones', () => {
    const technical = t.skills.find((g) => g.category === 'technology')!
    expect(technical.skills.map((s) => s.name)).toEqual(['SQL', 'dbt', 'Airflow', 'Python', 'Tableau', 'Excel', 'Power BI', 'AWS', 'PostgreSQL'])
    expect(technical.skills[0]).toMatchObject({ matched: true, essential: true, reason: 'Analytics Engineer asks for SQL (essential)' })
    expect(technical.skills[5]).toMatchObject({ matched: false, reason: 'not named by the role; 3 credentials and projects show it' })
    expect(t.skills.find((g) => g.category === 'knowledge')!.skills[0]!.name).toBe('Data modelling')
  })

  it('uses the role’s skills the resume shows as keywords, in the role’s order of importance', () => {
    expect(t.keywords).toEqual(['SQL', 'dbt', 'Data modeling', 'Apache Airflow', 'Python', 'Tableau'])
  })

  it('lists the included decisions in print order, then the ones left out', () => {
    const included = t.decisions.filter((d) => d.included).map((d) => d.id)
    expect(included.slice(0, 9)).toEqual(['exp-1', 'exp-2', 'exp-3', 'exp-4', 'exp-5', 'exp-6', 'exp-7', 'edu-2', 'edu-1'])
    expect(included.slice(9, 14)).toEqual(ids(t.credentials))
    expect(t.decisions.findIndex((d) => !d.included)).toBe(included.length)
  })

  it('hides expired credentials when asked', () => {
    const h = tailorResume(longResume(), ROLE, { expired: 'hide' }, clock)
    expect(ids(h.credentials)).not.toContain('cred-3')
    expect(decision(h, 'cred-3')).toMatchObject({ included: false, reason: 'expired May 2024; expired credentials are hidden' })
    // 'highlight' marks them like 'mark' (the colour is the layout's business).
    expect(ids(tailorResume(longResume(), ROLE, { expired: 'highlight' }, clock).credentials)).toContain('cred-3')
  })

  it('lets the user pin, hide and reorder; their order wins over dates', () => {
    const u = tailorResume(longResume(), ROLE, { pinned: ['cred-2', 'cred-7'], hidden: ['cred-4', 'proj-1', 'skill-1'], order: ['cred-6', 'cred-1'] }, clock)
    expect(ids(u.credentials)).toEqual(['cred-6', 'cred-1', 'cred-2', 'cred-7', 'cred-3', 'cred-5'])
    expect(u.credentials.find((c) => c.id === 'cred-2')!.reason).toBe('pinned by you')
    expect(u.credentials.find((c) => c.id === 'cred-7')).toMatchObject({ inProgress: true })
    expect(decision(u, 'cred-4')).toMatchObject({ included: false, reason: 'hidden by you' })
    expect(ids(u.projects)).not.toContain('proj-1')
    expect(u.skills.flatMap((g) => g.skills.map((s) => s.name))).not.toContain('SQL')
  })
})

describe('a general resume (no role)', () => {
  const t = tailorResume(longResume(), null, {}, clock)

  it('lists every earned credential newest first, expired ones in their place and marked, in-progress ones out', () => {
    expect(ids(t.credentials)).toEqual(['cred-4', 'cred-8', 'cred-2', 'cred-3', 'cred-1', 'cred-5', 'cred-6'])
    expect(t.credentials[0]!.reason).toBe('verified, earned Feb 2026')
    expect(decision(t, 'cred-3')!.reason).toBe('earned May 2023; marked as expired')
    expect(decision(t, 'cred-7')!.included).toBe(false)
  })

  it('keeps every credential however many there are: no fixed cut (the length decides)', () => {
    const many = Array.from({ length: 30 }, (_, i) => credential(i + 1, { title: `Course ${i + 1}`, earnedOn: `20${String(10 + (i % 16)).padStart(2, '0')}-01-15` }))
    const g = tailorResume(resumeData({ credentials: many }), null, {}, clock)
    expect(g.credentials).toHaveLength(30)
    expect(g.decisions.every((d) => d.included)).toBe(true)
  })

  it('lists projects most recent first and skills by evidence', () => {
    expect(ids(t.projects)).toEqual(['proj-2', 'proj-1', 'proj-3', 'proj-4'])
    expect(t.skills.map((g) => g.label)).toEqual(['Technical', 'Knowledge', 'Professional', 'Languages'])
    expect(t.skills[0]!.skills.slice(0, 3).map((s) => s.name)).toEqual(['SQL', 'Python', 'Tableau'])
    expect(t.keywords.slice(0, 3)).toEqual(['SQL', 'Python', 'Data modelling'])
  })

  it('keeps experience newest first unless reordered, and drops hidden entries', () => {
    expect(ids(t.experience).slice(0, 3)).toEqual(['exp-1', 'exp-2', 'exp-3'])
    const r = tailorResume(longResume(), null, { order: ['exp-3'], hidden: ['exp-2'] }, clock)
    expect(ids(r.experience).slice(0, 3)).toEqual(['exp-3', 'exp-1', 'exp-4'])
  })
})

describe('sections turned off', () => {
  it('leave their items out, saying so, so the decisions match what prints', () => {
    const t = tailorResume(longResume(), null, { sections: ['summary', 'credentials'] }, clock)
    expect(t.experience).toEqual([])
    expect(t.projects).toEqual([])
    expect(t.skills).toEqual([])
    expect(t.credentials.length).toBeGreaterThan(0)
    expect(decision(t, 'exp-1')).toMatchObject({ included: false, reason: 'the Experience section is turned off' })
    expect(decision(t, 'proj-1')).toMatchObject({ included: false, reason: 'the Projects section is turned off' })
    expect(decision(t, 'skill-1')).toMatchObject({ included: false, reason: 'the Skills section is turned off' })
    expect(decision(t, 'edu-1')).toMatchObject({ included: false, reason: 'the Education section is turned off' })
    expect(t.decisions.filter((d) => d.included).every((d) => d.kind === 'credential')).toBe(true)
  })
})

describe('reverse-chronological order in every section', () => {
  const data = resumeData({
    experience: [
      job(1, { title: 'Intern', organization: 'Old Co', startedOn: '2015-06-01', endedOn: '2015-09-30' }),
      job(2, { title: 'Analyst', organization: 'Now Co', startedOn: '2022-01-10', endedOn: null }),
      job(3, { title: 'Junior', organization: 'Mid Co', startedOn: '2018-01-01', endedOn: '2021-12-31' }),
    ],
    education: [school(1, { institution: 'School A', degree: 'BA', endedOn: '2014-06-30' }), school(2, { institution: 'School B', degree: 'MSc', endedOn: '2019-06-30' })],
    credentials: [
      credential(1, { title: 'Old cert', earnedOn: '2019-03-01' }),
      credential(2, { title: 'New cert', earnedOn: '2025-03-01' }),
      credential(3, { title: 'Lapsed cert', earnedOn: '2022-03-01', expiresOn: '2024-03-01', status: 'expired' }),
    ],
    projects: [
      project(1, { title: 'Finished long ago', startedOn: '2018-01-01', endedOn: '2018-06-01' }),
      project(2, { title: 'Still going', startedOn: '2026-01-01' }),
      project(3, { title: 'Finished last year', startedOn: '2025-01-01', endedOn: '2025-10-01' }),
    ],
  })

  it('orders work, education, credentials (expired ones by date too) and projects newest first, ongoing first', () => {
    const t = tailorResume(data, null, {}, clock)
    expect(ids(t.experience)).toEqual(['exp-2', 'exp-3', 'exp-1'])
    expect(ids(t.education)).toEqual(['edu-2', 'edu-1'])
    expect(ids(t.credentials)).toEqual(['cred-2', 'cred-3', 'cred-1'])
    expect(ids(t.projects)).toEqual(['proj-2', 'proj-3', 'proj-1'])
  })

  it('keeps the date order with a role: the most relevant item is not moved up', () => {
    const r = role('Analyst', [{ name: 'SQL', essential: true, weight: 1 }, { name: 'Excel', weight: 0.1 }], {
      'cred-1': ['SQL'],
      'cred-2': ['Excel'],
      'cred-3': ['SQL'],
      'proj-1': ['SQL'],
      'proj-3': ['Excel'],
    })
    const t = tailorResume(data, r, {}, clock)
    expect(ids(t.credentials)).toEqual(['cred-2', 'cred-3', 'cred-1'])
    expect(ids(t.projects)).toEqual(['proj-3', 'proj-1'])
    expect(decision(t, 'proj-2')).toMatchObject({ included: false, reason: 'applies none of the skills Analyst asks for' })
  })
})

describe('a renewed credential', () => {
  const pl300 = { title: 'Microsoft Certified: Power BI Data Analyst Associate', issuer: 'Microsoft', skills: ['Power BI'] }
  const data = resumeData({
    credentials: [
      credential(1, { ...pl300, earnedOn: '2022-05-02', expiresOn: '2023-05-02', status: 'expired', trust: 'expired' }),
      credential(2, { ...pl300, earnedOn: '2025-06-10', expiresOn: '2026-12-20', trust: 'verified' }),
      credential(3, { title: 'dbt Fundamentals', issuer: 'dbt Labs', earnedOn: '2024-01-01', skills: ['dbt'] }),
    ],
  })
  const r = role('Data Analyst', [{ name: 'Power BI', essential: true, weight: 1 }], { 'cred-1': ['Power BI'], 'cred-2': ['Power BI'] })

  it('shows the current copy and leaves the expired one out, saying why, with or without a role', () => {
    for (const target of [r, null]) {
      const t = tailorResume(data, target, {}, clock)
      expect(ids(t.credentials)).toContain('cred-2')
      expect(ids(t.credentials)).not.toContain('cred-1')
      expect(decision(t, 'cred-1')).toMatchObject({ included: false, reason: 'an expired copy of Microsoft Certified: Power BI Data Analyst Associate; the current one is shown' })
    }
  })

  it('recognises a copy by its title and issuer whatever the case and punctuation', () => {
    const renamed = resumeData({
      credentials: [
        credential(1, { title: 'AWS Certified Cloud Practitioner', issuer: 'Amazon Web Services', earnedOn: '2021-01-01', expiresOn: '2024-01-01' }),
        credential(2, { title: 'AWS certified  cloud practitioner.', issuer: 'amazon web services', earnedOn: '2024-02-01', expiresOn: '2027-02-01' }),
        credential(3, { title: 'AWS Certified Cloud Practitioner', issuer: 'Another Issuer', earnedOn: '2020-01-01' }),
      ],
    })
    const t = tailorResume(renamed, null, {}, clock)
    expect(ids(t.credentials)).toEqual(['cred-2', 'cred-3'])
  })

  it('keeps the newer of two current copies, and both when the user pins the other', () => {
    const twice = resumeData({
      credentials: [credential(1, { title: 'Scrum Master', issuer: 'Scrum.org', earnedOn: '2021-01-01' }), credential(2, { title: 'Scrum Master', issuer: 'Scrum.org', earnedOn: '2024-09-01' })],
    })
    const t = tailorResume(twice, null, {}, clock)
    expect(ids(t.credentials)).toEqual(['cred-2'])
    expect(decision(t, 'cred-1')!.reason).toBe('an older copy of Scrum Master; the one earned Sep 2024 is shown')
    expect(ids(tailorResume(twice, null, { pinned: ['cred-1'] }, clock).credentials)).toEqual(['cred-1', 'cred-2'])
  })

  it('shows the expired copy when it is the only one', () => {
    const alone = resumeData({ credentials: [data.credentials[0]!] })
    expect(tailorResume(alone, null, {}, clock).credentials[0]).toMatchObject({ id: 'cred-1', expired: true })
  })
})

describe('a credential that is also an education entry', () => {
  const birkbeck = 'Birkbeck, University of London'
  const pgcert = credential(1, { title: 'Postgraduate Certificate in Applied Statistics', kind: 'academic', issuer: birkbeck, earnedOn: '2024-08-26', skills: ['Statistics'] })
  const course = credential(2, { title: 'Introduction to Python', kind: 'platform', issuer: birkbeck, provider: 'Coursera', earnedOn: '2023-02-01' })
  const data = resumeData({
    education: [school(1, { institution: birkbeck, degree: 'PGCert', field: 'Applied Statistics', startedOn: '2023-09-01', endedOn: '2024-08-26' })],
    credentials: [pgcert, course],
  })

  it('is listed once, under Education, and both decisions say so', () => {
    const t = tailorResume(data, null, {}, clock)
    expect(ids(t.credentials)).toEqual(['cred-2'])
    expect(ids(t.education)).toEqual(['edu-1'])
    expect(decision(t, 'cred-1')).toMatchObject({ included: false, reason: 'shown once, under Education (PGCert, Applied Statistics, Birkbeck, University of London)' })
    expect(decision(t, 'edu-1')).toMatchObject({
      included: true,
      reason: 'education is always shown; also your credential Postgraduate Certificate in Applied Statistics, listed once here',
    })
  })

  it('matches by the degree spelled out, or for an academic credential by the month it ended', () => {
    const byDegree = resumeData({
      education: [school(1, { institution: 'University of Leeds', degree: 'MSc', field: null, endedOn: '2020-09-30' })],
      credentials: [credential(1, { title: 'Master of Science (Data Science)', kind: 'academic', issuer: 'University of Leeds', earnedOn: '2020-12-01' })],
    })
    expect(tailorResume(byDegree, null, {}, clock).credentials).toEqual([])
    const byMonth = resumeData({
      education: [school(1, { institution: 'University of Leeds', degree: 'Diploma', field: 'Economics', endedOn: '2020-06-30' })],
      credentials: [credential(1, { title: 'Degree certificate', kind: 'academic', issuer: 'University of Leeds', earnedOn: '2020-06-15' })],
    })
    expect(tailorResume(byMonth, null, {}, clock).credentials).toEqual([])
  })

  it('stays under Certifications when Education is hidden or not printed, or the credential is pinned', () => {
    expect(ids(tailorResume(data, null, { hidden: ['edu-1'] }, clock).credentials)).toEqual(['cred-1', 'cred-2'])
    expect(ids(tailorResume(data, null, { sections: ['experience', 'credentials'] }, clock).credentials)).toEqual(['cred-1', 'cred-2'])
    expect(ids(tailorResume(data, null, { pinned: ['cred-1'] }, clock).credentials)).toEqual(['cred-1', 'cred-2'])
  })
})
