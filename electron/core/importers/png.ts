/**
 * Baked PNG badges: walk the chunks in place (no copies), check every length against the file
 * size and every CRC, stop at IEND, and return the first `openbadges` / `openbadgecredential`
 * text chunk (iTXt, compressed or not; tEXt; zTXt) found anywhere before IEND. Compressed text
 * is inflated with a hard output cap.
 */
import { crc32, inflateSync } from 'node:zlib'
import { PNG_SIGNATURE } from './detect'
import { ImportError } from './types'
import { MAX_PAYLOAD_CHARS, fileSize, formatBytes } from './util'

export const BADGE_KEYWORDS = ['openbadges', 'openbadgecredential'] as const
export type BadgeKeyword = (typeof BADGE_KEYWORDS)[number]

export interface BakedPng {
  keyword: BadgeKeyword
  chunkType: 'iTXt' | 'tEXt' | 'zTXt'
  compressed: boolean
  text: string
  /** Byte offset of the chunk (for tests and messages). */
  offset: number
  warnings: string[]
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const damaged = (detail: string) => new ImportError('corrupt', `This PNG file is damaged: ${detail}.`)
const cutShort = (detail: string) => new ImportError('corrupt', `This PNG file is cut short: ${detail}.`)
const badData = (detail: string) => new ImportError('corrupt', `The badge data in this PNG is damaged: ${detail}.`)

const asBuffer = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start)

function isChunkType(bytes: Uint8Array, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = bytes[i]!
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false
  }
  return true
}

const typeAt = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)

/** Position of the first zero byte in [from, to), or -1. Keywords are at most 79 bytes. */
function nul(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (bytes[i] === 0) return i
  return -1
}

function inflateCapped(bytes: Uint8Array, start: number, end: number): Buffer {
  try {
    return inflateSync(asBuffer(bytes, start, end), { maxOutputLength: MAX_PAYLOAD_CHARS })
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      throw new ImportError('too_complex', `The badge data in this PNG unpacks to more than ${formatBytes(MAX_PAYLOAD_CHARS)}, which is past Skillfolio's safety limit.`)
    throw badData('its compressed text cannot be unpacked')
  }
}

function decodeUtf8(buf: Uint8Array, warnings: string[]): string {
  try {
    return utf8.decode(buf)
  } catch {
    warnings.push('The badge text in this PNG is not valid UTF-8; it was read as Latin-1.')
    return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1')
  }
}

function isBadgeKeyword(bytes: Uint8Array, start: number, end: number): boolean {
  const keyEnd = nul(bytes, start, Math.min(end, start + 80))
  return keyEnd >= 0 && (BADGE_KEYWORDS as readonly string[]).includes(asBuffer(bytes, start, keyEnd).toString('latin1').toLowerCase())
}

