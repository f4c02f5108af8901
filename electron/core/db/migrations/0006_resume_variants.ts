import type { Db } from '../open'

/**
 * Named resume variants (issue 5): the Resume screen's choices saved under a name, with where
 * that version was sent. The choices are the contract's ResumeSettings as JSON (re-validated on
 * read); the target role is also kept in its own column so variants list and filter by role
 * without parsing JSON. Names are unique, ignoring case and spacing (`name_key`).
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE resume_variants (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      name_key    TEXT NOT NULL UNIQUE,
      role_ref    TEXT,
      settings    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
      sent_to     TEXT,
      sent_on     TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX resume_variants_by_role ON resume_variants (role_ref);
    CREATE INDEX resume_variants_by_updated ON resume_variants (updated_at DESC, id DESC);
  `)
}
