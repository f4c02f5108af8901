/** `skillfolio resume | report | resumes` (issue 5), in-process on a temp portfolio with the demo. */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractPdf, hasPdftotext, pdftotext, squash } from '../core/pdf/extract'
import { writeFileAtomic } from '../../electron/cli/pdf-file'
import { countPdfPages } from '../../electron/core/resume'
import { tempPortfolio, type TempPortfolio } from './harness'
import { testLog } from '../helpers/core-log'

let p: TempPortfolio
beforeAll(async () => {
  p = tempPortfolio()
  expect((await p.run('demo')).code).toBe(0)
})
afterAll(() => p.cleanup())

/** Text of a PDF file: pdftotext when installed, else pdf.js. */
async function pdfText(file: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(file))
  expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-')
  return squash(hasPdftotext ? pdftotext(bytes) : (await extractPdf(bytes)).text)
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'))

interface Written {
  file: string
  pageCount: number
  length: { asked: string; pages: number; fits: boolean; dropped: number; note: string | null }
  fileName: string
  role: { ref: string; title: string } | null
  decisions: { kind: string; id: string; title: string; included: boolean; reason: string }[]
  settings: Record<string, unknown>
}

describe('resume', () => {
  it('writes a general resume (relative --out from the working folder)', async () => {
    const r = await p.run('resume', '--out', 'general.pdf')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const file = join(p.dir, 'general.pdf')
    expect(r.stdout).toMatch(new RegExp(`^Wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ pages?\\)\\.`))
    const text = await pdfText(file)
    expect(text).toContain('Maya Okafor')
    expect(text).toContain('Google Data Analytics Professional Certificate')
    expect(leftovers(p.dir)).toEqual([])
  })

  it('tailors to a role by title, prints the tailoring summary, and --json answers without the PDF bytes', async () => {
    const out = join(p.dir, 'analyst.pdf')
    const r = await p.run('resume', '--role', 'data analyst', '--template', 'two-column', '--page', 'letter', '--accent', '#224466', '--font', 'small', '--qr', '--hide-expired', '--out', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Tailored for Data Analyst (catalog:data-analyst).')
    expect(r.stdout).toMatch(/credential\s+Google Data Analytics Professional Certificate\s+matches SQL \(essential\)/)
    // Every item left out, with its reason, without --json.
    expect(r.stdout).toMatch(/\nLeft out\s+Item\s+Why\n/)
    expect(r.stdout).toMatch(/\ncredential\s+Microsoft Certified: Power BI Data Analyst Associate\s+expired \w+ \d{4}; expired credentials are hidden\n/)
    expect(await pdfText(out)).toContain('Maya Okafor')

    const j = await p.run('--json', 'resume', '--role', 'catalog:data-analyst', '--out', out)
    expect(j.code).toBe(0)
    const w = j.json<Written & { pdfBase64?: string }>()
    expect(w.pdfBase64).toBeUndefined()
    expect(w).toMatchObject({ file: out, fileName: 'Maya Okafor - Data Analyst resume.pdf', role: { ref: 'catalog:data-analyst', title: 'Data Analyst' }, settings: { template: 'ats' } })
    expect(w.decisions.some((d) => d.included && d.kind === 'credential' && /matches/.test(d.reason))).toBe(true)
  })

  it('--length 1 fits the general resume and three roles on one page and lists what it left out and why', async () => {
    for (const role of [null, 'Data Analyst', 'catalog:data-engineer', 'Analytics Engineer']) {
      const out = join(p.dir, 'one-page.pdf')
      const argv = ['resume', '--length', '1', '--out', out, ...(role ? ['--role', role] : [])]
      const r = await p.run(...argv)
      expect(r.code).toBe(0)
      expect(countPdfPages(new Uint8Array(readFileSync(out)))).toBe(1)
      const n = Number(/^Wrote .*one-page\.pdf \(1 page\)\. Left out (\d+) items to fit on 1 page\.\n/.exec(r.stdout)?.[1])
      expect(n).toBeGreaterThan(0)
      const rows = r.stdout.split('\n').filter((l) => /^(credential|project|skill)\s.*left out to fit on one page \(/.test(l))
      expect(rows).toHaveLength(n)

      const j = (await p.run('--json', ...argv)).json<Written>()
      expect(j.length).toEqual({ asked: '1', pages: 1, fits: true, dropped: n, note: `Left out ${n} items to fit on 1 page.` })
      const dropped = j.decisions.filter((d) => !d.included && d.reason.startsWith('left out to fit on one page ('))
      expect(dropped).toHaveLength(n)
      const text = await pdfText(out)
      for (const d of dropped) expect(text).not.toContain(d.title)
      for (const d of dropped) expect(rows.some((row) => row.includes(d.reason))).toBe(true)
    }
  })

  it('--length 2 and auto, --credentials full and --expired highlight reach the resume; --hide-expired is --expired hide', async () => {
    const out = join(p.dir, 'two.pdf')
    const two = await p.run('resume', '--length', '2', '--out', out)
    expect(two.stdout).toMatch(/^Wrote .*two\.pdf \(2 pages\)\.\n/)
    const auto = (await p.run('--json', 'resume', '--length', 'AUTO', '--credentials', 'full', '--expired', 'highlight', '--out', out)).json<Written>()
    expect(auto.settings).toMatchObject({ length: 'auto', credentialDetail: 'full', expired: 'highlight' })
    expect(auto.length).toMatchObject({ asked: 'auto', fits: true, dropped: 0, note: null })
    const hidden = (await p.run('--json', 'resume', '--hide-expired', '--out', out)).json<Written>()
    expect(hidden.settings).toMatchObject({ expired: 'hide' })
    expect((await p.run('--json', 'resume', '--hide-expired', '--expired', 'hide', '--out', out)).code).toBe(0)
  })

  it('saves, lists, uses and removes variants; flags override the variant', async () => {
    const add = await p.run('resumes', 'add', '--name', 'Acme analyst', '--role', 'Data Analyst', '--template', 'two-column', '--sent-to', 'Acme Corp')
    expect(add.code).toBe(0)
    expect(add.stdout).toMatch(/^Saved resume (\d+) "Acme analyst" for Data Analyst\./)
    const id = Number(/resume (\d+)/.exec(add.stdout)![1])
    const list = await p.run('resumes')
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+Acme analyst\\s+Data Analyst\\s+Acme Corp`))
    expect((await p.run('resumes', 'list', '--json')).json<unknown[]>()).toHaveLength(1)

    const before = p.hash()
    const dup = await p.run('resumes', 'add', '--name', 'acme ANALYST')
    expect(dup.code).toBe(1)
    expect(dup.stderr).toMatch(/already a saved resume called "Acme analyst"/)
    expect(p.hash()).toBe(before)

    const out = join(p.dir, 'variant.pdf')
    const byName = await p.run('--json', 'resume', '--variant', 'ACME analyst', '--page', 'letter', '--out', out)
    expect(byName.code).toBe(0)
    expect(byName.json<Written>().settings).toMatchObject({ roleRef: 'catalog:data-analyst', template: 'two-column', pageSize: 'letter' })
    const byId = await p.run('--json', 'resume', '--variant', String(id), '--template', 'ats', '--out', out)
    expect(byId.json<Written>().settings).toMatchObject({ roleRef: 'catalog:data-analyst', template: 'ats' })
    expect((await p.run('resume', '--variant', 'nope', '--out', out)).code).toBe(1)

    expect((await p.run('resumes', 'remove', String(id))).stdout).toBe(`Removed saved resume ${id}.\n`)
    const again = await p.run('resumes', 'remove', String(id))
    expect(again.code).toBe(1)
    expect((await p.run('resumes', 'remove', 'abc')).code).toBe(2)
    expect((await p.run('resumes')).stdout).toMatch(/^No saved resumes/)
  })

  it('refuses bad flags and output paths with one line, non-zero, no file and the portfolio byte-identical', async () => {
    const before = p.hash()
    mkdirSync(join(p.dir, 'folder'), { recursive: true })
    writeFileSync(join(p.dir, 'plain-file'), 'x')
    const cases: Array<[string[], number, RegExp]> = [
      [['resume'], 2, /--out FILE\.pdf is required/],
      [['resume', '--out', ''], 2, /--out FILE\.pdf is required/],
      [['resume', '--out', 'folder'], 2, /--out: folder is a folder/],
      [['resume', '--out', join(p.dir, 'missing', 'x.pdf')], 2, /does not exist/],
      [['resume', '--out', join(p.dir, 'plain-file', 'x.pdf')], 2, /is not a folder/],
      [['resume', '--template', 'fancy', '--out', 'x.pdf'], 2, /--template: fancy is not one of ats, two-column/],
      [['resume', '--page', 'a3', '--out', 'x.pdf'], 2, /--page: a3 is not one of a4, letter/],
      [['resume', '--font', 'huge', '--out', 'x.pdf'], 2, /--font: huge is not one of small, normal, large/],
      [['resume', '--length', '3', '--out', 'x.pdf'], 2, /--length: 3 is not one of 1, 2, auto/],
      [['resume', '--length', 'auot', '--out', 'x.pdf'], 2, /--length: auot is not one of 1, 2, auto \(did you mean auto\?\)/],
      [['resume', '--credentials', 'compat', '--out', 'x.pdf'], 2, /--credentials: compat is not one of compact, full \(did you mean compact\?\)/],
      [['resume', '--expired', 'hid', '--out', 'x.pdf'], 2, /--expired: hid is not one of mark, highlight, hide \(did you mean hide\?\)/],
      [['resume', '--hide-expired', '--expired', 'mark', '--out', 'x.pdf'], 2, /--hide-expired means --expired hide; it cannot go with --expired mark/],
      [['resume', '--accent', 'red', '--out', 'x.pdf'], 2, /--accent: red must be a colour like #1f5f8b/],
      [['resume', '--role', 'Astronaut', '--out', 'x.pdf'], 1, /There is no role titled Astronaut/],
      [['resume', '--role', 'catalog:nope', '--out', 'x.pdf'], 1, /There is no role catalog:nope/],
      [['resume', 'extra', '--out', 'x.pdf'], 2, /unexpected extra/],
      [['report', '--out', 'x.pdf'], 2, /--role REF_OR_TITLE is required/],
      [['report', '--role', 'Data Analyst'], 2, /--out FILE\.pdf is required/],
      [['report', '--role', 'Data Analyst', '--plan', 'x', '--out', 'x.pdf'], 2, /--plan: x is not a plan id/],
      [['report', '--role', 'Data Analyst', '--plan', '999', '--out', 'x.pdf'], 1, /There is no plan 999/],
      [['resumes', 'add'], 2, /--name NAME is required/],
      [['resumes', 'add', '--name', 'X', '--template', 'nope'], 2, /--template: nope/],
      [['resumes', 'add', '--name', 'X', '--role', 'catalog:nope'], 1, /There is no role/],
      [['resumes', 'frobnicate'], 2, /unknown "frobnicate"/],
    ]
    for (const [argv, code, message] of cases) {
      const r = await p.run(...argv)
      expect({ argv, code: r.code }).toEqual({ argv, code })
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(p.hash()).toBe(before)
    }
    const json = await p.run('--json', 'resume', '--template', 'fancy', '--out', 'x.pdf')
    expect(json.json()).toMatchObject({ error: { code: 'BAD_INPUT' } })
    expect(existsSync(join(p.dir, 'x.pdf'))).toBe(false)
    expect(leftovers(p.dir)).toEqual([])
  })
})

describe('writeFileAtomic', () => {
  it('replaces a file whole, and on failure leaves no temporary file and the target untouched', () => {
    const target = join(p.dir, 'atomic.pdf')
    writeFileAtomic(target, new TextEncoder().encode('first'))
    writeFileAtomic(target, new TextEncoder().encode('second'))
    expect(readFileSync(target, 'utf8')).toBe('second')
    const folder = join(p.dir, 'a-folder')
    mkdirSync(join(folder, 'inside'), { recursive: true })
    expect(() => writeFileAtomic(folder, new TextEncoder().encode('x'))).toThrow(/cannot write/)
    expect(readdirSync(folder)).toEqual(['inside'])
    expect(leftovers(p.dir)).toEqual([])
  })
})

describe('resume: hostile --variant and --out', () => {
  it('finds a variant named with digits, and refuses a number that is one id and another name', async () => {
    const first = (await p.run('--json', 'resumes', 'add', '--name', 'Digits first')).json<{ id: number }>()
    const named = (await p.run('--json', 'resumes', 'add', '--name', '2024', '--template', 'two-column')).json<{ id: number }>()
    const out = join(p.dir, 'digits.pdf')
    const byName = await p.run('--json', 'resume', '--variant', '2024', '--out', out)
    expect(byName.code).toBe(0)
    expect(byName.json<Written>().settings).toMatchObject({ template: 'two-column' })

    const clash = (await p.run('--json', 'resumes', 'add', '--name', String(first.id))).json<{ id: number }>()
    const before = p.hash()
    const r = await p.run('resume', '--variant', String(first.id), '--out', join(p.dir, 'clash.pdf'))
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(
      `skillfolio: --variant: ${first.id} is both saved resume ${first.id} ("Digits first") and the name of saved resume ${clash.id}; use --variant ${clash.id} for the named one`,
    )
    expect(existsSync(join(p.dir, 'clash.pdf'))).toBe(false)
    expect(p.hash()).toBe(before)
    for (const id of [first.id, named.id, clash.id]) expect((await p.run('resumes', 'remove', String(id))).code).toBe(0)
  })

  it('names the variant whose custom role was deleted, and --role overrides it', async () => {
    const { createCore } = await import('../../electron/core/app')
    const core = createCore({ dbPath: p.db, dataDir: p.dir, log: testLog })
    const role = await core.call('roles:create', { title: 'Short-lived role', skills: [{ name: 'SQL', weight: 1, essential: true }] })
    const v = await core.call('resumes:create', { name: 'Orphan', settings: { roleRef: role.ref } })
    await core.call('roles:delete', { ref: role.ref })
    core.close()
    const before = p.hash()
    const out = join(p.dir, 'orphan.pdf')
    const r = await p.run('resume', '--variant', 'orphan', '--out', out)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(`skillfolio: Saved resume ${v.id} "Orphan" is for ${role.ref}, which was deleted; add --role REF_OR_TITLE to pick another role.`)
    expect(p.hash()).toBe(before)
    expect(existsSync(out)).toBe(false)
    const over = await p.run('--json', 'resume', '--variant', 'orphan', '--role', 'Data Analyst', '--out', out)
    expect(over.code).toBe(0)
    expect(over.json<Written>().role).toEqual({ ref: 'catalog:data-analyst', title: 'Data Analyst' })
    expect((await p.run('resumes', 'remove', String(v.id))).code).toBe(0)
  })

  it('writes an --out name near the 255-byte limit, and replaces a symlink itself, not what it points at', async () => {
    const long = `${'r'.repeat(250)}.pdf`
    const r = await p.run('resume', '--out', long)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(readFileSync(join(p.dir, long)).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const precious = join(p.dir, 'precious.txt')
    writeFileSync(precious, 'keep me')
    symlinkSync(precious, join(p.dir, 'link.pdf'))
    expect((await p.run('resume', '--out', 'link.pdf')).code).toBe(0)
    expect(readFileSync(precious, 'utf8')).toBe('keep me')
    expect(lstatSync(join(p.dir, 'link.pdf')).isFile()).toBe(true)
    expect(leftovers(p.dir)).toEqual([])
  })
})

describe('report', () => {
  it('writes the gap report with a suggested plan, and with a saved plan', async () => {
    const out = join(p.dir, 'gap.pdf')
    const r = await p.run('report', '--role', 'Data Analyst', '--out', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Wrote .*gap\.pdf \(\d+ pages?\): skills gap for Data Analyst with a suggested plan\./)
    const text = await pdfText(out)
    expect(text).toContain('SKILLS GAP REPORT')
    expect(text).toContain('Data Analyst')
    expect(text).toContain('Prepared for Maya Okafor')

    const saved = await p.run('--json', 'plan', '--role', 'Data Analyst', '--hours-per-week', '6', '--save')
    const planId = saved.json<{ saved: { id: number; title: string } }>().saved.id
    const j = await p.run('--json', 'report', '--role', 'catalog:data-analyst', '--plan', String(planId), '--page', 'letter', '--out', out)
    expect(j.code).toBe(0)
    expect(j.json()).toMatchObject({ file: out, fileName: 'Skills gap - Data Analyst.pdf', role: { ref: 'catalog:data-analyst' } })
    const before = p.hash()
    const other = await p.run('report', '--role', 'Data Engineer', '--plan', String(planId), '--out', out)
    expect(other.code).toBe(2)
    expect(other.stderr).toMatch(/--plan: \d+ is a plan for another role \(catalog:data-analyst\), not Data Engineer/)
    expect(p.hash()).toBe(before)
  })
})

describe('help', () => {
  it('lists the new commands and their flags', async () => {
    const main = await p.run('--help')
    for (const c of ['resume', 'report', 'resumes']) expect(main.stdout).toMatch(new RegExp(`\\n  ${c}\\s`))
    const help = (await p.run('help', 'resume')).stdout
    for (const flag of ['--length 1|2|auto', '--credentials compact|full', '--expired mark|highlight|hide', '--hide-expired']) expect(help).toContain(flag)
    expect((await p.run('report', '--help')).stdout).toContain('--plan ID')
    expect((await p.run('help', 'resumes')).stdout).toContain('--sent-to TEXT')
  })
})
