/**
 * A career history held in the page until the person has reviewed it: a LinkedIn export (its ZIP
 * as base64, or its unpacked CSV files' text), a JSON Resume's text, or a Skillfolio export ZIP.
 * Built from File objects the page read itself (drop, paste, or <input type=file>): never a path.
 */
import { LIMITS, MB } from '../../shared'
import { zipEntryNames } from '../../shared'
import { exportHolds, isLinkedInFile, toBase64, zipKind, type ExportHolds } from './detect'

export type LinkedInInput = { zip: string } | { files: Array<{ name: string; text: string }> }

export type CareerSource =
  | { kind: 'linkedin'; name: string; input: LinkedInInput }
  | { kind: 'json-resume'; name: string; text: string }
  | { kind: 'full-export'; name: string; zipBase64: string; holds: ExportHolds | null }

/** A file the page could not take, and why, in words. */
export class SourceError extends Error {
  override name = 'SourceError'
}

const isCsv = (file: File) => /\.csv$/i.test(file.name)

/** A ZIP already read: a LinkedIn export or a Skillfolio export by its entries; null for any other ZIP. */
export function zipSource(name: string, bytes: Uint8Array): CareerSource | null {
  const names = zipEntryNames(bytes)
  const kind = names && zipKind(names)
  if (kind === 'full-export') return { kind, name, zipBase64: toBase64(bytes), holds: exportHolds(bytes) }
  if (kind === 'linkedin') return { kind, name, input: { zip: toBase64(bytes) } }
  return null
}

/** CSV files of an unpacked LinkedIn export (a folder's, or several dropped together), read as text. */
export async function csvSource(name: string, files: readonly File[]): Promise<CareerSource> {
  const csvs = files.filter(isCsv)
  if (!csvs.length) throw new SourceError(`${name} holds no CSV files, so it is not a LinkedIn export.`)
  const tooBig = csvs.find((f) => f.size > LIMITS.linkedInCsvBytes)
  if (tooBig) throw new SourceError(`${tooBig.name} is ${(tooBig.size / MB).toFixed(1)} MB; a LinkedIn export's files are at most ${LIMITS.linkedInCsvBytes / MB} MB each.`)
  // The export's own files first, so the 100 the core reads are the ones that matter.
  const ordered = [...csvs.filter((f) => isLinkedInFile(f.name)), ...csvs.filter((f) => !isLinkedInFile(f.name))].slice(0, 100)
  return { kind: 'linkedin', name, input: { files: await Promise.all(ordered.map(async (f) => ({ name: f.name, text: await f.text() }))) } }
}

/** What the "LinkedIn export…" button picked: one ZIP, or the CSV files of the unpacked folder. */
export async function chosenLinkedIn(files: readonly File[]): Promise<CareerSource> {
  const zip = files.find((f) => !isCsv(f))
  if (!zip) return csvSource(files.length === 1 ? files[0]!.name : `${files.length} CSV files`, files)
  if (zip.size > LIMITS.linkedInZipBytes) throw new SourceError(`${zip.name} is larger than the ${LIMITS.linkedInZipBytes / MB} MB a LinkedIn export may be.`)
  // Whatever the ZIP holds, the core says in words whether it is a LinkedIn export.
  return { kind: 'linkedin', name: zip.name, input: { zip: toBase64(new Uint8Array(await zip.arrayBuffer())) } }
}

/** What the "JSON Resume…" button picked. */
export async function chosenJsonResume(file: File): Promise<CareerSource> {
  if (file.size > LIMITS.jsonResumeChars) throw new SourceError(`${file.name} is larger than the ${LIMITS.jsonResumeChars / MB} MB a JSON Resume may be.`)
  return { kind: 'json-resume', name: file.name, text: await file.text() }
}

