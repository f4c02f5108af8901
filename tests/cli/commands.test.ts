import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Credential, CredentialSummary, Education, Experience, Profile, Project, Skill, SkillDetail } from '../../electron/shared/schemas'
import { runIn, tempPortfolio, type TempPortfolio } from './harness'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

async function ok(...argv: string[]) {
  const r = await p.run(...argv)
  expect(r.stderr, `skillfolio ${argv.join(' ')}`).toBe('')
  expect(r.code).toBe(0)
  return r
}

describe('add credential', () => {
  it('stores every flag, parsed, and prints the new record', async () => {
    const r = await ok(
      'add', 'credential',
      '--title', 'AWS Certified Cloud Practitioner',
      '--kind', 'certification',
      '--status', 'earned',
      '--provider', 'Pearson VUE',
      '--issuer', 'Amazon Web Services',
      '--issuer-url', 'https://aws.example.org',
      '--started-on', '2024-01-10',
      '--earned-on', '2024-03-02',
      '--expires-on', '2027-03-02',
      '--hours', '12.5',
      '--cost', '1,299.99 EUR',
      '--credential-id', 'ABC-123',
      '--verify-url', 'https://verify.example.org/ABC-123',
      '--description', 'Cloud basics',
      '--notes', 'renew in 2027',
      '--skills', 'AWS:beginner, Cloud security , Python:Advanced',
    )
    expect(r.stdout).toMatch(/^Added credential cred-1: AWS Certified Cloud Practitioner\n/)
    expect(r.stdout).toMatch(/Cost\s+€1,299\.99/)
    expect(r.stdout).toMatch(/Expires\s+2027-03-02 \(in \d+ months\)/)

    const c = (await ok('show', 'cred-1', '--json')).json<Credential>()
    expect(c).toMatchObject({
      id: 'cred-1',
      title: 'AWS Certified Cloud Practitioner',
      kind: 'certification',
      status: 'earned',
      provider: 'Pearson VUE',
      issuerName: 'Amazon Web Services',
      issuerUrl: 'https://aws.example.org',
      startedOn: '2024-01-10',
      earnedOn: '2024-03-02',
      expiresOn: '2027-03-02',
      hours: 12.5,
      cost: { amountMinor: 129999, currency: 'EUR' },
      credentialCode: 'ABC-123',
      verificationUrl: 'https://verify.example.org/ABC-123',
      description: 'Cloud basics',
      notes: 'renew in 2027',
    })
    expect(c.skills.map((s) => [s.name, s.level])).toEqual([
      ['AWS', 'beginner'],
      ['Cloud security', null],
      ['Python', 'advanced'],
    ])
  })

  it('--json prints the created record, and only that, on stdout', async () => {
    const r = await ok('--json', 'add', 'credential', '--title', 'JLPT N3', '--kind', 'other', '--cost', '500 JPY', '--status', 'in-progress')
    const c = r.json<Credential>()
    expect(c).toMatchObject({ id: 'cred-1', title: 'JLPT N3', status: 'in_progress', cost: { amountMinor: 500, currency: 'JPY' } })
  })

  it.each([
    ['49.00 USD', 4900, 'USD'],
    ['USD 49', 4900, 'USD'],
    ['49 usd', 4900, 'USD'],
    ['0 USD', 0, 'USD'],
    ['12.5 GBP', 1250, 'GBP'],
    ['=1.234 BHD', 1234, 'BHD'],
  ])('--cost %s is %i minor units of %s', async (cost, amountMinor, currency) => {
    const r = await ok('add', 'credential', '--title', 'T', '--kind', 'badge', `--cost=${cost.replace(/^=/, '')}`, '--json')
    expect(r.json<Credential>().cost).toEqual({ amountMinor, currency })
  })
})

