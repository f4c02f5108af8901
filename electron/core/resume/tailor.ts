/**
 * Tailoring: which credentials, projects and skills a resume shows, in which order, and why.
 *
 * With a target role, an item is in when it is evidence for one of the role's skills (essential
 * skills count double, weights from the role). Which entries back which skill is not decided here:
 * the evidence engine (electron/core/evidence) says so in `TargetRole.evidence`, so the resume says
 * an item "matches" a skill exactly when the gap analysis lists that item as evidence for it.
 * Without a role every earned credential and every project is a candidate. How many fit is the
 * length's business (length.ts), which leaves out the least relevant (or, without a role, the
 * oldest and least backed) first; there is no fixed cut here.
 *
 * Relevance decides inclusion, never order: every dated section prints newest first. A
 * credential is listed once: a renewed credential's expired copy gives way to the current one,
 * and an academic credential that is also an education entry (a PGCert) is shown under Education.
 *
 * The user's choices always win: hidden items are left out, pinned items are kept (and come
 * first), and a custom order puts the listed ids first in that order. Every item gets a
 * `Decision` with a reason the renderer can show ("matches SQL (essential), Tableau").
 */
import { SECTION_KEYS, type ResumeDecision as Decision, type ExpiredPolicy, type ResumeItemKind as ItemKind, type SectionKey } from '../../shared/resume'
import { byCodeUnit, collator, isoDay, monthYear } from '../pdf/format'
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
import { SECTION_TITLES } from './document'

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

/** What the user chose on the Resume screen; ids are the portfolio's (cred-1, proj-2, skill-3, exp-1, edu-1). */
export interface TailorChoices {
  pinned?: readonly string[]
  hidden?: readonly string[]
  /** A custom order: these ids first, in this order, within their section. */
  order?: readonly string[]
  /** Expired credentials: printed with an "Expired" marker (default, also 'highlight') or left out. */
  expired?: ExpiredPolicy
  /** The sections that will print; a credential is folded into Education only when Education prints. */
  sections?: readonly SectionKey[]
}

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

/** Newest first; an ongoing entry (started, not ended) counts as today and so comes first. */
const ONGOING = '9999'
const newestFirst = (a: { end: string; start: string }, b: { end: string; start: string }) => byCodeUnit(b.end, a.end) || byCodeUnit(b.start, a.start)
const span = (e: { startedOn: string | null; endedOn: string | null }) => ({ end: e.endedOn ?? (e.startedOn ? ONGOING : ''), start: e.startedOn ?? '' })

/** Words of a name for comparing titles and institutions: "Birkbeck, University of London" → "birkbeck university of london". */
const words = (s: string | null | undefined): string[] =>
  (s ?? '')
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
const wordsKey = (s: string | null | undefined) => words(s).join(' ')
const containsWords = (haystack: string, needle: string) => needle.length > 0 && ` ${haystack} `.includes(` ${needle} `)

/** Degree abbreviations as credential titles spell them out ("PGCert" → "postgraduate certificate"). */
const DEGREE_WORDS: Readonly<Record<string, string>> = {
  pgcert: 'postgraduate certificate',
  pgc: 'postgraduate certificate',
  pgdip: 'postgraduate diploma',
  pgd: 'postgraduate diploma',
  msc: 'master of science',
  ma: 'master of arts',
  mba: 'master of business administration',
  mres: 'master of research',
  meng: 'master of engineering',
  bsc: 'bachelor of science',
  ba: 'bachelor of arts',
  beng: 'bachelor of engineering',
  phd: 'doctor of philosophy',
  dphil: 'doctor of philosophy',
  hnd: 'higher national diploma',
  hnc: 'higher national certificate',
}

/**
 * The education entry a credential repeats, if any: awarded by the same institution, and named
 * like it (its field or its degree in the title) or, for an academic credential, finished the same
 * month. "Postgraduate Certificate in Applied Statistics" from Birkbeck is the PGCert in Applied
 * Statistics at Birkbeck; a Coursera course from the same university is not its degree.
 */
function educationOf(c: ResumeCredential, education: readonly ResumeEducation[]): ResumeEducation | null {
  const awardedBy = [wordsKey(c.issuer), wordsKey(c.provider)].filter(Boolean)
  const title = wordsKey(c.title)
  for (const e of education) {
    if (!awardedBy.includes(wordsKey(e.institution))) continue
    const degree = wordsKey(e.degree)
    const spelled = DEGREE_WORDS[degree.replace(/ /g, '')]
    const named = containsWords(title, wordsKey(e.field)) || [degree, spelled ?? ''].some((d) => containsWords(title, d))
    const sameMonth = c.earnedOn !== null && e.endedOn !== null && c.earnedOn.slice(0, 7) === e.endedOn.slice(0, 7)
    if (c.kind === 'academic' ? named || sameMonth : named && sameMonth) return e
  }
  return null
}

const educationTitle = (e: ResumeEducation) => [e.degree, e.field, e.institution].filter(Boolean).join(', ')

