/** LinkedIn data export import (issue 12): the made-up export in tests/fixtures/linkedin, as a ZIP and as its folder. */
import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { Result } from '../../../electron/shared/errors'
import type { LinkedInImport } from '../../../electron/shared/exchange'
import { LIMITS } from '../../../electron/shared/limits'
import type { Credential, Education, Experience, Profile, Skill } from '../../../electron/shared/schemas'
import { linkedInDate, linkedInWebsites } from '../../../electron/core/exchange/linkedin'
import { readLinkedInCsv } from '../../../electron/core/exchange/linkedin-files'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'

const FIXTURE = join(__dirname, '../../fixtures/linkedin')

/** The export's files as LinkedIn writes them: UTF-8 with BOM and CRLF, whatever the checkout did to the line ends. */
const exportFiles = (): Array<{ name: string; text: string }> =>
  readdirSync(FIXTURE)
    .filter((n) => n.endsWith('.csv'))
    .map((name) => ({ name, text: `\uFEFF${readFileSync(join(FIXTURE, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n')}` }))

/** The export as the ZIP LinkedIn sends (files in a folder of the archive, as some exports have them), base64. */
const exportZip = (extra: Record<string, Uint8Array> = {}) =>
  Buffer.from(zipSync({ ...Object.fromEntries(exportFiles().map((f) => [`Basic_LinkedInDataExport_12-01-2026/${f.name}`, strToU8(f.text)])), ...extra })).toString('base64')

