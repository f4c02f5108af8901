import type { Core } from '../../../electron/core/app'
import { createProvenance } from '../../../electron/core/imports/provenance'
import { toRowId } from '../../../electron/core/portfolio/ids'
import type { VerificationResult } from '../../../electron/shared/verification'

const VERDICTS = {
  verified: { signature: 'valid', validity: 'valid', status: 'not_revoked', issuer: 'confirmed' },
  signed: { signature: 'valid', validity: 'valid', status: 'not_revoked', issuer: 'not_confirmed' },
  unverified: { signature: 'unsigned', validity: 'valid', status: 'unknown', issuer: 'not_checked' },
  expired: { signature: 'valid', validity: 'expired', status: 'not_revoked', issuer: 'confirmed' },
  problem: { signature: 'invalid', validity: 'valid', status: 'not_revoked', issuer: 'not_checked' },
} as const

/** Stores a verification result for a credential, as an import or a check would. */
export function setTrust(core: Core, credentialId: string, trust: keyof typeof VERDICTS): void {
  const v = VERDICTS[trust]
  const result: VerificationResult = {
    signature: { verdict: v.signature, detail: 'test', method: null, keyId: null },
    validity: { verdict: v.validity, detail: 'test', validFrom: null, validUntil: null },
    status: { verdict: v.status, detail: 'test' },
    issuer: { verdict: v.issuer, detail: 'test', basis: v.issuer === 'confirmed' ? 'did:key' : null, issuerId: null, signerKey: null, keySource: null },
    checkedAt: '2026-11-01T00:00:00.000Z',
    online: false,
  }
  createProvenance(core.db).saveVerification(toRowId('credential', credentialId), result)
}
