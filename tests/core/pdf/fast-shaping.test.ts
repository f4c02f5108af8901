/**
 * The PDF writer's shortcuts around fontkit (fast-shaping.ts, subset.ts) give what fontkit
 * gives: the same glyphs and advances for simple text in every bundled face, and the same
 * embedded font subsets; and text they do not handle still goes to fontkit. A mistake here
 * would show as letters too close or too far apart, or as missing text in the PDF's text layer.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { create, type FontkitFont } from 'fontkit'
import { describe, expect, it } from 'vitest'
import { SimpleShaper } from '../../../electron/core/pdf/fast-shaping'
import { fontTables } from '../../../electron/core/pdf/font-tables'
import { FONT_FILES, FONT_KEYS, isCollection, loadPdfFonts, NO_LIGATURES, type FontKey, type PdfFonts } from '../../../electron/core/pdf/fonts'
import { renderResumePdf } from '../../../electron/core/pdf/render'
import { subsetEncoder, type FontkitSubset } from '../../../electron/core/pdf/subset'
import type { ResumeDocument } from '../../../electron/shared/resume-document'
import { extractPdf } from './extract'

const FONTS_DIR = join(__dirname, '../../../resources/fonts')

/** A freshly parsed face (nothing cached from other tests), and its fast shaper. */
function face(key: FontKey): { font: FontkitFont; bytes: Uint8Array; shaper: SimpleShaper } {
  const bytes = new Uint8Array(readFileSync(join(FONTS_DIR, FONT_FILES[key])))
  const font = create(bytes)
  if (isCollection(font)) throw new Error('expected one face')
  return { font, bytes, shaper: new SimpleShaper(font, fontTables(font, bytes)!, 1000 / font.unitsPerEm) }
}

interface Shaped {
  glyphs: Array<{ id: number; codePoints: number[] }>
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>
}

/** fontkit's own shaping, in 1000ths of the font size as the PDF writer uses it. */
function fontkitRun(font: FontkitFont, text: string): Array<[number, number]> {
  const run = font.layout(text, NO_LIGATURES, undefined, undefined, 'ltr') as unknown as Shaped
  const k = 1000 / font.unitsPerEm
  return run.glyphs.map((g, i) => {
    const p = run.positions[i]!
    expect([p.xOffset, p.yOffset, p.yAdvance]).toEqual([0, 0, 0])
    return [g.id, p.xAdvance * k]
  })
}

function random(seed: number): () => number {
  let s = seed
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

const POOLS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŁłŃńŚśŹźŻżĄąĘęČčŠšŽžĞğİıŐőŰű',
  'αβγδεζηθικλμνξοπρστυφχψωςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩάέήίόύώ',
  'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯёЁіїє',
  '0123456789 .,;:-–—·•()/@&\'"’“”!?%+#*=_[]{}<>|~$€£…',
]

