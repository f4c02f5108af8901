/** resume:preview and report:render against a real portfolio, read back with pdf.js. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { countPdfPages } from '../../../electron/core/resume'
import { skillNamesOf } from '../../../electron/shared/analysis'
import type { ResumeDecision, ResumePreview } from '../../../electron/shared/resume'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { expectInOrder, extractPdf, squash } from '../pdf/extract'
import { hashDb, pdfBytes, seedPortfolio } from './helpers'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.slice(0, 5)).toString('latin1') === '%PDF-' && Buffer.from(bytes.slice(-6)).toString('latin1').includes('%%EOF')

describe('resume:preview', () => {
  it('renders an empty portfolio with the name placeholder', async () => {
    const r = await p.core.call('resume:preview', {})
    expect(isPdf(pdfBytes(r.pdfBase64))).toBe(true)
    expect(r).toMatchObject({ pageCount: 1, role: null, fileName: 'Your name resume.pdf', decisions: [] })
    expect(squash((await extractPdf(pdfBytes(r.pdfBase64))).text)).toContain('Your name')
  })

  it('returns a valid PDF with the profile name and the credentials, and the settings after defaults', async () => {
    await seedPortfolio(p.core)
    const r = await p.core.call('resume:preview', {})
    const bytes = pdfBytes(r.pdfBase64)
    expect(isPdf(bytes)).toBe(true)
    const x = await extractPdf(bytes)
    expect(x.pages).toHaveLength(r.pageCount)
    const text = squash(x.text)
    expect(text).toContain('Ada Lovelace')
    for (const title of ['Database Fundamentals', 'Python for Everybody', 'Watercolour Painting', 'Legacy Cloud Certificate']) expect(text).toContain(title)
    expect(r.title).toBe('Ada Lovelace — Resume')
    expect(r.fileName).toBe('Ada Lovelace resume.pdf')
    expect(r.settings).toEqual({
      roleRef: null,
      template: 'ats',
      pageSize: 'a4',
      fontScale: 'normal',
      showQr: false,
      expired: 'mark',
      length: '2',
      credentialDetail: 'compact',
      pinned: [],
      hidden: [],
      order: [],
    })
    expect(r.length).toEqual({ asked: '2', pages: 1, fits: true, dropped: 0, note: null })
    expect(r.unprintable).toEqual([])
    // Without a role: newest first; the expired one (the oldest here) marked.
    const creds = r.decisions.filter((d) => d.kind === 'credential')
    expect(creds.map((d) => d.title)).toEqual(['Watercolour Painting', 'Database Fundamentals', 'Python for Everybody', 'Legacy Cloud Certificate'])
    expect(creds.at(-1)!.reason).toMatch(/expired/)
  })

  it('tailors through a catalog role: catalog aliases match, relevant credentials first, with reasons', async () => {
    const { db, py, paint } = await seedPortfolio(p.core)
    const r = await p.core.call('resume:preview', { roleRef: 'catalog:back-end-developer' })
    expect(r.role).toEqual({ ref: 'catalog:back-end-developer', title: 'Back-End Developer' })
    expect(r.fileName).toBe('Ada Lovelace - Back-End Developer resume.pdf')
    expect(r.title).toBe('Ada Lovelace — Back-End Developer resume')
    const byId = new Map(r.decisions.map((d) => [d.id, d]))
    // "Postgres" and "Python 3" are catalog aliases of PostgreSQL and Python.
    expect(byId.get(db.id)).toMatchObject({ included: true, matches: expect.arrayContaining(['SQL', 'PostgreSQL']) })
    expect(byId.get(db.id)!.reason).toMatch(/^matches SQL \(essential\)/)
    expect(byId.get(py.id)).toMatchObject({ included: true, matches: ['Python'] })
    expect(byId.get(paint.id)).toMatchObject({ included: false, reason: 'shows none of the skills Back-End Developer asks for' })
    const creds = r.decisions.filter((d) => d.kind === 'credential' && d.included).map((d) => d.id)
    expect(creds.indexOf(db.id)).toBeLessThan(creds.indexOf(py.id))
    expect(r.keywords).toEqual(expect.arrayContaining(['SQL', 'PostgreSQL', 'Python']))
    const text = squash((await extractPdf(pdfBytes(r.pdfBase64))).text)
    expectInOrder(text, ['Ada Lovelace', 'Database Fundamentals', 'Python for Everybody'])
    expect(text).not.toContain('Watercolour Painting')
    // A pinned unrelated credential is kept, and says why.
    const pinned = await p.core.call('resume:preview', { roleRef: 'catalog:back-end-developer', pinned: [paint.id] })
    expect(pinned.decisions.find((d) => d.id === paint.id)).toMatchObject({ included: true, reason: 'pinned by you' })
  })

  it('respects hidden, pinned, custom order, expired and sections', async () => {
    const { db, py, paint, old, proj } = await seedPortfolio(p.core)
    const r = await p.core.call('resume:preview', { hidden: [paint.id, proj.id], order: [py.id, db.id], expired: 'hide', template: 'two-column', pageSize: 'letter', accent: '#224466', fontScale: 'large' })
    const byId = new Map(r.decisions.map((d) => [d.id, d]))
    expect(byId.get(paint.id)).toMatchObject({ included: false, reason: 'hidden by you' })
    expect(byId.get(proj.id)).toMatchObject({ included: false, reason: 'hidden by you' })
    expect(byId.get(old.id)!.included).toBe(false)
    expect(byId.get(old.id)!.reason).toMatch(/expired credentials are hidden/)
    expect(r.decisions.filter((d) => d.kind === 'credential' && d.included).map((d) => d.id)).toEqual([py.id, db.id])
    const x = await extractPdf(pdfBytes(r.pdfBase64))
    expect(Math.round(x.pages[0]!.width)).toBe(612)
    const text = squash(x.text)
    expect(text).not.toContain('Watercolour Painting')
    expect(text).not.toContain('Legacy Cloud Certificate')
    expect(text).not.toContain('Orders API')
    expectInOrder(text, ['Python for Everybody', 'Database Fundamentals'])

    const pinnedExpired = await p.core.call('resume:preview', { expired: 'hide', pinned: [old.id], sections: ['credentials'] })
    expect(pinnedExpired.decisions.find((d) => d.id === old.id)).toMatchObject({ included: true })
    expect(pinnedExpired.decisions.find((d) => d.kind === 'experience')).toMatchObject({ included: false, reason: 'the Experience section is turned off' })
    const only = squash((await extractPdf(pdfBytes(pinnedExpired.pdfBase64))).text)
    expect(only).toContain('Legacy Cloud Certificate')
    expect(only).not.toContain('Analytical Engines Ltd')
  })

  it('says plainly when the work history alone is longer than the length asked, and keeps what fits its pages', async () => {
    const { db, py } = await seedPortfolio(p.core)
    const duty = 'Led the weekly reporting cycle for the regional sales teams, reconciled the figures with finance and presented them to the directors.'
    for (let i = 0; i < 12; i++)
      await p.core.call('experience:create', {
        organization: `Company ${i + 1}`,
        title: `Analyst ${i + 1}`,
        startedOn: `${2000 + i}-01-01`,
        endedOn: `${2000 + i}-12-31`,
        description: Array.from({ length: 4 }, () => `- ${duty}`).join('\n'),
      })
    const r = await p.core.call('resume:preview', { length: '1', pinned: [db.id] })
    const pages = countPdfPages(pdfBytes(r.pdfBase64))
    expect(pages).toBeGreaterThan(1)
    expect(r.length).toMatchObject({ asked: '1', pages, fits: false })
    expect(r.length.note).toMatch(new RegExp(`^Your work history and pinned items alone take ${pages} pages; the resume is ${pages} pages, not 1\\.`))
    const text = squash((await extractPdf(pdfBytes(r.pdfBase64))).text)
    for (const n of [1, 12]) expect(text).toContain(`Company ${n}`)
    expect(text).toContain('Database Fundamentals')
    // The rest fits on those pages, so nothing else had to go.
    expect(r.length.dropped).toBe(0)
    expect(text).toContain('Python for Everybody')
    expect(r.decisions.find((d) => d.id === py.id)!.included).toBe(true)
  })

  it('answers NOT_FOUND for an unknown role and BAD_INPUT for bad settings, changing nothing', async () => {
    await seedPortfolio(p.core)
    const before = hashDb(p.dbPath)
    const unknown = await p.core.dispatch('resume:preview', { roleRef: 'catalog:no-such-role' })
    expect(unknown).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no catalog role "no-such-role".' } })
    expect(await p.core.dispatch('resume:preview', { roleRef: 'custom:99' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('resume:preview', { template: 'fancy' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'template' }] } })
    expect(await p.core.dispatch('resume:preview', { accent: 'red' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'accent' }] } })
    expect(hashDb(p.dbPath)).toBe(before)
  })

  it('tailors to a custom role by the catalog aliases of its skill names', async () => {
    const { db, paint } = await seedPortfolio(p.core)
    const role = await p.core.call('roles:create', { title: 'Data/DB Person: "Lead"', skills: [{ name: 'PostgreSQL', weight: 1, essential: true }] })
    const r = await p.core.call('resume:preview', { roleRef: role.ref })
    expect(r.role).toEqual({ ref: role.ref, title: 'Data/DB Person: "Lead"' })
    expect(r.fileName).toBe('Ada Lovelace - Data DB Person Lead resume.pdf')
    expect(r.decisions.find((d) => d.id === db.id)).toMatchObject({ included: true, matches: ['PostgreSQL'] })
    expect(r.decisions.find((d) => d.id === paint.id)!.included).toBe(false)
  })
})

describe('resume length and what is left out, on the demo portfolio', () => {
  let demo: TempPortfolio
  beforeAll(async () => {
    demo = tempPortfolio()
    await demo.core.call('app:loadDemo', {})
  })
  afterAll(() => demo.cleanup())

  const fitted = (r: { decisions: ResumeDecision[] }) => r.decisions.filter((d) => !d.included && d.reason.startsWith('left out to fit'))
  /** The PDF's own page count and text, not what the answer says about them. */
  async function printed(r: ResumePreview) {
    const bytes = pdfBytes(r.pdfBase64)
    return { pages: countPdfPages(bytes), text: squash((await extractPdf(bytes)).text) }
  }

  it('fits the general resume on one page, leaving out the oldest and least backed first, each with the reason', async () => {
    const two = await demo.core.call('resume:preview', {})
    expect(two.length).toEqual({ asked: '2', pages: 2, fits: true, dropped: 0, note: null })
    const one = await demo.core.call('resume:preview', { length: '1' })
    const pdf = await printed(one)
    expect(pdf.pages).toBe(1)
    expect(one.pageCount).toBe(1)
    const out = fitted(one)
    expect(one.length).toEqual({ asked: '1', pages: 1, fits: true, dropped: out.length, note: `Left out ${out.length} items to fit on 1 page.` })
    expect(out.length).toBeGreaterThan(0)
    for (const d of out) {
      expect(d.reason).toMatch(/^left out to fit on one page \((older than what is shown|less well backed than what is shown|too long for the room left|expired; current credentials are kept first)\)$/)
      expect(pdf.text).not.toContain(d.title)
    }
    // Work history and education are never left out; the expired PL-300 goes before anything current.
    for (const title of ['Data Analyst', 'Brightwave Retail', 'Operations Coordinator', 'University of Leeds', 'PGCert']) expect(pdf.text).toContain(title)
    expect(out[0]).toMatchObject({ title: 'Microsoft Certified: Power BI Data Analyst Associate', reason: 'left out to fit on one page (expired; current credentials are kept first)' })
  })

  it('lists the PGCert once (under Education) and every section newest first', async () => {
    const r = await demo.core.call('resume:preview', { length: 'auto' })
    expect(r.length).toMatchObject({ asked: 'auto', fits: true, dropped: 0, note: null })
    const pg = r.decisions.find((d) => d.title === 'Postgraduate Certificate in Applied Statistics')!
    expect(pg).toMatchObject({ included: false, reason: 'shown once, under Education (PGCert, Applied Statistics, Birkbeck, University of London)' })
    const { text } = await printed(r)
    expect(text).not.toContain('Postgraduate Certificate in Applied Statistics')
    expect(text.match(/PGCert/g)).toHaveLength(1)
    const { items } = await demo.core.call('credentials:list', { limit: 100 })
    const earned = new Map(items.map((c) => [c.id, c.earnedOn ?? '']))
    const shown = r.decisions.filter((d) => d.included && d.kind === 'credential').map((d) => earned.get(d.id)!)
    expect(shown).toEqual([...shown].sort().reverse())
  })

  it('tailors to Data Analyst on one page: less relevant items go first, and the PDF and the answer agree', async () => {
    const r = await demo.core.call('resume:preview', { roleRef: 'catalog:data-analyst', length: '1' })
    const pdf = await printed(r)
    expect(pdf.pages).toBe(1)
    expect(r.length).toMatchObject({ asked: '1', pages: 1, fits: true })
    expect(r.length.dropped).toBe(fitted(r).length)
    for (const d of fitted(r)) expect(pdf.text).not.toContain(d.title)
    for (const d of r.decisions.filter((x) => x.included && (x.kind === 'credential' || x.kind === 'project'))) expect(pdf.text).toContain(d.title)
    expect(fitted(r).some((d) => d.reason === 'left out to fit on one page (less relevant to Data Analyst than what is shown)')).toBe(true)
  })

  it('gives one page for every catalog role the demo fits, or says plainly why not', async () => {
    const roles = (await demo.core.call('roles:fit', {})).filter((f) => f.source === 'catalog' && f.fitPercent > 0)
    expect(roles.length).toBeGreaterThan(20)
    for (const role of roles) {
      const r = await demo.core.call('resume:preview', { roleRef: role.ref, length: '1' })
      const pages = countPdfPages(pdfBytes(r.pdfBase64))
      expect({ role: role.ref, pages: r.pageCount }).toEqual({ role: role.ref, pages })
      if (r.length.fits) expect({ role: role.ref, pages }).toEqual({ role: role.ref, pages: 1 })
      else expect({ role: role.ref, note: r.length.note }).toEqual({ role: role.ref, note: expect.stringMatching(new RegExp(`alone takes? ${pages} pages; the resume is ${pages} pages, not 1`)) })
      expect(r.length.dropped).toBe(fitted(r).length)
    }
  })

  it('writes the same resume as a Word document: the same decisions and length, a .docx name', async () => {
    const settings = { roleRef: 'catalog:data-analyst', length: '1' } as const
    const pdf = await demo.core.call('resume:preview', settings)
    const docx = await demo.core.call('resume:docx', settings)
    expect(docx.fileName).toBe('Maya Okafor - Data Analyst resume.docx')
    expect(docx.decisions).toEqual(pdf.decisions)
    expect(docx.length).toEqual(pdf.length)
    expect(Buffer.from(docx.docxBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK')
    const general = await demo.core.call('resume:docx', { length: 'auto' })
    expect(general).toMatchObject({ fileName: 'Maya Okafor resume.docx', length: { asked: 'auto', pages: 2, fits: true, dropped: 0 } })
  })
})

