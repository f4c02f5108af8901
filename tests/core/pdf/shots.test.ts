/**
 * Page images for people to look at: every template × page size of the demo portfolio's resume
 * (and a gap report) rendered to PNG in $SKILLFOLIO_PDF_SHOTS (default <tmp>/pdf-shots).
 * With UPDATE_DOCS_PNG=1 it also rewrites docs/resume-ats.png and docs/resume-two-column.png,
 * the README's pictures (page 1, A4).
 */
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPdfFonts } from '../../../electron/core/pdf/fonts'
import { renderGapReport } from '../../../electron/core/pdf/report'
import { buildResumeData } from '../../../electron/core/resume/data'
import { readPortfolio } from '../../helpers/read-portfolio'
import { hasPdftoppm, PDFTOPPM, pdfPagesToPng, pdfPageToPng } from '../../helpers/pdf-pages'
import { tempPortfolio } from '../../helpers/temp-portfolio'
import { NOW, renderFixture, sampleReport } from './fixtures'

const ROOT = join(__dirname, '../../..')
const fonts = loadPdfFonts(join(ROOT, 'resources'))
const OUT = process.env.SKILLFOLIO_PDF_SHOTS ?? join(tmpdir(), 'pdf-shots')
const missing = !hasPdftoppm && process.env.CI !== 'true'
if (missing) console.warn(`page images skipped: ${PDFTOPPM} is not installed (apt-get install poppler-utils)`)

const isPng = (file: string) => readFileSync(file).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))

describe('page images', () => {
  it.skipIf(missing)('renders every template and page size of the demo resume, and a gap report, to PNG', async () => {
    const p = tempPortfolio()
    try {
      await p.core.call('app:loadDemo', {})
      const data = buildResumeData(await readPortfolio(p.core.call))
      for (const template of ['ats', 'two-column'] as const)
        for (const pageSize of ['a4', 'letter'] as const) {
          const r = await renderFixture(data, { template, pageSize, showQr: true }, fonts, { now: NOW })
          const files = pdfPagesToPng(r.pdf, join(OUT, `resume-${template}-${pageSize}`))
          expect(files).toHaveLength(r.pageCount)
          for (const f of files) expect(isPng(f)).toBe(true)
          if (process.env.UPDATE_DOCS_PNG === '1' && pageSize === 'a4') pdfPageToPng(r.pdf, join(ROOT, 'docs', `resume-${template}.png`), { dpi: 110 })
        }
      const report = await renderGapReport(sampleReport(), {}, fonts, { now: NOW })
      expect(pdfPagesToPng(report, join(OUT, 'gap-report-a4')).length).toBeGreaterThan(0)
    } finally {
      p.cleanup()
    }
  })
})
