/**
 * Every refused command: a non-zero exit code, exactly one clear line on stderr naming
 * the flag, nothing on stdout (or one JSON error with --json), and a database file that
 * is byte-for-byte what it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { tempPortfolio, type TempPortfolio } from './harness'

let p: TempPortfolio
let before: string

beforeAll(async () => {
  p = tempPortfolio()
  // A realistic portfolio to protect: the demo plus one hand-made credential with an expiry.
  expect((await p.run('demo')).code).toBe(0)
  expect((await p.run('add', 'credential', '--title', 'Expiring', '--kind', 'certification', '--earned-on', '2025-01-01', '--expires-on', '2028-01-01')).code).toBe(0)
  // The core closed cleanly after each run: everything is in the main file, no WAL left over.
  expect(existsSync(`${p.db}-wal`)).toBe(false)
  before = p.hash()
})
afterAll(() => p.cleanup())

const credential = ['add', 'credential', '--title', 'T', '--kind', 'platform']

const cases: Array<[name: string, argv: string[], exit: number, stderr: RegExp]> = [
  ['unknown kind', ['add', 'credential', '--title', 'T', '--kind', 'diploma'], 2, /^skillfolio: --kind: diploma is not one of platform, bootcamp, employer, academic, certification, badge, other$/],
  ['kind with a typo', ['add', 'credential', '--title', 'T', '--kind', 'certificaton'], 2, /--kind: certificaton .*\(did you mean certification\?\)$/],
  ['impossible date', [...credential, '--earned-on', '2024-13-45'], 2, /^skillfolio: --earned-on: 2024-13-45 is not a real calendar date$/],
  ['30 February', [...credential, '--started-on', '2024-02-30'], 2, /^skillfolio: --started-on: 2024-02-30 is not a real calendar date$/],
  ['date in another format', [...credential, '--expires-on', '03/04/2025'], 2, /^skillfolio: --expires-on: 03\/04\/2025 must be a date written as YYYY-MM-DD$/],
  ['negative hours', [...credential, '--hours', '-5'], 2, /^skillfolio: --hours: -5 cannot be negative$/],
  ['hours that are not a number', [...credential, '--hours', '12h'], 2, /^skillfolio: --hours: 12h is not a number of hours/],
  ['too many decimals', [...credential, '--cost', '49.999 USD'], 2, /^skillfolio: --cost: "49\.999 USD" has too many decimals: USD has 2 decimal places$/],
  ['decimals on a currency without minor units', [...credential, '--cost', '500.5 JPY'], 2, /--cost: "500\.5 JPY" has too many decimals: JPY has no minor units$/],
  ['negative cost', [...credential, '--cost', '-5 USD'], 2, /^skillfolio: --cost: "-5 USD" cannot be negative$/],
  ['unknown currency', [...credential, '--cost', '49 XYZ'], 2, /^skillfolio: --cost: "49 XYZ" has an unknown currency code XYZ/],
  ['cost without a currency', [...credential, '--cost', '49'], 2, /^skillfolio: --cost: 49 needs a currency/],
  ['malformed thousands', [...credential, '--cost', '1,29 USD'], 2, /^skillfolio: --cost: "1,29 USD" is not a number/],
  ['expiry before the date earned', [...credential, '--earned-on', '2024-05-01', '--expires-on', '2024-01-01'], 2, /^skillfolio: --expires-on: 2024-01-01 cannot be before the date earned$/],
  ['earned before started', [...credential, '--started-on', '2024-05-01', '--earned-on', '2024-01-01'], 2, /^skillfolio: --earned-on: 2024-01-01 cannot be before the start date$/],
  ['bad verification address', [...credential, '--verify-url', 'javascript:alert(1)'], 2, /^skillfolio: --verify-url: .* must be a web address starting with https:\/\/ or http:\/\/$/],
  ['unknown skill level', [...credential, '--skills', 'SQL, Python:guru'], 2, /^skillfolio: --skills: Python:guru has an unknown level "guru"/],
  ['missing --title', ['add', 'credential', '--kind', 'platform'], 2, /^skillfolio: add credential: --title is required$/],
  ['missing --title and --kind', ['add', 'credential'], 2, /^skillfolio: add credential: --title and --kind are required$/],
  ['empty --title', ['add', 'credential', '--title', '  ', '--kind', 'platform'], 2, /^skillfolio: --title: Title is required$/],
  ['unknown flag', [...credential, '--earned', '2024-01-01'], 2, /^skillfolio: unknown option --earned for add credential \(did you mean --earned-on\?\)$/],
  ['flag without its value', [...credential, '--hours'], 2, /^skillfolio: --hours needs a value$/],
  ['unknown command', ['lsit', 'credentials'], 2, /^skillfolio: unknown command "lsit" \(did you mean list\?\)/],
  ['unknown thing to add', ['add', 'credentail', '--title', 'x'], 2, /^skillfolio: add: unknown "credentail".*\(did you mean credential\?\)$/],
  ['add without what', ['add', '--title', 'x'], 2, /^skillfolio: add needs what to add/],
  ['stray argument', ['add', 'skill', '--name', 'Data', 'science'], 2, /^skillfolio: add skill: unexpected science/],
  ['unknown id', ['show', 'cred-999'], 1, /^skillfolio: There is no credential cred-999\.$/],
  ['unknown experience id', ['show', 'exp-99'], 1, /^skillfolio: There is no experience entry exp-99\.$/],
  ['edit an unknown id', ['edit', 'proj-999', '--title', 'x'], 1, /^skillfolio: There is no project proj-999\.$/],
  ['remove an unknown id', ['remove', 'cred-999'], 1, /^skillfolio: There is no credential cred-999\.$/],
  ['malformed id', ['show', 'cred-abc'], 2, /^skillfolio: show: cred-abc is not an id like cred-1, proj-1, skill-1, exp-1 or edu-1$/],
  ['id of no entity', ['remove', 'badge-1'], 2, /^skillfolio: remove: badge-1 is not an id like/],
  ['show without an id', ['show'], 2, /^skillfolio: show needs an id/],
  ['edit with a flag of another entity', ['edit', 'cred-1', '--outcome', 'x'], 2, /^skillfolio: edit cred-1: a credential has no --outcome/],
  ['edit with nothing to change', ['edit', 'cred-1'], 2, /^skillfolio: edit cred-1: nothing to change/],
  ['edit with a bad date', ['edit', 'cred-15', '--expires-on', '2024-12-31'], 2, /^skillfolio: --expires-on: 2024-12-31 cannot be before the date earned$/],
  ['clear a required field', ['edit', 'cred-1', '--clear', 'title'], 2, /^skillfolio: --clear: --title cannot be cleared/],
  ['project using an unknown credential', ['add', 'project', '--title', 'P', '--credentials', 'cred-1,cred-999'], 2, /^skillfolio: --credentials: cred-999: .*cred-999/],
  ['project using a malformed credential id', ['add', 'project', '--title', 'P', '--credentials', 'proj-1'], 2, /^skillfolio: --credentials: proj-1 must be a credential id like cred-1$/],
  ['duplicate skill', ['add', 'skill', '--name', 'sql'], 1, /^skillfolio: .*already/],
  ['bad email in the profile', ['profile', 'set', '--email', 'not-an-email'], 2, /^skillfolio: --email: not-an-email must be an email address/],
  ['unknown list', ['list', 'badges'], 2, /^skillfolio: list: unknown "badges"/],
  ['bad sort', ['list', 'credentials', '--sort', 'newest'], 2, /^skillfolio: --sort: newest is not one of recent, title/],
  ['zero limit', ['list', 'credentials', '--limit', '0'], 2, /^skillfolio: --limit: 0 must be at least 1$/],
  ['limit over the maximum', ['list', 'credentials', '--limit', '100000'], 2, /^skillfolio: --limit: 100000 must be at most 500$/],
  ['search without text', ['search'], 2, /^skillfolio: search needs some text/],
  ['demo into a portfolio that has data', ['demo'], 1, /^skillfolio: The demo only loads into an empty portfolio/],
  ['value on a boolean flag', ['info', '--json=yes'], 2, /^skillfolio: --json does not take a value$/],
]

describe('refused commands leave the portfolio byte-identical', () => {
  it.each(cases)('%s', async (_name, argv, exit, stderr) => {
    const r = await p.run(...argv)
    expect(r.code).toBe(exit)
    expect(r.stdout).toBe('')
    expect(r.stderr.endsWith('\n')).toBe(true)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.trimEnd()).toMatch(stderr)
    expect(p.hash()).toBe(before)
  })

  it.each(cases.filter(([name]) => ['impossible date', 'unknown id', 'unknown flag', 'too many decimals'].includes(name)))(
    '%s, with --json: one JSON error document on stdout, the same line on stderr',
    async (_name, argv, exit, stderr) => {
      const r = await p.run('--json', ...argv)
      expect(r.code).toBe(exit)
      expect(r.stderr.trimEnd()).toMatch(stderr)
      const { error } = r.json<{ error: { code: string; message: string; issues?: Array<{ path: string; flag?: string; message: string }> } }>()
      expect(error.code).toBe(exit === 2 ? 'BAD_INPUT' : 'NOT_FOUND')
      expect(`skillfolio: ${error.message}`).toMatch(stderr)
      expect(p.hash()).toBe(before)
    },
  )

  it('names the flag in --json issues for core validation errors', async () => {
    const r = await p.run(...credential, '--earned-on', '2024-13-45', '--json')
    expect(r.json()).toEqual({
      error: {
        code: 'BAD_INPUT',
        message: '--earned-on: 2024-13-45 is not a real calendar date',
        issues: [{ path: 'earnedOn', flag: '--earned-on', message: '--earned-on: 2024-13-45 is not a real calendar date' }],
      },
    })
  })

  it('the hash does see real changes (so the checks above are not vacuous)', async () => {
    const scratch = tempPortfolio()
    try {
      expect((await scratch.run('add', 'skill', '--name', 'SQL')).code).toBe(0)
      const first = scratch.hash()
      expect((await scratch.run('edit', 'skill-1', '--description', 'queries')).code).toBe(0)
      expect(scratch.hash()).not.toBe(first)
    } finally {
      scratch.cleanup()
    }
  })

  it('a usage mistake does not even create a missing portfolio file', async () => {
    const scratch = tempPortfolio()
    try {
      expect((await scratch.run(...credential, '--hours', 'lots')).code).toBe(2)
      expect((await scratch.run('frobnicate')).code).toBe(2)
      expect(existsSync(scratch.db)).toBe(false)
    } finally {
      scratch.cleanup()
    }
  })

  it('a portfolio saved by a newer Skillfolio is refused, untouched', async () => {
    const scratch = tempPortfolio()
    try {
      expect((await scratch.run('add', 'skill', '--name', 'SQL')).code).toBe(0)
      const db = new Database(scratch.db)
      db.pragma('user_version = 999')
      db.close()
      const hash = scratch.hash()
      const r = await scratch.run('list', 'skills')
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/^skillfolio: This portfolio was saved by a newer version of Skillfolio.*\n$/)
      expect(scratch.hash()).toBe(hash)
    } finally {
      scratch.cleanup()
    }
  })

  it('a file that is not a portfolio is refused, not damaged', async () => {
    const scratch = tempPortfolio()
    try {
      const { writeFileSync, readFileSync } = await import('node:fs')
      writeFileSync(scratch.db, 'this is not a database, just text that happens to be here\n'.repeat(20))
      const original = readFileSync(scratch.db)
      const r = await scratch.run('list', 'credentials')
      expect(r.code).toBe(1)
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(r.stderr).toBe(`skillfolio: ${scratch.db} is not a Skillfolio portfolio (it is not a database file). Skillfolio left it unchanged.\n`)
      expect(readFileSync(scratch.db).equals(original)).toBe(true)
    } finally {
      scratch.cleanup()
    }
  })
})
