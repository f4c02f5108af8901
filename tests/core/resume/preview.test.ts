/** resume:preview and report:render against a real portfolio, read back with pdf.js. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { skillNamesOf } from '../../../electron/shared/analysis'
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
    expect(r.settings).toEqual({ roleRef: null, template: 'ats', pageSize: 'a4', fontScale: 'normal', showQr: false, expired: 'mark', pinned: [], hidden: [], order: [] })
    // Without a role: the most recent valid credential first, the expired one last and marked.
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
    const only = squash((await extractPdf(pdfBytes(pinnedExpired.pdfBase64))).text)
    expect(only).toContain('Legacy Cloud Certificate')
    expect(only).not.toContain('Analytical Engines Ltd')
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
