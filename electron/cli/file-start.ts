/** What a file begins with, read without loading it whole: how `import` tells a ZIP or a PDF from a badge. */
import { closeSync, openSync, readSync } from 'node:fs'

/** True when the file at `path` begins with the bytes of `magic` (false for a shorter file). */
export function fileStartsWith(path: string, magic: Uint8Array): boolean {
  const head = Buffer.alloc(magic.length)
  const fd = openSync(path, 'r')
  try {
    return readSync(fd, head, 0, magic.length, 0) === magic.length && head.equals(magic)
  } finally {
    closeSync(fd)
  }
}