export function tailorResume(data: ResumeData, role: TargetRole | null, choices: TailorChoices = {}, clock: { now: Date }): TailoredResume {
  const today = isoDay(clock.now)
  const hidden = new Set(choices.hidden ?? [])
  const pinned = new Set(choices.pinned ?? [])
  const hideExpired = choices.expired === 'hide'
  const m = createRoleMatches(role && role.skills.length > 0 ? role : null)
  const hasRole = m.roleSkills.length > 0
  const decisions: Decision[] = []
  const decide = (kind: ItemKind, id: string, title: string, included: boolean, reason: string, match?: Match) =>
    decisions.push({ kind, id, title, included, reason, score: match?.score ?? 0, matches: match?.skills.map((s) => s.name) ?? [] })

  // ---- experience and education: always shown unless hidden, newest first; the role only explains ----
  const dated = <T extends { id: string; startedOn: string | null; endedOn: string | null }>(kind: ItemKind, items: T[], title: (t: T) => string) =>
    userOrder(
      items.filter((it) => {
        if (hidden.has(it.id)) decide(kind, it.id, title(it), false, 'hidden by you', m.match(it.id))
        return !hidden.has(it.id)
      }),
      choices,
      (a, b) => newestFirst(span(a), span(b)),
    )
  const experience = dated('experience', data.experience, (e) => `${e.title}, ${e.organization}`)
  const printsEducation = !choices.sections || choices.sections.includes('education')
  const education = dated('education', data.education, educationTitle)
  /** Education entries that also stand for a credential, with that credential's title. */
  const foldedInto = new Map<string, string>()

  // ---- credentials ----
  type C = TailoredCredential & { match: Match; key: string }
  const candidates: C[] = []
  for (const c of data.credentials) {
    const match = m.match(c.id)
    const expired = c.status === 'expired' || c.trust === 'expired' || (c.expiresOn !== null && c.expiresOn < today)
    const inProgress = c.status === 'in_progress'
    const isPinned = pinned.has(c.id)
    const out = (reason: string) => decide('credential', c.id, c.title, false, reason, match)
    const school = printsEducation && !isPinned ? educationOf(c, education) : null
    if (hidden.has(c.id)) out('hidden by you')
    else if (c.status === 'revoked') out('revoked by the issuer')
    else if (c.status === 'planned') out('planned, not earned yet')
    else if (inProgress && !isPinned) out('in progress (pin it to show it as in progress)')
    else if (school) {
      out(`shown once, under Education (${educationTitle(school)})`)
      foldedInto.set(school.id, c.title)
    } else if (expired && hideExpired && !isPinned) out(`expired ${monthYear(c.expiresOn) ?? ''}`.trim() + '; expired credentials are hidden')
    else if (hasRole && match.score === 0 && !isPinned) out(`shows none of the skills ${role!.title} asks for`)
    else {
      const general = [c.trust === 'verified' ? 'verified' : null, c.earnedOn ? `earned ${monthYear(c.earnedOn)}` : null].filter(Boolean).join(', ')
      const why = isPinned ? (match.score > 0 ? `pinned by you; ${matchReason(match)}` : 'pinned by you') : hasRole ? matchReason(match) : general || 'in your portfolio'
      const reason = expired ? `${why}; marked as expired` : why
      candidates.push({ ...c, expired, inProgress, reason, matches: match.skills.map((s) => s.name), match, key: `${wordsKey(c.title)}|${wordsKey(c.issuer)}` })
    }
  }
  // One copy of each credential: the current one over an expired one, else the newest.
  const copies = new Map<string, C[]>()
  for (const c of candidates) copies.set(c.key, [...(copies.get(c.key) ?? []), c])
  const shownCopy = (group: C[]) =>
    [...group].sort((a, b) => Number(a.expired) - Number(b.expired) || Number(a.inProgress) - Number(b.inProgress) || byCodeUnit(b.earnedOn ?? '', a.earnedOn ?? ''))[0]!
  const credCandidates = candidates.filter((c) => {
    const group = copies.get(c.key)!
    const shown = shownCopy(group)
    if (group.length === 1 || c === shown || pinned.has(c.id)) return true
    if (c.expired && !shown.expired) decide('credential', c.id, c.title, false, `an expired copy of ${shown.title}; the current one is shown`, c.match)
    else decide('credential', c.id, c.title, false, `an older copy of ${shown.title}; the one${shown.earnedOn ? ` earned ${monthYear(shown.earnedOn)}` : ' in progress'} is shown`, c.match)
    return false
  })
  const credentials: TailoredCredential[] = userOrder(credCandidates, choices, (a, b) =>
    byCodeUnit(b.inProgress ? ONGOING : (b.earnedOn ?? ''), a.inProgress ? ONGOING : (a.earnedOn ?? '')) || collator.compare(a.title, b.title),
  ).map(({ match, key: _key, ...cred }) => {
    decide('credential', cred.id, cred.title, true, cred.reason, match)
    return cred
  })

  // Experience and education decisions (after the credentials, which may fold into education).
  const always = (kind: 'experience' | 'education', id: string, title: string) => {
    const match = m.match(id)
    const base = match.score > 0 ? `shows ${match.skills.map((s) => s.name).join(', ')}` : `${kind === 'experience' ? 'work history' : 'education'} is always shown`
    const folded = foldedInto.get(id)
    decide(kind, id, title, true, folded ? `${base}; also your credential ${folded}, listed once here` : base, match)
  }
  for (const e of experience) always('experience', e.id, `${e.title}, ${e.organization}`)
  for (const e of education) always('education', e.id, educationTitle(e))

  // ---- projects ----
  type P = TailoredProject & { match: Match }
  const projCandidates: P[] = []
  for (const p of data.projects) {
    const match = m.match(p.id)
    if (hidden.has(p.id)) decide('project', p.id, p.title, false, 'hidden by you', match)
    else if (hasRole && match.score === 0 && !pinned.has(p.id)) decide('project', p.id, p.title, false, `applies none of the skills ${role!.title} asks for`, match)
    else {
      const when = p.endedOn ? `finished ${monthYear(p.endedOn)}` : p.startedOn ? 'ongoing' : null
      const reason = pinned.has(p.id) ? (match.score > 0 ? `pinned by you; ${matchReason(match)}` : 'pinned by you') : hasRole ? matchReason(match) : when ? `your work (${when})` : 'in your portfolio'
      projCandidates.push({ ...p, reason, matches: match.skills.map((s) => s.name), match })
    }
  }
  const projects: TailoredProject[] = userOrder(projCandidates, choices, (a, b) => newestFirst(span(a), span(b)) || collator.compare(a.title, b.title)).map(
    ({ match, ...proj }) => {
      decide('project', proj.id, proj.title, true, proj.reason, match)
      return proj
    },
  )

  // ---- skills: the role's first, then the best evidenced ----
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
    const kept = userOrder(rows, choices, (a, b) => weightOf(b) - weightOf(a) || b.evidence - a.evidence || collator.compare(a.name, b.name))
    for (const s of kept) decide('skill', s.id, s.name, true, pinned.has(s.id) ? `pinned by you; ${s.reason}` : s.reason, m.match(s.id))
    if (kept.length) skills.push({ category: group.category, label: group.label, skills: kept })
  }

  // A section the person turned off prints nothing: its items are out, and say why.
  const off = new Set(choices.sections ? SECTION_KEYS.filter((k) => !choices.sections!.includes(k)) : [])
  for (const d of decisions) {
    const section = SECTION_OF[d.kind]
    if (d.included && off.has(section)) Object.assign(d, { included: false, reason: `the ${SECTION_TITLES[section]} section is turned off` })
  }
  const unless = <T>(section: SectionKey, items: T[]): T[] => (off.has(section) ? [] : items)
  return finishTailoring({
    role: role ?? null,
    profile: data.profile,
    experience: unless('experience', experience),
    education: unless('education', education),
    credentials: unless('credentials', credentials),
    projects: unless('projects', projects),
    skills: unless('skills', skills),
    keywords: [],
    decisions,
  })
}

