/**
 * Type sizes, colours and spacing shared by the templates, derived from the user's options:
 * a font-size scale and an accent colour (made dark enough to read as text when needed).
 */
import type { TextStyle } from '../layout/text'

export type FontScale = 'small' | 'normal' | 'large'
export type PageSize = 'a4' | 'letter'

export const PAGE_SIZES: Readonly<Record<PageSize, readonly [number, number]>> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
}

const SCALE: Readonly<Record<FontScale, number>> = { small: 0.92, normal: 1, large: 1.09 }

export const DEFAULT_ACCENT = '#1f5f8b'

export interface Theme {
  scale: number
  /** The accent as given (for fills and rules). */
  accent: string
  /** The accent darkened, if needed, to at least 4.5:1 on white (for text). */
  accentText: string
  /** A very light tint of the accent (sidebar background). */
  tint: string
  ink: string
  body: string
  muted: string
  faint: string
  rule: string
  warn: string
  leading: number
  /** Spacing unit in points (scaled). */
  gap: number
  style: {
    name: TextStyle
    headline: TextStyle
    contact: TextStyle
    contactLink: TextStyle
    heading: TextStyle
    title: TextStyle
    titleRest: TextStyle
    date: TextStyle
    meta: TextStyle
    metaBold: TextStyle
    body: TextStyle
    bodyBold: TextStyle
    small: TextStyle
    smallBold: TextStyle
    smallLink: TextStyle
    warn: TextStyle
    footer: TextStyle
  }
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim())
  if (!m) return null
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number]
}

const toHex = (rgb: readonly number[]) => `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`

function luminance([r, g, b]: readonly number[]): number {
  const lin = (v: number) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
}

/** A valid `#rrggbb` accent, or the default. */
export function normaliseAccent(accent: string | null | undefined): string {
  const rgb = accent ? parseHex(accent) : null
  return rgb ? toHex(rgb) : DEFAULT_ACCENT
}

/** Darkens `hex` until it has 4.5:1 contrast against white. */
export function readableOnWhite(hex: string): string {
  let rgb = parseHex(hex) ?? parseHex(DEFAULT_ACCENT)!
  for (let i = 0; i < 40 && 1.05 / (luminance(rgb) + 0.05) < 4.5; i++) rgb = rgb.map((v) => v * 0.92) as [number, number, number]
  return toHex(rgb)
}

/** Mixes `hex` with white: amount 0 = white, 1 = the colour. */
export function tintOf(hex: string, amount: number): string {
  const rgb = parseHex(hex) ?? parseHex(DEFAULT_ACCENT)!
  return toHex(rgb.map((v) => 255 - (255 - v) * amount))
}

export function createTheme(options: { accent?: string | null; fontScale?: FontScale }): Theme {
  const scale = SCALE[options.fontScale ?? 'normal']
  const accent = normaliseAccent(options.accent)
  const accentText = readableOnWhite(accent)
  const ink = '#1b1f27'
  const body = '#2f3540'
  const muted = '#5d6573'
  const s = (size: number) => Math.round(size * scale * 100) / 100
  const st = (font: TextStyle['font'], size: number, color: string): TextStyle => ({ font, size: s(size), color })
  return {
    scale,
    accent,
    accentText,
    tint: tintOf(accent, 0.07),
    ink,
    body,
    muted,
    faint: '#8a919c',
    rule: '#d5d9df',
    warn: '#9a3412',
    leading: 1.36,
    gap: s(6),
    style: {
      name: st('serifBold', 23, ink),
      headline: st('sans', 10.8, accentText),
      contact: st('sans', 8.6, muted),
      contactLink: st('sans', 8.6, body),
      heading: st('sansBold', 9.4, accentText),
      title: st('sansBold', 9.6, ink),
      titleRest: st('sans', 9.6, ink),
      date: st('sans', 8.6, muted),
      meta: st('sans', 8.6, muted),
      metaBold: st('sansBold', 8.6, body),
      body: st('sans', 9.1, body),
      bodyBold: st('sansBold', 9.1, ink),
      small: st('sans', 8.1, muted),
      smallBold: st('sansBold', 8.1, body),
      smallLink: st('sans', 8.1, accentText),
      warn: st('sansBold', 8.1, '#9a3412'),
      footer: st('sans', 7.4, '#8a919c'),
    },
  }
}
