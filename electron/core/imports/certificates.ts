/**
 * Certificate PDFs into the portfolio, confirmed before anything is saved.
 *
 * Why two steps and not the import batch: a batch saves every file it reads, with verdicts
 * from signature checks; a certificate PDF has no signature and its fields are read by
 * heuristics the person must see (and may correct) first. So `read` returns what was found
 * (nothing written) and `confirm` saves the credential the person accepted, in one
 * transaction with the PDF kept byte for byte as its original (the same PDF twice is refused).
 * The credential is self-reported (no verdicts are stored, so it never shows as Verified);
 * its verification link is kept for anyone to check online.
 */
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import type { EvidenceStore } from '../originals/store'
import { sha256Of } from '../originals/store'
import { toPublicId } from '../portfolio/ids'
import { badInput, conflict } from '../../shared/errors'
import { CERTIFICATE_PDF_FORMAT, type CertificatePreview } from '../../shared/certificates'
import type { Credential, CredentialValues } from '../../shared/schemas'
import { ImportError } from '../importers/types'
import { isPdf, readCertificatePdf } from '../importers/certificate-pdf'
import { createProvenance } from './provenance'

export interface CertificateDeps {
  db: Db
  portfolio: Portfolio
  evidence: EvidenceStore
}

export interface CertificateFile {
  /** The PDF's bytes, base64 (the window sends contents, never paths). */
  pdf: string
  fileName: string
}

export function createCertificates({ db, portfolio, evidence }: CertificateDeps) {
  const provenance = createProvenance(db)
  const duplicateOf = (sha256: string) => {
    const same = provenance.byContent(sha256)
    return same ? { id: toPublicId('credential', same.id), title: same.title } : null
  }

  return {
    /** What the PDF says, for the person to confirm; writes nothing. BAD_INPUT says why a PDF cannot be read (a scan, a damaged file …). */
    async read({ pdf, fileName }: CertificateFile): Promise<CertificatePreview> {
      const bytes = Buffer.from(pdf, 'base64')
      try {
        const reading = await readCertificatePdf(bytes)
        return { ...reading, fileName, duplicateOf: duplicateOf(sha256Of(bytes)) }
      } catch (error) {
        if (error instanceof ImportError) throw badInput(error.message)
        throw error
      }
    },

    /** Saves the credential the person confirmed, with the PDF as its original and the learner's name as its recipient. */
    confirm({ pdf, fileName, values, learnerName }: CertificateFile & { values: CredentialValues; learnerName: string | null }): Credential {
      const bytes = Buffer.from(pdf, 'base64')
      if (!isPdf(bytes)) throw badInput('This file is not a PDF: only a certificate PDF can be confirmed this way.')
      const sha256 = sha256Of(bytes)
      return db.transaction(() => {
        const same = duplicateOf(sha256)
        if (same) throw conflict(`This PDF is already in your portfolio as “${same.title}” (${same.id}).`)
        const rowId = portfolio.credentials.insert(values, {
          sourceFormat: CERTIFICATE_PDF_FORMAT,
          sourceContainer: 'pdf',
          sourceId: values.verificationUrl ?? values.credentialCode ?? null,
          issuedAt: values.earnedOn ?? null,
          contentSha256: sha256,
          issuerId: null,
          recipientName: learnerName,
          recipientIdentity: null,
          recipientHashed: 0,
          criteria: null,
          achievementType: 'Certificate',
          imageSha256: null,
          warnings: '[]',
          batchId: null,
        })
        evidence.put(bytes, fileName, 'application/pdf', sha256)
        evidence.attach(rowId, sha256)
        return portfolio.credentials.read(rowId)
      })()
    },
  }
}
export type CertificatesService = ReturnType<typeof createCertificates>
