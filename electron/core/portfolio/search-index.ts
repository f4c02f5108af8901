import type { Db } from '../db/open'

/**
 * Keeps the FTS5 tables in step with the portfolio. What is indexed for each entity is
 * defined here and nowhere else: the services call these after every write (one FTS
 * write per changed record, which is ~6x cheaper than per-link triggers), and the
 * migration that creates the tables calls `rebuild` to index existing rows.
 * A credential's or project's `tags` hold its skills' names, so "SQL" finds what teaches SQL.
 */
export function createSearchIndex(db: Db) {
  const skillNames = (link: 'credential_skill' | 'project_skill', owner: 'credential_id' | 'project_id', id: string) =>
    `(SELECT coalesce(group_concat(s.name, ' '), '') FROM ${link} l JOIN skill s ON s.id = l.skill_id WHERE l.${owner} = ${id})`
  const credentialDoc = `SELECT c.id, c.title,
      concat_ws(' ', c.provider, c.issuer_name, c.credential_code, c.kind, c.description, c.notes) AS body,
      ${skillNames('credential_skill', 'credential_id', 'c.id')} AS tags FROM credential c`
  const projectDoc = `SELECT p.id, p.title,
      concat_ws(' ', p.role, p.summary, (SELECT group_concat(value, ' ') FROM json_each(p.outcomes))) AS body,
      ${skillNames('project_skill', 'project_id', 'p.id')} AS tags FROM project p`
  const skillDoc = `SELECT s.id, s.name,
      (SELECT coalesce(group_concat(alias, ' '), '') FROM skill_alias WHERE skill_id = s.id) AS aliases,
      coalesce(s.description, '') AS description FROM skill s`

  const stmts = {
    credential: {
      remove: db.prepare('DELETE FROM credential_fts WHERE rowid = ?'),
      add: db.prepare(`INSERT INTO credential_fts (rowid, title, body, tags) ${credentialDoc} WHERE c.id = ?`),
    },
    project: {
      remove: db.prepare('DELETE FROM project_fts WHERE rowid = ?'),
      add: db.prepare(`INSERT INTO project_fts (rowid, title, body, tags) ${projectDoc} WHERE p.id = ?`),
    },
    skill: {
      remove: db.prepare('DELETE FROM skill_fts WHERE rowid = ?'),
      add: db.prepare(`INSERT INTO skill_fts (rowid, name, aliases, description) ${skillDoc} WHERE s.id = ?`),
    },
  }
  const credentialsWithSkill = db.prepare<[number], { id: number }>('SELECT credential_id AS id FROM credential_skill WHERE skill_id = ?')
  const projectsWithSkill = db.prepare<[number], { id: number }>('SELECT project_id AS id FROM project_skill WHERE skill_id = ?')

  /** Re-indexes one record, or drops it from the index when it no longer exists. */
  const refresh = (entity: keyof typeof stmts, rowId: number) => {
    stmts[entity].remove.run(rowId)
    stmts[entity].add.run(rowId)
  }

  return {
    credential: (rowId: number) => refresh('credential', rowId),
    project: (rowId: number) => refresh('project', rowId),
    skill: (rowId: number) => refresh('skill', rowId),
    /** What must be re-indexed when a skill's name changes, captured before the change for deletes. */
    usersOfSkill(skillId: number): { credentials: number[]; projects: number[] } {
      return {
        credentials: credentialsWithSkill.all(skillId).map((r) => r.id),
        projects: projectsWithSkill.all(skillId).map((r) => r.id),
      }
    },
    refreshUsers(users: { credentials: number[]; projects: number[] }): void {
      users.credentials.forEach((id) => refresh('credential', id))
      users.projects.forEach((id) => refresh('project', id))
    },
    rebuild(): void {
      db.exec(`
        DELETE FROM credential_fts; DELETE FROM project_fts; DELETE FROM skill_fts;
        INSERT INTO credential_fts (rowid, title, body, tags) ${credentialDoc};
        INSERT INTO project_fts (rowid, title, body, tags) ${projectDoc};
        INSERT INTO skill_fts (rowid, name, aliases, description) ${skillDoc};`)
    },
  }
}

export type SearchIndex = ReturnType<typeof createSearchIndex>
