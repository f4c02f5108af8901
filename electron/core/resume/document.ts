/**
 * Tailored resume → ResumeDocument: every word the writers print. Section titles, date ranges,
 * the organisation line's parts, credential states in words ("Expired Jan 2024", never colour
 * alone), experience descriptions as bullets, compact or full credentials, links with the label
 * a screen reader announces, and the file's title, subject and keywords. What is in and out,
 * and in which order, was decided by tailoring; nothing is chosen here.
 */
import { descriptionBullets } from '../../shared/bullets'
import type { CredentialDetail, ExpiredPolicy, SectionKey } from '../../shared/resume'
import type {
  ResumeContactItem,
  ResumeDocDetail,
  ResumeDocEntry,
  ResumeDocLink,
  ResumeDocSection,
  ResumeDocument,
} from '../../shared/resume-document'
import { dateRange, monthYear, shortUrl } from '../pdf/format'
import type { ResumeEducation, ResumeExperience, ResumeLink, ResumeProfile } from './data'
import type { TailoredCredential, TailoredProject, TailoredResume } from './tailor'

/** Sections in print order when the person has not chosen one. */
export const DEFAULT_SECTIONS: readonly SectionKey[] = ['summary', 'skills', 'experience', 'projects', 'credentials', 'education']

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  summary: 'Summary',
  skills: 'Skills',
  experience: 'Experience',
  projects: 'Projects',
  credentials: 'Certifications',
  education: 'Education',
}

export interface DocumentChoices {
  /** Certifications one line each (title, issuer, year; the link on the title), or with ID and link spelled out. */
  credentialDetail: CredentialDetail
  /** 'hide' leaves expired credentials out even if tailoring let one through. */
  expired: ExpiredPolicy
  /** BCP 47 language of the content. */
  lang: string
  /** Sections in print order; one left out is not printed. */
  sections: readonly SectionKey[]
}

/** "Maya Patel — Data Analyst resume", or "Maya Patel — Resume" without a role. */
export function resumeTitle(t: Pick<TailoredResume, 'role' | 'profile'>): string {
  return t.role ? `${t.profile.name} — ${t.role.title} resume` : `${t.profile.name} — Resume`
}

function resumeSubject(t: Pick<TailoredResume, 'role' | 'profile'>): string {
  return t.role
    ? `Resume of ${t.profile.name}, tailored for ${t.role.title}`
    : `Resume of ${t.profile.name}${t.profile.headline ? `, ${t.profile.headline}` : ''}`
}

const link = (url: string, label: string): ResumeDocLink => ({ url, label })

/** Text split into paragraphs at blank lines; the lines of one paragraph joined. */
function paragraphs(text: string | null): string[] {
  if (!text) return []
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter(Boolean)
}

function contactItems(p: ResumeProfile): ResumeContactItem[] {
  const items: ResumeContactItem[] = []
  if (p.email) items.push({ kind: 'email', text: p.email, label: null, link: link(`mailto:${p.email}`, `Email ${p.email}`) })
  if (p.phone) items.push({ kind: 'phone', text: p.phone, label: null, link: null })
  if (p.location) items.push({ kind: 'location', text: p.location, label: null, link: null })
  if (p.website) items.push({ kind: 'website', text: shortUrl(p.website), label: null, link: link(p.website, `Website ${shortUrl(p.website)}`) })
  for (const l of p.links) items.push({ kind: 'link', text: shortUrl(l.url), label: l.label, link: link(l.url, l.label ? `${l.label}: ${shortUrl(l.url)}` : shortUrl(l.url)) })
  return items
}

const entry = (id: string, title: string, rest: Partial<Omit<ResumeDocEntry, 'id' | 'title'>>): ResumeDocEntry => ({
  id,
  title,
  titleLink: null,
  dates: null,
  subtitle: [],
  status: null,
  paragraphs: [],
  bullets: [],
  details: [],
  ...rest,
})

function experienceEntry(e: ResumeExperience): ResumeDocEntry {
  return entry(e.id, e.title, {
    dates: dateRange(e.startedOn, e.endedOn),
    subtitle: [e.organization, e.location].filter((s): s is string => Boolean(s)),
    bullets: descriptionBullets(e.description),
  })
}

