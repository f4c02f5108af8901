/**
 * Scripts the bundled fonts cannot show (issue 11): every character is checked before writing;
 * what DejaVu lacks prints with a font from the computer when there is one, else the person is
 * told which text, where and in which script, and the PDF shows "�", never an empty box.
 *
 * The tests with "a CJK font on this computer" use whatever the machine has (Noto Sans CJK,
 * WenQuanYi, Droid Sans Fallback…): a requirement (tests/helpers/requirements.ts), skipped with
 * a message on a laptop without one, failing under CI=true (.ci/run installs fonts-wqy-microhei).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResumeDocument } from '../../../electron/shared/resume-document'
import { findUnprintable, PLACEHOLDER, resumeTexts, type LocatedText } from '../../../electron/core/pdf/coverage'
import { FONT_FILES, FONT_KEYS, loadPdfFonts, prepareFonts, type PdfFonts } from '../../../electron/core/pdf/fonts'
import { openDocument } from '../../../electron/core/pdf/document'
import type { TextStyle } from '../../../electron/core/pdf/layout/text'
import { fontsForResume, fontsForTexts, type FindFonts } from '../../../electron/core/pdf/resume-fonts'
import { createSystemFontFinder, defaultFontDirs } from '../../../electron/core/fonts/system-fonts'
import { requirement } from '../../helpers/requirements'
import { extractPdf, hasPdftotext, PDFTOTEXT, pdftotext } from './extract'

const RESOURCES = join(__dirname, '../../../resources')
const fonts = loadPdfFonts(RESOURCES)
const noSystemFonts = createSystemFontFinder({ dirs: [] })
const poppler = requirement('pdftotext', hasPdftotext ? null : `${PDFTOTEXT} is missing (Debian: apt-get install poppler-utils).`)

/** The names of the issue, one per script, where a resume prints them. */
const NAMES: readonly LocatedText[] = [
  { text: '王小明', where: 'your name' },
  { text: '山田太郎 (やまだ たろう)', where: 'the Experience section' },
  { text: '김민준', where: 'your headline' },
  { text: 'محمد', where: 'the Education section' },
  { text: 'דוד', where: 'the Projects section' },
]
const CJK = ['王小明', '山田太郎', 'やまだ', '김민준']

/** Draws each text on its own line in each style and returns the PDF. */
async function render(texts: readonly string[], pdfFonts: PdfFonts, styles: readonly TextStyle['font'][] = ['sans']): Promise<Uint8Array> {
  const d = openDocument({
    size: [595, 842],
    meta: { title: 'Scripts', author: 'Test', subject: 'Scripts', keywords: [], lang: 'en' },
    now: new Date(Date.UTC(2025, 0, 1)),
    tagged: false,
    faces: prepareFonts(pdfFonts),
    leading: 1.3,
  })
  d.addPage()
  let y = 40
  for (const font of styles)
    for (const text of texts)
      for (const line of d.ts.wrap([{ text, style: { font, size: 12, color: '#000000' } }], 500)) {
        d.ts.drawLine(line, 40, y, 16, null)
        y += 16
      }
  return d.finish()
}

/** PostScript names of the fonts a PDF embeds (subset prefix removed). */
function embeddedFonts(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1')
  return [...new Set([...text.matchAll(/\/BaseFont \/[A-Z]{6}\+([^\s/]+)/g)].map((m) => m[1]!))]
}

/** pdftotext's text without the direction marks it adds around right-to-left words. */
const extracted = (pdf: Uint8Array) => pdftotext(pdf).replace(/[\u200e\u200f\u202a-\u202e]/g, '')

