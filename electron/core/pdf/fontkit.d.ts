/**
 * Minimal types for fontkit 2 (the font engine pdfkit uses; it ships no types). Only the
 * members Skillfolio touches are declared. pdfkit accepts a parsed fontkit font wherever it
 * accepts a font file (it checks for a `layout` function).
 */
declare module 'fontkit' {
  export interface FontkitGlyphRun {
    glyphs: Array<{ id: number; codePoints: number[]; advanceWidth: number; name?: string }>
    advanceWidth: number
  }
  export interface FontkitFont {
    readonly type: 'TTF' | 'WOFF' | 'WOFF2' | 'DFont'
    readonly postscriptName: string
    readonly familyName: string
    readonly subfamilyName: string
    readonly unitsPerEm: number
    readonly ascent: number
    readonly descent: number
    readonly lineGap: number
    /** Every code point the font maps to a glyph. */
    readonly characterSet: number[]
    /** The OpenType features of its GSUB and GPOS tables. */
    readonly availableFeatures: string[]
    /** The table directory: which tables (glyf, CFF , CBDT, sbix…) the font has. */
    readonly directory: { tables: Record<string, unknown> }
    readonly 'OS/2'?: { usWeightClass: number; fsSelection?: { italic?: boolean } }
    /** `direction` forces the glyph order (fontkit otherwise takes it from the text's first script). */
    layout(text: string, features?: Record<string, boolean> | string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'): FontkitGlyphRun
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  /** A .ttc/.otc collection (or a .dfont): its faces. */
  export interface FontkitCollection {
    readonly type: 'TTC' | 'DFont'
    readonly fonts: FontkitFont[]
    getFont(postscriptName: string): FontkitFont | null
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection
}
