/**
 * Which face draws each character, and what no face can draw.
 *
 * Text is cut into clusters (a character with the combining marks and invisible joiners after
 * it); a cluster is drawn in the first face of the style's chain that has all of its visible
 * characters (see `FaceChain` in fonts.ts). A cluster no face has is never drawn as an empty
 * box: it prints as "�" (U+FFFD REPLACEMENT CHARACTER), one per cluster, and
 * `findUnprintable` tells the person which text that is, where, and in which script, before
 * the PDF is written.
 */
import type { ResumeDocument } from '../../shared/resume-document'
import type { PreparedFace, PreparedFonts } from './fonts'

export interface FaceRun {
  text: string
  face: PreparedFace
}

/** What is printed in place of text no face can show. */
export const PLACEHOLDER = '\uFFFD'

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u
const SPACE = /\p{Zs}/u
const MARK = /\p{M}/u

/** Controls, format characters (joiners, direction marks) and variation selectors: never drawn, never missing. */
function invisible(cp: number): boolean {
  if (cp < 0x80) return cp < 0x20 || cp === 0x7f
  return INVISIBLE.test(String.fromCodePoint(cp))
}

const isSpace = (cp: number) => cp === 0x20 || (cp >= 0x80 && SPACE.test(String.fromCodePoint(cp)))

/** Goes on the cluster before it: a combining mark or an invisible character. */
function extends_(cp: number): boolean {
  return cp >= 0x300 && (MARK.test(String.fromCodePoint(cp)) || invisible(cp))
}

/** The end (exclusive UTF-16 index) of the cluster starting at `start`. */
function clusterEnd(text: string, start: number): number {
  let i = start + (text.codePointAt(start)! > 0xffff ? 2 : 1)
  while (i < text.length) {
    const cp = text.codePointAt(i)!
    if (!extends_(cp)) break
    i += cp > 0xffff ? 2 : 1
  }
  return i
}

/** Whether `face` has every visible character of text[start, end). */
function hasCluster(face: PreparedFace, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!
    if (!invisible(cp) && !face.covers(cp)) return false
    i += cp > 0xffff ? 2 : 1
  }
  return true
}

/** The first face of `faces` that draws the cluster, or null. */
function faceFor(faces: readonly PreparedFace[], text: string, start: number, end: number): PreparedFace | null {
  for (const f of faces) if (hasCluster(f, text, start, end)) return f
  return null
}

/**
 * `text` cut into runs of one face each (see the module comment). Null when the first face has
 * every character: for Latin text this costs one set lookup per character, and the caller
 * caches the answer per text.
 */
export function splitRuns(faces: readonly PreparedFace[], text: string): FaceRun[] | null {
  const first = faces[0]!
  let i = 0
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) break
    if (!first.covers(c) && !invisible(c)) break
  }
  if (i === text.length) return null

  const runs: FaceRun[] = []
  const push = (piece: string, face: PreparedFace) => {
    const last = runs[runs.length - 1]
    if (last && last.face === face) last.text += piece
    else runs.push({ text: piece, face })
  }
  const placeholder = faces.find((f) => f.covers(PLACEHOLDER.codePointAt(0)!)) ?? null
  for (let start = 0; start < text.length; ) {
    const end = clusterEnd(text, start)
    const cp = text.codePointAt(start)!
    const current = runs[runs.length - 1]?.face ?? first
    if (isSpace(cp) || invisible(cp)) {
      // Spaces stay in the run they are in (fewer runs); one no face has prints as a plain space.
      const face = hasCluster(current, text, start, end) ? current : faceFor(faces, text, start, end)
      if (face) push(text.slice(start, end), face)
      else push(' ', current)
    } else {
      // One placeholder per character, so text measures the same whole or cut into pieces.
      const face = faceFor(faces, text, start, end)
      if (face) push(text.slice(start, end), face)
      else if (placeholder) push(PLACEHOLDER, placeholder)
      else push('?', first)
    }
    start = end
  }
  return runs
}

/** A piece of the document's text with where it is, in the person's words ("your name"). */
export interface LocatedText {
  text: string
  where: string
}

/** Text no face can show. */
export interface Unprintable {
  /** The text as written, from its first to its last character that cannot be shown. */
  text: string
  where: string
  /** The scripts of those characters, in words ("Chinese characters", "Arabic script"). */
  scripts: string[]
}

interface ScriptInfo {
  name: string
  pattern: RegExp
  /** A font that covers it, for the message. */
  font: string
}

/** Scripts named in messages, most specific first; anything else is named by its code point. */
const SCRIPTS: readonly ScriptInfo[] = [
  { name: 'Japanese characters', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, font: 'Noto Sans CJK JP' },
  { name: 'Korean characters', pattern: /\p{Script=Hangul}/u, font: 'Noto Sans CJK KR' },
  { name: 'Chinese characters', pattern: /[\p{Script=Han}\p{Script=Bopomofo}]/u, font: 'Noto Sans CJK SC' },
  { name: 'Arabic script', pattern: /\p{Script=Arabic}/u, font: 'Noto Sans Arabic' },
  { name: 'Hebrew script', pattern: /\p{Script=Hebrew}/u, font: 'Noto Sans Hebrew' },
  ...[
    'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu',
    'Kannada', 'Malayalam', 'Sinhala', 'Ethiopic', 'Georgian', 'Armenian', 'Syriac', 'Thaana', 'Mongolian', 'Cherokee', 'Yi', 'Tifinagh',
  ].map((s) => ({ name: `${s} script`, pattern: new RegExp(`\\p{Script=${s}}`, 'u'), font: `Noto Sans ${s}` })),
  { name: 'emoji', pattern: /\p{Extended_Pictographic}/u, font: 'Noto Emoji (a black-and-white emoji font)' },
]

