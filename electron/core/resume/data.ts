/**
 * The content of a resume, built from the portfolio: plain data, no database and no pdfkit,
 * so it can be cached, sent over IPC and built by hand in tests.
 */
import type { CredentialKind, CredentialStatus, SkillCategory, Trust } from '../../shared/schemas'
import type { PortfolioSnapshot } from '../../shared/schemas'
import { SKILL_CATEGORIES } from '../../shared/schemas'
import { collator } from '../pdf/format'

export interface ResumeLink {
  label: string | null
  url: string
}

export interface ResumeProfile {
  name: string
  headline: string | null
  email: string | null
  phone: string | null
  location: string | null
  website: string | null
  links: ResumeLink[]
  summary: string | null
}

export interface ResumeExperience {
  id: string
  title: string
  organization: string
  location: string | null
  startedOn: string | null
  endedOn: string | null
  /** Free text; lines starting with "-", "*" or "•" print as bullets. */
  description: string | null
}

export interface ResumeEducation {
  id: string
  institution: string
  degree: string | null
  field: string | null
  startedOn: string | null
  endedOn: string | null
  description: string | null
}

export interface ResumeCredential {
  id: string
  title: string
  kind: CredentialKind
  status: CredentialStatus
  /** Who awards it (issuer name, else provider). */
  issuer: string | null
  /** Where it was taken, when that differs from the issuer ("Google", via "Coursera"). */
  provider: string | null
  earnedOn: string | null
  expiresOn: string | null
  credentialCode: string | null
  verificationUrl: string | null
  skills: string[]
  trust: Trust
}

export interface ResumeProject {
  id: string
  title: string
  role: string | null
  summary: string | null
  startedOn: string | null
  endedOn: string | null
  links: ResumeLink[]
  outcomes: string[]
  skills: string[]
  /** Titles of the credentials the project used. */
  credentials: string[]
}

export interface ResumeSkill {
  id: string
  name: string
  category: SkillCategory
  aliases: string[]
  /** How many credentials, projects and work entries show the skill. */
  evidence: number
}

export interface ResumeSkillGroup {
  category: SkillCategory
  label: string
  skills: ResumeSkill[]
}

export interface ResumeData {
  profile: ResumeProfile
  experience: ResumeExperience[]
  education: ResumeEducation[]
  credentials: ResumeCredential[]
  projects: ResumeProject[]
  /** Every skill, grouped by category in a fixed order; most evidence first within a group. */
  skills: ResumeSkillGroup[]
}

/** Everything the resume reads from the portfolio (defined in core/portfolio/snapshot.ts). */
export type { PortfolioSnapshot }

export const SKILL_GROUP_LABELS: Readonly<Record<SkillCategory, string>> = {
  technology: 'Technical',
  knowledge: 'Knowledge',
  transversal: 'Professional',
  language: 'Languages',
  other: 'Other',
}

const clean = (s: string | null | undefined): string | null => {
  const t = s?.trim()
  return t ? t : null
}

export function groupSkills(skills: ResumeSkill[]): ResumeSkillGroup[] {
  return SKILL_CATEGORIES.map((category) => ({
    category,
    label: SKILL_GROUP_LABELS[category],
    skills: skills
      .filter((s) => s.category === category)
      .sort((a, b) => b.evidence - a.evidence || collator.compare(a.name, b.name)),
  })).filter((g) => g.skills.length > 0)
}

export function buildResumeData(p: PortfolioSnapshot): ResumeData {
  const profile: ResumeProfile = {
    name: clean(p.profile.fullName) ?? 'Your name',
    headline: clean(p.profile.headline),
    email: clean(p.profile.email),
    phone: clean(p.profile.phone),
    location: clean(p.profile.location),
    website: clean(p.profile.website),
    links: p.profile.links.map((l) => ({ label: clean(l.label), url: l.url })),
    summary: clean(p.profile.summary),
  }
  const credentials = p.credentials.map((c): ResumeCredential => {
    const issuer = clean(c.issuerName) ?? clean(c.provider)
    const provider = clean(c.provider)
    return {
      id: c.id,
      title: c.title,
      kind: c.kind,
      status: c.status,
      issuer,
      provider: provider && provider !== issuer ? provider : null,
      earnedOn: c.earnedOn,
      expiresOn: c.expiresOn,
      credentialCode: clean(c.credentialCode),
      verificationUrl: clean(c.verificationUrl),
      skills: c.skills.map((s) => s.name),
      trust: c.trust,
    }
  })
  const projects = p.projects.map(
    (pr): ResumeProject => ({
      id: pr.id,
      title: pr.title,
      role: clean(pr.role),
      summary: clean(pr.summary),
      startedOn: pr.startedOn,
      endedOn: pr.endedOn,
      links: pr.links.map((l) => ({ label: clean(l.label), url: l.url })),
      outcomes: pr.outcomes.filter((o) => o.trim().length > 0),
      skills: pr.skills.map((s) => s.name),
      credentials: pr.credentials.map((c) => c.title),
    }),
  )
  const skills = p.skills.map(
    (s): ResumeSkill => ({ id: s.id, name: s.name, category: s.category, aliases: s.aliases, evidence: s.credentialCount + s.projectCount + s.experienceCount }),
  )
  return {
    profile,
    // Field by field, so the skills linked to a work entry stay out of the resume's plain data.
    experience: p.experience.map((e) => ({
      id: e.id,
      organization: e.organization,
      title: e.title,
      location: clean(e.location),
      startedOn: e.startedOn,
      endedOn: e.endedOn,
      description: clean(e.description),
    })),
    education: p.education.map((e) => ({ ...e, degree: clean(e.degree), field: clean(e.field), description: clean(e.description) })),
    credentials,
    projects,
    skills: groupSkills(skills),
  }
}
