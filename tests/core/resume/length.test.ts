/**
 * Length fitting with a stand-in measure (lines of a fixed height per item), so what goes first
 * and what the reasons say are tested apart from the layout; tests/core/resume/preview.test.ts
 * and tests/cli/resume.test.ts fit real PDFs.
 */
import { describe, expect, it } from 'vitest'
import { dropOrder, fitLength } from '../../../electron/core/resume/length'
import { tailorResume, type TailoredResume } from '../../../electron/core/resume/tailor'
import { clock, credential, job, NOW, project, resumeData, role, school, skill } from './fixtures'

/** Pages at 40 lines each: a job 6 lines, a school 2, a credential 2, a project 5, a skill group 1, the header 6. */
function lines(t: TailoredResume): number {
  return 6 + t.experience.length * 6 + t.education.length * 2 + t.credentials.length * 2 + t.projects.length * 5 + t.skills.length
}
const counting = () => {
  const seen: TailoredResume[] = []
  return { seen, measure: (t: TailoredResume) => (seen.push(t), Math.ceil(lines(t) / 40)) }
}
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id)

const data = resumeData({
  experience: [job(1, { title: 'Analyst', organization: 'Now Co', startedOn: '2022-01-01' }), job(2, { title: 'Junior', organization: 'Old Co', startedOn: '2019-01-01', endedOn: '2021-12-31' })],
  education: [school(1, { institution: 'University of Leeds', degree: 'BA', endedOn: '2018-06-30' })],
  credentials: [
    credential(1, { title: 'SQL Essentials', earnedOn: '2025-01-10', trust: 'verified' }),
    credential(2, { title: 'Excel Basics', earnedOn: '2017-03-01' }),
    credential(3, { title: 'Power BI Associate', earnedOn: '2022-05-01', expiresOn: '2023-05-01', status: 'expired' }),
    credential(4, { title: 'Tableau Specialist', earnedOn: '2024-04-01', trust: 'verified' }),
    credential(5, { title: 'Python Fundamentals', earnedOn: '2019-09-01' }),
    credential(6, { title: 'Git Basics', earnedOn: '2026-06-01' }),
  ],
  projects: [
    project(1, { title: 'Churn dashboard', startedOn: '2024-01-01', endedOn: '2024-06-01', outcomes: ['Cut churn review to an hour'] }),
    project(2, { title: 'Pipeline', startedOn: '2025-03-01', endedOn: '2025-09-01' }),
    project(3, { title: 'Old survey analysis', startedOn: '2016-01-01', endedOn: '2016-05-01' }),
  ],
  skills: [skill(1, 'SQL', 5), skill(2, 'Excel', 1), skill(3, 'Tableau', 2), skill(4, 'Statistics', 1, 'knowledge')],
})
const analyst = role(
  'Data Analyst',
  [
    { name: 'SQL', weight: 1, essential: true },
    { name: 'Tableau', weight: 0.6 },
    { name: 'Excel', weight: 0.2 },
  ],
  { 'cred-1': ['SQL'], 'cred-2': ['Excel'], 'cred-3': ['SQL'], 'cred-4': ['Tableau'], 'cred-5': ['Excel'], 'cred-6': ['Excel'], 'proj-1': ['SQL', 'Tableau'], 'proj-2': ['SQL'], 'proj-3': ['Excel'], 'skill-1': ['SQL'], 'skill-3': ['Tableau'] },
)
// 6 + 12 + 2 + 12 + 15 + 2 = 49 lines: two pages.

