/**
 * Hostile text (issue 10): every channel that stores text refuses terminal escape sequences, NUL,
 * C1 controls and bidirectional overrides and isolates, in every text field, with BAD_INPUT naming
 * the field, the character and its position, and leaves the portfolio file byte-identical. Line
 * breaks and tabs are taken only by long text. One rule for every entity: shared/text-rules.ts.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel } from '../../electron/shared/contract'
import { cleanImportedText, escapeControls, quote, textProblem } from '../../electron/shared/text-rules'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

/** The hostile values, each with the character and the 1-based position the refusal must name. */
const HOSTILE: Array<{ what: string; value: string; message: string }> = [
  { what: 'an OSC 52 clipboard write', value: 'Intro \u001b]52;c;aGFja2Vk\u0007 end', message: 'contains a control character (U+001B) at position 7' },
  { what: 'a screen clear', value: '\u001b[2J\u001b[HIntro', message: 'contains a control character (U+001B) at position 1' },
  { what: 'a NUL', value: 'Intro\u0000end', message: 'contains a NUL character (U+0000) at position 6' },
  { what: 'a right-to-left override', value: 'Ada\u202Efdp.exe', message: 'contains a bidirectional override (U+202E) at position 4' },
  { what: 'a left-to-right isolate', value: 'x\u2066y\u2069', message: 'contains a bidirectional isolate (U+2066) at position 2' },
  { what: 'a C1 CSI', value: 'a\u009b2J', message: 'contains a control character (U+009B) at position 2' },
  { what: 'a DEL', value: 'ab\u007f', message: 'contains a control character (U+007F) at position 3' },
  { what: 'an embedding after an emoji', value: '👩‍💻\u202Bx', message: 'contains a bidirectional embedding (U+202B) at position 4' },
]

let p: TempPortfolio
const ids = { credential: '', project: '', skill: '', experience: '', education: '', role: '', step: 0, variant: 0 }

/** SHA-256 over the database file and its WAL: everything SQLite would read. */
function fileHash(): string {
  const h = createHash('sha256')
  for (const file of [p.dbPath, `${p.dbPath}-wal`]) h.update(existsSync(file) ? readFileSync(file) : Buffer.from('<none>'))
  return h.digest('hex')
}

/** Every row of every table (sorted): unchanged content even if SQLite rewrote a page. */
function contentHash(): string {
  const h = createHash('sha256')
  const tables = p.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  for (const table of tables) {
    const rows = (p.core.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort()
    h.update(`${table}:${rows.length}:${rows.join('\n')}`)
  }
  return h.digest('hex')
}

beforeAll(async () => {
  p = tempPortfolio()
  const c = p.core
  ids.credential = (await c.call('credentials:create', { title: 'SQL Basics', kind: 'platform', skills: [{ name: 'SQL' }] })).id
  ids.project = (await c.call('projects:create', { title: 'Sales dashboard' })).id
  ids.skill = (await c.call('skills:create', { name: 'Tableau' })).id
  ids.experience = (await c.call('experience:create', { organization: 'Acme', title: 'Analyst' })).id
  ids.education = (await c.call('education:create', { institution: 'Open University' })).id
  ids.role = (await c.call('roles:create', { title: 'Analyst', skills: [{ name: 'SQL', weight: 1, essential: true }] })).ref
  const plan = await c.call('plans:create', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 10 } })
  ids.step = plan.steps[0]!.id
  ids.variant = (await c.call('resumes:create', { name: 'Acme', settings: {} })).id
})
afterAll(() => p.cleanup())

interface Field {
  /** The issue path the refusal must name. */
  path: string
  /** Long text: takes line breaks and tabs. */
  multiline?: boolean
  input: (value: string) => unknown
}
type Cases = Array<[Channel, Field[]]>

