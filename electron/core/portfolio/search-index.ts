import type { Db } from '../db/open'

/**
 * Keeps the FTS5 tables in step with the portfolio. What is indexed for each entity is
 * defined here and nowhere else: the services call these after every write (one FTS
 * write per changed record, which is ~6x cheaper than per-link triggers), and the
 * migration that creates the tables calls `rebuild` to index existing rows.
 * A credential's or project's `tags` hold its skills' names, so "SQL" finds what teaches SQL.
 * Inside `batched`, the records written are gathered and re-indexed together at its end (one
 * statement per entity instead of two per record, ~6x cheaper again for an import's chunk).
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
  /** The same, for a JSON array of row ids. */
  const many = (table: string, doc: string, alias: string) => ({
    remove: db.prepare(`DELETE FROM ${table}_fts WHERE rowid IN (SELECT value FROM json_each(?))`),
    add: db.prepare(`INSERT INTO ${table}_fts ${table === 'skill' ? '(rowid, name, aliases, description)' : '(rowid, title, body, tags)'} ${doc} WHERE ${alias}.id IN (SELECT value FROM json_each(?))`),
  })
  const batchStmts = { credential: many('credential', credentialDoc, 'c'), project: many('project', projectDoc, 'p'), skill: many('skill', skillDoc, 's') }
  /** Records written inside `batched`, re-indexed at its end. */
  let pending: Record<keyof typeof stmts, Set<number>> | null = null
  const credentialsWithSkill = db.prepare<[number], { id: number }>('SELECT credential_id AS id FROM credential_skill WHERE skill_id = ?')
  const projectsWithSkill = db.prepare<[number], { id: number }>('SELECT project_id AS id FROM project_skill WHERE skill_id = ?')

  /** Re-indexes one record, or drops it from the index when it no longer exists. */
  const refresh = (entity: keyof typeof stmts, rowId: number) => {
    if (pending) {
      pending[entity].add(rowId)
      return
    }
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
    /**
     * Runs `fn` (inside the caller's transaction) with the records it writes re-indexed together
     * at its end, from what they hold then (a record gone by then is dropped from the index).
     * Nothing reads the index meanwhile. When `fn` throws, nothing is indexed: the caller's
     * transaction is rolled back. Nested calls index at the end of the outermost.
     */
    batched<T>(fn: () => T): T {
      if (pending) return fn()
      const written: Record<keyof typeof stmts, Set<number>> = { credential: new Set(), project: new Set(), skill: new Set() }
      pending = written
      let result: T
      try {
        result = fn()
      } finally {
        pending = null
      }
      for (const entity of ['credential', 'project', 'skill'] as const) {
        if (written[entity].size === 0) continue
        const ids = JSON.stringify([...written[entity]])
        batchStmts[entity].remove.run(ids)
        batchStmts[entity].add.run(ids)
      }
      return result
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