/**
 * The script of a character in the person's words. Han characters are Chinese unless the text
 * around them (or the document's language) says Japanese or Korean.
 */
function scriptOf(ch: string, context: { japanese: boolean; korean: boolean }): ScriptInfo | null {
  for (const s of SCRIPTS) {
    if (!s.pattern.test(ch)) continue
    if (s.name === 'Chinese characters' && context.japanese) return SCRIPTS[0]!
    if (s.name === 'Chinese characters' && context.korean) return SCRIPTS[1]!
    return s
  }
  return null
}

/** Characters of no script named above (punctuation, symbols): named by code point, and only when nothing else is. */
function codePointName(ch: string): string {
  return `the character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Text that no face of `fonts` (bundled and fallback) can show, in order, one entry per run of
 * such characters (spaces between them included) in each located text. `lang` is the document's
 * BCP 47 language: it decides whether Han characters are named Chinese, Japanese or Korean.
 */
export function findUnprintable(texts: readonly LocatedText[], fonts: PreparedFonts, lang = 'en'): Unprintable[] {
  const faces = fonts.all
  const out: Unprintable[] = []
  for (const { text, where } of texts) {
    if (!text || splitRuns(faces, text) === null) continue
    const context = {
      japanese: /^ja\b/i.test(lang) || SCRIPTS[0]!.pattern.test(text),
      korean: /^ko\b/i.test(lang) || SCRIPTS[1]!.pattern.test(text),
    }
    let from = -1
    let to = -1
    let scripts: string[] = []
    let others: string[] = []
    const flush = () => {
      if (from >= 0) out.push({ text: text.slice(from, to), where, scripts: scripts.length ? scripts : others.slice(0, 3) })
      from = -1
      scripts = []
      others = []
    }
    for (let start = 0; start < text.length; ) {
      const end = clusterEnd(text, start)
      const cp = text.codePointAt(start)!
      if (!isSpace(cp) && !invisible(cp)) {
        if (faceFor(faces, text, start, end)) flush()
        else {
          if (from < 0) from = start
          to = end
          const ch = String.fromCodePoint(cp)
          const name = scriptOf(ch, context)?.name
          if (name && !scripts.includes(name)) scripts.push(name)
          else if (!name && !others.includes(codePointName(ch))) others.push(codePointName(ch))
        }
      }
      start = end
    }
    flush()
  }
  return out
}

/** "a, b and c" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

const MAX_MESSAGES = 12
/** Longer text is cut in messages. */
const MAX_SHOWN = 40

/**
 * One sentence per place, for the person (ResumePreview.unprintable), e.g. "王小明 in your name:
 * no font on this computer can show Chinese characters, so the PDF prints “�” in their place.
 * Install a font that has them (such as Noto Sans CJK SC) and make the resume again."
 */
export function describeUnprintable(found: readonly Unprintable[]): string[] {
  const byWhere = new Map<string, Unprintable[]>()
  for (const u of found) {
    const list = byWhere.get(u.where) ?? []
    if (!list.some((x) => x.text === u.text)) list.push(u)
    byWhere.set(u.where, list)
  }
  const messages: string[] = []
  for (const [where, list] of byWhere) {
    const scripts = [...new Set(list.flatMap((u) => u.scripts))]
    const fonts = [...new Set(scripts.flatMap((name) => SCRIPTS.find((s) => s.name === name)?.font ?? []))]
    const texts = list.map((u) => (u.text.length > MAX_SHOWN ? `${u.text.slice(0, MAX_SHOWN - 1)}…` : u.text))
    const shown = texts.length > 3 ? `${texts.slice(0, 3).join(', ')} and ${texts.length - 3} more` : texts.join(', ')
    const install = fonts.length ? `Install a font that has them (such as ${listed(fonts)})` : 'Install a font that has them'
    messages.push(`${shown} in ${where}: no font on this computer can show ${listed(scripts)}, so the PDF prints “${PLACEHOLDER}” in their place. ${install} and make the resume again.`)
  }
  if (messages.length > MAX_MESSAGES) {
    const rest = messages.length - (MAX_MESSAGES - 1)
    return [...messages.slice(0, MAX_MESSAGES - 1), `…and text in ${rest} more places that no font on this computer can show.`]
  }
  return messages
}

/** Every piece of text a resume prints, with where it is in the person's words. */
export function resumeTexts(doc: ResumeDocument): LocatedText[] {
  const out: LocatedText[] = []
  const add = (text: string | null | undefined, where: string) => {
    if (text) out.push({ text, where })
  }
  add(doc.header.name, 'your name')
  add(doc.header.headline, 'your headline')
  for (const c of doc.header.contact) {
    add(c.label, 'your contact details')
    add(c.text, 'your contact details')
  }
  for (const section of doc.sections) {
    const inSection = `the ${section.title} section`
    add(section.title, `the heading ${section.title}`)
    if (section.key === 'summary') for (const p of section.paragraphs) add(p, inSection)
    else if (section.key === 'skills')
      for (const g of section.groups) {
        add(g.label, inSection)
        for (const s of g.skills) add(s, `${inSection} (${g.label})`)
      }
    else
      for (const e of section.entries) {
        add(e.title, inSection)
        const inEntry = `“${e.title}” in ${inSection}`
        add(e.dates, inEntry)
        for (const s of e.subtitle) add(s, inEntry)
        add(e.status?.text, inEntry)
        for (const p of e.paragraphs) add(p, inEntry)
        for (const b of e.bullets) add(b, inEntry)
        for (const d of e.details) {
          add(d.label, inEntry)
          add(d.text, inEntry)
        }
      }
  }
  return out
}
