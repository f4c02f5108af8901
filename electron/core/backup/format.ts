/**
 * The backup file: one portfolio (its SQLite database, which holds every original as a blob)
 * and a manifest, in one container.
 *
 * ```
 * offset 0   8 bytes   magic "SFBACKUP"
 * offset 8   1 byte    container version (1)
 * offset 9   u32 BE    header length H
 * offset 13  H bytes   header: UTF-8 JSON (Header below), readable without the passphrase
 * offset 13+H          body, `header.bodyBytes` bytes:
 *                        plain:     u32 BE manifest length M | manifest JSON (M bytes) | database bytes
 *                        encrypted: AES-256-GCM(the plain body) | 16-byte GCM tag
 * ```
 *
 * - The header says when, why and from which app and schema version the backup was made (so a
 *   list needs no passphrase), and how the body is protected: for a plain body its SHA-256
 *   (`bodySha256`); for an encrypted one the scrypt parameters (N, r, p, salt), the GCM nonce and
 *   a key check (HMAC-SHA256 of a fixed text under the derived key, first 16 bytes) that tells a
 *   wrong passphrase from a damaged file. The first 13+H bytes are the GCM's additional data, so
 *   a changed header fails the tag.
 * - The manifest (manifest.ts) repeats the header's facts and adds the database's size and
 *   SHA-256, every original's SHA-256 and size, and the rows per table.
 * - The database bytes are a complete SQLite file in rollback-journal mode (never WAL), so it
 *   opens on its own, from a file or from memory.
 *
 * Every check that can fail here is reported as an AppError in words: a truncated or
 * bit-flipped file, a wrong passphrase, a newer container version.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { basename } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { BackupReason } from '../../shared/backup'

const MAGIC = Buffer.from('SFBACKUP', 'latin1')
export const CONTAINER_VERSION = 1
const PREFIX_BYTES = MAGIC.length + 1 + 4
const MAX_HEADER_BYTES = 64 * 1024
const TAG_BYTES = 16
const KEY_CHECK_TEXT = 'skillfolio-backup key check'

/** scrypt cost for new backups: 128 MiB and a fraction of a second to derive. */
export const SCRYPT_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const
/** What a file may ask for: a hostile header must not make the app allocate gigabytes. */
const SCRYPT_MAX_MEMORY = 1024 * 1024 * 1024

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/)

const Encryption = z.strictObject({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22).refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
  r: z.number().int().min(1).max(64),
  p: z.number().int().min(1).max(16),
  salt: base64,
  nonce: base64,
  keyCheck: base64,
})

export const Header = z.strictObject({
  createdAt: z.string().datetime(),
  reason: BackupReason,
  appVersion: z.string().max(100),
  schemaVersion: z.number().int().min(0),
  /** The portfolio's file name. */
  portfolio: z.string().max(255),
  bodyBytes: z.number().int().min(0),
  bodySha256: hex64.optional(),
  encryption: Encryption.nullable(),
})
export type Header = z.infer<typeof Header>
export type HeaderFacts = Omit<Header, 'bodyBytes' | 'bodySha256' | 'encryption'>

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
/** Whether a file's scrypt parameters stay within what the app will allocate. */
const scryptWithinLimits = (e: { N: number; r: number; p: number }) => 128 * e.N * e.r * e.p <= SCRYPT_MAX_MEMORY

const damaged = (file: string, why: string) =>
  new AppError('DAMAGED', `The backup ${basename(file)} is damaged (${why}). Nothing was changed; use another backup.`)
const notABackup = (file: string) => new AppError('BAD_INPUT', `${basename(file)} is not a Skillfolio backup.`)

/** The plain body: manifest length, manifest JSON, database bytes. */
export function plainBody(manifestJson: string, database: Buffer): Buffer {
  const manifest = Buffer.from(manifestJson, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(manifest.length)
  return Buffer.concat([length, manifest, database])
}

function prefix(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const head = Buffer.alloc(PREFIX_BYTES)
  MAGIC.copy(head, 0)
  head.writeUInt8(CONTAINER_VERSION, MAGIC.length)
  head.writeUInt32BE(json.length, MAGIC.length + 1)
  return Buffer.concat([head, json])
}

/** A plain (unencrypted) container; synchronous, for the backup taken inside a migration's lock. */
export function encodePlain(facts: HeaderFacts, body: Buffer): Buffer {
  return Buffer.concat([prefix({ ...facts, bodyBytes: body.length, bodySha256: sha256(body), encryption: null }), body])
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  )
}
const keyCheck = (key: Buffer) => createHmac('sha256', key).update(KEY_CHECK_TEXT).digest().subarray(0, 16)

