/** `skillfolio import` of a LinkedIn data export, ZIP or unpacked folder (issue 12), with the made-up export in tests/fixtures/linkedin. */
import { describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { portfoliosPerTest, type TempPortfolio } from './harness'

const FIXTURE = join(__dirname, '../fixtures/linkedin')

const portfolio = portfoliosPerTest()

/** The export's files as LinkedIn writes them: UTF-8 with BOM and CRLF. */
const exportFiles = () =>
  readdirSync(FIXTURE)
    .filter((n) => n.endsWith('.csv'))
    .map((name) => ({ name, text: `\uFEFF${readFileSync(join(FIXTURE, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n')}` }))

/** Writes the export as LinkedIn's ZIP into the portfolio's folder; returns its path. */
function writeZip(p: TempPortfolio, name = 'Basic_LinkedInDataExport_12-01-2026.zip'): string {
  const file = join(p.dir, name)
  writeFileSync(file, zipSync(Object.fromEntries(exportFiles().map((f) => [f.name, strToU8(f.text)]))))
  return file
}

describe('skillfolio import LINKEDIN-EXPORT', () => {
  it('previews the ZIP without --yes (nothing written), imports it with --yes, and finds everything already there the second time', async () => {
    const p = portfolio()
    const zip = writeZip(p)
    const preview = await p.run('import', zip)
    expect(preview.stderr).toBe('')
    expect(preview.code).toBe(0)
    expect(preview.stdout).toMatch(/^LinkedIn export .*\.zip\n/)
    expect(preview.stdout).toMatch(/\n {2}add +Profile +Zoë Ångström\n/)
    expect(preview.stdout).toMatch(/\n {2}add +Positions +Senior Data Engineer at Müller GmbH {2}\(/)
    expect(preview.stdout).toMatch(/\n {2}add +Certifications +AWS Certified Solutions Architect – Associate {2}\(/)
    expect(preview.stdout).toMatch(/\n {2}add +Languages +Deutsch {2}\(/)
    expect(preview.stdout).toMatch(/ {2}Honors\.csv: Skillfolio has no place for it/)
    expect(preview.stdout).toMatch(/: 17 to add, 0 already in your portfolio, 0 to skip\.\nNothing was imported yet: run the command again with --yes to import this\./)
    expect((await p.run('--json', 'list', 'credentials')).json<{ total: number }>().total).toBe(0)

    const done = await p.run('import', zip, '--yes')
    expect(done.code).toBe(0)
    expect(done.stdout).toMatch(/Imported .*\.zip: 17 added, 0 already in your portfolio, 0 skipped\./)
    const list = await p.run('list', 'skills')
    expect(list.stdout).toMatch(/Apache Spark/)
    // Languages are listed on their own, with the level LinkedIn gave (its codes in words).
    const languages = await p.run('list', 'languages')
    expect(languages.code).toBe(0)
    expect(languages.stdout).toMatch(/^ID +LANGUAGE +LEVEL +CREDENTIALS +PROJECTS\n/)
    expect(languages.stdout).toMatch(/\n\S+ +Swedish +Native or bilingual proficiency /)
    expect(languages.stdout).toMatch(/\n\S+ +Deutsch +Professional working proficiency /)
    expect(languages.stdout).not.toMatch(/Apache Spark/)
    expect(languages.stdout).toMatch(/\n\n3 languages\n$/)

    const again = await p.run('--json', 'import', zip, '--yes')
    expect(again.json<{ counts: { added: number; duplicate: number; skipped: number; leftOut: number } }>().counts).toEqual({ added: 0, duplicate: 17, skipped: 0, leftOut: 0 })
  })

  it('reads the unpacked folder the same way', async () => {
    const p = portfolio()
    const folder = join(p.dir, 'linkedin')
    mkdirSync(folder)
    for (const f of exportFiles()) writeFileSync(join(folder, f.name), f.text)
    writeFileSync(join(folder, 'Connections.csv'), 'Notes:\r\n"Not read."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n')
    const r = await p.run('--json', 'import', folder, '-y')
    expect(r.code).toBe(0)
    expect(r.json<{ applied: boolean; counts: { added: number }; files: string[] }>()).toMatchObject({ applied: true, counts: { added: 17 }, files: expect.arrayContaining(['Positions.csv', 'Profile.csv']) as unknown })
  })

  it('refuses a ZIP that is not a LinkedIn export in words, with the portfolio unchanged', async () => {
    const p = portfolio()
    await p.run('demo')
    const before = p.hash()
    const other = join(p.dir, 'photos.zip')
    writeFileSync(other, zipSync({ 'IMG_0001.jpg': new Uint8Array([0xff, 0xd8, 0xff]), 'notes.txt': strToU8('shopping list') }))
    const r = await p.run('import', other, '--yes')
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/This ZIP is not a LinkedIn data export: it holds none of Profile\.csv, .*\(it holds IMG_0001\.jpg, notes\.txt\)/)
    expect(p.hash()).toBe(before)
  })

  it('imports an export on its own, not among other files', async () => {
    const p = portfolio()
    const zip = writeZip(p)
    const r = await p.run('import', zip, join(p.dir, 'badge.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/is a LinkedIn data export: import it on its own/)
  })
})
