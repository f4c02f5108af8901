/**
 * Length: the most a tailored resume can keep and still fit the pages the person asked for.
 *
 * Work history, education, the summary and pinned items always stay. The rest goes in a fixed
 * order, least valuable first: expired credentials, then credentials and projects (with a role,
 * the least relevant to it, discounted by age; without one, the oldest and least backed), then
 * skills (never the ones the role asks for). The fitter measures laid-out pages (a layout, not a
 * PDF: a few milliseconds), binary-searches how many to leave out, then tries a few short items
 * again in the room left, so a resume of 40 candidates costs at most about eleven measures and one
 * that already fits costs one. When even the shortest form is longer than asked, it says so and
 * keeps what fits on the pages that shortest form needs.
 */
import type { ResumeItemKind, ResumeLength, ResumeLengthOutcome } from '../../shared/resume'
import { finishTailoring, type TailoredCredential, type TailoredProject, type TailoredResume, type TailoredSkill } from './tailor'

export interface DropCandidate {
  kind: Extract<ResumeItemKind, 'credential' | 'project' | 'skill'>
  id: string
  title: string
}

export interface LengthFit {
  tailored: TailoredResume
  /** The outcome without `pages`, which the final render gives. */
  outcome: Omit<ResumeLengthOutcome, 'pages'>
  /** Pages of the kept content as measured; null when nothing was measured ('auto'). */
  pages: number | null
  /** How many layouts were measured (for tests and benchmarks). */
  measures: number
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000

/** Years between an ISO date and now; 0 for a future one. */
function ageYears(iso: string, now: Date): number {
  const t = Date.parse(iso.length === 4 ? `${iso}-07-01` : iso.length === 7 ? `${iso}-15` : iso)
  return Number.isNaN(t) ? 0 : Math.max(0, (now.getTime() - t) / YEAR_MS)
}

/** Years since an item was last current: a credential's award, a project's end (none while ongoing). Undated: five. */
function itemAge(it: TailoredCredential | TailoredProject, now: Date): number {
  const UNDATED = 5
  if ('earnedOn' in it) return it.inProgress ? 0 : it.earnedOn ? ageYears(it.earnedOn, now) : UNDATED
  return it.endedOn ? ageYears(it.endedOn, now) : it.startedOn ? 0 : UNDATED
}

/** How strongly an item backs the person's skills, for a general resume: verified, examined, with results. */
function strength(it: TailoredCredential | TailoredProject): number {
  if ('earnedOn' in it) {
    const trust = { verified: 2, status_unchecked: 1.5, signed: 1.5, unverified: 1, self_reported: 1, not_yet_valid: 0.5, expired: 0.5, problem: 0 }[it.trust]
    const kind = { certification: 1, academic: 1, bootcamp: 0.75, employer: 0.75, platform: 0.5, badge: 0.5, other: 0.25 }[it.kind]
    return trust + kind
  }
  return 1 + 0.5 * Math.min(it.outcomes.length, 2) + (it.links.length ? 0.5 : 0)
}

/** Relevance discounted by age: full for three years, half at ten and beyond. */
const ageFactor = (years: number) => (years <= 3 ? 1 : Math.max(0.5, 1 - ((years - 3) / 7) * 0.5))
/** Recency points of a general resume: 4 for this year's, none at eight years. */
const recency = (years: number) => 4 * Math.max(0, 1 - years / 8)

/**
 * What may be left out, least valuable first. `score` of an item is its relevance to the role
 * (from its decision); pinned items never appear.
 */
export function dropOrder(t: TailoredResume, o: { pinned: readonly string[]; now: Date }): DropCandidate[] {
  const pinned = new Set(o.pinned)
  const score = new Map(t.decisions.map((d) => [d.id, d.score]))
  const hasRole = t.role !== null && t.role.skills.length > 0
  type Ranked = DropCandidate & { value: number; age: number }
  const rank = (kind: 'credential' | 'project', it: TailoredCredential | TailoredProject): Ranked => {
    const age = itemAge(it, o.now)
    const value = hasRole ? (score.get(it.id) ?? 0) * ageFactor(age) : strength(it) + recency(age)
    return { kind, id: it.id, title: it.title, value, age }
  }
  const byValue = (a: Ranked, b: Ranked) => a.value - b.value || b.age - a.age || (a.id < b.id ? -1 : 1)
  const free = <T extends { id: string }>(items: T[]) => items.filter((it) => !pinned.has(it.id))
  const expired = free(t.credentials.filter((c) => c.expired)).map((c) => rank('credential', c))
  const current = [...free(t.credentials.filter((c) => !c.expired)).map((c) => rank('credential', c)), ...free(t.projects).map((p) => rank('project', p))]
  const skills = free(t.skills.flatMap((g) => g.skills).filter((s) => !s.matched))
    .sort((a, b) => a.evidence - b.evidence || (a.name < b.name ? 1 : -1))
    .map((s): DropCandidate => ({ kind: 'skill', id: s.id, title: s.name }))
  const strip = ({ kind, id, title }: Ranked): DropCandidate => ({ kind, id, title })
  return [...expired.sort(byValue).map(strip), ...current.sort(byValue).map(strip), ...skills]
}

/** The resume without the given items (content only: decisions and keywords are left as they were). */
export function withoutItems(t: TailoredResume, ids: ReadonlySet<string>): TailoredResume {
  if (!ids.size) return t
  const keep = <T extends { id: string }>(items: T[]) => items.filter((it) => !ids.has(it.id))
  return {
    ...t,
    credentials: keep(t.credentials),
    projects: keep(t.projects),
    skills: t.skills.map((g) => ({ ...g, skills: keep(g.skills) })).filter((g) => g.skills.length > 0),
  }
}

/** Measures spent putting back short items after the search (see fitLength). */
const FILL_TRIES = 4

const PAGES_IN_WORDS = ['no pages', 'one page', 'two pages']
const pagesText = (n: number) => PAGES_IN_WORDS[n] ?? `${n} pages`
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * Why each left-out item went, compared with what stayed: "(less relevant to Data Analyst than
 * what is shown)", "(older than what is shown)", or, when it beats something shown on both,
 * "(too long for the room left)".
 */
