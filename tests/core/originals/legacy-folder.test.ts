/**
 * Portfolios from before schema 11 kept their originals in `<dataDir>/evidence/ab/abcdef…`. On
 * open they move into the portfolio; the folder goes only when nothing in it would be lost.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../electron/core/app'
import { openDatabase } from '../../../electron/core/db/open'
import { migrate } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { moveLegacyOriginals } from '../../../electron/core/originals/legacy-folder'
import { testLog } from '../../helpers/core-log'

let dir: string
let file: string
let folder: string
let logged: string[]
const cores: Core[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-originals-'))
  file = join(dir, 'portfolio.sqlite')
  folder = join(dir, 'evidence')
  logged = []
})
afterEach(() => {
  for (const core of cores.splice(0)) core.close()
  rmSync(dir, { recursive: true, force: true })
})

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const at = '2024-01-01T00:00:00.000Z'

function open(): Core {
  const core = createCore({ dbPath: file, dataDir: dir, now: () => new Date('2026-11-28T12:00:00Z'), log: (message) => logged.push(message) })
  cores.push(core)
  return core
}

/** Where the old store kept a file. */
const pathIn = (hash: string) => join(folder, hash.slice(0, 2), hash)

/** Writes a file the way the old store did (`ab/abcdef…`). */
function keepOldWay(bytes: Buffer, name = sha(bytes)): string {
  mkdirSync(join(folder, name.slice(0, 2)), { recursive: true })
  writeFileSync(join(folder, name.slice(0, 2), name), bytes)
  return name
}

/**
 * A portfolio as the last version before 11 left it: credentials whose originals (the file and
 * an extracted badge image) are recorded in evidence_file and kept in the folder.
 */
function oldPortfolio(originals: Array<{ file: Buffer; image?: Buffer }>): Array<{ id: string; file: string; image: string | null }> {
  const db = openDatabase(file)
  migrate(db, { list: MIGRATIONS.filter((m) => m.version < 11) })
  const credential = db.prepare(`INSERT INTO credential (title, kind, content_sha256, image_sha256, created_at, updated_at) VALUES (?, 'badge', ?, ?, ?, ?)`)
  const record = db.prepare(`INSERT INTO evidence_file (sha256, file_name, media_type, size_bytes, added_at) VALUES (?, ?, ?, ?, ?)`)
  const attach = db.prepare('INSERT INTO credential_evidence (credential_id, sha256) VALUES (?, ?)')
  const made = originals.map((o, i) => {
    const fileSha = keepOldWay(o.file)
    const imageSha = o.image ? keepOldWay(o.image) : null
    record.run(fileSha, `badge-${i}.json`, 'application/json', o.file.length, at)
    if (o.image && imageSha) record.run(imageSha, `badge-${i}.json (badge image)`, 'image/png', o.image.length, at)
    const id = Number(credential.run(`Badge ${i}`, fileSha, imageSha, at, at).lastInsertRowid)
    attach.run(id, fileSha)
    if (imageSha) attach.run(id, imageSha)
    return { id: `cred-${id}`, file: fileSha, image: imageSha }
  })
  db.close()
  return made
}

const badge = (i: number) => Buffer.from(JSON.stringify({ type: 'Assertion', id: `urn:uuid:${i}`, padding: 'x'.repeat(i * 700) }))
const png = (i: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300 + i, i)])