describe('add project, skill, experience, education', () => {
  it('links skills and credentials, keeps links and outcomes in order', async () => {
    await ok('add', 'credential', '--title', 'dbt Fundamentals', '--kind', 'badge')
    await ok('add', 'credential', '--title', 'Zoomcamp', '--kind', 'other')
    const r = await ok(
      'add', 'project',
      '--title', 'ELT pipeline',
      '--role', 'Engineer',
      '--summary', 'Daily loads',
      '--started-on', '2025-01-01',
      '--ended-on', '2025-02-01',
      '--link', 'Code=https://git.example.org/elt',
      '--link', 'https://example.org/docs?a=b',
      '--outcome', '42 models',
      '--outcome', 'CI green',
      '--skills', 'dbt:intermediate, SQL',
      '--credentials', 'cred-1, cred-2',
      '--json',
    )
    const project = r.json<Project>()
    expect(project).toMatchObject({
      id: 'proj-1',
      title: 'ELT pipeline',
      role: 'Engineer',
      startedOn: '2025-01-01',
      endedOn: '2025-02-01',
      links: [
        { label: 'Code', url: 'https://git.example.org/elt' },
        { label: null, url: 'https://example.org/docs?a=b' },
      ],
      outcomes: ['42 models', 'CI green'],
    })
    expect(project.credentials.map((c) => c.id).sort()).toEqual(['cred-1', 'cred-2'])
    expect(project.skills.map((s) => s.name)).toEqual(['dbt', 'SQL'])

    const shown = await ok('show', 'cred-1')
    expect(shown.stdout).toMatch(/Used in projects\n\s+proj-1\s+ELT pipeline/)
  })

  it('adds a skill with category and aliases, found later by alias', async () => {
    const r = await ok('add', 'skill', '--name', 'JavaScript', '--category', 'technology', '--aliases', 'JS, ECMAScript', '--description', 'The web', '--json')
    expect(r.json<Skill>()).toMatchObject({ id: 'skill-1', name: 'JavaScript', category: 'technology', aliases: expect.arrayContaining(['JS', 'ECMAScript']) })
    await ok('add', 'credential', '--title', 'Intro to JS', '--kind', 'platform', '--skills', 'JS:beginner')
    const skill = (await ok('show', 'skill-1', '--json')).json<SkillDetail>()
    expect(skill.credentials).toEqual([{ id: 'cred-1', title: 'Intro to JS', level: 'beginner' }])
  })

  it('adds experience and education entries', async () => {
    const e = (await ok('add', 'experience', '--organization', 'Brightwave', '--title', 'Data Analyst', '--location', 'Manchester', '--started-on', '2023-01-01', '--json')).json<Experience>()
    expect(e).toMatchObject({ id: 'exp-1', organization: 'Brightwave', title: 'Data Analyst', endedOn: null })
    const d = (await ok('add', 'education', '--institution', 'University of Leeds', '--degree', 'BA', '--field', 'Economics', '--json')).json<Education>()
    expect(d).toMatchObject({ id: 'edu-1', institution: 'University of Leeds', degree: 'BA', field: 'Economics' })
    expect((await ok('show', 'exp-1')).stdout).toMatch(/Dates\s+2023-01-01 – present/)
    expect((await ok('list', 'experience')).stdout).toMatch(/exp-1\s+Data Analyst\s+Brightwave\s+Manchester\s+2023-01-01\s+present/)
    expect((await ok('list', 'education', '--json')).json<Education[]>()).toHaveLength(1)
  })
})

describe('list', () => {
  beforeEach(async () => {
    await ok('add', 'credential', '--title', 'A very long credential title that will certainly not fit in the table column', '--kind', 'platform', '--provider', 'Coursera', '--hours', '10', '--cost', '49 USD', '--earned-on', '2024-01-01')
    await ok('add', 'credential', '--title', 'Short', '--kind', 'badge', '--hours', '2')
    await ok('add', 'credential', '--title', 'Postgres course', '--kind', 'platform', '--skills', 'PostgreSQL')
  })

  it('prints an aligned table with truncated titles and a count', async () => {
    const out = (await ok('list', 'credentials')).stdout
    const lines = out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+KIND\s+STATUS\s+PROVIDER\s+EARNED\s+EXPIRES\s+HOURS\s+COST$/)
    const titleStart = lines[0]!.indexOf('TITLE')
    const kindStart = lines[0]!.indexOf('KIND')
    for (const line of lines.slice(1, 4)) {
      expect(line.slice(0, titleStart)).toMatch(/^cred-\d\s+$/)
      expect(line[kindStart - 1]).toBe(' ')
    }
    expect(out).toContain('A very long credential title that will cert…')
    expect(out).toMatch(/\$49\.00/)
    expect(lines.at(-1)).toBe('3 credentials')
  })

  it('filters by kind and text, sorts and limits; --json gives full page objects', async () => {
    const byKind = (await ok('list', 'credentials', '--kind', 'badge', '--json')).json<{ items: CredentialSummary[]; total: number }>()
    expect(byKind.items.map((c) => c.title)).toEqual(['Short'])
    const byText = (await ok('list', 'credentials', '--search', 'postgresql', '--json')).json<{ items: CredentialSummary[]; total: number }>()
    expect(byText.items.map((c) => c.title)).toEqual(['Postgres course'])
    const sorted = (await ok('list', 'credentials', '--sort', 'title', '--limit', '2', '--json')).json<{ items: CredentialSummary[]; total: number }>()
    expect(sorted.total).toBe(3)
    expect(sorted.items.map((c) => c.title)).toEqual(['A very long credential title that will certainly not fit in the table column', 'Postgres course'])
    expect((await ok('list', 'credentials', '--limit', '1')).stdout).toMatch(/1–1 of 3 credentials/)
  })

  it('lists skills and projects, and says so when there are none', async () => {
    expect((await ok('list', 'projects')).stdout).toMatch(/^No projects yet\./)
    expect((await ok('list', 'credentials', '--search', 'nothing-like-this')).stdout).toMatch(/^No credentials match nothing-like-this\./)
    const skills = (await ok('list', 'skills', '--json')).json<{ items: Skill[] }>()
    expect(skills.items.map((s) => s.name)).toEqual(['PostgreSQL'])
    expect((await ok('ls', 'skill')).stdout).toMatch(/skill-1\s+PostgreSQL\s+other\s+1\s+0/)
  })
})

