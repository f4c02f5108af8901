/**
 * The one rule for text in a portfolio, shared by every entity (credentials, projects, skills,
 * profile, work and education entries, roles, plan steps, resume variants): what a text field
 * refuses, how the refusal reads, how imported text is cleaned instead of refused, and how a
 * value is shown inside a message or on a terminal. Pure TypeScript + zod (ARCHITECTURE.md rule 1).
 *
 * Every text field refuses, wherever the text comes from:
 * - NUL and the other C0 control characters (U+0000–U+001F), DEL (U+007F) and the C1 controls
 *   (U+0080–U+009F): an ESC starts a terminal escape sequence (a screen clear, an OSC 52
 *   clipboard write), and U+009B is a one-character CSI on some terminals;
 * - bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they
 *   make text display in an order other than the one it is stored in ("Ada\u202Efdp.exe").
 *
 * Long text (descriptions, notes, summaries, a job posting: `multiline: true`) also takes line
 * breaks and tabs; CR LF, a lone CR and the Unicode line and paragraph separators (U+2028,
 * U+2029) are stored as LF. One-line text (titles, names, issuers, labels, addresses) refuses
 * them all, tabs included: a tab in a name is a paste accident, and it would break the columns
 * of every list that shows the name.
 *
 * Deliberately allowed: the implicit direction marks LRM (U+200E), RLM (U+200F) and ALM (U+061C),
 * which right-to-left writers need to place punctuation and numbers, and which cannot reorder a
 * run of text the way an override does; ZWJ and ZWNJ (emoji sequences, Persian and Indic
 * scripts). Fields with a stricter rule of their own (a resume variant's name also refuses
 * zero-width marks, see electron/core/resume/variants.ts) add it on top of this one.
 */
import { z } from 'zod'

/** The most characters of a value any message quotes. */
export const QUOTE_MAX = 80

type Kind = 'nul' | 'control' | 'tab' | 'line break' | 'line separator' | 'paragraph separator' | 'embedding' | 'override' | 'isolate'

/** What a character is, when some text field refuses it; null for an ordinary character. */
function kindOf(cp: number): Kind | null {
  if (cp === 0) return 'nul'
  if (cp === 0x09) return 'tab'
  if (cp === 0x0a || cp === 0x0d) return 'line break'
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'control'
  if (cp === 0x2028) return 'line separator'
  if (cp === 0x2029) return 'paragraph separator'
  if (cp >= 0x202a && cp <= 0x202c) return 'embedding' // LRE, RLE and PDF (which ends one)
  if (cp === 0x202d || cp === 0x202e) return 'override'
  if (cp >= 0x2066 && cp <= 0x2069) return 'isolate'
  return null
}

/** Kinds long text takes (line breaks are then stored as LF). */
const MULTILINE_OK: ReadonlySet<Kind> = new Set<Kind>(['tab', 'line break', 'line separator', 'paragraph separator'])

/**
 * The characters kindOf names, as one test over the whole value: almost every value has none,
 * and then the character-by-character walk (which says which character and where) is skipped.
 * The same rule, not a second one: tests/core/hostile-text.test.ts checks both against every
 * code point.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const REFUSED_IN_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
/** Those long text refuses too: all but tabs, line breaks and the line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const REFUSED_IN_LONG_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
/** Whether the value may hold a character the rule refuses (false: it certainly does not). */
const mayBeRefused = (value: string, multiline: boolean): boolean => (multiline ? REFUSED_IN_LONG_TEXT : REFUSED_IN_ONE_LINE).test(value)

const WORDS: Record<Kind, string> = {
  nul: 'a NUL character',
  control: 'a control character',
  tab: 'a tab',
  'line break': 'a line break',
  'line separator': 'a line separator',
  'paragraph separator': 'a paragraph separator',
  embedding: 'a bidirectional embedding',
  override: 'a bidirectional override',
  isolate: 'a bidirectional isolate',
}

/** `U+001B`, `U+202E`, `U+1F600`. */
export const codePointName = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

export interface TextProblem {
  /** 1-based, in characters (code points) of the value as given. */
  position: number
  codePoint: number
  /** "contains a control character (U+001B) at position 5" */
  message: string
}

/** The first character a text field refuses, or null when the text is acceptable. */
export function textProblem(value: string, multiline = false): TextProblem | null {
  if (!mayBeRefused(value, multiline)) return null
  let position = 0
  for (const ch of value) {
    position++
    const cp = ch.codePointAt(0)!
    const kind = kindOf(cp)
    if (kind === null || (multiline && MULTILINE_OK.has(kind))) continue
    const oneLine = !multiline && MULTILINE_OK.has(kind) ? '; this field takes one line' : ''
    return { position, codePoint: cp, message: `contains ${WORDS[kind]} (${codePointName(cp)}) at position ${position}${oneLine}` }
  }
  return null
}

