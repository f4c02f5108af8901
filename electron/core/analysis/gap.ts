/**
 * Gap analysis of one role against the evidence index, and the ranking of every role by fit.
 * Pure functions over an EvidenceIndex; the formulas are in README.md.
 */
import { FIT_EXPLANATION } from '../../shared/evidence'
import type { GapAnalysis, RoleFit, RoleSource, SkillGap } from '../../shared/analysis'
import { evidenceItems, noEvidence, staleBefore, workTitle, type EvidenceIndex, type SkillEvidence } from '../evidence'
import type { Area, CatalogCategory, CatalogData, CatalogRole, Depth, RoleRef } from './types'

/** How many evidence items a gap shows per skill (the counts cover all of them). */
export const ITEMS_SHOWN = 12

export interface RoleSkillDef {
  /** Canonical skill key: catalog id or `user:skill-<id>`, or `name:<folded name>` when nothing matches. */
  key: string
  name: string
  weight: number
  essential: boolean
  area: Area
  category: CatalogCategory | 'other'
}

export type { RoleSource }

export interface RoleDefinition {
  ref: RoleRef
  title: string
  area: Area
  source: RoleSource
  skills: readonly RoleSkillDef[]
}

export type { GapAnalysis, RoleFit, SkillGap }

const round1 = (n: number) => Math.round(n * 10) / 10
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Builds the definition of a catalog role. */
export function catalogRoleDefinition(catalog: CatalogData, role: CatalogRole, skillById?: ReadonlyMap<string, CatalogData['skills'][number]>): RoleDefinition {
  const byId = skillById ?? new Map(catalog.skills.map((s) => [s.id, s]))
  return {
    ref: `catalog:${role.id}`,
    title: role.title,
    area: role.area,
    source: 'catalog',
    skills: role.skills.map((rs) => {
      const s = byId.get(rs.skill)
      return {
        key: rs.skill,
        name: s?.name ?? rs.skill,
        weight: rs.weight,
        essential: rs.essential,
        area: s?.area ?? role.area,
        category: s?.category ?? 'other',
      }
    }),
  }
}