/** An encrypted container: the body under a key derived from the passphrase. */
export async function encodeEncrypted(facts: HeaderFacts, body: Buffer, passphrase: string, params: { N: number; r: number; p: number } = SCRYPT_DEFAULTS): Promise<Buffer> {
  const salt = randomBytes(16)
  const nonce = randomBytes(12)
  const key = await deriveKey(passphrase, salt, params)
  const encryption = { cipher: 'aes-256-gcm' as const, kdf: 'scrypt' as const, ...params, salt: salt.toString('base64'), nonce: nonce.toString('base64'), keyCheck: keyCheck(key).toString('base64') }
  const head = prefix({ ...facts, bodyBytes: body.length + TAG_BYTES, encryption })
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(head)
  const sealed = Buffer.concat([cipher.update(body), cipher.final(), cipher.getAuthTag()])
  return Buffer.concat([head, sealed])
}

/** The header alone, for a list: checks the magic, version and header, not the body. */
export function readHeader(bytes: Buffer, file: string): { header: Header; headerEnd: number } {
  if (bytes.length < PREFIX_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (bytes.length < PREFIX_BYTES && MAGIC.subarray(0, bytes.length).equals(bytes)) throw damaged(file, 'it ends before its header')
    throw notABackup(file)
  }
  const version = bytes.readUInt8(MAGIC.length)
  if (version !== CONTAINER_VERSION)
    throw new AppError('DB_TOO_NEW', `The backup ${basename(file)} was made by a newer version of Skillfolio (backup format ${version}). Update Skillfolio to restore it.`)
  const length = bytes.readUInt32BE(MAGIC.length + 1)
  if (length > MAX_HEADER_BYTES) throw damaged(file, 'its header is unreadable')
  const headerEnd = PREFIX_BYTES + length
  if (bytes.length < headerEnd) throw damaged(file, 'it ends inside its header')
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8', PREFIX_BYTES, headerEnd))
  } catch {
    throw damaged(file, 'its header is unreadable')
  }
  const header = Header.safeParse(parsed)
  if (!header.success) throw damaged(file, 'its header is unreadable')
  return { header: header.data, headerEnd }
}

/**
 * Checks the whole container and answers its header and plain body. A missing or wrong
 * passphrase, a truncated file and any changed byte are refused with an AppError.
 */
export async function decode(bytes: Buffer, file: string, passphrase?: string): Promise<{ header: Header; body: Buffer }> {
  const { header, headerEnd } = readHeader(bytes, file)
  const found = bytes.length - headerEnd
  if (found < header.bodyBytes) throw damaged(file, `it is incomplete: ${found} of ${header.bodyBytes} bytes after the header`)
  if (found > header.bodyBytes) throw damaged(file, `it has ${found - header.bodyBytes} unexpected bytes at the end`)
  const sealed = bytes.subarray(headerEnd)
  const enc = header.encryption
  if (!enc) {
    if (!header.bodySha256 || sha256(sealed) !== header.bodySha256) throw damaged(file, 'its content does not match its checksum')
    return { header, body: sealed }
  }
  if (passphrase === undefined || passphrase === '')
    throw new AppError('BAD_INPUT', `The backup ${basename(file)} is encrypted: give its passphrase.`)
  if (sealed.length < TAG_BYTES) throw damaged(file, 'it is incomplete')
  if (!scryptWithinLimits(enc)) throw damaged(file, 'its encryption parameters are out of range')
  const key = await deriveKey(passphrase, Buffer.from(enc.salt, 'base64'), enc).catch(() => {
    throw damaged(file, 'its encryption parameters are unusable')
  })
  const check = Buffer.from(enc.keyCheck, 'base64')
  const expected = keyCheck(key)
  if (check.length !== expected.length || !timingSafeEqual(check, expected))
    throw new AppError('BAD_INPUT', `Wrong passphrase for the backup ${basename(file)}. Nothing was changed.`)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(enc.nonce, 'base64'))
    decipher.setAAD(bytes.subarray(0, headerEnd))
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    const body = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()])
    return { header, body }
  } catch {
    throw damaged(file, 'its encrypted content does not match its authentication tag')
  }
}

/** Splits a plain body into the manifest's JSON and the database bytes. */
export function splitBody(body: Buffer, file: string): { manifestJson: string; database: Buffer } {
  if (body.length < 4) throw damaged(file, 'it holds no manifest')
  const length = body.readUInt32BE(0)
  if (4 + length > body.length) throw damaged(file, 'its manifest is cut short')
  return { manifestJson: body.toString('utf8', 4, 4 + length), database: body.subarray(4 + length) }
}

export { damaged as damagedBackup }
