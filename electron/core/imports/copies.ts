/**
 * Which copy of a credential to keep when a file holds one already in the portfolio (the same
 * credential id from the same issuer), and the verdict words an import reports per file.
 */
import type { Trust } from '../../shared/schemas'
import type { VerificationResult } from '../../shared/verification'
import { failedCheck, trustOf, verificationHeadline, verificationRank, type Verdicts } from '../../shared/verdict'

/**
 * - `replace`: the incoming copy takes the stored one's place (it verifies at least as well,
 *   and is newer or verifies strictly better);
 * - `duplicate`: nothing changes (it verifies as well but is not newer);
 * - `conflict`: it verifies worse, so it must not replace the stored copy, and dropping it
 *   would hide it from the person: both are kept, the new one marked as a conflict.
 */
export type CopyChoice = 'replace' | 'duplicate' | 'conflict'

type RankedVerdicts = Pick<Verdicts, 'signature' | 'status' | 'issuer'>

export const verdictsOf = (v: VerificationResult | null): Verdicts | null =>
  v ? { signature: v.signature.verdict, validity: v.validity.verdict, status: v.status.verdict, issuer: v.issuer.verdict } : null

export function chooseCopy(incoming: RankedVerdicts | null, stored: RankedVerdicts | null, incomingIsNewer: boolean): CopyChoice {
  const rankIn = verificationRank(incoming)
  const rankStored = verificationRank(stored)
  if (rankIn < rankStored) return 'conflict'
  return incomingIsNewer || rankIn > rankStored ? 'replace' : 'duplicate'
}

/** A copy replaces what is stored only when it was issued later (re-issued, renewed). */
export function isNewer(candidate: string | null, stored: string | null): boolean {
  if (!candidate) return false
  if (!stored) return true
  return Date.parse(candidate) > Date.parse(stored)
}

/** What an import reports of one file's own checks. */
export interface FileVerdict {
  trust: Trust
  headline: string | null
  /** For a copy whose checks found a problem: the check that failed, in words. */
  problem: string | null
}

export function fileVerdict(v: VerificationResult | null): FileVerdict {
  const trust = trustOf(verdictsOf(v))
  return { trust, headline: v ? verificationHeadline(v) : null, problem: trust === 'problem' ? failedCheck(v) : null }
}

/** "Kept beside “SQL Basics” as a conflict: this copy verifies worse (the signature check failed: …)." */
export function conflictReason(storedTitle: string, verdict: FileVerdict): string {
  const why = verdict.problem ?? verdict.headline ?? 'it could not be checked'
  return `Kept beside “${storedTitle}” as a conflict: this copy verifies worse (${why.charAt(0).toLowerCase()}${why.slice(1)}).`
}