describe('what may be left out, and in which order', () => {
  it('with a role: expired first, then the least relevant (older first among equals), skills last and never the role’s', () => {
    const t = tailorResume(data, analyst, {}, clock)
    expect(ids(dropOrder(t, { pinned: [], now: NOW }))).toEqual([
      'cred-3', // expired, though it shows SQL
      'proj-3', // Excel, 2016
      'cred-2', // Excel, 2017
      'cred-5', // Excel, 2019
      'cred-6', // Excel, 2026
      'cred-4', // Tableau
      'cred-1', // SQL, earned before the project ended
      'proj-2', // SQL
      'proj-1', // SQL and Tableau
      'skill-4', // Statistics and Excel: not asked for; SQL and Tableau never go
      'skill-2',
    ])
  })

  it('without a role: by recency and how well each is backed (verified, with results), skills last', () => {
    const t = tailorResume(data, null, {}, clock)
    const order = ids(dropOrder(t, { pinned: [], now: NOW }))
    expect(order[0]).toBe('cred-3')
    // The oldest go first: the 2016 project and the 2017 course before anything recent.
    expect(order.slice(1, 3)).toEqual(['proj-3', 'cred-2'])
    // A verified credential outlasts a self-reported one of about the same age.
    expect(order.indexOf('cred-4')).toBeGreaterThan(order.indexOf('proj-2'))
    expect(order.slice(-4)).toEqual(['skill-4', 'skill-2', 'skill-3', 'skill-1'])
  })

  it('never offers pinned items, experience or education', () => {
    const t = tailorResume(data, analyst, { pinned: ['cred-3', 'proj-3'] }, clock)
    const order = ids(dropOrder(t, { pinned: ['cred-3', 'proj-3'], now: NOW }))
    expect(order).not.toContain('cred-3')
    expect(order).not.toContain('proj-3')
    expect(order.some((id) => id.startsWith('exp-') || id.startsWith('edu-'))).toBe(false)
  })
})