function dropReasons(full: TailoredResume, kept: TailoredResume, dropped: readonly DropCandidate[], pages: number, now: Date): Map<string, string> {
  const score = new Map(full.decisions.map((d) => [d.id, d.score]))
  const role = full.role && full.role.skills.length ? full.role : null
  // Compared with every credential and project still shown: a project left out while a shorter,
  // less relevant credential stayed is "too long for the room left", not "less relevant".
  const others: Array<TailoredCredential | TailoredProject> = [...kept.credentials, ...kept.projects]
  const byId = new Map<string, TailoredCredential | TailoredProject | TailoredSkill>([
    ...full.credentials.map((c) => [c.id, c] as const),
    ...full.projects.map((p) => [p.id, p] as const),
    ...full.skills.flatMap((g) => g.skills.map((s) => [s.id, s] as const)),
  ])
  const out = new Map<string, string>()
  for (const d of dropped) {
    const it = byId.get(d.id)!
    let why: string
    if (d.kind === 'skill') why = role ? `${role.title} does not ask for it` : 'fewer credentials and projects show it than the skills shown'
    else if ('expired' in it && it.expired) why = 'expired; current credentials are kept first'
    else {
      const item = it as TailoredCredential | TailoredProject
      const older = !others.length || itemAge(item, now) > Math.max(...others.map((x) => itemAge(x, now)))
      if (role && (!others.length || (score.get(d.id) ?? 0) < Math.min(...others.map((x) => score.get(x.id) ?? 0)))) why = `less relevant to ${role.title} than what is shown`
      else if (older) why = 'older than what is shown'
      else if (!role && strength(item) < Math.min(...others.map(strength))) why = 'less well backed than what is shown'
      else why = 'too long for the room left'
    }
    out.set(d.id, `left out to fit on ${pagesText(pages)} (${why})`)
  }
  return out
}

