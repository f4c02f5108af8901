/**
 * The evidence index: everything the analysis needs from the portfolio, read with five
 * set-based queries (skills, credentials with their verdicts, credential-skill links,
 * projects, project-skill links) and folded into one record per canonical skill. Portfolio
 * skills are mapped to catalog skills through the matcher's normalise() (name, then aliases);
 * a portfolio skill the catalog does not know keeps its own key `user:skill-<id>`.
 *
 * Depth rules (also in README.md):
 *   counted credential = status earned or expired, and trust not 'problem' (forged, revoked)
 *   learned = at least one counted credential (verified, unverified, expired or self-reported)
 *   applied = listed as applied in at least one project (with or without a credential)
 *   proven  = at least one counted credential with trust 'verified' AND applied in a project
 */
import type { Db } from '../db/open'
import type { Trust } from '../../shared/schemas'
import type { SignatureVerdict, StatusVerdict, ValidityVerdict } from '../../shared/verification'
import { trustOf } from '../portfolio/trust'
import { createMatcher, type Matcher, type MatcherSkill } from './matcher'
import type { Area, CatalogCategory, CatalogData, CatalogSkill, Depth, MoneyAmount } from './types'

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

export interface SkillEvidence {
  /** Catalog skill id, or `user:skill-<id>` for a portfolio skill the catalog does not know. */
  key: string
  name: string
  area: Area
  category: CatalogCategory | 'other'
  inCatalog: boolean
  /** Public ids of the portfolio skills that map here. */
  portfolioSkills: string[]
  /** Indexes into EvidenceIndex.credentials of counted credentials, most recent first after build. */
  credentials: number[]
  /** Indexes into EvidenceIndex.projects. */
  projects: number[]
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
}

export interface EvidenceIndex {
  credentials: CredentialFact[]
  projects: ProjectFact[]
  bySkill: ReadonlyMap<string, SkillEvidence>
  /** Canonical key of a skill name: catalog id via the matcher, else a portfolio skill's own key, else null. */
  resolve(name: string): string | null
  /** Matcher over the catalog plus the user's own skills (for postings and typed names). */
  matcher: Matcher
  /** Spend and hours of credentials with no skill, per currency. */
  unattributed: { credentials: number; hours: number; spend: MoneyAmount[] }
  /** Today as YYYY-MM-DD (for recency). */
  today: string
  /** Titles of some credentials (by index into `credentials`), read on demand: one query. */
  credentialTitles(indexes: readonly number[]): Map<number, string>
}

export const DEPTH_CREDIT: Record<Depth, number> = { none: 0, learned: 0.6, applied: 0.85, proven: 1 }

/** A catalog-only matcher per catalog object, reused across index rebuilds. */
const catalogMatchers = new WeakMap<object, Matcher>()
export function catalogMatcher(catalog: CatalogData): Matcher {
  let m = catalogMatchers.get(catalog)
  if (!m) catalogMatchers.set(catalog, (m = createMatcher(catalog.skills)))
  return m
}

type SkillRow = [id: number, name: string, category: string, aliases: string | null]
type ProjectRow = [id: number, title: string, startedOn: string | null, endedOn: string | null]

interface Statements {
  skills: { all(): SkillRow[] }
  /** One row of nine JSON arrays (columnar): far fewer JS objects than one row per credential. */
  credentials: { get(): string[] }
  /** "credId,skillId,credId,skillId,…" in one string. */
  credentialSkills: { get(): string | null }
  projects: { all(): ProjectRow[] }
  projectSkills: { get(): string | null }
  titles: { all(json: string): [number, string][] }
}

const prepared = new WeakMap<Db, Statements>()
function statements(db: Db): Statements {
  let s = prepared.get(db)
  if (!s) {
    const raw = (sql: string) => db.prepare(sql).raw() as unknown
    const pluck = (sql: string) => db.prepare(sql).pluck() as unknown
    s = {
      skills: raw(`SELECT s.id, s.name, s.category, (SELECT json_group_array(alias) FROM skill_alias a WHERE a.skill_id = s.id) FROM skill s`) as Statements['skills'],
      credentials: raw(
        `SELECT json_group_array(c.id), json_group_array(c.status), json_group_array(c.earned_on), json_group_array(c.hours),
                json_group_array(c.cost_minor), json_group_array(c.currency), json_group_array(v.signature_verdict),
                json_group_array(v.validity_verdict), json_group_array(v.status_verdict)
           FROM credential c LEFT JOIN credential_verification v ON v.credential_id = c.id`,
      ) as Statements['credentials'],
      credentialSkills: pluck(`SELECT group_concat(credential_id || ',' || skill_id) FROM credential_skill`) as Statements['credentialSkills'],
      projects: raw(`SELECT id, title, started_on, ended_on FROM project`) as Statements['projects'],
      projectSkills: pluck(`SELECT group_concat(project_id || ',' || skill_id) FROM project_skill`) as Statements['projectSkills'],
      titles: raw(`SELECT id, title FROM credential WHERE id IN (SELECT value FROM json_each(?))`) as Statements['titles'],
    }
    prepared.set(db, s)
  }
  return s
}

