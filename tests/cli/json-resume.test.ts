/** `skillfolio export --format json-resume` and `skillfolio import RESUME.json` (issue 12). */
import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { jsonResumeProblems } from '../../electron/core/exchange/schema'
import { portfoliosPerTest } from './harness'

const portfolio = portfoliosPerTest()
const schemaDir = dirname(createRequire(import.meta.url).resolve('@jsonresume/schema/package.json'))
const SAMPLE = join(schemaDir, 'sample.resume.json')

describe('skillfolio export --format json-resume', () => {
  it('writes the demo portfolio as a JSON Resume the schema accepts', async () => {
    const p = portfolio()
    expect((await p.run('demo')).code).toBe(0)
    const r = await p.run('export', '--format', 'json-resume', '--out', 'resume.json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Exported your portfolio as a JSON Resume to .*resume\.json: \d+ work entries/)
    const resume = JSON.parse(readFileSync(join(p.dir, 'resume.json'), 'utf8')) as { basics: { name: string } }
    expect(jsonResumeProblems(resume)).toEqual([])
    expect(resume.basics.name).toBe('Maya Okafor')
  })

  it('refuses a missing --out or an unknown format before touching the portfolio', async () => {
    const p = portfolio()
    const noOut = await p.run('export')
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toMatch(/--out FILE\.json is required/)
    const pdf = await p.run('export', '--format', 'pdf', '--out', 'x.pdf')
    expect(pdf.code).toBe(2)
    expect(pdf.stderr).toMatch(/--format must be one of: json-resume, skillfolio; got "?pdf/)
  })
})

describe('skillfolio import RESUME.json', () => {
  it('previews without --yes (nothing written), imports with --yes, and the re-export is identical', async () => {
    const source = portfolio()
    await source.run('demo')
    await source.run('export', '--out', 'resume.json')
    const file = join(source.dir, 'resume.json')

    const p = portfolio()
    const preview = await p.run('import', file)
    expect(preview.code).toBe(0)
    expect(preview.stdout).toMatch(/^JSON Resume /)
    expect(preview.stdout).toMatch(/\n {2}add +work +Data/)
    expect(preview.stdout).toMatch(/run the command again with --yes/)
    expect((await p.run('--json', 'list', 'credentials')).json<{ total: number }>().total).toBe(0)

    const done = await p.run('import', file, '--yes')
    expect(done.code).toBe(0)
    expect(done.stdout).toMatch(/Imported .*resume\.json: \d+ added, 0 already in your portfolio, 0 skipped\./)
    await p.run('export', '--out', 'again.json')
    expect(readFileSync(join(p.dir, 'again.json'), 'utf8')).toBe(readFileSync(file, 'utf8'))

    const second = await p.run('--json', 'import', file, '--yes')
    expect(second.json<{ counts: { added: number; skipped: number } }>().counts).toMatchObject({ added: 0, skipped: 0 })
  })

  it("imports the schema package's sample resume and says what has no place", async () => {
    const p = portfolio()
    const r = await p.run('import', SAMPLE, '-y')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/\n {2}added +work +CEO\/President at Pied Piper {2}\(exp-1\)/)
    expect(r.stdout).toMatch(/Not imported \(Skillfolio keeps it nowhere\):\n/)
    expect(r.stdout).toMatch(/ {2}volunteer: 1 entry/)
    const list = await p.run('list', 'skills')
    expect(list.stdout).toMatch(/English/)
  })

  it('previews an import into a portfolio without changing one byte of it', async () => {
    const p = portfolio()
    await p.run('demo')
    const hash = p.hash()
    const r = await p.run('import', SAMPLE)
    expect(r.stdout).toMatch(/11 to add, 0 already in your portfolio, 0 to skip\.\nNothing was imported yet/)
    expect(p.hash()).toBe(hash)
  })

  it('refuses an invalid JSON Resume with each problem and leaves the portfolio file untouched', async () => {
    const p = portfolio()
    await p.run('demo')
    const hash = p.hash()
    writeFileSync(join(p.dir, 'bad.json'), JSON.stringify({ basics: { name: 'X', email: 'nope' }, work: [{ name: 'Acme', startDate: 'last year' }] }))
    const r = await p.run('import', 'bad.json', '--yes')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/bad\.json is not a valid JSON Resume \(2 problems\); nothing was imported:/)
    expect(r.stderr).toMatch(/basics\.email: must be an email address/)
    expect(r.stderr).toMatch(/work\.0\.startDate: must be a date written as YYYY, YYYY-MM or YYYY-MM-DD/)
    expect(p.hash()).toBe(hash)
  })

  it('still sends badge .json files to the badge importer, and a resume must come on its own', async () => {
    const p = portfolio()
    const badge = join(p.dir, 'badge.json')
    writeFileSync(
      badge,
      JSON.stringify({
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id: 'urn:uuid:7d0c3a52-1f9e-4b0a-9d6e-3a2b1c0d9e8f',
        recipient: { type: 'email', hashed: false, identity: 'maya@example.org' },
        issuedOn: '2024-05-01T00:00:00Z',
        verification: { type: 'HostedBadge' },
        badge: { type: 'BadgeClass', name: 'SQL Basics', issuer: { type: 'Profile', name: 'Example Academy' } },
      }),
    )
    const r = await p.run('import', badge)
    expect(r.stdout).toMatch(/imported +badge\.json/)
    // The verdict is exported for reading, and an import says it does not take it on trust.
    await p.run('export', '--out', 'with-badge.json')
    const exported = JSON.parse(readFileSync(join(p.dir, 'with-badge.json'), 'utf8')) as { certificates: Array<{ name: string; 'x-skillfolio': { trust?: string; checkedAt?: string } }> }
    expect(exported.certificates[0]).toMatchObject({ name: 'SQL Basics', 'x-skillfolio': { trust: expect.any(String), checkedAt: expect.any(String) } })
    const other = portfolio()
    const moved = await other.run('import', join(p.dir, 'with-badge.json'), '--yes')
    expect(moved.stdout).toMatch(/verification verdicts of 1 credential: .* import the original badge files to check them again/)
    const both = await p.run('import', badge, SAMPLE)
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/is a JSON Resume: import it on its own/)
  })
})
