import type { Db } from '../open'

/**
 * Work experience as evidence (issue 9): skills the user links to a work entry, and the user's
 * decisions about skills inferred from a work entry's title (confirmed or rejected; no row =
 * still inferred). Nothing existing changes.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE experience_skill (
      experience_id INTEGER NOT NULL REFERENCES experience (id) ON DELETE CASCADE,
      skill_id      INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
      level         TEXT CHECK (level IS NULL OR level IN ('beginner','intermediate','advanced','expert')),
      position      INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (experience_id, skill_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX experience_skill_by_skill ON experience_skill (skill_id);

    CREATE TABLE experience_inference (
      experience_id INTEGER NOT NULL REFERENCES experience (id) ON DELETE CASCADE,
      skill_key     TEXT NOT NULL CHECK (length(skill_key) BETWEEN 1 AND 200),
      decision      TEXT NOT NULL CHECK (decision IN ('confirmed','rejected')),
      decided_at    TEXT NOT NULL,
      PRIMARY KEY (experience_id, skill_key)
    ) STRICT, WITHOUT ROWID;
  `)
}
