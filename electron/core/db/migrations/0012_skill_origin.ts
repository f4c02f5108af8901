import type { Db } from '../open'

/**
 * Where a credential's skill came from (issue 10): typed by the person, an issuer's alignment
 * (or field of study, learning outcome), or a badge tag. Tag links carry the person's decision:
 * pending (not evidence yet), accepted, or rejected (kept, hidden, so importing the same badge
 * again does not add the tag back). `tag` keeps the tag as the badge wrote it ("k8s").
 *
 * Links made before this version cannot tell a tag from a typed skill: they stay typed.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE credential_skill ADD COLUMN origin TEXT NOT NULL DEFAULT 'typed'
      CHECK (origin IN ('typed','alignment','tag'));
    ALTER TABLE credential_skill ADD COLUMN decision TEXT
      CHECK (decision IS NULL OR decision IN ('pending','accepted','rejected'));
    ALTER TABLE credential_skill ADD COLUMN tag TEXT CHECK (tag IS NULL OR length(tag) BETWEEN 1 AND 200);
    ALTER TABLE credential_skill ADD COLUMN decided_at TEXT;
    CREATE INDEX credential_skill_by_decision ON credential_skill (decision) WHERE decision IS NOT NULL;
  `)
}
