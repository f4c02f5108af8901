/**
 * Hostile text on the command line (issue 10). A portfolio that already holds escape sequences,
 * NUL, C1 controls and bidi overrides (written by an older version, an import or by hand, so put
 * in here with SQL) is listed, shown, searched, analysed and exported: no output, text or --json,
 * stdout or stderr, carries one of those characters raw; text shows them as visible escapes.
 * A badge whose name holds an escape sequence imports with the sequence taken out and a warning,
 * and its original file is kept byte for byte.
 */
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app'
import { createSearchIndex } from '../../electron/core/portfolio/search-index'
import type { Credential, CredentialSummary } from '../../electron/shared/schemas'
import type { ImportReport } from '../../electron/shared/imports'
import { NOW, tempPortfolio, type CliRun, type TempPortfolio } from './harness'
import { testLog } from '../helpers/core-log'

/** What no output may hold raw: C0 controls but newline, DEL, C1, line/paragraph separators, bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u

/** An OSC 52 clipboard write, a screen clear, NUL, an RLO "gnp.exe" trick, an isolate, an 8-bit CSI, NEL, CR, tab, LS. */
const HOSTILE = ' \u001b]52;c;aGFja2Vk\u0007\u001b[2J\u001b[H\u0000\u202Egnp.exe\u2066x\u2069\u009b31m\u0085\r\t\u2028end'

let p: TempPortfolio
let credentialIds: string[] = []
let projectId = ''
let skillId = ''
let roleRef = ''

/** Asserts that nothing in a run reaches the terminal raw, and answers the run. */
function clean(r: CliRun, what: string): CliRun {
  const raw = RAW.exec(r.stdout) ?? RAW.exec(r.stderr)
  expect(raw, `${what}: raw U+${raw?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} in ${JSON.stringify((r.stdout + r.stderr).slice(Math.max(0, (raw?.index ?? 0) - 40), (raw?.index ?? 0) + 40))}`).toBeNull()
  return r
}

async function run(...argv: string[]): Promise<CliRun> {
  return clean(await p.run(...argv), argv.join(' '))
}

beforeAll(async () => {
  p = tempPortfolio()
  expect((await p.run('demo')).code).toBe(0)
  // A custom role, a saved plan and a resume variant, made clean through the contract.
  const core = createCore({ dbPath: p.db, dataDir: p.dir, now: () => NOW, log: testLog })
  try {
    roleRef = (await core.call('roles:create', { title: 'Hostile role', description: 'Role description', skills: [{ name: 'SQL', weight: 1, essential: true }, { name: 'Python', weight: 0.5, essential: false }] })).ref
    await core.call('plans:create', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 5, employer: 'Acme' } })
    await core.call('resumes:create', { name: 'Acme', settings: { roleRef: 'catalog:data-analyst' }, sentTo: 'Acme Corp' })
  } finally {
    core.close()
  }
  // Then every text column a person or a file can fill gets the hostile suffix, as an older version might have stored it.
  const db = new Database(p.db)
  try {
    const h = HOSTILE
    db.prepare('UPDATE credential SET title = title || ?, provider = coalesce(provider, \'\') || ?, issuer_name = coalesce(issuer_name, \'\') || ?, credential_code = ?, description = coalesce(description, \'\') || ?, notes = ?').run(h, h, h, `ID${h}`, h, `Note${h}`)
    db.prepare("UPDATE project SET title = title || ?, role = ?, summary = coalesce(summary, '') || ?, outcomes = json_array('Outcome' || ?), links = json_array(json_object('label', 'Label' || ?, 'url', 'https://example.org/p'))").run(h, `Lead${h}`, h, h, h)
    db.prepare('UPDATE skill SET name = name || ?, description = ?').run(h, `Described${h}`)
    db.prepare('UPDATE skill_alias SET alias = alias || ?').run(h)
    db.prepare('UPDATE experience SET title = title || ?, organization = organization || ?, location = ?, description = coalesce(description, \'\') || ?').run(h, h, `Town${h}`, h)
    db.prepare('UPDATE education SET institution = institution || ?, degree = ?, field = ?, description = ?').run(h, `Degree${h}`, `Field${h}`, `About${h}`)
    db.prepare("UPDATE profile SET full_name = 'Maya' || ?, headline = 'Analyst' || ?, location = 'City' || ?, summary = 'Summary' || ?, links = json_array(json_object('label', 'Blog' || ?, 'url', 'https://example.org/b'))").run(h, h, h, h, h)
    db.prepare('UPDATE role SET title = title || ?, description = description || ?').run(h, h)
    db.prepare('UPDATE plan SET title = title || ?, employer = employer || ?').run(h, h)
    db.prepare('UPDATE plan_step SET title = title || ?, reason = reason || ?, notes = ?').run(h, h, `Step note${h}`)
    db.prepare('UPDATE resume_variants SET name = name || ?, sent_to = sent_to || ?').run(h, h)
    createSearchIndex(db).rebuild()
  } finally {
    db.close()
  }
  const list = (await p.run('--json', 'list', 'credentials', '--limit', '500')).json<{ items: CredentialSummary[] }>()
  credentialIds = list.items.map((c) => c.id)
  projectId = (await p.run('--json', 'list', 'projects')).json<{ items: Array<{ id: string }> }>().items[0]!.id
  skillId = (await p.run('--json', 'list', 'skills')).json<{ items: Array<{ id: string }> }>().items[0]!.id
}, 120_000)
afterAll(() => p.cleanup())

