/** `skillfolio import CERTIFICATE.pdf` (issue 12): shown first, saved on --yes with the PDF as its original, never Verified; unknown layouts get a prefilled add command; scans are refused. */
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Credential } from '../../electron/shared/schemas'
import { LEARNER, SAMPLES, UNKNOWN, makeCertificate, makeScanned, type SampleCertificate } from '../fixtures/certificates/make'
import { portfoliosPerTest, type TempPortfolio } from './harness'

const portfolio = portfoliosPerTest()

async function writePdf(p: TempPortfolio, name: string, bytes: Promise<Buffer>): Promise<{ path: string; bytes: Buffer }> {
  const path = join(p.dir, name)
  const b = await bytes
  writeFileSync(path, b)
  return { path, bytes: b }
}
const sample = (name: string): SampleCertificate => SAMPLES.find((s) => s.name === name)!

describe('skillfolio import CERTIFICATE.pdf', () => {
  it('shows what was found and saves nothing without --yes', async () => {
    const p = portfolio()
    const { path } = await writePdf(p, 'coursera.pdf', makeCertificate(sample('coursera')))
    const run = await p.run('import', path)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Coursera certificate (100% sure of the layout)')
    expect(run.stdout).toMatch(/\n {2}Title +Machine Learning Foundations\n/)
    expect(run.stdout).toMatch(/\n {2}Learner +Zoë Example\n/)
    expect(run.stdout).toMatch(/\n {2}Verify at +https:\/\/coursera\.org\/verify\/ZX3EXAMPLE42\n/)
    expect(run.stdout).toContain('Self-reported')
    expect(run.stdout).toContain('run the command again with --yes')
    const list = await p.run('list', 'credentials', '--json')
    expect(list.json<{ total: number }>().total).toBe(0)
  })

  it('saves it on --yes as a self-reported credential that keeps the PDF byte for byte, and finds it already there the second time', async () => {
    const p = portfolio()
    const { path, bytes } = await writePdf(p, 'linkedin.pdf', makeCertificate(sample('linkedin-learning')))
    const run = await p.run('import', path, '--yes', '--json')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = run.json<{ credential: Credential; reading: { needsReview: boolean } }>()
    expect(out.reading.needsReview).toBe(false)
    const cred = out.credential
    expect(cred).toMatchObject({ title: 'Spreadsheet Essential Training', provider: 'LinkedIn Learning', issuerName: 'LinkedIn', earnedOn: '2024-06-03', credentialCode: 'ZXabcdef0123456789' })
    expect(cred.trust).toBe('self_reported')
    expect(cred.source?.recipientName).toBe(LEARNER)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    expect(cred.evidence.map((e) => e.sha256)).toEqual([sha256])

    const shown = await p.run('show', cred.id)
    expect(shown.stdout).not.toMatch(/\bVerified\b/)

    const again = await p.run('import', path, '--yes')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(`Already in your portfolio as “Spreadsheet Essential Training” (${cred.id})`)

    const db = new Database(p.db, { readonly: true })
    try {
      const stored = db.prepare('SELECT bytes FROM original_blob WHERE sha256 = ?').pluck().get(sha256) as Buffer
      expect(Buffer.compare(stored, bytes)).toBe(0)
    } finally {
      db.close()
    }
  })

  it('saves nothing from an unknown layout and prints the add command filled with what was found', async () => {
    const p = portfolio()
    const { path } = await writePdf(p, 'workshop.pdf', makeCertificate(UNKNOWN))
    const run = await p.run('import', path, '--yes')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('a certificate in a layout Skillfolio does not know')
    expect(run.stdout).toContain(
      "skillfolio add credential --title 'Advanced Spreadsheet Modelling' --earned-on 2024-10-14 --credential-id ETI-2024-0042 --verify-url https://training.example.org/check/ETI-2024-0042 --kind other",
    )
    expect(run.stdout).toContain('Add what was not found: --issuer (issuer), --provider (provider).')
    expect((await p.run('list', 'credentials', '--json')).json<{ total: number }>().total).toBe(0)
  })

  it('refuses a scanned PDF with the reason', async () => {
    const p = portfolio()
    const { path } = await writePdf(p, 'scan.pdf', makeScanned())
    const run = await p.run('import', path, '--yes')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('This PDF has no text to read: it is a scanned image. Add the credential by hand instead')
  })

  it('imports several PDFs, reporting a scan beside the others, and refuses PDFs mixed with other files', async () => {
    const p = portfolio()
    const a = await writePdf(p, 'ms.pdf', makeCertificate(sample('microsoft-learn')))
    const b = await writePdf(p, 'scan.pdf', makeScanned())
    const run = await p.run('import', a.path, b.path, '--yes')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/Imported as cred-\d+: Microsoft Certified: Azure Administrator Associate/)
    expect(run.stdout).toContain('scan.pdf: This PDF has no text to read')

    const badge = join(p.dir, 'badge.json')
    writeFileSync(badge, '{}')
    const mixed = await p.run('import', a.path, badge)
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toContain('import PDFs on their own')
  })
})
