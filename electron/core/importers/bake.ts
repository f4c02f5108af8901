/**
 * Baking: put a badge into an image, the way issuers do. Used by the project's own fixtures and
 * tests, and later by export. Deterministic: the same input always gives the same bytes.
 *
 * - bakePng: inserts an `iTXt` (optionally compressed), `tEXt` or `zTXt` chunk with a correct
 *   CRC right after IHDR (default) or just before IEND, replacing any badge chunk with the
 *   same keyword.
 * - bakeSvg: inserts `<openbadges:assertion>` (OB 2.0) or `<openbadges:credential>` (OB 3.0)
 *   as the first child of the root `<svg>`, declaring the namespace when needed: JSON goes into
 *   CDATA, a compact JWS or a link into the `verify` attribute.
 */
import { crc32, deflateSync } from 'node:zlib'
import { PNG_SIGNATURE } from './detect'
import { isBareUrl, isCompactJws } from './text'

export type BakeChunk = 'iTXt' | 'tEXt' | 'zTXt'

export interface BakePngOptions {
  /** Chunk type; iTXt by default (what OB 2.0 and 3.0 specify). */
  chunk?: BakeChunk
  /** iTXt only: compress the text (compression flag 1). */
  compressed?: boolean
  /** Where the chunk goes: right after IHDR (default) or just before IEND. */
  position?: 'after-ihdr' | 'before-iend'
}

interface Chunk {
  type: string
  start: number
  end: number
}

function chunksOf(png: Uint8Array): Chunk[] {
  if (png.length < 8 || !PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('bakePng: not a PNG file')
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const chunks: Chunk[] = []
  let offset = 8
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset)
    const end = offset + 12 + length
    if (end > png.length) throw new Error('bakePng: damaged PNG (a chunk runs past the end)')
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8))
    chunks.push({ type, start: offset, end })
    offset = end
    if (type === 'IEND') return chunks
  }
  throw new Error('bakePng: damaged PNG (no IEND)')
}

/** One PNG chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)) >>> 0)
  return out
}

function latin1(text: string, what: string): Buffer {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) throw new Error(`bakePng: a ${what} chunk holds Latin-1 text only; use iTXt`)
  return Buffer.from(text, 'latin1')
}

function textChunkData(keyword: string, text: string, chunk: BakeChunk, compressed: boolean): Uint8Array {
  const key = latin1(keyword, chunk)
  if (key.length < 1 || key.length > 79) throw new Error('bakePng: the keyword must be 1 to 79 characters')
  if (chunk === 'tEXt') return Buffer.concat([key, Buffer.from([0]), latin1(text, 'tEXt')])
  if (chunk === 'zTXt') return Buffer.concat([key, Buffer.from([0, 0]), deflateSync(latin1(text, 'zTXt'))])
  const body = compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8')
  // keyword \0, compression flag, method, language tag \0, translated keyword \0, text
  return Buffer.concat([key, Buffer.from([0, compressed ? 1 : 0, 0, 0, 0]), body])
}

function keywordOf(png: Uint8Array, c: Chunk): string | null {
  if (c.type !== 'iTXt' && c.type !== 'tEXt' && c.type !== 'zTXt') return null
  const data = png.subarray(c.start + 8, c.end - 4)
  const nul = data.indexOf(0)
  return nul < 0 ? null : Buffer.from(data.buffer, data.byteOffset, nul).toString('latin1')
}

/** Returns a new PNG with `text` baked under `keyword` ("openbadges" or "openbadgecredential"). */
export function bakePng(png: Uint8Array, keyword: string, text: string, options: BakePngOptions = {}): Uint8Array {
  const chunk = options.chunk ?? 'iTXt'
  const baked = pngChunk(chunk, textChunkData(keyword, text, chunk, options.compressed === true && chunk === 'iTXt'))
  const chunks = chunksOf(png).filter((c) => keywordOf(png, c) !== keyword)
  if (chunks[0]?.type !== 'IHDR') throw new Error('bakePng: the PNG does not start with IHDR')
  const parts: Uint8Array[] = [png.subarray(0, 8)]
  for (const c of chunks) {
    if (c.type === 'IEND' && options.position === 'before-iend') parts.push(baked)
    parts.push(png.subarray(c.start, c.end))
    if (c.type === 'IHDR' && options.position !== 'before-iend') parts.push(baked)
  }
  return new Uint8Array(Buffer.concat(parts))
}

export const OB2_SVG_NAMESPACE = 'http://openbadges.org'
export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0'

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
/** CDATA cannot hold "]]>": split it across two sections. */
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`

export interface BakeSvgOptions {
  /** A hosted-assertion URL for the `verify` attribute beside CDATA JSON. */
  verify?: string
}

/**
 * Returns the SVG text with the badge baked in. `payload` is the assertion / credential JSON,
 * a compact JWS, or a link; `kind` picks OB 2.0 (`assertion`) or OB 3.0 (`credential`).
 */
export function bakeSvg(svg: string, payload: string, kind: 'ob2' | 'ob3', options: BakeSvgOptions = {}): string {
  const element = kind === 'ob2' ? 'openbadges:assertion' : 'openbadges:credential'
  const namespace = kind === 'ob2' ? OB2_SVG_NAMESPACE : OB3_SVG_NAMESPACE
  // Drop an earlier badge element of the same kind (re-baking).
  const previous = new RegExp(`<${element}\\b[^>]*?(?:/>|>[\\s\\S]*?</${element}\\s*>)\\s*`)
  let text = svg.replace(previous, '')
  const open = /<svg\b[^>]*>/.exec(text)
  if (!open) throw new Error('bakeSvg: no <svg> element')
  let startTag = open[0]
  const declared = /xmlns:openbadges\s*=\s*("([^"]*)"|'([^']*)')/.exec(startTag)
  if (!declared) startTag = startTag.replace(/\s*(\/?)>$/, ` xmlns:openbadges="${namespace}"$1>`)
  else if ((declared[2] ?? declared[3]) !== namespace) throw new Error(`bakeSvg: the SVG binds "openbadges" to another namespace (${declared[2] ?? declared[3]})`)
  const trimmed = payload.trim()
  const badge =
    isCompactJws(trimmed) || isBareUrl(trimmed)
      ? `<${element} verify="${escapeAttribute(trimmed)}"></${element}>`
      : `<${element}${options.verify ? ` verify="${escapeAttribute(options.verify)}"` : ''}>${cdata(payload)}</${element}>`
  text = text.slice(0, open.index) + startTag + badge + text.slice(open.index + open[0].length)
  return text
}
