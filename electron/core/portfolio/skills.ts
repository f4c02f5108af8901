import type { Db } from '../db/open'
import type { SkillsCreateInput, SkillsCreateOutput, SkillsDeleteInput, SkillsDeleteOutput, SkillsGetInput, SkillsGetOutput, SkillsListInput, SkillsListOutput, SkillsMergeInput, SkillsMergeOutput, SkillsSuggestInput, SkillsSuggestOutput, SkillsUpdateInput, SkillsUpdateOutput } from '../../shared/io'
import type { Skill, SkillCategory, SkillLevel, SkillLink, SkillOrigin } from '../../shared/schemas'
import { conflict, notFound } from '../../shared/errors'
import { statementCache } from '../db/statements'
import { toPublicId, toRowId } from './ids'
import { ftsQuery, likeEscape, parseJsonArray } from './text'
import { skillKey } from '../skills/key'
import type { SearchIndex } from './search-index'

export interface SkillRow {
  id: number
  name: string
  category: SkillCategory
  description: string | null
  taxonomy_uri: string | null
  aliases: string
  credential_count: number
  project_count: number
  experience_count: number
  created_at: string
  updated_at: string
}

/**
 * A credential's skill link that counts: typed, an issuer's alignment, or an accepted badge tag.
 * Pending tags wait for the person's word and rejected ones are kept only so a re-import does not
 * add them back (migration 0012); neither counts anywhere a skill's backing is shown.
 */
export const COUNTED_CREDENTIAL_LINK = `(decision IS NULL OR decision = 'accepted')`
/** Shown on the credential (pending tags marked as such); rejected tags are not. */
const SHOWN_CREDENTIAL_LINK = `(l.decision IS NULL OR l.decision <> 'rejected')`

export const SKILL_COLUMNS = `
  s.id, s.name, s.category, s.description, s.taxonomy_uri, s.created_at, s.updated_at,
  (SELECT json_group_array(alias) FROM (SELECT alias FROM skill_alias WHERE skill_id = s.id ORDER BY alias COLLATE NOCASE)) AS aliases,
  (SELECT count(*) FROM credential_skill WHERE skill_id = s.id AND ${COUNTED_CREDENTIAL_LINK}) AS credential_count,
  (SELECT count(*) FROM project_skill WHERE skill_id = s.id) AS project_count,
  (SELECT count(*) FROM experience_skill WHERE skill_id = s.id) AS experience_count`

export const SKILL_ORDER = {
  name: 's.name COLLATE NOCASE, s.id',
  evidence: 'credential_count + project_count + experience_count DESC, s.name COLLATE NOCASE, s.id',
  recent: 's.updated_at DESC, s.id DESC',
} as const

