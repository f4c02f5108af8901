/**
 * Renders PDF pages to PNG with Debian's pdftoppm, so a person can look at what the tests
 * produce (e.g. /tmp/pdf-shots). Not an assertion tool: layout is checked with text positions.
 *
 *   const files = pdfPagesToPng(pdf, '/tmp/pdf-shots/resume-ats-a4', { dpi: 110 })
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'

export const PDFTOPPM = '/usr/bin/pdftoppm'
export const hasPdftoppm = existsSync(PDFTOPPM)

export interface PngOptions {
  /** Resolution (default 110 dpi). */
  dpi?: number
  /** First and last page, 1-based (default: all). */
  first?: number
  last?: number
}

/**
 * Writes `<outPrefix>-<n>.png` for each page (n from 1, no zero padding) and returns the paths.
 * Throws when pdftoppm is not installed (check `hasPdftoppm` first).
 */
export function pdfPagesToPng(pdf: Uint8Array, outPrefix: string, o: PngOptions = {}): string[] {
  if (!hasPdftoppm) throw new Error(`${PDFTOPPM} is not installed (Debian package poppler-utils)`)
  mkdirSync(dirname(outPrefix), { recursive: true })
  const work = mkdtempSync(join(tmpdir(), 'skillfolio-pdftoppm-'))
  try {
    const file = join(work, 'in.pdf')
    writeFileSync(file, pdf)
    const args = ['-png', '-r', String(o.dpi ?? 110)]
    if (o.first) args.push('-f', String(o.first))
    if (o.last) args.push('-l', String(o.last))
    execFileSync(PDFTOPPM, [...args, file, join(work, 'page')])
    // pdftoppm pads page numbers to the width of the page count ("page-01"); normalise.
    const pages = readdirSync(work)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    return pages.map((f) => {
      const n = Number(/\d+/.exec(f)![0])
      const out = `${outPrefix}-${n}.png`
      renameSync(join(work, f), out)
      return out
    })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Writes only page `page` (default 1) to exactly `outFile`. */
export function pdfPageToPng(pdf: Uint8Array, outFile: string, o: { dpi?: number; page?: number } = {}): string {
  const page = o.page ?? 1
  const prefix = join(dirname(outFile), `.${basename(outFile, '.png')}`)
  const [file] = pdfPagesToPng(pdf, prefix, { dpi: o.dpi ?? 110, first: page, last: page })
  renameSync(file!, outFile)
  return outFile
}
