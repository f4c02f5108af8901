/**
 * The fonts one document needs, checked before it is written: the bundled faces, plus faces
 * from the computer for characters they lack, and what still cannot be shown, in words.
 *
 *   const { fonts, unprintable } = fontsForResume(document, loadPdfFonts(resourcesDir), systemFonts().find)
 *   // render with `fonts`; show `unprintable` to the person (ResumePreview.unprintable)
 *
 * Pure: finding fonts on the computer is the caller's (core/fonts/system-fonts.ts), passed in
 * as `find`. For Latin text the check is one set lookup per character and `find` is not called.
 */
import type { ResumeDocument } from '../../shared/resume-document'
import { describeUnprintable, findUnprintable, resumeTexts, type LocatedText } from './coverage'
import { type FallbackFont, type PdfFonts, prepareFonts, withFallbacks } from './fonts'

/** Finds faces covering code points (core/fonts: `systemFonts().find`). */
export type FindFonts = (codePoints: Iterable<number>, o: { lang?: string }) => FallbackFont[]

export interface CheckedFonts {
  /** The fonts to render with: `fonts` plus the fallbacks found, if any were needed. */
  fonts: PdfFonts
  /** One sentence per place with text no font can show; empty when everything is shown. */
  unprintable: string[]
}

/** `fontsForTexts` over every text a resume prints. */
export function fontsForResume(doc: ResumeDocument, fonts: PdfFonts, find: FindFonts): CheckedFonts {
  return fontsForTexts(resumeTexts(doc), fonts, find, doc.lang)
}

/**
 * Checks every character of `texts` against the bundled faces of `fonts`; for those none has,
 * asks `find` for faces that do, and reports what is still missing.
 */
export function fontsForTexts(texts: readonly LocatedText[], fonts: PdfFonts, find: FindFonts, lang = 'en'): CheckedFonts {
  const bundled = fonts.fallbacks?.length ? withFallbacks(fonts, []) : fonts
  const missing = findUnprintable(texts, prepareFonts(bundled), lang)
  if (!missing.length) return { fonts: bundled, unprintable: [] }
  const codePoints = new Set<number>()
  for (const m of missing) for (const ch of m.text) if (!/\s/u.test(ch)) codePoints.add(ch.codePointAt(0)!)
  const fallbacks = find(codePoints, { lang })
  const withFound = fallbacks.length ? withFallbacks(bundled, fallbacks) : bundled
  const still = fallbacks.length ? findUnprintable(texts, prepareFonts(withFound), lang) : missing
  return { fonts: withFound, unprintable: describeUnprintable(still) }
}
