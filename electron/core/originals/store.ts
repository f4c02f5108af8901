import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { access, mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from '../db/open'
import { badInput, notFound } from '../../shared/errors'

/** Largest original file we keep; importers refuse bigger inputs before they get here. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

export interface EvidenceStore {
  /**
   * Writes bytes under their SHA-256 (once per content) and returns the hash. Asynchronous and
   * outside any transaction, so a batch import writes many files in parallel; `record` then
   * registers the file inside the caller's transaction.
   */
  write(bytes: Uint8Array): Promise<string>
  record(sha256: string, fileName: string, mediaType: string, sizeBytes: number): void
  attach(credentialId: number, sha256: string): void
  get(sha256: string): Buffer
  /** A recorded PNG or SVG as a data: URL; refuses other types and anything over 5 MB. */
  imageDataUrl(sha256: string): { mediaType: string; dataUrl: string }
  pathOf(sha256: string): string
}

const IMAGE_TYPES = new Set(['image/png', 'image/svg+xml'])
const MAX_IMAGE_BYTES = 5 * 1024 * 1024

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * Original files kept byte-for-byte in a content-addressed folder (`ab/abcdef…`): the same
 * badge dropped twice is stored once, and a file never changes under its name. A file whose
 * database transaction later rolls back stays on disk unreferenced, which is harmless.
 */
export function createEvidenceStore(db: Db, root: string, now: () => Date): EvidenceStore {
  const recordStmt = db.prepare(
    `INSERT INTO evidence_file (sha256, file_name, media_type, size_bytes, added_at)
     VALUES (@sha256, @fileName, @mediaType, @size, @at) ON CONFLICT (sha256) DO NOTHING`,
  )
  const link = db.prepare('INSERT OR IGNORE INTO credential_evidence (credential_id, sha256) VALUES (?, ?)')
  const info = db.prepare<[string], { media_type: string; size_bytes: number }>('SELECT media_type, size_bytes FROM evidence_file WHERE sha256 = ?')
  const madeDirs = new Set<string>()
  let tmpCounter = 0
  const get = (sha256: string): Buffer => {
    const file = pathOf(sha256)
    if (!existsSync(file)) throw notFound(`The evidence file ${sha256.slice(0, 12)}… is missing from the data folder.`)
    return readFileSync(file)
  }
  function pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw badInput(`"${sha256}" is not a SHA-256 hash`)
    return join(root, sha256.slice(0, 2), sha256)
  }
  return {
    pathOf,
    async write(bytes) {
      if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw badInput('The file is larger than 20 MB.')
      const sha256 = sha256Of(bytes)
      const file = pathOf(sha256)
      const dir = join(root, sha256.slice(0, 2))
      if (!madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true })
        madeDirs.add(dir)
      }
      const exists = await access(file).then(
        () => true,
        () => false,
      )
      if (!exists) {
        // Write then rename, so a crash never leaves a half-written file under a valid hash.
        const tmp = `${file}.${process.pid}.${tmpCounter++}.tmp`
        await writeFile(tmp, bytes)
        await rename(tmp, file)
      }
      return sha256
    },
    record(sha256, fileName, mediaType, sizeBytes) {
      recordStmt.run({ sha256, fileName, mediaType, size: sizeBytes, at: now().toISOString() })
    },
    attach(credentialId, sha256) {
      link.run(credentialId, sha256)
    },
    get,
    imageDataUrl(sha256) {
      const row = info.get(sha256)
      if (!row) throw notFound('There is no such file in this portfolio.')
      if (!IMAGE_TYPES.has(row.media_type)) throw badInput('This file is not a PNG or SVG image.')
      if (row.size_bytes > MAX_IMAGE_BYTES) throw badInput('This image is larger than 5 MB, too large to show.')
      return { mediaType: row.media_type, dataUrl: `data:${row.media_type};base64,${get(sha256).toString('base64')}` }
    },
  }
}