const SECTION_OF: Readonly<Record<ItemKind, SectionKey>> = {
  experience: 'experience',
  education: 'education',
  credential: 'credentials',
  project: 'projects',
  skill: 'skills',
}

/**
 * Keywords and decision order for a tailored resume's current content; length fitting calls it
 * again after it leaves items out, so the keywords never name a skill only a dropped item showed.
 */
export function finishTailoring(t: TailoredResume): TailoredResume {
  const shownSkills = t.skills.flatMap((g) => g.skills)
  const m = createRoleMatches(t.role)
  const shown = new Set([...shownSkills, ...t.credentials, ...t.projects].flatMap((it) => m.match(it.id).skills))
  const keywords = m.roleSkills.length
    ? m.roleSkills.filter((rs) => shown.has(rs)).map((rs) => rs.name)
    : [...shownSkills].sort((a, b) => b.evidence - a.evidence || collator.compare(a.name, b.name)).slice(0, 12).map((s) => s.name)

  // Included decisions in print order, then the excluded ones (in the order they were decided).
  const printOrder = new Map<string, number>()
  ;[...t.experience, ...t.education, ...t.credentials, ...t.projects, ...shownSkills].forEach((it, i) => printOrder.set(it.id, i))
  const decisions = t.decisions
    .map((d, i) => ({ d, i }))
    .sort((a, b) => Number(b.d.included) - Number(a.d.included) || (printOrder.get(a.d.id) ?? 0) - (printOrder.get(b.d.id) ?? 0) || a.i - b.i)
    .map((x) => x.d)
  return { ...t, keywords: keywords.length ? keywords : shownSkills.slice(0, 12).map((s) => s.name), decisions }
}
