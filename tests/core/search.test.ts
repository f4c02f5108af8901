import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HIT_END, HIT_START } from '../../electron/core/portfolio/search'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('search across the portfolio', () => {
  it('finds credentials, projects and skills, title matches first, with highlighted snippets', async () => {
    await p.core.call('credentials:create', { title: 'Tableau Desktop Specialist', kind: 'certification', skills: [{ name: 'Tableau' }] })
    await p.core.call('credentials:create', { title: 'Excel basics', kind: 'platform', description: 'Charts, pivot tables and a short intro to Tableau.' })
    await p.core.call('projects:create', { title: 'Sales dashboard', summary: 'Built in Tableau for the sales team.' })
    const hits = await p.core.call('search:query', { text: 'tableau' })
    expect(hits.map((h) => `${h.entity}:${h.title}`).sort()).toEqual([
      'credential:Excel basics',
      'credential:Tableau Desktop Specialist',
      'project:Sales dashboard',
      'skill:Tableau',
    ])
    const cred = hits.filter((h) => h.entity === 'credential')
    expect(cred[0]!.title).toBe('Tableau Desktop Specialist') // a title hit outranks a description hit
    expect(cred[1]!.snippet).toContain(`${HIT_START}Tableau${HIT_END}`)
  })

  it('keeps the index in step with edits and deletes', async () => {
    const c = await p.core.call('credentials:create', { title: 'Terraform Associate', kind: 'certification' })
    await p.core.call('credentials:update', { id: c.id, patch: { title: 'HashiCorp Infrastructure' } })
    expect(await p.core.call('search:query', { text: 'terraform' })).toEqual([])
    expect((await p.core.call('search:query', { text: 'hashicorp' })).map((h) => h.id)).toEqual([c.id])
    await p.core.call('credentials:delete', { id: c.id })
    expect(await p.core.call('search:query', { text: 'hashicorp' })).toEqual([])
  })

  it('returns nothing rather than an error for punctuation-only or operator text', async () => {
    expect(await p.core.call('search:query', { text: '***' })).toEqual([])
    expect((await p.core.dispatch('search:query', { text: 'AND OR NOT "' })).ok).toBe(true)
  })
})
