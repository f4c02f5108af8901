import type { Db } from '../open'

/**
 * Issuer binding (issue 10): a valid signature is kept apart from whether the signing key is
 * the issuer's. Each verification stores the issuer verdict, the signing key in a stable form,
 * where the key came from, and the binding the credential itself carries (did:key equal to the
 * issuer, a did:web document listing the key, …) so pins and registries can be applied again
 * without re-verifying. Pins and registry entries are the person's own trust list.
 *
 * Earlier verifications get a verdict from what they stored: a did:key signer equal to the
 * issuer is confirmed; any other valid signature is "not confirmed" until checked again.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE credential_verification ADD COLUMN issuer_verdict TEXT NOT NULL DEFAULT 'not_checked'
      CHECK (issuer_verdict IN ('confirmed','not_confirmed','not_checked'));
    ALTER TABLE credential_verification ADD COLUMN issuer_detail TEXT NOT NULL DEFAULT '';
    ALTER TABLE credential_verification ADD COLUMN issuer_basis TEXT;
    ALTER TABLE credential_verification ADD COLUMN issuer_id TEXT;
    ALTER TABLE credential_verification ADD COLUMN signer_key TEXT;
    ALTER TABLE credential_verification ADD COLUMN key_source TEXT;
    -- The binding the credential carries by itself (did:key, did:web, https, hosted), or NULL.
    ALTER TABLE credential_verification ADD COLUMN intrinsic_basis TEXT;

    CREATE TABLE issuer_pin (
      issuer_id  TEXT NOT NULL CHECK (length(issuer_id) BETWEEN 1 AND 2000),
      signer_key TEXT NOT NULL CHECK (length(signer_key) BETWEEN 1 AND 2000),
      -- The verification method the key was published under, so a did:web key pinned after an
      -- online check verifies offline later.
      key_id     TEXT,
      label      TEXT,
      source     TEXT NOT NULL CHECK (source IN ('manual','online')),
      pinned_at  TEXT NOT NULL,
      PRIMARY KEY (issuer_id, signer_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE issuer_registry_entry (
      did         TEXT PRIMARY KEY CHECK (length(did) BETWEEN 1 AND 2000),
      name        TEXT NOT NULL,
      url         TEXT,
      location    TEXT,
      registry    TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    UPDATE credential_verification SET
      issuer_id = (SELECT c.issuer_id FROM credential c WHERE c.id = credential_verification.credential_id);
    UPDATE credential_verification SET
      issuer_verdict = 'confirmed', issuer_basis = 'did:key', intrinsic_basis = 'did:key', key_source = 'did:key',
      signer_key = substr(signature_key_id, 9, instr(signature_key_id || '#', '#') - 9),
      issuer_detail = 'The issuer is a did:key identifier, and the credential was signed by that key.'
    WHERE signature_verdict = 'valid' AND signature_key_id LIKE 'did:key:%'
      AND issuer_id = substr(signature_key_id, 1, instr(signature_key_id || '#', '#') - 1);
    UPDATE credential_verification SET
      issuer_verdict = 'not_confirmed',
      issuer_detail = 'Checked before Skillfolio tied signing keys to issuers: verify it again to see whether the key is the issuer’s.'
    WHERE signature_verdict = 'valid' AND issuer_verdict = 'not_checked';
    UPDATE credential_verification SET issuer_detail = 'There is no valid signature, so there is no key to tie to the issuer.'
    WHERE issuer_verdict = 'not_checked';
  `)
}
