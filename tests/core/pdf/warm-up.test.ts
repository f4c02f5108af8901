/**
 * The background warm-up the desktop app runs at start (core/pdf/warm-up.ts): it may only make
 * the first preview faster, never change what is written, and never fail the app.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FONT_KEYS, loadPdfFonts, type PdfFonts } from '../../../electron/core/pdf/fonts'
import { renderResumePdf } from '../../../electron/core/pdf/render'
import { warmUpPdfFonts } from '../../../electron/core/pdf/warm-up'
import { fixtureDocument, longResume, NOW } from './fixtures'

/** Copies of the font bytes: parsed afresh, with none of the caches other tests filled. */
const freshFonts = (): PdfFonts => {
  const fonts = loadPdfFonts(join(__dirname, '../../../resources'))
  return Object.fromEntries(FONT_KEYS.map((k) => [k, new Uint8Array(fonts[k])])) as unknown as PdfFonts
}

describe('warming the PDF writer up', () => {
  it('writes the same bytes afterwards as a writer that was not warmed up', async () => {
    const { doc } = fixtureDocument(longResume({ jobs: 2 }))
    const cold = await renderResumePdf(doc, { template: 'ats' }, freshFonts(), { now: NOW })
    const fonts = freshFonts()
    await warmUpPdfFonts(() => fonts)
    const warm = await renderResumePdf(doc, { template: 'ats' }, fonts, { now: NOW })
    expect(warm.pageCount).toBe(2)
    expect(Buffer.from(warm.pdf).equals(Buffer.from(cold.pdf))).toBe(true)
  })

  it('resolves, without throwing, when the fonts cannot be read', async () => {
    await expect(
      warmUpPdfFonts(() => {
        throw new Error('ENOENT: no such file or directory, open resources/fonts/DejaVuSans.ttf')
      }),
    ).resolves.toBeUndefined()
    await expect(warmUpPdfFonts(() => ({ ...freshFonts(), sans: new Uint8Array([1, 2, 3]) }))).resolves.toBeUndefined()
  })
})