const list = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`)

/** "1 verified credential", "2 self-reported credentials" … */
function credentialParts(ev: SkillEvidence): string[] {
  const parts: string[] = []
  if (ev.verified) parts.push(plural(ev.verified, 'verified credential'))
  if (ev.unverified) parts.push(plural(ev.unverified, 'unverified credential'))
  if (ev.expired) parts.push(plural(ev.expired, 'expired credential'))
  if (ev.selfReported) parts.push(plural(ev.selfReported, 'self-reported credential'))
  return parts
}

/** Where a skill's evidence comes from, in words: "1 verified credential, 2 projects and work at Brightwave Retail". */
function sources(index: EvidenceIndex | null, ev: SkillEvidence, practiceOnly: boolean): string[] {
  const parts: string[] = practiceOnly ? [] : credentialParts(ev)
  if (ev.projects.length) parts.push(plural(ev.projects.length, 'project'))
  const direct = ev.work.filter((w) => w.how !== 'inferred' || w.decision === 'confirmed')
  const inferred = ev.work.filter((w) => w.how === 'inferred' && w.decision !== 'confirmed')
  const entries = (ws: typeof ev.work) => (index ? ws.map((w) => index.work[w.work]!.organization).filter((o, i, a) => a.indexOf(o) === i) : [])
  if (direct.length) {
    const orgs = entries(direct)
    parts.push(orgs.length ? `work at ${list(orgs.slice(0, 2))}${orgs.length > 2 ? ` and ${orgs.length - 2} more` : ''}` : plural(direct.length, 'work entry'))
  }
  if (inferred.length) {
    const first = index ? index.work[inferred[0]!.work] : null
    parts.push(first ? `your work as ${workTitle(first)} (inferred)` : 'your work (inferred)')
  }
  if (!practiceOnly) {
    if (ev.education.length) parts.push(ev.education.length === 1 ? 'your education' : `${ev.education.length} education entries`)
    if (ev.typed.length && !parts.length) parts.push('your own word (self-reported)')
  }
  return parts
}

/** The sentence a person reads for one skill. */
export function explain(name: string, essential: boolean, ev: SkillEvidence, index: EvidenceIndex | null = null): string {
  let text: string
  const via = ev.related.length ? ` via ${list(ev.related.slice(0, 2).map((r) => r.name))} (partial credit)` : ''
  const own = sources(index, ev, false)
  switch (ev.depth) {
    case 'none':
      text = `no evidence yet${essential ? ' (essential)' : ''}`
      if (ev.inProgress) text += `; ${plural(ev.inProgress, 'credential')} in progress`
      break
    case 'learned':
      text = own.length ? `learned through ${list(own)}, never practised at work or in a project` : `learned${via}`
      if (own.length && via) text += `; also${via}`
      break
    case 'practised':
      if (own.length === 0) text = `practised${via}`
      else {
        const practice = sources(index, ev, true)
        const creds = credentialParts(ev)
        text = practice.length ? `practised in ${list(practice)}` : `practised${via}`
        if (creds.length) text += `; ${list(creds)}, none verified`
        else if (practice.length) text += ', no credential yet'
      }
      break
    case 'proven':
      text = `proven by ${list(own)}`
      break
  }
  return `${name}: ${text}`
}

function skillGap(index: EvidenceIndex, def: RoleSkillDef, cutoff: string): SkillGap {
  const found = index.bySkill.get(def.key)
  const ev = found ?? noEvidence(def.key, def.name, def.area, def.category, false)
  const all = found ? evidenceItems(index, found) : []
  const items = all.slice(0, ITEMS_SHOWN)
  return {
    key: def.key,
    name: def.name,
    area: def.area,
    category: def.category,
    weight: def.weight,
    essential: def.essential,
    group: def.category === 'transversal' ? 'transversal' : 'core',
    depth: ev.depth,
    credit: Math.round(ev.credit * 100) / 100,
    evidence: {
      verified: ev.verified,
      unverified: ev.unverified,
      expired: ev.expired,
      selfReported: ev.selfReported,
      inProgress: ev.inProgress,
      projects: ev.projects.length,
      experience: ev.work.length,
      education: ev.education.length,
      hours: Math.round(ev.hours * 10) / 10,
      lastEvidenceOn: ev.lastEvidenceOn,
      stale: ev.depth !== 'none' && ev.lastEvidenceOn !== null && ev.lastEvidenceOn < cutoff,
      credentials: all.filter((i) => i.kind === 'credential').slice(0, 5).map((i) => ({ id: i.source, title: i.title, trust: i.trust ?? 'unverified', earnedOn: i.date })),
      projectList: all.filter((i) => i.kind === 'project').slice(0, 5).map((i) => ({ id: i.source, title: i.title, date: i.date })),
      items,
      moreItems: all.length - items.length,
    },
    explanation: explain(def.name, def.essential, ev, index),
  }
}

interface Scores {
  coverage: number
  essential: number
  fit: number
  covered: number
  essentials: number
  missingEssentials: number
}

function score(index: EvidenceIndex, skills: readonly RoleSkillDef[]): Scores {
  let total = 0
  let got = 0
  let eTotal = 0
  let eGot = 0
  let covered = 0
  let essentials = 0
  let missingEssentials = 0
  for (const s of skills) {
    const credit = index.bySkill.get(s.key)?.credit ?? 0
    total += s.weight
    got += s.weight * credit
    if (credit > 0) covered++
    if (s.essential) {
      essentials++
      eTotal += s.weight
      eGot += s.weight * credit
      if (credit === 0) missingEssentials++
    }
  }
  const coverage = total > 0 ? (100 * got) / total : 0
  const essential = eTotal > 0 ? (100 * eGot) / eTotal : coverage
  return { coverage: round1(coverage), essential: round1(essential), fit: round1(0.7 * coverage + 0.3 * essential), covered, essentials, missingEssentials }
}

const GROUP: Record<Depth, number> = { none: 1, learned: 2, practised: 3, proven: 4 }

/** Gap analysis of one role. */
export function analyseGap(index: EvidenceIndex, role: RoleDefinition): GapAnalysis {
  const cutoff = staleBefore(index.today)
  const skills = role.skills.map((s) => skillGap(index, s, cutoff))
  const group = (g: SkillGap) => (g.depth === 'none' && g.essential ? 0 : GROUP[g.depth])
  skills.sort((a, b) => group(a) - group(b) || b.weight - a.weight || a.name.localeCompare(b.name))
  const s = score(index, role.skills)
  const counts: Record<Depth, number> = { none: 0, learned: 0, practised: 0, proven: 0 }
  for (const g of skills) counts[g.depth]++
  const missingEssentials = skills.filter((g) => g.depth === 'none' && g.essential)
  const missing = skills.filter((g) => g.depth === 'none')
  const learnedNotApplied = skills.filter((g) => g.depth === 'learned')
  const essentialsCovered = s.essentials - s.missingEssentials
  let summary = `${role.title}: ${s.coverage}% covered; ${essentialsCovered} of ${plural(s.essentials, 'essential skill')} with evidence`
  if (missingEssentials.length) summary += `; missing ${missingEssentials.slice(0, 3).map((g) => g.name).join(', ')}${missingEssentials.length > 3 ? ` and ${missingEssentials.length - 3} more` : ''}`
  if (learnedNotApplied.length) summary += `; ${plural(learnedNotApplied.length, 'skill')} learned but never practised`
  const transversal = skills.filter((g) => g.group === 'transversal')
  return {
    role: { ref: role.ref, title: role.title, area: role.area, source: role.source },
    coveragePercent: s.coverage,
    essentialCoveragePercent: s.essential,
    fitPercent: s.fit,
    fitExplanation: FIT_EXPLANATION,
    transversal: { total: transversal.length, covered: transversal.filter((g) => g.depth !== 'none').length },
    skills,
    missingEssentials: missingEssentials.map((g) => g.key),
    missing: missing.map((g) => g.key),
    learnedNotApplied: learnedNotApplied.map((g) => g.key),
    counts,
    summary,
  }
}

/** Every role by fit, best first (ties: coverage, then fewer missing essentials, then title). */
export function rankRoles(index: EvidenceIndex, roles: readonly RoleDefinition[]): RoleFit[] {
  const out: RoleFit[] = roles.map((role) => {
    const s = score(index, role.skills)
    return {
      ref: role.ref,
      title: role.title,
      area: role.area,
      source: role.source,
      coveragePercent: s.coverage,
      essentialCoveragePercent: s.essential,
      fitPercent: s.fit,
      skills: role.skills.length,
      covered: s.covered,
      essentials: s.essentials,
      missingEssentials: s.missingEssentials,
    }
  })
  return out.sort(
    (a, b) => b.fitPercent - a.fitPercent || b.coveragePercent - a.coveragePercent || a.missingEssentials - b.missingEssentials || a.title.localeCompare(b.title),
  )
}

/** Skills learned (credential, education) but never practised, across the whole portfolio, most hours first. */
export function learnedButNotApplied(index: EvidenceIndex): { key: string; name: string; area: Area; credentials: number; hours: number; explanation: string }[] {
  const out = []
  for (const ev of index.bySkill.values()) {
    if (ev.depth !== 'learned') continue
    if (ev.credentials.length === 0 && ev.education.length === 0) continue
    out.push({ key: ev.key, name: ev.name, area: ev.area, credentials: ev.credentials.length, hours: Math.round(ev.hours * 10) / 10, explanation: explain(ev.name, false, ev, index) })
  }
  return out.sort((a, b) => b.hours - a.hours || b.credentials - a.credentials || a.name.localeCompare(b.name))
}