const open: TempPortfolio[] = []
afterEach(() => open.splice(0).forEach((p) => p.cleanup()))
function portfolio(): TempPortfolio {
  const p = tempPortfolio()
  open.push(p)
  return p
}
const ok = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`)
  return r.value as T
}
const preview = async (p: TempPortfolio, source: object) => ok<LinkedInImport>(await p.core.dispatch('exchange:previewLinkedIn', source))
const importExport = async (p: TempPortfolio, source: object) => ok<LinkedInImport>(await p.core.dispatch('exchange:importLinkedIn', source))

/** The portfolio file and its write-ahead log, hashed: "unchanged" means not one byte written. */
function fileHash(p: TempPortfolio): string {
  const h = createHash('sha256')
  for (const f of [p.dbPath, `${p.dbPath}-wal`]) if (existsSync(f)) h.update(readFileSync(f))
  return h.digest('hex')
}

const POSITION_TEXT = 'Rebuilt the "nightly" ingest pipeline, cutting its cost by 40%.\n\nLed a team of four; introduced code review and an on-call rotation.'

describe('LinkedIn export import', () => {
  it('previews everything the export holds, by file, without writing one byte', async () => {
    const p = portfolio()
    const before = fileHash(p)
    const r = await preview(p, { zip: exportZip() })
    expect(r.applied).toBe(false)
    expect(r.files).toEqual(['Profile.csv', 'Email Addresses.csv', 'PhoneNumbers.csv', 'Positions.csv', 'Education.csv', 'Certifications.csv', 'Projects.csv', 'Skills.csv', 'Languages.csv'])
    const shown = r.items.map((i) => `${i.outcome} ${i.section}: ${i.label}`)
    expect(shown).toEqual([
      'added basics: Zoë Ångström',
      'added skills: Python',
      'added skills: Apache Spark',
      'added skills: SQL',
      'added skills: dbt',
      'added languages: Swedish',
      'added languages: English',
      'added languages: Deutsch',
      'added work: Senior Data Engineer at Müller GmbH',
      'added work: Data Analyst at Brightwave AB',
      'added work: Teaching Assistant at Uppsala universitet',
      'added education: Bachelor of Science - BS, Physics at Uppsala universitet',
      'added education: Master of Science - MS, Data Science at Uppsala universitet',
      'added certificates: AWS Certified Solutions Architect – Associate',
      'added certificates: Professional Scrum Master I',
      'added projects: Fjällkarta',
      'added projects: Open Data Malmö',
    ])
    expect(r.counts).toEqual({ added: 17, duplicate: 0, skipped: 0, leftOut: 0 })
    // What has no place is said, not dropped silently.
    expect(r.ignored).toContain('Profile.csv (Birth Date): Skillfolio keeps no birth date')
    expect(r.ignored).toContain('Honors.csv: Skillfolio has no place for it')
    expect(fileHash(p)).toBe(before)
    expect(ok<Experience[]>(await p.core.dispatch('experience:list', {}))).toEqual([])
  })

  it('imports the export into the portfolio with multi-line and non-ASCII text as written', async () => {
    const p = portfolio()
    const r = await importExport(p, { zip: exportZip() })
    expect(r.applied).toBe(true)
    expect(r.counts).toEqual({ added: 17, duplicate: 0, skipped: 0, leftOut: 0 })

    const profile = ok<Profile>(await p.core.dispatch('profile:get', {}))
    expect(profile).toMatchObject({
      fullName: 'Zoë Ångström',
      headline: 'Data engineer · pipelines people trust',
      email: 'zoe.angstrom@example.org',
      phone: '+46 70 123 45 67',
      location: 'Malmö, Skåne, Sweden',
      website: 'https://zoe.example.org',
      summary: 'I build data platforms that analysts rely on.\n\nBefore that I taught physics at a "folk high school" in Dalarna.',
    })
    expect(profile.links).toEqual([
      { label: 'Blog', url: 'https://www.zoe-writes.example' },
      { label: 'Twitter', url: 'https://twitter.com/zoe_builds' },
    ])

    const work = ok<Experience[]>(await p.core.dispatch('experience:list', {}))
    const muller = work.find((w) => w.organization === 'Müller GmbH')
    expect(muller).toMatchObject({ title: 'Senior Data Engineer', location: 'Munich, Bavaria, Germany', startedOn: '2021-03-01', endedOn: null, description: POSITION_TEXT })
    expect(work.find((w) => w.title === 'Teaching Assistant')).toMatchObject({ startedOn: '2016-01-01', endedOn: '2017-01-01', description: null })

    const education = ok<Education[]>(await p.core.dispatch('education:list', {}))
    expect(education.map((e) => e.degree).sort()).toEqual(['Bachelor of Science - BS, Physics', 'Master of Science - MS, Data Science'])
    expect(education.find((e) => e.degree?.startsWith('Bachelor'))?.description).toBe('Thesis: "Phonons in graphene".\nActivities: Student union, orchestra')

    const credentials = ok<{ items: Array<{ id: string; title: string }> }>(await p.core.dispatch('credentials:list', { limit: 50 })).items
    const aws = credentials.find((c) => c.title.startsWith('AWS'))!
    expect(ok<Credential>(await p.core.dispatch('credentials:get', { id: aws.id }))).toMatchObject({
      kind: 'certification',
      issuerName: 'Amazon Web Services (AWS)',
      credentialCode: 'AWS-ASA-12345',
      verificationUrl: 'https://www.credly.com/badges/00000000-aaaa-bbbb-cccc-000000000001',
      earnedOn: '2022-06-01',
      expiresOn: '2025-06-01',
    })

    const skills = ok<{ items: Skill[] }>(await p.core.dispatch('skills:list', { limit: 100 })).items
    expect(skills.filter((s) => s.category === 'language').map((s) => [s.name, s.description])).toEqual(
      expect.arrayContaining([
        ['Swedish', 'Native or bilingual proficiency'],
        ['Deutsch', 'Professional working proficiency'],
      ]),
    )
    expect(skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Python', 'Apache Spark', 'SQL', 'dbt']))
  })

  it('finds everything already there on a second import, from the ZIP or from the unpacked folder', async () => {
    const p = portfolio()
    await importExport(p, { zip: exportZip() })
    const before = fileHash(p)
    const again = await importExport(p, { zip: exportZip() })
    expect(again.counts).toEqual({ added: 0, duplicate: 17, skipped: 0, leftOut: 0 })
    expect(again.items.find((i) => i.section === 'work')).toMatchObject({ outcome: 'duplicate', reason: 'same organisation, job title and start date' })
    const folder = await preview(p, { files: exportFiles() })
    expect(folder.counts).toEqual({ added: 0, duplicate: 17, skipped: 0, leftOut: 0 })
    expect(ok<Experience[]>(await p.core.dispatch('experience:list', {}))).toHaveLength(3)
    expect(ok<Education[]>(await p.core.dispatch('education:list', {}))).toHaveLength(2)
    // The repeat wrote nothing.
    expect(fileHash(p)).toBe(before)
  })

  it('brings in only what the person kept of the preview: entries left out are not written and are reported as left out', async () => {
    const p = portfolio()
    const zip = exportZip()
    const seen = await preview(p, { zip })
    const job = seen.items.find((i) => i.section === 'work')!
    const skill = seen.items.find((i) => i.section === 'skills')!
    // The same file previews with the same keys, so a choice made on one preview holds for the import.
    expect((await preview(p, { zip })).items.map((i) => i.key)).toEqual(seen.items.map((i) => i.key))
    expect(new Set(seen.items.map((i) => i.key)).size).toBe(seen.items.length)
    const done = await importExport(p, { zip, leaveOut: [job.key, skill.key] })
    expect(done.items.filter((i) => i.outcome === 'left-out').map((i) => i.label)).toEqual([skill.label, job.label])
    expect(done.counts.leftOut).toBe(2)
    expect(done.counts.added).toBe(seen.counts.added - 2)
    const jobs = await p.core.call('experience:list', {})
    expect(jobs.map((e) => `${e.title} at ${e.organization}`)).not.toContain(job.label)
    expect(jobs).toHaveLength(seen.items.filter((i) => i.section === 'work' && i.outcome === 'added').length - 1)
    // What was left out is still new on the next preview.
    const again = await preview(p, { zip })
    expect(again.items.find((i) => i.key === job.key)?.outcome).toBe('added')
  })

  it('refuses a ZIP that is not a LinkedIn export, and bytes that are not a ZIP, in words, with the portfolio unchanged', async () => {
    const p = portfolio()
    await importExport(p, { files: exportFiles().filter((f) => f.name === 'Skills.csv') })
    const before = fileHash(p)
    const other = Buffer.from(zipSync({ 'holiday/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]), 'notes.txt': strToU8('shopping list') })).toString('base64')
    for (const source of [{ zip: other }, { zip: Buffer.from('not a zip at all').toString('base64') }]) {
      const r = await p.core.dispatch('exchange:importLinkedIn', source)
      expect(r.ok).toBe(false)
      if (r.ok) continue
      expect(r.error.code).toBe('BAD_INPUT')
      expect(r.error.message).toMatch(/not a LinkedIn data export|not a ZIP archive/)
    }
    const r = await p.core.dispatch('exchange:importLinkedIn', { zip: other })
    expect(!r.ok && r.error.message).toMatch(/^This ZIP is not a LinkedIn data export: it holds none of Profile\.csv, .* \(it holds photo\.jpg, notes\.txt\)/)
    expect(fileHash(p)).toBe(before)
  })

  it('refuses an archive far larger than any export before unpacking it, in words', async () => {
    const p = portfolio()
    const huge = Buffer.from(zipSync({ 'Positions.csv': new Uint8Array(LIMITS.linkedInCsvBytes + 1) })).toString('base64')
    const crowded = Buffer.from(zipSync(Object.fromEntries(Array.from({ length: LIMITS.linkedInZipEntries + 1 }, (_, i) => [`f${i}.txt`, new Uint8Array(0)])))).toString('base64')
    const big = await p.core.dispatch('exchange:previewLinkedIn', { zip: huge })
    expect(!big.ok && big.error.message).toMatch(/^Positions\.csv in this ZIP unpacks to more than 16 MB/)
    const many = await p.core.dispatch('exchange:previewLinkedIn', { zip: crowded })
    expect(!many.ok && many.error.message).toMatch(/^This ZIP holds more than 5000 files/)
  })

  it('names a file that cannot be read and still imports the others', async () => {
    const p = portfolio()
    const files = exportFiles().map((f) => (f.name === 'Projects.csv' ? { name: f.name, text: 'Something else entirely\r\n1,2,3\r\n' } : f))
    const r = await preview(p, { files })
    expect(r.ignored).toContain('Projects.csv: it has no header row naming "Title"; nothing in it was imported')
    expect(r.items.some((i) => i.section === 'projects')).toBe(false)
    expect(r.counts.added).toBe(15)
  })
  it('keeps an entry whose web address or date cannot be taken, and says which cell was left out', async () => {
    const p = portfolio()
    const r = await importExport(p, {
      files: [
        { name: 'Certifications.csv', text: 'Name,Url,Authority,Started On,Finished On,License Number\r\nSafety Course,javascript:alert(1),Red Cross,Sommer 2020,,\r\n' },
      ],
    })
    expect(r.counts).toEqual({ added: 1, duplicate: 0, skipped: 0, leftOut: 0 })
    expect(r.ignored).toContain('Certifications.csv entry 1: Started On "Sommer 2020" is not a date (like "Mar 2021" or "2019"); left empty')
    expect(r.ignored.some((i) => i.startsWith('Certifications.csv entry 1 (verificationUrl): '))).toBe(true)
    const [cred] = ok<{ items: Array<{ id: string }> }>(await p.core.dispatch('credentials:list', { limit: 5 })).items
    expect(ok<Credential>(await p.core.dispatch('credentials:get', { id: cred!.id }))).toMatchObject({ title: 'Safety Course', issuerName: 'Red Cross', verificationUrl: null, earnedOn: null })
  })
})

describe('reading the export', () => {
  it('finds the header below a notes preamble and reads quoted cells with commas, quotes and line breaks', () => {
    const rows = readLinkedInCsv('Positions.csv', '\uFEFFNotes:\r\n"Positions you added, newest first."\r\n\r\nCompany Name,Title,Description,Location,Started On,Finished On\r\n"A, Inc.",CTO,"Line one ""quoted""\r\nLine two",,Jan 2020,\r\n')
    expect(rows).toEqual([{ 'Company Name': 'A, Inc.', Title: 'CTO', Description: 'Line one "quoted"\nLine two', 'Started On': 'Jan 2020' }])
  })

  it('reads the dates LinkedIn writes and names the rest unreadable', () => {
    expect(['Mar 2021', 'March 2021', '2019', '2021-03', '2021-03-15', '', 'Spring 2020'].map((d) => linkedInDate(d))).toEqual([
      '2021-03-01',
      '2021-03-01',
      '2019-01-01',
      '2021-03-01',
      '2021-03-15',
      null,
      undefined,
    ])
  })

  it('reads the websites of Profile.csv with their labels', () => {
    expect(linkedInWebsites('[PERSONAL:https://a.example/x,COMPANY:www.b.example]')).toEqual([
      { label: 'Personal', url: 'https://a.example/x' },
      { label: 'Company', url: 'https://www.b.example' },
    ])
  })
})
