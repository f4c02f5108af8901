/**
 * The evidence index: what backs each skill, from everything the portfolio holds. Credentials
 * (with their verdicts) and projects through their linked skills; work experience through the
 * skills named in its title and description (the one matcher), the skills linked to it, and the
 * essential skills of the catalog role its title names (inferred until the user confirms or
 * rejects them); education through the skills its degree, field and description name; typed
 * skills with nothing behind them as self-reported; and catalog relations (AWS → Cloud
 * computing) as partial credit. Rules and strengths: README.md beside this file.
 */
import type { Db } from '../db/open'
import type { Trust } from '../../shared/schemas'
import { EVIDENCE_STRENGTH as S, type Depth, type InferenceDecision } from '../../shared/evidence'
import type { IssuerVerdict, SignatureVerdict, StatusVerdict, ValidityVerdict } from '../../shared/verification'
import { trustOf } from '../../shared/verdict'
import { catalogMatcher, lendersOf, matchCached, portfolioMatcher, roleOfTitle, type Matcher, type MatcherSkill } from '../skills'
import type { Area, CatalogCategory, CatalogData, CatalogRole, CatalogSkill, MoneyAmount } from '../analysis/types'
import { evidenceReads, groupByOwner, parsePairs, positionsOf } from './read'
import { monthsBetween, staleBefore } from './dates'

export interface CredentialFact {
  /** Database row id (public id: cred-<rowId>). */
  rowId: number
  status: string
  trust: Trust
  earnedOn: string | null
  hours: number | null
  cost: MoneyAmount | null
  /** Number of skills linked (hours and cost are split evenly across them). */
  skillCount: number
  /** Counts as evidence (earned/expired and not a problem). */
  counts: boolean
}

export interface ProjectFact {
  /** Public id: proj-3. */
  id: string
  title: string
  startedOn: string | null
  endedOn: string | null
  /** ended_on, else started_on: the date used for recency. */
  date: string | null
}

export interface WorkFact {
  /** Public id: exp-2. */
  id: string
  title: string
  organization: string
  startedOn: string | null
  endedOn: string | null
  /** Whole months worked (to today when current); null without a start date. */
  months: number | null
  /** ended_on, else today (current work). */
  date: string | null
  /** The catalog role the title names, if any. */
  role: CatalogRole | null
}

export interface EducationFact {
  /** Public id: edu-1. */
  id: string
  /** "PGCert, Applied Statistics, Birkbeck, University of London". */
  title: string
  date: string | null
}

/** One work entry behind a skill, and how. */
export interface WorkEvidence {
  /** Index into EvidenceIndex.work. */
  work: number
  /** named: the title or description names it; linked: the user linked it; inferred: the role's essential skill. */
  how: 'named' | 'linked' | 'inferred'
  /** Inferred only: confirmed by the user, or still pending (rejected ones are not evidence). */
  decision: InferenceDecision
  strength: number
}

/** Credit lent by a related skill ("via AWS"). */
export interface RelatedEvidence {
  key: string
  name: string
  relation: 'broader' | 'implies'
  gives: 'learned' | 'practised'
  strength: number
}

export interface SkillEvidence {
  /** Catalog skill id, or `user:skill-<id>` for a portfolio skill the catalog does not know. */
  key: string
  name: string
  area: Area
  category: CatalogCategory | 'other'
  inCatalog: boolean
  /** Public ids of the portfolio skills that map here. */
  portfolioSkills: string[]
  /** Indexes into EvidenceIndex.credentials of counted credentials. */
  credentials: number[]
  /** Indexes into EvidenceIndex.projects. */
  projects: number[]
  work: WorkEvidence[]
  /** Indexes into EvidenceIndex.education. */
  education: number[]
  /** Public ids of typed skills with nothing linked (self-reported). */
  typed: string[]
  related: RelatedEvidence[]
  verified: number
  unverified: number
  expired: number
  selfReported: number
  /** Credentials planned or in progress (not evidence yet). */
  inProgress: number
  /** Hours of counted credentials, split evenly across each credential's skills. */
  hours: number
  /** What was spent on this skill (every credential except planned ones), split evenly, per currency. */
  spend: MoneyAmount[]
  /** Hours of those same credentials (for cost per hour). */
  spentHours: number
  /** Credentials that cost money or time here (every status except planned). */
  spentCredentials: number
  lastEvidenceOn: string | null
  depth: Depth
  /** 0–1: the share of a role's weight for this skill that the evidence earns. */
  credit: number
}