export function toSkill(row: SkillRow): Skill {
  return {
    id: toPublicId('skill', row.id),
    name: row.name,
    category: row.category,
    aliases: parseJsonArray<string>(row.aliases),
    description: row.description,
    taxonomyUri: row.taxonomy_uri,
    credentialCount: row.credential_count,
    projectCount: row.project_count,
    experienceCount: row.experience_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Who can link skills, and the table and column that hold the links. */
const LINK_TABLES = {
  credential: { table: 'credential_skill', owner: 'credential_id' },
  project: { table: 'project_skill', owner: 'project_id' },
  experience: { table: 'experience_skill', owner: 'experience_id' },
} as const
export type SkillLinkOwner = keyof typeof LINK_TABLES

export interface SkillLinkRow {
  owner: number
  id: number
  name: string
  category: SkillCategory
  level: SkillLevel | null
  /** Credential links only (NULL for projects and work entries). */
  origin: SkillOrigin | null
  decision: 'pending' | 'accepted' | null
  tag: string | null
}

/**
 * The skills linked to one owner (`one`: bind the owner's row id) or to every owner of that
 * kind (`all`: grouped by owner), in the order the form gave them. Both orders are the same
 * within an owner, so a set-based read returns exactly what the per-record read does.
 */
export function skillLinksSql(owner: SkillLinkOwner, scope: 'one' | 'all'): string {
  const { table, owner: column } = LINK_TABLES[owner]
  const credential = owner === 'credential'
  const origin = credential ? 'l.origin, l.decision, l.tag' : 'NULL AS origin, NULL AS decision, NULL AS tag'
  const where = [scope === 'one' ? `l.${column} = ?` : '', credential ? SHOWN_CREDENTIAL_LINK : ''].filter(Boolean).join(' AND ')
  return `SELECT l.${column} AS owner, s.id, s.name, s.category, l.level, ${origin} FROM ${table} l JOIN skill s ON s.id = l.skill_id
    ${where ? `WHERE ${where}` : ''} ORDER BY ${scope === 'one' ? '' : `l.${column}, `}l.position, s.name COLLATE NOCASE, s.id`
}

export function toSkillLink(r: SkillLinkRow): SkillLink {
  const link: SkillLink = { id: toPublicId('skill', r.id), name: r.name, category: r.category, level: r.level }
  if (r.origin === null) return link
  link.origin = r.origin
  if (r.origin === 'tag') {
    link.decision = r.decision === 'accepted' ? 'accepted' : 'pending'
    if (r.tag !== null) link.tag = r.tag
  }
  return link
}

/** Rows of `skillLinksSql(owner, 'all')` as owner row id -> links, order kept. */
export function groupSkillLinks(rows: readonly SkillLinkRow[]): Map<number, SkillLink[]> {
  const out = new Map<number, SkillLink[]>()
  for (const r of rows) {
    const list = out.get(r.owner)
    if (list) list.push(toSkillLink(r))
    else out.set(r.owner, [toSkillLink(r)])
  }
  return out
}

export interface ResolvedSkill {
  skillId: number
  level: SkillLevel | null
  /** Credentials: where the mention came from; null when the caller did not say (keep what the link has). */
  origin: SkillOrigin | null
  /** The text as written, for tag mentions ("k8s"). */
  tag: string | null
}

const ORIGIN_STRENGTH: Record<SkillOrigin, number> = { tag: 1, alignment: 2, typed: 3 }
/** Of two mentions of one skill, the firmer origin wins: typed over an alignment over a tag. */
export const firmerOrigin = (a: SkillOrigin | null, b: SkillOrigin | null): SkillOrigin | null =>
  a === null ? b : b === null ? a : ORIGIN_STRENGTH[b] > ORIGIN_STRENGTH[a] ? b : a

export type SkillsService = ReturnType<typeof createSkills>

export function createSkills(db: Db, now: () => Date, index: SearchIndex) {
  const cached = statementCache(db)
  const byId = db.prepare<[number], SkillRow>(`SELECT ${SKILL_COLUMNS} FROM skill s WHERE s.id = ?`)
  const idByKey = db.prepare<{ key: string }, { id: number }>(
    `SELECT id FROM skill WHERE name_key = @key UNION ALL SELECT skill_id AS id FROM skill_alias WHERE alias_key = @key LIMIT 1`,
  )
  const insertSkill = db.prepare(
    `INSERT INTO skill (name, name_key, category, description, created_at, updated_at)
     VALUES (@name, @key, @category, @description, @at, @at)`,
  )
  const updateSkill = db.prepare(
    `UPDATE skill SET name = @name, name_key = @key, category = @category, description = @description, updated_at = @at WHERE id = @id`,
  )
  const insertAlias = db.prepare(`INSERT INTO skill_alias (alias_key, alias, skill_id) VALUES (@key, @alias, @skillId)`)
  const deleteAliases = db.prepare(`DELETE FROM skill_alias WHERE skill_id = ?`)
  const deleteSkill = db.prepare(`DELETE FROM skill WHERE id = ?`)
  // Ranks: exact name 0, exact alias 1, name prefix 2, alias prefix 3, name substring 4, alias substring 5.
  // SQLite returns the other columns of the min(rank) row, so matched_alias says how it was found.
  const suggestStmt = db.prepare<
    { exact: string; prefix: string; contains: string; limit: number },
    { id: number; name: string; category: SkillCategory; matched_alias: string | null; rank: number }
  >(
    `SELECT id, name, category, matched_alias, min(rank) AS rank FROM (
       SELECT s.id, s.name, s.category, NULL AS matched_alias,
              CASE WHEN s.name_key = @exact THEN 0 WHEN s.name_key LIKE @prefix ESCAPE '\\' THEN 2 ELSE 4 END AS rank
         FROM skill s WHERE s.name_key LIKE @contains ESCAPE '\\'
       UNION ALL
       SELECT s.id, s.name, s.category, a.alias,
              CASE WHEN a.alias_key = @exact THEN 1 WHEN a.alias_key LIKE @prefix ESCAPE '\\' THEN 3 ELSE 5 END
         FROM skill_alias a JOIN skill s ON s.id = a.skill_id WHERE a.alias_key LIKE @contains ESCAPE '\\'
     ) GROUP BY id ORDER BY rank, length(name), name COLLATE NOCASE LIMIT @limit`,
  )
  const credentialsOf = db.prepare<[number], { id: number; title: string; level: SkillLevel | null }>(
    `SELECT c.id, c.title, cs.level FROM credential_skill cs JOIN credential c ON c.id = cs.credential_id
      WHERE cs.skill_id = ? AND (cs.decision IS NULL OR cs.decision = 'accepted') ORDER BY coalesce(c.earned_on, c.created_at) DESC, c.id DESC`,
  )
  const projectsOf = db.prepare<[number], { id: number; title: string; level: SkillLevel | null }>(
    `SELECT p.id, p.title, ps.level FROM project_skill ps JOIN project p ON p.id = ps.project_id
      WHERE ps.skill_id = ? ORDER BY coalesce(p.started_on, p.created_at) DESC, p.id DESC`,
  )
  const experienceOf = db.prepare<[number], { id: number; title: string; organization: string; level: SkillLevel | null }>(
    `SELECT e.id, e.title, e.organization, es.level FROM experience_skill es JOIN experience e ON e.id = es.experience_id
      WHERE es.skill_id = ? ORDER BY e.ended_on IS NOT NULL, e.ended_on DESC, e.started_on DESC, e.id DESC`,
  )
  const linksOf = {
    credential: db.prepare<[number], SkillLinkRow>(skillLinksSql('credential', 'one')),
    project: db.prepare<[number], SkillLinkRow>(skillLinksSql('project', 'one')),
    experience: db.prepare<[number], SkillLinkRow>(skillLinksSql('experience', 'one')),
  }
  // Two links of one credential merge into one: the firmer origin and its decision win.
  const firmness = (t: string) =>
    `CASE WHEN ${t}.origin = 'typed' THEN 4 WHEN ${t}.origin = 'alignment' THEN 3 WHEN ${t}.decision = 'accepted' THEN 2 WHEN ${t}.decision = 'pending' THEN 1 ELSE 0 END`
  const firmer = (column: string) =>
    `${column} = CASE WHEN ${firmness('excluded')} > ${firmness('credential_skill')} THEN excluded.${column} ELSE credential_skill.${column} END`
  const moveCredentialLinks = db.prepare(
    `INSERT INTO credential_skill (credential_id, skill_id, level, position, origin, decision, tag, decided_at)
       SELECT credential_id, @target, level, position, origin, decision, tag, decided_at FROM credential_skill WHERE skill_id = @source
       ON CONFLICT (credential_id, skill_id) DO UPDATE SET level = coalesce(credential_skill.level, excluded.level),
         ${['origin', 'decision', 'tag', 'decided_at'].map(firmer).join(', ')}`,
  )
  const moveProjectLinks = db.prepare(
    `INSERT INTO project_skill (project_id, skill_id, level, position)
       SELECT project_id, @target, level, position FROM project_skill WHERE skill_id = @source
       ON CONFLICT (project_id, skill_id) DO UPDATE SET level = coalesce(project_skill.level, excluded.level)`,
  )
  const moveExperienceLinks = db.prepare(
    `INSERT INTO experience_skill (experience_id, skill_id, level, position)
       SELECT experience_id, @target, level, position FROM experience_skill WHERE skill_id = @source
       ON CONFLICT (experience_id, skill_id) DO UPDATE SET level = coalesce(experience_skill.level, excluded.level)`,
  )

  const stamp = () => now().toISOString()

  function requireRow(rowId: number, publicId: string): SkillRow {
    const row = byId.get(rowId)
    if (!row) throw notFound(`There is no skill ${publicId}.`)
    return row
  }

  /** Refuses a name or alias that already names a different skill. */
  function assertFree(key: string, label: string, ownId: number | null): void {
    const hit = idByKey.get({ key })
    if (hit && hit.id !== ownId) {
      const other = byId.get(hit.id)
      throw conflict(`"${label}" is already used by the skill "${other?.name ?? label}".`)
    }
  }

  function writeAliases(skillId: number, name: string, aliases: readonly string[]): void {
    deleteAliases.run(skillId)
    const seen = new Set([skillKey(name)])
    for (const alias of aliases) {
      const key = skillKey(alias)
      if (seen.has(key)) continue
      seen.add(key)
      assertFree(key, alias, skillId)
      insertAlias.run({ key, alias: alias.trim(), skillId })
    }
  }

  function insert(name: string, category: SkillCategory, description: string | null): number {
    const key = skillKey(name)
    assertFree(key, name, null)
    const rowId = Number(insertSkill.run({ name: name.trim(), key, category, description, at: stamp() }).lastInsertRowid)
    index.skill(rowId)
    return rowId
  }

  return {
    /**
     * Turns names typed in a credential, project or experience form into skill ids: an existing skill
     * by name or alias, else a new one. Duplicates collapse to the first mention.
     * Must run inside the caller's transaction.
     */
    resolve(refs: ReadonlyArray<{ name: string; level: SkillLevel | null; origin?: SkillOrigin | undefined }>): ResolvedSkill[] {
      const out = new Map<number, ResolvedSkill>()
      for (const ref of refs) {
        const hit = idByKey.get({ key: skillKey(ref.name) })
        const skillId = hit ? hit.id : insert(ref.name, 'other', null)
        const origin = ref.origin ?? null
        const seen = out.get(skillId)
        if (!seen) out.set(skillId, { skillId, level: ref.level, origin, tag: origin === 'tag' ? ref.name.trim() : null })
        else {
          seen.origin = firmerOrigin(seen.origin, origin)
          if (seen.origin === 'tag') seen.tag ??= ref.name.trim()
        }
      }
      return [...out.values()]
    },

    linksOf(owner: SkillLinkOwner, rowId: number): SkillLink[] {
      return linksOf[owner].all(rowId).map(toSkillLink)
    },

    list(q: SkillsListInput): SkillsListOutput {
      const where: string[] = []
      const params: Record<string, unknown> = { limit: q.limit, offset: q.offset }
      const match = ftsQuery(q.text)
      if (q.text && !match) return { items: [], total: 0 }
      if (match) {
        where.push('s.id IN (SELECT rowid FROM skill_fts WHERE skill_fts MATCH @match)')
        params.match = match
      }
      if (q.category) {
        where.push('s.category = @category')
        params.category = q.category
      }
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : ''
      const total = (cached(`SELECT count(*) AS n FROM skill s ${filter}`).get(params) as { n: number }).n
      const rows = cached(`SELECT ${SKILL_COLUMNS} FROM skill s ${filter} ORDER BY ${SKILL_ORDER[q.sort]} LIMIT @limit OFFSET @offset`).all(params) as SkillRow[]
      return { items: rows.map(toSkill), total }
    },

    get({ id }: SkillsGetInput): SkillsGetOutput {
      const rowId = toRowId('skill', id)
      const row = requireRow(rowId, id)
      return {
        ...toSkill(row),
        credentials: credentialsOf.all(rowId).map((c) => ({ id: toPublicId('credential', c.id), title: c.title, level: c.level })),
        projects: projectsOf.all(rowId).map((p) => ({ id: toPublicId('project', p.id), title: p.title, level: p.level })),
        experience: experienceOf.all(rowId).map((e) => ({ id: toPublicId('experience', e.id), title: e.title, organization: e.organization, level: e.level })),
      }
    },

    suggest({ text, limit }: SkillsSuggestInput): SkillsSuggestOutput {
      const key = skillKey(text)
      if (!key) return []
      const esc = likeEscape(key)
      return suggestStmt
        .all({ exact: key, prefix: `${esc}%`, contains: `%${esc}%`, limit })
        .map((r) => ({ id: toPublicId('skill', r.id), name: r.name, category: r.category, matchedAlias: r.matched_alias }))
    },

    create(input: SkillsCreateInput): SkillsCreateOutput {
      return db.transaction(() => {
        const rowId = insert(input.name, input.category, input.description)
        writeAliases(rowId, input.name, input.aliases)
        index.skill(rowId)
        return toSkill(requireRow(rowId, ''))
      })()
    },

    update({ id, patch }: SkillsUpdateInput): SkillsUpdateOutput {
      const rowId = toRowId('skill', id)
      return db.transaction(() => {
        const row = requireRow(rowId, id)
        const name = patch.name ?? row.name
        const key = skillKey(name)
        assertFree(key, name, rowId)
        updateSkill.run({
          id: rowId,
          name: name.trim(),
          key,
          category: patch.category ?? row.category,
          description: patch.description === undefined ? row.description : patch.description,
          at: stamp(),
        })
        // A rename keeps the old name findable; explicit aliases replace the list.
        const aliases = patch.aliases ?? parseJsonArray<string>(row.aliases)
        writeAliases(rowId, name, aliases)
        index.skill(rowId)
        if (name.trim() !== row.name) index.refreshUsers(index.usersOfSkill(rowId))
        return toSkill(requireRow(rowId, id))
      })()
    },

    remove({ id }: SkillsDeleteInput): SkillsDeleteOutput {
      const rowId = toRowId('skill', id)
      db.transaction(() => {
        requireRow(rowId, id)
        const users = index.usersOfSkill(rowId)
        deleteSkill.run(rowId)
        index.skill(rowId)
        index.refreshUsers(users)
      })()
      return { id }
    },

    merge({ sourceId, targetId }: SkillsMergeInput): SkillsMergeOutput {
      const source = toRowId('skill', sourceId)
      const target = toRowId('skill', targetId)
      if (source === target) throw conflict('A skill cannot be merged into itself.')
      return db.transaction(() => {
        const from = requireRow(source, sourceId)
        const into = requireRow(target, targetId)
        const users = index.usersOfSkill(source)
        moveCredentialLinks.run({ source, target })
        moveProjectLinks.run({ source, target })
        moveExperienceLinks.run({ source, target })
        const aliases = [...parseJsonArray<string>(into.aliases), from.name, ...parseJsonArray<string>(from.aliases)]
        deleteSkill.run(source) // frees the source's name and aliases before they become the target's
        writeAliases(target, into.name, aliases)
        updateSkill.run({ id: target, name: into.name, key: skillKey(into.name), category: into.category, description: into.description ?? from.description, at: stamp() })
        index.skill(source)
        index.skill(target)
        index.refreshUsers(users)
        return toSkill(requireRow(target, targetId))
      })()
    },

    count(): number {
      return (cached('SELECT count(*) AS n FROM skill').get() as { n: number }).n
    },
  }
}