describe('simple text shaped without fontkit', () => {
  it.each(FONT_KEYS)('gives fontkit’s glyphs and kerned advances in %s', (key) => {
    const { font, shaper } = face(key)
    const r = random(FONT_KEYS.indexOf(key) + 1)
    const texts = ['AVAST Today, Type: WAVE.', 'Yo, P. T. Fawcett', '2020–2024 (Q3)', 'Ελένη Łukasiewicz', 'Дмитрий Logistics', 'To Ψ AV', '« Vérité » – “Yes”']
    for (let i = 0; i < 300; i++) {
      let text = ''
      for (let n = 2 + Math.floor(r() * 30); n > 0; n--) {
        const pool = POOLS[Math.floor(r() * POOLS.length)]!
        text += pool[Math.floor(r() * pool.length)]
      }
      texts.push(text)
    }
    let kerned = 0
    for (const text of texts) {
      const fast = shaper.run(text)
      expect(fast, text).not.toBeNull()
      const mine = fast!.glyphs.map((g, i): [number, number] => [g.id, fast!.positions[i]!.xAdvance])
      const theirs = fontkitRun(font, text)
      expect(mine, text).toEqual(theirs)
      expect(fast!.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join(''), text).toBe(text)
      expect(shaper.width(text), text).toBe(fast!.advanceWidth)
      kerned += fast!.positions.filter((p, i) => p.xAdvance !== fast!.glyphs[i]!.advanceWidth).length
    }
    // The samples do meet kerned pairs ("AV", "To", "Ty" in Latin text), so kerning is compared, not absent.
    expect(kerned).toBeGreaterThan(20)
  })

  it('covers every pair of printable ASCII in the faces resumes use, in text of each script', () => {
    for (const key of ['sans', 'sansBold', 'serifBold'] as const) {
      const { font, shaper } = face(key)
      const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i))
      for (const lead of ['', 'α', 'ж', '1'])
        for (const a of ascii) {
          const text = lead + ascii.map((b) => a + b).join('')
          const fast = shaper.run(text)!
          expect(fast.glyphs.map((g, i): [number, number] => [g.id, fast.positions[i]!.xAdvance]), `${key} ${JSON.stringify(lead + a)}…`).toEqual(fontkitRun(font, text))
        }
    }
  })

  it('leaves to fontkit what it cannot shape the same way', () => {
    const { shaper } = face('sans')
    // A combining accent, a soft hyphen, a ligature, Arabic, Chinese, an emoji.
    for (const text of ['e\u0301', 'co\u00adop', 'ﬁne', 'سلام', '中文', '🙂']) expect(shaper.run(text), text).toBeNull()
    // DejaVu Sans Oblique positions U+1E12 like a mark: texts with it go to fontkit.
    expect(face('sansItalic').shaper.run('\u1E12a')).toBeNull()
    expect(shaper.run('\u1E12a')).not.toBeNull()
  })
})

describe('font subsets built from pieces read once', () => {
  it.each(FONT_KEYS)('are byte for byte fontkit’s subsets in %s, composites included', (key) => {
    const { font, bytes } = face(key)
    const encode = subsetEncoder(font, bytes)!
    expect(encode).not.toBeNull()
    const gid = (ch: string) => (font as FontkitFont & { glyphForCodePoint(cp: number): { id: number } }).glyphForCodePoint(ch.codePointAt(0)!).id
    const r = random(7)
    // Accented letters are composites of a letter and an accent in DejaVu.
    const sets = ['Hello, world', 'éÉèàçŁłőűăĂǺǻ', 'Ελένη Ψάρρα', 'Дмитрий Йёжик', POOLS.join('')]
    for (let i = 0; i < 5; i++) sets.push(Array.from({ length: 40 }, () => POOLS.join('')[Math.floor(r() * 250)]).join(''))
    for (const text of sets) {
      const ours = (font as FontkitFont & { createSubset(): FontkitSubset }).createSubset()
      const theirs = (font as FontkitFont & { createSubset(): FontkitSubset }).createSubset()
      for (const ch of text) {
        ours.includeGlyph(gid(ch))
        theirs.includeGlyph(gid(ch))
      }
      expect(Buffer.from(encode(ours)).equals(Buffer.from(theirs.encode())), `${key}: ${text}`).toBe(true)
      // Components are added to the subset as fontkit adds them.
      expect(ours.glyphs).toEqual(theirs.glyphs)
    }
  })
})

describe('the text layer', () => {
  const doc = (name: string): ResumeDocument => ({
    title: name,
    subject: name,
    keywords: [],
    lang: 'el',
    header: { name, headline: null, contact: [] },
    sections: [{ key: 'summary', title: 'Summary', paragraphs: [`${name} — ${name}`] }],
  })

  it('keeps a letter that an earlier document embedded only inside an accented letter', async () => {
    // New copies of the bytes: parsed afresh, as in a process that just started.
    const bytes = Object.fromEntries(FONT_KEYS.map((k) => [k, new Uint8Array(loadPdfFonts(join(FONTS_DIR, '..'))[k])])) as unknown as PdfFonts
    const now = { now: new Date(Date.UTC(2026, 0, 1)) }
    // "έ" is drawn from "ε" and an accent: embedding it used to leave "ε" with no character.
    await renderResumePdf(doc('Ελένη Καλή'), { template: 'ats' }, bytes, now)
    const second = await renderResumePdf(doc('Ξεέςψ Ρεα'), { template: 'ats' }, bytes, now)
    const text = (await extractPdf(second.pdf)).text
    expect(text).toContain('Ξεέςψ')
    expect(text).toContain('Ρεα')
  })
})
