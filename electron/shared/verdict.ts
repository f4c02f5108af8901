/**
 * What Skillfolio says about a checked credential, in words, one way everywhere: the trust word
 * lists show, the headline naming exactly what was and was not checked, and the one check that
 * failed. Pure TypeScript, shared by the core, the command line and the renderer.
 */
import type { Trust } from './schemas'
import type { IssuerVerdict, SignatureVerdict, StatusVerdict, ValidityVerdict, VerificationResult } from './verification'

export interface Verdicts {
  signature: SignatureVerdict
  validity: ValidityVerdict
  status: StatusVerdict
  issuer: IssuerVerdict
}

/**
 * Collapses the four verdicts into the one word the lists show. Order matters: a forged or
 * revoked credential is a problem even if it is also expired; "Verified" needs every check.
 */
export function trustOf(v: Verdicts | null): Trust {
  if (!v) return 'self_reported'
  if (v.signature === 'invalid' || v.status === 'revoked' || v.status === 'suspended') return 'problem'
  if (v.validity === 'expired') return 'expired'
  if (v.validity === 'not_yet_valid') return 'not_yet_valid'
  if (v.signature !== 'valid') return 'unverified'
  if (v.issuer !== 'confirmed') return 'signed'
  if (v.status === 'needs_network') return 'status_unchecked'
  return 'verified'
}

/**
 * How well a copy verifies, for choosing between two copies of one credential: a broken or
 * revoked copy is worst, then one that could not be checked, then a valid signature by a key
 * not bound to the issuer, then a confirmed issuer. Dates do not count: a renewed copy has
 * later ones anyway.
 */
export function verificationRank(v: Pick<Verdicts, 'signature' | 'status' | 'issuer'> | null): number {
  if (!v) return 0
  if (v.signature === 'invalid' || v.status === 'revoked' || v.status === 'suspended') return 0
  if (v.signature !== 'valid') return 1
  return v.issuer === 'confirmed' ? 3 : 2
}

export const TRUST_WORDS: Record<Trust, { label: string; explain: string }> = {
  verified: {
    label: 'Verified',
    explain: 'The signature checks out, the key belongs to the issuer, it is within its dates and it has not been revoked.',
  },
  status_unchecked: {
    label: 'Signed, revocation not checked',
    explain: 'The signature checks out and the key belongs to the issuer, but whether it was revoked needs an online check.',
  },
  signed: {
    label: 'Signed, issuer not confirmed',
    explain: 'The signature checks out, but nothing ties the signing key to the issuer it names: anyone can sign in any name.',
  },
  unverified: {
    label: 'Unverified',
    explain: 'The signature could not be checked: the file is unsigned, signed in a way Skillfolio cannot check, or needs an online check.',
  },
  expired: {
    label: 'Expired',
    explain: 'Past its expiry date. The headline says whether its signature and issuer were confirmed.',
  },
  not_yet_valid: {
    label: 'Not valid yet',
    explain: 'Its validity starts later than today. The headline says whether its signature and issuer were confirmed.',
  },
  problem: {
    label: 'Problem',
    explain: 'A check failed: the signature does not match the contents, or the issuer revoked or suspended it.',
  },
  self_reported: {
    label: 'Self-reported',
    explain: 'Typed in by hand: there is no original file to check.',
  },
}

const BASIS_WORDS: Record<string, string> = {
  'did:key': 'did:key',
  'did:web': 'did:web',
  https: 'the issuer’s web site',
  hosted: 'hosted by the issuer',
  pinned: 'a key you pinned',
  registry: 'an issuer registry',
}

/**
 * Made once: `toLocaleDateString` with options builds a new formatter on every call (~0.1 ms,
 * and the verifier words every checked file's dates), for the same text.
 */
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** A day for people: "1 January 2010"; null for nothing, the text itself when it is not a date. */
export function humanDate(iso: string | null | undefined): string | null {
  if (!iso) return null
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  return DAY_FORMAT.format(time)
}

/**
 * One line naming exactly what was and was not checked:
 * "Signature valid · issuer confirmed (did:key) · revocation not checked: online checks are off".
 */
export function verificationHeadline(v: VerificationResult): string {
  const parts: string[] = []
  const s = v.signature.verdict
  parts.push(
    s === 'valid'
      ? 'Signature valid'
      : s === 'invalid'
        ? 'Signature does not match'
        : s === 'unsigned'
          ? 'Not signed'
          : s === 'needs_network'
            ? `Signature not checked: ${v.online ? 'the online check failed' : 'online checks are off'}`
            : 'Signature not checked: its kind is not supported',
  )
  if (s === 'valid') {
    const basis = v.issuer.basis ? ` (${BASIS_WORDS[v.issuer.basis] ?? v.issuer.basis})` : ''
    parts.push(v.issuer.verdict === 'confirmed' ? `issuer confirmed${basis}` : 'issuer not confirmed')
  }
  const validity = v.validity
  if (validity.verdict === 'expired') parts.push(`expired ${humanDate(validity.validUntil) ?? ''}`.trim())
  else if (validity.verdict === 'not_yet_valid') parts.push(`not valid until ${humanDate(validity.validFrom) ?? 'later'}`)
  const st = v.status.verdict
  if (st === 'revoked') parts.push('revoked by the issuer')
  else if (st === 'suspended') parts.push('suspended by the issuer')
  else if (st === 'not_revoked') parts.push('not revoked')
  else if (st === 'needs_network') parts.push(`revocation not checked: ${v.online ? 'the online check failed' : 'online checks are off'}`)
  else parts.push('no revocation list')
  return parts.join(' · ')
}

/** For "Problem": the check that failed, in words; null when none did. */
export function failedCheck(v: VerificationResult | null): string | null {
  if (!v) return null
  if (v.signature.verdict === 'invalid') return `The signature check failed: ${v.signature.detail}`
  if (v.status.verdict === 'revoked') return `The revocation check failed: ${v.status.detail}`
  if (v.status.verdict === 'suspended') return `The revocation check failed (suspended): ${v.status.detail}`
  return null
}
