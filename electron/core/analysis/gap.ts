/**
 * Gap analysis of one role against the evidence index, and the ranking of every role by fit.
 * Pure functions over an EvidenceIndex; the formulas are in README.md.
 */
import { DEPTH_CREDIT, noEvidence, topEvidence, type EvidenceIndex, type SkillEvidence } from './evidence'
import type { Area, CatalogCategory, CatalogData, CatalogRole, Depth, RoleRef } from './types'

export interface RoleSkillDef {
  /** Canonical skill key: catalog id or `user:skill-<id>`, or `name:<folded name>` when nothing matches. */
  key: string
  name: string
  weight: number
  essential: boolean
  area: Area
  category: CatalogCategory | 'other'
}

export type RoleSource = 'catalog' | 'custom' | 'posting' | 'catalog-copy'

export interface RoleDefinition {
  ref: RoleRef
  title: string
  area: Area
  source: RoleSource
  skills: readonly RoleSkillDef[]
}

export interface SkillGap {
  key: string
  name: string
  area: Area
  category: CatalogCategory | 'other'
  weight: number
  essential: boolean
  depth: Depth
  /** Share of the weight this skill earns: none 0, learned 0.6, applied 0.85, proven 1. */
  credit: number
  evidence: {
    verified: number
    unverified: number
    expired: number
    selfReported: number
    inProgress: number
    projects: number
    hours: number
    lastEvidenceOn: string | null
    /** Last evidence more than five years ago. */
    stale: boolean
    credentials: { id: string; title: string; trust: string; earnedOn: string | null }[]
    projectList: { id: string; title: string; date: string | null }[]
  }
  /** "SQL: covered by 2 verified credentials and 1 project". */
  explanation: string
}

export interface GapAnalysis {
  role: { ref: RoleRef; title: string; area: Area; source: RoleSource }
  /** Weighted coverage, 0–100, one decimal. */
  coveragePercent: number
  /** Weighted coverage over the essential skills only (equals coverage when none are essential). */
  essentialCoveragePercent: number
  /** What ranking sorts by: 0.7 × coverage + 0.3 × essential coverage. */
  fitPercent: number
  /** Missing essentials first, then missing optional skills, then learned, applied, proven; heavier first. */
  skills: SkillGap[]
  missingEssentials: string[]
  missing: string[]
  /** Skills of this role learned (credential) but never applied in a project. */
  learnedNotApplied: string[]
  counts: Record<Depth, number>
  summary: string
}

export interface RoleFit {
  ref: RoleRef
  title: string
  area: Area
  source: RoleSource
  coveragePercent: number
  essentialCoveragePercent: number
  fitPercent: number
  skills: number
  covered: number
  essentials: number
  missingEssentials: number
}

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

/** Five years before `today` (YYYY-MM-DD). */
const staleBefore = (today: string) => `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`

