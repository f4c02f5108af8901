/**
 * Certificate PDFs (Coursera, edX, Udacity, LinkedIn Learning, Microsoft Learn, Google, Credly):
 * what reading one found, for the person to confirm before anything is saved. Pure TypeScript:
 * the core fills it, the command line and the window show it.
 */
import type { CredentialInput } from './schemas'

export const CERTIFICATE_PLATFORMS = ['coursera', 'edx', 'udacity', 'linkedin-learning', 'microsoft-learn', 'google', 'credly'] as const
export type CertificatePlatform = (typeof CERTIFICATE_PLATFORMS)[number]

/** What a certificate says, each null when it was not found. Dates as YYYY-MM-DD. */
export interface CertificateFields {
  title: string | null
  learnerName: string | null
  earnedOn: string | null
  expiresOn: string | null
  /** Who awards it (the university, Google, Microsoft …). */
  issuerName: string | null
  /** Where it was taken (Coursera, edX …). */
  provider: string | null
  credentialCode: string | null
  verificationUrl: string | null
}

export const CERTIFICATE_FIELD_NAMES = ['title', 'learnerName', 'earnedOn', 'expiresOn', 'issuerName', 'provider', 'credentialCode', 'verificationUrl'] as const satisfies ReadonlyArray<keyof CertificateFields>

export interface CertificateReading {
  /** The layout recognised, or null for an unknown one (then `fields` holds what generic patterns found). */
  platform: CertificatePlatform | null
  /** "Coursera", "Microsoft Learn" …; null for an unknown layout. */
  platformName: string | null
  /** How sure the best recogniser is, 0 to 1. */
  confidence: number
  fields: CertificateFields
  /** Fields a credential should have that were not found (what the person should fill in). */
  missing: Array<keyof CertificateFields>
  /** True when the layout is unknown or the title or date is missing: the person must look before saving. */
  needsReview: boolean
  /** The credential the fields make, ready for `certificates:confirm` (edited or not); null without a title. */
  draft: CredentialInput | null
  /**
   * A certificate PDF is self-reported: nothing in it is signed, so Skillfolio never calls it
   * verified; the verification link is kept for anyone to check online.
   */
  trust: 'self_reported'
}

/** A reading as `certificates:read` answers it: with the file's name and whether the portfolio holds this very file already. */
export interface CertificatePreview extends CertificateReading {
  fileName: string
  /** The credential this same PDF (byte for byte) was saved as before, if any: confirming it again is refused. */
  duplicateOf: { id: string; title: string } | null
}

/** The `source.format` of a credential saved from a certificate PDF (its `source.container` is 'pdf'). */
export const CERTIFICATE_PDF_FORMAT = 'certificate-pdf'
