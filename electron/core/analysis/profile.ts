/**
 * Breadth/depth (T-shape) profile by area and by category, and cost-effectiveness per skill.
 * Pure functions over an EvidenceIndex; thresholds are in README.md.
 */
import type { EvidenceIndex, SkillEvidence } from '../evidence'
import type { BreadthDepthProfile, CostReport, GroupDepth, Shape, SkillCost } from '../../shared/analysis'
import { areaInSentence } from '../../shared/areas'
import { AREAS } from './types'

export type { BreadthDepthProfile, CostReport, GroupDepth, Shape, SkillCost }

/** An area is deep with a depth score of at least 4 and at least two skills practised or proven. */
export const DEEP_SCORE = 4
export const DEEP_APPLIED = 2

function groupBy<G extends string>(index: EvidenceIndex, groupOf: (ev: SkillEvidence) => G, groups: readonly G[]): GroupDepth<G>[] {
  const acc = new Map<G, { g: GroupDepth<G>; all: SkillEvidence[] }>()
  for (const g of groups) acc.set(g, { g: blank(g), all: [] })
  for (const ev of index.bySkill.values()) {
    if (ev.depth === 'none') continue
    const key = groupOf(ev)
    let a = acc.get(key)
    if (!a) acc.set(key, (a = { g: blank(key), all: [] }))
    a.g.skills++
    if (ev.depth === 'learned') a.g.learned++
    else if (ev.depth === 'practised') a.g.practised++
    else a.g.proven++
    a.g.depthScore += ev.credit
    a.g.hours += ev.hours
    a.all.push(ev)
  }
  // Distinct credentials and projects per group: a stamp per item instead of a Set.
  const credStamp = new Int32Array(index.credentials.length)
  const projStamp = new Int32Array(index.projects.length)
  let stamp = 0
  const out: GroupDepth<G>[] = []
  for (const { g, all } of acc.values()) {
    stamp++
    for (const ev of all) {
      for (const c of ev.credentials) {
        if (credStamp[c] !== stamp) {
          credStamp[c] = stamp
          g.credentials++
        }
      }
      for (const p of ev.projects) {
        if (projStamp[p] !== stamp) {
          projStamp[p] = stamp
          g.projects++
        }
      }
    }
    g.depthScore = Math.round(g.depthScore * 100) / 100
    g.hours = Math.round(g.hours * 10) / 10
    g.level = g.skills === 0 ? 'none' : g.depthScore >= DEEP_SCORE && g.practised + g.proven >= DEEP_APPLIED ? 'deep' : 'some'
    g.topSkills = all
      .sort((a, b) => b.credit - a.credit || b.credentials.length + b.projects.length - (a.credentials.length + a.projects.length) || a.name.localeCompare(b.name))
      .slice(0, 5)
      .map((ev) => ({ key: ev.key, name: ev.name, depth: ev.depth }))
    out.push(g)
  }
  return out.sort((a, b) => b.depthScore - a.depthScore || a.group.localeCompare(b.group))
}

function blank<G extends string>(group: G): GroupDepth<G> {
  return { group, skills: 0, learned: 0, practised: 0, proven: 0, depthScore: 0, credentials: 0, projects: 0, hours: 0, level: 'none', topSkills: [] }
}

/**
 * Shape: none (no evidence), I (one deep area, at most two areas), T (one deep area and at
 * least three), comb (two or more deep areas), generalist (no deep area, at least three),
 * emerging (no deep area, one or two). The 'general' area (transversal skills, the user's own
 * uncatalogued skills) is shown but not counted in breadth.
 */
export function breadthDepth(index: EvidenceIndex): BreadthDepthProfile {
  const areas = groupBy(index, (ev) => ev.area, AREAS)
  const categories = groupBy(index, (ev) => ev.category, ['technology', 'knowledge', 'transversal', 'other'])
  const counted = areas.filter((a) => a.group !== 'general' && a.level !== 'none')
  const deep = counted.filter((a) => a.level === 'deep').map((a) => a.group)
  const breadth = counted.length
  const shape: Shape =
    breadth === 0 ? 'none' : deep.length >= 2 ? 'comb' : deep.length === 1 ? (breadth >= 3 ? 'T' : 'I') : breadth >= 3 ? 'generalist' : 'emerging'
  const names = (list: readonly string[]) => list.join(', ')
  const summary =
    shape === 'none'
      ? 'No evidence yet: add credentials and projects to see your profile.'
      : `${shape === 'comb' ? 'Comb-shaped' : shape === 'generalist' ? 'Generalist' : shape === 'emerging' ? 'Emerging' : `${shape}-shaped`}: evidence in ${breadth} area${breadth === 1 ? '' : 's'}${deep.length ? `, deep in ${names(deep.map(areaInSentence))}` : ', none deep yet'}.`
  return { areas, categories, breadth, deepAreas: deep, shape, summary }
}

/**
 * Spend and hours per skill across the portfolio. A credential's cost and hours are split
 * evenly across its skills; planned credentials are left out; currencies stay separate.
 */
export function costEffectiveness(index: EvidenceIndex): CostReport {
  const skills: SkillCost[] = []
  for (const ev of index.bySkill.values()) {
    if (ev.spentCredentials === 0) continue
    const hours = Math.round(ev.spentHours * 10) / 10
    skills.push({
      key: ev.key,
      name: ev.name,
      area: ev.area,
      credentials: ev.spentCredentials,
      hours,
      spend: ev.spend,
      perHour: ev.spentHours > 0 ? ev.spend.map((m) => ({ currency: m.currency, amountMinor: Math.round(m.amountMinor / ev.spentHours) })) : [],
    })
  }
  const largest = (s: SkillCost) => Math.max(0, ...s.spend.map((m) => m.amountMinor))
  skills.sort((a, b) => largest(b) - largest(a) || b.hours - a.hours || a.name.localeCompare(b.name))
  const spend = new Map<string, number>()
  let hours = 0
  let credentials = 0
  for (const c of index.credentials) {
    if (c.status === 'planned') continue
    credentials++
    hours += c.hours ?? 0
    if (c.cost) spend.set(c.cost.currency, (spend.get(c.cost.currency) ?? 0) + c.cost.amountMinor)
  }
  return {
    skills,
    totals: {
      credentials,
      hours: Math.round(hours * 10) / 10,
      spend: [...spend].map(([currency, amountMinor]) => ({ currency, amountMinor })).sort((a, b) => a.currency.localeCompare(b.currency)),
    },
    unattributed: { ...index.unattributed, hours: Math.round(index.unattributed.hours * 10) / 10 },
  }
}
