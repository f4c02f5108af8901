/**
 * Bytes to text for the text formats (JSON, JWS, SVG, URL): byte-order marks, UTF-16 with or
 * without a BOM, UTF-8, and Latin-1 as a last resort for old files. Binary content gives null.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const utf16le = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true })
const utf16be = new TextDecoder('utf-16be', { fatal: false, ignoreBOM: true })

export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1'
}

/** Control characters other than tab, newline, carriage return and form feed. */
function looksBinary(bytes: Uint8Array, step: 1 | 2 = 1, offset = 0): boolean {
  const end = Math.min(bytes.length, 4096)
  for (let i = offset; i < end; i += step) {
    const b = bytes[i]!
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return true
  }
  return false
}

export function decodeText(bytes: Uint8Array): DecodedText | null {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]]
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3))
  if (b0 === 0xff && b1 === 0xfe) return { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (b0 === 0xfe && b1 === 0xff) return { text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be' }
  // UTF-16 without a BOM: "{" / "<" / "e" / whitespace with a zero byte beside it.
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    if (b0 === 0 && b1 !== 0 && bytes[2] === 0 && !looksBinary(bytes, 2, 1)) return { text: utf16be.decode(bytes), encoding: 'utf-16be' }
    if (b0 !== 0 && b1 === 0 && bytes[3] === 0 && !looksBinary(bytes, 2, 0)) return { text: utf16le.decode(bytes), encoding: 'utf-16le' }
  }
  return decodeUtf8(bytes)
}

function decodeUtf8(bytes: Uint8Array): DecodedText | null {
  if (looksBinary(bytes)) return null
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1' }
  }
}

/** Index of the first character that is not whitespace or a stray BOM. */
export function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff && c !== 0x0c) return i
  }
  return -1
}

/** Compact JWS: three base64url parts (the last may be empty), nothing else. Linear, no regex. */
export function isCompactJws(text: string): boolean {
  let dots = 0
  let partLength = 0
  if (text.length < 5) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x2e /* . */) {
      if (partLength === 0 && dots < 2) return false
      dots++
      partLength = 0
      if (dots > 2) return false
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x3d) partLength++
    else return false
  }
  // A JOSE header always starts with "{" → "ey" in base64url.
  return dots === 2 && text.startsWith('ey')
}

/** One http(s) link with no spaces, as stored by legacy baking and hosted badges. */
export function isBareUrl(text: string): boolean {
  if (text.length > 8192 || !/^https?:\/\//i.test(text)) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 0x20 || c === 0x7f) return false
  }
  return true
}
