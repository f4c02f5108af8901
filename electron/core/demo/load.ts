/**
 * Loads the sample portfolio (sample-portfolio.ts) through the same portfolio services
 * the app uses, in ONE transaction: if anything fails, nothing is left behind.
 * Only an empty portfolio (no credentials, no projects) is filled, so sample data never
 * mixes with a person's own.
 */
import { contract, type Input, type Output, type ParsedInput } from '../../shared/contract'
import { AppError, conflict } from '../../shared/errors'
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import { samplePortfolio } from './sample-portfolio'

type DemoChannel = 'profile:update' | 'experience:create' | 'education:create' | 'skills:create' | 'credentials:create' | 'projects:create'

/** What loadDemo needs of the portfolio (createPortfolio's result satisfies it). */
export type DemoPortfolio = Pick<Portfolio, DemoChannel | 'counts'>

export function loadDemo(db: Db, portfolio: DemoPortfolio, now: () => Date): { credentials: number; projects: number; skills: number } {
  const sample = samplePortfolio(now())

  /** Validates like the contract does, then calls the service; services must be synchronous here. */
  function call<C extends DemoChannel>(channel: C, input: Input<C>): Output<C> {
    const parsed = contract[channel].input.parse(input) as ParsedInput<C>
    const result = (portfolio[channel] as unknown as (i: ParsedInput<C>) => unknown)(parsed)
    if (result instanceof Promise) throw new Error(`${channel} answered a promise; the demo loader needs synchronous services`)
    return result as Output<C>
  }

  return db.transaction(() => {
    // Checked inside the transaction so nothing can slip in between the check and the load.
    const before = portfolio.counts()
    if (before.credentials > 0 || before.projects > 0)
      throw conflict(
        'The demo only loads into an empty portfolio, and this one already has credentials or projects. Use a new file, e.g. skillfolio --db /tmp/demo.sqlite demo.',
      )

    call('profile:update', sample.profile)
    for (const entry of sample.experience) call('experience:create', entry)
    for (const entry of sample.education) call('education:create', entry)
    for (const skill of sample.skills) {
      try {
        call('skills:create', skill)
      } catch (error) {
        // A skill of that name already exists: credentials and projects will link to it.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
      }
    }
    const ids = new Map<string, string>()
    for (const { key, ...credential } of sample.credentials) ids.set(key, call('credentials:create', credential).id)
    for (const { credentialKeys, ...project } of sample.projects) {
      const credentialIds = credentialKeys.map((key) => {
        const id = ids.get(key)
        if (!id) throw new Error(`Demo project "${project.title}" refers to an unknown credential "${key}"`)
        return id
      })
      call('projects:create', { ...project, credentialIds })
    }
    const after = portfolio.counts()
    return { credentials: after.credentials, projects: after.projects, skills: after.skills }
  })()
}
