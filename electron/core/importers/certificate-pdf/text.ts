/**
 * The text of a PDF as pdf.js reads it: every run of text with its position and size, grouped
 * into lines, so a recogniser can ask for "the largest text" (a certificate's title or name) as
 * well as search the words. pdf.js's legacy build runs in Node without a worker thread of its
 * own (its "fake worker" runs in this thread), a canvas or fonts: only the text layer is read.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfLine {
  text: string
  /** The largest font size on the line, in points. */
  size: number
  /** Distance of the baseline from the top of its page, in points. */
  y: number
  page: number
}

export interface PdfText {
  pages: number
  /** Lines top to bottom, page after page; blank lines left out. */
  lines: PdfLine[]
  /** Every line joined with "\n" (what the patterns search). */
  text: string
  /** Link annotations' targets (a certificate's "verify" link is often one). */
  links: string[]
}

/** Certificates are one or two pages; past this the rest is not read (a long document is no certificate). */
const MAX_PAGES = 4
/** A certificate says a few hundred words: text past this is not read, so no pattern ever scans a book. */
const MAX_CHARS = 20_000
/** Runs whose baselines are this close (points) belong to one line. */
const SAME_LINE = 2

interface Run {
  str: string
  x: number
  y: number
  size: number
}

/** Reads the text layer of `bytes`; throws what pdf.js throws for a damaged or encrypted file. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Buffer: it gets a plain copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false }).promise
  try {
    const lines: PdfLine[] = []
    const links: string[] = []
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const page = await doc.getPage(n)
      const height = (page.view as number[])[3] ?? 0
      const runs: Run[] = []
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str.trim()) continue
        runs.push({ str: item.str, x: item.transform[4] as number, y: height - (item.transform[5] as number), size: Math.round(item.height * 10) / 10 })
      }
      lines.push(...toLines(runs, n))
      for (const a of (await page.getAnnotations()) as Array<{ subtype?: string; url?: string }>) if (a.subtype === 'Link' && typeof a.url === 'string') links.push(a.url)
      page.cleanup()
    }
    let chars = 0
    const kept = lines.filter((l) => (chars += l.text.length + 1) <= MAX_CHARS)
    return { pages: doc.numPages, lines: kept, text: kept.map((l) => l.text).join('\n'), links: links.slice(0, 50) }
  } finally {
    await doc.destroy()
  }
}

/** Groups runs into lines by baseline, each read left to right. */
function toLines(runs: Run[], page: number): PdfLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x)
  const groups: Run[][] = []
  for (const run of sorted) {
    const last = groups[groups.length - 1]
    if (last && Math.abs(last[0]!.y - run.y) <= SAME_LINE) last.push(run)
    else groups.push([run])
  }
  return groups.map((g) => {
    const ordered = g.sort((a, b) => a.x - b.x)
    const text = ordered
      .map((r) => r.str)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
    return { text, size: Math.max(...ordered.map((r) => r.size)), y: ordered[0]!.y, page }
  }).filter((l) => l.text !== '')
}
