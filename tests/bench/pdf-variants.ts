/**
 * Fresh resumes for the PDF benchmark: documents with the structure of a given one and every
 * string it prints changed, so that no cache keyed by text (runs, widths, line breaks, font
 * subsets in the same glyph order) helps from one document to the next, in pdfkit or Chromium.
 *
 * Each letter becomes a random letter of the same script and case, each digit a random digit,
 * each month abbreviation a random month: lengths, scripts and line counts stay close to the
 * original, while no word repeats. What the app itself prints (section titles, "Skills:",
 * "Credential ID:", "Expired") stays, as it does for every person.
 */
import type { ResumeDocEntry, ResumeDocLink, ResumeDocSection, ResumeDocument } from '../../electron/shared/resume-document'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** First code point and size of the lowercase alphabets letters are drawn from. */
const ALPHABETS: ReadonlyArray<readonly [number, number]> = [
  [0x61, 26], // Latin
  [0x3b1, 25], // Greek (with final sigma)
  [0x430, 32], // Cyrillic
]
/** Words the app prints around the person's text. */
const APP_WORDS = /^(Expired|In progress|Valid until)\b/

/** A small seeded generator (so a run of the benchmark is repeatable). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

function varyText(text: string, r: () => number): string {
  const app = APP_WORDS.exec(text)?.[0] ?? ''
  const rest = text
    .slice(app.length)
    .replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g, () => MONTHS[Math.floor(r() * 12)]!)
    .replace(/\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Present)\b)[^\s]+/gu, (word) =>
      word.replace(/\p{L}|\p{N}/gu, (ch) => {
        if (/\p{N}/u.test(ch)) return String(Math.floor(r() * 10))
        const lower = ch.toLowerCase()
        const cp = lower.codePointAt(0)!
        const alphabet = ALPHABETS.find(([first, size]) => cp >= first && cp < first + size) ?? ALPHABETS[0]!
        const out = String.fromCodePoint(alphabet[0] + Math.floor(r() * alphabet[1]))
        return ch === lower ? out : out.toUpperCase()
      }),
    )
  return app + rest
}

/** `count` documents shaped like `doc`, every printed string new (see the module comment). */
export function freshDocuments(doc: ResumeDocument, count: number, seed = 1): ResumeDocument[] {
  return Array.from({ length: count }, (_, i) => vary(doc, random(seed * 7919 + i + 1)))
}

function vary(doc: ResumeDocument, r: () => number): ResumeDocument {
  const t = (s: string) => varyText(s, r)
  const link = (l: ResumeDocLink | null): ResumeDocLink | null => (l ? { url: l.url.replace(/^([a-z]+:(\/\/)?)(.*)$/, (_, scheme: string, _s, rest: string) => scheme + t(rest)), label: t(l.label) } : null)
  const entry = (e: ResumeDocEntry): ResumeDocEntry => ({
    ...e,
    title: t(e.title),
    titleLink: link(e.titleLink),
    dates: e.dates && t(e.dates),
    subtitle: e.subtitle.map(t),
    status: e.status && { ...e.status, text: t(e.status.text) },
    paragraphs: e.paragraphs.map(t),
    bullets: e.bullets.map(t),
    details: e.details.map((d) => ({ ...d, text: t(d.text), link: link(d.link) })),
  })
  const section = (s: ResumeDocSection): ResumeDocSection =>
    s.key === 'summary'
      ? { ...s, paragraphs: s.paragraphs.map(t) }
      : s.key === 'skills'
        ? { ...s, groups: s.groups.map((g) => ({ ...g, skills: g.skills.map(t) })) }
        : { ...s, entries: s.entries.map(entry) }
  return {
    ...doc,
    title: t(doc.title),
    subject: t(doc.subject),
    keywords: doc.keywords.map(t),
    header: {
      name: t(doc.header.name),
      headline: doc.header.headline && t(doc.header.headline),
      contact: doc.header.contact.map((c) => ({ ...c, text: t(c.text), label: c.label, link: link(c.link) })),
    },
    sections: doc.sections.map(section),
  }
}