describe('an old evidence folder', () => {
  it('moves into the portfolio on open, and the folder is removed', async () => {
    const files = [0, 1, 2, 3].map((i) => ({ file: badge(i), ...(i % 2 ? { image: png(i) } : {}) }))
    const made = oldPortfolio(files)
    // Leftovers of the old store: a half-written file, an original of a duplicate no row names, and OS litter.
    writeFileSync(`${pathIn(made[0]!.file)}.4242.0.tmp`, 'half')
    const orphan = keepOldWay(Buffer.from('the original of a file that turned out to be a duplicate'))
    writeFileSync(join(folder, '.DS_Store'), 'litter')

    const core = open()
    for (const [i, m] of made.entries()) {
      expect(core.evidence.get(m.file).equals(files[i]!.file)).toBe(true)
      if (m.image) expect(core.evidence.get(m.image).equals(files[i]!.image!)).toBe(true)
      expect((await core.call('credentials:get', { id: m.id })).evidence.map((e) => e.sha256).sort()).toEqual([m.file, m.image].filter(Boolean).sort())
    }
    expect((await core.call('evidence:image', { sha256: made[1]!.image! })).dataUrl).toBe(`data:image/png;base64,${files[1]!.image!.toString('base64')}`)
    expect(core.evidence.get(orphan).toString()).toMatch(/turned out to be a duplicate/) // every verified file is kept
    expect(core.db.prepare('SELECT count(*) FROM original_blob').pluck().get()).toBe(7)
    expect(existsSync(folder)).toBe(false)
    // Nothing else is left beside the portfolio but the backup taken before its upgrade.
    expect(readdirSync(dir).filter((f) => !f.startsWith('portfolio.sqlite'))).toEqual(['backups'])
    expect(readdirSync(join(dir, 'backups'))).toEqual([expect.stringMatching(/-before-upgrade-v\d+\.sfbackup$/)])
    expect(logged).toEqual([`Moved 7 original file(s) from ${folder} into the portfolio.`, `Removed ${folder}: every original is now in the portfolio.`])

    // Nothing to do on the next start.
    core.close()
    logged = []
    expect(open().evidence.get(made[2]!.file).equals(files[2]!.file)).toBe(true)
    expect(logged).toEqual([])
  })

  it('with a file that does not match its name: the good ones move, the folder stays, nothing is lost', () => {
    const files = [0, 1, 2].map((i) => ({ file: badge(i) }))
    const made = oldPortfolio(files)
    const damaged = Buffer.from(files[1]!.file)
    damaged.writeUInt8(damaged.readUInt8(5) ^ 0xff, 5)
    writeFileSync(pathIn(made[1]!.file), damaged)

    const core = open()
    expect(core.evidence.get(made[0]!.file).equals(files[0]!.file)).toBe(true)
    expect(core.evidence.get(made[2]!.file).equals(files[2]!.file)).toBe(true)
    expect(() => core.evidence.get(made[1]!.file)).toThrow(/not in this portfolio/)
    expect(readFileSync(pathIn(made[1]!.file)).equals(damaged)).toBe(true)
    for (const m of made) expect(existsSync(pathIn(m.file))).toBe(true)
    expect(logged.at(-1)).toMatch(new RegExp(`^Kept ${folder}: 1 file\\(s\\) do not match the SHA-256 they are named by.*${made[1]!.file}.* 1 original\\(s\\) the portfolio refers to are not in it .*${made[1]!.file.slice(0, 12)}…`))

    // The next start tries again without reading what already moved; once the file is sound, the folder goes.
    core.close()
    logged = []
    open().close()
    expect(logged).toEqual([expect.stringMatching(/^Kept /)])
    writeFileSync(pathIn(made[1]!.file), files[1]!.file)
    logged = []
    const fixed = open()
    expect(fixed.evidence.get(made[1]!.file).equals(files[1]!.file)).toBe(true)
    expect(logged).toEqual([`Moved 1 original file(s) from ${folder} into the portfolio.`, `Removed ${folder}: every original is now in the portfolio.`])
    expect(existsSync(folder)).toBe(false)
  })

  it('missing an original the portfolio refers to stays, with a log line naming it', () => {
    const made = oldPortfolio([{ file: badge(0) }, { file: badge(1) }])
    rmSync(pathIn(made[0]!.file))
    const core = open()
    expect(core.evidence.get(made[1]!.file).equals(badge(1))).toBe(true)
    expect(existsSync(pathIn(made[1]!.file))).toBe(true)
    expect(logged.at(-1)).toMatch(new RegExp(`^Kept ${folder}: 1 original\\(s\\) the portfolio refers to are not in it \\(missing from the folder, or damaged there\\): ${made[0]!.file.slice(0, 12)}…\\. Nothing was deleted`))
  })

  it('holding files that are not originals stays', () => {
    const made = oldPortfolio([{ file: badge(0) }])
    writeFileSync(join(folder, 'notes.txt'), 'mine')
    const core = open()
    expect(core.evidence.get(made[0]!.file).equals(badge(0))).toBe(true)
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine')
    expect(existsSync(pathIn(made[0]!.file))).toBe(true)
    expect(logged.at(-1)).toMatch(/not originals: .*notes\.txt/)
  })

  it('shared with another portfolio in the same folder stays (that one may still need its originals)', () => {
    const made = oldPortfolio([{ file: badge(0) }])
    const other = createCore({ dbPath: join(dir, 'other.sqlite'), dataDir: join(dir, 'elsewhere'), log: testLog })
    other.close()
    const core = open()
    expect(core.evidence.get(made[0]!.file).equals(badge(0))).toBe(true)
    expect(existsSync(pathIn(made[0]!.file))).toBe(true)
    expect(logged.at(-1)).toMatch(/Another portfolio in the same folder \(other\.sqlite\)/)
  })

  it('stays when storing fails part way, and moves on the next try', () => {
    const made = oldPortfolio([{ file: badge(0) }, { file: badge(1) }])
    const db = openDatabase(file)
    migrate(db)
    db.exec(`CREATE TEMP TRIGGER full BEFORE INSERT ON main.original_blob WHEN NEW.sha256 = '${made[1]!.file}' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`)
    const failed = moveLegacyOriginals(db, folder, file, (message) => logged.push(message))
    expect(failed).toMatchObject({ removed: false, problems: [expect.stringMatching(/disk is full/)] })
    expect(logged.at(-1)).toMatch(/stopped; the folder is kept/)
    for (const m of made) expect(existsSync(pathIn(m.file))).toBe(true)
    db.exec('DROP TRIGGER temp.full')
    expect(moveLegacyOriginals(db, folder, file, () => {})).toEqual({ moved: 2, removed: true, problems: [] })
    expect(db.prepare('SELECT bytes FROM original_blob WHERE sha256 = ?').pluck().get(made[1]!.file)).toEqual(badge(1))
    db.close()
  })

  it('is not touched when the portfolio opens read-only (damaged)', async () => {
    const core = open()
    for (let i = 0; i < 120; i++) await core.call('credentials:create', { title: `Course ${i}`, kind: 'platform', description: `Notes ${i} `.repeat(60) })
    const pages = core.db.prepare(`SELECT pageno FROM dbstat WHERE name = 'credential' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[]
    const pageSize = core.db.pragma('page_size', { simple: true }) as number
    core.close()
    const bytes = readFileSync(file)
    const page = pages[Math.floor(pages.length / 2)]!
    bytes.fill(0xff, (page - 1) * pageSize + 8, (page - 1) * pageSize + 8 + 64)
    writeFileSync(file, bytes)
    const kept = keepOldWay(badge(3))

    const damaged = open()
    expect(damaged.readOnly?.reason).toBe('damaged')
    expect(readFileSync(pathIn(kept)).equals(badge(3))).toBe(true)
    expect(() => damaged.evidence.get(kept)).toThrow(/not in this portfolio/)
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })
})