const cases = (): Cases => [
  [
    'credentials:create',
    [
      ...['title', 'provider', 'issuerName', 'credentialCode'].map((f) => ({ path: f, input: (v: string) => ({ title: 'T', kind: 'badge', [f]: v }) })),
      ...['description', 'notes'].map((f) => ({ path: f, multiline: true, input: (v: string) => ({ title: 'T', kind: 'badge', [f]: v }) })),
      { path: 'issuerUrl', input: (v) => ({ title: 'T', kind: 'badge', issuerUrl: `https://example.org/${v}` }) },
      { path: 'verificationUrl', input: (v) => ({ title: 'T', kind: 'badge', verificationUrl: `https://example.org/${v}` }) },
      { path: 'skills.0.name', input: (v) => ({ title: 'T', kind: 'badge', skills: [{ name: v }] }) },
    ],
  ],
  [
    'credentials:update',
    [
      { path: 'patch.title', input: (v) => ({ id: ids.credential, patch: { title: v } }) },
      { path: 'patch.issuerName', input: (v) => ({ id: ids.credential, patch: { issuerName: v } }) },
      { path: 'patch.notes', multiline: true, input: (v) => ({ id: ids.credential, patch: { notes: v } }) },
    ],
  ],
  [
    'projects:create',
    [
      { path: 'title', input: (v) => ({ title: v }) },
      { path: 'role', input: (v) => ({ title: 'P', role: v }) },
      { path: 'summary', multiline: true, input: (v) => ({ title: 'P', summary: v }) },
      { path: 'outcomes.0', input: (v) => ({ title: 'P', outcomes: [v] }) },
      { path: 'links.0.label', input: (v) => ({ title: 'P', links: [{ label: v, url: 'https://example.org' }] }) },
      { path: 'links.0.url', input: (v) => ({ title: 'P', links: [{ url: `https://example.org/${v}` }] }) },
      { path: 'skills.0.name', input: (v) => ({ title: 'P', skills: [{ name: v }] }) },
    ],
  ],
  ['projects:update', [{ path: 'patch.title', input: (v) => ({ id: ids.project, patch: { title: v } }) }]],
  [
    'skills:create',
    [
      { path: 'name', input: (v) => ({ name: v }) },
      { path: 'aliases.0', input: (v) => ({ name: 'S', aliases: [v] }) },
      { path: 'description', multiline: true, input: (v) => ({ name: 'S', description: v }) },
    ],
  ],
  ['skills:update', [{ path: 'patch.name', input: (v) => ({ id: ids.skill, patch: { name: v } }) }]],
  [
    'profile:update',
    [
      ...['fullName', 'headline', 'phone', 'location'].map((f) => ({ path: f, input: (v: string) => ({ [f]: v }) })),
      { path: 'email', input: (v) => ({ email: `a${v}@example.org` }) },
      { path: 'website', input: (v) => ({ website: `https://example.org/${v}` }) },
      { path: 'links.0.label', input: (v) => ({ links: [{ label: v, url: 'https://example.org' }] }) },
      { path: 'summary', multiline: true, input: (v) => ({ summary: v }) },
    ],
  ],
  [
    'experience:create',
    [
      { path: 'organization', input: (v) => ({ organization: v, title: 'Analyst' }) },
      { path: 'title', input: (v) => ({ organization: 'Acme', title: v }) },
      { path: 'location', input: (v) => ({ organization: 'Acme', title: 'Analyst', location: v }) },
      { path: 'description', multiline: true, input: (v) => ({ organization: 'Acme', title: 'Analyst', description: v }) },
      { path: 'skills.0.name', input: (v) => ({ organization: 'Acme', title: 'Analyst', skills: [{ name: v }] }) },
    ],
  ],
  ['experience:update', [{ path: 'patch.title', input: (v) => ({ id: ids.experience, patch: { title: v } }) }]],
  [
    'education:create',
    [
      { path: 'institution', input: (v) => ({ institution: v }) },
      { path: 'degree', input: (v) => ({ institution: 'U', degree: v }) },
      { path: 'field', input: (v) => ({ institution: 'U', field: v }) },
      { path: 'description', multiline: true, input: (v) => ({ institution: 'U', description: v }) },
    ],
  ],
  ['education:update', [{ path: 'patch.institution', input: (v) => ({ id: ids.education, patch: { institution: v } }) }]],
  [
    'roles:create',
    [
      { path: 'title', input: (v) => ({ title: v, skills: [{ name: 'SQL', weight: 1, essential: true }] }) },
      { path: 'description', multiline: true, input: (v) => ({ title: 'R', description: v, skills: [{ name: 'SQL', weight: 1, essential: true }] }) },
      { path: 'postingText', multiline: true, input: (v) => ({ title: 'R', source: 'posting', postingText: v, skills: [{ name: 'SQL', weight: 1, essential: true }] }) },
      { path: 'skills.0.name', input: (v) => ({ title: 'R', skills: [{ name: v, weight: 1, essential: true }] }) },
    ],
  ],
  ['roles:update', [{ path: 'patch.title', input: (v) => ({ ref: ids.role, patch: { title: v } }) }]],
  ['plans:create', [{ path: 'constraints.employer', input: (v) => ({ ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 10, employer: v } }) }]],
  [
    'plans:updateStep',
    [
      { path: 'patch.title', input: (v) => ({ stepId: ids.step, patch: { title: v } }) },
      { path: 'patch.reason', input: (v) => ({ stepId: ids.step, patch: { reason: v } }) },
      { path: 'patch.notes', multiline: true, input: (v) => ({ stepId: ids.step, patch: { notes: v } }) },
      { path: 'patch.skills.0.name', input: (v) => ({ stepId: ids.step, patch: { skills: [{ key: 'sql', name: v }] } }) },
    ],
  ],
  [
    'resumes:create',
    [
      { path: 'name', input: (v) => ({ name: v, settings: {} }) },
      { path: 'sentTo', input: (v) => ({ name: 'Other', settings: {}, sentTo: v }) },
    ],
  ],
  [
    'resumes:update',
    [
      { path: 'patch.name', input: (v) => ({ id: ids.variant, patch: { name: v } }) },
      { path: 'patch.sentTo', input: (v) => ({ id: ids.variant, patch: { sentTo: v } }) },
    ],
  ],
  ['credentials:list', [{ path: 'text', input: (v) => ({ text: v }) }]],
  ['projects:list', [{ path: 'text', input: (v) => ({ text: v }) }]],
  ['skills:list', [{ path: 'text', input: (v) => ({ text: v }) }]],
]

