import type { Db } from '../db/open'
import type { EducationInput, ExperienceInput } from '../../shared/schemas'
import { createSkills } from './skills'
import { createCredentials } from './credentials'
import { createProjects } from './projects'
import { createProfile } from './profile'
import { createDatedEntries, EDUCATION_ENTRIES } from './resume-entries'
import { createExperience } from './experience'
import { createSearch } from './search'
import { createSearchIndex } from './search-index'

/** The portfolio's services, as plain objects the handlers and other services call. */
export function createPortfolio(db: Db, now: () => Date) {
  const index = createSearchIndex(db)
  const skills = createSkills(db, now, index)
  const credentials = createCredentials(db, skills, index, now)
  const projects = createProjects(db, skills, index, now)
  const profile = createProfile(db, now)
  const search = createSearch(db)
  const experience = createExperience(db, skills, now)
  const education = createDatedEntries(db, now, EDUCATION_ENTRIES)

  return {
    credentials,
    projects,
    skills,
    profile,
    search,
    experience,
    education,
    /** Runs `fn` with the search index written once at its end (search-index.ts `batched`). */
    batchIndex: <T>(fn: () => T): T => index.batched(fn),
    counts: () => ({
      credentials: credentials.count(),
      projects: projects.count(),
      skills: skills.count(),
      experience: experience.count(),
      education: education.count(),
    }),
  }
}

export type Portfolio = ReturnType<typeof createPortfolio>
export type { ExperienceInput, EducationInput }