describe('fitting a length', () => {
  it('keeps everything and measures nothing for "auto"', () => {
    const t = tailorResume(data, analyst, {}, clock)
    const m = counting()
    const fit = fitLength(t, { length: 'auto', pinned: [], now: NOW, measure: m.measure })
    expect(fit.tailored).toBe(t)
    expect(fit.outcome).toEqual({ asked: 'auto', fits: true, dropped: 0, note: null })
    expect(fit.pages).toBeNull()
    expect(m.seen).toHaveLength(0)
  })

  it('measures once and leaves everything when it already fits', () => {
    const t = tailorResume(data, analyst, {}, clock)
    const m = counting()
    const fit = fitLength(t, { length: '2', pinned: [], now: NOW, measure: m.measure })
    expect(fit.outcome).toEqual({ asked: '2', fits: true, dropped: 0, note: null })
    expect(fit.measures).toBe(1)
    expect(fit.tailored.decisions.every((d) => d.included)).toBe(true)
  })

  it('leaves out the fewest items that make it fit one page, each with the reason, in a handful of measures', () => {
    const t = tailorResume(data, analyst, {}, clock)
    const m = counting()
    const fit = fitLength(t, { length: '1', pinned: [], now: NOW, measure: m.measure })
    // 49 lines: 9 to lose. The expired cert (2) and the old project (5) are 7; the 2017 course makes 9.
    expect(fit.outcome).toEqual({ asked: '1', fits: true, dropped: 3, note: 'Left out 3 items to fit on 1 page.' })
    expect(lines(fit.tailored)).toBeLessThanOrEqual(40)
    expect(ids(fit.tailored.credentials)).toEqual(['cred-6', 'cred-1', 'cred-4', 'cred-5'])
    expect(ids(fit.tailored.projects)).toEqual(['proj-2', 'proj-1'])
    const out = fit.tailored.decisions.filter((d) => !d.included)
    expect(out.map((d) => [d.id, d.reason])).toEqual([
      ['cred-3', 'left out to fit on one page (expired; current credentials are kept first)'],
      // Both show Excel, like the Excel courses that stay, and are older than all of them.
      ['proj-3', 'left out to fit on one page (older than what is shown)'],
      ['cred-2', 'left out to fit on one page (older than what is shown)'],
    ])
    // Everything, a binary search over 11 candidates (and the shortest form), and at most 4 tries to put a short item back.
    expect(fit.measures).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(dropOrder(t, { pinned: [], now: NOW }).length)) + 4)
    // The decisions still list every item once; the included ones in print order.
    expect(fit.tailored.decisions).toHaveLength(t.decisions.length)
    expect(fit.tailored.decisions.filter((d) => d.included).map((d) => d.id).slice(3, 7)).toEqual(['cred-6', 'cred-1', 'cred-4', 'cred-5'])
  })

  it('says "less relevant" or "older" by comparing with what stayed', () => {
    const t = tailorResume(data, analyst, {}, clock)
    // 1 page of 34 lines: only the SQL credential stays; the Excel and Tableau ones are less relevant.
    const fit = fitLength(t, { length: '1', pinned: [], now: NOW, measure: (x) => Math.ceil(lines(x) / 34) })
    expect(fit.tailored.credentials.map((c) => c.id)).toEqual(['cred-1'])
    const reason = (id: string) => fit.tailored.decisions.find((d) => d.id === id)!.reason
    expect(reason('cred-6')).toBe('left out to fit on one page (less relevant to Data Analyst than what is shown)')
    expect(fit.tailored.decisions.find((d) => d.id === 'proj-1')!.included).toBe(true)
  })

  it('without a role, says an item is older than what is shown', () => {
    const t = tailorResume(data, null, {}, clock)
    const fit = fitLength(t, { length: '1', pinned: [], now: NOW, measure: (x) => Math.ceil(lines(x) / 40) })
    expect(fit.outcome.fits).toBe(true)
    expect(fit.tailored.decisions.find((d) => d.id === 'proj-3')!.reason).toBe('left out to fit on one page (older than what is shown)')
  })

  it('puts a short item back when a longer, more relevant one did not fit, and says why the long one went', () => {
    const small = resumeData({
      experience: [job(1, { title: 'Analyst', organization: 'Now Co', startedOn: '2022-01-01' })],
      credentials: [credential(1, { title: 'SQL Essentials', earnedOn: '2025-01-10' }), credential(2, { title: 'Excel Basics', earnedOn: '2025-03-01' })],
      projects: [project(1, { title: 'Tableau dashboard', startedOn: '2026-01-01', endedOn: '2026-06-01' })],
    })
    const t = tailorResume(small, analyst, {}, clock)
    // 6 + 6 + 2 + 2 + 5 = 21 lines on pages of 16: the project (5) must go, then the short Excel course fits again.
    const fit = fitLength(t, { length: '1', pinned: [], now: NOW, measure: (x) => Math.ceil(lines(x) / 16) })
    expect(fit.outcome).toMatchObject({ fits: true, dropped: 1 })
    expect(ids(fit.tailored.credentials)).toEqual(['cred-2', 'cred-1'])
    expect(fit.tailored.decisions.find((d) => d.id === 'proj-1')!.reason).toBe('left out to fit on one page (too long for the room left)')
  })

  it('keeps the keywords to the role’s skills still shown', () => {
    const excelOnly = role('Reporting Analyst', [{ name: 'SQL', weight: 1, essential: true }, { name: 'Excel', weight: 0.1 }], { 'proj-1': ['SQL'], 'proj-3': ['Excel'], 'cred-2': ['Excel'], 'skill-1': ['SQL'] })
    const t = tailorResume(data, excelOnly, {}, clock)
    expect(t.keywords).toEqual(['SQL', 'Excel'])
    const fit = fitLength(t, { length: '1', pinned: [], now: NOW, measure: (x) => (x.projects.length + x.credentials.length > 1 ? 2 : 1) })
    expect(fit.tailored.keywords).toEqual(['SQL'])
  })

  it('never leaves out pinned items, work or education; when those alone are too long it says so and keeps what fits their pages', () => {
    const long = resumeData({
      ...data,
      experience: Array.from({ length: 8 }, (_, i) => job(i + 1, { title: `Role ${i + 1}`, organization: `Company ${i + 1}`, startedOn: `20${10 + i}-01-01`, endedOn: `20${10 + i}-12-31` })),
      skills: [skill(1, 'SQL', 5), skill(2, 'Excel', 1), skill(3, 'Tableau', 2), skill(4, 'Statistics', 1, 'knowledge')],
    })
    const t = tailorResume(long, analyst, { pinned: ['cred-2'] }, clock)
    // Minimum: 6 + 48 + 2 + cred-2 (2) + 2 skill groups with SQL and Tableau... = 59 lines: 2 pages at 40.
    const fit = fitLength(t, { length: '1', pinned: ['cred-2'], now: NOW, measure: (x) => Math.ceil(lines(x) / 40) })
    expect(fit.outcome.fits).toBe(false)
    expect(fit.outcome).toEqual({
      asked: '1',
      fits: false,
      dropped: 2,
      note: 'Your work history, education, the skills Data Analyst asks for and pinned items alone take 2 pages; the resume is 2 pages, not 1. Left out 2 items to keep it to 2 pages.',
    })
    // 85 lines: the expired credential and the 2016 project go, and it is two pages.
    expect(lines(fit.tailored)).toBe(78)
    expect(ids(fit.tailored.experience)).toHaveLength(8)
    expect(ids(fit.tailored.credentials)).toContain('cred-2')
    expect(fit.tailored.decisions.find((d) => d.id === 'proj-3')!.reason).toBe('left out to fit on two pages (older than what is shown)')
  })
})
