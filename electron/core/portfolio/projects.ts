import type { Db } from '../db/open'
import type { ProjectsCreateInput, ProjectsCreateOutput, ProjectsDeleteInput, ProjectsDeleteOutput, ProjectsGetInput, ProjectsGetOutput, ProjectsListInput, ProjectsListOutput, ProjectsUpdateInput, ProjectsUpdateOutput } from '../../shared/io'
import type { Project, ProjectSummary, ProjectValues, SkillLink } from '../../shared/schemas'
import { badInput, notFound } from '../../shared/errors'
import { statementCache } from '../db/statements'
import { toPublicId, toRowId } from './ids'
import { ftsQuery, parseJsonArray } from './text'
import { createFtsFilter } from './fts-filter'
import type { ResolvedSkill, SkillsService } from './skills'
import type { SearchIndex } from './search-index'

export interface ProjectRow {
  id: number
  title: string
  role: string | null
  summary: string | null
  started_on: string | null
  ended_on: string | null
  links: string
  outcomes: string
  created_at: string
  updated_at: string
}

type ProjectFields = Omit<ProjectValues, 'skills' | 'credentialIds'>

/** Sort orders offered by the list; undated projects always sort last. */
export const PROJECT_ORDER = {
  /** Most recent work first: ongoing projects (started, not ended), then by end date, then start date. */
  date: '(p.started_on IS NULL AND p.ended_on IS NULL), p.ended_on IS NOT NULL, p.ended_on DESC, p.started_on DESC, p.created_at DESC, p.id DESC',
  recent: 'p.updated_at DESC, p.id DESC',
  title: 'p.title COLLATE NOCASE, p.id',
  started: 'p.started_on IS NULL, p.started_on DESC, p.id DESC',
} as const

function rowToFields(row: ProjectRow): ProjectFields {
  return {
    title: row.title,
    role: row.role,
    summary: row.summary,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    links: parseJsonArray(row.links),
    outcomes: parseJsonArray(row.outcomes),
  }
}

/** The credentials a project used: for one project (`one`: bind its row id) or all (`all`: grouped, same order within each). */
export function projectCredentialsSql(scope: 'one' | 'all'): string {
  return `SELECT pc.project_id AS owner, c.id, c.title FROM project_credential pc JOIN credential c ON c.id = pc.credential_id
    ${scope === 'one' ? 'WHERE pc.project_id = ? ORDER BY' : 'ORDER BY pc.project_id,'} c.title COLLATE NOCASE, c.id`
}

