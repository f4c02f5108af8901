/** Certificate PDFs (issue 12): each platform's layout recognised, a scan refused, an unknown layout read for review, the PDF kept as the original. */
import { afterEach, describe, expect, it } from 'vitest'
import { readCertificatePdf, SCANNED_PDF } from '../../../electron/core/importers/certificate-pdf'
import { ImportError } from '../../../electron/core/importers/types'
import { readCredentialFile } from '../../../electron/core/importers'
import { LEARNER, SAMPLES, UNKNOWN, makeCertificate, makeScanned } from '../../fixtures/certificates/make'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'

describe('readCertificatePdf', () => {
  for (const sample of SAMPLES) {
    it(`recognises the ${sample.name} layout and reads every field`, async () => {
      const reading = await readCertificatePdf(await makeCertificate(sample))
      expect(reading.platform).toBe(sample.platform)
      expect(reading.fields).toEqual(sample.expected)
      expect(reading.confidence).toBeGreaterThanOrEqual(0.5)
      expect(reading.needsReview).toBe(false)
      expect(reading.trust).toBe('self_reported')
      expect(reading.draft).toMatchObject({ title: sample.expected.title, earnedOn: sample.expected.earnedOn, verificationUrl: sample.expected.verificationUrl, credentialCode: sample.expected.credentialCode })
    })
  }

  it('reads an unknown layout with generic patterns and marks it for review', async () => {
    const reading = await readCertificatePdf(await makeCertificate(UNKNOWN))
    expect(reading.platform).toBeNull()
    expect(reading.needsReview).toBe(true)
    expect(reading.fields).toEqual(UNKNOWN.expected)
    expect(reading.missing).toEqual(['issuerName', 'provider'])
    expect(reading.draft).toMatchObject({ title: 'Advanced Spreadsheet Modelling', kind: 'other', earnedOn: '2024-10-14' })
  })

  it('refuses a scanned (image-only) PDF, saying why', async () => {
    const error = await readCertificatePdf(await makeScanned()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).message).toBe(SCANNED_PDF)
    expect(SCANNED_PDF).toMatch(/no text to read: it is a scanned image/)
  })

  it('tells a batch import (a folder holding a certificate) that PDFs are imported on their own', async () => {
    expect(() => readCredentialFile(new Uint8Array(Buffer.from('%PDF-1.7\n')), 'cert.pdf')).toThrow(/certificate PDF is imported on its own/)
  })

  it('refuses a damaged PDF and a file that is no PDF in words', async () => {
    const bytes = await makeCertificate(SAMPLES[0]!)
    await expect(readCertificatePdf(bytes.subarray(0, 200))).rejects.toThrow(/damaged|no text/)
    await expect(readCertificatePdf(new TextEncoder().encode('{"not":"a pdf"}'))).rejects.toThrow('This file is not a PDF.')
  })
})

describe('certificates:read and certificates:confirm', () => {
  const open: TempPortfolio[] = []
  afterEach(() => open.splice(0).forEach((p) => p.cleanup()))
  const portfolio = () => {
    const p = tempPortfolio({ verifyWorkers: false })
    open.push(p)
    return p.core
  }

  it('writes nothing on read, saves the confirmed credential with the PDF byte for byte, never as Verified, and refuses the same PDF twice', async () => {
    const core = portfolio()
    const bytes = await makeCertificate(SAMPLES[4]!)
    const pdf = bytes.toString('base64')
    const preview = await core.call('certificates:read', { pdf, fileName: 'azure.pdf' })
    expect(preview.platform).toBe('microsoft-learn')
    expect(preview.duplicateOf).toBeNull()
    expect((await core.call('credentials:list', {})).total).toBe(0)

    const cred = await core.call('certificates:confirm', { pdf, fileName: 'azure.pdf', values: { ...preview.draft!, notes: 'checked by me' }, learnerName: LEARNER })
    expect(cred).toMatchObject({ title: 'Microsoft Certified: Azure Administrator Associate', kind: 'certification', earnedOn: '2024-07-01', expiresOn: '2025-07-01', credentialCode: '7A1B2C-3D4E5F', notes: 'checked by me' })
    expect(cred.trust).toBe('self_reported')
    expect(cred.verification).toBeNull()
    expect(cred.source).toMatchObject({ format: 'certificate-pdf', container: 'pdf', recipientName: LEARNER })
    expect(cred.evidence).toHaveLength(1)
    expect(cred.evidence[0]).toMatchObject({ fileName: 'azure.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length })
    expect(Buffer.compare(core.evidence.get(cred.evidence[0]!.sha256), bytes)).toBe(0)

    await expect(core.call('credentials:verify', { id: cred.id })).rejects.toThrow(/certificate PDF, which is not signed/)
    expect((await core.call('credentials:get', { id: cred.id })).trust).toBe('self_reported')

    const again = await core.call('certificates:read', { pdf, fileName: 'copy.pdf' })
    expect(again.duplicateOf).toEqual({ id: cred.id, title: cred.title })
    await expect(core.call('certificates:confirm', { pdf, fileName: 'copy.pdf', values: preview.draft!, learnerName: LEARNER })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await core.call('credentials:list', {})).total).toBe(1)
  })

  it('answers a scan with BAD_INPUT and the reason', async () => {
    const core = portfolio()
    await expect(core.call('certificates:read', { pdf: (await makeScanned()).toString('base64'), fileName: 'scan.pdf' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: SCANNED_PDF })
  })
})