describe('a portfolio holding hostile text', () => {
  it('lists every entity with the characters escaped, text and --json', async () => {
    for (const entity of ['credentials', 'projects', 'skills', 'experience', 'education']) {
      const text = await run('list', entity)
      expect(text.code, entity).toBe(0)
      expect(text.stdout, entity).toContain('\\x1b]52;c;aGFja2Vk\\x07')
      // (Columns are cut, so the override may be past the cut; --json below has it.)
      const json = await run('--json', 'list', entity)
      expect(json.code).toBe(0)
      // The JSON still carries the stored text exactly: only its spelling is escaped.
      expect(JSON.stringify(json.json()), entity).toContain(JSON.stringify(HOSTILE).slice(1, -1))
      expect(json.stdout).toContain('\\u202e')
    }
  })

  it('shows every record: text and --json (which parses back to the stored value)', async () => {
    const records = [...credentialIds, projectId, skillId]
    for (const id of (await p.run('--json', 'list', 'experience')).json<Array<{ id: string }>>()) records.push(id.id)
    for (const id of (await p.run('--json', 'list', 'education')).json<Array<{ id: string }>>()) records.push(id.id)
    for (const id of records) {
      const text = await run('show', id)
      expect(text.code, id).toBe(0)
      expect(text.stdout, id).toContain('\\x1b')
      const json = await run('--json', 'show', id)
      expect(json.code, id).toBe(0)
    }
    const one = (await run('--json', 'show', credentialIds[0]!)).json<Credential>()
    expect(one.title.endsWith(HOSTILE)).toBe(true)
    expect(one.notes).toBe(`Note${HOSTILE}`)
  })

  it('searches, and prints titles and snippets escaped', async () => {
    for (const words of [['Note'], ['aGFja2Vk'], ['SQL'], ['gnp']]) {
      const r = await run('search', ...words)
      expect(r.code).toBe(0)
      await run('--json', 'search', ...words)
    }
    const notes = await run('search', 'Note')
    expect(notes.stdout).toMatch(/\d+ results for "Note"/)
    expect(notes.stdout).toContain('\\x1b')
    // A search text with a control character is refused, and the refusal quotes it escaped.
    const refused = await run('search', 'zzqx\u001b[2J')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('U+001B')
    expect(refused.stderr).not.toContain('\u001b')
  })

  it('analyses: roles, gap (with evidence), fit, plans, inferred evidence', async () => {
    const argvs = [
      ['roles'],
      ['roles', '--search', 'Hostile'],
      ['gap', '--role', 'Data Analyst'],
      ['gap', '--role', 'Data Analyst', '--evidence'],
      ['gap', '--role', roleRef, '--evidence'],
      ['fit'],
      ['plan', '--role', 'Data Analyst', '--hours-per-week', '5'],
      ['plan', '--role', roleRef, '--hours-per-week', '5', '--save'],
      ['evidence', 'inferred'],
    ]
    for (const argv of argvs) {
      const text = await run(...argv)
      expect(text.code, argv.join(' ')).toBe(0)
      await run('--json', ...argv)
    }
    expect((await run('gap', '--role', roleRef, '--evidence')).stdout).toContain('\\x1b')
    expect((await run('roles', '--search', 'Hostile')).stdout).toContain('Hostile role \\x1b]52;c;aGFja2Vk\\x07')
    expect((await run('show', skillId)).stdout).toContain('\\u202egnp.exe')
  })

  it('writes a resume for a role and prints its summary escaped; lists saved resumes; profile', async () => {
    const r = await run('resume', '--role', 'Data Analyst', '--out', 'tailored.pdf')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('\\x1b')
    await run('--json', 'resume', '--role', 'Data Analyst', '--out', 'tailored.pdf')
    const general = await run('resume', '--variant', '1', '--out', 'variant.pdf')
    expect(general.code).toBe(0)
    expect((await run('resumes')).stdout).toContain('\\x1b')
    await run('--json', 'resumes')
    expect((await run('profile')).stdout).toContain('Maya \\x1b]52')
    await run('--json', 'profile')
    await run('info')
  })

  it('errors that quote a stored or typed value escape it and quote at most 80 characters', async () => {
    // A clash with the stored (hostile) variant name: the core quotes it, the terminal gets escapes.
    const clash = await run('resumes', 'add', '--name', 'acme')
    expect(clash.code).toBe(1)
    expect(clash.stderr).toContain('\\x1b')
    const clashJson = await run('--json', 'resumes', 'add', '--name', 'acme')
    expect(clashJson.code).toBe(1)
    // Typed hostile values are refused before anything is written, and quoted escaped.
    const before = p.hash()
    const refused = await run('edit', credentialIds[0]!, '--title', `New\u001b]52;c;aGFja2Vk\u0007${'x'.repeat(200)}`)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(`skillfolio: --title: "New\\x1b]52;c;aGFja2Vk\\x07${'x'.repeat(80 - 19)}…" contains a control character (U+001B) at position 4\n`)
    const bidi = await run('add', 'skill', '--name', 'Ada\u202Efdp.exe')
    expect(bidi.stderr).toBe('skillfolio: --name: "Ada\\u202efdp.exe" contains a bidirectional override (U+202E) at position 4\n')
    const nul = await run('--json', 'add', 'credential', '--title', 'A\u0000B', '--kind', 'badge')
    expect(nul.code).toBe(2)
    expect(JSON.parse(nul.stdout)).toMatchObject({ error: { code: 'BAD_INPUT', issues: [{ path: 'title', flag: '--title', message: '--title: "A\\x00B" contains a NUL character (U+0000) at position 2' }] } })
    // `profile set` sends the whole profile: the stored hostile fields are refused too, and counted.
    const newline = await run('profile', 'set', '--name', 'Two\nlines')
    expect(newline.stderr).toMatch(/^skillfolio: --name: "Two\\nlines" contains a line break \(U\+000A\) at position 4; this field takes one line \(and \d+ more problems\)\n$/)
    // Usage errors quote what was typed, escaped and cut.
    for (const argv of [[`\u001b[2J${'c'.repeat(300)}`], ['list', `--\u001b[2J`], ['show', `cred-1\u202E`], ['search', 'x', '--limit', `\u001b]52;c;x\u0007`], ['import', '--undo', `\u001b[2J`]]) {
      const r = await run(...argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr.length).toBeLessThan(400)
    }
    expect(p.hash()).toBe(before)
  })
})