/** The full project as `projects:get` returns it, from its row and what it links to. */
export function toProject(row: ProjectRow, skills: SkillLink[], credentials: ReadonlyArray<{ id: number; title: string }>): Project {
  return {
    id: toPublicId('project', row.id),
    ...rowToFields(row),
    skills,
    credentials: credentials.map((c) => ({ id: toPublicId('credential', c.id), title: c.title })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toParams(f: ProjectFields) {
  return {
    title: f.title,
    role: f.role,
    summary: f.summary,
    startedOn: f.startedOn,
    endedOn: f.endedOn,
    links: JSON.stringify(f.links),
    outcomes: JSON.stringify(f.outcomes),
  }
}

export function createProjects(db: Db, skills: SkillsService, index: SearchIndex, now: () => Date) {
  const cached = statementCache(db)
  const textFilter = createFtsFilter(db, 'project', 'p')
  const byId = db.prepare<[number], ProjectRow>('SELECT * FROM project WHERE id = ?')
  const insertRow = db.prepare(
    `INSERT INTO project (title, role, summary, started_on, ended_on, links, outcomes, created_at, updated_at)
     VALUES (@title, @role, @summary, @startedOn, @endedOn, @links, @outcomes, @at, @at)`,
  )
  const updateRow = db.prepare(
    `UPDATE project SET title = @title, role = @role, summary = @summary, started_on = @startedOn, ended_on = @endedOn,
       links = @links, outcomes = @outcomes, updated_at = @at WHERE id = @id`,
  )
  const deleteRow = db.prepare('DELETE FROM project WHERE id = ?')
  const clearSkills = db.prepare('DELETE FROM project_skill WHERE project_id = ?')
  const linkSkill = db.prepare(
    'INSERT INTO project_skill (project_id, skill_id, level, position) VALUES (@projectId, @skillId, @level, @position)',
  )
  const clearCredentials = db.prepare('DELETE FROM project_credential WHERE project_id = ?')
  const linkCredential = db.prepare('INSERT OR IGNORE INTO project_credential (project_id, credential_id) VALUES (?, ?)')
  const credentialExists = db.prepare<[number], { id: number }>('SELECT id FROM credential WHERE id = ?')
  const credentialsOf = db.prepare<[number], { owner: number; id: number; title: string }>(projectCredentialsSql('one'))

  function requireRow(rowId: number, publicId: string): ProjectRow {
    const row = byId.get(rowId)
    if (!row) throw notFound(`There is no project ${publicId}.`)
    return row
  }

  function assertDatesInOrder(f: Pick<ProjectFields, 'startedOn' | 'endedOn'>): void {
    if (f.startedOn && f.endedOn && f.endedOn < f.startedOn)
      throw badInput('endedOn: cannot be before the start date', [{ path: 'endedOn', message: 'cannot be before the start date' }])
  }

  function writeSkills(projectId: number, resolved: ResolvedSkill[]): void {
    clearSkills.run(projectId)
    resolved.forEach((s, position) => linkSkill.run({ projectId, skillId: s.skillId, level: s.level, position }))
  }

  function writeCredentials(projectId: number, ids: readonly string[]): void {
    const rowIds = ids.map((id, i) => {
      const rowId = toRowId('credential', id)
      if (!credentialExists.get(rowId))
        throw badInput(`credentialIds.${i}: there is no credential ${id}`, [{ path: `credentialIds.${i}`, message: `there is no credential ${id}` }])
      return rowId
    })
    clearCredentials.run(projectId)
    for (const rowId of rowIds) linkCredential.run(projectId, rowId)
  }

  function read(rowId: number): Project {
    const row = requireRow(rowId, toPublicId('project', rowId))
    return toProject(row, skills.linksOf('project', rowId), credentialsOf.all(rowId))
  }

  function insert(values: ProjectValues): number {
    assertDatesInOrder(values)
    const rowId = Number(insertRow.run({ ...toParams(values), at: now().toISOString() }).lastInsertRowid)
    writeSkills(rowId, skills.resolve(values.skills))
    writeCredentials(rowId, values.credentialIds)
    index.project(rowId)
    return rowId
  }

  return {
    insert,

    list(q: ProjectsListInput): ProjectsListOutput {
      const params: Record<string, unknown> = { limit: q.limit, offset: q.offset }
      const match = ftsQuery(q.text)
      if (q.text && !match) return { items: [], total: 0 }
      let filter = ''
      let total: number | null = null
      if (match) {
        const text = textFilter(match)
        filter = `WHERE ${text.clause}`
        params.match = match
        total = text.matches
      }
      total ??= (cached(`SELECT count(*) AS n FROM project p`).get() as { n: number }).n
      const rows = cached(
        `SELECT p.*,
           (SELECT json_group_array(name) FROM (SELECT s.name FROM project_skill ps JOIN skill s ON s.id = ps.skill_id
             WHERE ps.project_id = p.id ORDER BY ps.position, s.name COLLATE NOCASE)) AS skill_names,
           (SELECT count(*) FROM project_credential WHERE project_id = p.id) AS credential_count
         FROM project p ${filter} ORDER BY ${PROJECT_ORDER[q.sort]} LIMIT @limit OFFSET @offset`,
      ).all(params) as Array<ProjectRow & { skill_names: string; credential_count: number }>
      const items: ProjectSummary[] = rows.map((r) => ({
        id: toPublicId('project', r.id),
        title: r.title,
        role: r.role,
        startedOn: r.started_on,
        endedOn: r.ended_on,
        skillNames: parseJsonArray<string>(r.skill_names),
        credentialCount: r.credential_count,
      }))
      return { items, total }
    },

    get({ id }: ProjectsGetInput): ProjectsGetOutput {
      return read(toRowId('project', id))
    },

    create(input: ProjectsCreateInput): ProjectsCreateOutput {
      return db.transaction(() => read(insert(input)))()
    },

    update({ id, patch }: ProjectsUpdateInput): ProjectsUpdateOutput {
      const rowId = toRowId('project', id)
      return db.transaction(() => {
        const current = rowToFields(requireRow(rowId, id))
        const { skills: skillPatch, credentialIds, ...fields } = patch
        const next = { ...current, ...fields }
        assertDatesInOrder(next)
        updateRow.run({ ...toParams(next), id: rowId, at: now().toISOString() })
        if (skillPatch !== undefined) writeSkills(rowId, skills.resolve(skillPatch))
        if (credentialIds !== undefined) writeCredentials(rowId, credentialIds)
        index.project(rowId)
        return read(rowId)
      })()
    },

    remove({ id }: ProjectsDeleteInput): ProjectsDeleteOutput {
      const rowId = toRowId('project', id)
      db.transaction(() => {
        requireRow(rowId, id)
        deleteRow.run(rowId)
        index.project(rowId)
      })()
      return { id }
    },

    count(): number {
      return (cached('SELECT count(*) AS n FROM project').get() as { n: number }).n
    },
  }
}