/** Reads the badge text chunk's payload; null when the chunk is not a badge chunk. */
function readTextChunk(bytes: Uint8Array, type: string, start: number, end: number, at: number): BakedPng | null {
  const keyEnd = nul(bytes, start, Math.min(end, start + 80))
  if (keyEnd < 0) return null // not a well-formed text chunk; only badge chunks matter
  const keyword = Buffer.from(bytes.buffer, bytes.byteOffset + start, keyEnd - start).toString('latin1')
  const lower = keyword.toLowerCase() as BadgeKeyword
  if (!BADGE_KEYWORDS.includes(lower)) return null
  const warnings: string[] = []
  if (keyword !== lower) warnings.push(`The badge text chunk's keyword is written "${keyword}" instead of "${lower}".`)
  const tooBig = () => new ImportError('too_complex', `The badge data in this PNG is larger than ${formatBytes(MAX_PAYLOAD_CHARS)}, which is past Skillfolio's safety limit.`)

  if (type === 'tEXt') {
    if (end - keyEnd - 1 > MAX_PAYLOAD_CHARS) throw tooBig()
    return { keyword: lower, chunkType: 'tEXt', compressed: false, text: asBuffer(bytes, keyEnd + 1, end).toString('latin1'), offset: at, warnings }
  }
  if (type === 'zTXt') {
    if (keyEnd + 1 >= end) throw badData('its compressed text chunk has no content')
    if (bytes[keyEnd + 1] !== 0) throw badData('its text chunk uses an unknown compression method')
    const text = inflateCapped(bytes, keyEnd + 2, end).toString('latin1')
    return { keyword: lower, chunkType: 'zTXt', compressed: true, text, offset: at, warnings }
  }
  // iTXt: keyword \0 flag method language \0 translated-keyword \0 text
  if (keyEnd + 3 > end) throw badData('its international text chunk is missing its header')
  const flag = bytes[keyEnd + 1]!
  const method = bytes[keyEnd + 2]!
  const langEnd = nul(bytes, keyEnd + 3, end)
  const transEnd = langEnd < 0 ? -1 : nul(bytes, langEnd + 1, end)
  if (transEnd < 0) throw badData('its international text chunk is missing a separator')
  if (flag > 1) throw badData('its text chunk has an unknown compression flag')
  if (flag === 1) {
    if (method !== 0) throw badData('its text chunk uses an unknown compression method')
    const inflated = inflateCapped(bytes, transEnd + 1, end)
    return { keyword: lower, chunkType: 'iTXt', compressed: true, text: decodeUtf8(inflated, warnings), offset: at, warnings }
  }
  if (end - transEnd - 1 > MAX_PAYLOAD_CHARS) throw tooBig()
  return { keyword: lower, chunkType: 'iTXt', compressed: false, text: decodeUtf8(bytes.subarray(transEnd + 1, end), warnings), offset: at, warnings }
}

/**
 * Validates the PNG structure and returns its badge chunk. Throws ImportError: 'corrupt' for
 * structural damage, 'too_complex' past the inflate cap, 'no_credential' when no badge chunk.
 */
export function readPng(bytes: Uint8Array): BakedPng {
  const size = bytes.length
  if (size < 8) throw cutShort(`it ends after only ${fileSize(size)}, before the PNG signature is complete`)
  for (let i = 0; i < 8; i++) {
    if (bytes[i] !== PNG_SIGNATURE[i]) {
      throw damaged(bytes[4] === 0x0a || bytes[5] === 0x0a ? 'its first bytes were changed in transfer (line endings were converted, as happens when an image is copied as text)' : 'its PNG signature is wrong')
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let found: BakedPng | null = null
  let extra = 0
  let offset = 8
  let first = true
  for (;;) {
    if (offset + 8 > size) {
      if (offset === size) throw cutShort(`it ends after ${fileSize(size)} without the end-of-image marker (IEND)`)
      throw cutShort(`it ends in the middle of a chunk after ${fileSize(size)}`)
    }
    const length = view.getUint32(offset)
    if (!isChunkType(bytes, offset + 4)) throw damaged(`the chunk at byte ${offset.toLocaleString('en-US')} has an unreadable name`)
    const type = typeAt(bytes, offset + 4)
    const dataStart = offset + 8
    const dataEnd = dataStart + length
    if (length > 0x7fffffff || dataEnd + 4 > size) {
      throw damaged(`a chunk claims ${formatBytes(length)} but the file ends after ${fileSize(size)}`)
    }
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw damaged('it does not start with the image header (IHDR) every PNG needs')
      first = false
    }
    const stored = view.getUint32(dataEnd)
    if (crc32(asBuffer(bytes, offset + 4, dataEnd)) >>> 0 !== stored) {
      throw damaged(`the checksum of its "${type}" chunk at byte ${offset.toLocaleString('en-US')} does not match its content`)
    }
    if (type === 'IEND') break
    if (type === 'iTXt' || type === 'tEXt' || type === 'zTXt') {
      if (found === null) found = readTextChunk(bytes, type, dataStart, dataEnd, offset)
      else if (isBadgeKeyword(bytes, dataStart, dataEnd)) extra++
    }
    offset = dataEnd + 4
  }
  if (found === null) throw new ImportError('no_credential', 'This PNG image has no badge baked into it (it has no "openbadges" or "openbadgecredential" text chunk).')
  if (extra > 0) found.warnings.push(`This PNG holds ${extra + 1} badge text chunks; only the first was read.`)
  return found
}
