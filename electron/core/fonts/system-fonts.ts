/**
 * Finds fonts installed on this computer for characters the bundled DejaVu faces lack
 * (Chinese, Japanese, Korean, Thai, Devanagari…), so a resume can print them: the PDF embeds a
 * subset of the font found (core/pdf/fonts.ts, `withFallbacks`).
 *
 * Only the platform's font folders are searched, never the whole disk, and the search is
 * bounded (folder depth, number of files listed and opened, bytes read). Well-known fonts that
 * cover whole scripts (Noto Sans CJK, Microsoft YaHei, PingFang…) are tried first, so the usual
 * search opens one or two files. Results are cached for the life of the process. Colour-bitmap
 * fonts (emoji) and CFF2 variable fonts are skipped: they cannot be embedded as outlines.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, extname, join, posix, win32 } from 'node:path'
import { create, type FontkitCollection, type FontkitFont } from 'fontkit'
import { isCollection, type FallbackFont } from '../pdf/fonts'

export interface SystemFontFinderOptions {
  /** Folders to search, in order; default: the platform's font folders. [] finds nothing (tests). */
  dirs?: readonly string[]
  /** Font files listed at most (default 5000). */
  maxFiles?: number
  /** Folder levels searched below each folder (default 5). */
  maxDepth?: number
  /** Files opened per search after the well-known ones (default 40). */
  maxOpened?: number
}

export interface FindOptions {
  /** The document's BCP 47 language: picks the Japanese, Korean or Chinese form of Han characters. */
  lang?: string
}

export interface SystemFontFinder {
  /** The folders searched. */
  readonly dirs: readonly string[]
  /**
   * Faces that together cover as many of `codePoints` as this computer can: for each face a
   * regular one, and its bold where there is one. Empty when none covers any.
   */
  find(codePoints: Iterable<number>, o?: FindOptions): FallbackFont[]
}

/** Where each platform keeps fonts: the system's folders and the user's. */
export function defaultFontDirs(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string[] {
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows'
    return [win32.join(windir, 'Fonts'), ...(env.LOCALAPPDATA ? [win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])]
  }
  if (platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', posix.join(home, 'Library', 'Fonts')]
  const dataHome = env.XDG_DATA_HOME || posix.join(home, '.local', 'share')
  return ['/usr/share/fonts', '/usr/local/share/fonts', posix.join(dataHome, 'fonts'), posix.join(home, '.fonts')]
}

type Group = 'cjk' | 'arabic' | 'hebrew'

/** The scripts a known font is tried first for, with its file name. */
interface KnownFont {
  file: RegExp
  groups: readonly Group[]
}

/**
 * Fonts known to cover whole scripts well, best first. Files of one family often come in
 * weights; the regular is tried and the bold is looked up beside it (`boldSibling`).
 */
const KNOWN: readonly KnownFont[] = [
  { file: /^NotoSansCJK(jp|kr|sc|tc|hk)?-Regular\.(ttc|otc|otf)$/i, groups: ['cjk'] },
  { file: /^Noto ?Sans ?(JP|KR|SC|TC|HK)(-Regular)?\.(otf|ttf)$/i, groups: ['cjk'] },
  { file: /^SourceHanSans(-Regular|JP-Regular|KR-Regular|SC-Regular|TC-Regular)?\.(ttc|otc|otf)$/i, groups: ['cjk'] },
  { file: /^(msyh|YuGothR|YuGothM|malgun|meiryo|msgothic|msjh|simsun)\.tt[cf]$/i, groups: ['cjk'] },
  { file: /^(PingFang|Hiragino Sans GB|ヒラギノ角ゴシック W3|AppleSDGothicNeo|STHeiti Light)\.tt[cf]$/i, groups: ['cjk'] },
  { file: /^wqy-(microhei|zenhei)\.ttc$/i, groups: ['cjk'] },
  { file: /^DroidSansFallback(Full)?\.ttf$/i, groups: ['cjk'] },
  { file: /^NotoSansArabic(UI)?-Regular\.(ttf|otf)$/i, groups: ['arabic'] },
  { file: /^NotoNaskhArabic(UI)?-Regular\.(ttf|otf)$/i, groups: ['arabic'] },
  { file: /^NotoSansHebrew-Regular\.(ttf|otf)$/i, groups: ['hebrew'] },
  { file: /^(GeezaPro|ArialHB)\.tt[cf]$/i, groups: ['arabic', 'hebrew'] },
  { file: /^(arial|segoeui|tahoma)\.ttf$/i, groups: ['arabic', 'hebrew'] },
  { file: /^(Arial Unicode|ARIALUNI)\.ttf$/i, groups: ['cjk', 'arabic', 'hebrew'] },
]

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i
const MAX_DIRS = 2000
/** A font file larger than this is not read (the largest CJK collections are about 30 MB). */
const MAX_FILE_BYTES = 64 * 1024 * 1024
const MAX_BYTES_PER_SEARCH = 400 * 1024 * 1024
/** Files opened but not chosen that stay parsed (the chosen ones always do: the PDFs embed them). */
const OTHER_FILES_KEPT = 2

function groupsOf(codePoints: readonly number[]): Set<Group> {
  const groups = new Set<Group>()
  for (const cp of codePoints) {
    if (cp >= 0x590 && cp <= 0x5ff) groups.add('hebrew')
    else if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0x8a0 && cp <= 0x8ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) groups.add('arabic')
    else if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff))
      groups.add('cjk')
  }
  return groups
}

