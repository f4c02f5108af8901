/**
 * Certificate PDFs, the way most platforms hand out a completion: pdf.js reads the text layer
 * (with sizes, so "the largest text" can be the title), each platform's recogniser says how
 * sure it is that the layout is its own, and the surest one at or above THRESHOLD fills the
 * fields; generic patterns (a date, an address, a labelled ID, the largest text, the name
 * before "has completed") fill whatever it leaves, and all of an unknown layout, which is then
 * marked `needsReview`. A PDF without a text layer (a scan) is refused: there is nothing to read.
 *
 * Nothing here is signed, so a reading is self-reported, never verified; what to do with it
 * (show it, let the person correct it, save it with the PDF as its original) is
 * imports/certificates.ts's business. Pure: no database, no network.
 */
import { CERTIFICATE_FIELD_NAMES, type CertificateFields, type CertificateReading } from '../../../shared/certificates'
import { CredentialInput } from '../../../shared/schemas'
import { cleanImportedText } from '../../../shared/text-rules'
import { LIMITS, MB } from '../../../shared/limits'
import { ImportError } from '../types'
import { findDate, findLearner, findUrls, labelledId, largestText } from './patterns'
import { RECOGNISERS, type Recogniser } from './platforms'
import { readPdfText, type PdfText } from './text'

/** How sure a recogniser must be for its layout to be taken (its address alone is not quite enough). */
export const THRESHOLD = 0.5
/** Fewer letters than this on every page: a scanned image, not text. */
const MIN_LETTERS = 12

/** Said of a scan. (A typed-in credential cannot take an attached file yet, so none is promised.) */
export const SCANNED_PDF = 'This PDF has no text to read: it is a scanned image. Add the credential by hand instead (skillfolio add credential, or the credential form), from what the certificate shows.'

/** Whether `bytes` start like a PDF (what a file is is known by its content, never its name). */
export const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-'

export async function readCertificatePdf(bytes: Uint8Array): Promise<CertificateReading> {
  if (bytes.length === 0) throw new ImportError('empty', 'This file is empty (0 bytes): there is nothing to import.')
  if (bytes.length > LIMITS.importFileBytes) throw new ImportError('too_large', `This PDF is larger than the ${LIMITS.importFileBytes / MB} MB Skillfolio reads; certificates are much smaller than that.`)
  if (!isPdf(bytes)) throw new ImportError('unknown_format', 'This file is not a PDF.')
  const pdf = await readText(bytes)
  if ((pdf.text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) throw new ImportError('no_credential', SCANNED_PDF)
  return recognise(pdf)
}

async function readText(bytes: Uint8Array): Promise<PdfText> {
  try {
    return await readPdfText(bytes)
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException')
      throw new ImportError('corrupt', 'This PDF is protected by a password, so Skillfolio cannot read it. Save it without a password (print it to PDF) and import that copy.')
    throw new ImportError('corrupt', 'This PDF is damaged: Skillfolio could not read its text.')
  }
}

/** The reading of a PDF's text: the best recogniser's fields over the generic ones. */
export function recognise(pdf: PdfText): CertificateReading {
  let best: { recogniser: Recogniser; confidence: number; fields: Partial<CertificateFields> } | null = null
  for (const recogniser of RECOGNISERS) {
    const { confidence, fields } = recogniser.recognise(pdf)
    if (confidence >= THRESHOLD && (!best || confidence > best.confidence)) best = { recogniser, confidence, fields }
  }
  const generic = genericFields(pdf)
  const fields = { ...generic }
  for (const name of CERTIFICATE_FIELD_NAMES) {
    const found = best?.fields[name]
    if (found) fields[name] = found
  }
  for (const name of CERTIFICATE_FIELD_NAMES) fields[name] = clean(fields[name], MAX_CHARS[name] ?? LIMITS.shortTextChars)
  const missing = CERTIFICATE_FIELD_NAMES.filter((n) => n !== 'expiresOn' && fields[n] === null)
  return {
    platform: best?.recogniser.platform ?? null,
    platformName: best?.recogniser.name ?? null,
    confidence: best?.confidence ?? 0,
    fields,
    missing,
    needsReview: best === null || fields.title === null || fields.earnedOn === null,
    draft: draftOf(fields, best?.recogniser.kind ?? 'other'),
    trust: 'self_reported',
  }
}

/** What any certificate may say, found by patterns alone. */
function genericFields(pdf: PdfText): CertificateFields {
  const learnerName = findLearner(pdf)
  const issuer = /\b(?:offered|issued|awarded|presented) by\s+(.+?)(?:[.,;]|\s+on\s|$)/im.exec(pdf.text)?.[1] ?? null
  return {
    title: largestText(pdf, [learnerName]),
    learnerName,
    earnedOn: findDate(pdf.text),
    expiresOn: null,
    issuerName: issuer,
    provider: null,
    credentialCode: labelledId(pdf.text),
    verificationUrl: findUrls(pdf)[0] ?? null,
  }
}

const MAX_CHARS: Partial<Record<keyof CertificateFields, number>> = { title: LIMITS.titleChars, verificationUrl: LIMITS.urlChars }

/** One line of printable text within the limits, or null. */
function clean(value: string | null, max: number): string | null {
  if (value === null) return null
  const text = cleanImportedText(value).text.replace(/\s+/g, ' ').trim()
  return text === '' ? null : text.slice(0, max)
}

/**
 * The credential the fields make, each field kept only if the schema takes it (an address
 * that is no web address is dropped, not refused: the person sees what is missing).
 */
function draftOf(f: CertificateFields, kind: CredentialInput['kind']): CredentialInput | null {
  if (f.title === null) return null
  const draft: CredentialInput = { title: f.title, kind, status: 'earned' }
  const optional = { provider: f.provider, issuerName: f.issuerName, earnedOn: f.earnedOn, expiresOn: f.expiresOn, credentialCode: f.credentialCode, verificationUrl: f.verificationUrl }
  for (const [key, value] of Object.entries(optional)) {
    if (value === null) continue
    const next = { ...draft, [key]: value }
    if (CredentialInput.safeParse(next).success) Object.assign(draft, { [key]: value })
  }
  return CredentialInput.safeParse(draft).success ? draft : null
}
