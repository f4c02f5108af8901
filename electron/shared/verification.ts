/**
 * The three separate verdicts a credential check gives, shown in the UI and the command line.
 * Pure zod + TypeScript, shared by the core and the renderer.
 */
import { z } from 'zod'

export const SIGNATURE_VERDICTS = ['valid', 'invalid', 'unsupported', 'needs_network', 'unsigned'] as const
export const VALIDITY_VERDICTS = ['valid', 'expired', 'not_yet_valid'] as const
export const STATUS_VERDICTS = ['not_revoked', 'revoked', 'suspended', 'unknown', 'needs_network'] as const

export const Verdict = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object({
    verdict: z.enum(values),
    /** One plain sentence a person can read: what was checked and what it means. */
    detail: z.string(),
  })

export const VerificationResult = z.object({
  signature: Verdict(SIGNATURE_VERDICTS).extend({
    /** What did the signing: "Ed25519Signature2020", "eddsa-rdfc-2022", "RS256 JWS", … */
    method: z.string().nullable(),
    /** The key or DID that verified it, when known. */
    keyId: z.string().nullable(),
  }),
  validity: Verdict(VALIDITY_VERDICTS).extend({ validFrom: z.string().nullable(), validUntil: z.string().nullable() }),
  status: Verdict(STATUS_VERDICTS),
  /** ISO timestamp of the check. */
  checkedAt: z.string(),
  /** Whether online checks were allowed for this run. */
  online: z.boolean(),
})
export type VerificationResult = z.infer<typeof VerificationResult>
export type SignatureVerdict = (typeof SIGNATURE_VERDICTS)[number]
export type ValidityVerdict = (typeof VALIDITY_VERDICTS)[number]
export type StatusVerdict = (typeof STATUS_VERDICTS)[number]
