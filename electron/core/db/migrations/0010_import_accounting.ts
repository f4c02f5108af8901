import type { Db } from '../open'

/**
 * Imports that account for every file (issue 10).
 *
 * - `import_batch.state`: how a batch ended (done, partial, failed, interrupted) or that it is
 *   still running; `stop_reason` says in words why files were failed when the batch had to stop
 *   (the disk is full, the portfolio is busy …). The owner (process id, host, boot time) lets
 *   the next open tell a batch whose program died from one another program is still running.
 *   `sources` keeps what was asked for (paths; names only for contents sent by the window) and
 *   `resumed_from` links a resumed batch to the interrupted one.
 * - `import_file`: the expanded file list, one row per position, written when the batch starts,
 *   so files never reached can still be named and resumed. `path` is NULL for file contents
 *   sent by the window: they are not kept, so they cannot be resumed.
 * - `import_item.trust` / `headline`: the file's own verification in one word and one line;
 *   `unprocessed` marks files failed because the batch stopped before it got to them.
 * - `credential.conflict_of`: a copy kept beside a better-verified one of the same credential.
 *
 * Existing finished batches get the state their items show; batches still marked running are
 * left running, for the next open to mark interrupted.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE import_batch ADD COLUMN state TEXT NOT NULL DEFAULT 'running'
      CHECK (state IN ('running','done','partial','failed','interrupted'));
    ALTER TABLE import_batch ADD COLUMN stop_reason TEXT;
    ALTER TABLE import_batch ADD COLUMN owner_pid INTEGER;
    ALTER TABLE import_batch ADD COLUMN owner_host TEXT;
    ALTER TABLE import_batch ADD COLUMN owner_boot INTEGER;
    ALTER TABLE import_batch ADD COLUMN sources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sources));
    ALTER TABLE import_batch ADD COLUMN resumed_from INTEGER REFERENCES import_batch (id) ON DELETE SET NULL;
    CREATE INDEX import_batch_running ON import_batch (state) WHERE state = 'running';
    CREATE INDEX import_batch_by_resumed ON import_batch (resumed_from) WHERE resumed_from IS NOT NULL;

    CREATE TABLE import_file (
      batch_id  INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
      position  INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      path      TEXT,
      PRIMARY KEY (batch_id, position)
    ) STRICT, WITHOUT ROWID;

    ALTER TABLE import_item ADD COLUMN trust TEXT
      CHECK (trust IS NULL OR trust IN ('verified','status_unchecked','signed','unverified','expired','problem','self_reported'));
    ALTER TABLE import_item ADD COLUMN headline TEXT;
    ALTER TABLE import_item ADD COLUMN unprocessed INTEGER NOT NULL DEFAULT 0 CHECK (unprocessed IN (0,1));

    ALTER TABLE credential ADD COLUMN conflict_of INTEGER REFERENCES credential (id) ON DELETE SET NULL;
    CREATE INDEX credential_by_conflict ON credential (conflict_of) WHERE conflict_of IS NOT NULL;

    UPDATE import_batch SET state = CASE
        WHEN NOT EXISTS (SELECT 1 FROM import_item i WHERE i.batch_id = import_batch.id AND i.outcome = 'failed') THEN 'done'
        WHEN NOT EXISTS (SELECT 1 FROM import_item i WHERE i.batch_id = import_batch.id AND i.outcome <> 'failed') THEN 'failed'
        ELSE 'partial'
      END
    WHERE finished_at IS NOT NULL;
  `)
}