/** Where the hostile value lands inside what is sent: the prefix shifts the position named. */
function expectedMessage(field: Field, hostile: (typeof HOSTILE)[number]): string {
  const shift = /url$|website$/i.test(field.path) ? 'https://example.org/'.length : field.path === 'email' ? 1 : 0
  if (!shift) return hostile.message
  return hostile.message.replace(/position (\d+)/, (_m, n: string) => `position ${Number(n) + shift}`)
}

describe('every text field of every entity refuses hostile text', () => {
  it.each(cases().map(([channel, fields]) => [channel, fields] as const))('%s', async (channel, fields) => {
    const beforeFile = fileHash()
    const beforeContent = contentHash()
    for (const field of fields) {
      for (const hostile of HOSTILE) {
        const result = await p.core.dispatch(channel, field.input(hostile.value))
        const message = expectedMessage(field, hostile)
        expect(result, `${channel} ${field.path} with ${hostile.what}`).toMatchObject({
          ok: false,
          error: { code: 'BAD_INPUT', message: `${field.path}: ${message}` },
        })
        if (!result.ok) expect(result.error.issues?.[0]).toEqual({ path: field.path, message })
      }
    }
    expect(contentHash()).toBe(beforeContent)
    expect(fileHash()).toBe(beforeFile)
  })
})

