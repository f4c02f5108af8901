/**
 * pdf.js under the app's strict CSP: one shared module worker from our own origin, no eval
 * (`isEvalSupported: false`), no fetches (our fonts are embedded, so no CMaps or standard
 * font data are needed). Pages are drawn into canvases at the screen's pixel ratio, and the
 * text pdf.js extracts (what an applicant-tracking parser reads) is returned page by page.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'

let worker: Worker | null = null

function ensureWorker(): void {
  if (worker) return
  worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module', name: 'pdf.js' })
  GlobalWorkerOptions.workerPort = worker
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Open documents by content: the newest two are kept (the one shown and the one coming), older ones destroyed. */
const cache: Array<{ base64: string; doc: Promise<PDFDocumentProxy> }> = []

export function documentFor(base64: string): Promise<PDFDocumentProxy> {
  const hit = cache.find((c) => c.base64 === base64)
  if (hit) return hit.doc
  const doc = openPdf(base64)
  cache.push({ base64, doc })
  while (cache.length > 2) {
    const old = cache.shift()!
    old.doc.then((d) => d.destroy(), () => {})
  }
  return doc
}

/** Lets go of every open document (the preview closed). */
export function releaseDocuments(): void {
  for (const c of cache.splice(0)) c.doc.then((d) => d.destroy(), () => {})
}

function openPdf(base64: string): Promise<PDFDocumentProxy> {
  ensureWorker()
  return getDocument({
    data: bytesOf(base64),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    enableXfa: false,
    verbosity: 0,
  }).promise
}

export interface RenderedPage {
  /** The page box in CSS pixels at the scale it was drawn. */
  width: number
  height: number
  canvas: HTMLCanvasElement
}

/**
 * Draws every page `cssWidth` CSS pixels wide, sharp at `ratio` device pixels per CSS pixel,
 * in order, handing each to `onPage` as soon as it is drawn (page 1, the one in view, first).
 * Answers the page count, or null if it went stale.
 */
export async function renderPages(
  pdf: PDFDocumentProxy,
  cssWidth: number,
  ratio: number,
  isStale: () => boolean,
  onPage: (index: number, page: RenderedPage) => void,
): Promise<number | null> {
  // The worker parses page n+1 while this thread paints page n.
  const loading = Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1))
  for (const [i, next] of loading.entries()) {
    const page = await next
    if (isStale()) return null
    const base = page.getViewport({ scale: 1 })
    const scale = cssWidth / base.width
    const viewport = page.getViewport({ scale: scale * ratio })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(viewport.width)
    canvas.height = Math.round(viewport.height)
    const width = Math.round(base.width * scale)
    const height = Math.round(base.height * scale)
    canvas.style.width = `${width}px`
    canvas.style.height = `${height}px`
    await page.render({ canvas, viewport, background: '#ffffff' }).promise
    if (isStale()) return null
    onPage(i, { width, height, canvas })
  }
  return pdf.numPages
}

/** The text of each page in content order, line ends as "\n" (what an ATS parser reads). */
export async function pageTexts(pdf: PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    let text = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      text += item.str
      if (item.hasEOL) text += '\n'
    }
    texts.push(text.replace(/[ \t]+\n/g, '\n').trim())
  }
  return texts
}
