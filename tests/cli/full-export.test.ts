/** `skillfolio export --format skillfolio --out FILE.zip` and `skillfolio import FILE.zip` of such an export (issue 12). */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { portfoliosPerTest, type TempPortfolio } from './harness'

const portfolio = portfoliosPerTest()
const SIGNED = join(__dirname, '../fixtures/verify/ob3-eddsa-rdfc-2022.json')

/** The demo portfolio plus a signed badge (with its original), exported to export.zip in its folder. */
async function exported(): Promise<{ p: TempPortfolio; zip: string }> {
  const p = portfolio()
  expect((await p.run('demo')).code).toBe(0)
  expect((await p.run('import', SIGNED)).code).toBe(0)
  const r = await p.run('export', '--format', 'skillfolio', '--out', 'export.zip')
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  expect(r.stdout).toMatch(/Exported your whole portfolio \(portfolio\.json and the original files\) to .*export\.zip/)
  return { p, zip: join(p.dir, 'export.zip') }
}

const contentOf = (file: string) => {
  const files = unzipSync(readFileSync(file))
  const doc = JSON.parse(strFromU8(files['portfolio.json']!)) as Record<string, unknown>
  delete doc.exportedAt
  const originals = Object.fromEntries(Object.entries(files).filter(([n]) => n.startsWith('originals/')))
  return { doc, originals, readme: files['README.txt'] }
}

describe('skillfolio export --format skillfolio / import of the export', () => {
  it('exports, imports into a new portfolio, and exports the same portfolio.json and originals again', async () => {
    const { zip } = await exported()
    const first = contentOf(zip)
    expect(first.readme).toBeDefined()
    expect(Object.keys(first.originals).length).toBeGreaterThan(0)

    const target = portfolio()
    const r = await target.run('import', zip)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Imported the Skillfolio export .*: \d+ credentials \(1 original file\), \d+ projects/)
    expect(r.stdout).toMatch(/as they were stored when the export was made/)

    expect((await target.run('export', '--format', 'skillfolio', '--out', 'again.zip')).code).toBe(0)
    const second = contentOf(join(target.dir, 'again.zip'))
    expect(second.doc).toEqual(first.doc)
    expect(second.originals).toEqual(first.originals)
  })

  it('refuses to import into a portfolio that has credentials, and changes nothing', async () => {
    const { p, zip } = await exported()
    const before = p.hash()
    const r = await p.run('import', zip)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/this portfolio already has \d+ credentials( \(and [^)]*\))?; import an export into a new, empty portfolio \(skillfolio --db new\.sqlite import …\)/i)
    expect(p.hash()).toBe(before)
  })

  it('refuses a tampered original and a truncated export, and the new portfolio stays empty', async () => {
    const { zip } = await exported()
    const target = portfolio()
    const files = unzipSync(readFileSync(zip))
    const name = Object.keys(files).find((n) => n.startsWith('originals/'))!
    files[name] = new Uint8Array([...files[name]!, 0x20])
    writeFileSync(join(target.dir, 'tampered.zip'), zipSync(files))
    const tampered = await target.run('import', 'tampered.zip')
    expect(tampered.code).not.toBe(0)
    expect(tampered.stderr).toContain(`${name}: its content does not match its SHA-256 name`)

    const bytes = readFileSync(zip)
    writeFileSync(join(target.dir, 'truncated.zip'), bytes.subarray(0, bytes.length - 200))
    const truncated = await target.run('import', 'truncated.zip')
    expect(truncated.code).not.toBe(0)
    expect(truncated.stderr).toMatch(/not a ZIP archive that can be read .*truncated or damaged/)

    for (const what of ['credentials', 'skills']) {
      const list = await target.run('list', what, '--json')
      expect(list.code).toBe(0)
      expect(list.json<{ total: number }>().total).toBe(0)
    }
  })

  it('refuses an export given with other files', async () => {
    const { zip } = await exported()
    const target = portfolio()
    copyFileSync(zip, join(target.dir, 'mine.zip'))
    const r = await target.run('import', 'mine.zip', SIGNED)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/is a Skillfolio export: import it on its own/)
  })
})
