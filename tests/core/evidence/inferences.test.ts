/** Skills inferred from a work entry's title: pending, confirmed, rejected, and back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { setTrust } from '../analysis/helpers'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio({ resourcesDir: join(process.cwd(), 'resources') })
})
afterEach(() => p.cleanup())

const itemsOf = async (skill: string) => {
  const gap = await p.core.call('gap:analyze', { ref: 'catalog:data-analyst' })
  return gap.skills.find((s) => s.key === skill)!
}

describe('inferred evidence from a job title', () => {
  it('counts as practised until rejected, and as proven with a verified credential once confirmed', async () => {
    const exp = await p.core.call('experience:create', { organization: 'Brightwave Retail', title: 'Data Analyst', startedOn: '2022-01-10', endedOn: null, description: 'Weekly trading reports.' })
    const listed = await p.core.call('evidence:inferences', { experienceId: exp.id })
    expect(listed.role?.title).toBe('Data Analyst')
    expect(listed.duration).toBe('4 years 10 months')
    expect(listed.skills.map((s) => s.decision)).not.toContain('confirmed')

    // Pending: practised, weaker than a skill the entry names.
    let cleaning = await itemsOf('data-cleaning')
    expect(cleaning.depth).toBe('practised')
    expect(cleaning.credit).toBe(0.7)
    expect(cleaning.evidence.items[0]).toMatchObject({ kind: 'inferred', source: exp.id, inference: { decision: 'pending' }, detail: 'inferred from your 4 years 10 months as Data Analyst at Brightwave Retail' })

    // Confirmed: like a skill the entry names (long work: 0.85); with a verified credential, proven.
    await p.core.call('evidence:decide', { experienceId: exp.id, skillKey: 'data-cleaning', decision: 'confirmed' })
    cleaning = await itemsOf('data-cleaning')
    expect(cleaning).toMatchObject({ depth: 'practised', credit: 0.85 })
    expect(cleaning.evidence.items[0]!.inference).toEqual({ experienceId: exp.id, decision: 'confirmed' })
    const cred = await p.core.call('credentials:create', { title: 'Data wrangling', kind: 'platform', earnedOn: '2024-01-01', skills: [{ name: 'Data cleaning' }] })
    setTrust(p.core, cred.id, 'verified')
    expect(await itemsOf('data-cleaning')).toMatchObject({ depth: 'proven', credit: 1 })

    // Rejected: no evidence from that entry at all, and it stays rejected after a restart.
    await p.core.call('evidence:decide', { experienceId: exp.id, skillKey: 'data-analysis', decision: 'rejected' })
    p.reopen()
    const analysis = await itemsOf('data-analysis')
    expect(analysis.evidence.items.filter((i) => i.source === exp.id)).toEqual([])
    expect((await p.core.call('evidence:inferences', { experienceId: exp.id })).skills.find((s) => s.key === 'data-analysis')!.decision).toBe('rejected')

    // Reset: back to pending.
    await p.core.call('evidence:decide', { experienceId: exp.id, skillKey: 'data-analysis', decision: 'pending' })
    expect((await itemsOf('data-analysis')).evidence.items.some((i) => i.source === exp.id && i.kind === 'inferred')).toBe(true)
  })

  it('refuses a skill the entry does not infer, and an unknown entry, changing nothing', async () => {
    const exp = await p.core.call('experience:create', { organization: 'Acme', title: 'Data Analyst', startedOn: '2024-01-01', endedOn: null, description: null })
    await expect(p.core.call('evidence:decide', { experienceId: exp.id, skillKey: 'kubernetes', decision: 'confirmed' })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(p.core.call('evidence:decide', { experienceId: 'exp-99', skillKey: 'sql', decision: 'confirmed' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(p.core.call('evidence:inferences', { experienceId: 'cred-1' as never })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    const rows = p.core.db.prepare('SELECT count(*) AS n FROM experience_inference').get() as { n: number }
    expect(rows.n).toBe(0)
    // A title that names no catalog role infers nothing.
    const barista = await p.core.call('experience:create', { organization: 'Café', title: 'Barista', startedOn: '2015-01-01', endedOn: '2016-01-01', description: null })
    expect(await p.core.call('evidence:inferences', { experienceId: barista.id })).toMatchObject({ role: null, skills: [] })
  })
})

describe('work experience as evidence', () => {
  it('counts by how long the job lasted and how long ago it ended', async () => {
    const at = async (title: string, startedOn: string, endedOn: string | null) =>
      (await p.core.call('experience:create', { organization: 'Acme', title, startedOn, endedOn, description: 'Built the Kubernetes platform.' })).id
    const short = await at('Intern', '2026-06-01', '2026-09-01') // 3 months, recent
    const gap = async () => (await p.core.call('gap:analyzeSkills', { title: 'K8s', skills: [{ name: 'Kubernetes', weight: 1, essential: true }] })).skills[0]!
    await expect(gap()).resolves.toMatchObject({ depth: 'practised', credit: 0.7 })
    await p.core.call('experience:delete', { id: short })
    const old = await at('Platform Engineer', '2012-01-01', '2016-01-01') // four years, ended ten years ago
    expect((await gap()).credit).toBe(0.7) // 0.85 for the length, less 0.15 for the age
    expect((await gap()).evidence.items[0]).toMatchObject({ kind: 'experience', source: old, stale: true, detail: 'practised at work for 4 years (named in the entry)' })
    await at('Platform Engineer', '2023-01-01', null) // current, nearly four years
    expect((await gap()).credit).toBe(0.85)
  })
})
