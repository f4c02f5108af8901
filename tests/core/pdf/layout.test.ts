/** The block-layout engine, line wrapping and the embedded fonts, tested without a template. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { FONT_FILES, FONT_KEYS, loadPdfFonts, prepareFonts } from '../../../electron/core/pdf/fonts'
import { paginate, type Unit } from '../../../electron/core/pdf/layout/engine'
import { Typesetter, type TextStyle } from '../../../electron/core/pdf/layout/text'

const RESOURCES = join(__dirname, '../../../resources')

const unit = (height: number, o: Partial<Unit> = {}): Unit => ({ height, spaceBefore: 0, keepWithNext: false, draw: () => {}, ...o })
const frame = () => ({ x: 0, width: 100, top: 0, bottom: 100 })
const pagesOf = (p: ReturnType<typeof paginate>, units: Unit[]) => units.map((u) => p.placements.find((pl) => pl.unit === u)?.page)

describe('paginate', () => {
  it('fills pages top to bottom and drops the space above the first unit of a page', () => {
    const units = Array.from({ length: 25 }, () => unit(10, { spaceBefore: 5 }))
    const p = paginate(units, frame)
    // 10 + 6 × 15 = 100 fits; the 8th would not.
    expect(p.pages).toBe(4)
    expect(p.placements.filter((pl) => pl.page === 0)).toHaveLength(7)
    expect(p.placements.find((pl) => pl.page === 1)!.y).toBe(0)
  })

  it('moves a heading and an entry title to the next page with the first line below them', () => {
    const body = Array.from({ length: 8 }, () => unit(10))
    const heading = unit(10, { keepWithNext: true })
    const title = unit(10, { keepWithNext: true })
    const line = unit(10)
    const p = paginate([...body, heading, title, line], frame)
    expect(pagesOf(p, [body[7]!, heading, title, line])).toEqual([0, 1, 1, 1])
    expect(p.placements.find((pl) => pl.unit === heading)!.y).toBe(0)
  })

  it('breaks a kept-together chain taller than a page instead of looping', () => {
    const chain = Array.from({ length: 30 }, () => unit(10, { keepWithNext: true }))
    const p = paginate(chain, frame)
    expect(p.pages).toBe(3)
    expect(p.placements).toHaveLength(30)
  })

  it('places a unit taller than the page alone on its page', () => {
    const p = paginate([unit(10), unit(150), unit(10)], frame)
    expect(p.pages).toBe(3)
  })

  it('repeats a table header at the top of a continuation page', () => {
    const header = unit(10, { keepWithNext: true })
    const repeat = unit(10)
    const rows = Array.from({ length: 15 }, () => unit(10, { repeat }))
    const p = paginate([header, ...rows], frame)
    expect(p.pages).toBe(2)
    const second = p.placements.filter((pl) => pl.page === 1)
    expect(second[0]!.unit).toBe(repeat)
    expect(second[1]!.y).toBe(10)
    expect(second).toHaveLength(7)
  })

  it('uses a different frame per page (a header on page 1 only)', () => {
    const p = paginate(
      Array.from({ length: 15 }, () => unit(10)),
      (n) => ({ x: 0, width: 100, top: n === 0 ? 50 : 0, bottom: 100 }),
    )
    expect(p.placements.filter((pl) => pl.page === 0)).toHaveLength(5)
    expect(p.pages).toBe(2)
  })
})

describe('line wrapping', () => {
  const fonts = loadPdfFonts(RESOURCES)
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string })
  const ts = new Typesetter(doc, prepareFonts(fonts), 1.36)
  const style: TextStyle = { font: 'sans', size: 10, color: '#000000' }

  it('wraps at spaces within the width and keeps hard line breaks', () => {
    const lines = ts.wrap([{ text: 'Certified workflow office fluent '.repeat(6) + '\nnext', style }], 200)
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(200.01)
    expect(lines.length).toBeGreaterThan(3)
    expect(lines.at(-1)!.segments.map((s) => s.text).join('')).toBe('next')
    expect(lines.map((l) => l.segments.map((s) => s.text).join('')).join(' ').replace(/ next$/, '')).toBe(('Certified workflow office fluent '.repeat(6)).trim())
  })

  it('breaks an over-long URL after a separator, never leaving a hyphen at a line end', () => {
    const url = 'https://cp.certmetrics.example.org/amazon/en/public/verify/credential/B7KX9QZ2-LJE1-Q3SD-8c1d2f7e-4b0a'
    const lines = ts.wrap([{ text: `Verify: ${url}`, style, link: url }], 120)
    const texts = lines.map((l) => l.segments.map((s) => s.text).join(''))
    expect(texts.join('').replace('Verify:', 'Verify: ')).toBe(`Verify: ${url}`)
    for (const t of texts.slice(0, -1)) expect(t.endsWith('-')).toBe(false)
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(120.01)
    expect(lines.slice(1).every((l) => l.segments.every((s) => s.link === url))).toBe(true)
  })

  it('keeps styled runs as separate segments with increasing offsets', () => {
    const bold: TextStyle = { ...style, font: 'sansBold' }
    const [line] = ts.wrap([{ text: 'Skills: ', style: bold }, { text: 'SQL, Python', style }], 300)
    expect(line!.segments.map((s) => [s.text, s.style.font])).toEqual([
      ['Skills: ', 'sansBold'],
      ['SQL, Python', 'sans'],
    ])
    expect(line!.segments[1]!.x).toBeCloseTo(line!.segments[0]!.width, 5)
  })
})

describe('embedded fonts', () => {
  it('ships DejaVu Sans and Serif with their licence, loaded once per folder', () => {
    for (const key of FONT_KEYS) expect(existsSync(join(RESOURCES, 'fonts', FONT_FILES[key])), FONT_FILES[key]).toBe(true)
    expect(readFileSync(join(RESOURCES, 'fonts', 'LICENSE.txt'), 'utf8')).toMatch(/Bitstream Vera Fonts Copyright[\s\S]*Arev Fonts Copyright/)
    expect(loadPdfFonts(RESOURCES)).toBe(loadPdfFonts(RESOURCES))
  })

  it('covers Latin (incl. extended), Greek and Cyrillic in every face', () => {
    const faces = prepareFonts(loadPdfFonts(RESOURCES))
    const sample = 'AaÅåĄąŁłŐőŞşŽžÆæØøßẞ€–—“”‘’…·•ΑαΒβΓγΔδΩωάέήίόύώЁёЖжЩщЫыЭэЮюЯяЇїҐґ'
    for (const key of FONT_KEYS) {
      const missing = [...sample].filter((ch) => !faces[key].font.hasGlyphForCodePoint(ch.codePointAt(0)!))
      expect(missing, key).toEqual([])
    }
  })

  it('never shapes ligatures, whatever features the caller passes by default', () => {
    const faces = prepareFonts(loadPdfFonts(RESOURCES))
    const run = faces.sans.font.layout('office fluent')
    expect(run.glyphs.map((g) => g.codePoints.length)).toEqual(Array(13).fill(1))
  })
})
