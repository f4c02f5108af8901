/**
 * Free text → bullet points, one rule for the resume writers, the Profile screen and the
 * command line: a line that starts with a marker ("-", "*", "•" …) is one bullet as written;
 * any other line is prose and gives one bullet per sentence, so a paragraph reads as a list of
 * achievements rather than as a block.
 */

/** Markers a line may start with to say "this is a bullet". */
const MARKER = /^(?:[-*•‣▪◦–—·]|\d{1,2}[.)])\s+/

/** Words ending in a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'approx', 'incl', 'dept', 'no', 'nr', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'fig', 'cf', 'al'])

/** Splits one line into sentences: after ".", "!" or "?" followed by a space and a capital or digit. */
export function sentences(line: string): string[] {
  const out: string[] = []
  const re = /[.!?]["'”’)]?\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu
  let start = 0
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const before = line.slice(start, m.index)
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? ''
    // "e.g. SQL", "Dr. Smith", "J. Smith": not the end of a sentence.
    if (line[m.index] === '.' && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord) || /\.\p{L}$/u.test(lastWord))) continue
    out.push(line.slice(start, m.index + m[0].trimEnd().length).trim())
    start = m.index + m[0].length
  }
  const rest = line.slice(start).trim()
  if (rest) out.push(rest)
  return out.filter((s) => s.length > 0)
}

/**
 * "- Built X. Then Y\n- Cut Z" → ["Built X. Then Y", "Cut Z"]; "Built X. Cut Y." →
 * ["Built X.", "Cut Y."]. Empty for empty text.
 */
export function descriptionBullets(text: string | null | undefined): string[] {
  if (!text) return []
  const out: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    const marked = MARKER.exec(line)
    if (marked) {
      const item = line.slice(marked[0].length).trim()
      if (item) out.push(item)
    } else if (line) out.push(...sentences(line))
  }
  return out
}

/** A bullet as typed, without a marker typed by habit ("- Built …" → "Built …"). */
export const bulletText = (typed: string): string => typed.trim().replace(/^[-*•](?:\s+|$)/, '').trim()

/**
 * Bullets → the stored description: one "- " line each, so `descriptionBullets` reads each back
 * as one bullet as written (a bullet of two sentences stays one). Empty bullets are dropped.
 */
export function bulletsText(bullets: readonly string[]): string {
  return bullets
    .map(bulletText)
    .filter(Boolean)
    .map((t) => `- ${t}`)
    .join('\n')
}