export interface EvidenceIndex {
  credentials: CredentialFact[]
  projects: ProjectFact[]
  work: WorkFact[]
  education: EducationFact[]
  bySkill: ReadonlyMap<string, SkillEvidence>
  /** Per work entry (index into `work`): the inferred skills and the user's decisions. */
  inferences: ReadonlyMap<number, { key: string; name: string; decision: InferenceDecision }[]>
  /** Canonical key of a skill name: catalog id via the matcher, else a portfolio skill's own key, else null. */
  resolve(name: string): string | null
  /** Matcher over the catalog plus the user's own skills (for postings, work and typed names). */
  matcher: Matcher
  /** Spend and hours of credentials with no skill, per currency. */
  unattributed: { credentials: number; hours: number; spend: MoneyAmount[] }
  /** Today as YYYY-MM-DD (for recency). */
  today: string
  /** Titles of some credentials (by index into `credentials`), read on demand: one query. */
  credentialTitles(indexes: readonly number[]): Map<number, string>
}

interface Acc {
  ev: SkillEvidence
  lastCredential: number
  lastProject: number
  spend: Map<string, number>
  /** Work entries already counted for this skill (position → index into ev.work). */
  workAt: Map<number, number>
}

const toMoney = (m: Map<string, number>): MoneyAmount[] =>
  [...m].map(([currency, amount]) => ({ currency, amountMinor: Math.round(amount) })).sort((a, b) => a.currency.localeCompare(b.currency))

const maxDate = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b)

/** A skill with nothing behind it yet: the start of every skill's evidence, and a role skill nobody has. */
export function noEvidence(key: string, name: string, area: Area, category: CatalogCategory | 'other', inCatalog: boolean): SkillEvidence {
  return {
    key,
    name,
    area,
    category,
    inCatalog,
    portfolioSkills: [],
    credentials: [],
    projects: [],
    work: [],
    education: [],
    typed: [],
    related: [],
    verified: 0,
    unverified: 0,
    expired: 0,
    selfReported: 0,
    inProgress: 0,
    hours: 0,
    spend: [],
    spentHours: 0,
    spentCredentials: 0,
    lastEvidenceOn: null,
    depth: 'none',
    credit: 0,
  }
}

/**
 * How strongly a work entry backs a skill it names or the user linked: by how long it lasted,
 * less for work that ended more than five years ago (the skill may have gone stale).
 */
export function workStrength(months: number | null, endedOn: string | null, today: string): number {
  const base = months !== null && months >= 24 ? S.workLong : months !== null && months >= 6 ? S.workMedium : S.workShort
  return endedOn !== null && endedOn < staleBefore(today) ? round2(base - S.workStalePenalty) : base
}