/** The regional form of CJK fonts to prefer: from kana or Hangul in the text, else the language. */
function cjkRegion(codePoints: readonly number[], lang: string): 'jp' | 'kr' | 'tc' | 'hk' | 'sc' {
  if (codePoints.some((cp) => cp >= 0x3040 && cp <= 0x30ff)) return 'jp'
  if (codePoints.some((cp) => (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff))) return 'kr'
  const l = lang.toLowerCase()
  if (l.startsWith('ja')) return 'jp'
  if (l.startsWith('ko')) return 'kr'
  if (/^zh-(hk|mo)/.test(l)) return 'hk'
  if (/^zh-(tw|hant)/.test(l)) return 'tc'
  return 'sc'
}

const REGION_NAMES: Readonly<Record<string, RegExp>> = {
  jp: /jp|japan|gothic|hiragino|meiryo|yugoth/i,
  kr: /kr|korea|malgun|gothicneo/i,
  tc: /tc|tw|hant|jhenghei|msjh/i,
  hk: /hk/i,
  sc: /sc|gb|cn|hans|yahei|msyh|pingfang/i,
}

interface Opened {
  bytes: Uint8Array
  faces: FontkitFont[]
}

/** Whether pdfkit can embed the face's outlines (TrueType or CFF; not colour bitmaps or CFF2). */
function embeddable(face: FontkitFont): boolean {
  const tables = face.directory.tables
  return 'glyf' in tables || 'CFF ' in tables
}

/** Whether a few of the characters lay out and have outlines: a damaged font fails here, not in a render. */
function printable(face: FontkitFont, codePoints: readonly number[]): boolean {
  try {
    const run = face.layout(String.fromCodePoint(...codePoints.slice(0, 4)))
    return run.glyphs.every((g) => g.id !== 0 && (g as unknown as { path: { commands: unknown[] } }).path.commands.length > 0)
  } catch {
    return false
  }
}

function weightOf(face: FontkitFont): number {
  return face['OS/2']?.usWeightClass ?? (/bold|black|heavy/i.test(face.subfamilyName) ? 700 : 400)
}
const isItalic = (face: FontkitFont) => /italic|oblique/i.test(face.subfamilyName)
const isMono = (face: FontkitFont) => /mono/i.test(face.postscriptName)

