/**
 * Skills taken from badge tags (issue 10): an imported badge's tags become pending skills marked
 * as tags, its alignments become skills marked as the issuer's; pending tags are not evidence
 * (gap, skill counts, the credential list) until accepted; a rejected tag is hidden and is not
 * added back when a newer copy of the same badge is imported, nor by editing the credential.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assertion } from '../helpers/badges'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'
import { mergeLink } from '../../electron/core/portfolio/credential-skills'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio({ resourcesDir: join(process.cwd(), 'resources'), verifyWorkers: false })
})
afterEach(() => p.cleanup())

/** A hosted OB 2.0 assertion (same id each time) with alignments and tags, as Badgr writes them. */
function badge(issuedOn: string, tags: string[]): Record<string, unknown> {
  const a = assertion(7, 'Team badge', { issuedOn, skills: ['Requirements Analysis', 'EQF level 5'] }) as { badge: Record<string, unknown> }
  a.badge.tags = tags
  return a
}

async function importBadge(doc: Record<string, unknown>) {
  const { batchId } = await p.core.call('import:start', { origin: 'cli', sources: [{ name: 'team.json', base64: Buffer.from(JSON.stringify(doc)).toString('base64') }] })
  await p.core.idle()
  const item = (await p.core.call('import:status', { batchId })).items[0]!
  return { item, credential: await p.core.call('credentials:get', { id: item.credentialId! }) }
}

/** Depth and credential evidence of some skills, by catalog key, in a one-off gap analysis. */
async function evidenceOf(names: string[]) {
  const gap = await p.core.call('gap:analyzeSkills', { title: 'Check', skills: names.map((name) => ({ name, weight: 1, essential: true })) })
  return new Map(gap.skills.map((s) => [s.name, { depth: s.depth, credentials: s.evidence.items.filter((i) => i.kind === 'credential').map((i) => i.source) }]))
}

const byName = <T extends { name: string }>(skills: readonly T[], name: string): T | undefined => skills.find((s) => s.name === name)

