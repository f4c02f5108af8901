/**
 * Bringing a career in (issue 12), as a person does it:
 * - a LinkedIn data export ZIP of 500 rows (150 positions, 150 certifications, 150 skills, 50
 *   schools, plus Profile.csv), written the way LinkedIn writes it: UTF-8 with a BOM, CRLF, quoted
 *   cells with commas, doubled quotes and line breaks, and the "Notes:" preamble above the
 *   certifications. Preview (nothing written) cold, in a core that has not read one yet, and warm;
 *   the import into an empty portfolio; the same export imported again (every row found already);
 *   and the preview against a 10,000-credential portfolio (matching against what is there).
 * - 100 certificate PDFs in the layouts of tests/fixtures/certificates (Coursera, edX, Udacity,
 *   LinkedIn Learning, Microsoft Learn, Google, Credly and an unknown institute's), each with its
 *   own title, read through certificates:read: the first one (cold: it loads the PDF reader) and
 *   the rest, then all 100 again.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { strToU8, zipSync } from 'fflate'
import { createCore } from '../../electron/core/app'
import { createPortfolio } from '../../electron/core/portfolio'
import { makeCertificate, SAMPLES, UNKNOWN, type SampleCertificate } from '../fixtures/certificates/make'
import { measure, median, ms, p95, type BenchRow } from './harness'
import { fakeCredential, rng } from './portfolio.bench'

const COMPANIES = ['Müller GmbH', 'Brightwave AB', '"Acme, Inc."', 'Northwind Traders', 'Globex Corporation', 'Initech', 'Umbrella Analytics', 'Stark Industries', 'Wayne Enterprises', 'Hooli']
const TITLES = ['Data Analyst', 'Senior Data Engineer', 'Product Manager', 'UX Researcher', 'Cloud Architect', 'Marketing Lead', 'Software Engineer', 'Scrum Master', 'Security Analyst', 'Teaching Assistant']
const PLACES = ['"Munich, Bavaria, Germany"', 'Stockholm', '"Austin, Texas, United States"', 'Remote', '"Lyon, Auvergne-Rhône-Alpes, France"']
const AUTHORITIES = ['Amazon Web Services (AWS)', 'Scrum.org', 'Microsoft', 'Google', 'Coursera', '"Project Management Institute, Inc."', 'ISC2', 'Cisco']
const SCHOOLS = ['Uppsala universitet', 'Technische Universität München', '"University of California, Berkeley"', 'Open University', 'École polytechnique']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const ROWS = { positions: 150, certifications: 150, skills: 150, education: 50 }
const LINKEDIN_ROWS = ROWS.positions + ROWS.certifications + ROWS.skills + ROWS.education

const csv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`
/** A LinkedIn month ("Mar 2011"): row i starts in 2005–2019, and `years` later ends. */
const month = (i: number, years = 0) => `${MONTHS[i % 12]} ${2005 + (i % 15) + years}`

