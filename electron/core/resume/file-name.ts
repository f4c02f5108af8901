/**
 * File names offered when saving a PDF: safe on Windows, macOS and Linux. No path separators,
 * no characters Windows refuses (: * ? " < > |), no control characters, no trailing dots or
 * spaces, not a reserved device name (CON, NUL, COM1 …), at most 120 characters with `.pdf`.
 */
const UNSAFE = /[/\\:*?"<>|\u2028\u2029]/gu
/** C0 and C1 control characters and DEL. */
const isControl = (ch: string) => {
  const c = ch.codePointAt(0)!
  return c < 0x20 || (c >= 0x7f && c <= 0x9f)
}
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i
export const MAX_FILE_NAME = 120

export function safePdfFileName(base: string, fallback = 'Document'): string {
  const limit = MAX_FILE_NAME - '.pdf'.length
  let name = [...base.normalize('NFC')].map((ch) => (isControl(ch) ? ' ' : ch)).join('').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  name = name.replace(/\.pdf$/i, '')
  if ([...name].length > limit) name = [...name].slice(0, limit).join('')
  name = name.replace(/[\s.]+$/u, '').replace(/^[\s.]+/u, '')
  if (!name) name = fallback
  if (RESERVED.test(name)) name = `${name} file`
  return `${name}.pdf`
}
