/** The built command (`npm run build` -> out/cli/index.cjs), started the way a user starts it. */
import { beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { built } from '../helpers/requirements'

const root = resolve(__dirname, '../..')
const bin = join(root, 'bin/skillfolio.cjs')
const cli = built('out/cli/index.cjs')

function skillfolio(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 20_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe.skipIf(cli.skip)(cli.title('node bin/skillfolio.cjs'), () => {
  beforeAll(() => cli.check())

  it('prints help and the version', () => {
    const help = skillfolio(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^skillfolio: your private portfolio/)
    const version = skillfolio(['--version'])
    expect(version.stdout.trim()).toMatch(/^skillfolio \d+\.\d+\.\d+/)
  })

  it('works end to end on a real file: demo, list, a refused command, exit codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bin-'))
    try {
      const db = join(dir, 'p.sqlite')
      expect(skillfolio(['--db', db, 'demo']).code).toBe(0)
      const list = skillfolio(['list', 'credentials', '--kind', 'certification', '--json'], { SKILLFOLIO_DB: db })
      expect(list.code).toBe(0)
      expect(JSON.parse(list.stdout).items.length).toBeGreaterThan(0)
      const bad = skillfolio(['--db', db, 'add', 'credential', '--title', 'x', '--kind', 'platform', '--earned-on', '2024-13-45'])
      expect(bad).toEqual({ code: 2, stdout: '', stderr: 'skillfolio: --earned-on: 2024-13-45 is not a real calendar date\n' })
      expect(skillfolio(['--db', db, 'show', 'cred-999']).code).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('stops quietly when the reader closes the pipe early', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bin-'))
    try {
      const db = join(dir, 'p.sqlite')
      skillfolio(['--db', db, 'demo'])
      const out = execFileSync('sh', ['-c', `"${process.execPath}" "${bin}" --db "${db}" list skills | head -n 1`], { encoding: 'utf8' })
      expect(out).toMatch(/^ID\s+NAME/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