describe('the coverage check, with no fonts on the computer', () => {
  const checked = fontsForTexts(NAMES, fonts, noSystemFonts.find)

  it('names each Chinese, Japanese and Korean name, where it is and in which script', () => {
    expect(checked.fonts.fallbacks ?? []).toEqual([])
    expect(checked.unprintable).toHaveLength(3)
    const [zh, ja, ko] = checked.unprintable
    expect(zh).toMatch(/^王小明 in your name: no font on this computer can show Chinese characters, so the PDF prints “�” in their place\. Install a font that has them \(such as Noto Sans CJK SC\)/)
    // The kana make the Han characters Japanese; the Latin brackets are printable and not named.
    expect(ja).toMatch(/^山田太郎, やまだ たろう in the Experience section: .*can show Japanese characters/)
    expect(ko).toMatch(/^김민준 in your headline: .*can show Korean characters.*Noto Sans CJK KR/)
  })

  it('prints Arabic and Hebrew with the bundled DejaVu Sans, so they are not reported', () => {
    expect(checked.unprintable.join(' ')).not.toMatch(/محمد|דוד|Arabic|Hebrew/)
  })

  it('names Arabic and Hebrew by script when no face has them (fonts without DejaVu Sans)', () => {
    const serif = fonts.serif
    const serifOnly = Object.fromEntries(FONT_KEYS.map((k) => [k, serif])) as unknown as PdfFonts
    const found = findUnprintable(NAMES, prepareFonts(serifOnly))
    expect(found.map((u) => [u.text, u.scripts])).toEqual([
      ['王小明', ['Chinese characters']],
      ['山田太郎', ['Japanese characters']],
      ['やまだ たろう', ['Japanese characters']],
      ['김민준', ['Korean characters']],
      ['محمد', ['Arabic script']],
      ['דוד', ['Hebrew script']],
    ])
  })

  it('calls Han characters Japanese or Korean when the document says so', () => {
    const han = [{ text: '山田太郎', where: 'your name' }]
    expect(fontsForTexts(han, fonts, noSystemFonts.find, 'ja-JP').unprintable[0]).toMatch(/Japanese characters/)
    expect(fontsForTexts(han, fonts, noSystemFonts.find, 'ko').unprintable[0]).toMatch(/Korean characters/)
    expect(fontsForTexts(han, fonts, noSystemFonts.find, 'en').unprintable[0]).toMatch(/Chinese characters/)
  })

  it('does not look for fonts when the bundled ones have every character', () => {
    let asked = 0
    const find: FindFonts = () => {
      asked++
      return []
    }
    const latin = fontsForTexts([{ text: 'Zoë Ångström — Ελένη, Даша, ﬁ & e\u0301', where: 'your name' }, { text: 'محمد · דוד', where: 'your name' }], fonts, find)
    expect(latin.fonts).toBe(fonts)
    expect(latin.unprintable).toEqual([])
    expect(asked).toBe(0)
  })

  it.skipIf(poppler.skip)(poppler.title('prints “�” for each missing character, never an empty box, and the rest as text'), async () => {
    poppler.check()
    const pdf = await render(
      NAMES.map((n) => n.text),
      checked.fonts,
      ['sans', 'serifBold'],
    )
    const read = await extractPdf(pdf, { glyphs: true })
    const glyphs = read.pages.flatMap((p) => p.glyphs)
    // Nothing CJK is drawn (it would be the font's .notdef box); the placeholder is, once a character.
    expect(glyphs.filter((g) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Hangul}]/u.test(g))).toEqual([])
    expect(glyphs.filter((g) => g === PLACEHOLDER)).toHaveLength(2 * (3 + 4 + 3 + 3 + 3))
    // (pdf.js here: pdftotext takes "�" for right-to-left and turns the line around.)
    expect(read.text).toContain(`${PLACEHOLDER.repeat(4)} (${PLACEHOLDER.repeat(3)} ${PLACEHOLDER.repeat(3)})`)
    const text = extracted(pdf)
    // Arabic and Hebrew are drawn in DejaVu Sans, also in the serif style, and read back.
    expect(text.match(/محمد/g)).toHaveLength(2)
    expect(text.match(/דוד/g)).toHaveLength(2)
    expect(embeddedFonts(pdf).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSerif-Bold'])
  })
})

