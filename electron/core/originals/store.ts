import { hash } from 'node:crypto'
import type { Db } from '../db/open'
import { badInput, notFound } from '../../shared/errors'

/** Largest original file we keep; importers refuse bigger inputs before they get here. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

export interface EvidenceStore {
  /**
   * Keeps bytes in the portfolio under their SHA-256 (once per content; the first name and type
   * recorded stay) and returns the hash. Synchronous: call it inside the transaction that writes
   * the records using the file, so both are saved or neither is. `sha256` is the bytes' hash
   * when the caller has it already (an import hashes each file once, to find duplicates).
   */
  put(bytes: Uint8Array, fileName: string, mediaType: string, sha256?: string): string
  attach(credentialId: number, sha256: string): void
  get(sha256: string): Buffer
  /** A recorded PNG or SVG as a data: URL; refuses other types and anything over 5 MB. */
  imageDataUrl(sha256: string): { mediaType: string; dataUrl: string }
}

const IMAGE_TYPES = new Set(['image/png', 'image/svg+xml'])
const MAX_IMAGE_BYTES = 5 * 1024 * 1024

/** One-shot `hash` is about a third cheaper than createHash for files of a few kB (badges). */
export const sha256Of = (bytes: Uint8Array) => hash('sha256', bytes, 'hex')

export const isSha256 = (text: string) => /^[0-9a-f]{64}$/.test(text)

/**
 * Original files kept byte-for-byte as content-addressed blobs in the portfolio (original_blob),
 * their metadata in evidence_file: the same badge dropped twice is stored once.
 */
export function createEvidenceStore(db: Db, now: () => Date): EvidenceStore {
  const insertBlob = db.prepare<[string, Uint8Array]>('INSERT INTO original_blob (sha256, bytes) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING')
  const recordFile = db.prepare<[{ sha256: string; fileName: string; mediaType: string; size: number; at: string }]>(
    `INSERT INTO evidence_file (sha256, file_name, media_type, size_bytes, added_at)
     VALUES (@sha256, @fileName, @mediaType, @size, @at) ON CONFLICT (sha256) DO NOTHING`,
  )
  const link = db.prepare<[number, string]>('INSERT OR IGNORE INTO credential_evidence (credential_id, sha256) VALUES (?, ?)')
  const info = db.prepare<[string], { media_type: string; size_bytes: number }>('SELECT media_type, size_bytes FROM evidence_file WHERE sha256 = ?')
  const readBlob = db.prepare<[string], Buffer>('SELECT bytes FROM original_blob WHERE sha256 = ?').pluck()

  const get = (sha256: string): Buffer => {
    if (!isSha256(sha256)) throw badInput(`"${sha256}" is not a SHA-256 hash`)
    const bytes = readBlob.get(sha256)
    if (!bytes) throw notFound(`The original file ${sha256.slice(0, 12)}… is not in this portfolio.`)
    return bytes
  }
  return {
    put(bytes, fileName, mediaType, known) {
      if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw badInput('The file is larger than 20 MB.')
      const sha256 = known ?? sha256Of(bytes)
      insertBlob.run(sha256, bytes)
      recordFile.run({ sha256, fileName, mediaType, size: bytes.byteLength, at: now().toISOString() })
      return sha256
    },
    attach(credentialId, sha256) {
      link.run(credentialId, sha256)
    },
    get,
    imageDataUrl(sha256) {
      if (!isSha256(sha256)) throw badInput(`"${sha256}" is not a SHA-256 hash`)
      const row = info.get(sha256)
      if (!row) throw notFound('There is no such file in this portfolio.')
      if (!IMAGE_TYPES.has(row.media_type)) throw badInput('This file is not a PNG or SVG image.')
      if (row.size_bytes > MAX_IMAGE_BYTES) throw badInput('This image is larger than 5 MB, too large to show.')
      return { mediaType: row.media_type, dataUrl: `data:${row.media_type};base64,${get(sha256).toString('base64')}` }
    },
  }
}
