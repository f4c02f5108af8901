/** Tailoring: what a resume shows for a role, in which order, and why. */
import { describe, expect, it } from 'vitest'
import { tailorResume } from '../../../electron/core/resume/tailor'
import { longResume, NOW, ROLE } from '../pdf/fixtures'

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id)
const clock = { now: NOW }

describe('tailoring to a target role', () => {
  const t = tailorResume(longResume(), ROLE, {}, clock)

  it('keeps the credentials that show the role’s skills, most relevant first, with the reason', () => {
    // dbt: SQL 2 + dbt 1.8 + Data modeling 1.6; Google: SQL 2 + Tableau 0.3; Power BI: Data
    // modeling 1.6, halved because it expired; the PG cert: Python 0.5; "Tableau Desktop
    // Specialist" shows Tableau in its title only.
    expect(ids(t.credentials)).toEqual(['cred-4', 'cred-1', 'cred-3', 'cred-5', 'cred-6'])
    expect(t.credentials[0]!.reason).toBe('matches SQL (essential), dbt (essential), Data modeling (essential)')
    expect(t.credentials[1]!.reason).toBe('matches SQL (essential), Tableau')
    expect(t.credentials.find((c) => c.id === 'cred-3')).toMatchObject({ expired: true, matches: ['Data modeling'] })
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

  it('orders projects by the role’s skills, matching names through aliases (Apache Airflow → Airflow)', () => {
    expect(t.projects[0]).toMatchObject({ id: 'proj-1', reason: 'matches SQL (essential), Data modeling (essential)' })
    expect(t.projects[1]).toMatchObject({ id: 'proj-2', reason: 'matches dbt (essential), Apache Airflow, Python' })
    expect(ids(t.projects)).toEqual(['proj-1', 'proj-2', 'proj-3', 'proj-4'])
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

  it('hides expired credentials when asked', () => {
    const h = tailorResume(longResume(), ROLE, { expired: 'hide' }, clock)
    expect(ids(h.credentials)).not.toContain('cred-3')
    expect(h.decisions.find((d) => d.id === 'cred-3')).toMatchObject({ included: false, reason: 'expired May 2024; expired credentials are hidden' })
  })

  it('lets the user pin, hide and reorder', () => {
    const u = tailorResume(longResume(), ROLE, { pinned: ['cred-2', 'cred-7'], hidden: ['cred-4', 'proj-1', 'skill-1'], order: ['cred-6', 'cred-1'] }, clock)
    expect(ids(u.credentials)).toEqual(['cred-6', 'cred-1', 'cred-2', 'cred-7', 'cred-3', 'cred-5'])
    expect(u.credentials.find((c) => c.id === 'cred-2')!.reason).toBe('pinned by you')
    expect(u.credentials.find((c) => c.id === 'cred-7')).toMatchObject({ inProgress: true })
    expect(u.decisions.find((d) => d.id === 'cred-4')).toMatchObject({ included: false, reason: 'hidden by you' })
    expect(ids(u.projects)).not.toContain('proj-1')
    expect(u.skills.flatMap((g) => g.skills.map((s) => s.name))).not.toContain('SQL')
  })

  it('applies limits; pinned items count towards them and are always kept', () => {
    const l = tailorResume(longResume(), ROLE, { limits: { credentials: 2, projects: 1 }, pinned: ['cred-6'] }, clock)
    expect(ids(l.credentials)).toEqual(['cred-6', 'cred-4'])
    expect(l.decisions.find((d) => d.id === 'cred-1')).toMatchObject({ included: false, reason: 'beyond the 2 most relevant credentials' })
    expect(ids(l.projects)).toEqual(['proj-1'])
  })
})

describe('a general resume (no role)', () => {
  const t = tailorResume(longResume(), null, {}, clock)

  it('lists valid credentials most recent first, expired ones last, in-progress ones out', () => {
    expect(ids(t.credentials)).toEqual(['cred-4', 'cred-8', 'cred-2', 'cred-1', 'cred-5', 'cred-6', 'cred-3'])
    expect(t.credentials[0]!.reason).toBe('verified, earned Feb 2026')
    expect(t.decisions.find((d) => d.id === 'cred-7')!.included).toBe(false)
  })

  it('lists projects most recent first and skills by evidence', () => {
    expect(ids(t.projects)).toEqual(['proj-2', 'proj-1', 'proj-3', 'proj-4'])
    expect(t.skills.map((g) => g.label)).toEqual(['Technical', 'Knowledge', 'Professional', 'Languages'])
    expect(t.skills[0]!.skills.slice(0, 3).map((s) => s.name)).toEqual(['SQL', 'Python', 'Tableau'])
    expect(t.keywords.slice(0, 3)).toEqual(['SQL', 'Python', 'Data modelling'])
  })

  it('keeps experience in the portfolio’s order unless reordered, and drops hidden entries', () => {
    expect(ids(t.experience).slice(0, 3)).toEqual(['exp-1', 'exp-2', 'exp-3'])
    const r = tailorResume(longResume(), null, { order: ['exp-3'], hidden: ['exp-2'] }, clock)
    expect(ids(r.experience).slice(0, 3)).toEqual(['exp-3', 'exp-1', 'exp-4'])
  })
})