describe('the coverage check of a resume', () => {
  const doc: ResumeDocument = {
    title: 'Resume',
    subject: 'Resume',
    keywords: [],
    lang: 'en',
    header: { name: '王小明', headline: 'Data analyst', contact: [{ kind: 'location', text: '서울', label: null, link: null }] },
    sections: [
      { key: 'summary', title: 'Summary', paragraphs: ['Fluent in English and 日本語 (にほんご).'] },
      { key: 'skills', title: 'Skills', groups: [{ label: 'Languages', skills: ['English', '中文'] }] },
      {
        key: 'experience',
        title: 'Experience',
        compact: false,
        entries: [
          {
            id: 'exp-1',
            title: 'Analyst',
            titleLink: null,
            dates: '2024',
            subtitle: ['北京大学'],
            status: null,
            paragraphs: [],
            bullets: ['Built dashboards', 'Led 김민준’s team'],
            details: [],
          },
        ],
      },
    ],
  }

  it('lists every text of the document with where it is', () => {
    const where = resumeTexts(doc).map((t) => `${t.where}: ${t.text}`)
    expect(where).toEqual(
      expect.arrayContaining([
        'your name: 王小明',
        'your contact details: 서울',
        'the Summary section: Fluent in English and 日本語 (にほんご).',
        'the Skills section (Languages): 中文',
        'the Experience section: Analyst',
        '“Analyst” in the Experience section: 北京大学',
        '“Analyst” in the Experience section: Led 김민준’s team',
      ]),
    )
  })

  it('reports each place once, naming the text and the script', () => {
    const { unprintable } = fontsForResume(doc, fonts, noSystemFonts.find)
    expect(unprintable.map((m) => m.split(':')[0])).toEqual([
      '王小明 in your name',
      '서울 in your contact details',
      '日本語, にほんご in the Summary section',
      '中文 in the Skills section (Languages)',
      '北京大学, 김민준 in “Analyst” in the Experience section',
    ])
    expect(unprintable[2]).toMatch(/Japanese characters/)
    expect(unprintable[4]).toMatch(/can show Chinese characters and Korean characters/)
  })
})

describe('fonts from the computer', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-fonts-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('looks in the platform’s font folders only', () => {
    expect(defaultFontDirs('linux', { XDG_DATA_HOME: '/home/ann/.data' }, '/home/ann')).toEqual(['/usr/share/fonts', '/usr/local/share/fonts', '/home/ann/.data/fonts', '/home/ann/.fonts'])
    expect(defaultFontDirs('darwin', {}, '/Users/ann')).toEqual(['/System/Library/Fonts', '/Library/Fonts', '/Users/ann/Library/Fonts'])
    expect(defaultFontDirs('win32', { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'C:\\Users\\ann')).toEqual([
      'C:\\Windows\\Fonts',
      'C:\\Users\\ann\\AppData\\Local\\Microsoft\\Windows\\Fonts',
    ])
  })

  it('finds a face in a font folder for the characters asked, and skips files that are no fonts', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'Broken.ttf'), 'not a font')
    symlinkSync(join(RESOURCES, 'fonts', FONT_FILES.sans), join(dir, 'Some Sans.ttf'))
    const finder = createSystemFontFinder({ dirs: [join(dir, 'absent'), dir] })
    const found = finder.find([...'דוד'].map((c) => c.codePointAt(0)!))
    expect(found.map((f) => [f.source, f.postscriptName, f.bold])).toEqual([[join(dir, 'Some Sans.ttf'), null, false]])
    // The same question is answered from the cache, with the same bytes (parsed once).
    expect(finder.find([0x5d3, 0x5d5])[0]!.bytes).toBe(found[0]!.bytes)
    expect(finder.find([0x738b])).toEqual([])
  })

  it('stops listing at its limits of files and folder depth', () => {
    const dir = tempDir()
    // Two fonts without Hebrew, then one with it; and one more a folder down.
    for (const name of ['f0.ttf', 'f1.ttf']) symlinkSync(join(RESOURCES, 'fonts', FONT_FILES.serif), join(dir, name))
    symlinkSync(join(RESOURCES, 'fonts', FONT_FILES.sans), join(dir, 'z.ttf'))
    mkdirSync(join(dir, 'a'))
    symlinkSync(join(RESOURCES, 'fonts', FONT_FILES.sans), join(dir, 'a', 'deep.ttf'))
    const found = (o: { maxFiles: number; maxDepth: number }) => createSystemFontFinder({ dirs: [dir], ...o }).find([0x5d3]).map((f) => basename(f.source))
    expect(found({ maxFiles: 2, maxDepth: 1 })).toEqual([])
    expect(found({ maxFiles: 3, maxDepth: 1 })).toEqual(['z.ttf'])
    expect(found({ maxFiles: 2, maxDepth: 1 })).toEqual([])
    // deep.ttf is only reached with depth 1, after the files of the folder itself.
    rmSync(join(dir, 'z.ttf'))
    expect(found({ maxFiles: 10, maxDepth: 0 })).toEqual([])
    expect(found({ maxFiles: 10, maxDepth: 1 })).toEqual(['deep.ttf'])
  })
})

