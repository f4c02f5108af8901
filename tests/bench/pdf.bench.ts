/**
 * Resume PDFs: pdfkit (Skillfolio's renderer) against Chromium printing the same resume as
 * HTML, which is how the popular resume builders make their PDFs (Reactive Resume ≤ 5.0,
 * JSON Resume's CLI, Mahara: see PRODUCT-ANCHORS.md §3).
 *
 * - pdfkit: 1-, 2- and 3-page resumes with each template, warm (the first, cold render is
 *   reported on its own), at least 20 measured runs each: median and p95 wall time, plus the
 *   fastest run and the CPU time per render, since on a shared two-core machine the wall time
 *   depends on what else runs.
 * - Chromium: the same ATS resumes as a faithful HTML version of the ATS template (same
 *   DejaVu fonts, sizes, margins, page-break rules and page-number footer), `page.setContent` +
 *   `page.pdf` in a warm browser, at least 10 runs each; and the speed-up factor.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser, type Page } from 'playwright-core'
import { dateRange, monthYear, paragraphsAndBullets, shortUrl } from '../../electron/core/pdf/format'
import { loadPdfFonts } from '../../electron/core/pdf/fonts'
import { renderGapReport } from '../../electron/core/pdf/report'
import type { ResumeData } from '../../electron/core/resume/data'
import { tailorResume, type TailoredResume } from '../../electron/core/resume/tailor'
import { longResume, NOW, renderFixture, sampleReport, shortResume } from '../core/pdf/fixtures'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser'
import { median, ms, p95, type BenchRow } from './harness'

const RESOURCES = join(__dirname, '../../resources')
const PDFKIT_RUNS = 30
const PDFKIT_WARMUP = 8
const CHROMIUM_RUNS = 12
const CHROMIUM_WARMUP = 3

interface Timing {
  sorted: number[]
  cpu: number
}

async function measure(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  const cpu = process.cpuUsage(cpu0)
  return { sorted: times.sort((a, b) => a - b), cpu: (cpu.user + cpu.system) / 1000 / runs }
}

const note = (t: Timing, extra: string) => `p95 ${ms(p95(t.sorted))}, fastest ${ms(t.sorted[0]!)}, CPU ${ms(t.cpu)}/render; ${extra}`
const pagesOf = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length

// ---------- the ATS template as HTML ----------

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

function richHtml(text: string | null): string {
  const parts = paragraphsAndBullets(text)
  let html = ''
  let inList = false
  for (const p of parts) {
    if (p.bullet && !inList) html += '<ul>'
    if (!p.bullet && inList) html += '</ul>'
    inList = p.bullet
    html += p.bullet ? `<li>${esc(p.text)}</li>` : `<p>${esc(p.text)}</p>`
  }
  return inList ? `${html}</ul>` : html
}

function entryHead(title: string, rest: string, date: string | null): string {
  return `<div class="head"><span><b>${esc(title)}</b>${esc(rest)}</span>${date ? `<span class="date">${esc(date)}</span>` : ''}</div>`
}

/** The ATS template's content, styles and break rules in HTML + CSS (A4 or Letter). */
export function atsHtml(t: TailoredResume, pageSize: 'a4' | 'letter'): string {
  const p = t.profile
  const contact = [
    p.email ? `<a href="mailto:${esc(p.email)}">${esc(p.email)}</a>` : '',
    p.phone ? esc(p.phone) : '',
    p.location ? esc(p.location) : '',
    p.website ? `<a href="${esc(p.website)}">${esc(shortUrl(p.website))}</a>` : '',
    ...p.links.map((l) => `${l.label ? `${esc(l.label)}: ` : ''}<a href="${esc(l.url)}">${esc(shortUrl(l.url))}</a>`),
  ].filter(Boolean)
  const section = (title: string, body: string) => (body ? `<section><h2>${title}</h2>${body}</section>` : '')
  const skills = t.skills.map((g) => `<p class="skills"><b>${esc(g.label)}:</b> ${esc(g.skills.map((s) => s.name).join(', '))}</p>`).join('')
  const experience = t.experience
    .map((e) => `<div class="entry">${entryHead(e.title, `, ${e.organization}`, dateRange(e.startedOn, e.endedOn))}${e.location ? `<div class="meta">${esc(e.location)}</div>` : ''}${richHtml(e.description)}</div>`)
    .join('')
  const projects = t.projects
    .map(
      (pr) =>
        `<div class="entry">${entryHead(pr.title, pr.role ? ` · ${pr.role}` : '', dateRange(pr.startedOn, pr.endedOn))}${pr.summary ? `<p>${esc(pr.summary)}</p>` : ''}` +
        `${pr.outcomes.length ? `<ul>${pr.outcomes.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>` : ''}` +
        `${pr.skills.length ? `<div class="small"><b>Skills:</b> ${esc(pr.skills.join(', '))}</div>` : ''}` +
        `${pr.credentials.length ? `<div class="small"><b>Credentials:</b> ${esc(pr.credentials.join('; '))}</div>` : ''}` +
        `${pr.links.length ? `<div class="small">${pr.links.map((l) => `${l.label ? `${esc(l.label)}: ` : ''}<a href="${esc(l.url)}">${esc(shortUrl(l.url))}</a>`).join('  ·  ')}</div>` : ''}</div>`,
    )
    .join('')
  const credentials = t.credentials
    .map((c) => {
      const status = c.inProgress
        ? '<b>In progress</b>'
        : c.expired
          ? `<b class="warn">Expired${c.expiresOn ? ` ${monthYear(c.expiresOn)}` : ''}</b>`
          : c.expiresOn
            ? `Valid until ${monthYear(c.expiresOn)}`
            : ''
      const id = c.credentialCode ? `Credential ID <b>${esc(c.credentialCode)}</b>` : ''
      const issuer = [c.issuer, c.provider ? `via ${c.provider}` : null].filter(Boolean).join(' · ')
      return (
        `<div class="entry">${entryHead(c.title, '', monthYear(c.earnedOn))}${issuer ? `<div class="meta">${esc(issuer)}</div>` : ''}` +
        `${status || id ? `<div class="small">${[status, id].filter(Boolean).join('  ·  ')}</div>` : ''}` +
        `${c.verificationUrl ? `<div class="small">Verify: <a href="${esc(c.verificationUrl)}">${esc(c.verificationUrl)}</a></div>` : ''}</div>`
      )
    })
    .join('')
  const education = t.education
    .map((e) => {
      const title = [e.degree, e.field].filter(Boolean).join(', ')
      return `<div class="entry">${entryHead(title || e.institution, title ? `, ${e.institution}` : '', dateRange(e.startedOn, e.endedOn))}${richHtml(e.description)}</div>`
    })
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(p.name)} — Resume</title><style>
@page { size: ${pageSize === 'a4' ? 'A4' : 'Letter'}; margin: 46pt 54pt 54pt 54pt; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 9.1pt; line-height: 1.36; color: #2f3540; font-variant-ligatures: none; }
h1 { font-family: 'DejaVu Serif', serif; font-size: 23pt; line-height: 1.2; margin: 0; color: #1b1f27; }
.headline { font-size: 10.8pt; color: #1f5f8b; margin-top: 1pt; }
.contact { font-size: 8.6pt; color: #5d6573; margin: 3.3pt 0 5.4pt; line-height: 1.45; }
.contact a { color: #2f3540; text-decoration: none; }
hr { border: 0; border-top: 1.1pt solid #1f5f8b; margin: 0; }
section { margin-top: 15.6pt; }
h2 { font-size: 9.4pt; color: #1f5f8b; margin: 0 0 3.4pt; padding-bottom: 3.2pt; border-bottom: 0.6pt solid #d5d9df; break-after: avoid; }
.entry { margin-top: 9pt; break-inside: avoid; }
section > .entry:first-of-type { margin-top: 0; }
.head { display: flex; justify-content: space-between; gap: 10pt; font-size: 9.6pt; color: #1b1f27; break-after: avoid; }
.date { font-size: 8.6pt; color: #5d6573; white-space: nowrap; }
.meta { font-size: 8.6pt; color: #5d6573; }
.small { font-size: 8.1pt; color: #5d6573; }
.small b { color: #2f3540; } .warn { color: #9a3412; }
.small a { color: #1f5f8b; text-decoration: none; }
.skills { margin: 1.8pt 0 0; } .skills b { color: #1b1f27; }
p { margin: 0; } ul { margin: 0; padding-left: 11pt; } li { break-inside: avoid; } li::marker { color: #8a919c; }
</style></head><body>
<h1>${esc(p.name)}</h1>${p.headline ? `<div class="headline">${esc(p.headline)}</div>` : ''}<div class="contact">${contact.join('  ·  ')}</div><hr>
${section('Summary', p.summary ? `<p>${esc(p.summary)}</p>` : '')}${section('Skills', skills)}${section('Experience', experience)}${section('Projects', projects)}${section('Certifications', credentials)}${section('Education', education)}
</body></html>`
}

async function chromiumPdf(page: Page, html: string, pageSize: 'a4' | 'letter', name: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' })
  return page.pdf({
    format: pageSize === 'a4' ? 'A4' : 'Letter',
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: `<div style="font: 7.4pt 'DejaVu Sans'; color: #8a919c; width: 100%; padding: 0 54pt; display: flex; justify-content: space-between"><span>${esc(name)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  })
}

// ---------- the benchmark ----------

export async function pdfBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const cases: Array<{ label: string; data: ResumeData }> = [
    { label: '1-page', data: shortResume() },
    { label: '2-page', data: longResume({ jobs: 2 }) },
    { label: '3-page', data: longResume() },
  ]
  const fonts = loadPdfFonts(RESOURCES)
  const clock = { now: NOW }

  const cold = performance.now()
  const first = await renderFixture(cases[1]!.data, { template: 'ats' }, fonts, clock)
  rows.push({ benchmark: 'pdfkit: first resume (cold: parse fonts, JIT)', value: ms(performance.now() - cold), note: `${first.pageCount} pages` })

  const pdfkitMedian = new Map<string, number>()
  for (const template of ['ats', 'two-column'] as const)
    for (const c of cases) {
      let last: Awaited<ReturnType<typeof renderFixture>> | undefined
      const t = await measure(async () => (last = await renderFixture(c.data, { template, pageSize: 'a4' }, fonts, clock)), PDFKIT_RUNS, PDFKIT_WARMUP)
      pdfkitMedian.set(`${template}/${c.label}`, median(t.sorted))
      rows.push({
        benchmark: `pdfkit: ${c.label} resume, ${template}, A4 (warm, ${PDFKIT_RUNS} runs)`,
        value: ms(median(t.sorted)),
        ...(c.label === '2-page' ? { target: '< 25 ms' } : {}),
        note: note(t, `${last!.pageCount} pages, ${Math.round(last!.pdf.length / 1024)} KB`),
      })
    }
  {
    let last: Uint8Array | undefined
    const t = await measure(async () => (last = (await renderFixture(cases[2]!.data, { template: 'ats', showQr: true }, fonts, clock)).pdf), PDFKIT_RUNS, PDFKIT_WARMUP)
    rows.push({ benchmark: 'pdfkit: 3-page resume, ats, with 7 QR codes', value: ms(median(t.sorted)), note: note(t, `${Math.round(last!.length / 1024)} KB`) })
  }
  {
    // Changed content on every run (a live preview while typing): shaped-text and subset caches miss in part.
    let n = 0
    const t = await measure(
      () => {
        const data = longResume({ jobs: 2 })
        data.profile.summary = `${data.profile.summary} Edit number ${++n}: ${'workflow office '.repeat(n % 7)}`
        return renderFixture(data, { template: 'ats' }, fonts, clock)
      },
      PDFKIT_RUNS,
      PDFKIT_WARMUP,
    )
    rows.push({ benchmark: 'pdfkit: 2-page resume, ats, summary edited every run', value: ms(median(t.sorted)), note: note(t, 'what a live preview re-renders') })
  }
  {
    let last: Uint8Array | undefined
    const t = await measure(async () => (last = await renderGapReport(sampleReport(), {}, fonts, clock)), PDFKIT_RUNS, PDFKIT_WARMUP)
    rows.push({ benchmark: 'pdfkit: gap report with plan, A4', value: ms(median(t.sorted)), note: note(t, `${pagesOf(last!)} pages`) })
  }
  const mem = process.memoryUsage()
  rows.push({
    benchmark: 'pdfkit: memory after the runs above',
    value: `${Math.round(mem.rss / 1024 / 1024)} MB RSS`,
    note: `heap used ${Math.round(mem.heapUsed / 1024 / 1024)} MB; peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (whole bench process)`,
  })

  if (!existsSync(CHROMIUM_PATH)) {
    rows.push({ benchmark: 'Chromium page.pdf (same resumes as HTML)', value: 'skipped', note: `${CHROMIUM_PATH} not found` })
    return rows
  }
  let browser: Browser | undefined
  try {
    const launched = performance.now()
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
    const page = await browser.newPage()
    rows.push({ benchmark: 'Chromium: launch', value: ms(performance.now() - launched) })
    for (const c of cases) {
      const html = atsHtml(tailorResume(c.data, null, {}, clock), 'a4')
      let last: Uint8Array | undefined
      const t = await measure(async () => (last = await chromiumPdf(page, html, 'a4', c.data.profile.name)), CHROMIUM_RUNS, CHROMIUM_WARMUP)
      const chrome = median(t.sorted)
      rows.push({
        benchmark: `Chromium: ${c.label} resume as HTML, A4 (warm, setContent + page.pdf, ${CHROMIUM_RUNS} runs)`,
        value: ms(chrome),
        note: `p95 ${ms(p95(t.sorted))}, fastest ${ms(t.sorted[0]!)}; ${pagesOf(last!)} pages, ${Math.round(last!.length / 1024)} KB; Node-side CPU ${ms(t.cpu)}/render (the browser's own CPU is not counted)`,
      })
      const mine = pdfkitMedian.get(`ats/${c.label}`)!
      rows.push({ benchmark: `speed-up, ${c.label} ATS resume: Chromium median / pdfkit median`, value: `${(chrome / mine).toFixed(1)}×`, ...(c.label === '2-page' ? { target: '≥ 15×' } : {}) })
    }
  } finally {
    await browser?.close()
  }
  return rows
}
