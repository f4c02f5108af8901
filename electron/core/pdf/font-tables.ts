/**
 * Glyph metrics and glyph data read straight from a TrueType font's bytes.
 *
 * fontkit decodes a whole table the first time any of it is asked for (6,000 loca offsets for one
 * glyph's data), and a glyph's `advanceWidth` decodes the glyph's outline too (for its vertical
 * metrics). The fast paths need a few numbers per glyph, read here from the table directory
 * fontkit has parsed: the same numbers (tests/core/pdf/fast-shaping.test.ts compares the
 * results with fontkit's) for a fraction of the first render's time.
 */
import type { FontkitFont } from 'fontkit'

interface TableRecord {
  offset: number
  length: number
}

export interface FontTables {
  /** Each table's bytes, by tag. */
  table(tag: string): Uint8Array | null
  /** Advance width in font units, as in hmtx (a glyph past the last full metric has the last advance). */
  advance(glyph: number): number
  /** Left side bearing in font units. */
  bearing(glyph: number): number
  /** The glyph's outline data (glyf), empty for a glyph with no outline. */
  glyphData(glyph: number): Uint8Array
  /** loca's format: 0 for short offsets, 1 for long. */
  readonly locaFormat: number
}

/** The tables of a TrueType-outline font (not variable), or null for any other font. */
export function fontTables(font: FontkitFont, bytes: Uint8Array): FontTables | null {
  const records = (font as unknown as { directory: { tables: Record<string, TableRecord | undefined> } }).directory.tables
  for (const tag of ['head', 'hhea', 'hmtx', 'loca', 'glyf']) if (!records[tag]) return null
  if (records.fvar || records.gvar) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const table = (tag: string) => {
    const r = records[tag]
    return r ? bytes.subarray(r.offset, r.offset + r.length) : null
  }
  const head = records.head!
  const hmtx = records.hmtx!
  const loca = records.loca!
  const glyf = records.glyf!
  const locaFormat = view.getInt16(head.offset + 50)
  const metricsCount = view.getUint16(records.hhea!.offset + 34)
  const offset = (glyph: number) => (locaFormat === 0 ? view.getUint16(loca.offset + 2 * glyph) * 2 : view.getUint32(loca.offset + 4 * glyph))
  return {
    table,
    locaFormat,
    advance: (glyph) => (metricsCount === 0 ? 0 : view.getUint16(hmtx.offset + 4 * Math.min(glyph, metricsCount - 1))),
    bearing: (glyph) => {
      if (glyph < metricsCount) return view.getInt16(hmtx.offset + 4 * glyph + 2)
      const at = hmtx.offset + 4 * metricsCount + 2 * (glyph - metricsCount)
      return at + 2 <= hmtx.offset + hmtx.length ? view.getInt16(at) : 0
    },
    glyphData: (glyph) => bytes.subarray(glyf.offset + offset(glyph), glyf.offset + offset(glyph + 1)),
  }
}
