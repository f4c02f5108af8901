/**
 * The ATS template in HTML and CSS, for the Chromium side of the PDF benchmark: the same
 * ResumeDocument with the same structure, type sizes, colours, spacing, margins and page-break
 * rules as electron/core/pdf/templates/ats.ts, and the same DejaVu faces, loaded by @font-face
 * from resources/fonts (file URLs: the page is opened from a file:// address first), so Chromium
 * neither falls back to system fonts nor has less text to shape than pdfkit.
 */
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import type { ResumeDocEntry, ResumeDocSection, ResumeDocument } from '../../electron/shared/resume-document'

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
const linked = (text: string, link: { url: string } | null, cls = '') => (link ? `<a${cls ? ` class="${cls}"` : ''} href="${esc(link.url)}">${esc(text)}</a>` : esc(text))
/** Items with a padded middle dot between them, as the template separates contact items and an entry's organisation line. */
const items = (parts: string[]) => parts.join('<span class="sep">·</span>')

/** Lines of an entry, roughly (about 105 characters to a line of body text on A4). */
const linesOf = (e: ResumeDocEntry) => 1 + (e.subtitle.length || e.status ? 1 : 0) + [...e.paragraphs, ...e.bullets].reduce((n, t) => n + Math.ceil(t.length / 105), 0) + e.details.length

function entry(e: ResumeDocEntry, compact: boolean, first: boolean): string {
  // The template keeps an entry of up to 7 lines on one page and lets a longer one break between lines.
  const cls = `entry${compact ? ' compact' : ''}${first ? ' first' : ''}${compact || linesOf(e) <= 7 ? ' keep' : ''}`
  const date = e.dates ? `<span class="date">${esc(e.dates)}</span>` : ''
  const status = e.status ? [`<span class="${e.status.warn ? 'warn' : ''}">${esc(e.status.text)}</span>`] : []
  const sub = [...e.subtitle.map(esc), ...status]
  if (compact) return `<div class="${cls}"><div class="head"><span><b>${linked(e.title, e.titleLink)}</b>${sub.length ? `<span class="sep">·</span><span class="meta">${items(sub)}</span>` : ''}</span>${date}</div></div>`
  const body = [
    ...e.paragraphs.map((p) => `<p>${esc(p)}</p>`),
    e.bullets.length ? `<ul>${e.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>` : '',
  ].join('')
  const details = e.details.map((d) => `<div class="small">${d.label ? `<b>${esc(d.label)}:</b> ` : ''}${linked(d.text, d.link)}</div>`).join('')
  return (
    `<div class="${cls}"><div class="head"><b>${linked(e.title, e.titleLink)}</b>${date}</div>` +
    `${sub.length ? `<div class="meta">${items(sub)}</div>` : ''}${body ? `<div class="body">${body}</div>` : ''}${details ? `<div class="details">${details}</div>` : ''}</div>`
  )
}

function section(s: ResumeDocSection): string {
  const body =
    s.key === 'summary'
      ? s.paragraphs.map((p) => `<p class="para">${esc(p)}</p>`).join('')
      : s.key === 'skills'
        ? s.groups.map((g) => `<p class="skills"><b>${esc(g.label)}: </b>${esc(g.skills.join(', '))}</p>`).join('')
        : s.entries.map((e, i) => entry(e, s.compact, i === 0)).join('')
  return `<section><h2>${esc(s.title.toLocaleUpperCase('en'))}</h2>${body}</section>`
}

/** `@font-face` rules for the three faces a resume uses, from `resourcesDir/fonts`. */
function fontFaces(resourcesDir: string): string {
  const url = (file: string) => pathToFileURL(join(resourcesDir, 'fonts', file)).href
  return [
    `@font-face { font-family: 'Resume Sans'; font-weight: 400; src: url('${url('DejaVuSans.ttf')}') format('truetype'); }`,
    `@font-face { font-family: 'Resume Sans'; font-weight: 700; src: url('${url('DejaVuSans-Bold.ttf')}') format('truetype'); }`,
    `@font-face { font-family: 'Resume Serif'; font-weight: 700; src: url('${url('DejaVuSerif-Bold.ttf')}') format('truetype'); }`,
  ].join('\n')
}

/**
 * The document as one HTML page in the ATS template's look. The page number ("1 / 2") is left
 * out: Chromium draws it in a header template, which cannot use the page's web fonts; pdfkit's
 * version draws it, so this side has slightly less to do.
 */
export function atsHtml(doc: ResumeDocument, pageSize: 'a4' | 'letter', resourcesDir: string): string {
  const h = doc.header
  const contact = h.contact.map((c) => `<span>${c.label ? `${esc(c.label)}: ` : ''}${linked(c.text, c.link)}</span>`)
  return `<!doctype html><html lang="${esc(doc.lang)}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>
${fontFaces(resourcesDir)}
@page { size: ${pageSize === 'a4' ? 'A4' : 'Letter'}; margin: 46pt 54pt 50pt 54pt; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; }
body { margin: 0; font-family: 'Resume Sans'; font-size: 9.1pt; line-height: 1.36; color: #2f3540; font-variant-ligatures: none; font-kerning: normal; }
a { color: inherit; text-decoration: none; }
h1 { font-family: 'Resume Serif'; font-weight: 700; font-size: 23pt; line-height: 1.2; margin: 0; color: #1b1f27; break-after: avoid; }
.headline { font-size: 10.8pt; color: #1f5f8b; margin-top: 1pt; break-after: avoid; }
.contact { font-size: 8.6pt; color: #5d6573; margin-top: 3.3pt; line-height: 1.45; }
.contact a { color: #2f3540; }
.contact > span { white-space: nowrap; }
.sep { padding: 0 6.45pt; }
.contact .sep, .meta .sep { color: inherit; }
hr { border: 0; border-top: 1.1pt solid #1f5f8b; margin: 5.4pt 0 0; }
section { margin-top: 14.4pt; }
h2 { font-size: 9.4pt; font-weight: 700; line-height: 1.25; color: #1f5f8b; margin: 0 0 3.4pt; padding-bottom: 3.2pt; border-bottom: 0.6pt solid #d5d9df; break-after: avoid; }
.entry { margin-top: 9pt; }
.entry.keep { break-inside: avoid; }
.head, .entry > .meta { break-after: avoid; }
.entry.compact { margin-top: 3.3pt; }
.entry.first { margin-top: 0; }
.head { display: flex; justify-content: space-between; align-items: baseline; gap: 10pt; font-size: 9.6pt; color: #1b1f27; break-after: avoid; }
.compact .head { font-size: 9.1pt; }
.compact .meta { display: inline; }
.date { font-size: 8.6pt; color: #5d6573; white-space: nowrap; }
.meta { font-size: 8.6pt; color: #5d6573; }
.warn { font-weight: 700; color: #2f3540; }
.body { margin-top: 2.1pt; }
.details { margin-top: 1.8pt; }
.small { font-size: 8.1pt; color: #5d6573; }
.small b { color: #2f3540; }
.small a { color: #1f5f8b; }
p { margin: 0; }
.para + .para { margin-top: 3pt; }
.skills + .skills { margin-top: 1.8pt; }
.skills b { color: #1b1f27; }
ul { margin: 0; padding-left: 11pt; }
li { break-inside: avoid; }
li::marker { color: #8a919c; }
</style></head><body>
<h1>${esc(h.name)}</h1>${h.headline ? `<div class="headline">${esc(h.headline)}</div>` : ''}${contact.length ? `<div class="contact">${items(contact)}</div>` : ''}<hr>
${doc.sections.map(section).join('\n')}
</body></html>`
}