/** The export LinkedIn sends, as a ZIP in its dated folder. */
export function linkedInExport(): Uint8Array {
  const positions = Array.from({ length: ROWS.positions }, (_, i) => {
    const description = `"Rebuilt the ""nightly"" ingest for team ${i}, cutting its cost by ${10 + (i % 50)}%.\r\n\r\nLed ${2 + (i % 6)} people; introduced code review, dashboards in Tableau and SQL, and an on-call rotation."`
    const company = COMPANIES[i % COMPANIES.length]!
    const n = Math.floor(i / COMPANIES.length)
    return `${n ? company.replace(/"?$/, (q) => ` ${n}${q}`) : company},${TITLES[i % TITLES.length]},${description},${PLACES[i % PLACES.length]},${month(i)},${i % 7 === 0 ? '' : month(i, 1 + (i % 4))}`
  })
  const certifications = Array.from(
    { length: ROWS.certifications },
    (_, i) =>
      `Certificate ${i} in ${TITLES[i % TITLES.length]} practice,${i % 3 ? `https://www.credly.com/badges/00000000-aaaa-bbbb-cccc-${String(i).padStart(12, '0')}` : ''},${AUTHORITIES[i % AUTHORITIES.length]},${month(i)},${i % 4 === 0 ? month(i, 3) : ''},${i % 2 ? `LIC-${1000 + i}` : ''}`,
  )
  const skills = Array.from({ length: ROWS.skills }, (_, i) => (i % 10 === 0 ? `"Skill ${i}, applied"` : `Skill ${i} ${TITLES[i % TITLES.length]}`))
  const education = Array.from(
    { length: ROWS.education },
    (_, i) => `${SCHOOLS[i % SCHOOLS.length]},${1995 + (i % 25)},${1998 + (i % 25)},"Thesis: ""Topic ${i}"".\r\nWith honours.","Master of Science - MS, Field ${i}","Student union, orchestra"`,
  )
  const files: Record<string, string> = {
    'Profile.csv': csv(['First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers', 'Zoë,Example,,,,"Data engineer, teacher","Builds pipelines.\r\nTeaches SQL.",Software,,Stockholm,,,']),
    'Positions.csv': csv(['Company Name,Title,Description,Location,Started On,Finished On', ...positions]),
    'Certifications.csv': csv(['Notes:', '"This file lists the licenses and certifications you added to your profile, ordered by the date you added them."', '', 'Name,Url,Authority,Started On,Finished On,License Number', ...certifications]),
    'Skills.csv': csv(['Name', ...skills]),
    'Education.csv': csv(['School Name,Start Date,End Date,Notes,Degree Name,Activities', ...education]),
  }
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [`Basic_LinkedInDataExport_12-01-2026/${name}`, strToU8(text)])))
}

const rate = (rows: number, m: number) => `${Math.round(rows / (m / 1000)).toLocaleString('en-US')} rows/s`
const tempCore = (dir: string, name: string) => createCore({ dbPath: join(dir, `${name}.sqlite`), dataDir: dir, log: () => {} })

async function linkedInRows(dir: string): Promise<BenchRow[]> {
  const zip = Buffer.from(linkedInExport()).toString('base64')
  const rows: BenchRow[] = []
  const label = `LinkedIn export, ${LINKEDIN_ROWS} rows (${Math.round((zip.length * 3) / 4 / 1024)} KB ZIP)`
  const core = tempCore(dir, 'linkedin')
  try {
    const cold = await measure(() => core.call('exchange:previewLinkedIn', { zip }))
    const found = cold.value.items.length
    if (cold.value.counts.added < LINKEDIN_ROWS) throw new Error(`The preview would add ${cold.value.counts.added} of ${LINKEDIN_ROWS} rows`)
    rows.push({ benchmark: `${label}: preview, cold`, value: ms(cold.ms), note: `${rate(LINKEDIN_ROWS, cold.ms)}; CPU ${ms(cold.cpuMs)}; first read in this core; ${found} items shown` })
    const warm: number[] = []
    for (let i = 0; i < 5; i++) warm.push((await measure(() => core.call('exchange:previewLinkedIn', { zip }))).ms)
    warm.sort((a, b) => a - b)
    rows.push({ benchmark: `${label}: preview, warm`, value: ms(median(warm)), note: `${rate(LINKEDIN_ROWS, median(warm))}; median of 5, p95 ${ms(p95(warm))}` })
    const imported = await measure(() => core.call('exchange:importLinkedIn', { zip }))
    rows.push({ benchmark: `${label}: import into an empty portfolio`, value: ms(imported.ms), note: `${rate(LINKEDIN_ROWS, imported.ms)}; CPU ${ms(imported.cpuMs)}; ${imported.value.counts.added} added, one transaction` })
    const again = await measure(() => core.call('exchange:importLinkedIn', { zip }))
    if (again.value.counts.added !== 0) throw new Error(`Importing the same export again added ${again.value.counts.added} entries`)
    rows.push({ benchmark: `${label}: the same export again`, value: ms(again.ms), note: `${rate(LINKEDIN_ROWS, again.ms)}; CPU ${ms(again.cpuMs)}; ${again.value.counts.duplicate} found already, nothing added` })
  } finally {
    core.close()
  }
  const big = tempCore(dir, 'linkedin-10k')
  try {
    const portfolio = createPortfolio(big.db, () => new Date())
    const r = rng(3)
    const inputs = Array.from({ length: 10_000 }, (_, i) => fakeCredential(i, r))
    big.db.transaction(() => portfolio.batchIndex(() => inputs.forEach((c) => portfolio.credentials.insert(c))))()
    await big.call('exchange:previewLinkedIn', { zip })
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      await big.call('exchange:previewLinkedIn', { zip })
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    rows.push({ benchmark: `${label}: preview against 10,000 credentials`, value: ms(median(times)), note: `${rate(LINKEDIN_ROWS, median(times))}; median of 3, warm` })
  } finally {
    big.close()
  }
  return rows
}

