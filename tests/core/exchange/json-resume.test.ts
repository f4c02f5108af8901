/** JSON Resume export and import (issue 12): schema validation, round trip, the schema package's own samples, refusal, deduplication. */
import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Result } from '../../../electron/shared/errors'
import type { JsonResumeImport } from '../../../electron/shared/exchange'
import { descriptionBullets } from '../../../electron/shared/bullets'
import { LIMITS } from '../../../electron/shared/limits'
import { jsonResumeProblems } from '../../../electron/core/exchange/schema'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'

const open: TempPortfolio[] = []
afterEach(() => open.splice(0).forEach((p) => p.cleanup()))
function portfolio(clock = '2026-11-28T12:00:00Z'): TempPortfolio {
  const p = tempPortfolio({ now: () => new Date(clock) })
  open.push(p)
  return p
}
const ok = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`)
  return r.value as T
}
const exportText = async (p: TempPortfolio) => ok<string>(await p.core.dispatch('exchange:exportJsonResume', {}))
const importText = async (p: TempPortfolio, text: string) => ok<JsonResumeImport>(await p.core.dispatch('exchange:importJsonResume', { text }))
const previewText = async (p: TempPortfolio, text: string) => ok<JsonResumeImport>(await p.core.dispatch('exchange:previewJsonResume', { text }))

/** The portfolio file and its write-ahead log, hashed: "unchanged" means not one byte written. */
function fileHash(p: TempPortfolio): string {
  const h = createHash('sha256')
  for (const f of [p.dbPath, `${p.dbPath}-wal`]) if (existsSync(f)) h.update(readFileSync(f))
  return h.digest('hex')
}

const schemaDir = dirname(createRequire(import.meta.url).resolve('@jsonresume/schema/package.json'))
const sampleResume = () => readFileSync(join(schemaDir, 'sample.resume.json'), 'utf8')

/** The parts of an export these tests read. */
interface Exported {
  $schema: string
  meta: { lastModified: string }
  basics: { name: string; profiles: unknown[]; location: { city: string } }
  work: Array<{ name: string; position: string; highlights?: string[] }>
  certificates: Array<{ name: string; 'x-skillfolio': Record<string, unknown> }>
  projects: Array<{ 'x-skillfolio'?: { credentials?: string[] } }>
  skills: Array<{ 'x-skillfolio': { category: string } }>
  languages: Array<{ language: string; fluency?: string }>
  'x-skillfolio': { otherCredentials?: Array<{ 'x-skillfolio': Record<string, unknown> }> }
}

async function demoExport(): Promise<{ p: TempPortfolio; text: string; resume: Exported }> {
  const p = portfolio()
  ok(await p.core.dispatch('app:loadDemo', {}))
  const text = await exportText(p)
  return { p, text, resume: JSON.parse(text) as Exported }
}

describe('JSON Resume export', () => {
  it('exports the demo portfolio as a JSON Resume the official schema accepts, with the extras in x-skillfolio', async () => {
    const { p, resume } = await demoExport()
    expect(jsonResumeProblems(resume)).toEqual([])
    expect(resume.$schema).toMatch(/jsonresume/)
    expect(resume.meta.lastModified).toBe('2026-11-28T12:00:00.000Z')
    expect(resume.basics.name).toBe('Maya Okafor')
    expect(resume.basics.profiles.length).toBeGreaterThan(0)
    expect(resume.basics.location.city).toBeTruthy()

    // Work highlights are the experience's bullets, as the resume writers split them.
    const experience = ok<Array<{ organization: string; title: string; description: string | null }>>(await p.core.dispatch('experience:list', {}))
    for (const e of experience) {
      const item = resume.work.find((w) => w.name === e.organization && w.position === e.title)
      expect(item?.highlights ?? []).toEqual(descriptionBullets(e.description))
    }

    // Everything JSON Resume has no field for is kept: expiry, credential ID, hours, cost, kind, status.
    const credentials = ok<{ items: Array<{ id: string; title: string; status: string }> }>(await p.core.dispatch('credentials:list', { limit: 500 })).items
    const all = [...resume.certificates, ...(resume['x-skillfolio'].otherCredentials ?? [])]
    expect(all).toHaveLength(credentials.length)
    const aws = resume.certificates.find((c) => /AWS/.test(c.name))
    expect(aws?.['x-skillfolio']).toMatchObject({ kind: expect.any(String), status: 'earned', expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), credentialCode: expect.any(String) })
    expect(all.some((c) => c['x-skillfolio'].cost && c['x-skillfolio'].hours)).toBe(true)
    // Planned and in-progress courses are not certificates.
    expect(resume.certificates.every((c) => ['earned', 'expired'].includes(String(c['x-skillfolio'].status)))).toBe(true)
    // Languages and skill categories.
    expect(resume.languages).toContainEqual(expect.objectContaining({ language: 'Spanish', fluency: 'Professional working proficiency (B2).' }))
    expect(resume.skills.map((s) => s['x-skillfolio'].category)).toContain('technology')
    // Projects name the credentials they used, by reference.
    expect(resume.projects.some((pr) => (pr['x-skillfolio']?.credentials ?? []).length > 0)).toBe(true)
  })

  it('exports an empty portfolio as a valid, nearly empty JSON Resume', async () => {
    const resume = JSON.parse(await exportText(portfolio())) as object
    expect(jsonResumeProblems(resume)).toEqual([])
  })
})

describe('JSON Resume round trip', () => {
  it('export → import into an empty portfolio → export gives the same file', async () => {
    const { text } = await demoExport()
    const q = portfolio()
    const result = await importText(q, text)
    expect(result.applied).toBe(true)
    expect(result.counts.skipped).toBe(0)
    expect(result.counts.duplicate).toBe(0)
    expect(result.ignored).toEqual([])
    expect(await exportText(q)).toBe(text)
  })

  it('keeps what only Skillfolio knows: tag skills and their decisions, levels, labelled links, prose descriptions, planned courses', async () => {
    const p = portfolio()
    const badge = ok<{ id: string; skills: Array<{ id: string; name: string }> }>(
      await p.core.dispatch('credentials:create', { title: 'Cloud Basics', kind: 'badge', issuerName: 'Example Academy', skills: [{ name: 'Cloud computing', origin: 'tag' }, { name: 'Networking', origin: 'tag' }, { name: 'Linux', level: 'advanced' }] }),
    )
    ok(await p.core.dispatch('tags:decide', { credentialId: badge.id, skillId: badge.skills.find((s) => s.name === 'Cloud computing')!.id, decision: 'accepted' }))
    ok(await p.core.dispatch('credentials:create', { title: 'Kubernetes course', kind: 'platform', status: 'planned', hours: 12.5, cost: { amountMinor: 4900, currency: 'EUR' } }))
    ok(await p.core.dispatch('projects:create', { title: 'Home lab', role: 'Builder', links: [{ label: 'Code', url: 'https://git.example.org/lab' }, { label: null, url: 'https://lab.example.org' }], skills: [{ name: 'Linux', level: 'expert' }], credentialIds: [badge.id] }))
    ok(await p.core.dispatch('experience:create', { organization: 'Acme', title: 'Sysadmin', startedOn: '2019-02-01', description: 'Ran the servers. Cut costs by 20%.\n\nOn call weekly.', skills: [{ name: 'Linux', level: 'advanced' }] }))
    ok(await p.core.dispatch('skills:create', { name: 'Basque', category: 'language', aliases: ['Euskara'] }))
    // An address the schema's ASCII-only email format refuses still makes a valid export, and comes back.
    ok(await p.core.dispatch('profile:update', { fullName: 'José Etxeberria', email: 'josé@example.org', location: 'Bilbao', links: [{ label: null, url: 'https://jose.example.org' }] }))
    const text = await exportText(p)
    expect(jsonResumeProblems(JSON.parse(text))).toEqual([])
    const q = portfolio()
    expect((await importText(q, text)).counts.skipped).toBe(0)
    expect(await exportText(q)).toBe(text)
    expect(ok<{ email: string }>(await q.core.dispatch('profile:get', {})).email).toBe('josé@example.org')
    const pending = ok<{ groups: Array<{ skills: Array<{ name: string }> }> }>(await q.core.dispatch('tags:pending', {}))
    expect(JSON.stringify(pending)).toContain('Networking')
    expect(JSON.stringify(pending)).not.toContain('Cloud computing')
  })

  it('dates the export with the injected clock, and nothing else differs', async () => {
    const { text } = await demoExport()
    const q = portfolio('2027-03-01T09:30:00Z')
    await importText(q, text)
    const again = await exportText(q)
    expect(again).not.toBe(text)
    expect(again.replace('2027-03-01T09:30:00.000Z', '2026-11-28T12:00:00.000Z')).toBe(text)
  })
})

describe('JSON Resume import', () => {
  it("imports the schema package's own sample resume, reporting what has no place", async () => {
    const p = portfolio()
    const result = await importText(p, sampleResume())
    expect(result.counts.skipped).toBe(0)
    const profile = ok<{ fullName: string; headline: string; location: string; links: unknown[] }>(await p.core.dispatch('profile:get', {}))
    expect(profile).toMatchObject({ fullName: 'Richard Hendriks', headline: 'Programmer', location: expect.stringContaining('San Francisco') })
    expect(profile.links).toHaveLength(2)
    const work = ok<Array<{ organization: string; description: string }>>(await p.core.dispatch('experience:list', {}))
    expect(work[0]).toMatchObject({ organization: 'Pied Piper' })
    expect(descriptionBullets(work[0]!.description)).toContain('Successfully won Techcrunch Disrupt')
    const education = ok<Array<{ institution: string; field: string }>>(await p.core.dispatch('education:list', {}))
    expect(education[0]).toMatchObject({ institution: 'University of Oklahoma', field: 'Information Technology' })
    expect(ok<{ total: number }>(await p.core.dispatch('projects:list', {})).total).toBeGreaterThan(0)
    const languages = ok<{ items: Array<{ name: string; description: string }> }>(await p.core.dispatch('skills:list', { category: 'language' })).items
    expect(languages).toEqual([expect.objectContaining({ name: 'English', description: 'Native speaker' })])
    // "Web Development": HTML, CSS, Javascript is a group: its keywords are the skills.
    const skills = ok<{ items: Array<{ name: string }> }>(await p.core.dispatch('skills:list', {})).items.map((s) => s.name)
    expect(skills).toEqual(expect.arrayContaining(['HTML', 'CSS', 'Javascript', 'GIF']))
    expect(skills).not.toContain('Web Development')
    // Volunteer work, awards, publications … have no place: said, not silently dropped.
    expect(result.ignored.some((i) => i.startsWith('volunteer'))).toBe(true)
    expect(result.ignored.some((i) => i.startsWith('awards'))).toBe(true)
    // What was imported exports again as a valid JSON Resume.
    expect(jsonResumeProblems(JSON.parse(await exportText(p)))).toEqual([])
  })

  it.each(['career-changer', 'new-grad', 'senior-engineer'])('imports the package example %s without skipping anything', async (name) => {
    // @jsonresume/schema ships these examples (package.json "files"); a missing one fails.
    const file = join(schemaDir, 'examples', `${name}.resume.json`)
    const p = portfolio()
    const result = await importText(p, readFileSync(file, 'utf8'))
    expect(result.items.filter((i) => i.outcome === 'skipped')).toEqual([])
    expect(result.counts.added).toBeGreaterThan(0)
  })

  it('previews exactly what the import then does, writing nothing', async () => {
    const p = portfolio()
    const before = await exportText(p)
    const preview = await previewText(p, sampleResume())
    expect(preview.applied).toBe(false)
    expect(await exportText(p)).toBe(before)
    const result = await importText(p, sampleResume())
    // Same entries, outcomes and ids; only the profile's note is worded as what it would do.
    const asPreview = (reason: string | null) => reason?.replace(/^filled /, 'fills ').replace('; kept your own', '; keeps your own') ?? null
    expect({ ...result, applied: false, items: result.items.map((i) => ({ ...i, reason: i.section === 'basics' ? asPreview(i.reason) : i.reason })) }).toEqual(preview)
    expect(preview.items.find((i) => i.section === 'basics')?.reason).toMatch(/^fills full name, /)
  })

  it('a second import finds everything already there and adds nothing', async () => {
    const p = portfolio()
    await importText(p, sampleResume())
    const info = ok<{ counts: object }>(await p.core.dispatch('app:info', {})).counts
    const second = await importText(p, sampleResume())
    expect(second.counts.added).toBe(0)
    expect(second.counts.skipped).toBe(0)
    expect(second.counts.duplicate).toBe(second.items.length)
    expect(second.items.find((i) => i.section === 'work')).toMatchObject({ outcome: 'duplicate', reason: 'same organisation, job title and start date', id: expect.stringMatching(/^exp-/) })
    expect(ok<{ counts: object }>(await p.core.dispatch('app:info', {})).counts).toEqual(info)
  })

  it('matches what the portfolio already holds: same organisation+title+start, institution+area, credential title+issuer, project name', async () => {
    const p = portfolio()
    ok(await p.core.dispatch('experience:create', { organization: 'pied piper', title: 'CEO/President', startedOn: '2013-12-01' }))
    ok(await p.core.dispatch('education:create', { institution: 'University of Oklahoma', field: 'information technology' }))
    const resume = JSON.parse(sampleResume()) as { projects: Array<{ name: string }> }
    ok(await p.core.dispatch('projects:create', { title: resume.projects[0]!.name }))
    // The sample has no certificates: one of the package's examples does.
    const withCertificates = JSON.parse(readFileSync(join(schemaDir, 'examples', 'career-changer.resume.json'), 'utf8')) as { certificates: Array<{ name: string; issuer: string }> }
    const cert = withCertificates.certificates[0]!
    ok(await p.core.dispatch('credentials:create', { title: cert.name, kind: 'certification', issuerName: cert.issuer.toUpperCase() }))
    const result = await importText(p, JSON.stringify({ ...resume, certificates: withCertificates.certificates }))
    const outcome = (section: string, label: RegExp) => result.items.find((i) => i.section === section && label.test(i.label))?.outcome
    expect(outcome('work', /Pied Piper/)).toBe('duplicate')
    expect(outcome('education', /Oklahoma/)).toBe('duplicate')
    expect(outcome('certificates', new RegExp(cert.name))).toBe('duplicate')
    expect(outcome('projects', new RegExp(resume.projects[0]!.name))).toBe('duplicate')
  })

  it('keeps the profile the person already has, filling only empty fields', async () => {
    const p = portfolio()
    ok(await p.core.dispatch('profile:update', { fullName: 'Rich Hendriks', links: [] }))
    const result = await importText(p, sampleResume())
    expect(result.items.find((i) => i.section === 'basics')?.reason).toMatch(/kept your own full name/)
    expect(ok<{ fullName: string; email: string }>(await p.core.dispatch('profile:get', {}))).toMatchObject({ fullName: 'Rich Hendriks', email: 'richard.hendriks@mail.com' })
  })

  it('refuses an invalid JSON Resume with every problem by field, and leaves the portfolio file untouched', async () => {
    const p = portfolio()
    ok(await p.core.dispatch('app:loadDemo', {}))
    const hash = fileHash(p)
    const bad = { basics: { name: 'X', email: 'not-an-email', url: 'no scheme' }, work: [{ name: 'Acme', position: 'Dev', startDate: 'March 2020' }], skills: 'SQL' }
    for (const channel of ['exchange:previewJsonResume', 'exchange:importJsonResume'] as const) {
      const r = await p.core.dispatch(channel, { text: JSON.stringify(bad) })
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe('BAD_INPUT')
      expect(r.error.message).toMatch(/not a valid JSON Resume \(4 problems\); nothing was imported/)
      expect(r.error.issues).toEqual(
        expect.arrayContaining([
          { path: 'basics.email', message: 'must be an email address like name@example.com' },
          { path: 'basics.url', message: 'must be a full web address such as https://example.com' },
          { path: 'work.0.startDate', message: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD' },
          { path: 'skills', message: 'must be array' },
        ]),
      )
    }
    expect(fileHash(p)).toBe(hash)
  })

  it('refuses text that is not JSON, not an object, or too large, in words', async () => {
    const p = portfolio()
    const hash = fileHash(p)
    const refusal = async (text: string) => {
      const r = await p.core.dispatch('exchange:importJsonResume', { text })
      if (r.ok) throw new Error('accepted')
      return r.error
    }
    expect((await refusal('{"basics": {"name": "X",}}')).message).toMatch(/not valid JSON \(there is a mistake on line 1/)
    expect((await refusal('[1, 2]')).message).toMatch(/is one JSON object/)
    expect((await refusal(' '.repeat(LIMITS.jsonResumeChars + 1))).issues?.[0]).toMatchObject({ path: 'text', message: expect.stringMatching(/at most 5 MB/) })
    expect(fileHash(p)).toBe(hash)
  })

  it('skips one bad entry with its reason and imports the rest', async () => {
    const p = portfolio()
    const resume = { basics: { name: 'Ada' }, work: [{ position: 'Engineer', startDate: '2020' }, { name: 'Acme', position: 'Engineer', startDate: '2021-05' }] }
    const result = await importText(p, JSON.stringify(resume))
    expect(result.items.filter((i) => i.section === 'work')).toEqual([
      expect.objectContaining({ outcome: 'skipped', reason: 'organization: Organisation is required' }),
      expect.objectContaining({ outcome: 'added', label: 'Engineer at Acme' }),
    ])
    const work = ok<Array<{ startedOn: string }>>(await p.core.dispatch('experience:list', {}))
    expect(work).toEqual([expect.objectContaining({ startedOn: '2021-05-01' })])
  })
})
