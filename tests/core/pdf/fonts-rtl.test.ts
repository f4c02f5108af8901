/**
 * Right-to-left words inside a left-to-right resume (README, "Scripts and right-to-left text"):
 * Hebrew and Arabic are drawn right to left, Arabic letters joined, numbers and brackets placed
 * as the Unicode bidirectional algorithm places them; the layout itself stays left to right.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bidiLevels, visualOrder } from '../../../electron/core/pdf/layout/bidi'
import { loadPdfFonts, NO_LIGATURES, NO_LIGATURES_RTL, prepareFonts } from '../../../electron/core/pdf/fonts'
import { openDocument } from '../../../electron/core/pdf/document'
import type { TextStyle } from '../../../electron/core/pdf/layout/text'
import { requirement } from '../../helpers/requirements'
import { extractPdf, hasPdftotext, PDFTOTEXT, pdftotext } from './extract'

const fonts = loadPdfFonts(join(__dirname, '../../../resources'))
const faces = prepareFonts(fonts)
const style: TextStyle = { font: 'sans', size: 11, color: '#000000' }
const poppler = requirement('pdftotext', hasPdftotext ? null : `${PDFTOTEXT} is missing (Debian: apt-get install poppler-utils).`)

function open() {
  const d = openDocument({
    size: [595, 842],
    meta: { title: 'RTL', author: 'Test', subject: 'RTL', keywords: [], lang: 'en' },
    now: new Date(Date.UTC(2025, 0, 1)),
    tagged: false,
    faces,
    leading: 1.3,
  })
  d.addPage()
  return d
}

/** Each text as one line; the PDF bytes. */
async function render(texts: readonly string[], font: TextStyle['font'] = 'sans'): Promise<Uint8Array> {
  const d = open()
  texts.forEach((text, i) => {
    const [line] = d.ts.wrap([{ text, style: { ...style, font } }], 500)
    d.ts.drawLine(line!, 40, 40 + 20 * i, 16, null)
  })
  return d.finish()
}

const levels = (text: string) => [...bidiLevels(text)].join('')

describe('bidi levels of one line', () => {
  it('leaves left-to-right text alone and raises right-to-left words and the numbers in them', () => {
    expect(levels('Maya Patel, 2024')).toBe('0000000000000000')
    expect(levels('Name: דוד כהן')).toBe('0000001111111')
    // Numbers after Hebrew are a level up; spaces between take the side of the text around them.
    expect(levels('דוד 2024 x')).toBe('1111222200')
    // Arabic-Indic digits after Arabic letters, and trailing spaces back at level 0.
    expect(levels('محمد ١٢٣  ')).toBe('1111122200')
  })

  it('keeps a bracket pair with the words it encloses', () => {
    expect(levels('דוד (כהן)')).toBe('111111111')
    expect(levels('דוד (Cohen)')).toBe('11100000000')
    expect(levels('Ann (דוד)')).toBe('000001110')
  })

  it('reverses runs from the highest level down', () => {
    expect(visualOrder([0, 1, 1, 2, 2, 0])).toEqual([0, 3, 4, 2, 1, 5])
    expect(visualOrder([0, 0])).toEqual([0, 1])
  })
})

describe('right-to-left words in a line', () => {
  it('splits a line into pieces in drawing order, right-to-left ones flagged', () => {
    const d = open()
    const [line] = d.ts.wrap([{ text: 'Call דוד כהן 2024 today', style }], 500)
    expect(line!.segments.map((s) => [s.text, s.rtl])).toEqual([
      ['Call ', false],
      ['2024', false],
      ['דוד כהן ', true],
      [' today', false],
    ])
    for (let i = 1; i < line!.segments.length; i++) expect(line!.segments[i]!.x).toBeCloseTo(line!.segments[i - 1]!.x + line!.segments[i - 1]!.width, 5)
  })

  it('draws the glyphs left to right in visual order, brackets mirrored', async () => {
    const pdf = await render(['Call דוד כהן 2024 today', 'דוד (כהן)', 'محمد علي'])
    const glyphs = (await extractPdf(pdf, { glyphs: true })).pages[0]!.glyphs.join('')
    // What a browser shows, read left to right: the Hebrew words right to left, the number after them.
    expect(glyphs).toContain('Call 2024 ןהכ דוד today')
    // The pair is drawn as "(ןהכ) דוד": the closing bracket, mirrored, on the left.
    expect(glyphs).toContain('(ןהכ) דוד')
    expect(glyphs).toContain('يلع دمحم')
  })

  it('joins Arabic letters (contextual forms of DejaVu Sans)', () => {
    const ids = (text: string, features: Record<string, boolean>) => faces.sans.font.layout(text, features).glyphs.map((g) => g.id)
    // Drawn right to left: final dal, medial mim, medial hah, initial mim (Arabic presentation forms).
    expect(ids('محمد', NO_LIGATURES_RTL)).toEqual(ids('\uFEAA\uFEE4\uFEA4\uFEE3', NO_LIGATURES))
    // Not the isolated letters one by one.
    const isolated = [...'محمد'].reverse().map((ch) => ids(ch, NO_LIGATURES)[0])
    expect(ids('محمد', NO_LIGATURES_RTL)).not.toEqual(isolated)
  })

  it.skipIf(poppler.skip)(poppler.title('reads back in reading order, also in the serif styles (drawn with DejaVu Sans)'), async () => {
    poppler.check()
    for (const font of ['sans', 'serif', 'serifItalic'] as const) {
      const text = pdftotext(await render(['דוד כהן', 'محمد علي', 'Maya Patel'], font)).replace(/[\u200e\u200f\u202a-\u202e]/g, '')
      expect(text, font).toMatch(/דוד כהן[\s\S]*محمد[\s\S]*Maya Patel/)
    }
  })
})