describe('importing a badge whose name holds control characters', () => {
  it('imports it with the characters taken out and a warning, keeps the original file, and reports the file name escaped', async () => {
    const badge = {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'urn:uuid:4d1c1f9e-hostile',
      recipient: { type: 'email', hashed: false, identity: 'maya@example.org' },
      issuedOn: '2024-05-01T00:00:00Z',
      verification: { type: 'HostedBadge' },
      badge: {
        type: 'BadgeClass',
        name: 'Evil\u001b]52;c;aGFja2Vk\u0007 Badge\u202E\u0000',
        description: 'Line one\r\n\u001b[2JLine two\u2066',
        issuer: { type: 'Profile', name: 'Example\u009b31m Academy' },
        alignment: [{ targetName: 'SQL\u0000' }, { targetName: 'Data\tanalysis' }],
      },
    }
    const bytes = Buffer.from(JSON.stringify(badge))
    const file = join(p.dir, 'evil\u001b[31m\u202Egnp.json')
    writeFileSync(file, bytes)

    const r = await run('import', file)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/imported\s+evil\\x1b\[31m\\u202egnp\.json\s+Evil Badge\s+\(cred-\d+\)/)
    expect(r.stdout).toContain('note: ')
    expect(r.stdout).toContain('The title held control or text-direction characters')
    const json = (await run('--json', 'import', file)).json<ImportReport>()
    expect(json.items[0]).toMatchObject({ outcome: 'duplicate', fileName: 'evil\u001b[31m\u202Egnp.json' })

    const id = /\((cred-\d+)\)/.exec(r.stdout)![1]!
    const c = (await run('--json', 'show', id)).json<Credential>()
    expect(c).toMatchObject({ title: 'Evil Badge', issuerName: 'Example31m Academy', description: 'Line one\nLine two' })
    // "SQL\u0000" is the portfolio's SQL skill; "Data\tanalysis" is "Data analysis".
    expect(c.skills.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^SQL/), expect.stringMatching(/^Data analysis/)]))
    expect(c.source!.warnings.join('\n')).toMatch(/skill names held control or text-direction characters/)
    expect(c.source!.warnings.join('\n')).toMatch(/title held control or text-direction characters .*original file is kept unchanged/)
    // The original file is stored byte for byte.
    const sha = createHash('sha256').update(bytes).digest('hex')
    expect(c.evidence.map((e) => e.sha256)).toContain(sha)
    const db = new Database(p.db, { readonly: true })
    try {
      expect((db.prepare('SELECT bytes FROM original_blob WHERE sha256 = ?').pluck().get(sha) as Buffer).equals(bytes)).toBe(true)
    } finally {
      db.close()
    }
    expect((await run('show', id)).stdout).toContain('Evil Badge')
  })

  it('a file that fails to import is reported with its name escaped', async () => {
    const file = join(p.dir, 'not a badge \u001b]52;c;aGFja2Vk\u0007.txt')
    writeFileSync(file, 'just some notes')
    const r = await run('import', file)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/FAILED\s+not a badge \\x1b\]52;c;aGF/)
    await run('--json', 'import', file)
  })
})