/** "Your work history and education alone take 2 pages; the resume is 2 pages, not 1." */
function tooLongNote(minimum: TailoredResume, minPages: number, asked: number, pinned: readonly string[], dropped: number): string {
  const pinnedShown = [...minimum.credentials, ...minimum.projects, ...minimum.skills.flatMap((g) => g.skills)].some((it) => pinned.includes(it.id))
  const parts = [
    minimum.experience.length ? 'work history' : null,
    minimum.education.length ? 'education' : null,
    minimum.role && minimum.skills.length ? `the skills ${minimum.role.title} asks for` : null,
    pinnedShown ? 'pinned items' : null,
  ].filter((p): p is string => p !== null)
  const what =
    parts.length === 0 ? 'The header and summary alone take' : parts.length === 1 ? `Your ${parts[0]} alone takes` : `Your ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)} alone take`
  const left = dropped ? ` Left out ${plural(dropped, 'item')} to keep it to ${plural(minPages, 'page')}.` : ''
  return `${what} ${plural(minPages, 'page')}; the resume is ${plural(minPages, 'page')}, not ${asked}.${left}`
}

/**
 * Fits `t` to `length` pages. `measure` lays out a resume and returns its page count; `dropOrder`
 * gives what may go, least valuable first. 'auto' keeps everything and measures nothing.
 */
export function fitLength(
  t: TailoredResume,
  o: { length: ResumeLength; pinned: readonly string[]; now: Date; measure: (t: TailoredResume) => number },
): LengthFit {
  const asked = o.length
  if (asked === 'auto') return { tailored: t, outcome: { asked, fits: true, dropped: 0, note: null }, pages: null, measures: 0 }
  const target = Number(asked)
  const order = dropOrder(t, o)
  const cache = new Map<number, number>()
  const pagesAt = (k: number) => {
    let pages = cache.get(k)
    if (pages === undefined) {
      pages = o.measure(withoutItems(t, new Set(order.slice(0, k).map((d) => d.id))))
      cache.set(k, pages)
    }
    return pages
  }
  if (pagesAt(0) <= target) return { tailored: t, outcome: { asked, fits: true, dropped: 0, note: null }, pages: pagesAt(0), measures: cache.size }

  // The fewest items to leave out for `goal` pages, by binary search: lo is known not to fit; hi
  // (n, everything optional out, until measured) is taken to fit, and is measured if it is the answer.
  const n = order.length
  const search = (goal: number) => {
    let lo = 0
    let hi = n
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (pagesAt(mid) <= goal) hi = mid
      else lo = mid
    }
    return hi
  }
  let goal = target
  let k = n ? search(goal) : 0
  const fits = pagesAt(k) <= target
  if (!fits) {
    // Even the shortest form (k = n) is longer than asked: keep what fits on the pages it takes.
    goal = pagesAt(n)
    k = pagesAt(0) <= goal ? 0 : search(goal)
  }
  // The search leaves out a run of the order; a shorter item inside that run may still fit the
  // room left (a one-line credential where a project did not). A few more measures try the most
  // valuable of them again, credentials and skills before projects; expired ones stay out, so no
  // current item is ever left out for an expired one.
  const out = new Set(order.slice(0, k).map((d) => d.id))
  const expired = new Set(t.credentials.filter((c) => c.expired).map((c) => c.id))
  const SIZE_RANK = { skill: 0, credential: 1, project: 2 } as const
  const retry = order
    .slice(0, Math.max(0, k - 1))
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => !expired.has(d.id))
    .sort((a, b) => SIZE_RANK[a.d.kind] - SIZE_RANK[b.d.kind] || b.i - a.i)
  let measures = cache.size
  let pages = pagesAt(k)
  for (const { d } of retry.slice(0, FILL_TRIES)) {
    out.delete(d.id)
    measures++
    const tried = o.measure(withoutItems(t, out))
    if (tried > goal) out.add(d.id)
    else pages = tried
  }
  const dropped = order.filter((d) => out.has(d.id))
  const kept = withoutItems(t, out)
  const reasons = dropReasons(t, kept, dropped, goal, o.now)
  const decisions = [
    ...kept.decisions.filter((d) => !reasons.has(d.id)),
    ...dropped.map((d) => ({ ...kept.decisions.find((x) => x.id === d.id)!, included: false, toFit: true, reason: reasons.get(d.id)! })),
  ]
  const note = fits
    ? `Left out ${plural(dropped.length, 'item')} to fit on ${plural(target, 'page')}.`
    : tooLongNote(withoutItems(t, new Set(order.map((d) => d.id))), goal, target, o.pinned, dropped.length)
  return { tailored: finishTailoring({ ...kept, decisions }), outcome: { asked, fits, dropped: dropped.length, note }, pages, measures }
}
