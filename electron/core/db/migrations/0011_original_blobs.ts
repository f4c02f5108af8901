import type { Db } from '../open'

/**
 * Original files in the portfolio itself (issue 10): until now they lived in a
 * content-addressed folder beside the file, written outside the transaction of the credential
 * that uses them. Now the bytes are a row here, keyed by SHA-256 and written in that same
 * transaction, so a backup is one file and a crash leaves nothing half-written.
 *
 * A table of its own rather than a column on evidence_file: listing and joining file metadata
 * never reads a page of blob data. A rowid table (WITHOUT ROWID suits small rows only): each row
 * is the key plus one blob in an overflow chain, found through the key's index. No foreign key
 * to evidence_file: originals moved in from an old folder may have no metadata row.
 *
 * Moving an existing folder in is done on open by the app (originals/legacy-folder.ts), not
 * here: it reads files, may fail part way, and must be retried until every original is in.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE original_blob (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      bytes  BLOB NOT NULL
    ) STRICT;
  `)
}