/** 100 certificates, the eight layouts in turn, each with its own title (its title line gets a number). */
async function certificatePdfs(): Promise<{ name: string; base64: string; sample: SampleCertificate }[]> {
  const layouts = [...SAMPLES, UNKNOWN]
  return Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const base = layouts[i % layouts.length]!
      const sample = { ...base, lines: base.lines.map((l) => (l.text === base.expected.title ? { ...l, text: `${l.text} ${i + 1}` } : l)) }
      return { name: `${base.name}-${i + 1}.pdf`, base64: (await makeCertificate(sample)).toString('base64'), sample: base }
    }),
  )
}

async function certificateRows(dir: string): Promise<BenchRow[]> {
  const pdfs = await certificatePdfs()
  const kb = Math.round(pdfs.reduce((n, p) => n + (p.base64.length * 3) / 4, 0) / 1024)
  const core = tempCore(dir, 'certificates')
  const read = (p: (typeof pdfs)[number]) => core.call('certificates:read', { pdf: p.base64, fileName: p.name })
  try {
    const times: number[] = []
    let recognised = 0
    let titled = 0
    let firstCpu = 0
    for (const [i, p] of pdfs.entries()) {
      const { value: preview, ms: took, cpuMs } = await measure(() => read(p))
      times.push(took)
      if (i === 0) firstCpu = cpuMs
      if (preview.platform === p.sample.platform) recognised++
      if (preview.fields.title?.endsWith(` ${i + 1}`)) titled++
    }
    if (titled < pdfs.length) throw new Error(`Only ${titled} of ${pdfs.length} certificates were read with their title`)
    const [first, ...rest] = times
    const restTotal = rest.reduce((a, b) => a + b, 0)
    const sorted = [...rest].sort((a, b) => a - b)
    const againStart = performance.now()
    for (const p of pdfs) await read(p)
    const again = performance.now() - againStart
    const label = `certificates:read, 100 PDFs, 8 layouts (${kb} KB)`
    return [
      { benchmark: `${label}: first (cold)`, value: ms(first!), note: `CPU ${ms(firstCpu)}; loads the PDF reader (and, under tsx, compiles it) and the first layout's fonts` },
      { benchmark: `${label}: the other 99`, value: `${(rest.length / (restTotal / 1000)).toFixed(0)} files/s`, note: `median ${ms(median(sorted))}, p95 ${ms(p95(sorted))}; ${recognised}/100 layouts recognised as made, every title read` },
      { benchmark: `${label}: all 100 again (warm)`, value: `${(pdfs.length / (again / 1000)).toFixed(0)} files/s`, note: `${ms(again)} in all` },
    ]
  } finally {
    core.close()
  }
}

export async function exchangeBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bench-exchange-'))
  try {
    return [...(await certificateRows(dir)), ...(await linkedInRows(dir))]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
