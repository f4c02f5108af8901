/**
 * The window's drop routing for career files (issue 12), as pure page logic under Node: what a
 * dropped file is, told by its content (renderer/src/features/import/sources.ts and
 * features/career/detect.ts), and the review's choices and words (features/career/words.ts).
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { linkedInFolder, sortDropped, type Dropped } from '../../../renderer/src/features/import/sources'
import { isJsonResume, sniff, zipKind } from '../../../renderer/src/features/career/detect'
import { initialChoice, itemRoute, leaveOutKeys, previewSentence, resultSentence } from '../../../renderer/src/features/career/words'
import type { ExchangeItem } from '../../../electron/shared/exchange'

const LINKEDIN = join(__dirname, '../../fixtures/linkedin')
const csvFiles = () => readdirSync(LINKEDIN).filter((n) => n.endsWith('.csv'))
/** As LinkedIn writes them: UTF-8 with BOM and CRLF. */
const csvText = (name: string) => `\uFEFF${readFileSync(join(LINKEDIN, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n')}`
const linkedInZip = () => zipSync(Object.fromEntries(csvFiles().map((n) => [`Basic_LinkedInDataExport_12-01-2026/${n}`, strToU8(csvText(n))])))
const resumeText = () => readFileSync(join(dirname(createRequire(import.meta.url).resolve('@jsonresume/schema/package.json')), 'sample.resume.json'), 'utf8')
const badgeJson = readFileSync(join(__dirname, '../../fixtures/importers/ob2-assertion.json'))

const file = (name: string, bytes: Uint8Array | string) => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name)
const dropped = (...files: File[]): Dropped[] => files.map((f) => ({ file: f, entry: null }))
const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'))

