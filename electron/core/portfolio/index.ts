import type { Db } from '../db/open'
import type { Output, ParsedInput, Services } from '../../shared/contract'
import type { EducationInput, ExperienceInput } from '../../shared/schemas'
import { createSkills } from './skills'
import { createCredentials } from './credentials'
import { createProjects } from './projects'
import { createProfile } from './profile'
import { createDatedEntries, EDUCATION_ENTRIES } from './resume-entries'
import { createExperience } from './experience'
import { createSearch } from './search'
import { createSearchIndex } from './search-index'

type PortfolioChannels = Exclude<keyof Services, `app:${string}` | `import:${string}` | `settings:${string}` | `evidence:${string}` | 'credentials:verify' | `roles:${string}` | `postings:${string}` | `gap:${string}` | `plans:${string}` | `taxonomy:${string}` | `resume:${string}` | `report:${string}` | `resumes:${string}`>

/** The portfolio use cases, keyed by contract channel, plus helpers other core modules reuse. */
export function createPortfolio(db: Db, now: () => Date) {
  const index = createSearchIndex(db)
  const skills = createSkills(db, now, index)
  const credentials = createCredentials(db, skills, index, now)
  const projects = createProjects(db, skills, index, now)
  const profile = createProfile(db, now)
  const search = createSearch(db)
  const experience = createExperience(db, skills, now)
  const education = createDatedEntries(db, now, EDUCATION_ENTRIES)

  const services = {
    'credentials:list': credentials['credentials:list'],
    'credentials:get': credentials['credentials:get'],
    'credentials:create': credentials['credentials:create'],
    'credentials:update': credentials['credentials:update'],
    'credentials:delete': credentials['credentials:delete'],
    'projects:list': projects['projects:list'],
    'projects:get': projects['projects:get'],
    'projects:create': projects['projects:create'],
    'projects:update': projects['projects:update'],
    'projects:delete': projects['projects:delete'],
    'skills:list': skills['skills:list'],
    'skills:get': skills['skills:get'],
    'skills:suggest': skills['skills:suggest'],
    'skills:create': skills['skills:create'],
    'skills:update': skills['skills:update'],
    'skills:delete': skills['skills:delete'],
    'skills:merge': skills['skills:merge'],
    'profile:get': profile['profile:get'],
    'profile:update': profile['profile:update'],
    'experience:list': (): Output<'experience:list'> => experience.list(),
    'experience:create': (input: ParsedInput<'experience:create'>) => experience.create(input),
    'experience:update': ({ id, patch }: ParsedInput<'experience:update'>) => experience.update(id, patch),
    'experience:delete': ({ id }: ParsedInput<'experience:delete'>) => experience.remove(id),
    'education:list': (): Output<'education:list'> => education.list(),
    'education:create': (input: ParsedInput<'education:create'>) => education.create(input),
    'education:update': ({ id, patch }: ParsedInput<'education:update'>) => education.update(id, patch),
    'education:delete': ({ id }: ParsedInput<'education:delete'>) => education.remove(id),
    'search:query': search['search:query'],
  } satisfies Pick<Services, PortfolioChannels>

  return {
    ...services,
    /** Inserts without opening a transaction, for bulk loaders that wrap many inserts in one. */
    insertCredential: credentials.insert,
    insertProject: projects.insert,
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
