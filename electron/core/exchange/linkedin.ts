/**
 * LinkedIn data export import: the export's CSV files (LinkedIn's own file and column names) are
 * mapped to the shape of a JSON Resume, then imported exactly as a JSON Resume is (apply.ts): a
 * preview of everything found, matched against the portfolio, in one transaction.
 *
 * Profile → profile (name, headline, summary, location, websites, primary email, phone);
 * Positions → experience; Education → education; Certifications → credentials (certification,
 * issuer = Authority, credential ID = License Number, verification URL = Url, earned / expires
 * = Started On / Finished On); Projects → projects; Skills → skills; Languages → language skills.
 */
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import type { JsonResumeSection, LinkedInImport } from '../../shared/exchange'
import { LINKEDIN_FILES } from '../../shared/exchange'
import { badInput } from '../../shared/errors'
import { EXTENSION } from './json-resume'
import { importCareer, type Where } from './apply'
import { readLinkedInFiles, readLinkedInZip, type LinkedInFile, type LinkedInTables, type Row } from './linkedin-files'

type Obj = Record<string, unknown>

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * A LinkedIn date ("Mar 2021", "March 2021", "2019", "2021-03", "2021-03-15") as the portfolio
 * keeps it (YYYY-MM-DD, the first of the month or year); null when empty, undefined when unreadable.
 */
export function linkedInDate(raw: string | undefined): string | null | undefined {
  const s = raw?.trim()
  if (!s) return null
  let m = /^(\d{4})$/.exec(s)
  if (m) return `${m[1]}-01-01`
  m = /^([A-Za-z]{3,})\.? (\d{4})$/.exec(s)
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase())
    return month < 0 ? undefined : `${m[2]}-${String(month + 1).padStart(2, '0')}-01`
  }
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s)
  if (m) return `${m[1]}-${m[2]}-${m[3] ?? '01'}`
  return undefined
}

/** LinkedIn's proficiency codes, as the words its own pages show. */
const PROFICIENCY: Record<string, string> = {
  ELEMENTARY: 'Elementary proficiency',
  LIMITED_WORKING: 'Limited working proficiency',
  PROFESSIONAL_WORKING: 'Professional working proficiency',
  FULL_PROFESSIONAL: 'Full professional proficiency',
  NATIVE_OR_BILINGUAL: 'Native or bilingual proficiency',
}

/** Websites as Profile.csv writes them: "[PORTFOLIO:https://a.example,COMPANY:www.b.example]" or plain addresses. */
export function linkedInWebsites(raw: string | undefined): Array<{ label: string | null; url: string }> {
  if (!raw) return []
  const found: Array<{ label: string | null; url: string }> = []
  for (const m of raw.matchAll(/(?:([A-Za-z][A-Za-z _]*):)?((?:https?:\/\/|www\.)[^\s,\]]+)/g)) {
    const label = m[1] && !/^https?$/i.test(m[1]) ? m[1].trim().toLowerCase().replace(/^./, (c) => c.toUpperCase()) : null
    const url = /^https?:\/\//i.test(m[2]!) ? m[2]! : `https://${m[2]!}`
    if (!found.some((f) => f.url === url)) found.push({ label, url })
  }
  return found
}

/** Profile.csv columns Skillfolio has no place for: named in the report when filled. */
const PROFILE_UNREAD = ['Maiden Name', 'Address', 'Birth Date', 'Industry', 'Zip Code', 'Instant Messengers']

/** Which export file each section comes from, for the report's words. */
const FILE_OF: Record<JsonResumeSection, LinkedInFile> = {
  basics: 'Profile.csv',
  work: 'Positions.csv',
  education: 'Education.csv',
  certificates: 'Certifications.csv',
  projects: 'Projects.csv',
  skills: 'Skills.csv',
  languages: 'Languages.csv',
}
const where: Where = (section, index, field) => `${FILE_OF[section]}${index === null ? '' : ` entry ${index + 1}`}${field ? ` (${field})` : ''}`

