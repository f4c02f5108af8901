/** `skillfolio share --out DIR ID…`: the verification bundle written to a folder. */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from './harness'

const FIXTURES = join(__dirname, '../fixtures/verify')
const OB3 = join(FIXTURES, 'ob3-eddsa-rdfc-2022.json')
const JWT = join(FIXTURES, 'vc-jwt-eddsa.jwt')

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function importSigned(): Promise<void> {
  const r = await p.run('import', OB3, JWT)
  expect(r.code, r.stderr).toBe(0)
  expect((await p.run('add', 'credential', '--title', '<b>Typed</b> by "hand"', '--kind', 'other')).code).toBe(0)
}

describe('skillfolio share', () => {
  it('writes the originals unchanged, the page, the presentation and the manifest, and says how to check them', async () => {
    await importSigned()
    const r = await p.run('share', '--out', 'bundle', 'cred-1', 'cred-2', 'cred-3')
    expect(r.code, r.stderr).toBe(0)
    const dir = join(p.dir, 'bundle')
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'manifest.json', 'originals', 'presentation.json'])
    expect(readdirSync(join(dir, 'originals')).sort()).toEqual(['cred-1-ob3-eddsa-rdfc-2022.json', 'cred-2-vc-jwt-eddsa.jwt'])
    expect(readFileSync(join(dir, 'originals/cred-1-ob3-eddsa-rdfc-2022.json')).equals(readFileSync(OB3))).toBe(true)
    expect(readFileSync(join(dir, 'originals/cred-2-vc-jwt-eddsa.jwt')).equals(readFileSync(JWT))).toBe(true)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] }
    expect(manifest.files).toHaveLength(4)
    for (const f of manifest.files) expect(sha256(readFileSync(join(dir, f.name)))).toBe(f.sha256)
    const html = readFileSync(join(dir, 'index.html'), 'utf8')
    expect(html).toContain('&lt;b&gt;Typed&lt;/b&gt; by &quot;hand&quot;')
    expect(html).toContain('Self-reported: no file to check.')
    expect(r.stdout).toContain('originals/cred-1-ob3-eddsa-rdfc-2022.json')
    expect(r.stdout).toContain('presentation.json wraps 2 verifiable credentials.')
    expect(r.stdout).toMatch(/not in it: <b>Typed<\/b> by "hand" \(cred-3\): Self-reported/)
    expect(r.stdout).toContain('sha256sum')
    // No leftover temporary files.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('refuses a folder that already holds files unless --force, and writes nothing then', async () => {
    await importSigned()
    const dir = join(p.dir, 'busy')
    mkdirSync(dir)
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    const refused = await p.run('share', '--out', 'busy', 'cred-1')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/not empty.*--force/)
    expect(readdirSync(dir)).toEqual(['notes.txt'])
    const forced = await p.run('share', '--out', 'busy', '--force', 'cred-1')
    expect(forced.code, forced.stderr).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'manifest.json', 'notes.txt', 'originals', 'presentation.json'])
  })

  it('is in the help, with its flags, and --json answers the files written', async () => {
    expect((await p.run('--help')).stdout).toMatch(/^ {2}share\s/m)
    const help = await p.run('share', '--help')
    expect(help.stdout).toContain('--out DIR')
    expect(help.stdout).toContain('--force')
    await importSigned()
    const r = await p.run('--json', 'share', '--out', 'b', 'cred-2')
    expect(r.code, r.stderr).toBe(0)
    const out = r.json<{ folder: string; files: { name: string; bytes: number }[]; summary: { inPresentation: number } }>()
    expect(out.folder).toBe(join(p.dir, 'b'))
    expect(out.files.map((f) => f.name)).toEqual(['originals/cred-2-vc-jwt-eddsa.jwt', 'index.html', 'presentation.json', 'manifest.json'])
    expect(out.summary.inPresentation).toBe(1)
  })

  it('names a word that is not an id, an unknown id and a missing --out in words', async () => {
    await importSigned()
    const notId = await p.run('share', '--out', 'x', 'cred-1', 'resume.pdf')
    expect(notId.code).toBe(2)
    expect(notId.stderr).toContain('resume.pdf is not a credential or project id')
    const unknown = await p.run('share', '--out', 'x', 'cred-99')
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toMatch(/cred-99|not found|no credential/i)
    expect(readdirSync(p.dir)).not.toContain('x')
    const noOut = await p.run('share', 'cred-1')
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toContain('--out DIR is required')
    const none = await p.run('share', '--out', 'x')
    expect(none.code).toBe(2)
  })
})
