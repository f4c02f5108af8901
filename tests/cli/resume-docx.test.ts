/** `skillfolio resume --format docx` (issue 11): the resume as a Word document, read back. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docxText, isDocx, readDocx } from '../helpers/docx'
import { expectInOrder } from '../core/pdf/extract'
import { tempPortfolio, type TempPortfolio } from './harness'

let p: TempPortfolio
beforeAll(async () => {
  p = tempPortfolio()
  expect((await p.run('demo')).code).toBe(0)
})
afterAll(() => p.cleanup())

interface DocxAnswer {
  file: string
  fileName: string
  docxBase64?: string
  decisions: { kind: string; title: string; included: boolean }[]
  length: { pages: number }
}

const wordFile = (file: string) => {
  const bytes = new Uint8Array(readFileSync(file))
  expect(isDocx(bytes), `${file} is a Word document`).toBe(true)
  return readDocx(bytes)
}

describe('resume --format docx', () => {
  it('writes a Word document for a .docx name, with the same items in the same order as the PDF', async () => {
    const r = await p.run('resume', '--role', 'data analyst', '--out', 'analyst.docx')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const file = join(p.dir, 'analyst.docx')
    expect(r.stdout.startsWith(`Wrote ${file} (`)).toBe(true)
    const d = wordFile(file)
    expect(d.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Maya Okafor' })
    expect(d.paragraphs.filter((x) => x.style === 'Heading1').length).toBeGreaterThan(2)

    const asJson = (format: string, out: string) => p.run('--json', 'resume', '--role', 'catalog:data-analyst', '--format', format, '--out', out)
    const docx = (await asJson('docx', join(p.dir, 'analyst.docx'))).json<DocxAnswer>()
    const pdf = (await asJson('pdf', join(p.dir, 'analyst.pdf'))).json<DocxAnswer>()
    expect(docx.docxBase64).toBeUndefined()
    expect(docx).toMatchObject({ file, fileName: 'Maya Okafor - Data Analyst resume.docx' })
    expect(docx.decisions).toEqual(pdf.decisions)
    const credentials = docx.decisions.filter((x) => x.included && x.kind === 'credential').map((x) => x.title)
    expect(credentials.length).toBeGreaterThan(0)
    expectInOrder(docxText(wordFile(file)), ['Maya Okafor', ...credentials])
    expect(readdirSync(p.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('takes --format docx for a name without an extension, and --page for the paper', async () => {
    const r = await p.run('resume', '--format', 'DOCX', '--page', 'letter', '--out', 'resume-word')
    expect(r.code).toBe(0)
    expect(wordFile(join(p.dir, 'resume-word')).page).toMatchObject({ width: 12240, height: 15840 })
  })

  it('refuses a --format that contradicts the --out name, before writing anything', async () => {
    for (const [format, out] of [
      ['docx', 'clash.pdf'],
      ['pdf', 'clash.docx'],
    ]) {
      const r = await p.run('resume', '--format', format!, '--out', out!)
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`--format ${format} does not match --out ${out}`)
      expect(existsSync(join(p.dir, out!))).toBe(false)
    }
    const unknown = await p.run('resume', '--format', 'doc', '--out', 'x.doc')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/--format: doc is not one of pdf, docx/)
  })

  it('still writes a PDF by default', async () => {
    expect((await p.run('resume', '--out', 'plain.pdf')).code).toBe(0)
    expect(readFileSync(join(p.dir, 'plain.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})
