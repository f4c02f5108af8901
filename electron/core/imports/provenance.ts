import type { Db } from '../db/open'
import type { IssuerBasis, VerificationResult } from '../../shared/verification'
import type { CredentialProvenance } from '../portfolio/credentials'
import type { Verdicts } from '../../shared/verdict'
import type { CredentialStatus } from '../../shared/schemas'

/** Everything stored about where an imported credential came from (one shape with the insert's). */
export type ProvenanceRow = CredentialProvenance

/**
 * Reads and writes what is known about an imported credential beyond its resume fields:
 * where it came from, and its latest verification.
 */
export function createProvenance(db: Db) {
  const write = db.prepare(
    `UPDATE credential SET source_format = @sourceFormat, source_container = @sourceContainer, source_id = @sourceId,
       issued_at = @issuedAt, content_sha256 = @contentSha256, issuer_id = @issuerId, recipient_name = @recipientName,
       recipient_identity = @recipientIdentity, recipient_hashed = @recipientHashed, criteria = @criteria,
       achievement_type = @achievementType, image_sha256 = @imageSha256, import_warnings = @warnings, batch_id = @batchId
     WHERE id = @id`,
  )
  const read = db.prepare<[number], ProvenanceRow>(
    `SELECT source_format AS sourceFormat, source_container AS sourceContainer, source_id AS sourceId, issued_at AS issuedAt,
       content_sha256 AS contentSha256, issuer_id AS issuerId, recipient_name AS recipientName,
       recipient_identity AS recipientIdentity, recipient_hashed AS recipientHashed, criteria, achievement_type AS achievementType,
       image_sha256 AS imageSha256, import_warnings AS warnings, batch_id AS batchId
     FROM credential WHERE id = ?`,
  )
  const byContent = db.prepare<[string], { id: number; title: string }>('SELECT id, title FROM credential WHERE content_sha256 = ? LIMIT 1')
  // A credential id is only taken as "the same credential" from the same issuer: real files reuse
  // example ids (urn:uuid:… copied from specs), and two issuers' ids never name one credential.
  // Of copies kept side by side, the one the others conflict with is "the stored one".
  const bySourceId = db.prepare<{ sourceId: string; issuerId: string | null }, { id: number; title: string; issued_at: string | null }>(
    'SELECT id, title, issued_at FROM credential WHERE source_id = @sourceId AND issuer_id IS @issuerId ORDER BY conflict_of IS NOT NULL, id LIMIT 1',
  )
  const storedVerdicts = db.prepare<[number], Pick<Verdicts, 'signature' | 'status' | 'issuer'>>(
    'SELECT signature_verdict AS signature, status_verdict AS status, issuer_verdict AS issuer FROM credential_verification WHERE credential_id = ?',
  )
  const markConflict = db.prepare('UPDATE credential SET conflict_of = ? WHERE id = ?')
  const saveVerification = db.prepare(
    `INSERT INTO credential_verification (credential_id, signature_verdict, signature_detail, signature_method, signature_key_id,
       validity_verdict, validity_detail, valid_from, valid_until, status_verdict, status_detail, checked_at, online,
       issuer_verdict, issuer_detail, issuer_basis, issuer_id, signer_key, key_source, intrinsic_basis)
     VALUES (@id, @sv, @sd, @sm, @sk, @vv, @vd, @vf, @vu, @stv, @std, @at, @online, @iv, @idt, @ib, @iid, @skey, @ks, @intrinsic)
     ON CONFLICT (credential_id) DO UPDATE SET signature_verdict = excluded.signature_verdict, signature_detail = excluded.signature_detail,
       signature_method = excluded.signature_method, signature_key_id = excluded.signature_key_id,
       validity_verdict = excluded.validity_verdict, validity_detail = excluded.validity_detail, valid_from = excluded.valid_from,
       valid_until = excluded.valid_until, status_verdict = excluded.status_verdict, status_detail = excluded.status_detail,
       checked_at = excluded.checked_at, online = excluded.online, issuer_verdict = excluded.issuer_verdict,
       issuer_detail = excluded.issuer_detail, issuer_basis = excluded.issuer_basis, issuer_id = excluded.issuer_id,
       signer_key = excluded.signer_key, key_source = excluded.key_source, intrinsic_basis = excluded.intrinsic_basis`,
  )
  const clearVerification = db.prepare('DELETE FROM credential_verification WHERE credential_id = ?')
  const setStatus = db.prepare(`UPDATE credential SET status = ? WHERE id = ? AND status IN ('earned','expired','revoked')`)

  return {
    write: (id: number, row: ProvenanceRow) => write.run({ ...row, id }),
    read: (id: number) => read.get(id),
    byContent: (sha: string) => byContent.get(sha),
    bySourceId: (sourceId: string, issuerId: string | null) => bySourceId.get({ sourceId, issuerId }),
    /** The verdicts stored for a credential (what verificationRank needs); null when never checked. */
    storedVerdicts: (id: number) => storedVerdicts.get(id) ?? null,
    /** Marks `id` as a copy kept beside `of`, a copy of the same credential that verifies better. */
    markConflict: (id: number, of: number) => markConflict.run(of, id),
    /**
     * Stores the verdicts and lets them set the status a person sees (expired, revoked).
     * `fresh`: the credential was inserted just now, with the status `statusAfter` gives for
     * these verdicts, and has no verdicts yet (saves two writes per imported file).
     */
    saveVerification(id: number, v: VerificationResult | null, fresh = false): void {
      if (!v) {
        if (!fresh) clearVerification.run(id)
        return
      }
      saveVerification.run({
        id,
        sv: v.signature.verdict,
        sd: v.signature.detail,
        sm: v.signature.method,
        sk: v.signature.keyId,
        vv: v.validity.verdict,
        vd: v.validity.detail,
        vf: v.validity.validFrom,
        vu: v.validity.validUntil,
        stv: v.status.verdict,
        std: v.status.detail,
        at: v.checkedAt,
        online: v.online ? 1 : 0,
        iv: v.issuer.verdict,
        idt: v.issuer.detail,
        ib: v.issuer.basis,
        iid: v.issuer.issuerId,
        skey: v.issuer.signerKey,
        ks: v.issuer.keySource,
        intrinsic: intrinsicBasis(v.issuer),
      })
      if (!fresh) setStatus.run(statusOf(v), id)
    },
    /** The status a credential with `status` has once these verdicts are saved (what saveVerification sets). */
    statusAfter(status: CredentialStatus, v: VerificationResult | null): CredentialStatus {
      return v && STATUSES_SET_BY_CHECKS.has(status) ? statusOf(v) : status
    },
  }
}
export type Provenance = ReturnType<typeof createProvenance>

/** Statuses the checks decide; a planned or in-progress credential keeps its own. */
const STATUSES_SET_BY_CHECKS: ReadonlySet<CredentialStatus> = new Set(['earned', 'expired', 'revoked'])
const statusOf = (v: VerificationResult): 'earned' | 'expired' | 'revoked' =>
  v.status.verdict === 'revoked' ? 'revoked' : v.validity.verdict === 'expired' ? 'expired' : 'earned'

/** The binding the credential carries by itself, kept so pins and registries can be re-applied. */
function intrinsicBasis(issuer: VerificationResult['issuer']): IssuerBasis | null {
  if (issuer.basis === 'registry') return issuer.keySource === 'did:web' ? 'did:web' : 'did:key' // a registry adds to a did binding
  return issuer.basis === 'pinned' ? null : issuer.basis
}
