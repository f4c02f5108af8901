/**
 * The resume's data read the old way, through the contract: 6 list calls plus one get per
 * credential and project. The oracle readPortfolioSnapshot(db) is tested against.
 */
import type { Core } from '../../electron/core/app'
import type { PortfolioSnapshot } from '../../electron/core/portfolio/snapshot'

export async function readPortfolio(call: Core['call']): Promise<PortfolioSnapshot> {
  const all = async <T>(list: (page: { limit: number; offset: number }) => Promise<{ items: T[]; total: number }>): Promise<T[]> => {
    const items: T[] = []
    for (let offset = 0; ; offset += 500) {
      const page = await list({ limit: 500, offset })
      items.push(...page.items)
      if (page.items.length === 0 || items.length >= page.total) return items
    }
  }
  const [profile, experience, education, credentialRows, projectRows, skills] = await Promise.all([
    call('profile:get', {}),
    call('experience:list', {}),
    call('education:list', {}),
    // The snapshot keeps the "recently added or edited" order (the lists' default before it became date order).
    all((page) => call('credentials:list', { ...page, sort: 'recent' })),
    all((page) => call('projects:list', { ...page, sort: 'recent' })),
    all((page) => call('skills:list', page)),
  ])
  const credentials = await Promise.all(credentialRows.map((c) => call('credentials:get', { id: c.id })))
  const projects = await Promise.all(projectRows.map((pr) => call('projects:get', { id: pr.id })))
  return { profile, experience, education, credentials, projects, skills }
}