/** Parses "a,b,a,b,…" (non-negative integers) into pairs. */
function parsePairs(text: string | null): { first: Int32Array; second: Int32Array; length: number } {
  if (!text) return { first: new Int32Array(0), second: new Int32Array(0), length: 0 }
  let commas = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) commas++
  const length = (commas + 1) >> 1
  const first = new Int32Array(length)
  const second = new Int32Array(length)
  let value = 0
  let k = 0
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44
    if (c === 44) {
      if ((k & 1) === 0) first[k >> 1] = value
      else second[k >> 1] = value
      k++
      value = 0
    } else value = value * 10 + (c - 48)
  }
  return { first, second, length }
}

/** Row id -> position, as a typed array when ids are dense enough (they are: INTEGER PRIMARY KEY). */
function positionsOf(ids: ArrayLike<number>): (id: number) => number {
  let max = 0
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!
  if (max <= 8 * ids.length + 65_536) {
    const pos = new Int32Array(max + 1).fill(-1)
    for (let i = 0; i < ids.length; i++) pos[ids[i]!] = i
    return (id) => (id <= max ? pos[id]! : -1)
  }
  const map = new Map<number, number>()
  for (let i = 0; i < ids.length; i++) map.set(ids[i]!, i)
  return (id) => map.get(id) ?? -1
}

/**
 * Groups link pairs by owner position (counting sort): `start[o]..start[o+1]` are the places in
 * `skill` of owner o's skills. Links to unknown owners are dropped.
 */
function groupByOwner(pairs: ReturnType<typeof parsePairs>, positionOf: (id: number) => number, owners: number) {
  const ownerPos = new Int32Array(pairs.length)
  const start = new Int32Array(owners + 1)
  for (let k = 0; k < pairs.length; k++) {
    const o = positionOf(pairs.first[k]!)
    ownerPos[k] = o
    if (o >= 0) start[o + 1]!++
  }
  for (let o = 0; o < owners; o++) start[o + 1]! += start[o]!
  const fill = start.slice(0, owners)
  const skill = new Int32Array(start[owners]!)
  for (let k = 0; k < pairs.length; k++) {
    const o = ownerPos[k]!
    if (o >= 0) skill[fill[o]!++] = pairs.second[k]!
  }
  return { start, skill }
}

interface Acc {
  ev: SkillEvidence
  lastCredential: number
  lastProject: number
  spend: Map<string, number>
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
  }
}