describe('report:render', () => {
  it('renders the gap report with the role title, missing essentials and a suggested plan', async () => {
    await seedPortfolio(p.core)
    const gap = await p.core.call('gap:analyze', { ref: 'catalog:data-analyst' })
    const missing = skillNamesOf(gap, gap.missingEssentials)
    expect(missing.length).toBeGreaterThan(0)
    const r = await p.core.call('report:render', { ref: 'catalog:data-analyst' })
    expect(r.fileName).toBe('Skills gap - Data Analyst.pdf')
    expect(r.title).toBe('Skills gap: Data Analyst — Ada Lovelace')
    const x = await extractPdf(pdfBytes(r.pdfBase64))
    expect(x.pages).toHaveLength(r.pageCount)
    const text = squash(x.text)
    expectInOrder(text, ['SKILLS GAP REPORT', 'Data Analyst', 'Prepared for Ada Lovelace', 'Essential skills without evidence', missing[0]!])
    for (const name of missing) expect(text).toContain(name)
    expect(text).toContain('Learning plan: suggested at 5 hours a week')
  })

  it('includes a saved plan of the role, and refuses one of another role', async () => {
    await seedPortfolio(p.core)
    const plan = await p.core.call('plans:create', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 8, budget: null }, title: 'Analyst by spring' })
    const r = await p.core.call('report:render', { ref: 'catalog:data-analyst', planId: plan.id, pageSize: 'letter' })
    const x = await extractPdf(pdfBytes(r.pdfBase64))
    expect(Math.round(x.pages[0]!.width)).toBe(612)
    expect(squash(x.text)).toContain('Learning plan: Analyst by spring')
    const before = hashDb(p.dbPath)
    const other = await p.core.dispatch('report:render', { ref: 'catalog:data-engineer', planId: plan.id })
    expect(other).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'planId' }] } })
    expect(await p.core.dispatch('report:render', { ref: 'catalog:data-analyst', planId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('report:render', { ref: 'catalog:nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(hashDb(p.dbPath)).toBe(before)
  })
})

describe('text the fonts cannot show', () => {
  it('is named in words, with the script and where it is, when no font on the computer has it', async () => {
    const q = tempPortfolio({ fontDirs: [] })
    try {
      await q.core.call('profile:update', { fullName: '王小明', email: 'wang@example.org' })
      await q.core.call('experience:create', { organization: 'Analytical Engines Ltd', title: 'Programmer', startedOn: '2020-01-01' })
      const r = await q.core.call('resume:preview', {})
      expect(r.unprintable).toHaveLength(1)
      expect(r.unprintable[0]).toContain('王小明')
      expect(r.unprintable[0]).toContain('your name')
      expect(r.unprintable[0]).toContain('Chinese')
      // The rest of the resume is still written, and no empty box: a visible replacement mark.
      const text = squash((await extractPdf(pdfBytes(r.pdfBase64))).text)
      expect(text).toContain('Analytical Engines Ltd')
      expect(text).not.toContain('王小明')
    } finally {
      q.cleanup()
    }
  })

  it('is empty for a portfolio in scripts the bundled fonts cover', async () => {
    const q = tempPortfolio({ fontDirs: [] })
    try {
      await q.core.call('profile:update', { fullName: 'Zoë Ångström-Łukasiewicz', headline: 'Аналитик данных · Αναλυτής' })
      const r = await q.core.call('resume:preview', {})
      expect(r.unprintable).toEqual([])
    } finally {
      q.cleanup()
    }
  })
})