/** Reads the portfolio and builds the index. Synchronous; a fixed number of queries, no per-skill SQL. */
export function buildEvidenceIndex(db: Db, catalog: CatalogData, now: Date): EvidenceIndex {
  const st = evidenceReads(db)
  const today = now.toISOString().slice(0, 10)
  const catalogById = new Map<string, CatalogSkill>(catalog.skills.map((s) => [s.id, s]))
  const cm = catalogMatcher(catalog)

  const byKey = new Map<string, Acc>()
  const accOfSkill = new Map<number, Acc>()
  const extras: MatcherSkill[] = []
  const accFor = (key: string, name: string, area: Area, category: CatalogCategory | 'other', inCatalog: boolean): Acc => {
    let acc = byKey.get(key)
    if (!acc) {
      acc = { ev: noEvidence(key, name, area, category, inCatalog), lastCredential: -1, lastProject: -1, spend: new Map(), workAt: new Map() }
      byKey.set(key, acc)
    }
    return acc
  }
  /** The accumulator of a key the matcher returned (catalog id or a portfolio skill's key). */
  const accOfKey = (key: string): Acc | undefined => {
    const found = byKey.get(key)
    if (found) return found
    const c = catalogById.get(key)
    return c ? accFor(key, c.name, c.area, c.category, true) : undefined
  }

  // Portfolio skills -> canonical keys (catalog id via name or alias, else the skill's own key).
  const linked = new Set<number>()
  for (const id of (st.linkedSkills.get() ?? '').split(',')) if (id) linked.add(Number(id))
  for (const [id, name, , aliasJson] of st.skills.all()) {
    const aliases = aliasJson ? (JSON.parse(aliasJson) as (string | null)[]).filter((a): a is string => typeof a === 'string') : []
    let key = cm.normalise(name)
    for (let k = 0; key === null && k < aliases.length; k++) key = cm.normalise(aliases[k]!)
    let acc: Acc
    if (key === null) {
      key = `user:skill-${id}`
      extras.push({ id: key, name, aliases })
      acc = accFor(key, name, 'general', 'other', false)
    } else {
      const c = catalogById.get(key)!
      acc = accFor(key, c.name, c.area, c.category, true)
    }
    acc.ev.portfolioSkills.push(`skill-${id}`)
    if (!linked.has(id)) acc.ev.typed.push(`skill-${id}`)
    accOfSkill.set(id, acc)
  }
  let full: Matcher | null = null
  // Catalog skills plus the user's own skills the catalog does not know.
  const fullMatcher = () => (full ??= portfolioMatcher(catalog, extras))

  // ---- credentials, columnar ----
  const cols = st.credentials.get().map((json) => (json ? (JSON.parse(json) as unknown[]) : []))
  const [ids, statuses, earned, hoursCol, costs, currencies, sigs, vals, stats, titles, issuers] = cols as [
    number[],
    string[],
    (string | null)[],
    (number | null)[],
    (number | null)[],
    (string | null)[],
    (SignatureVerdict | null)[],
    (ValidityVerdict | null)[],
    (StatusVerdict | null)[],
    string[],
    (IssuerVerdict | null)[],
  ]
  const n = ids.length
  const credentials: CredentialFact[] = []
  for (let i = 0; i < n; i++) {
    const sig = sigs[i] ?? null
    const val = vals[i] ?? null
    const stat = stats[i] ?? null
    const iss = issuers[i] ?? null
    const trust = trustOf(sig && val && stat && iss ? { signature: sig, validity: val, status: stat, issuer: iss } : null)
    const status = statuses[i]!
    const costMinor = costs[i] ?? null
    const currency = currencies[i] ?? null
    credentials.push({
      rowId: ids[i]!,
      status,
      trust,
      earnedOn: earned[i] ?? null,
      hours: hoursCol[i] ?? null,
      cost: costMinor !== null && currency !== null ? { amountMinor: costMinor, currency } : null,
      skillCount: 0,
      counts: (status === 'earned' || status === 'expired') && trust !== 'problem',
    })
  }
  const credLinks = groupByOwner(parsePairs(st.credentialSkills.get()), positionsOf(ids), n)
  /** Counts credential i for one skill once: counted evidence, or in progress. */
  const countCredential = (acc: Acc, i: number) => {
    const c = credentials[i]!
    const ev = acc.ev
    if (c.counts) {
      ev.credentials.push(i)
      if (c.trust === 'verified') ev.verified++
      else if (c.trust === 'expired') ev.expired++
      else if (c.trust === 'self_reported') ev.selfReported++
      else ev.unverified++
      ev.lastEvidenceOn = maxDate(ev.lastEvidenceOn, c.earnedOn)
    } else if (c.status === 'planned' || c.status === 'in_progress') ev.inProgress++
  }
  for (let i = 0; i < n; i++) {
    const c = credentials[i]!
    const from = credLinks.start[i]!
    const to = credLinks.start[i + 1]!
    c.skillCount = to - from
    const share = c.skillCount ? 1 / c.skillCount : 0
    const spent = c.status !== 'planned'
    for (let k = from; k < to; k++) {
      const acc = accOfSkill.get(credLinks.skill[k]!)
      if (!acc) continue
      const ev = acc.ev
      const first = acc.lastCredential !== i // two portfolio skills of one credential can map to one key
      acc.lastCredential = i
      if (spent) {
        if (first) ev.spentCredentials++
        ev.spentHours += (c.hours ?? 0) * share
        if (c.cost) acc.spend.set(c.cost.currency, (acc.spend.get(c.cost.currency) ?? 0) + c.cost.amountMinor * share)
      }
      if (c.counts) ev.hours += (c.hours ?? 0) * share
      if (first) countCredential(acc, i)
    }
    // Skills the title names ("Tableau Desktop Specialist"): evidence like a linked skill, but
    // the credential's hours and cost stay with its linked skills.
    if (!c.counts && c.status !== 'planned' && c.status !== 'in_progress') continue
    for (const key of matchCached(fullMatcher(), titles[i]!)) {
      const acc = accOfKey(key)
      if (!acc || acc.lastCredential === i) continue
      acc.lastCredential = i
      countCredential(acc, i)
    }
  }
  // Credentials without any skill: their money and time are not attributable to a skill.
  const unattributedSpend = new Map<string, number>()
  let unattributedHours = 0
  let unattributedCount = 0
  for (const c of credentials) {
    if (c.skillCount > 0 || c.status === 'planned') continue
    unattributedCount++
    unattributedHours += c.hours ?? 0
    if (c.cost) unattributedSpend.set(c.cost.currency, (unattributedSpend.get(c.cost.currency) ?? 0) + c.cost.amountMinor)
  }

  // ---- projects ----
  const projectRows = st.projects.all()
  const projects: ProjectFact[] = []
  for (const [id, title, startedOn, endedOn] of projectRows) projects.push({ id: `proj-${id}`, title, startedOn, endedOn, date: endedOn ?? startedOn })
  const projLinks = groupByOwner(parsePairs(st.projectSkills.get()), positionsOf(projectRows.map((r) => r[0])), projects.length)
  const addProject = (acc: Acc | undefined, i: number) => {
    if (!acc || acc.lastProject === i) return
    acc.lastProject = i
    acc.ev.projects.push(i)
    acc.ev.lastEvidenceOn = maxDate(acc.ev.lastEvidenceOn, projects[i]!.date)
  }
  // Skills applied (linked), and skills the title or summary names ("Retail sales ELT pipeline").
  for (let i = 0; i < projects.length; i++) {
    for (let k = projLinks.start[i]!; k < projLinks.start[i + 1]!; k++) addProject(accOfSkill.get(projLinks.skill[k]!), i)
    const [, title, , , summary] = projectRows[i]!
    for (const m of matchCached(fullMatcher(), summary ? `${title}\n${summary}` : title)) addProject(accOfKey(m), i)
  }

  // ---- work experience: named, linked, inferred from the role its title names ----
  const expRows = st.experience.all()
  const work: WorkFact[] = expRows.map(([id, organization, title, startedOn, endedOn]) => ({
    id: `exp-${id}`,
    title,
    organization,
    startedOn,
    endedOn,
    months: startedOn ? monthsBetween(startedOn, endedOn ?? today) : null,
    date: endedOn ?? (startedOn ? today : null),
    role: roleOfTitle(catalog, title),
  }))
  const addWork = (acc: Acc, w: number, how: WorkEvidence['how'], decision: InferenceDecision) => {
    const fact = work[w]!
    const strength = how === 'inferred' && decision === 'pending' ? S.inferred : workStrength(fact.months, fact.endedOn, today)
    const at = acc.workAt.get(w)
    if (at !== undefined) {
      // Named or linked beats inferred; keep the strongest reading of one entry.
      const cur = acc.ev.work[at]!
      if (cur.how === 'inferred' && how !== 'inferred') acc.ev.work[at] = { work: w, how, decision: 'confirmed', strength }
      return
    }
    acc.workAt.set(w, acc.ev.work.length)
    acc.ev.work.push({ work: w, how, decision: how === 'inferred' ? decision : 'confirmed', strength })
    acc.ev.lastEvidenceOn = maxDate(acc.ev.lastEvidenceOn, fact.date)
  }
  const expLinks = groupByOwner(parsePairs(st.experienceSkills.get()), positionsOf(expRows.map((r) => r[0])), work.length)
  const decisions = new Map<string, 'confirmed' | 'rejected'>()
  for (const [expId, key, decision] of st.decisions.all()) decisions.set(`${expId}\u0000${key}`, decision)
  const inferences = new Map<number, { key: string; name: string; decision: InferenceDecision }[]>()
  for (let w = 0; w < work.length; w++) {
    const [rowId, , title, , , description] = expRows[w]!
    for (let k = expLinks.start[w]!; k < expLinks.start[w + 1]!; k++) {
      const acc = accOfSkill.get(expLinks.skill[k]!)
      if (acc) addWork(acc, w, 'linked', 'confirmed')
    }
    for (const m of fullMatcher().match(`${title}\n${description ?? ''}`)) {
      const acc = accOfKey(m.skillId)
      if (acc) addWork(acc, w, 'named', 'confirmed')
    }
    const role = work[w]!.role
    if (!role) continue
    const list: { key: string; name: string; decision: InferenceDecision }[] = []
    for (const rs of role.skills) {
      if (!rs.essential) continue
      const c = catalogById.get(rs.skill)
      if (!c) continue
      const decision = decisions.get(`${rowId}\u0000${rs.skill}`) ?? 'pending'
      list.push({ key: rs.skill, name: c.name, decision })
      if (decision !== 'rejected') addWork(accFor(rs.skill, c.name, c.area, c.category, true), w, 'inferred', decision)
    }
    inferences.set(w, list)
  }

  // ---- education: what its degree, field and description name ----
  const education: EducationFact[] = []
  for (const [id, institution, degree, field, startedOn, endedOn, description] of st.education.all()) {
    const e = education.length
    const title = [degree, field, institution].filter(Boolean).join(', ')
    education.push({ id: `edu-${id}`, title, date: endedOn ?? startedOn })
    const seen = new Set<string>()
    for (const m of fullMatcher().match(`${degree ?? ''}\n${field ?? ''}\n${description ?? ''}`)) {
      if (seen.has(m.skillId)) continue
      seen.add(m.skillId)
      const acc = accOfKey(m.skillId)
      if (!acc) continue
      acc.ev.education.push(e)
      acc.ev.lastEvidenceOn = maxDate(acc.ev.lastEvidenceOn, education[e]!.date)
    }
  }

  // ---- depth and credit of each skill's own evidence ----
  const bySkill = new Map<string, SkillEvidence>()
  for (const [key, acc] of byKey) {
    const ev = acc.ev
    ev.spend = toMoney(acc.spend)
    ownDepthAndCredit(ev, credentials)
    bySkill.set(key, ev)
  }

  // ---- partial credit through catalog relations (one hop, from each skill's own evidence) ----
  // Credits and depths read here are still each skill's own: related credit is added only below.
  for (const [to, lenders] of lendersOf(catalog)) {
    const target = catalogById.get(to)
    if (!target) continue
    for (const l of lenders) {
      const source = bySkill.get(l.from)
      if (!source || source.credit === 0) continue
      let ev = bySkill.get(to)
      if (!ev) bySkill.set(to, (ev = noEvidence(to, target.name, target.area, target.category, true)))
      const gives = source.depth === 'learned' ? 'learned' : 'practised'
      ev.related.push({ key: source.key, name: source.name, relation: l.relation, gives, strength: round2(S.relatedShare * source.credit) })
    }
  }
  for (const ev of bySkill.values()) {
    if (ev.related.length === 0) continue
    ev.related.sort((a, b) => b.strength - a.strength || a.name.localeCompare(b.name))
    const best = ev.related[0]!
    if (best.strength > ev.credit) ev.credit = best.strength
    const relDepth: Depth = ev.related.some((r) => r.gives === 'practised') ? 'practised' : 'learned'
    if (DEPTH_ORDER[relDepth] > DEPTH_ORDER[ev.depth]) ev.depth = relDepth
  }

  return {
    credentials,
    projects,
    work,
    education,
    bySkill,
    inferences,
    resolve: (name: string) => cm.normalise(name) ?? fullMatcher().normalise(name),
    get matcher() {
      return fullMatcher()
    },
    unattributed: { credentials: unattributedCount, hours: unattributedHours, spend: toMoney(unattributedSpend) },
    today,
    credentialTitles(indexes) {
      return new Map(indexes.map((i) => [i, titles[i] ?? '']))
    },
  }
}