describe('edit', () => {
  beforeEach(async () => {
    await ok('add', 'credential', '--title', 'Tableau Specialist', '--kind', 'certification', '--earned-on', '2024-01-01', '--expires-on', '2026-01-01', '--notes', 'n', '--skills', 'Tableau')
  })

  it('changes only the given fields; --skills replaces the list; --clear empties a field', async () => {
    const c = (await ok('edit', 'cred-1', '--title', 'Tableau Desktop Specialist', '--skills', 'Tableau:advanced, Data visualisation', '--clear', 'expires-on', '--clear', 'notes', '--json')).json<Credential>()
    expect(c).toMatchObject({ title: 'Tableau Desktop Specialist', kind: 'certification', earnedOn: '2024-01-01', expiresOn: null, notes: null })
    expect(c.skills.map((s) => [s.name, s.level])).toEqual([
      ['Tableau', 'advanced'],
      ['Data visualisation', null],
    ])
    const human = await ok('edit', 'cred-1', '--hours', '3')
    expect(human.stdout).toMatch(/^Updated credential cred-1: Tableau Desktop Specialist/)
  })

  it('edits projects, skills, experience and education by id', async () => {
    await ok('add', 'project', '--title', 'Dash', '--outcome', 'one')
    expect((await ok('edit', 'proj-1', '--role', 'Lead', '--outcome', 'two', '--outcome', 'three', '--json')).json<Project>()).toMatchObject({ role: 'Lead', outcomes: ['two', 'three'] })
    expect((await ok('edit', 'skill-1', '--category', 'technology', '--aliases', 'Tableau Desktop', '--json')).json<SkillDetail>()).toMatchObject({ category: 'technology', aliases: ['Tableau Desktop'] })
    await ok('add', 'experience', '--organization', 'Org', '--title', 'Analyst')
    expect((await ok('edit', 'exp-1', '--ended-on', '2025-01-31', '--json')).json<Experience>()).toMatchObject({ title: 'Analyst', endedOn: '2025-01-31' })
    await ok('add', 'education', '--institution', 'Uni')
    expect((await ok('edit', 'edu-1', '--degree', 'MSc', '--json')).json<Education>()).toMatchObject({ institution: 'Uni', degree: 'MSc' })
  })
})

describe('show and remove', () => {
  it('shows linked skills and projects, then removes and says what went', async () => {
    await ok('add', 'credential', '--title', 'Google Data Analytics', '--kind', 'platform', '--skills', 'SQL:advanced')
    await ok('add', 'project', '--title', 'Churn dashboard', '--skills', 'SQL', '--credentials', 'cred-1')
    const skill = (await ok('show', 'skill-1')).stdout
    expect(skill).toMatch(/^skill-1 {2}SQL/)
    expect(skill).toMatch(/Credentials\n\s+cred-1\s+Google Data Analytics\s+\(advanced\)/)
    expect(skill).toMatch(/Projects\n\s+proj-1\s+Churn dashboard/)
    const project = (await ok('show', 'proj-1')).stdout
    expect(project).toMatch(/Credentials used\n\s+cred-1\s+Google Data Analytics/)

    const removed = await ok('remove', 'proj-1')
    expect(removed.stdout).toBe('Removed project proj-1: Churn dashboard\n')
    const removedJson = await ok('rm', 'cred-1', '--json')
    expect(removedJson.json()).toEqual({ id: 'cred-1', entity: 'credential', title: 'Google Data Analytics' })
    const gone = await p.run('show', 'cred-1')
    expect(gone.code).toBe(1)
  })
})

