/**
 * Vector QR codes: the module matrix from `qrcode`, drawn as filled rectangles (one per
 * horizontal run of dark modules), so the code stays sharp at any zoom and costs a few
 * hundred bytes.
 */
import QRCode from 'qrcode'
import type { Doc } from './tags'

export interface QrMatrix {
  size: number
  /** Dark runs per row: [row, startColumn, length]. */
  runs: Array<[number, number, number]>
}

const cache = new Map<string, QrMatrix>()

export function qrMatrix(text: string): QrMatrix {
  let m = cache.get(text)
  if (!m) {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const runs: Array<[number, number, number]> = []
    for (let r = 0; r < modules.size; r++) {
      let start = -1
      for (let c = 0; c <= modules.size; c++) {
        const dark = c < modules.size && modules.get(r, c)
        if (dark && start < 0) start = c
        else if (!dark && start >= 0) {
          runs.push([r, start, c - start])
          start = -1
        }
      }
    }
    m = { size: modules.size, runs }
    if (cache.size > 500) cache.clear()
    cache.set(text, m)
  }
  return m
}

/** Draws the code with its top-left corner at (x, y), `side` points wide (no quiet zone). */
export function drawQr(doc: Doc, text: string, x: number, y: number, side: number, color: string): void {
  const m = qrMatrix(text)
  const unit = side / m.size
  doc.save()
  for (const [r, c, n] of m.runs) doc.rect(x + c * unit, y + r * unit, n * unit + 0.01, unit + 0.01)
  doc.fillColor(color).fill()
  doc.restore()
}