/** The export as a JSON Resume shaped object, and what it holds that is not taken. */
export function linkedInToResume({ tables, unread, problems }: LinkedInTables): { resume: Obj; ignored: string[] } {
  const ignored = [...problems]
  const rows = (file: LinkedInFile): Row[] => tables[file] ?? []
  /** A date cell; an unreadable one is left empty and named. */
  const date = (row: Row, column: string, at: string): string | null => {
    const d = linkedInDate(row[column])
    if (d === undefined) {
      ignored.push(`${at}: ${column} "${row[column]}" is not a date (like "Mar 2021" or "2019"); left empty`)
      return null
    }
    return d
  }
  const at = (section: JsonResumeSection, i: number) => where(section, i)
  const resume: Obj = {}

  const profile = rows('Profile.csv')[0]
  const email = rows('Email Addresses.csv').find((r) => /^yes$/i.test(r.Primary ?? '')) ?? rows('Email Addresses.csv')[0]
  const phone = rows('PhoneNumbers.csv')[0]
  if (profile || email || phone) {
    const sites = linkedInWebsites(profile?.Websites)
    const twitter = (profile?.['Twitter Handles'] ?? '')
      .replace(/[[\]]/g, '')
      .split(/[,\s]+/)
      .map((h) => h.replace(/^@/, ''))
      .filter((h) => /^\w{1,15}$/.test(h))
      .map((h) => ({ network: 'Twitter', url: `https://twitter.com/${h}` }))
    for (const column of PROFILE_UNREAD) if (profile?.[column]) ignored.push(`Profile.csv (${column}): Skillfolio keeps no ${column.toLowerCase()}`)
    resume.basics = {
      name: [profile?.['First Name'], profile?.['Last Name']].filter(Boolean).join(' ') || undefined,
      label: profile?.Headline,
      summary: profile?.Summary,
      location: profile?.['Geo Location'],
      url: sites[0]?.url,
      profiles: [...sites.slice(1).map((s) => ({ network: s.label ?? undefined, url: s.url })), ...twitter],
      phone: phone ? [phone.Number, phone.Extension ? `ext. ${phone.Extension}` : null].filter(Boolean).join(' ') : undefined,
      [EXTENSION]: { email: email?.['Email Address'] },
    }
  }

  resume.work = rows('Positions.csv').map((r, i) => ({
    name: r['Company Name'],
    position: r.Title,
    location: r.Location,
    startDate: date(r, 'Started On', at('work', i)),
    endDate: date(r, 'Finished On', at('work', i)),
    // The description as written: its lines are the bullets the resume shows.
    [EXTENSION]: { description: r.Description ?? null },
  }))

  resume.education = rows('Education.csv').map((r, i) => ({
    institution: r['School Name'],
    studyType: r['Degree Name'],
    startDate: date(r, 'Start Date', at('education', i)),
    endDate: date(r, 'End Date', at('education', i)),
    [EXTENSION]: { description: [r.Notes, r.Activities ? `Activities: ${r.Activities}` : null].filter(Boolean).join('\n') || null },
  }))

  resume.certificates = rows('Certifications.csv').map((r, i) => {
    const x: Obj = {}
    if (r['License Number']) x.credentialCode = r['License Number']
    const expires = date(r, 'Finished On', at('certificates', i))
    if (expires) x.expiresOn = expires
    return { name: r.Name, issuer: r.Authority, url: r.Url, date: date(r, 'Started On', at('certificates', i)), [EXTENSION]: x }
  })

  resume.projects = rows('Projects.csv').map((r, i) => ({
    name: r.Title,
    description: r.Description,
    url: r.Url,
    startDate: date(r, 'Started On', at('projects', i)),
    endDate: date(r, 'Finished On', at('projects', i)),
  }))

  resume.skills = rows('Skills.csv').map((r) => ({ name: r.Name }))
  resume.languages = rows('Languages.csv').map((r) => ({ language: r.Name, fluency: r.Proficiency ? (PROFICIENCY[r.Proficiency] ?? r.Proficiency) : undefined }))

  for (const file of unread) ignored.push(`${file}: Skillfolio has no place for it`)
  return { resume, ignored }
}

/** What the import was given: the export's ZIP as base64, or its unpacked CSV files as text. */
export type LinkedInSource = ({ zip: string } | { files: Array<{ name: string; text: string }> }) & { leaveOut?: readonly string[] }

function readSource(source: LinkedInSource): LinkedInTables {
  if ('files' in source) return readLinkedInFiles(source.files)
  const bytes = Buffer.from(source.zip, 'base64')
  if (!bytes.length) throw badInput('The LinkedIn export is empty; nothing was imported.')
  return readLinkedInZip(bytes)
}

export function createLinkedInService({ db, portfolio }: { db: Db; portfolio: Portfolio }) {
  const run = (source: LinkedInSource, apply: boolean): LinkedInImport => {
    const tables = readSource(source)
    const { resume, ignored } = linkedInToResume(tables)
    const result = importCareer({ db, portfolio }, resume, apply, { where, ignored, leaveOut: source.leaveOut ?? [] })
    return { ...result, files: LINKEDIN_FILES.filter((f) => tables.tables[f]) }
  }
  return {
    /** What importing the export would add, find already there or skip; nothing is written. */
    preview: (source: LinkedInSource): LinkedInImport => run(source, false),
    importExport: (source: LinkedInSource): LinkedInImport => run(source, true),
  }
}
