/**
 * Reading PDFs back the way applicant-tracking systems and people do: pdf.js (text in content
 * order with positions, link annotations, metadata, structure tree, glyphs) and Debian's
 * pdftotext (plain reading order, -layout and -raw).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface TextItem {
  str: string
  /** Left edge, points from the left of the page. */
  x: number
  /** Baseline, points from the TOP of the page. */
  y: number
  size: number
  /** The font's name as embedded ("ABCDEF+DejaVuSans-Bold"); only with `fonts: true`, else pdf.js's internal name. */
  font: string
  /** The last item of its line (pdf.js's hasEOL). */
  eol: boolean
}

export interface ExtractedPage {
  width: number
  height: number
  items: TextItem[]
  /** Items joined in content order; line ends become "\n". */
  text: string
  links: Array<{ url: string; rect: number[] }>
  /** Unicode of every glyph drawn (ligature glyphs would carry two or more letters). */
  glyphs: string[]
  /** The fill colours set on the page ("#9a3412"); only with `glyphs` or `fonts`. */
  fills: string[]
}

export interface ExtractedPdf {
  pages: ExtractedPage[]
  text: string
  info: Record<string, unknown>
  marked: boolean
  structRoles: string[]
}

export async function extractPdf(bytes: Uint8Array, o: { glyphs?: boolean; fonts?: boolean } = {}): Promise<ExtractedPdf> {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise
  try {
    const pages: ExtractedPage[] = []
    const roles = new Set<string>()
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const [, , width, height] = page.view as [number, number, number, number]
      const content = await page.getTextContent()
      // The fonts' real names are known once the page's operators have been read (as resume parsers do).
      const ops = o.glyphs || o.fonts ? await page.getOperatorList() : null
      const fontName = (id: string) => (o.fonts ? ((page.commonObjs.get(id) as { name?: string } | null)?.name ?? id) : id)
      const items: TextItem[] = []
      let text = ''
      for (const raw of content.items) {
        if (!('str' in raw)) continue
        if (raw.str) items.push({ str: raw.str, x: raw.transform[4] as number, y: height - (raw.transform[5] as number), size: raw.height, font: fontName(raw.fontName), eol: raw.hasEOL })
        else if (raw.hasEOL && items.length) items[items.length - 1]!.eol = true
        text += raw.str
        if (raw.hasEOL) text += '\n'
      }
      const links = (await page.getAnnotations())
        .filter((a: { subtype?: string; url?: string }) => a.subtype === 'Link' && a.url)
        .map((a: { url: string; rect: number[] }) => ({ url: a.url, rect: a.rect }))
      const glyphs: string[] = []
      const fills = new Set<string>()
      ops?.fnArray.forEach((fn, i) => {
        if (fn === OPS.setFillRGBColor) fills.add(String(ops.argsArray[i]![0]))
      })
      if (o.glyphs && ops) {
        ops.fnArray.forEach((fn, i) => {
          if (fn !== OPS.showText) return
          for (const g of ops.argsArray[i]![0] as Array<{ unicode?: string } | number | null>) if (g && typeof g === 'object' && g.unicode) glyphs.push(g.unicode)
        })
      }
      const tree = await page.getStructTree()
      const walk = (node: { role?: string; children?: unknown[] } | null) => {
        if (!node) return
        if (node.role) roles.add(node.role)
        for (const c of node.children ?? []) walk(c as { role?: string; children?: unknown[] })
      }
      walk(tree as unknown as { role?: string; children?: unknown[] })
      pages.push({ width, height, items, text, links, glyphs, fills: [...fills] })
    }
    const meta = await pdf.getMetadata()
    const mark = (await pdf.getMarkInfo()) as { Marked?: boolean } | null
    return { pages, text: pages.map((p) => p.text).join('\n'), info: meta.info as Record<string, unknown>, marked: Boolean(mark?.Marked), structRoles: [...roles] }
  } finally {
    await pdf.destroy()
  }
}

export const PDFTOTEXT = '/usr/bin/pdftotext'
export const hasPdftotext = existsSync(PDFTOTEXT)

/** pdftotext output; `mode` '' is its default reading order. */
export function pdftotext(bytes: Uint8Array, mode: '' | '-layout' | '-raw' = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-pdftotext-'))
  try {
    const file = join(dir, 'in.pdf')
    writeFileSync(file, bytes)
    return execFileSync(PDFTOTEXT, [...(mode ? [mode] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Collapses runs of whitespace to one space. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

/** Index after each needle, in order; throws with the missing needle and context. */
export function expectInOrder(text: string, needles: readonly string[], label = 'text'): void {
  let at = 0
  for (const needle of needles) {
    const i = text.indexOf(needle, at)
    if (i < 0) {
      const anywhere = text.indexOf(needle)
      throw new Error(
        anywhere < 0
          ? `${label}: "${needle}" is missing`
          : `${label}: "${needle}" is out of order (found at ${anywhere}, expected after ${at}: …${text.slice(Math.max(0, at - 60), at)}⟂)`,
      )
    }
    at = i + needle.length
  }
}