function educationEntry(e: ResumeEducation): ResumeDocEntry {
  const degree = [e.degree, e.field].filter(Boolean).join(', ')
  return entry(e.id, degree || e.institution, {
    dates: dateRange(e.startedOn, e.endedOn),
    subtitle: degree ? [e.institution] : [],
    paragraphs: paragraphs(e.description),
  })
}

const linkDetails = (links: readonly ResumeLink[]): ResumeDocDetail[] =>
  links.map((l) => ({ label: l.label, text: shortUrl(l.url), link: link(l.url, l.label ? `${l.label}: ${shortUrl(l.url)}` : shortUrl(l.url)) }))

function projectEntry(p: TailoredProject): ResumeDocEntry {
  return entry(p.id, p.title, {
    dates: dateRange(p.startedOn, p.endedOn),
    subtitle: p.role ? [p.role] : [],
    paragraphs: paragraphs(p.summary),
    bullets: p.outcomes.map((o) => o.trim()).filter(Boolean),
    details: [...(p.skills.length ? [{ label: 'Skills', text: p.skills.join(', '), link: null }] : []), ...linkDetails(p.links)],
  })
}

/** "Expired Jan 2024", "In progress", and in the full form "Valid until Mar 2027". */
function credentialStatus(c: TailoredCredential, full: boolean): ResumeDocEntry['status'] {
  if (c.inProgress) return { text: 'In progress', warn: false }
  if (c.expired) return { text: c.expiresOn ? `Expired ${monthYear(c.expiresOn)}` : 'Expired', warn: true }
  if (full && c.expiresOn) return { text: `Valid until ${monthYear(c.expiresOn)}`, warn: false }
  return null
}

function credentialEntry(c: TailoredCredential, full: boolean): ResumeDocEntry {
  const earned = c.earnedOn ? (full ? monthYear(c.earnedOn) : c.earnedOn.slice(0, 4)) : null
  const details: ResumeDocDetail[] = []
  if (full && c.credentialCode) details.push({ label: 'Credential ID', text: c.credentialCode, link: null })
  if (full && c.verificationUrl) details.push({ label: 'Verify', text: c.verificationUrl, link: link(c.verificationUrl, `Verify ${c.title}`) })
  return entry(c.id, c.title, {
    titleLink: c.verificationUrl ? link(c.verificationUrl, `Verify ${c.title}`) : null,
    dates: earned,
    subtitle: [c.issuer, full && c.provider ? `via ${c.provider}` : null].filter((s): s is string => Boolean(s)),
    status: credentialStatus(c, full),
    details,
  })
}

export function buildResumeDocument(t: TailoredResume, o: DocumentChoices): ResumeDocument {
  const full = o.credentialDetail === 'full'
  const sections: ResumeDocSection[] = []
  for (const key of o.sections) {
    const title = SECTION_TITLES[key]
    if (key === 'summary') {
      const paras = paragraphs(t.profile.summary)
      if (paras.length) sections.push({ key, title, paragraphs: paras })
    } else if (key === 'skills') {
      const groups = t.skills.map((g) => ({ label: g.label, skills: g.skills.map((s) => s.name) })).filter((g) => g.skills.length > 0)
      if (groups.length) sections.push({ key, title, groups })
    } else {
      const entries =
        key === 'experience'
          ? t.experience.map(experienceEntry)
          : key === 'education'
            ? t.education.map(educationEntry)
            : key === 'projects'
              ? t.projects.map(projectEntry)
              : t.credentials.filter((c) => !(o.expired === 'hide' && c.expired)).map((c) => credentialEntry(c, full))
      if (entries.length) sections.push({ key, title, entries, compact: key === 'credentials' && !full })
    }
  }
  return {
    title: resumeTitle(t),
    subject: resumeSubject(t),
    keywords: [...t.keywords],
    lang: o.lang,
    header: { name: t.profile.name, headline: t.profile.headline, contact: contactItems(t.profile) },
    sections,
  }
}
