/**
 * Loads the sample portfolio (sample-portfolio.ts) through the same portfolio services
 * the app uses, in ONE transaction: if anything fails, nothing is left behind.
 * Only an empty portfolio (no credentials, no projects) is filled, so sample data never
 * mixes with a person's own.
 */
import { CredentialInput, EducationInput, ExperienceInput, ProfileInput, ProjectInput, SkillInput } from '../../shared/schemas'
import { AppError, conflict } from '../../shared/errors'
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import { samplePortfolio } from './sample-portfolio'

/** What loadDemo needs of the portfolio (createPortfolio's result satisfies it). */
export type DemoPortfolio = Pick<Portfolio, 'profile' | 'experience' | 'education' | 'skills' | 'credentials' | 'projects' | 'counts'>

export function loadDemo(db: Db, portfolio: DemoPortfolio, now: () => Date): { credentials: number; projects: number; skills: number } {
  const sample = samplePortfolio(now())

  // Each value goes through the contract's own input schema, as it would over IPC.

  return db.transaction(() => {
    // Checked inside the transaction so nothing can slip in between the check and the load.
    const before = portfolio.counts()
    if (before.credentials > 0 || before.projects > 0)
      throw conflict(
        'The demo only loads into an empty portfolio, and this one already has credentials or projects. Use a new file, e.g. skillfolio --db /tmp/demo.sqlite demo.',
      )

    portfolio.profile.update(ProfileInput.parse(sample.profile))
    for (const entry of sample.experience) portfolio.experience.create(ExperienceInput.parse(entry))
    for (const entry of sample.education) portfolio.education.create(EducationInput.parse(entry))
    for (const skill of sample.skills) {
      try {
        portfolio.skills.create(SkillInput.parse(skill))
      } catch (error) {
        // A skill of that name already exists: credentials and projects will link to it.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
      }
    }
    const ids = new Map<string, string>()
    for (const { key, ...credential } of sample.credentials) ids.set(key, portfolio.credentials.create(CredentialInput.parse(credential)).id)
    for (const { credentialKeys, ...project } of sample.projects) {
      const credentialIds = credentialKeys.map((key) => {
        const id = ids.get(key)
        if (!id) throw new Error(`Demo project "${project.title}" refers to an unknown credential "${key}"`)
        return id
      })
      portfolio.projects.create(ProjectInput.parse({ ...project, credentialIds }))
    }
    const after = portfolio.counts()
    return { credentials: after.credentials, projects: after.projects, skills: after.skills }
  })()
}
