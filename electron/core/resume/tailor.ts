/**
 * Tailoring: which credentials, projects and skills a resume shows, in which order, and why.
 *
 * With a target role, an item is scored by the role's skills it is evidence for (essential skills
 * count double, weights from the role). Which entries back which skill is not decided here: the
 * evidence engine (electron/core/evidence) says so in `TargetRole.evidence`, so the resume says an
 * item "matches" a skill exactly when the gap analysis lists that item as evidence for it.
 * Without a role the order is general: valid before expired (and in-progress last), most recent
 * first, verified first among equals.
 *
 * The user's choices always win: hidden items are left out, pinned items are kept (and come
 * first), and a custom order puts the listed ids first in that order. Every item gets a
 * `Decision` with a reason the renderer can show ("matches SQL (essential), Tableau").
 */
import type { ResumeDecision as Decision, ResumeItemKind as ItemKind } from '../../shared/resume'
import { byCodeUnit, collator, dateRange, isoDay, monthYear } from '../pdf/format'
import type {
  ResumeCredential,
  ResumeData,
  ResumeEducation,
  ResumeExperience,
  ResumeProfile,
  ResumeProject,
  ResumeSkill,
  ResumeSkillGroup,
} from './data'

/** One skill a role asks for, as the gap analysis defines it. */
export interface RoleSkill {
  /** The skill's key in the evidence engine (a catalog id, `user:skill-<id>`, or `name:<key>`). */
  key: string
  name: string
  /** 0..1, how much the role relies on it. */
  weight: number
  essential: boolean
}

export interface TargetRole {
  title: string
  skills: readonly RoleSkill[]
  /**
   * For each resume entry (cred-1, proj-2, exp-1, edu-1, skill-3): the keys of the role's skills
   * it is evidence for, from the evidence engine. An entry not listed backs none of them.
   */
  evidence: Readonly<Record<string, readonly string[]>>
}

export type ExpiredPolicy = 'mark' | 'hide'

/** What the user chose on the Resume screen; ids are the portfolio's (cred-1, proj-2, skill-3, exp-1, edu-1). */
export interface TailorChoices {
  pinned?: readonly string[]
  hidden?: readonly string[]
  /** A custom order: these ids first, in this order, within their section. */
  order?: readonly string[]
  /** Expired credentials: printed with an "Expired" marker (default) or left out. */
  expired?: ExpiredPolicy
  limits?: { credentials?: number; projects?: number; skillsPerGroup?: number }
}

export const DEFAULT_LIMITS = { credentials: 10, projects: 5, skillsPerGroup: 14 } as const

/** One item considered, in or out, with its reason: the contract's shape, shown as is by the Resume screen. */
export type { ResumeDecision as Decision, ResumeItemKind as ItemKind } from '../../shared/resume'

export interface TailoredCredential extends ResumeCredential {
  expired: boolean
  inProgress: boolean
  reason: string
  matches: string[]
}
export interface TailoredProject extends ResumeProject {
  reason: string
  matches: string[]
}
export interface TailoredSkill extends ResumeSkill {
  /** The role names it (directly or through an alias). */
  matched: boolean
  essential: boolean
  reason: string
}
export interface TailoredSkillGroup extends Omit<ResumeSkillGroup, 'skills'> {
  skills: TailoredSkill[]
}

export interface TailoredResume {
  role: TargetRole | null
  profile: ResumeProfile
  experience: ResumeExperience[]
  education: ResumeEducation[]
  credentials: TailoredCredential[]
  projects: TailoredProject[]
  skills: TailoredSkillGroup[]
  /** For the PDF's Keywords: the role's skills the resume shows (role order), else the top skills. */
  keywords: string[]
  /** Every item, in and out, with its reason; included items in print order. */
  decisions: Decision[]
}

interface Match {
  skills: RoleSkill[]
  score: number
}

/** The role's skills, most important first, and what each resume entry is evidence for. */
function createRoleMatches(role: TargetRole | null) {
  const roleSkills = (role?.skills ?? [])
    .map((rs, index) => ({ rs, index }))
    .sort((a, b) => Number(b.rs.essential) - Number(a.rs.essential) || b.rs.weight - a.rs.weight || a.index - b.index)
    .map((r) => r.rs)
  const evidence = role?.evidence ?? {}
  return {
    roleSkills,
    /** The role's skills an entry backs, most important first. */
    match(id: string): Match {
      const keys = new Set(Object.prototype.hasOwnProperty.call(evidence, id) ? evidence[id] : [])
      const matched = roleSkills.filter((rs) => keys.has(rs.key))
      return { skills: matched, score: matched.reduce((sum, rs) => sum + Math.max(rs.weight, 0.05) * (rs.essential ? 2 : 1), 0) }
    },
  }
}

const matchReason = (m: Match) =>
  `matches ${m.skills.map((s) => (s.essential ? `${s.name} (essential)` : s.name)).join(', ')}`

