/**
 * `skillfolio import` tells how a batch ended (issue 10): each file's verdict, the state and
 * the counts, and exit status 1 when the batch is partial, failed or interrupted. A full disk is
 * simulated with SQLite's page limit on the portfolio's connection.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../electron/cli/index'
import type * as OpenModule from '../../electron/core/db/open'

/** Pages the portfolio may still grow by, when set: SQLite then answers SQLITE_FULL, as on a full disk. */
const room: { pages: number | null } = vi.hoisted(() => ({ pages: null }))
vi.mock('../../electron/core/db/open', async (importOriginal) => {
  const actual = await importOriginal<typeof OpenModule>()
  return {
    ...actual,
    openPortfolio: (...args: Parameters<typeof actual.openPortfolio>) => {
      const opened = actual.openPortfolio(...args)
      if (room.pages !== null) opened.db.pragma(`max_page_count = ${(opened.db.pragma('page_count', { simple: true }) as number) + room.pages}`)
      return opened
    },
  }
})

let dir: string
let db: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-cli-accounting-'))
  db = join(dir, 'portfolio.sqlite')
  room.pages = null
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

/** An Open Badges 2.0 assertion; `padding` makes the file (kept in the portfolio) several pages long. */
function writeBadge(path: string, n: number, padding = 0): void {
  writeFileSync(
    path,
    JSON.stringify({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: `urn:uuid:cli-acc-${n}`,
      recipient: { type: 'email', hashed: false, identity: 'maya@example.org' },
      issuedOn: '2024-05-01T00:00:00Z',
      verification: { type: 'HostedBadge' },
      badge: { type: 'BadgeClass', name: `SQL for Analysts ${n}`, description: `SQL for Analysts, part ${n}. ${'Padding. '.repeat(padding)}`, issuer: { type: 'Profile', name: 'Example Academy' } },
    }),
  )
}

describe('skillfolio import: how the batch ended', () => {
  it('prints each file’s verdict and what was not checked, the state and a human date', async () => {
    writeBadge(join(dir, 'one.json'), 1)
    const run = await cli('import', join(dir, 'one.json'))
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/imported\s+one\.json\s+SQL for Analysts 1\s+\(cred-\d+\)\s+· Unverified\n\s+Signature not checked: .*online checks are off/)
    expect(run.stdout).toMatch(/1 credential imported, 0 updated, 0 duplicates, 0 failed of 1 file \(batch 1, done, 28 November 2026\)\./)
    expect(run.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
  })

  it('exits 1 on a full disk, with every file failed with "the disk is full", and the portfolio unchanged', async () => {
    writeBadge(join(dir, 'first.json'), 1)
    expect((await cli('import', join(dir, 'first.json'))).code).toBe(0)
    const folder = join(dir, 'big')
    mkdirSync(folder)
    for (let n = 10; n < 20; n++) writeBadge(join(folder, `badge-${n}.json`), n, 800)

    room.pages = 2
    const run = await cli('import', folder)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/FAILED\s+badge-10\.json\s+Not imported: the disk is full\. Nothing of this file was saved\./)
    expect(run.stdout).toMatch(/0 credentials imported, 0 updated, 0 duplicates, 10 failed of 10 files \(batch 2, FAILED, 28 November 2026\)\.\nThe import stopped early: the disk is full\./)
    const json = await cli('--json', 'import', folder)
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'failed', stopReason: 'the disk is full', total: 10, counts: { imported: 0, failed: 10 } })

    room.pages = null
    const list = JSON.parse((await cli('--json', 'list', 'credentials')).stdout) as { items: Array<{ title: string }> }
    expect(list.items.map((c) => c.title)).toEqual(['SQL for Analysts 1'])
  })

  it('refuses --resume misuse with one line, and a batch that is not interrupted with a reason', async () => {
    writeBadge(join(dir, 'one.json'), 1)
    await cli('import', join(dir, 'one.json'))
    for (const argv of [['import', '--resume', 'x'], ['import', '--resume', '1', '--undo', '1'], ['import', '--resume', '1', join(dir, 'one.json')]]) {
      const run = await cli(...argv)
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
    const done = await cli('import', '--resume', '1')
    expect(done).toMatchObject({ code: 1, stderr: 'skillfolio: Only an interrupted import can be resumed: this one finished.\n' })
    expect((await cli('help', 'import')).stdout).toMatch(/--resume BATCH\s+import the files an interrupted import never reached/)
  })
})
