/**
 * What a file is, from its content only (magic bytes, then the first meaningful character of
 * its text). The file name is used for nothing but a hint in messages ("named like a PNG").
 */
import { decodeText, firstNonSpace, isBareUrl, isCompactJws } from './text'
import { ImportError } from './types'

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const

export type Detected =
  | { kind: 'png' }
  /** XML (SVG or not): svg.ts decides. */
  | { kind: 'xml'; text: string }
  | { kind: 'json'; text: string }
  | { kind: 'jws'; text: string }
  | { kind: 'url'; text: string }

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b)
const ascii = (bytes: Uint8Array, at: number, s: string) => [...s].every((ch, i) => bytes[at + i] === ch.charCodeAt(0))

const PDF = 'a PDF document'

/** Other well-known binary formats, named so the message can say what the file is. */
function knownBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'a JPEG photo'
  if (ascii(bytes, 0, 'GIF8')) return 'a GIF image'
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'a WebP image'
  if (ascii(bytes, 4, 'ftyp')) return 'a video or HEIC photo'
  if (ascii(bytes, 0, '%PDF')) return PDF
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (or an Office document)'
  if (startsWith(bytes, 0x1f, 0x8b)) return 'a compressed (gzip) file'
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return 'a TIFF image'
  return null
}

const EXTENSION_KIND: Record<string, Detected['kind']> = { png: 'png', svg: 'xml', json: 'json', jsonld: 'json', jwt: 'jws', jws: 'jws' }

/**
 * " (Its name ends in .png, but it is JSON text.)" when the name suggests another type than
 * the content; '' otherwise.
 */
export function nameHint(fileName: string, actual: Detected['kind'] | 'other', description: string): string {
  const ext = /\.([a-z0-9]{1,6})$/i.exec(fileName)?.[1]?.toLowerCase()
  if (ext === undefined) return ''
  const expected = EXTENSION_KIND[ext]
  if (expected === undefined || expected === actual) return ''
  return ` (Its name ends in .${ext}, but it is ${description}.)`
}

const UNSUPPORTED = 'Skillfolio reads badges baked into PNG or SVG images and credential files (JSON, JWT or JWS).'

/** Classifies `bytes`; throws ImportError 'unknown_format' for anything that is none of ours. */
export function detect(bytes: Uint8Array, fileName = ''): Detected {
  // A PNG, or the first bytes of one (cut short), or one whose line endings were rewritten.
  if (bytes[0] === 0x89 && (bytes.length < 4 || ascii(bytes, 1, 'PNG'))) return { kind: 'png' }
  const binary = knownBinary(bytes)
  if (binary === PDF)
    throw new ImportError('unknown_format', `This file is ${PDF}, not a badge. A certificate PDF is imported on its own, so you can check what was read before it is saved (on the command line: skillfolio import FILE.pdf).`)
  if (binary !== null) throw new ImportError('unknown_format', `This file is ${binary}, not a badge.${nameHint(fileName, 'other', binary)} ${UNSUPPORTED}`)

  const decoded = decodeText(bytes)
  if (decoded === null) throw new ImportError('unknown_format', `This file is not a badge or a credential: its content is not an image or text that Skillfolio recognises.${nameHint(fileName, 'other', 'not a file type Skillfolio knows')} ${UNSUPPORTED}`)
  const start = firstNonSpace(decoded.text)
  if (start < 0) throw new ImportError('empty', 'This file holds only blank space, no badge.')
  const text = start === 0 ? decoded.text : decoded.text.slice(start)
  const first = text.charCodeAt(0)
  if (first === 0x3c /* < */) return { kind: 'xml', text }
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return { kind: 'json', text }
  const trimmed = text.trimEnd()
  if (isCompactJws(trimmed)) return { kind: 'jws', text: trimmed }
  if (isBareUrl(trimmed)) return { kind: 'url', text: trimmed }
  throw new ImportError('unknown_format', `This file is plain text, not a badge or a credential that Skillfolio recognises.${nameHint(fileName, 'other', 'plain text')} ${UNSUPPORTED}`)
}