describe('skills from badge tags', () => {
  it('marks where each skill came from; tags wait for review and are not evidence until accepted', async () => {
    const { item, credential } = await importBadge(badge('2025-04-01T09:00:00Z', ['SQL', 'Python', 'awesome']))
    expect(item.outcome).toBe('imported')
    expect(item.warnings).toContain('The alignment “EQF level 5” names a level, not a skill, so it was not added as a skill.')
    expect(credential.skills.map((s) => [s.name, s.origin, s.decision])).toEqual([
      ['Requirements Analysis', 'alignment', undefined],
      ['SQL', 'tag', 'pending'],
      ['Python', 'tag', 'pending'],
      ['awesome', 'tag', 'pending'],
    ])
    expect(byName(credential.skills, 'SQL')).toMatchObject({ tag: 'SQL' })

    // Pending tags: not in the credential list's skills, not counted on the skill, not evidence.
    const listed = (await p.core.call('credentials:list', {})).items[0]!
    expect(listed.skillNames).toEqual(['Requirements Analysis'])
    const sql = (await p.core.call('skills:list', { text: 'SQL' })).items.find((s) => s.name === 'SQL')!
    expect(sql.credentialCount).toBe(0)
    expect((await p.core.call('skills:get', { id: sql.id })).credentials).toEqual([])
    let ev = await evidenceOf(['SQL', 'Python'])
    expect(ev.get('SQL')).toEqual({ depth: 'none', credentials: [] })
    expect(ev.get('Python')).toEqual({ depth: 'none', credentials: [] })

    const review = await p.core.call('tags:pending', {})
    expect(review).toMatchObject({ pending: 3, credentials: 1 })
    expect(review.groups).toEqual([
      {
        credentialId: credential.id,
        title: 'Team badge',
        issuerName: 'Skillfolio E2E Academy',
        earnedOn: '2025-04-01',
        tags: ['SQL', 'Python', 'awesome'].map((tag) => ({ skillId: byName(credential.skills, tag)!.id, skill: tag, tag, decision: 'pending' })),
      },
    ])

    // Accept SQL: it counts like any credential skill. Reject "awesome": hidden everywhere.
    await p.core.call('tags:decide', { credentialId: credential.id, skillId: byName(credential.skills, 'SQL')!.id, decision: 'accepted' })
    const after = await p.core.call('tags:decide', { credentialId: credential.id, skillId: byName(credential.skills, 'awesome')!.id, decision: 'rejected' })
    expect(after.tags.map((t) => [t.tag, t.decision])).toEqual([['SQL', 'accepted'], ['Python', 'pending'], ['awesome', 'rejected']])
    const decided = await p.core.call('credentials:get', { id: credential.id })
    expect(decided.skills.map((s) => [s.name, s.decision ?? s.origin])).toEqual([['Requirements Analysis', 'alignment'], ['SQL', 'accepted'], ['Python', 'pending']])
    expect((await p.core.call('credentials:list', {})).items[0]!.skillNames).toEqual(['Requirements Analysis', 'SQL'])
    ev = await evidenceOf(['SQL', 'Python'])
    expect(ev.get('SQL')).toEqual({ depth: 'learned', credentials: [credential.id] })
    expect(ev.get('Python')!.credentials).toEqual([])
    expect((await p.core.call('tags:pending', {})).pending).toBe(1)

    // Taking a decision back makes it pending again.
    await p.core.call('tags:decide', { credentialId: credential.id, skillId: byName(credential.skills, 'SQL')!.id, decision: 'pending' })
    expect((await evidenceOf(['SQL'])).get('SQL')!.credentials).toEqual([])
  })

  it('never adds a rejected tag back when a newer copy of the badge is imported, and keeps every decision', async () => {
    const first = await importBadge(badge('2025-04-01T09:00:00Z', ['SQL', 'Python', 'awesome']))
    const id = first.credential.id
    const skillId = (name: string) => byName(first.credential.skills, name)!.id
    await p.core.call('tags:decide', { credentialId: id, skillId: skillId('SQL'), decision: 'accepted' })
    await p.core.call('tags:decide', { credentialId: id, skillId: skillId('awesome'), decision: 'rejected' })

    // The same file again is a duplicate; a re-issued copy updates the credential.
    expect((await importBadge(badge('2025-04-01T09:00:00Z', ['SQL', 'Python', 'awesome']))).item.outcome).toBe('duplicate')
    const again = await importBadge(badge('2026-01-15T09:00:00Z', ['SQL', 'Python', 'awesome', 'Tableau']))
    expect(again.item.outcome).toBe('updated')
    expect(again.credential.id).toBe(id)
    expect(again.credential.skills.map((s) => [s.name, s.origin, s.decision])).toEqual([
      ['Requirements Analysis', 'alignment', undefined],
      ['SQL', 'tag', 'accepted'],
      ['Python', 'tag', 'pending'],
      ['Tableau', 'tag', 'pending'],
    ])
    const tags = await p.core.call('tags:pending', { credentialId: id })
    expect(tags.groups[0]!.tags.find((t) => t.tag === 'awesome')?.decision).toBe('rejected')

    // Editing the credential sends its skills back without origins: nothing changes; a rejected
    // tag the person types in is theirs (typed) and counts.
    const sent = again.credential.skills.map((s) => ({ name: s.name, level: s.level }))
    const edited = await p.core.call('credentials:update', { id, patch: { skills: sent } })
    expect(edited.skills.map((s) => [s.name, s.origin, s.decision])).toEqual(again.credential.skills.map((s) => [s.name, s.origin, s.decision]))
    const typed = await p.core.call('credentials:update', { id, patch: { skills: [...sent, { name: 'awesome' }] } })
    expect(byName(typed.skills, 'awesome')).toMatchObject({ origin: 'typed' })
    expect(byName(typed.skills, 'awesome')!.decision).toBeUndefined()
  })

  it('accepts or rejects every pending tag of one credential at once, and refuses what is not a tag', async () => {
    const { credential } = await importBadge(badge('2025-04-01T09:00:00Z', ['SQL', 'Python']))
    const other = await p.core.call('credentials:create', { title: 'Typed course', kind: 'platform', skills: [{ name: 'Excel' }] })
    expect(other.skills[0]).toMatchObject({ name: 'Excel', origin: 'typed' })

    const all = await p.core.call('tags:decide', { credentialId: credential.id, decision: 'rejected' })
    expect(all.tags.map((t) => t.decision)).toEqual(['rejected', 'rejected'])
    expect((await p.core.call('tags:pending', {})).groups).toEqual([])
    expect((await p.core.call('credentials:get', { id: credential.id })).skills.map((s) => s.name)).toEqual(['Requirements Analysis'])

    const alignment = byName(credential.skills, 'Requirements Analysis')!.id
    await expect(p.core.call('tags:decide', { credentialId: credential.id, skillId: alignment, decision: 'accepted' })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(p.core.call('tags:decide', { credentialId: 'cred-99', decision: 'accepted' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(p.core.call('tags:decide', { credentialId: credential.id, decision: 'pending' })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(p.core.call('tags:pending', { credentialId: 'skill-1' as never })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })

  it('keeps the firmer origin when two skills merge, and a tag skill is never self-reported evidence', async () => {
    const { credential } = await importBadge(badge('2025-04-01T09:00:00Z', ['Robot wrangling']))
    // A skill made only from a pending (or rejected) tag has a link: it is not "typed with nothing behind it".
    expect((await evidenceOf(['Robot wrangling'])).get('Robot wrangling')).toEqual({ depth: 'none', credentials: [] })
    await p.core.call('tags:decide', { credentialId: credential.id, decision: 'rejected' })
    expect((await evidenceOf(['Robot wrangling'])).get('Robot wrangling')).toEqual({ depth: 'none', credentials: [] })
    await p.core.call('tags:decide', { credentialId: credential.id, skillId: (await p.core.call('tags:pending', { credentialId: credential.id })).groups[0]!.tags[0]!.skillId, decision: 'pending' })

    // The person types the same skill under another name, then merges the two: the typed link wins.
    await p.core.call('credentials:update', { id: credential.id, patch: { skills: [...credential.skills.map((s) => ({ name: s.name })), { name: 'Wrangling robots', origin: 'typed' }] } })
    const skills = (await p.core.call('skills:list', {})).items
    const merged = await p.core.call('skills:merge', { sourceId: skills.find((s) => s.name === 'Robot wrangling')!.id, targetId: skills.find((s) => s.name === 'Wrangling robots')!.id })
    expect(merged.credentialCount).toBe(1)
    const after = await p.core.call('credentials:get', { id: credential.id })
    expect(byName(after.skills, 'Wrangling robots')).toMatchObject({ origin: 'typed' })
    expect(after.skills.filter((s) => s.origin === 'tag')).toEqual([])
  })
})

describe('mergeLink', () => {
  const pending = { origin: 'tag' as const, decision: 'pending' as const, tag: 'sql', decidedAt: null }
  const rejected = { ...pending, decision: 'rejected' as const, decidedAt: '2026-01-01T00:00:00Z' }
  it('a new link is typed unless the caller says otherwise; tags start pending', () => {
    expect(mergeLink(undefined, { origin: null, tag: null })).toEqual({ origin: 'typed', decision: null, tag: null, decidedAt: null })
    expect(mergeLink(undefined, { origin: 'tag', tag: 'sql' })).toEqual(pending)
  })
  it('keeps what a link has unless the mention is firmer, and keeps a rejected tag rejected', () => {
    expect(mergeLink(pending, { origin: null, tag: null })).toBe(pending)
    expect(mergeLink(pending, { origin: 'tag', tag: 'SQL' })).toBe(pending)
    expect(mergeLink(pending, { origin: 'alignment', tag: null })).toMatchObject({ origin: 'alignment', decision: null })
    expect(mergeLink({ origin: 'typed', decision: null, tag: null, decidedAt: null }, { origin: 'tag', tag: 'sql' })).toMatchObject({ origin: 'typed' })
    expect(mergeLink(rejected, { origin: 'tag', tag: 'sql' })).toBe(rejected)
    expect(mergeLink(rejected, { origin: null, tag: null })).toMatchObject({ origin: 'typed', decision: null })
  })
})