describe('line breaks and tabs', () => {
  it('are refused in one-line fields, naming the character', async () => {
    const before = fileHash()
    for (const [channel, fields] of cases())
      for (const field of fields.filter((f) => !f.multiline && !/url$|website$|email$/i.test(f.path))) {
        for (const [value, message] of [
          ['two\nlines', 'contains a line break (U+000A) at position 4; this field takes one line'],
          ['carriage\rreturn', 'contains a line break (U+000D) at position 9; this field takes one line'],
          ['tab\there', 'contains a tab (U+0009) at position 4; this field takes one line'],
          ['line\u2028separator', 'contains a line separator (U+2028) at position 5; this field takes one line'],
        ] as const) {
          const result = await p.core.dispatch(channel, field.input(value))
          expect(result, `${channel} ${field.path} with ${JSON.stringify(value)}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: field.path, message }] } })
        }
      }
    expect(fileHash()).toBe(before)
  })

  it('are kept in long text, stored as LF', async () => {
    const text = 'First line\r\nSecond\tline\rThird\u2028Fourth'
    const stored = 'First line\nSecond\tline\nThird\nFourth'
    const cred = await p.core.call('credentials:create', { title: 'Long text', kind: 'badge', description: text, notes: text })
    expect(cred).toMatchObject({ description: stored, notes: stored })
    expect((await p.core.call('projects:update', { id: ids.project, patch: { summary: text } })).summary).toBe(stored)
    expect((await p.core.call('skills:update', { id: ids.skill, patch: { description: text } })).description).toBe(stored)
    expect((await p.core.call('profile:update', { summary: text })).summary).toBe(stored)
    expect((await p.core.call('experience:update', { id: ids.experience, patch: { description: text } })).description).toBe(stored)
    expect((await p.core.call('education:update', { id: ids.education, patch: { description: text } })).description).toBe(stored)
    expect((await p.core.call('roles:update', { ref: ids.role as `custom:${number}`, patch: { description: text, postingText: text } })).postingText).toBe(stored)
    const plan = await p.core.call('plans:updateStep', { stepId: ids.step, patch: { notes: text } })
    expect(plan.steps.find((s) => s.id === ids.step)!.notes).toBe(stored)
  })
})

describe('what the rule allows', () => {
  it('keeps direction marks (LRM, RLM, ALM), ZWJ and right-to-left text', async () => {
    const title = 'دورة \u200Fبايثون\u200E (2024) 👩‍💻 \u061C'
    const cred = await p.core.call('credentials:create', { title, kind: 'badge', issuerName: 'מכללה\u200F' })
    expect(cred.title).toBe(title)
    expect(cred.issuerName).toBe('מכללה\u200F')
  })

  it('reports only the first refused character, and one issue per field', async () => {
    const r = await p.core.dispatch('credentials:create', { title: `\u202E${'x'.repeat(400)}\u001b`, kind: 'badge' })
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'title: contains a bidirectional override (U+202E) at position 1' } })
  })
})

describe('imports', () => {
  it('refuse a path with NUL, and take the control characters out of a file name sent with its contents', async () => {
    const nul = await p.core.dispatch('import:start', { sources: [{ path: '/tmp/a\u0000b.json' }] })
    expect(nul).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'sources.0.path', message: 'contains a NUL character (U+0000)' }] } })
    const base64 = Buffer.from('{ "not": "a badge" }').toString('base64')
    const { batchId } = await p.core.call('import:start', { sources: [{ name: 'evil\u001b]52;c;eA==\u0007\u202Egnp.json', base64 }] })
    const report = await p.core.call('import:status', { batchId, waitMs: 10_000 })
    expect(report.items).toHaveLength(1)
    expect(report.items[0]!.fileName).toBe('evilgnp.json')
  })
})

describe('the shared helpers', () => {
  it('textProblem names the first refused character and its position in characters', () => {
    expect(textProblem('fine text')).toBeNull()
    expect(textProblem('two\nlines', true)).toBeNull()
    expect(textProblem('😀😀\u0007')).toMatchObject({ position: 3, codePoint: 7, message: 'contains a control character (U+0007) at position 3' })
  })

  it('quote shows at most 80 characters, one line, with controls escaped', () => {
    expect(quote('plain')).toBe('"plain"')
    expect(quote('a"b\\c\nd\u001b[2J\u202E\u0000')).toBe('"a\\"b\\\\c\\nd\\x1b[2J\\u202e\\x00"')
    const long = quote(`${'x'.repeat(200)}\u001b`)
    expect(long).toBe(`"${'x'.repeat(80)}…"`)
  })

  it('escapeControls leaves nothing a terminal acts on', () => {
    const shown = escapeControls('a\u001b]52;c;eA==\u0007b\u009b2J\u202E\u2066\u2028\nnext\ttab\r')
    expect(shown).toBe('a\\x1b]52;c;eA==\\x07b\\x9b2J\\u202e\\u2066\\u2028\nnext\\x09tab\\x0d')
  })

  it('cleanImportedText removes whole escape sequences and counts what it removed', () => {
    expect(cleanImportedText('Intro\u001b[2J\u001b]52;c;QUJD\u0007 to SQL\u202E')).toEqual({ text: 'Intro to SQL', removed: 17 })
    expect(cleanImportedText('two\nlines\ttab')).toEqual({ text: 'two lines tab', removed: 2 })
    expect(cleanImportedText('two\r\nlines\ttab', true)).toEqual({ text: 'two\nlines\ttab', removed: 0 })
    expect(cleanImportedText('plain')).toEqual({ text: 'plain', removed: 0 })
    expect(cleanImportedText('a\u2028b\rc', true)).toEqual({ text: 'a\nb\nc', removed: 0 })
  })

  it('refuses exactly the characters the rule names, each alone and inside ordinary text (every code point)', () => {
    // The header of shared/text-rules.ts, written out: C0, DEL, C1, the separators, embeddings,
    // overrides and isolates; long text takes tabs, line breaks and the separators.
    const refusedOneLine = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
    const refusedLong = (cp: number) => refusedOneLine(cp) && ![0x09, 0x0a, 0x0d, 0x2028, 0x2029].includes(cp)
    const wrong: string[] = []
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 0x101) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const ch = String.fromCodePoint(cp)
      for (const [multiline, refused] of [[false, refusedOneLine(cp)], [true, refusedLong(cp)]] as const) {
        for (const value of [ch, `Intro ${ch} to SQL`]) {
          if ((textProblem(value, multiline) !== null) !== refused) wrong.push(`textProblem ${cp.toString(16)} multiline=${multiline}`)
          const cleaned = cleanImportedText(value, multiline)
          if ((cleaned.removed > 0) !== refused) wrong.push(`cleanImportedText ${cp.toString(16)} multiline=${multiline}`)
          if (!refused && cleaned.text !== (multiline ? value.replace(/[\r\u2028\u2029]/g, '\n') : value)) wrong.push(`cleanImportedText changed ${cp.toString(16)}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })
})
