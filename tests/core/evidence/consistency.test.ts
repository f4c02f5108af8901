/**
 * One truthful reading: what the tailored resume says an entry "matches" and what the gap
 * analysis lists as evidence come from the same engine, for the sample portfolio, for seeded
 * generated portfolios and for every catalog role; a posting analysed as a role gives the
 * evidence the role's own gap gives.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { buildEvidenceIndex, entriesOf, evidenceItems } from '../../../electron/core/evidence'
import { loadCatalog } from '../../../electron/core/taxonomy'
import type { Core } from '../../../electron/core/app'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { setTrust } from '../analysis/helpers'

const NOW = new Date('2026-11-28T12:00:00Z')
const catalog = loadCatalog(join(process.cwd(), 'resources'))
let p: TempPortfolio | null = null
afterEach(() => {
  p?.cleanup()
  p = null
})

/** Small seeded PRNG (mulberry32), so a failing portfolio can be rebuilt from its seed. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! }
}

const day = (r: ReturnType<typeof prng>, fromYear: number) => `${fromYear + r.int(6)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`

/** A random but plausible portfolio: catalog skill names and aliases, own skill names, role titles as job titles. */
async function generate(core: Core, seed: number): Promise<void> {
  const r = prng(seed)
  const names = [...catalog.skills.flatMap((s) => [s.name, ...s.aliases.slice(0, 1)]), 'Spreadsheet wizardry', 'Team rituals', 'Obscure tool X']
  const skillsOf = (n: number) => [...new Set(Array.from({ length: n }, () => r.pick(names)))].map((name) => ({ name }))
  const titles = catalog.roles.flatMap((x) => [x.title, ...x.alternateTitles.slice(0, 1)])
  const creds: string[] = []
  for (let i = 0; i < 14; i++) {
    const status = r.pick(['earned', 'earned', 'earned', 'expired', 'in_progress', 'planned'] as const)
    const c = await core.call('credentials:create', { title: `${r.pick(names)} certificate ${i}`, kind: r.pick(['platform', 'badge', 'certification'] as const), status, earnedOn: status === 'planned' ? null : day(r, 2018), skills: skillsOf(1 + r.int(4)) })
    const trust = r.pick(['verified', 'unverified', 'expired', 'problem', null] as const)
    if (trust) setTrust(core, c.id, trust)
    creds.push(c.id)
  }
  for (let i = 0; i < 6; i++) {
    const a = r.pick(names)
    const b = r.pick(names)
    await core.call('projects:create', { title: `${a} project ${i}`, summary: `Built with ${b} and some care.`, startedOn: day(r, 2019), skills: skillsOf(r.int(4)), credentialIds: r.next() < 0.5 ? [r.pick(creds)] : [] })
  }
  for (let i = 0; i < 4; i++) {
    const start = day(r, 2015)
    await core.call('experience:create', { organization: `Org ${i}`, title: r.next() < 0.7 ? `${r.pick(['', 'Senior ', 'Junior '])}${r.pick(titles)}` : 'Barista', startedOn: start, endedOn: r.next() < 0.5 ? null : day(r, 2021), description: `Used ${r.pick(names)} and ${r.pick(names)} every week.` })
  }
  await core.call('education:create', { institution: 'Uni', degree: 'MSc', field: r.pick(names), startedOn: '2014-09-01', endedOn: '2015-09-01', description: null })
  for (let i = 0; i < 3; i++) await core.call('skills:create', { name: `${r.pick(names)} ${i === 0 ? '' : `typed ${i}`}`.trim(), category: 'technology', aliases: [] }).catch(() => undefined)
}

/** Checks both directions for one role; returns how many links were compared. */
async function checkRole(core: Core, ref: string): Promise<number> {
  const index = buildEvidenceIndex(core.db, catalog, NOW)
  const gap = await core.call('gap:analyze', { ref })
  const preview = await core.call('resume:preview', { roleRef: ref })
  const decisions = new Map(preview.decisions.map((d) => [d.id, d]))
  let compared = 0
  for (const s of gap.skills) {
    const ev = index.bySkill.get(s.key)
    const entries = ev ? entriesOf(index, ev) : new Set<string>()
    // Every entry the resume says matches this skill is evidence for it in the gap.
    for (const d of preview.decisions) {
      if (!d.matches.includes(s.name)) continue
      expect(entries, `${ref}: resume says ${d.id} matches ${s.name}, the gap does not list it`).toContain(d.id)
      compared++
    }
    if (!ev) continue
    // Every direct evidence item the gap shows is an entry the resume can show, matched to this skill.
    const all = evidenceItems(index, ev)
    expect(new Set(all.map((i) => i.source)).size, `${ref}: ${s.name} lists an entry twice`).toBe(all.length)
    for (const item of all) {
      if (item.kind === 'related') continue
      const d = decisions.get(item.source)
      expect(d, `${ref}: ${s.name} has evidence ${item.source} the resume does not consider`).toBeDefined()
      expect(d!.matches, `${ref}: resume does not say ${item.source} matches ${s.name}`).toContain(s.name)
      compared++
    }
    // The gap's shown items are the engine's strongest items, in order.
    expect(s.evidence.items.map((i) => i.source)).toEqual(evidenceItems(index, ev, s.evidence.items.length).map((i) => i.source))
  }
  return compared
}

describe('one evidence engine behind gap and resume', () => {
  it('the sample portfolio: for every catalog role, resume matches and gap evidence agree', { timeout: 120_000 }, async () => {
    p = tempPortfolio({ resourcesDir: join(process.cwd(), 'resources') })
    await p.core.call('app:loadDemo', {})
    let compared = 0
    for (const role of catalog.roles) compared += await checkRole(p.core, `catalog:${role.id}`)
    expect(compared).toBeGreaterThan(500) // the property was exercised, not vacuously true
  })

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`a generated portfolio (seed ${seed}): resume matches and gap evidence agree`, { timeout: 120_000 }, async () => {
      p = tempPortfolio({ resourcesDir: join(process.cwd(), 'resources') })
      await generate(p.core, seed)
      const r = prng(seed * 7919)
      let compared = 0
      for (let i = 0; i < 12; i++) compared += await checkRole(p.core, `catalog:${r.pick(catalog.roles).id}`)
      expect(compared).toBeGreaterThan(20)
    })
  }

  it('a posting analysed as a role gives the same evidence as the role itself', { timeout: 60_000 }, async () => {
    p = tempPortfolio({ resourcesDir: join(process.cwd(), 'resources') })
    await p.core.call('app:loadDemo', {})
    for (const role of catalog.roles.slice(0, 40)) {
      const gap = await p.core.call('gap:analyze', { ref: `catalog:${role.id}` })
      const posting = await p.core.call('gap:analyzeSkills', { title: role.title, skills: gap.skills.map((s) => ({ name: s.name, weight: s.weight, essential: s.essential })) })
      expect(posting.fitPercent).toBe(gap.fitPercent)
      expect(posting.skills.map((s) => [s.key, s.depth, s.evidence.items.map((i) => `${i.kind}:${i.source}`)])).toEqual(gap.skills.map((s) => [s.key, s.depth, s.evidence.items.map((i) => `${i.kind}:${i.source}`)]))
    }
  })
})
