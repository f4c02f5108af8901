import type { Db } from '../open'

/**
 * Full-text search over credentials, projects and skills (FTS5). The indexes are kept
 * in step by triggers, so every writer (app, command line, importers) is covered and
 * the text that is indexed is defined in one place: here. A credential's or project's
 * `tags` column holds the names of its linked skills, so "SQL" finds what teaches SQL.
 */
export function up(db: Db): void {
  const tokenize = `tokenize = "unicode61 remove_diacritics 2"`
  const credentialBody = `concat_ws(' ', NEW.provider, NEW.issuer_name, NEW.credential_code, NEW.kind, NEW.description, NEW.notes)`
  const credentialTags = (id: string) =>
    `(SELECT coalesce(group_concat(s.name, ' '), '') FROM credential_skill cs JOIN skill s ON s.id = cs.skill_id WHERE cs.credential_id = ${id})`
  const projectBody = `concat_ws(' ', NEW.role, NEW.summary, (SELECT group_concat(value, ' ') FROM json_each(NEW.outcomes)))`
  const projectTags = (id: string) =>
    `(SELECT coalesce(group_concat(s.name, ' '), '') FROM project_skill ps JOIN skill s ON s.id = ps.skill_id WHERE ps.project_id = ${id})`
  const skillAliases = (id: string) =>
    `(SELECT coalesce(group_concat(alias, ' '), '') FROM skill_alias WHERE skill_id = ${id})`

  db.exec(`
    CREATE VIRTUAL TABLE credential_fts USING fts5 (title, body, tags, ${tokenize});
    CREATE VIRTUAL TABLE project_fts USING fts5 (title, body, tags, ${tokenize});
    CREATE VIRTUAL TABLE skill_fts USING fts5 (name, aliases, description, ${tokenize});

    CREATE TRIGGER credential_fts_insert AFTER INSERT ON credential BEGIN
      INSERT INTO credential_fts (rowid, title, body, tags) VALUES (NEW.id, NEW.title, ${credentialBody}, '');
    END;
    CREATE TRIGGER credential_fts_update AFTER UPDATE ON credential BEGIN
      UPDATE credential_fts SET title = NEW.title, body = ${credentialBody} WHERE rowid = NEW.id;
    END;
    CREATE TRIGGER credential_fts_delete AFTER DELETE ON credential BEGIN
      DELETE FROM credential_fts WHERE rowid = OLD.id;
    END;
    CREATE TRIGGER credential_skill_fts_insert AFTER INSERT ON credential_skill BEGIN
      UPDATE credential_fts SET tags = ${credentialTags('NEW.credential_id')} WHERE rowid = NEW.credential_id;
    END;
    CREATE TRIGGER credential_skill_fts_delete AFTER DELETE ON credential_skill BEGIN
      UPDATE credential_fts SET tags = ${credentialTags('OLD.credential_id')} WHERE rowid = OLD.credential_id;
    END;

    CREATE TRIGGER project_fts_insert AFTER INSERT ON project BEGIN
      INSERT INTO project_fts (rowid, title, body, tags) VALUES (NEW.id, NEW.title, ${projectBody}, '');
    END;
    CREATE TRIGGER project_fts_update AFTER UPDATE ON project BEGIN
      UPDATE project_fts SET title = NEW.title, body = ${projectBody} WHERE rowid = NEW.id;
    END;
    CREATE TRIGGER project_fts_delete AFTER DELETE ON project BEGIN
      DELETE FROM project_fts WHERE rowid = OLD.id;
    END;
    CREATE TRIGGER project_skill_fts_insert AFTER INSERT ON project_skill BEGIN
      UPDATE project_fts SET tags = ${projectTags('NEW.project_id')} WHERE rowid = NEW.project_id;
    END;
    CREATE TRIGGER project_skill_fts_delete AFTER DELETE ON project_skill BEGIN
      UPDATE project_fts SET tags = ${projectTags('OLD.project_id')} WHERE rowid = OLD.project_id;
    END;

    CREATE TRIGGER skill_fts_insert AFTER INSERT ON skill BEGIN
      INSERT INTO skill_fts (rowid, name, aliases, description) VALUES (NEW.id, NEW.name, '', coalesce(NEW.description, ''));
    END;
    CREATE TRIGGER skill_fts_update AFTER UPDATE ON skill BEGIN
      UPDATE skill_fts SET name = NEW.name, description = coalesce(NEW.description, '') WHERE rowid = NEW.id;
    END;
    CREATE TRIGGER skill_fts_delete AFTER DELETE ON skill BEGIN
      DELETE FROM skill_fts WHERE rowid = OLD.id;
    END;
    CREATE TRIGGER skill_rename_fts AFTER UPDATE OF name ON skill BEGIN
      UPDATE credential_fts SET tags = ${credentialTags('credential_fts.rowid')}
        WHERE rowid IN (SELECT credential_id FROM credential_skill WHERE skill_id = NEW.id);
      UPDATE project_fts SET tags = ${projectTags('project_fts.rowid')}
        WHERE rowid IN (SELECT project_id FROM project_skill WHERE skill_id = NEW.id);
    END;
    CREATE TRIGGER skill_alias_fts_insert AFTER INSERT ON skill_alias BEGIN
      UPDATE skill_fts SET aliases = ${skillAliases('NEW.skill_id')} WHERE rowid = NEW.skill_id;
    END;
    CREATE TRIGGER skill_alias_fts_delete AFTER DELETE ON skill_alias BEGIN
      UPDATE skill_fts SET aliases = ${skillAliases('OLD.skill_id')} WHERE rowid = OLD.skill_id;
    END;
  `)

  // Index what earlier versions already hold.
  db.exec(`
    INSERT INTO credential_fts (rowid, title, body, tags)
      SELECT c.id, c.title,
             concat_ws(' ', c.provider, c.issuer_name, c.credential_code, c.kind, c.description, c.notes),
             ${credentialTags('c.id')}
        FROM credential c;
    INSERT INTO project_fts (rowid, title, body, tags)
      SELECT p.id, p.title,
             concat_ws(' ', p.role, p.summary, (SELECT group_concat(value, ' ') FROM json_each(p.outcomes))),
             ${projectTags('p.id')}
        FROM project p;
    INSERT INTO skill_fts (rowid, name, aliases, description)
      SELECT s.id, s.name, ${skillAliases('s.id')}, coalesce(s.description, '') FROM skill s;
  `)
}
