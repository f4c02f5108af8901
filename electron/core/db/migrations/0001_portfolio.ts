import type { Db } from '../open'

/** Credentials, skills, projects and the links between them. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE credential (
      id               INTEGER PRIMARY KEY,
      title            TEXT NOT NULL,
      kind             TEXT NOT NULL CHECK (kind IN ('platform','bootcamp','employer','academic','certification','badge','other')),
      status           TEXT NOT NULL DEFAULT 'earned' CHECK (status IN ('planned','in_progress','earned','expired','revoked')),
      provider         TEXT,
      issuer_name      TEXT,
      issuer_url       TEXT,
      started_on       TEXT,
      earned_on        TEXT,
      expires_on       TEXT,
      hours            REAL CHECK (hours IS NULL OR hours >= 0),
      cost_minor       INTEGER CHECK (cost_minor IS NULL OR cost_minor >= 0),
      currency         TEXT CHECK ((cost_minor IS NULL) = (currency IS NULL)),
      credential_code  TEXT,
      verification_url TEXT,
      description      TEXT,
      notes            TEXT,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT;
    -- One index per list sort order, written exactly as the ORDER BY, so a page is an index walk.
    CREATE INDEX credential_by_updated ON credential (updated_at DESC, id DESC);
    CREATE INDEX credential_by_title ON credential (title COLLATE NOCASE, id);
    CREATE INDEX credential_by_earned ON credential (earned_on IS NULL, earned_on DESC, id DESC);
    CREATE INDEX credential_by_expires ON credential (expires_on IS NULL, expires_on, id);
    CREATE INDEX credential_by_cost ON credential (cost_minor IS NULL, cost_minor DESC, id DESC);
    CREATE INDEX credential_by_hours ON credential (hours IS NULL, hours DESC, id DESC);
    CREATE INDEX credential_by_kind ON credential (kind);

    CREATE TABLE skill (
      id           INTEGER PRIMARY KEY,
      name         TEXT NOT NULL,
      name_key     TEXT NOT NULL UNIQUE,
      category     TEXT NOT NULL DEFAULT 'other' CHECK (category IN ('technology','knowledge','transversal','language','other')),
      description  TEXT,
      taxonomy_uri TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE skill_alias (
      alias_key TEXT PRIMARY KEY,
      alias     TEXT NOT NULL,
      skill_id  INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX skill_alias_by_skill ON skill_alias (skill_id);

    CREATE TABLE credential_skill (
      credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
      skill_id      INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
      level         TEXT CHECK (level IS NULL OR level IN ('beginner','intermediate','advanced','expert')),
      position      INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (credential_id, skill_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX credential_skill_by_skill ON credential_skill (skill_id);

    CREATE TABLE project (
      id         INTEGER PRIMARY KEY,
      title      TEXT NOT NULL,
      role       TEXT,
      summary    TEXT,
      started_on TEXT,
      ended_on   TEXT,
      links      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
      outcomes   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(outcomes)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX project_by_updated ON project (updated_at DESC, id DESC);
    CREATE INDEX project_by_title ON project (title COLLATE NOCASE, id);
    CREATE INDEX project_by_started ON project (started_on IS NULL, started_on DESC, id DESC);

    CREATE TABLE project_skill (
      project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      skill_id   INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
      level      TEXT CHECK (level IS NULL OR level IN ('beginner','intermediate','advanced','expert')),
      position   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (project_id, skill_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX project_skill_by_skill ON project_skill (skill_id);

    CREATE TABLE project_credential (
      project_id    INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
      PRIMARY KEY (project_id, credential_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX project_credential_by_credential ON project_credential (credential_id);
  `)
}
