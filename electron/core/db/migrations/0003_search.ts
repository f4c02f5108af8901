import type { Db } from '../open'

/**
 * Full-text search over credentials, projects and skills (FTS5, diacritics folded, with
 * 2- and 3-character prefix indexes so type-as-you-search stays fast). The services keep
 * the index current; here the tables are created and what earlier versions hold is indexed.
 *
 * Frozen: the SQL below is what the search index wrote at schema version 3, kept as text
 * over the version-3 tables (0001, 0002). It must not import the live search index.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE VIRTUAL TABLE credential_fts USING fts5 (title, body, tags, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3');
    CREATE VIRTUAL TABLE project_fts USING fts5 (title, body, tags, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3');
    CREATE VIRTUAL TABLE skill_fts USING fts5 (name, aliases, description, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3');

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