/** Sorts by: the user's custom order, then pins, then the given comparator. */
function userOrder<T extends { id: string }>(items: T[], choices: TailorChoices, compare: (a: T, b: T) => number): T[] {
  const orderIndex = new Map((choices.order ?? []).map((id, i) => [id, i]))
  const pinIndex = new Map((choices.pinned ?? []).map((id, i) => [id, i]))
  const at = (m: Map<string, number>, id: string) => m.get(id) ?? Number.POSITIVE_INFINITY
  return [...items].sort(
    (a, b) => at(orderIndex, a.id) - at(orderIndex, b.id) || at(pinIndex, a.id) - at(pinIndex, b.id) || compare(a, b),
  )
}

const desc = (a: string | null, b: string | null) => byCodeUnit(b ?? '', a ?? '')

export function tailorResume(data: ResumeData, role: TargetRole | null, choices: TailorChoices = {}, clock: { now: Date }): TailoredResume {
  const today = isoDay(clock.now)
  const hidden = new Set(choices.hidden ?? [])
  const pinned = new Set(choices.pinned ?? [])
  const limits = { ...DEFAULT_LIMITS, ...choices.limits }
  const hideExpired = choices.expired === 'hide'
  const m = createRoleMatches(role && role.skills.length > 0 ? role : null)
  const hasRole = m.roleSkills.length > 0
  const decisions: Decision[] = []
  const decide = (kind: ItemKind, id: string, title: string, included: boolean, reason: string, match?: Match) =>
    decisions.push({ kind, id, title, included, reason, score: match?.score ?? 0, matches: match?.skills.map((s) => s.name) ?? [] })

  // ---- experience and education: always shown unless hidden; the role only explains ----
  const dated = <T extends { id: string }>(kind: ItemKind, items: T[], title: (t: T) => string): T[] => {
    const kept = userOrder(
      items.filter((it) => {
        if (hidden.has(it.id)) decide(kind, it.id, title(it), false, 'hidden by you', m.match(it.id))
        return !hidden.has(it.id)
      }),
      choices,
      () => 0,
    )
    for (const it of kept) {
      const match = m.match(it.id)
      decide(kind, it.id, title(it), true, match.score > 0 ? `shows ${match.skills.map((s) => s.name).join(', ')}` : kind === 'experience' ? 'work history is always shown' : 'education is always shown', match)
    }
    return kept
  }
  const experience = dated('experience', data.experience, (e) => `${e.title}, ${e.organization}`)
  const education = dated('education', data.education, (e) => [e.degree, e.field, e.institution].filter(Boolean).join(', '))

  // ---- credentials ----
  type C = TailoredCredential & { score: number; match: Match }
  const credCandidates: C[] = []
  for (const c of data.credentials) {
    const match = m.match(c.id)
    const expired = c.status === 'expired' || c.trust === 'expired' || (c.expiresOn !== null && c.expiresOn < today)
    const inProgress = c.status === 'in_progress'
    const out = (reason: string) => decide('credential', c.id, c.title, false, reason, match)
    if (hidden.has(c.id)) out('hidden by you')
    else if (c.status === 'revoked') out('revoked by the issuer')
    else if (c.status === 'planned') out('planned, not earned yet')
    else if (inProgress && !pinned.has(c.id)) out('in progress (pin it to show it as in progress)')
    else if (expired && hideExpired && !pinned.has(c.id)) out(`expired ${monthYear(c.expiresOn) ?? ''}`.trim() + '; expired credentials are hidden')
    else if (hasRole && match.score === 0 && !pinned.has(c.id)) out(`shows none of the skills ${role!.title} asks for`)
    else {
      const general = [c.trust === 'verified' ? 'verified' : null, c.earnedOn ? `earned ${monthYear(c.earnedOn)}` : null].filter(Boolean).join(', ')
      const reason = pinned.has(c.id) ? (match.score > 0 ? `pinned by you; ${matchReason(match)}` : 'pinned by you') : hasRole ? matchReason(match) : general || 'in your portfolio'
      credCandidates.push({ ...c, expired, inProgress, reason, matches: match.skills.map((s) => s.name), score: expired ? match.score / 2 : match.score, match })
    }
  }
  const credOrder = userOrder(credCandidates, choices, (a, b) =>
    hasRole
      ? b.score - a.score || Number(a.expired) - Number(b.expired) || desc(a.earnedOn, b.earnedOn)
      : Number(a.expired) - Number(b.expired) ||
        Number(a.inProgress) - Number(b.inProgress) ||
        desc(a.earnedOn, b.earnedOn) ||
        Number(b.trust === 'verified') - Number(a.trust === 'verified') ||
        collator.compare(a.title, b.title),
  )
  const credentials: TailoredCredential[] = []
  for (const c of credOrder) {
    const { score: _s, match, ...cred } = c
    if (credentials.length >= limits.credentials && !pinned.has(c.id)) {
      decide('credential', c.id, c.title, false, `beyond the ${limits.credentials} ${hasRole ? 'most relevant' : 'first'} credentials`, match)
      continue
    }
    credentials.push(cred)
    decide('credential', c.id, c.title, true, c.expired ? `${c.reason}; marked as expired` : c.reason, match)
  }

  // ---- projects ----
  type P = TailoredProject & { score: number; match: Match }
  const projCandidates: P[] = []
  for (const p of data.projects) {
    const match = m.match(p.id)
    if (hidden.has(p.id)) decide('project', p.id, p.title, false, 'hidden by you', match)
    else if (hasRole && match.score === 0 && !pinned.has(p.id)) decide('project', p.id, p.title, false, `applies none of the skills ${role!.title} asks for`, match)
    else {
      const when = dateRange(p.startedOn, p.endedOn)
      const reason = pinned.has(p.id) ? (match.score > 0 ? `pinned by you; ${matchReason(match)}` : 'pinned by you') : hasRole ? matchReason(match) : when ? `recent work (${when})` : 'in your portfolio'
      projCandidates.push({ ...p, reason, matches: match.skills.map((s) => s.name), score: match.score, match })
    }
  }
  const recency = (p: ResumeProject) => (p.endedOn ?? (p.startedOn ? '9999' : '')) + (p.startedOn ?? '')
  const projOrder = userOrder(projCandidates, choices, (a, b) => (hasRole ? b.score - a.score : 0) || byCodeUnit(recency(b), recency(a)) || collator.compare(a.title, b.title))
  const projects: TailoredProject[] = []
  for (const p of projOrder) {
    const { score: _s, match, ...proj } = p
    if (projects.length >= limits.projects && !pinned.has(p.id)) {
      decide('project', p.id, p.title, false, `beyond the ${limits.projects} ${hasRole ? 'most relevant' : 'most recent'} projects`, match)
      continue
    }
    projects.push(proj)
    decide('project', p.id, p.title, true, p.reason, match)
  }

  // ---- skills ----
  const skills: TailoredSkillGroup[] = []
  for (const group of data.skills) {
    const rows: TailoredSkill[] = []
    for (const s of group.skills) {
      const rs = m.match(s.id).skills[0] ?? null
      if (hidden.has(s.id)) {
        decide('skill', s.id, s.name, false, 'hidden by you', m.match(s.id))
        continue
      }
      const evidence = s.evidence === 1 ? '1 credential or project shows it' : `${s.evidence} credentials and projects show it`
      const reason = rs ? `${role!.title} asks for ${rs.name}${rs.essential ? ' (essential)' : ''}` : hasRole ? `not named by the role; ${evidence}` : evidence
      rows.push({ ...s, matched: rs !== null, essential: rs?.essential ?? false, reason })
    }
    const weightOf = (s: TailoredSkill) => m.match(s.id).score
    const ordered = userOrder(rows, choices, (a, b) => weightOf(b) - weightOf(a) || b.evidence - a.evidence || collator.compare(a.name, b.name))
    const kept: TailoredSkill[] = []
    for (const s of ordered) {
      if (kept.length >= limits.skillsPerGroup && !pinned.has(s.id)) {
        decide('skill', s.id, s.name, false, `beyond the first ${limits.skillsPerGroup} ${group.label.toLowerCase()} skills`, m.match(s.id))
        continue
      }
      kept.push(s)
      decide('skill', s.id, s.name, true, pinned.has(s.id) ? `pinned by you; ${s.reason}` : s.reason, m.match(s.id))
    }
    if (kept.length) skills.push({ category: group.category, label: group.label, skills: kept })
  }

  const shownSkills = skills.flatMap((g) => g.skills)
  const keywords = hasRole
    ? m.roleSkills.filter((rs) => [...shownSkills, ...credentials, ...projects].some((it) => m.match(it.id).skills.includes(rs))).map((rs) => rs.name)
    : [...shownSkills].sort((a, b) => b.evidence - a.evidence || collator.compare(a.name, b.name)).slice(0, 12).map((s) => s.name)

  // Included decisions in print order, then the excluded ones.
  const printOrder = new Map<string, number>()
  ;[...experience, ...education, ...credentials, ...projects, ...shownSkills].forEach((it, i) => printOrder.set(it.id, i))
  decisions.sort((a, b) => Number(b.included) - Number(a.included) || (printOrder.get(a.id) ?? 0) - (printOrder.get(b.id) ?? 0))

  return {
    role: role ?? null,
    profile: data.profile,
    experience,
    education,
    credentials,
    projects,
    skills,
    keywords: keywords.length ? keywords : shownSkills.slice(0, 12).map((s) => s.name),
    decisions,
  }
}
