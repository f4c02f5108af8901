import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli/index'

let dir: string
let db: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-cli-import-'))
  db = join(dir, 'portfolio.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['--db', db, ...argv], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    cwd: dir,
    now: () => new Date('2026-11-28T12:00:00Z'),
  })
  return { code, stdout, stderr }
}

const badge = (id: string, name: string) =>
  JSON.stringify({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: `urn:uuid:${id}`,
    recipient: { type: 'email', hashed: false, identity: 'maya@example.org' },
    issuedOn: '2024-05-01T00:00:00Z',
    verification: { type: 'HostedBadge' },
    badge: { type: 'BadgeClass', name, issuer: { type: 'Profile', name: 'Example Academy' }, alignment: [{ targetName: 'SQL' }] },
  })

describe('skillfolio import', () => {
  it('imports files and folders, prints a per-file report, and exits 1 when a file failed', async () => {
    const folder = join(dir, 'badges')
    mkdirSync(folder)
    writeFileSync(join(folder, 'one.json'), badge('1', 'SQL Basics'))
    writeFileSync(join(folder, 'two.json'), badge('2', 'SQL Advanced'))
    writeFileSync(join(dir, 'notes.txt'), 'just some notes, not a badge')
    const run = await cli('import', folder, join(dir, 'notes.txt'))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/imported\s+one\.json\s+SQL Basics\s+\(cred-\d+\)/)
    expect(run.stdout).toMatch(/FAILED\s+notes\.txt\s+\S/)
    expect(run.stdout).toMatch(/2 credentials imported, 0 updated, 0 duplicates, 1 failed/)
    const list = await cli('--json', 'list', 'credentials')
    expect(JSON.parse(list.stdout).items.map((c: { title: string }) => c.title).sort()).toEqual(['SQL Advanced', 'SQL Basics'])
  })

  it('answers --json with the batch report and exit 0 when everything imported; re-import is duplicates', async () => {
    writeFileSync(join(dir, 'one.json'), badge('1', 'SQL Basics'))
    const first = await cli('--json', 'import', join(dir, 'one.json'))
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ state: 'done', counts: { imported: 1, failed: 0 } })
    const again = await cli('--json', 'import', join(dir, 'one.json'))
    expect(JSON.parse(again.stdout).counts).toMatchObject({ imported: 0, duplicate: 1 })
  })

  it('undoes a batch, and verify re-checks an imported credential', async () => {
    writeFileSync(join(dir, 'one.json'), badge('1', 'SQL Basics'))
    const report = JSON.parse((await cli('--json', 'import', join(dir, 'one.json'))).stdout)
    const id = report.items[0].credentialId
    const verify = await cli('verify', id)
    expect(verify.code).toBe(0)
    expect(verify.stdout).toMatch(/Signature\s+.+\n(?:.*\n)*?\s+Dates\s+valid/)
    const undo = await cli('import', '--undo', String(report.batchId))
    expect(undo.stdout).toMatch(/Undid import batch \d+: 1 removed/)
    expect(JSON.parse((await cli('--json', 'list', 'credentials')).stdout).total).toBe(0)
  })

  it('refuses bad usage with one line and leaves the portfolio byte-identical', async () => {
    await cli('demo')
    const hash = () => createHash('sha256').update(readFileSync(db)).digest('hex')
    const before = hash()
    for (const argv of [['import'], ['import', '--undo', 'x'], ['verify'], ['verify', 'cred-999'], ['import', '--undo', '999']]) {
      const run = await cli(...argv)
      expect(run.code, argv.join(' ')).not.toBe(0)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect(hash()).toBe(before)
  })
})
