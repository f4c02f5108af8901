/**
 * The three separate verdicts a credential check gives, shown in the UI and the command line.
 * Pure zod + TypeScript, shared by the core and the renderer.
 */
import { z } from 'zod'

export const SIGNATURE_VERDICTS = ['valid', 'invalid', 'unsupported', 'needs_network', 'unsigned'] as const
export const VALIDITY_VERDICTS = ['valid', 'expired', 'not_yet_valid'] as const
export const STATUS_VERDICTS = ['not_revoked', 'revoked', 'suspended', 'unknown', 'needs_network'] as const
/**
 * Whether the key that signed is bound to the issuer the credential names. A valid signature
 * says the bytes were signed by *some* key; only a binding says the key is the issuer's.
 * not_checked: there is no valid signature, so there is no key to bind.
 */
export const ISSUER_VERDICTS = ['confirmed', 'not_confirmed', 'not_checked'] as const
/**
 * What binds the key to the issuer: the issuer's did:key is the signing key itself; the
 * issuer's published did:web or https document lists the key (online only); the issuer hosts
 * the assertion on its own site (OB 2.0 hosted, online only); the person pinned the key for
 * that issuer; an issuer registry they imported names the issuer's DID.
 */
export const ISSUER_BASES = ['did:key', 'did:web', 'https', 'hosted', 'pinned', 'registry'] as const
/**
 * Where the signing key came from. Keys carried by the credential itself (a JWT's `jwk`
 * header, a did:jwk, a key in a URL fragment, a method embedded in the document) prove
 * nothing about who holds them.
 */
export const KEY_SOURCES = ['did:key', 'did:web', 'https', 'fragment', 'jwk', 'did:jwk', 'embedded', 'hosted', 'pinned', 'other'] as const

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
  issuer: Verdict(ISSUER_VERDICTS).extend({
    basis: z.enum(ISSUER_BASES).nullable(),
    /** The issuer's identifier as the credential states it (DID or URL). */
    issuerId: z.string().nullable(),
    /** The signing key in a stable form (public key multibase, or `jwk:` + thumbprint) that a pin names. */
    signerKey: z.string().nullable(),
    keySource: z.enum(KEY_SOURCES).nullable(),
  }),
  /** ISO timestamp of the check. */
  checkedAt: z.string(),
  /** Whether online checks were allowed for this run. */
  online: z.boolean(),
})
export type VerificationResult = z.infer<typeof VerificationResult>
export type SignatureVerdict = (typeof SIGNATURE_VERDICTS)[number]
export type ValidityVerdict = (typeof VALIDITY_VERDICTS)[number]
export type StatusVerdict = (typeof STATUS_VERDICTS)[number]
export type IssuerVerdict = (typeof ISSUER_VERDICTS)[number]
export type IssuerBasis = (typeof ISSUER_BASES)[number]
export type KeySource = (typeof KEY_SOURCES)[number]
