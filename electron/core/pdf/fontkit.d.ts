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
    readonly postscriptName: string
    readonly unitsPerEm: number
    readonly ascent: number
    readonly descent: number
    readonly lineGap: number
    layout(text: string, features?: Record<string, boolean> | string[]): FontkitGlyphRun
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont
}