export const DEPTH_ORDER: Record<Depth, number> = { none: 0, learned: 1, practised: 2, proven: 3 }
const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * The ladder from the skill's own items: learned (a credential, education, a typed skill),
 * practised (a project or work), proven (practised in a project, at work or by a confirmed
 * inference, and a verified credential). Credit: 1 when proven, else the strongest item.
 */
function ownDepthAndCredit(ev: SkillEvidence, credentials: readonly CredentialFact[]): void {
  let credit = 0
  for (const i of ev.credentials) credit = Math.max(credit, credentials[i]!.trust === 'expired' ? S.credentialExpired : S.credential)
  if (ev.education.length) credit = Math.max(credit, S.education)
  if (ev.typed.length) credit = Math.max(credit, S.selfReported)
  if (ev.projects.length) credit = Math.max(credit, S.project)
  for (const w of ev.work) credit = Math.max(credit, w.strength)
  const learned = ev.credentials.length > 0 || ev.education.length > 0 || ev.typed.length > 0
  const practised = ev.projects.length > 0 || ev.work.length > 0
  const firmPractice = ev.projects.length > 0 || ev.work.some((w) => w.decision === 'confirmed')
  if (firmPractice && ev.verified > 0) {
    ev.depth = 'proven'
    credit = S.proven
  } else ev.depth = practised ? 'practised' : learned ? 'learned' : 'none'
  ev.credit = credit
}