describe('search', () => {
  it('groups hits by entity, in human and JSON form', async () => {
    await ok('add', 'credential', '--title', 'Advanced SQL', '--kind', 'employer')
    await ok('add', 'project', '--title', 'Warehouse', '--summary', 'Rewrote the SQL models', '--skills', 'SQL')
    const human = (await ok('search', 'sql')).stdout
    expect(human).toMatch(/^Credentials \(1\)\n\s+cred-1\s+Advanced SQL/)
    expect(human).toMatch(/Projects \(1\)\n\s+proj-1\s+Warehouse/)
    expect(human).toMatch(/Skills \(1\)\n\s+skill-1\s+SQL/)
    expect(human).toMatch(/\[SQL\]/)
    const json = (await ok('search', 'sql', '--json')).json<{ total: number; credentials: unknown[]; projects: unknown[]; skills: unknown[] }>()
    expect(json.total).toBe(3)
    expect([json.credentials.length, json.projects.length, json.skills.length]).toEqual([1, 1, 1])
    expect((await ok('search', 'zzzz')).stdout).toBe('Nothing matches "zzzz".\n')
  })
})

describe('profile, info, help, version', () => {
  it('profile set changes only the given fields', async () => {
    // `profile` only reads, so it needs a portfolio there: `add` creates it.
    await ok('add', 'skill', '--name', 'SQL')
    expect((await ok('profile')).stdout).toMatch(/^No profile yet/)
    await ok('profile', 'set', '--name', 'Maya Okafor', '--email', 'maya@example.com', '--link', 'Code=https://git.example.org/maya')
    const p2 = (await ok('profile', 'set', '--headline', 'Data analyst', '--json')).json<Profile>()
    expect(p2).toMatchObject({ fullName: 'Maya Okafor', email: 'maya@example.com', headline: 'Data analyst', links: [{ label: 'Code', url: 'https://git.example.org/maya' }] })
    const shown = (await ok('profile')).stdout
    expect(shown).toMatch(/^Maya Okafor\n\s+Data analyst\n/)
    expect(shown).toMatch(/Email\s+maya@example.com/)
  })

  it('info says where the data lives and what it holds', async () => {
    await ok('add', 'skill', '--name', 'SQL')
    const human = (await ok('info')).stdout
    expect(human).toContain(`Portfolio    ${p.db}`)
    expect(human).toMatch(/Skills\s+1/)
    const json = (await ok('info', '--json')).json<{ dbPath: string; dataDir: string; schemaVersion: number; counts: { skills: number } }>()
    expect(json).toMatchObject({ dbPath: p.db, dataDir: p.dir, counts: { skills: 1 } })
    expect(json.schemaVersion).toBeGreaterThanOrEqual(1)
  })

  it('--db beats $SKILLFOLIO_DB and is resolved from the working directory', async () => {
    // `info` only reads, so it needs a portfolio there: `add` creates it.
    expect((await runIn(p.dir, { SKILLFOLIO_DB: join(p.dir, 'ignored.sqlite') }, ['--db', 'other.sqlite', 'add', 'skill', '--name', 'SQL'])).code).toBe(0)
    const r = await runIn(p.dir, { SKILLFOLIO_DB: join(p.dir, 'ignored.sqlite') }, ['--db', 'other.sqlite', 'info', '--json'])
    expect(r.code).toBe(0)
    expect(r.json<{ dbPath: string }>().dbPath).toBe(join(p.dir, 'other.sqlite'))
    expect(existsSync(join(p.dir, 'ignored.sqlite'))).toBe(false)
  })

  it('prints help for everything and for each command, without opening a portfolio', async () => {
    const main = await ok('--help')
    for (const command of ['add', 'list', 'show', 'edit', 'remove', 'search', 'profile', 'info', 'demo', 'help'])
      expect(main.stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'))
    expect((await ok('help', 'add')).stdout).toMatch(/--earned-on YYYY-MM-DD/)
    expect((await ok('add', 'credential', '--help')).stdout).toMatch(/--cost AMOUNT/)
    expect((await ok('list', '-h')).stdout).toMatch(/--sort ORDER/)
    expect((await ok('help', 'edit')).stdout).toMatch(/--clear FIELD/)
    expect(existsSync(p.db)).toBe(false)
  })

  it('--version prints the package version', async () => {
    expect((await ok('--version')).stdout).toMatch(/^skillfolio \d+\.\d+\.\d+/)
    expect((await ok('--version', '--json')).json()).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
  })
})
