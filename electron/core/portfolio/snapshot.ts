/**
 * The whole portfolio as the resume reads it, in one read transaction: a handful of set-based
 * queries (one per table or link table, never one per record), mapped by the same functions
 * the channels use, so every item is exactly what `credentials:get`, `projects:get`,
 * `skills:list`, `experience:list`, `education:list` and `profile:get` return, in the order
 * their lists return them.
 */
import type { PortfolioSnapshot } from '../../shared/schemas'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open'
import {
  CREDENTIAL_ORDER,
  credentialEvidenceSql,
  credentialProjectsSql,
  toCredential,
  type CredentialLinkRow,
  type CredentialRow,
  type EvidenceRow,
  type VerificationRow,
} from './credentials'
import { PROJECT_ORDER, projectCredentialsSql, toProject, type ProjectRow } from './projects'
import { groupSkillLinks, SKILL_COLUMNS, SKILL_ORDER, skillLinksSql, toSkill, type SkillLinkRow, type SkillRow } from './skills'
import { PROFILE_SQL, toProfile, type ProfileRow } from './profile'
import { datedEntriesSql, EDUCATION_ENTRIES, EXPERIENCE_ENTRIES, toDatedEntry } from './resume-entries'
import { toExperience } from './experience'

export type { PortfolioSnapshot }

interface SnapshotReads {
  profile: Statement<[], ProfileRow>
  experience: Statement<[], unknown>
  experienceSkills: Statement<[], SkillLinkRow>
  education: Statement<[], unknown>
  credentials: Statement<[], CredentialRow>
  credentialSkills: Statement<[], SkillLinkRow>
  credentialProjects: Statement<[], CredentialLinkRow>
  credentialEvidence: Statement<[], EvidenceRow>
  verifications: Statement<[], VerificationRow & { credential_id: number }>
  projects: Statement<[], ProjectRow>
  projectSkills: Statement<[], SkillLinkRow>
  projectCredentials: Statement<[], CredentialLinkRow>
  skills: Statement<[], SkillRow>
}

const prepared = new WeakMap<Db, SnapshotReads>()

function reads(db: Db): SnapshotReads {
  let s = prepared.get(db)
  if (!s) {
    s = {
      profile: db.prepare(PROFILE_SQL),
      experience: db.prepare(datedEntriesSql(EXPERIENCE_ENTRIES, 'all')),
      experienceSkills: db.prepare(skillLinksSql('experience', 'all')),
      education: db.prepare(datedEntriesSql(EDUCATION_ENTRIES, 'all')),
      // The lists' default orders (credentials and projects: recent; skills: name).
      credentials: db.prepare(`SELECT * FROM credential c ORDER BY ${CREDENTIAL_ORDER.recent}`),
      credentialSkills: db.prepare(skillLinksSql('credential', 'all')),
      credentialProjects: db.prepare(credentialProjectsSql('all')),
      credentialEvidence: db.prepare(credentialEvidenceSql('all')),
      verifications: db.prepare('SELECT * FROM credential_verification'),
      projects: db.prepare(`SELECT * FROM project p ORDER BY ${PROJECT_ORDER.recent}`),
      projectSkills: db.prepare(skillLinksSql('project', 'all')),
      projectCredentials: db.prepare(projectCredentialsSql('all')),
      skills: db.prepare(`SELECT ${SKILL_COLUMNS} FROM skill s ORDER BY ${SKILL_ORDER.name}`),
    }
    prepared.set(db, s)
  }
  return s
}

/** Rows that carry their owner's row id, grouped by owner; the query's order is kept within each. */
function byOwner<T extends { owner: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const r of rows) {
    const list = out.get(r.owner)
    if (list) list.push(r)
    else out.set(r.owner, [r])
  }
  return out
}

/** Reads the whole portfolio in one transaction, so what it returns is one consistent state. */
export function readPortfolioSnapshot(db: Db): PortfolioSnapshot {
  const q = reads(db)
  return db.transaction((): PortfolioSnapshot => {
    const profile = toProfile(q.profile.get())

    const experienceSkills = groupSkillLinks(q.experienceSkills.all())
    const experience = q.experience.all().map((row) => {
      const entry = toDatedEntry(EXPERIENCE_ENTRIES, row)
      return toExperience(entry, experienceSkills.get((row as { id: number }).id) ?? [])
    })
    const education = q.education.all().map((row) => toDatedEntry(EDUCATION_ENTRIES, row))

    const credentialSkills = groupSkillLinks(q.credentialSkills.all())
    const credentialProjects = byOwner(q.credentialProjects.all())
    const credentialEvidence = byOwner(q.credentialEvidence.all())
    const verifications = new Map(q.verifications.all().map((v) => [v.credential_id, v]))
    const rows = q.credentials.all()
    const titles = new Map(rows.map((r) => [r.id, r.title]))
    // The other copy of a conflict, as credentials:get finds it: the lowest id among the copy this
    // row points to and the copies pointing to it.
    const lowestPointing = new Map<number, number>()
    for (const r of rows) if (r.conflict_of !== null) lowestPointing.set(r.conflict_of, Math.min(r.id, lowestPointing.get(r.conflict_of) ?? Infinity))
    const conflictWith = (r: (typeof rows)[number]) => {
      const other = Math.min(r.conflict_of ?? Infinity, lowestPointing.get(r.id) ?? Infinity)
      return other === Infinity ? undefined : { id: other, title: titles.get(other)! }
    }
    const credentials = rows.map((row) =>
      toCredential(row, {
        conflictWith: conflictWith(row),
        skills: credentialSkills.get(row.id) ?? [],
        projects: credentialProjects.get(row.id) ?? [],
        evidence: credentialEvidence.get(row.id) ?? [],
        verification: verifications.get(row.id),
      }),
    )

    const projectSkills = groupSkillLinks(q.projectSkills.all())
    const projectCredentials = byOwner(q.projectCredentials.all())
    const projects = q.projects.all().map((row) => toProject(row, projectSkills.get(row.id) ?? [], projectCredentials.get(row.id) ?? []))

    const skills = q.skills.all().map(toSkill)
    return { profile, experience, education, credentials, projects, skills }
  })()
}