/** Creates a finder; `systemFonts()` is the process-wide one over the platform's folders. */
export function createSystemFontFinder(o: SystemFontFinderOptions = {}): SystemFontFinder {
  const dirs = [...(o.dirs ?? defaultFontDirs())]
  const maxFiles = o.maxFiles ?? 5000
  const maxDepth = o.maxDepth ?? 5
  const maxOpened = o.maxOpened ?? 40
  let files: string[] | null = null
  /** Files a result uses: kept, so the same bytes (and parsed faces) serve every later render. */
  const chosen = new Map<string, Opened>()
  /** Other files opened lately (least recent first), null for files that are no usable font. */
  const opened = new Map<string, Opened | null>()
  const results = new Map<string, FallbackFont[]>()
  /** Code points a whole search found no face for: the next searches do not look for them again. */
  const uncoverable = new Set<number>()

  /** Font files in the folders, breadth first, in name order: bounded by depth, folders and files. */
  function listFiles(): string[] {
    if (files) return files
    const found: string[] = []
    const queue: Array<{ dir: string; depth: number }> = dirs.map((dir) => ({ dir, depth: 0 }))
    let seenDirs = 0
    while (queue.length && found.length < maxFiles && seenDirs < MAX_DIRS) {
      const { dir, depth } = queue.shift()!
      seenDirs++
      let entries: Dirent[]
      try {
        entries = readdirSync(dir, { withFileTypes: true })
      } catch {
        continue // absent or unreadable: nothing there for us
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      for (const e of entries) {
        const path = join(dir, e.name)
        let isDir = e.isDirectory()
        let isFile = e.isFile()
        if (e.isSymbolicLink()) {
          try {
            const st = statSync(path)
            isDir = st.isDirectory()
            isFile = st.isFile()
          } catch {
            continue
          }
        }
        if (isDir && depth < maxDepth) queue.push({ dir: path, depth: depth + 1 })
        else if (isFile && FONT_FILE.test(e.name) && found.length < maxFiles) found.push(path)
      }
    }
    return (files = found)
  }

  /** The file's faces (cached for the last few files), or null if it is not a font fontkit reads. */
  function open(path: string, budget: { bytes: number }): Opened | null {
    const kept = chosen.get(path)
    if (kept) return kept
    if (opened.has(path)) {
      const hit = opened.get(path)!
      opened.delete(path)
      opened.set(path, hit)
      return hit
    }
    let result: Opened | null = null
    try {
      const size = statSync(path).size
      if (size <= MAX_FILE_BYTES && size <= budget.bytes) {
        budget.bytes -= size
        const bytes: Uint8Array = readFileSync(path) // a Buffer: no copy of a 20 MB file
        const font: FontkitFont | FontkitCollection = create(bytes)
        const faces = (isCollection(font) ? font.fonts : [font]).filter(embeddable)
        result = faces.length ? { bytes, faces } : null
      }
    } catch {
      result = null // not a font fontkit can read
    }
    opened.set(path, result)
    for (const key of opened.keys()) {
      if (opened.size <= OTHER_FILES_KEPT) break
      opened.delete(key)
    }
    return result
  }

  /** Marks a file as used by a result, so it stays parsed. */
  function keep(path: string, file: Opened): void {
    chosen.set(path, file)
    opened.delete(path)
  }

  /** The face of a file that covers most of `needed`, preferring regular, upright, proportional, regional forms. */
  function bestFace(file: Opened, needed: readonly number[], region: string, bold: boolean): { face: FontkitFont; covered: number[] } | null {
    let best: { face: FontkitFont; covered: number[]; score: number } | null = null
    for (const face of file.faces) {
      let covered: number[]
      let score: number
      try {
        covered = needed.filter((cp) => face.hasGlyphForCodePoint(cp))
        const weight = weightOf(face)
        if (!covered.length || bold !== weight >= 600) continue
        score =
          covered.length * 100 +
          (REGION_NAMES[region]!.test(face.postscriptName) ? 20 : 0) -
          (isMono(face) ? 30 : 0) -
          (isItalic(face) ? 50 : 0) -
          Math.abs(weight - (bold ? 700 : 400)) / 20
      } catch {
        continue // a damaged table: not a face to print with
      }
      if (!best || score > best.score) best = { face, covered, score }
    }
    return best && printable(best.face, best.covered) ? best : null
  }

  /** A bold face beside a regular one: the same file (collections with weights) or a sibling named so. */
  function boldSibling(path: string, regular: FontkitFont, covered: readonly number[], region: string, budget: { bytes: number }): FallbackFont | null {
    const name = basename(path)
    const ext = extname(name)
    const stem = name.slice(0, -ext.length)
    const candidates = [
      path,
      join(dirname(path), name.replace(/Regular/i, 'Bold')),
      join(dirname(path), `${stem}bd${ext}`),
      join(dirname(path), `${stem}b${ext}`),
      join(dirname(path), `${stem.replace(/R$/, 'B')}${ext}`),
    ]
    const family = regular.familyName.split(' ').slice(0, 2).join(' ')
    for (const candidate of new Set(candidates)) {
      if (candidate !== path && !listFiles().includes(candidate)) continue
      const file = open(candidate, budget)
      if (!file) continue
      const best = bestFace(file, covered, region, true)
      if (best && best.covered.length === covered.length && best.face.familyName.startsWith(family)) {
        keep(candidate, file)
        return { source: candidate, bytes: file.bytes, postscriptName: file.faces.length > 1 || candidate.match(/\.(ttc|otc)$/i) ? best.face.postscriptName : null, bold: true }
      }
    }
    return null
  }

  function find(codePoints: Iterable<number>, fo: FindOptions = {}): FallbackFont[] {
    const needed = [...new Set(codePoints)].filter((cp) => !uncoverable.has(cp)).sort((a, b) => a - b)
    if (!needed.length || !dirs.length) return []
    const lang = fo.lang ?? ''
    const key = `${lang}|${needed.join(',')}`
    const cached = results.get(key)
    if (cached) return cached

    const groups = groupsOf(needed)
    const region = cjkRegion(needed, lang)
    const all = listFiles()
    const rank = (path: string): number => {
      const name = basename(path)
      const i = KNOWN.findIndex((k) => k.file.test(name) && k.groups.some((g) => groups.has(g)))
      if (i < 0) return Infinity
      // Within the known fonts, the regional form the text needs first (NotoSansCJKjp for Japanese).
      return i * 2 + (REGION_NAMES[region]!.test(name) ? 0 : 1)
    }
    const known = all.filter((p) => rank(p) < Infinity).sort((a, b) => rank(a) - rank(b))
    const others = all.filter((p) => rank(p) === Infinity)

    const budget = { bytes: MAX_BYTES_PER_SEARCH }
    let remaining = needed
    const out: FallbackFont[] = []
    let openedOthers = 0
    for (const path of [...known, ...others]) {
      if (!remaining.length) break
      if (rank(path) === Infinity && openedOthers++ >= maxOpened) break
      const file = open(path, budget)
      if (!file) continue
      const best = bestFace(file, remaining, region, false)
      if (!best) continue
      const collection = file.faces.length > 1 || /\.(ttc|otc)$/i.test(path)
      keep(path, file)
      out.push({ source: path, bytes: file.bytes, postscriptName: collection ? best.face.postscriptName : null, bold: false })
      const bold = boldSibling(path, best.face, best.covered, region, budget)
      if (bold) out.push(bold)
      const covered = new Set(best.covered)
      remaining = remaining.filter((cp) => !covered.has(cp))
    }
    for (const cp of remaining) uncoverable.add(cp)
    results.set(key, out)
    return out
  }

  return { dirs, find }
}

let shared: SystemFontFinder | null = null

/** The process-wide finder over the platform's font folders (its listing and results are cached). */
export function systemFonts(): SystemFontFinder {
  return (shared ??= createSystemFontFinder())
}