/** The sentence a person reads for one skill. */
export function explain(name: string, essential: boolean, ev: Pick<SkillEvidence, 'verified' | 'unverified' | 'expired' | 'selfReported' | 'inProgress' | 'projects' | 'depth'>): string {
  const creds: string[] = []
  if (ev.verified) creds.push(`${plural(ev.verified, 'verified credential')}`)
  if (ev.unverified) creds.push(`${plural(ev.unverified, 'unverified credential')}`)
  if (ev.expired) creds.push(`${plural(ev.expired, 'expired credential')}`)
  if (ev.selfReported) creds.push(`${plural(ev.selfReported, 'self-reported credential')}`)
  const projects = ev.projects.length
  const list = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`)
  let text: string
  switch (ev.depth) {
    case 'none':
      text = `no evidence yet${essential ? ' (essential)' : ''}`
      if (ev.inProgress) text += `; ${plural(ev.inProgress, 'credential')} in progress`
      break
    case 'learned':
      text = `learned through ${list(creds)}, never applied in a project`
      break
    case 'applied':
      text = creds.length ? `applied in ${plural(projects, 'project')}; ${list(creds)}, none verified` : `applied in ${plural(projects, 'project')}, no credential yet`
      break
    case 'proven':
      text = `covered by ${list([...creds, plural(projects, 'project')])}`
      break
  }
  return `${name}: ${text}`
}

function skillGap(index: EvidenceIndex, def: RoleSkillDef, cutoff: string): SkillGap {
  const found = index.bySkill.get(def.key)
  const ev = found ?? noEvidence(def.key, def.name, def.area, def.category, false)
  const top = found ? topEvidence(index, found) : { credentials: [], projects: [] }
  return {
    key: def.key,
    name: def.name,
    area: def.area,
    category: def.category,
    weight: def.weight,
    essential: def.essential,
    depth: ev.depth,
    credit: DEPTH_CREDIT[ev.depth],
    evidence: {
      verified: ev.verified,
      unverified: ev.unverified,
      expired: ev.expired,
      selfReported: ev.selfReported,
      inProgress: ev.inProgress,
      projects: ev.projects.length,
      hours: Math.round(ev.hours * 10) / 10,
      lastEvidenceOn: ev.lastEvidenceOn,
      stale: ev.depth !== 'none' && ev.lastEvidenceOn !== null && ev.lastEvidenceOn < cutoff,
      credentials: top.credentials,
      projectList: top.projects,
    },
    explanation: explain(def.name, def.essential, ev),
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
    const depth = index.bySkill.get(s.key)?.depth ?? 'none'
    const credit = DEPTH_CREDIT[depth]
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

const GROUP: Record<Depth, number> = { none: 1, learned: 2, applied: 3, proven: 4 }

/** Gap analysis of one role. */
export function analyseGap(index: EvidenceIndex, role: RoleDefinition): GapAnalysis {
  const cutoff = staleBefore(index.today)
  const skills = role.skills.map((s) => skillGap(index, s, cutoff))
  const group = (g: SkillGap) => (g.depth === 'none' && g.essential ? 0 : GROUP[g.depth])
  skills.sort((a, b) => group(a) - group(b) || b.weight - a.weight || a.name.localeCompare(b.name))
  const s = score(index, role.skills)
  const counts: Record<Depth, number> = { none: 0, learned: 0, applied: 0, proven: 0 }
  for (const g of skills) counts[g.depth]++
  const missingEssentials = skills.filter((g) => g.depth === 'none' && g.essential)
  const missing = skills.filter((g) => g.depth === 'none')
  const learnedNotApplied = skills.filter((g) => g.depth === 'learned')
  const essentialsCovered = s.essentials - s.missingEssentials
  let summary = `${role.title}: ${s.coverage}% covered; ${essentialsCovered} of ${plural(s.essentials, 'essential skill')} with evidence`
  if (missingEssentials.length) summary += `; missing ${missingEssentials.slice(0, 3).map((g) => g.name).join(', ')}${missingEssentials.length > 3 ? ` and ${missingEssentials.length - 3} more` : ''}`
  if (learnedNotApplied.length) summary += `; ${plural(learnedNotApplied.length, 'skill')} learned but never applied`
  return {
    role: { ref: role.ref, title: role.title, area: role.area, source: role.source },
    coveragePercent: s.coverage,
    essentialCoveragePercent: s.essential,
    fitPercent: s.fit,
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

/** Skills with a credential but no project, across the whole portfolio, most hours first. */
export function learnedButNotApplied(index: EvidenceIndex): { key: string; name: string; area: Area; credentials: number; hours: number; explanation: string }[] {
  const out = []
  for (const ev of index.bySkill.values()) {
    if (ev.depth !== 'learned') continue
    out.push({ key: ev.key, name: ev.name, area: ev.area, credentials: ev.credentials.length, hours: Math.round(ev.hours * 10) / 10, explanation: explain(ev.name, false, ev) })
  }
  return out.sort((a, b) => b.hours - a.hours || b.credentials - a.credentials || a.name.localeCompare(b.name))
}
