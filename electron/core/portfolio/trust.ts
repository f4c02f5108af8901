import type { Trust } from '../../shared/schemas'
import type { SignatureVerdict, StatusVerdict, ValidityVerdict } from '../../shared/verification'

/**
 * Collapses the three verdicts into the one word the lists show. Order matters: a forged
 * or revoked credential is a problem even if it is also expired.
 */
export function trustOf(
  v: { signature: SignatureVerdict; validity: ValidityVerdict; status: StatusVerdict } | null,
): Trust {
  if (!v) return 'self_reported'
  if (v.signature === 'invalid' || v.status === 'revoked' || v.status === 'suspended') return 'problem'
  if (v.validity === 'expired') return 'expired'
  if (v.signature === 'valid' && v.validity === 'valid' && v.status !== 'needs_network') return 'verified'
  return 'unverified'
}
