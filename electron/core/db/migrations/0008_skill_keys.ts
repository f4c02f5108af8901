import type { Db } from '../open'

/**
 * One "same skill" key (issue 9): skill.name_key and skill_alias.alias_key were a lower-cased,
 * space-collapsed name; they become the skills module's key, which also folds accents,
 * full-width letters and the joiners between words ("Power-BI" = "Power BI"). Skills whose
 * names now share a key are merged into the oldest: their links and aliases move over (the
 * merged name is the same skill by key, so nothing the user entered stops being found).
 * Custom roles' and imported taxonomies' skill keys (role_skill, taxonomy_skill) follow.
 *
 * Frozen: `key` below is the skills module's skillKey as it was at schema version 8, copied,
 * not imported (tests/core/db/skill-keys.test.ts checks the copy against the live function).
 */
export function up(db: Db): void {
  const skills = db.prepare('SELECT id, name FROM skill ORDER BY id').all() as { id: number; name: string }[]
  const owner = new Map<string, number>()
  const merges: { from: number; into: number; name: string }[] = []
  for (const s of skills) {
    const k = key(s.name)
    const into = owner.get(k)
    if (into === undefined) owner.set(k, s.id)
    else merges.push({ from: s.id, into, name: s.name })
  }
  const moveLinks = ['credential_skill (credential_id', 'project_skill (project_id', 'experience_skill (experience_id'].map((t) => {
    const [table, col] = t.split(' (') as [string, string]
    return db.prepare(
      `INSERT OR IGNORE INTO ${table} (${col}, skill_id, level, position) SELECT ${col}, @into, level, position FROM ${table} WHERE skill_id = @from`,
    )
  })
  const moveAliases = db.prepare('UPDATE OR IGNORE skill_alias SET skill_id = @into WHERE skill_id = @from')
  const drop = db.prepare('DELETE FROM skill WHERE id = ?')
  for (const m of merges) {
    for (const stmt of moveLinks) stmt.run({ from: m.from, into: m.into })
    moveAliases.run({ from: m.from, into: m.into })
    drop.run(m.from)
  }

  // New keys, through a temporary value so UNIQUE never sees two rows on the way.
  db.exec(`UPDATE skill SET name_key = '#' || id`)
  const setName = db.prepare('UPDATE skill SET name_key = ? WHERE id = ?')
  for (const [k, id] of owner) if (!merges.some((m) => m.from === id)) setName.run(k, id)

  const aliases = db.prepare('SELECT rowid AS r, alias_key AS old, alias, skill_id AS skillId FROM skill_alias ORDER BY rowid').all() as { r: number; old: string; alias: string; skillId: number }[]
  db.exec(`UPDATE skill_alias SET alias_key = '#' || rowid`)
  const setAlias = db.prepare('UPDATE skill_alias SET alias_key = ? WHERE rowid = ?')
  const dropAlias = db.prepare('DELETE FROM skill_alias WHERE rowid = ?')
  const taken = new Set(owner.keys())
  for (const a of aliases) {
    const k = key(a.alias)
    // An alias that is now another skill's name or an earlier alias is redundant.
    if (taken.has(k)) dropAlias.run(a.r)
    else {
      taken.add(k)
      setAlias.run(k, a.r)
    }
  }

  // role_skill is WITHOUT ROWID, keyed (role_id, name_key): old keys are unique per role, so
  // '#' + old key is a safe temporary value.
  const roleSkills = db.prepare('SELECT role_id AS roleId, name_key AS old, name FROM role_skill ORDER BY role_id, position').all() as { roleId: number; old: string; name: string }[]
  db.exec(`UPDATE role_skill SET name_key = '#' || name_key`)
  const setRoleKey = db.prepare('UPDATE role_skill SET name_key = ? WHERE role_id = ? AND name_key = ?')
  const dropRoleSkill = db.prepare('DELETE FROM role_skill WHERE role_id = ? AND name_key = ?')
  const seen = new Set<string>()
  for (const s of roleSkills) {
    const k = key(s.name)
    if (seen.has(`${s.roleId}\u0000${k}`)) dropRoleSkill.run(s.roleId, `#${s.old}`)
    else {
      seen.add(`${s.roleId}\u0000${k}`)
      setRoleKey.run(k, s.roleId, `#${s.old}`)
    }
  }

  const imported = db.prepare('SELECT id, name FROM taxonomy_skill').all() as { id: number; name: string }[]
  const setImported = db.prepare('UPDATE taxonomy_skill SET name_key = ? WHERE id = ?')
  for (const t of imported) setImported.run(key(t.name), t.id)

  if (merges.length) {
    // Search documents name the merged skills; rebuild them as the search index writes them.
    db.exec(`
      DELETE FROM credential_fts; DELETE FROM project_fts; DELETE FROM skill_fts;
      INSERT INTO credential_fts (rowid, title, body, tags)
        SELECT c.id, c.title,
               concat_ws(' ', c.provider, c.issuer_name, c.credential_code, c.kind, c.description, c.notes) AS body,
               (SELECT coalesce(group_concat(s.name, ' '), '') FROM credential_skill l JOIN skill s ON s.id = l.skill_id WHERE l.credential_id = c.id) AS tags
          FROM credential c;
      INSERT INTO project_fts (rowid, title, body, tags)
        SELECT p.id, p.title,
               concat_ws(' ', p.role, p.summary, (SELECT group_concat(value, ' ') FROM json_each(p.outcomes))) AS body,
               (SELECT coalesce(group_concat(s.name, ' '), '') FROM project_skill l JOIN skill s ON s.id = l.skill_id WHERE l.project_id = p.id) AS tags
          FROM project p;
      INSERT INTO skill_fts (rowid, name, aliases, description)
        SELECT s.id, s.name,
               (SELECT coalesce(group_concat(alias, ' '), '') FROM skill_alias WHERE skill_id = s.id) AS aliases,
               coalesce(s.description, '') AS description
          FROM skill s;
    `)
  }
}

// ---------- the skill key as of schema version 8 (frozen copy) ----------

const WORD = /[\p{L}\p{N}]/u
const isWord = (ch: string) => {
  const c = ch.charCodeAt(0)
  return c < 0x80 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : WORD.test(ch)
}

function fold(text: string): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out += cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch
    else
      out += ch
        .normalize('NFKC')
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[\u2018\u2019\u02bc]/g, "'")
        .replace(/[\u2010\u2011]/g, '-')
        .replace(/[\u2028\u2029\u0085]/g, '\n')
  }
  return out
}

/** Words of letters and digits joined by single spaces; "+"/"#" kept on short words, ".net", "&" = and. */
export function key(name: string): string {
  const t = fold(name)
  const keys: string[] = []
  for (let i = 0; i < t.length; ) {
    const ch = t[i]!
    const dotWord = ch === '.' && i + 1 < t.length && t.charCodeAt(i + 1) >= 97 && t.charCodeAt(i + 1) <= 122 && (i === 0 || !isWord(t[i - 1]!))
    if (isWord(ch) || dotWord) {
      const begin = i++
      while (i < t.length && isWord(t[i]!)) i++
      let word = t.slice(begin, i)
      if (i < t.length && (t[i] === '+' || t[i] === '#') && (word.length <= 2 || /^\d+$/.test(word))) {
        while (i < t.length && (t[i] === '+' || t[i] === '#')) i++
        word = t.slice(begin, i)
      }
      keys.push(word)
      continue
    }
    if (ch === '&') keys.push('and')
    i++
  }
  return keys.join(' ') || name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim()
}
