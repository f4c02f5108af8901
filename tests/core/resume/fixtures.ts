/**
 * Builders for hand-made resume data in the tailoring and length tests: each fills every field
 * a test does not care about, so a test names only what it is about.
 */
import { groupSkills, type ResumeCredential, type ResumeData, type ResumeEducation, type ResumeExperience, type ResumeProject, type ResumeSkill } from '../../../electron/core/resume/data'
import type { TargetRole } from '../../../electron/core/resume/tailor'

export const NOW = new Date('2026-11-28T12:00:00Z')
export const clock = { now: NOW }

export const credential = (n: number, c: Partial<ResumeCredential> & { title: string }): ResumeCredential => ({
  id: `cred-${n}`,
  kind: 'certification',
  status: 'earned',
  issuer: null,
  provider: null,
  earnedOn: null,
  expiresOn: null,
  credentialCode: null,
  verificationUrl: null,
  skills: [],
  trust: 'self_reported',
  ...c,
})

export const project = (n: number, p: Partial<ResumeProject> & { title: string }): ResumeProject => ({
  id: `proj-${n}`,
  role: null,
  summary: null,
  startedOn: null,
  endedOn: null,
  links: [],
  outcomes: [],
  skills: [],
  credentials: [],
  ...p,
})

export const job = (n: number, e: Partial<ResumeExperience> & { title: string; organization: string }): ResumeExperience => ({
  id: `exp-${n}`,
  location: null,
  startedOn: null,
  endedOn: null,
  description: null,
  ...e,
})

export const school = (n: number, e: Partial<ResumeEducation> & { institution: string }): ResumeEducation => ({
  id: `edu-${n}`,
  degree: null,
  field: null,
  startedOn: null,
  endedOn: null,
  description: null,
  ...e,
})

export const skill = (n: number, name: string, evidence = 1, category: ResumeSkill['category'] = 'technology'): ResumeSkill => ({
  id: `skill-${n}`,
  name,
  category,
  aliases: [],
  evidence,
})

/** Resume data with only the given parts; the profile is a fixed person. */
export function resumeData(parts: Partial<Omit<ResumeData, 'skills'>> & { skills?: ResumeSkill[] }): ResumeData {
  return {
    profile: { name: 'Maya Okafor', headline: null, email: 'maya@example.org', phone: null, location: null, website: null, links: [], summary: null },
    experience: parts.experience ?? [],
    education: parts.education ?? [],
    credentials: parts.credentials ?? [],
    projects: parts.projects ?? [],
    skills: groupSkills(parts.skills ?? []),
  }
}

/**
 * A role whose evidence is given by hand: `evidence` maps entry ids to the role's skill names
 * they show (the evidence engine's job in the app).
 */
export function role(title: string, skills: Array<{ name: string; weight?: number; essential?: boolean }>, evidence: Record<string, string[]>): TargetRole {
  return {
    title,
    skills: skills.map((s) => ({ key: s.name, name: s.name, weight: s.weight ?? 0.5, essential: s.essential ?? false })),
    evidence,
  }
}