/** Line breaks of long text as LF: CR LF, CR, U+2028 and U+2029. */
export const normaliseLineBreaks = (text: string): string => text.replace(/\r\n?|[\u2028\u2029]/g, '\n')

export interface TextOptions {
  /** Most characters after trimming (UTF-16 units, as `maxLength` counts them in the window). */
  max: number
  /** Long text: line breaks and tabs allowed. */
  multiline?: boolean
  /** Trim surrounding white space (default true). */
  trim?: boolean
}

/**
 * A text field under the rule: refused characters first (one issue, naming the character and
 * its position in the value as typed), then line breaks normalised, trimmed, and the length.
 */
export function safeText({ max, multiline = false, trim = true }: TextOptions): z.ZodString {
  let schema = z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, multiline)
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, input: value })
  })
  if (multiline) schema = schema.overwrite(normaliseLineBreaks)
  if (trim) schema = schema.trim()
  return schema.max(max, `must be at most ${max} characters`)
}

/**
 * Whether `value` is already what `safeText(options)` stores: accepted by the rule, with nothing
 * to normalise or trim, and within `max`. Then the schema would give it back unchanged, so a
 * caller whose text was cleaned first (imports) can skip the schema; anything else goes through it.
 */
export function isStoredText(value: string, { max, multiline = false, trim = true }: TextOptions): boolean {
  return (
    value.length <= max &&
    (!trim || value.trim() === value) &&
    (!multiline || normaliseLineBreaks(value) === value) &&
    textProblem(value, multiline) === null
  )
}

/** Text that must be given: `required` is the message for an empty value ("Title is required"). */
export const requiredText = (max: number, required: string, options: Omit<TextOptions, 'max'> = {}): z.ZodString =>
  safeText({ max, ...options }).min(1, required)

/** Optional text: empty strings, null and absent all become null, so the database never holds ''. */
export const optionalText = (max: number, options: Omit<TextOptions, 'max'> = {}) =>
  safeText({ max, ...options })
    .nullish()
    .transform((v) => (v ? v : null))

// ---------- imported text ----------

/**
 * Terminal escape sequences as a whole (CSI `ESC [ … final`, OSC/DCS/APC/PM/SOS strings ended
 * by BEL or ST, two-character escapes), so that cleaning "\x1b[2J" leaves nothing rather than "[2J".
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -/]*[0-~]?/g

/**
 * What a file says, made acceptable instead of refused: an imported file is never failed for a
 * badge name with a control character in it. Escape sequences and the characters the rule
 * refuses are removed; in one-line text, line breaks and tabs become spaces. `removed` counts
 * the characters taken out or replaced (0: the text is unchanged).
 */
export function cleanImportedText(value: string, multiline = false): { text: string; removed: number } {
  // Nothing to take out (an escape sequence starts with ESC, which the rule refuses everywhere).
  if (!mayBeRefused(value, multiline)) return { text: multiline ? normaliseLineBreaks(value) : value, removed: 0 }
  let removed = 0
  const withoutSequences = value.replace(ESCAPE_SEQUENCE, (seq) => {
    removed += [...seq].length
    return ''
  })
  let text = ''
  for (const ch of withoutSequences) {
    const kind = kindOf(ch.codePointAt(0)!)
    if (kind === null || (multiline && MULTILINE_OK.has(kind))) text += ch
    else {
      removed++
      if (MULTILINE_OK.has(kind)) text += ' '
    }
  }
  return { text: multiline ? normaliseLineBreaks(text) : text, removed }
}

// ---------- showing values ----------

/** Characters that are escaped wherever text is shown to a terminal: the refused ones, plus tabs and line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SHOWN_ESCAPED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SHOWN_ESCAPED_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** `\x1b`, `\x00`, `\x9b`, `\u202e`: a visible stand-in for a character a terminal would act on. */
export function escapeCharacter(ch: string): string {
  const cp = ch.codePointAt(0)!
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`
}

/**
 * Text with every control character, line or paragraph separator and bidirectional control
 * replaced by a visible escape (`\x1b`, `\u202e`); newlines are kept when `keepNewlines`.
 * What the command line prints goes through this (printable() in electron/cli/format.ts).
 */
export function escapeControls(text: string, keepNewlines = true): string {
  return text.replace(keepNewlines ? SHOWN_ESCAPED_BUT_LF : SHOWN_ESCAPED, escapeCharacter)
}

/**
 * A value inside a message: in double quotes, at most `max` characters (then "…"), with quotes,
 * backslashes, line breaks and every character escapeControls escapes written as escapes, so the
 * quote is one line that no terminal acts on.
 */
export function quote(value: string, max = QUOTE_MAX): string {
  const chars = [...value]
  const shown = chars.length > max ? chars.slice(0, max).join('') : value
  const body = shown.replace(/["\\\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`))
  return `"${escapeControls(body, false)}${chars.length > max ? '…' : ''}"`
}
