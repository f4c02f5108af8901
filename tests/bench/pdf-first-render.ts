/**
 * One process's first resume, for the PDF benchmark (pdf.bench.ts bundles this file with esbuild,
 * as the app and the command line are bundled, and runs it in fresh Node processes).
 *
 *   node pdf-first-render.cjs <resources dir> <document.json> <cold|warmed>
 *
 * `cold` renders right after reading the fonts, as `skillfolio resume` does; `warmed` first lets
 * `warmUpPdfFonts` run to its end and waits a moment, as the app does between its start and the
 * first preview. Prints one JSON line of times in ms since the process started
 * (performance.now() counts from process start).
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { loadPdfFonts } from '../../electron/core/pdf/fonts'
import { renderResumePdf } from '../../electron/core/pdf/render'
import { warmUpPdfFonts } from '../../electron/core/pdf/warm-up'
import type { ResumeDocument } from '../../electron/shared/resume-document'

export interface FirstRender {
  /** Modules loaded. */
  loaded: number
  /** Font files read. */
  fontsRead: number
  /** Warm-up finished (warmed only). */
  warmedUp: number | null
  renderStart: number
  pdfDone: number
  /** CPU time of the render itself (all threads of the process). */
  renderCpu: number
  pages: number
  bytes: number
}

async function main(): Promise<void> {
  const loaded = performance.now()
  const [resourcesDir, docPath, mode] = process.argv.slice(2)
  if (!resourcesDir || !docPath || (mode !== 'cold' && mode !== 'warmed')) throw new Error('usage: pdf-first-render <resources dir> <document.json> <cold|warmed>')
  const doc = JSON.parse(readFileSync(docPath, 'utf8')) as ResumeDocument
  const fonts = loadPdfFonts(resourcesDir)
  const fontsRead = performance.now()
  let warmedUp: number | null = null
  if (mode === 'warmed') {
    await warmUpPdfFonts(() => fonts)
    warmedUp = performance.now()
    // The person is still on their way to the Resume screen: V8 finishes compiling in the background.
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  const renderStart = performance.now()
  const cpu = process.cpuUsage()
  const { pdf, pageCount } = await renderResumePdf(doc, { template: 'ats' }, fonts, { now: new Date('2026-11-28T12:00:00Z') })
  const pdfDone = performance.now()
  const used = process.cpuUsage(cpu)
  const out: FirstRender = { loaded, fontsRead, warmedUp, renderStart, pdfDone, renderCpu: (used.user + used.system) / 1000, pages: pageCount, bytes: pdf.length }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