describe('the trust list, tag review and settings with hostile text', () => {
  it('refuses a hostile pin label, cleans hostile registry names, and prints every list escaped', async () => {
    const registry = join(p.dir, 'registry.json')
    writeFileSync(
      registry,
      JSON.stringify({
        meta: { name: `Registry${HOSTILE}` },
        registry: { 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK': { name: `Example University${HOSTILE}`, url: 'https://example.edu', location: `Boston${HOSTILE}` } },
      }),
    )
    const imported = await run('issuers', 'import-registry', registry)
    expect(imported.code).toBe(0)
    expect(imported.stdout).not.toContain('aGFja2Vk\u0007')
    await run('--json', 'issuers', 'import-registry', registry)
    const listed = await run('issuers')
    expect(listed.stdout).toMatch(/Issuer registries[\s\S]*Registry/)
    await run('--json', 'issuers')
    // A label is typed text: the one text rule refuses it, quoting it escaped.
    const refused = await run('issuers', 'pin', '--issuer', 'https://example.edu/i', '--key', 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', '--label', `Label${HOSTILE}`)
    expect(refused.code).toBe(2)
    const pinned = await run('issuers', 'pin', '--issuer', `https://example.edu/i${HOSTILE}`, '--key', 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')
    expect(pinned.code).not.toBe(0) // an issuer id is text too
    await run('issuers', 'remove-registry', `Registry${HOSTILE}`)
  })

  it('prints tag review and settings escaped', async () => {
    await run('tags')
    await run('--json', 'tags')
    await run('settings')
    await run('--json', 'settings')
  })
})
