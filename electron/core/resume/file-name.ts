/**
 * File names offered when saving a PDF or a Word document: safe on Windows, macOS and Linux. No path separators,
 * no characters Windows refuses (: * ? " < > |), no control characters, no trailing dots or
 * spaces, no bidirectional overrides, not a reserved device name (CON, NUL, COM1 …), at most 120
 * characters and 240 bytes of UTF-8 with the extension.
 */
const UNSAFE = /[/\\:*?"<>|\u2028\u2029]/gu
/**
 * Bidirectional controls and invisible marks: an U+202E in a name turns "Ada\u202Efdp.exe" into a
 * file that displays as "Adaexe.pdf". ZWJ/ZWNJ stay (emoji sequences, Persian, Indic scripts).
 */
const INVISIBLE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu
/** C0 and C1 control characters and DEL. */
const isControl = (ch: string) => {
  const c = ch.codePointAt(0)!
  return c < 0x20 || (c >= 0x7f && c <= 0x9f)
}
/** An unpaired UTF-16 surrogate (from a truncated string) is not a valid file-name character. */
const isLoneSurrogate = (ch: string) => ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i
export const MAX_FILE_NAME = 120
/** Linux and macOS limit a file name to 255 bytes of UTF-8; 120 emoji would be 480. */
export const MAX_FILE_NAME_BYTES = 240

/** '' names a folder. */
export type FileExtension = '.pdf' | '.docx' | '.json' | '.zip' | ''
/** The extension already typed, in any case ("report.PDF"), so it is not doubled. */
const EXTENSION: Readonly<Record<FileExtension, RegExp>> = { '.pdf': /\.pdf$/i, '.docx': /\.docx$/i, '.json': /\.json$/i, '.zip': /\.zip$/i, '': /(?!)/ }

export function safePdfFileName(base: string, fallback = 'Document'): string {
  return safeFileName(base, '.pdf', fallback)
}

export function safeDocxFileName(base: string, fallback = 'Document'): string {
  return safeFileName(base, '.docx', fallback)
}

export function safeFileName(base: string, extension: FileExtension, fallback: string): string {
  const limit = MAX_FILE_NAME - extension.length
  const byteLimit = MAX_FILE_NAME_BYTES - extension.length
  let name = [...base.normalize('NFC').replace(INVISIBLE, '')]
    .map((ch) => (isControl(ch) || isLoneSurrogate(ch) ? ' ' : ch))
    .join('')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  name = name.replace(EXTENSION[extension], '')
  if ([...name].length > limit) name = [...name].slice(0, limit).join('')
  while (Buffer.byteLength(name, 'utf8') > byteLimit) name = [...name].slice(0, -1).join('')
  name = name.replace(/[\s.]+$/u, '').replace(/^[\s.]+/u, '')
  if (!name) name = fallback
  // Windows reserves the device name whatever follows its first dot: "CON.x.pdf" is CON too.
  if (RESERVED.test(name.split('.')[0]!.trimEnd())) name = name.replace(/^[^.]*/, (device) => `${device.trimEnd()} file`)
  return `${name}${extension}`
}
