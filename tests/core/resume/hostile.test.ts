/**
 * Hostile and huge input to the resume channels: every refused call answers a specific error and
 * leaves the portfolio file byte-identical; accepted odd input renders a bounded PDF.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countPdfPages, safePdfFileName } from '../../../electron/core/resume'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { hashDb, pdfBytes, seedPortfolio } from './helpers'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('resume:preview with hostile choices', () => {
  it('renders with unknown, duplicate and wrong-kind ids, and 2000 of each; refuses 2001 without writing', async () => {
    const s = await seedPortfolio(p.core)
    const n = (id: string) => id.replace(/^\D+-/, '')
    const plain = await p.core.call('resume:preview', {})
    const many = Array.from({ length: 2000 }, (_, i) => `cred-${i + 1000}`)
    const odd = await p.core.call('resume:preview', {
      pinned: ['cred-999999', `proj-${n(s.db.id)}`, `exp-${n(s.db.id)}`, ...many.slice(3)],
      hidden: many,
      order: [s.py.id, s.py.id, ...many.slice(2)],
    })
    expect(odd.pageCount).toBe(plain.pageCount)
    expect(odd.decisions.map((d) => d.id).sort()).toEqual(plain.decisions.map((d) => d.id).sort())
    // The same id pinned and hidden: hidden wins, and it is said so.
    const both = await p.core.call('resume:preview', { pinned: [s.db.id], hidden: [s.db.id] })
    expect(both.decisions.find((d) => d.id === s.db.id)).toMatchObject({ included: false, reason: 'hidden by you' })

    const before = hashDb(p.dbPath)
    const tooMany = await p.core.dispatch('resume:preview', { pinned: [...many, 'cred-1'] })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'pinned: must be at most 2000 items' } })
    expect(await p.core.dispatch('resume:preview', { hidden: ['cred-0', 'person-1', 'cred-1; DROP TABLE credentials'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(hashDb(p.dbPath)).toBe(before)
  })

  it('stays fast and bounded for a 500-credential portfolio', async () => {
    await p.core.call('profile:update', { fullName: 'Ada Lovelace' })
    for (let i = 0; i < 500; i++)
      await p.core.call('credentials:create', { title: `Course ${i} ${'x'.repeat(150)}`, kind: 'platform', earnedOn: '2024-01-01', skills: [{ name: `Skill ${i % 40}` }, { name: 'SQL' }] })
    const started = Date.now()
    const r = await p.core.call('resume:preview', { roleRef: 'catalog:data-analyst' })
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(r.decisions.filter((d) => d.kind === 'credential')).toHaveLength(500)
    expect(r.decisions.filter((d) => d.kind === 'credential' && d.included).length).toBeLessThanOrEqual(20)
    expect(r.pageCount).toBeLessThanOrEqual(4)
  }, 60_000)
})

describe('page counts', () => {
  it('are not inflated by "/Type /Page" in a person, role or plan title', async () => {
    const role = await p.core.call('roles:create', { title: 'Analyst', skills: [{ name: 'SQL', weight: 1, essential: true }] })
    const normal = await p.core.call('report:render', { ref: role.ref })
    await p.core.call('profile:update', { fullName: '/Type /Page /Type /Page' })
    await p.core.call('roles:update', { ref: role.ref, patch: { title: '/Type /Page /Type /Page' } })
    const hostile = await p.core.call('report:render', { ref: role.ref })
    expect(hostile.title).toContain('/Type /Page')
    expect(hostile.pageCount).toBe(normal.pageCount)
    const resume = await p.core.call('resume:preview', {})
    expect(countPdfPages(pdfBytes(resume.pdfBase64))).toBe(resume.pageCount)
  })
})

describe('variant names', () => {
  it('refuses control and invisible characters (create and rename), changing nothing', async () => {
    const ok = await p.core.call('resumes:create', { name: 'Acme 👩‍💻', settings: {} })
    expect(ok.name).toBe('Acme 👩‍💻')
    const before = hashDb(p.dbPath)
    // Controls and bidi controls are refused by the text rule every field shares (shared/text-rules.ts);
    // zero-width marks by the variant store's own stricter check.
    const invisible = 'must not contain control or invisible characters'
    const cases: Array<[string, string]> = [
      ['a\u0000b', 'contains a NUL character (U+0000) at position 2'],
      ['two\nlines', 'contains a line break (U+000A) at position 4; this field takes one line'],
      ['Ac\u200Bme', invisible],
      ['\u200B', invisible],
      ['Ada\u202Efdp.exe', 'contains a bidirectional override (U+202E) at position 4'],
      ['x\u2066y', 'contains a bidirectional isolate (U+2066) at position 2'],
    ]
    for (const [name, message] of cases) {
      const created = await p.core.dispatch('resumes:create', { name, settings: {} })
      expect(created).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'name', message }] } })
      expect(await p.core.dispatch('resumes:update', { id: ok.id, patch: { name } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(hashDb(p.dbPath)).toBe(before)
  })

  it('a rename keeps settings it cannot read as they are stored, instead of writing defaults over them', async () => {
    const v = await p.core.call('resumes:create', { name: 'Acme', settings: { roleRef: 'catalog:data-analyst', template: 'two-column' } })
    const corrupt = '{"template":"fancy","pinned":["cred-1"],"roleRef":"catalog:data-analyst"}'
    p.core.db.prepare('UPDATE resume_variants SET settings = ? WHERE id = ?').run(corrupt, v.id)
    const renamed = await p.core.call('resumes:update', { id: v.id, patch: { name: 'Acme 2', sentTo: 'Acme' } })
    expect(renamed).toMatchObject({ name: 'Acme 2', sentTo: 'Acme', settings: { roleRef: 'catalog:data-analyst', template: 'ats', pinned: ['cred-1'] } })
    const row = p.core.db.prepare('SELECT settings, role_ref FROM resume_variants WHERE id = ?').get(v.id)
    expect(row).toEqual({ settings: corrupt, role_ref: 'catalog:data-analyst' })
    // New settings do replace it.
    await p.core.call('resumes:update', { id: v.id, patch: { settings: { template: 'two-column' } } })
    expect(p.core.db.prepare('SELECT role_ref FROM resume_variants WHERE id = ?').get(v.id)).toEqual({ role_ref: null })
  })

  it('reads a damaged or newer row field by field, and takes a missing role from the role column', async () => {
    const v = await p.core.call('resumes:create', { name: 'Acme', settings: { roleRef: 'catalog:data-analyst' } })
    const set = (json: string) => p.core.db.prepare('UPDATE resume_variants SET settings = ? WHERE id = ?').run(json, v.id)
    set('{"template":"two-column","pinned":["cred-1","bogus"],"hidden":["proj-2"],"showQr":"yes","futureKey":{"a":1}}')
    expect((await p.core.call('resumes:get', { id: v.id })).settings).toMatchObject({ roleRef: 'catalog:data-analyst', template: 'two-column', pinned: [], hidden: ['proj-2'], showQr: false })
    set('{}')
    expect(await p.core.call('resumes:get', { id: v.id })).toMatchObject({ roleTitle: 'Data Analyst', settings: { roleRef: 'catalog:data-analyst', template: 'ats' } })
    set('null')
    expect((await p.core.call('resumes:get', { id: v.id })).settings.roleRef).toBe('catalog:data-analyst')
    // A role the column names that is not a valid reference any more is dropped, not thrown.
    p.core.db.prepare("UPDATE resume_variants SET role_ref = 'catalog:' WHERE id = ?").run(v.id)
    expect(await p.core.call('resumes:list', {})).toMatchObject([{ id: v.id, roleTitle: null, settings: { roleRef: null } }])
  })

  it('two creates with one name at once: one is saved, the other answers CONFLICT', async () => {
    const [a, b] = await Promise.all([
      p.core.dispatch('resumes:create', { name: 'Acme', settings: {} }),
      p.core.dispatch('resumes:create', { name: ' acme ', settings: {} }),
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    expect((a.ok ? b : a)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await p.core.call('resumes:list', {})).toHaveLength(1)
  })

  it('deletes once, then answers NOT_FOUND without writing', async () => {
    const v = await p.core.call('resumes:create', { name: 'Acme', settings: {} })
    await p.core.call('resumes:delete', { id: v.id })
    const before = hashDb(p.dbPath)
    expect(await p.core.dispatch('resumes:delete', { id: v.id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `There is no saved resume ${v.id}.` } })
    expect(hashDb(p.dbPath)).toBe(before)
  })
})

describe('safePdfFileName with hostile names', () => {
  it('drops bidi overrides and zero-width marks, keeps emoji sequences whole', () => {
    expect(safePdfFileName('Ada\u202Efdp.exe')).toBe('Adafdp.exe.pdf')
    expect(safePdfFileName('\u2066\u200B\uFEFF', 'Resume')).toBe('Resume.pdf')
    expect(safePdfFileName('Dev 👩‍💻')).toBe('Dev 👩‍💻.pdf')
  })

  it('stays within 240 bytes of UTF-8 (Linux and macOS allow 255), without half a character', () => {
    for (const base of ['😀'.repeat(200), '漢'.repeat(200), 'é'.repeat(300)]) {
      const name = safePdfFileName(base)
      expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(240)
      expect(name).toMatch(/^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])+$/)
      expect(name.endsWith('.pdf')).toBe(true)
    }
    expect(safePdfFileName('x\uD800y')).toBe('x y.pdf')
  })

  it('guards a reserved device name followed by a dot', () => {
    expect(safePdfFileName('CON.resume')).toBe('CON file.resume.pdf')
    expect(safePdfFileName('nul . x')).toBe('nul file. x.pdf')
    expect(safePdfFileName('Connor')).toBe('Connor.pdf')
  })
})
