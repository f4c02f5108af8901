import type { Db } from '../open'

/** The raw material of a resume (profile, experience, education) and original evidence files. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE profile (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      full_name  TEXT,
      headline   TEXT,
      email      TEXT,
      phone      TEXT,
      location   TEXT,
      website    TEXT,
      links      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
      summary    TEXT,
      updated_at TEXT
    ) STRICT;
    INSERT INTO profile (id) VALUES (1);

    CREATE TABLE experience (
      id           INTEGER PRIMARY KEY,
      organization TEXT NOT NULL,
      title        TEXT NOT NULL,
      location     TEXT,
      started_on   TEXT,
      ended_on     TEXT,
      description  TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE education (
      id          INTEGER PRIMARY KEY,
      institution TEXT NOT NULL,
      degree      TEXT,
      field       TEXT,
      started_on  TEXT,
      ended_on    TEXT,
      description TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    -- Original files (badge PNGs, certificate PDFs) live in a content-addressed folder;
    -- the database only records what they are and who refers to them.
    CREATE TABLE evidence_file (
      sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      file_name  TEXT NOT NULL,
      media_type TEXT NOT NULL,
      size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
      added_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE credential_evidence (
      credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
      sha256        TEXT NOT NULL REFERENCES evidence_file (sha256),
      PRIMARY KEY (credential_id, sha256)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX credential_evidence_by_file ON credential_evidence (sha256);
  `)
}
