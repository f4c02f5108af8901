import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/open'
import { badInput, notFound } from '../../shared/errors'

/** Largest original file we keep; importers refuse bigger inputs before they get here. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

export interface EvidenceStore {
  /** Stores bytes under their SHA-256 (idempotent) and records them; returns the hash. */
  put(bytes: Uint8Array, fileName: string, mediaType: string): string
  get(sha256: string): Buffer
  attach(credentialId: number, sha256: string): void
  pathOf(sha256: string): string
}

/**
 * Original files kept byte-for-byte in a content-addressed folder (`ab/abcdef…`): the
 * same badge dropped twice is stored once, and a file never changes under its name.
 */
export function createEvidenceStore(db: Db, root: string, now: () => Date): EvidenceStore {
  const record = db.prepare(
    `INSERT INTO evidence_file (sha256, file_name, media_type, size_bytes, added_at)
     VALUES (@sha256, @fileName, @mediaType, @size, @at) ON CONFLICT (sha256) DO NOTHING`,
  )
  const link = db.prepare('INSERT OR IGNORE INTO credential_evidence (credential_id, sha256) VALUES (?, ?)')
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw badInput(`"${sha256}" is not a SHA-256 hash`)
    return join(root, sha256.slice(0, 2), sha256)
  }
  return {
    pathOf,
    put(bytes, fileName, mediaType) {
      if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw badInput(`${fileName} is larger than 20 MB`)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const file = pathOf(sha256)
      if (!existsSync(file)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true })
        // Write then rename, so a crash never leaves a half-written file under a valid hash.
        const tmp = `${file}.${process.pid}.tmp`
        writeFileSync(tmp, bytes)
        renameSync(tmp, file)
      }
      record.run({ sha256, fileName, mediaType, size: bytes.byteLength, at: now().toISOString() })
      return sha256
    },
    get(sha256) {
      const file = pathOf(sha256)
      if (!existsSync(file)) throw notFound(`The evidence file ${sha256.slice(0, 12)}… is missing from the data folder.`)
      return readFileSync(file)
    },
    attach(credentialId, sha256) {
      link.run(credentialId, sha256)
    },
  }
}
