import type { Db } from '../open'

/**
 * Imported credentials: where each came from (format, original file, the credential's own
 * id, recipient), import batches with a per-file report that can be undone, the latest
 * verification verdicts, and app settings (e.g. whether online checks are allowed).
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE import_batch (
      id          INTEGER PRIMARY KEY,
      source      TEXT NOT NULL CHECK (source IN ('drop','dialog','cli','open-with')),
      started_at  TEXT NOT NULL,
      finished_at TEXT,
      total       INTEGER NOT NULL DEFAULT 0,
      undone_at   TEXT
    ) STRICT;

    ALTER TABLE credential ADD COLUMN source_format TEXT;
    ALTER TABLE credential ADD COLUMN source_container TEXT;
    ALTER TABLE credential ADD COLUMN source_id TEXT;
    ALTER TABLE credential ADD COLUMN issued_at TEXT;
    ALTER TABLE credential ADD COLUMN content_sha256 TEXT;
    ALTER TABLE credential ADD COLUMN issuer_id TEXT;
    ALTER TABLE credential ADD COLUMN recipient_name TEXT;
    ALTER TABLE credential ADD COLUMN recipient_identity TEXT;
    ALTER TABLE credential ADD COLUMN recipient_hashed INTEGER;
    ALTER TABLE credential ADD COLUMN criteria TEXT;
    ALTER TABLE credential ADD COLUMN achievement_type TEXT;
    ALTER TABLE credential ADD COLUMN image_sha256 TEXT;
    ALTER TABLE credential ADD COLUMN import_warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(import_warnings));
    ALTER TABLE credential ADD COLUMN batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL;
    CREATE INDEX credential_by_source_id ON credential (source_id) WHERE source_id IS NOT NULL;
    CREATE INDEX credential_by_content ON credential (content_sha256) WHERE content_sha256 IS NOT NULL;

    CREATE TABLE import_item (
      batch_id      INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
      position      INTEGER NOT NULL,
      file_name     TEXT NOT NULL,
      outcome       TEXT NOT NULL CHECK (outcome IN ('imported','updated','duplicate','failed')),
      credential_id INTEGER REFERENCES credential (id) ON DELETE SET NULL,
      title         TEXT,
      reason        TEXT,
      warnings      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
      -- For 'updated': the credential as it was, so the batch can be undone.
      previous      TEXT CHECK (previous IS NULL OR json_valid(previous)),
      PRIMARY KEY (batch_id, position)
    ) STRICT;

    CREATE TABLE credential_verification (
      credential_id      INTEGER PRIMARY KEY REFERENCES credential (id) ON DELETE CASCADE,
      signature_verdict  TEXT NOT NULL,
      signature_detail   TEXT NOT NULL,
      signature_method   TEXT,
      signature_key_id   TEXT,
      validity_verdict   TEXT NOT NULL,
      validity_detail    TEXT NOT NULL,
      valid_from         TEXT,
      valid_until        TEXT,
      status_verdict     TEXT NOT NULL,
      status_detail      TEXT NOT NULL,
      checked_at         TEXT NOT NULL,
      online             INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE setting (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;
  `)
}
