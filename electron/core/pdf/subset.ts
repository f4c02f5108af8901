/**
 * The embedded font subset, put together from pieces prepared once per face.
 *
 * fontkit's TrueType subset encoder re-reads every glyph (decoding all its points to find out
 * whether it is a composite), looks its metrics up, and re-encodes the hinting tables (cvt,
 * prep, fpgm) byte by byte on every document: 5–20 ms per face, the largest single cost of a
 * document whose glyphs were never embedded in that order before. Here each glyph's bytes,
 * components and metrics are read once per face, and the tables that do not depend on the
 * glyphs (head, cvt, prep, fpgm; hhea and maxp but for their glyph count) are copied from the
 * font file; a document's subset is then copies and a few numbers. For the bundled faces the
 * result is byte for byte what fontkit's encoder writes (tests/core/pdf/fast-shaping.test.ts
 * compares them): the same tables in the same order, the same directory (fontkit writes zero
 * checksums).
 *
 * It also never asks fontkit for a glyph object: fontkit keeps one per glyph id, with the
 * characters of the call that first made it, and its encoder makes a composite's components
 * (the "ε" inside "έ") with none; once that happened, every later "ε" was shaped with no
 * character, and the PDF's text layer lost it.
 */
import type { FontkitFont } from 'fontkit'
import { fontTables } from './font-tables'

/** fontkit's subset object, as pdfkit uses it: glyph ids in subset order; `includeGlyph` returns a glyph's subset id. */
export interface FontkitSubset {
  glyphs: number[]
  includeGlyph(glyphId: number): number
  encode(): Uint8Array
}

/** The tables of fontkit's subset, in the order it writes them. */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const

interface GlyphData {
  bytes: Uint8Array
  /** A composite's components: the glyph ids and where each is written in `bytes`. */
  components: ReadonlyArray<{ glyphID: number; pos: number }> | null
  advance: number
  bearing: number
}

const ARG_1_AND_2_ARE_WORDS = 0x1
const WE_HAVE_A_SCALE = 0x8
const MORE_COMPONENTS = 0x20
const WE_HAVE_AN_X_AND_Y_SCALE = 0x40
const WE_HAVE_A_TWO_BY_TWO = 0x80

/** The components of a composite glyph's data: each glyph id and its offset in the data (read as fontkit does). */
function componentsOf(raw: Uint8Array): Array<{ glyphID: number; pos: number }> {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
  const out: Array<{ glyphID: number; pos: number }> = []
  let at = 10
  let flags = MORE_COMPONENTS
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(at)
    out.push({ glyphID: view.getUint16(at + 2), pos: at + 2 })
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2)
    if (flags & WE_HAVE_A_SCALE) at += 2
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8
  }
  return out
}

/**
 * An encoder for subsets of `font` (read from `bytes`) that writes what fontkit's
 * `subset.encode()` writes, or null for a font it does not handle (not TrueType outlines, or a
 * variable font): those keep fontkit's encoder.
 */
export function subsetEncoder(font: FontkitFont, bytes: Uint8Array): ((subset: FontkitSubset) => Uint8Array) | null {
  const tables = fontTables(font, bytes)
  if (!tables) return null
  // The tables copied as they are (fontkit re-encodes them unchanged); hhea and maxp get the glyph count.
  const fixed = new Map<string, Uint8Array>()
  for (const tag of ['head', 'hhea', 'maxp', 'cvt ', 'prep', 'fpgm']) {
    const t = tables.table(tag)
    if (t) fixed.set(tag, t)
  }
  if (!fixed.has('maxp')) return null
  const present = TABLES.filter((tag) => fixed.has(tag) || tag === 'loca' || tag === 'glyf' || tag === 'hmtx')
  const longOffsets = tables.locaFormat !== 0
  const glyphs = new Map<number, GlyphData>()
  const glyphData = (gid: number): GlyphData => {
    let g = glyphs.get(gid)
    if (!g) {
      const raw = tables.glyphData(gid)
      // A negative contour count (the top bit of the first byte) marks a composite.
      g = { bytes: raw, components: raw.length >= 2 && raw[0]! & 0x80 ? componentsOf(raw) : null, advance: tables.advance(gid), bearing: tables.bearing(gid) }
      glyphs.set(gid, g)
    }
    return g
  }

  return (subset) => {
    const parts: Uint8Array[] = []
    const metrics: GlyphData[] = []
    const offsets: number[] = []
    let glyfLength = 0
    // Composites add their components to the subset as they are met, as in fontkit.
    for (let i = 0; i < subset.glyphs.length; i++) {
      const g = glyphData(subset.glyphs[i]!)
      let part = g.bytes
      if (g.components) {
        part = new Uint8Array(part)
        const view = new DataView(part.buffer)
        for (const c of g.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID))
      }
      parts.push(part)
      metrics.push(g)
      offsets.push(glyfLength)
      glyfLength += part.length
    }
    offsets.push(glyfLength)
    const n = parts.length

    const sizes = new Map<string, number>()
    for (const tag of present) {
      if (tag === 'loca') sizes.set(tag, offsets.length * (longOffsets ? 4 : 2))
      else if (tag === 'glyf') sizes.set(tag, glyfLength)
      else if (tag === 'hmtx') sizes.set(tag, 4 * n)
      else sizes.set(tag, fixed.get(tag)!.length)
    }
    const header = 12 + 16 * present.length
    const total = header + [...sizes.values()].reduce((a, b) => a + b, 0)
    const out = new Uint8Array(total)
    const view = new DataView(out.buffer)
    // The directory as fontkit writes it: tag "true", zero checksums, tables back to back.
    out.set([0x74, 0x72, 0x75, 0x65], 0)
    const maxPowerOf2 = 2 ** Math.floor(Math.log2(present.length))
    view.setUint16(4, present.length)
    view.setUint16(6, maxPowerOf2 * 16)
    view.setUint16(8, Math.log2(maxPowerOf2))
    view.setUint16(10, present.length * 16 - maxPowerOf2 * 16)
    let at = header
    present.forEach((tag, i) => {
      const entry = 12 + 16 * i
      for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c)
      view.setUint32(entry + 8, at)
      view.setUint32(entry + 12, sizes.get(tag)!)
      if (tag === 'loca') {
        offsets.forEach((o, k) => (longOffsets ? view.setUint32(at + 4 * k, o) : view.setUint16(at + 2 * k, o >>> 1)))
      } else if (tag === 'glyf') {
        let p = at
        for (const part of parts) {
          out.set(part, p)
          p += part.length
        }
      } else if (tag === 'hmtx') {
        metrics.forEach((m, k) => {
          view.setUint16(at + 4 * k, m.advance)
          view.setInt16(at + 4 * k + 2, m.bearing)
        })
      } else {
        out.set(fixed.get(tag)!, at)
        // The glyph count: hhea's number of metrics, maxp's number of glyphs.
        if (tag === 'hhea') view.setUint16(at + 34, n)
        if (tag === 'maxp') view.setUint16(at + 4, n)
      }
      at += sizes.get(tag)!
    })
    return out
  }
}
