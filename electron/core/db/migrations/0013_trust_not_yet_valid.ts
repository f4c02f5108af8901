import type { Db } from '../open'

/**
 * `import_item.trust` accepts 'not_yet_valid', the word of a credential whose validity starts
 * later (0010 listed every trust word but that one, so such a file could not be stored and
 * failed its import). SQLite cannot change a column's CHECK: the table is copied into one with
 * the wider check. Nothing refers to import_item, and it has no index or trigger of its own.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE import_item_new (
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
      trust         TEXT CHECK (trust IS NULL OR trust IN ('verified','status_unchecked','signed','unverified','expired','not_yet_valid','problem','self_reported')),
      headline      TEXT,
      unprocessed   INTEGER NOT NULL DEFAULT 0 CHECK (unprocessed IN (0,1)),
      PRIMARY KEY (batch_id, position)
    ) STRICT;
    INSERT INTO import_item_new (batch_id, position, file_name, outcome, credential_id, title, reason, warnings, previous, trust, headline, unprocessed)
      SELECT batch_id, position, file_name, outcome, credential_id, title, reason, warnings, previous, trust, headline, unprocessed FROM import_item;
    DROP TABLE import_item;
    ALTER TABLE import_item_new RENAME TO import_item;
  `)
}
