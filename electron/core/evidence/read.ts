/**
 * The evidence engine's reads: every table that can back a skill, in a handful of set-based
 * queries (columnar JSON and packed id pairs), so building the index costs rows, not skills or
 * roles. Prepared once per connection.
 */
import type { Db } from '../db/open'

export type SkillRow = [id: number, name: string, category: string, aliases: string | null]
export type ProjectRow = [id: number, title: string, startedOn: string | null, endedOn: string | null, summary: string | null]
export type ExperienceRow = [id: number, organization: string, title: string, startedOn: string | null, endedOn: string | null, description: string | null]
export type EducationRow = [id: number, institution: string, degree: string | null, field: string | null, startedOn: string | null, endedOn: string | null, description: string | null]
export type DecisionRow = [experienceId: number, skillKey: string, decision: 'confirmed' | 'rejected']

export interface EvidenceReads {
  skills: { all(): SkillRow[] }
  /** One row of ten JSON arrays (columnar): far fewer JS objects than one row per credential. */
  credentials: { get(): string[] }
  /** "credId,skillId,credId,skillId,…" in one string: links that count (not pending or rejected badge tags). */
  credentialSkills: { get(): string | null }
  projects: { all(): ProjectRow[] }
  projectSkills: { get(): string | null }
  experience: { all(): ExperienceRow[] }
  experienceSkills: { get(): string | null }
  decisions: { all(): DecisionRow[] }
  education: { all(): EducationRow[] }
  /** Skill ids with any link (the others are typed skills: self-reported evidence). */
  linkedSkills: { get(): string | null }
}

const prepared = new WeakMap<Db, EvidenceReads>()

export function evidenceReads(db: Db): EvidenceReads {
  let s = prepared.get(db)
  if (!s) {
    const raw = (sql: string) => db.prepare(sql).raw() as unknown
    const pluck = (sql: string) => db.prepare(sql).pluck() as unknown
    s = {
      skills: raw(`SELECT s.id, s.name, s.category, (SELECT json_group_array(alias) FROM skill_alias a WHERE a.skill_id = s.id) FROM skill s`) as EvidenceReads['skills'],
      credentials: raw(
        `SELECT json_group_array(c.id), json_group_array(c.status), json_group_array(c.earned_on), json_group_array(c.hours),
                json_group_array(c.cost_minor), json_group_array(c.currency), json_group_array(v.signature_verdict),
                json_group_array(v.validity_verdict), json_group_array(v.status_verdict), json_group_array(c.title),
                json_group_array(v.issuer_verdict)
           FROM credential c LEFT JOIN credential_verification v ON v.credential_id = c.id`,
      ) as EvidenceReads['credentials'],
      // Only links that count: a badge tag waits for the person's word (pending) or was rejected
      // (migration 0012). linkedSkills below still sees every link, so a skill made from a tag is
      // never "typed with nothing behind it" (self-reported evidence).
      credentialSkills: pluck(
        `SELECT group_concat(credential_id || ',' || skill_id) FROM credential_skill WHERE decision IS NULL OR decision = 'accepted'`,
      ) as EvidenceReads['credentialSkills'],
      projects: raw(`SELECT id, title, started_on, ended_on, summary FROM project`) as EvidenceReads['projects'],
      projectSkills: pluck(`SELECT group_concat(project_id || ',' || skill_id) FROM project_skill`) as EvidenceReads['projectSkills'],
      experience: raw(`SELECT id, organization, title, started_on, ended_on, description FROM experience ORDER BY id`) as EvidenceReads['experience'],
      experienceSkills: pluck(`SELECT group_concat(experience_id || ',' || skill_id) FROM experience_skill`) as EvidenceReads['experienceSkills'],
      decisions: raw(`SELECT experience_id, skill_key, decision FROM experience_inference`) as EvidenceReads['decisions'],
      education: raw(`SELECT id, institution, degree, field, started_on, ended_on, description FROM education ORDER BY id`) as EvidenceReads['education'],
      linkedSkills: pluck(
        `SELECT group_concat(skill_id) FROM (SELECT skill_id FROM credential_skill UNION SELECT skill_id FROM project_skill UNION SELECT skill_id FROM experience_skill)`,
      ) as EvidenceReads['linkedSkills'],
    }
    prepared.set(db, s)
  }
  return s
}

/** Parses "a,b,a,b,…" (non-negative integers) into pairs. */
export function parsePairs(text: string | null): { first: Int32Array; second: Int32Array; length: number } {
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
export function positionsOf(ids: ArrayLike<number>): (id: number) => number {
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
export function groupByOwner(pairs: ReturnType<typeof parsePairs>, positionOf: (id: number) => number, owners: number) {
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