describe('sorting a drop by content', () => {
  it('sends a LinkedIn export ZIP to the career review, its bytes intact, whatever its name', async () => {
    const zip = linkedInZip()
    const sorted = await sortDropped(dropped(file('my-data.bin', zip)))
    expect(sorted.badges).toEqual([])
    expect(sorted.career).toHaveLength(1)
    const [source] = sorted.career
    expect(source).toMatchObject({ kind: 'linkedin', name: 'my-data.bin' })
    if (source?.kind !== 'linkedin' || !('zip' in source.input)) throw new Error('expected a LinkedIn ZIP')
    expect(fromBase64(source.input.zip)).toEqual(zip)
  })

  it('sends CSV files dropped together to the career review as one LinkedIn export, the text as written', async () => {
    const names = csvFiles()
    const sorted = await sortDropped(dropped(...names.map((n) => file(n, csvText(n)))))
    expect(sorted.career).toHaveLength(1)
    const [source] = sorted.career
    if (source?.kind !== 'linkedin' || !('files' in source.input)) throw new Error('expected LinkedIn files')
    expect(source.name).toBe(`${names.length} CSV files`)
    expect(source.input.files.map((f) => f.name).sort()).toEqual([...names].sort())
    // File.text() decodes UTF-8 and drops the byte-order mark; line ends and non-ASCII text stay as written.
    expect(source.input.files.find((f) => f.name === 'Positions.csv')?.text).toBe(csvText('Positions.csv').slice(1))
  })

  it('tells a JSON Resume from a badge: the resume goes to the review, the badge to the badge import', async () => {
    const resume = file('resume.json', resumeText())
    const badge = file('badge.json', badgeJson)
    const sorted = await sortDropped(dropped(resume, badge))
    expect(sorted.career).toEqual([{ kind: 'json-resume', name: 'resume.json', text: resumeText() }])
    expect(sorted.badges).toEqual([badge])
  })

  it('offers a Skillfolio export with what it holds, and sends PDFs to the certificate queue', async () => {
    const portfolio = { format: 'skillfolio-export', version: 1, credentials: [{}, {}], projects: [{}], skills: [{}, {}, {}], experience: [], education: [{}], roles: [], variants: [] }
    const exportZip = zipSync({ 'portfolio.json': strToU8(JSON.stringify(portfolio)), 'README.txt': strToU8('hello') })
    const pdf = file('certificate.pdf', '%PDF-1.7\n…')
    const sorted = await sortDropped(dropped(file('skillfolio-export.zip', exportZip), pdf))
    expect(sorted.certificates).toEqual([pdf])
    expect(sorted.career).toHaveLength(1)
    expect(sorted.career[0]).toMatchObject({ kind: 'full-export', holds: { credentials: 2, projects: 1, skills: 3, experience: 0, education: 1, roles: 0, variants: 0 } })
    if (sorted.career[0]?.kind !== 'full-export') throw new Error('expected a Skillfolio export')
    expect(unzipSync(fromBase64(sorted.career[0].zipBase64))['README.txt']).toEqual(strToU8('hello'))
  })

  it('leaves everything else to the badge import: images, other ZIPs, broken JSON, empty files', async () => {
    const png = file('badge.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))
    const otherZip = file('photos.zip', zipSync({ 'holiday/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]) }))
    const broken = file('broken.json', '{ "basics": ')
    const empty = file('empty.json', '')
    const notZip = file('fake.zip', 'PK\u0003\u0004 but not really a zip')
    const sorted = await sortDropped(dropped(png, otherZip, broken, empty, notZip))
    expect(sorted.badges).toEqual([png, otherZip, broken, empty, notZip])
    expect(sorted.career).toEqual([])
    expect(sorted.certificates).toEqual([])
  })

  it('refuses a CSV far larger than a LinkedIn export file in words, unread', async () => {
    const huge = { name: 'Positions.csv', size: 17 * 1024 * 1024, text: () => Promise.reject(new Error('must not be read')) } as unknown as File
    const sorted = await sortDropped([{ file: huge, entry: null }])
    expect(sorted.career).toEqual([])
    expect(sorted.problems).toEqual(['Positions.csv is 17.0 MB; a LinkedIn export\'s files are at most 16 MB each.'])
  })
})

/** A folder entry as Chromium's webkitGetAsEntry gives it, answering readEntries in batches. */
function folder(name: string, files: File[], batch = 2): FileSystemDirectoryEntry {
  const entries = files.map((f) => ({ isFile: true, isDirectory: false, name: f.name, file: (ok: (f: File) => void) => ok(f) }))
  return {
    isDirectory: true,
    isFile: false,
    name,
    createReader: () => {
      let at = 0
      return {
        readEntries: (ok: (e: unknown[]) => void) => {
          ok(entries.slice(at, at + batch))
          at += batch
        },
      }
    },
  } as unknown as FileSystemDirectoryEntry
}

describe('a dropped folder', () => {
  it('with a LinkedIn export inside is read in the page (every batch of entries) and goes to the review', async () => {
    const csvs = csvFiles().map((n) => file(n, csvText(n)))
    const dir = folder('Basic_LinkedInDataExport', [...csvs, file('notes.txt', 'x')])
    expect((await linkedInFolder(dir))?.map((f) => f.name).sort()).toEqual(csvFiles().sort())
    const placeholder = file('Basic_LinkedInDataExport', '')
    const sorted = await sortDropped([{ file: placeholder, entry: dir }])
    expect(sorted.badges).toEqual([])
    expect(sorted.career[0]).toMatchObject({ kind: 'linkedin', name: 'Basic_LinkedInDataExport' })
  })

  it('of anything else goes to the badge import as before', async () => {
    const placeholder = file('badges', '')
    const dir = folder('badges', [file('a.png', 'x'), file('list.csv', 'a,b')])
    expect(await linkedInFolder(dir)).toBeNull()
    const sorted = await sortDropped([{ file: placeholder, entry: dir }])
    expect(sorted.badges).toEqual([placeholder])
    expect(sorted.career).toEqual([])
  })
})

describe('telling files apart', () => {
  it('reads the first bytes: ZIP, PDF, a JSON object after a byte-order mark, anything else', () => {
    expect(sniff(strToU8('PK\u0003\u0004rest'))).toBe('zip')
    expect(sniff(strToU8('%PDF-1.4'))).toBe('pdf')
    expect(sniff(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20, 0x7b]))).toBe('json')
    expect(sniff(strToU8('<svg'))).toBe('other')
    expect(sniff(strToU8('[1, 2]'))).toBe('other')
  })

  it('knows a JSON Resume by its sections, and a badge or credential by its markers', () => {
    expect(isJsonResume({ basics: { name: 'A' } })).toBe(true)
    expect(isJsonResume({ work: [] })).toBe(true)
    expect(isJsonResume({ '@context': 'https://w3id.org/openbadges/v2', basics: {} })).toBe(false)
    expect(isJsonResume({ type: ['VerifiableCredential'], skills: [] })).toBe(false)
    expect(isJsonResume({ badge: 'https://example.org/b', education: [] })).toBe(false)
    expect(isJsonResume({ name: 'no sections' })).toBe(false)
    expect(isJsonResume([{ basics: {} }])).toBe(false)
  })

  it('knows a ZIP by its entries: portfolio.json at the root, or a LinkedIn export file anywhere', () => {
    expect(zipKind(['portfolio.json', 'originals/ab'])).toBe('full-export')
    expect(zipKind(['export/positions.CSV'])).toBe('linkedin')
    expect(zipKind(['sub/portfolio.json', 'Honors.csv'])).toBeNull()
  })
})

describe('the review’s choices and words', () => {
  const item = (key: string, outcome: ExchangeItem['outcome'], section: ExchangeItem['section'] = 'work', id: string | null = null): ExchangeItem => ({ key, section, label: key, outcome, reason: null, id })
  const items = [item('work.0', 'added'), item('work.1', 'added'), item('work.2', 'duplicate'), item('skills.0', 'skipped', 'skills')]

  it('checks every new entry to begin with and leaves out only the new ones unchecked', () => {
    const chosen = initialChoice(items)
    expect([...chosen]).toEqual(['work.0', 'work.1'])
    chosen.delete('work.1')
    expect(leaveOutKeys(items, chosen)).toEqual(['work.1'])
  })

  it('says the counts in words, leaving out what is zero', () => {
    expect(previewSentence({ added: 17, duplicate: 3, skipped: 1, leftOut: 0 })).toBe('17 new, 3 already in your portfolio, 1 cannot be taken')
    expect(previewSentence({ added: 0, duplicate: 17, skipped: 0, leftOut: 0 })).toBe('17 already in your portfolio')
    expect(resultSentence({ added: 16, duplicate: 0, skipped: 0, leftOut: 1 })).toBe('Brought in 16 entries; 1 left out')
    expect(resultSentence({ added: 1, duplicate: 1, skipped: 0, leftOut: 0 })).toBe('Brought in 1 entry; 1 was already in your portfolio')
  })


  it('links each record to the screen that shows it', () => {
    expect(itemRoute(item('certificates.0', 'added', 'certificates', 'cred-3'))).toEqual({ screen: 'credentials', id: 'cred-3' })
    expect(itemRoute(item('work.0', 'added', 'work', 'exp-2'))).toEqual({ screen: 'profile', id: 'exp-2' })
    expect(itemRoute(item('languages.0', 'added', 'languages', 'skill-9'))).toEqual({ screen: 'skills', id: 'skill-9' })
    expect(itemRoute(item('projects.0', 'added', 'projects', 'proj-1'))).toEqual({ screen: 'projects', id: 'proj-1' })
    expect(itemRoute(item('basics', 'added', 'basics'))).toEqual({ screen: 'profile', id: null })
    expect(itemRoute(item('skills.0', 'skipped', 'skills'))).toBeNull()
  })
})