/** A CJK font on this machine, if any: the tests below need one. */
const system = createSystemFontFinder()
const cjk = requirement(
  'a font with Chinese, Japanese and Korean characters',
  fontsForTexts(
    CJK.map((text) => ({ text, where: 'x' })),
    fonts,
    system.find,
  ).unprintable.length === 0
    ? null
    : `no font in ${system.dirs.join(', ')} has Chinese, Japanese and Korean characters (Debian: apt-get install fonts-wqy-microhei).`,
)

describe.skipIf(cjk.skip)(cjk.title('with a CJK font on this computer'), () => {
  beforeAll(() => cjk.check())

  it.skipIf(poppler.skip)(poppler.title('prints every name as text, embedding the font found, and reports nothing'), async () => {
    poppler.check()
    const checked = fontsForTexts(NAMES, fonts, system.find)
    expect(checked.unprintable).toEqual([])
    const pdf = await render(
      NAMES.map((n) => n.text),
      checked.fonts,
      ['sans', 'sansBold', 'serif'],
    )
    const text = extracted(pdf)
    for (const name of [...CJK, 'محمد', 'דוד']) expect(text.split(name).length - 1, name).toBe(3)
    expect(text).not.toContain(PLACEHOLDER)
    const fallbackNames = prepareFonts(checked.fonts).fallbacks.map((f) => f.postscriptName)
    const embedded = embeddedFonts(pdf)
    expect(embedded.filter((n) => fallbackNames.includes(n)).length).toBeGreaterThan(0)
    expect(embedded).toEqual(expect.arrayContaining(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSerif']))
  })

  it('measures CJK text in the font that draws it, and breaks lines between characters', () => {
    const checked = fontsForTexts([{ text: '王', where: 'x' }], fonts, system.find)
    const d = openDocument({
      size: [595, 842],
      meta: { title: '', author: '', subject: '', keywords: [], lang: 'zh' },
      now: new Date(0),
      tagged: false,
      faces: prepareFonts(checked.fonts),
      leading: 1.3,
    })
    const style: TextStyle = { font: 'sans', size: 10, color: '#000000' }
    // CJK fonts draw ideographs one em wide; DejaVu's placeholder is narrower.
    expect(d.ts.width(style, '王小明')).toBeCloseTo(30, 1)
    const sentence = '北京大学是中国的一所著名大学，我在那里学习了计算机科学和数据分析。'
    const lines = d.ts.wrap([{ text: sentence, style }], 105)
    const texts = lines.map((l) => l.segments.map((s) => s.text).join(''))
    expect(texts.join('')).toBe(sentence)
    expect(texts[0]).toBe('北京大学是中国的一所')
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(105.01)
    for (const t of texts) expect(t).not.toMatch(/^[，。]/)
  })
})