/** Reads the portfolio and builds the index. Synchronous; five queries, no per-skill SQL. */
export function buildEvidenceIndex(db: Db, catalog: CatalogData, now: Date): EvidenceIndex {
  const st = statements(db)
  const catalogById = new Map<string, CatalogSkill>(catalog.skills.map((s) => [s.id, s]))
  const cm = catalogMatcher(catalog)

  // Portfolio skills -> canonical keys (catalog id via name or alias, else the skill's own key).
  const byKey = new Map<string, Acc>()
  const accOfSkill = new Map<number, Acc>() // a few hundred portfolio skills
  const extras: MatcherSkill[] = []
  const accFor = (key: string, name: string, area: Area, category: CatalogCategory | 'other', inCatalog: boolean): Acc => {
    let acc = byKey.get(key)
    if (!acc) {
      acc = {
        ev: noEvidence(key, name, area, category, inCatalog),
        lastCredential: -1,
        lastProject: -1,
        spend: new Map(),
      }
      byKey.set(key, acc)
    }
    return acc
  }
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
    accOfSkill.set(id, acc)
  }

  // Credentials, columnar.
  const cols = st.credentials.get().map((json) => (json ? (JSON.parse(json) as unknown[]) : []))
  const [ids, statuses, earned, hoursCol, costs, currencies, sigs, vals, stats] = cols as [
    number[],
    string[],
    (string | null)[],
    (number | null)[],
    (number | null)[],
    (string | null)[],
    (SignatureVerdict | null)[],
    (ValidityVerdict | null)[],
    (StatusVerdict | null)[],
  ]
  const n = ids.length
  const credentials: CredentialFact[] = []
  for (let i = 0; i < n; i++) {
    const sig = sigs[i] ?? null
    const val = vals[i] ?? null
    const stat = stats[i] ?? null
    const trust = trustOf(sig && val && stat ? { signature: sig, validity: val, status: stat } : null)
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
  for (let i = 0; i < n; i++) {
    const c = credentials[i]!
    const from = credLinks.start[i]!
    const to = credLinks.start[i + 1]!
    c.skillCount = to - from
    if (c.skillCount === 0) continue
    const share = 1 / c.skillCount
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
      if (c.counts) {
        ev.hours += (c.hours ?? 0) * share
        if (first) {
          ev.credentials.push(i)
          if (c.trust === 'verified') ev.verified++
          else if (c.trust === 'expired') ev.expired++
          else if (c.trust === 'self_reported') ev.selfReported++
          else ev.unverified++
          ev.lastEvidenceOn = maxDate(ev.lastEvidenceOn, c.earnedOn)
        }
      } else if (first && (c.status === 'planned' || c.status === 'in_progress')) ev.inProgress++
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

  // Projects.
  const projectRows = st.projects.all()
  const projects: ProjectFact[] = []
  for (const [id, title, startedOn, endedOn] of projectRows) projects.push({ id: `proj-${id}`, title, startedOn, endedOn, date: endedOn ?? startedOn })
  const projLinks = groupByOwner(parsePairs(st.projectSkills.get()), positionsOf(projectRows.map((r) => r[0])), projects.length)
  for (let i = 0; i < projects.length; i++) {
    for (let k = projLinks.start[i]!; k < projLinks.start[i + 1]!; k++) {
      const acc = accOfSkill.get(projLinks.skill[k]!)
      if (!acc || acc.lastProject === i) continue
      acc.lastProject = i
      acc.ev.projects.push(i)
      acc.ev.lastEvidenceOn = maxDate(acc.ev.lastEvidenceOn, projects[i]!.date)
    }
  }

  const bySkill = new Map<string, SkillEvidence>()
  for (const [key, acc] of byKey) {
    const ev = acc.ev
    ev.spend = toMoney(acc.spend)
    const learned = ev.credentials.length > 0
    const applied = ev.projects.length > 0
    ev.depth = applied && ev.verified > 0 ? 'proven' : applied ? 'applied' : learned ? 'learned' : 'none'
    bySkill.set(key, ev)
  }

  let full: Matcher | null = null
  // Built on first use: catalog skills plus the user's own skills the catalog does not know.
  const fullMatcher = () => (full ??= extras.length ? createMatcher(catalog.skills, { extra: extras }) : cm)
  return {
    credentials,
    projects,
    bySkill,
    resolve: (name: string) => cm.normalise(name) ?? fullMatcher().normalise(name),
    get matcher() {
      return fullMatcher()
    },
    unattributed: { credentials: unattributedCount, hours: unattributedHours, spend: toMoney(unattributedSpend) },
    today: now.toISOString().slice(0, 10),
    credentialTitles(indexes) {
      const out = new Map<number, string>()
      if (indexes.length === 0) return out
      const byRow = new Map(indexes.map((i) => [credentials[i]!.rowId, i]))
      for (const [rowId, title] of st.titles.all(JSON.stringify([...byRow.keys()]))) out.set(byRow.get(rowId)!, title)
      return out
    },
  }
}

/** The most recent credentials and projects behind one skill, for display (titles read in one query). */
export function topEvidence(index: EvidenceIndex, ev: SkillEvidence, limit = 5) {
  const recent = [...ev.credentials].sort((a, b) => (index.credentials[b]!.earnedOn ?? '').localeCompare(index.credentials[a]!.earnedOn ?? '') || a - b).slice(0, limit)
  const titles = index.credentialTitles(recent)
  const creds = recent.map((i) => {
    const c = index.credentials[i]!
    return { id: `cred-${c.rowId}`, title: titles.get(i) ?? '', trust: c.trust, earnedOn: c.earnedOn }
  })
  const projs = ev.projects
    .map((i) => index.projects[i]!)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, limit)
    .map((p) => ({ id: p.id, title: p.title, date: p.date }))
  return { credentials: creds, projects: projs }
}
