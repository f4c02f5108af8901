import type { Db } from '../open'

/**
 * Target roles and learning plans (issue 4), and taxonomies a user imports (full ESCO or
 * O*NET downloads, taxonomy packs). The built-in catalog ships as files in
 * resources/taxonomy and is not copied here; imported taxonomy rows are tagged with their
 * source and never touch the user's own skills.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE taxonomy_source (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('esco','onet','pack')),
      name        TEXT NOT NULL,
      version     TEXT,
      imported_at TEXT NOT NULL,
      UNIQUE (kind, name, version)
    ) STRICT;

    CREATE TABLE taxonomy_skill (
      id          INTEGER PRIMARY KEY,
      source_id   INTEGER NOT NULL REFERENCES taxonomy_source (id) ON DELETE CASCADE,
      external_id TEXT NOT NULL,
      name        TEXT NOT NULL,
      name_key    TEXT NOT NULL,
      category    TEXT NOT NULL DEFAULT 'other',
      description TEXT,
      aliases     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
      UNIQUE (source_id, external_id)
    ) STRICT;
    CREATE INDEX taxonomy_skill_by_key ON taxonomy_skill (name_key);

    CREATE TABLE taxonomy_occupation (
      id              INTEGER PRIMARY KEY,
      source_id       INTEGER NOT NULL REFERENCES taxonomy_source (id) ON DELETE CASCADE,
      external_id     TEXT NOT NULL,
      title           TEXT NOT NULL,
      description     TEXT,
      code            TEXT,
      alternate_titles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(alternate_titles)),
      UNIQUE (source_id, external_id)
    ) STRICT;

    CREATE TABLE taxonomy_occupation_skill (
      occupation_id INTEGER NOT NULL REFERENCES taxonomy_occupation (id) ON DELETE CASCADE,
      skill_id      INTEGER NOT NULL REFERENCES taxonomy_skill (id) ON DELETE CASCADE,
      essential     INTEGER NOT NULL DEFAULT 0,
      weight        REAL NOT NULL DEFAULT 0.5 CHECK (weight >= 0 AND weight <= 1),
      PRIMARY KEY (occupation_id, skill_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX taxonomy_occupation_skill_by_skill ON taxonomy_occupation_skill (skill_id);

    -- Roles the user made or saved from a job posting (catalog roles live in resources/).
    CREATE TABLE role (
      id           INTEGER PRIMARY KEY,
      title        TEXT NOT NULL,
      source       TEXT NOT NULL CHECK (source IN ('custom','posting','catalog-copy')),
      catalog_id   TEXT,
      description  TEXT,
      posting_text TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE role_skill (
      role_id   INTEGER NOT NULL REFERENCES role (id) ON DELETE CASCADE,
      name      TEXT NOT NULL,
      name_key  TEXT NOT NULL,
      weight    REAL NOT NULL DEFAULT 0.5 CHECK (weight >= 0 AND weight <= 1),
      essential INTEGER NOT NULL DEFAULT 0,
      position  INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (role_id, name_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE plan (
      id              INTEGER PRIMARY KEY,
      role_ref        TEXT NOT NULL,
      title           TEXT NOT NULL,
      budget_minor    INTEGER CHECK (budget_minor IS NULL OR budget_minor >= 0),
      currency        TEXT,
      hours_per_week  REAL CHECK (hours_per_week IS NULL OR hours_per_week > 0),
      target_date     TEXT,
      full_time       INTEGER NOT NULL DEFAULT 0,
      employer        TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE plan_step (
      id             INTEGER PRIMARY KEY,
      plan_id        INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
      position       INTEGER NOT NULL,
      title          TEXT NOT NULL,
      skills         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
      credential_kind TEXT NOT NULL,
      reason         TEXT NOT NULL,
      hours          REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
      cost_minor     INTEGER NOT NULL DEFAULT 0 CHECK (cost_minor >= 0),
      done_at        TEXT,
      credential_id  INTEGER REFERENCES credential (id) ON DELETE SET NULL,
      notes          TEXT
    ) STRICT;
    CREATE INDEX plan_step_by_plan ON plan_step (plan_id, position);
  `)
}
