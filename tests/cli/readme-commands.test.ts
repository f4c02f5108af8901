/**
 * The README's command-line examples, run in order as a new user would paste them (issue 13):
 * after `export SKILLFOLIO_DB=…` every command works on that scratch portfolio and the desktop
 * app's own portfolio is never created; each command succeeds, except the few whose premise the
 * walk-through cannot meet (listed in EXPECTED_REFUSALS), which are refused in one line.
 * HOME is a temp folder holding the files the examples name (~/Downloads/badges …).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built } from '../helpers/requirements'
import { writeMiniEsco } from '../core/taxonomy/helpers'
import { DB_FILE_NAME, desktopDataDir } from '../../electron/core/paths'

const ROOT = resolve(__dirname, '../..')
const cli = built('out/cli/index.cjs')
const BIN = join(ROOT, 'bin', 'skillfolio.cjs')

/** Examples that are refused in the walk-through, and the words that refuse them (a premise it cannot meet). */
const EXPECTED_REFUSALS: Array<{ command: RegExp; says: RegExp; why: string }> = [
  { command: /^import --resume \d+$/, says: /^skillfolio: Only an interrupted import can be resumed: this one finished\.$/m, why: 'no import was interrupted' },
  { command: /^settings online on$/, says: /needs a yes: stdin is not a terminal/, why: 'the walk-through stays offline, so nobody answers yes' },
]

/** The ```sh block under "## The command line", as commands (continuation lines joined, comments dropped). */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## The command line'))
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
  const lines: string[] = []
  let pending = ''
  for (const raw of block.split('\n')) {
    const line = pending ? `${pending} ${raw.trim()}` : raw
    if (line.trimEnd().endsWith('\\')) {
      pending = line.trimEnd().slice(0, -1).trimEnd()
      continue
    }
    pending = ''
    const command = line.replace(/\s+#(?=[^"]*$).*$/, '').trim()
    if (command) lines.push(command)
  }
  return lines
}

/** Shell words: double-quoted strings kept whole, ~ expanded. */
function words(command: string, home: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1] : m[2]!.replace(/^~(?=\/|$)/, home)))
}

describe.skipIf(cli.skip)(cli.title('the README’s command-line examples'), () => {
  let dir: string
  let home: string
  beforeAll(() => {
    cli.check()
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-readme-'))
    home = join(dir, 'home')
    const downloads = join(home, 'Downloads')
    mkdirSync(join(downloads, 'badges'), { recursive: true })
    const fixtures = join(ROOT, 'tests', 'fixtures')
    copyFileSync(join(fixtures, 'importers', 'ob2-ztxt.png'), join(downloads, 'badges', 'ob2-ztxt.png'))
    copyFileSync(join(fixtures, 'verify', 'ob3-eddsa-rdfc-2022.json'), join(downloads, 'badges', 'ob3-eddsa-rdfc-2022.json'))
    copyFileSync(join(fixtures, 'importers', 'ob2-itxt-json.png'), join(dir, 'badge.png'))
    copyFileSync(join(ROOT, 'node_modules', '@jsonresume', 'schema', 'sample.resume.json'), join(dir, 'resume.json'))
    copyFileSync(join(fixtures, 'analysis', 'posting-data-analyst.txt'), join(dir, 'job.txt'))
    const linkedIn = join(fixtures, 'linkedin')
    const csvs = readdirSync(linkedIn).filter((n) => n.endsWith('.csv'))
    writeFileSync(join(downloads, 'Basic_LinkedInDataExport.zip'), zipSync(Object.fromEntries(csvs.map((n) => [n, strToU8(readFileSync(join(linkedIn, n), 'utf8'))]))))
    const registry = { meta: { created: '2026-01-01' }, registry: { 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK': { name: 'Example University', url: 'https://example.edu' } } }
    writeFileSync(join(dir, 'registry.json'), JSON.stringify(registry))
    writeMiniEsco(join(downloads, 'ESCO'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('run in order on the scratch portfolio they name, never the desktop app’s', () => {
    const commands = readmeCommands()
    expect(commands[0]).toBe('npx skillfolio --help')
    expect(commands).toContain('npx skillfolio demo')
    // Everything after `demo` uses the portfolio the export line names: no command names another.
    const exportLine = commands.find((c) => c.startsWith('export SKILLFOLIO_DB='))
    expect(exportLine, 'the examples set SKILLFOLIO_DB before the first command that writes').toBeDefined()
    expect(commands.indexOf(exportLine!)).toBeLessThan(commands.indexOf('npx skillfolio demo'))
    expect(commands.filter((c) => / --db /.test(c))).toEqual([])

    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), NODE_OPTIONS: process.env.NODE_OPTIONS, SKILLFOLIO_EGRESS_LOG: process.env.SKILLFOLIO_EGRESS_LOG }
    const scratch = join(dir, 'try.sqlite')
    const failures: string[] = []
    for (const command of commands) {
      if (command.startsWith('export SKILLFOLIO_DB=')) {
        env.SKILLFOLIO_DB = scratch // the README's /tmp path, moved into this test's folder
        continue
      }
      if (command === 'unset SKILLFOLIO_DB') {
        delete env.SKILLFOLIO_DB
        continue
      }
      expect(command.startsWith('npx skillfolio'), `a README example that is not a skillfolio command: ${command}`).toBe(true)
      const args = words(command.slice('npx skillfolio'.length).trim(), home)
      const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8', input: '', timeout: 60_000 })
      const refusal = EXPECTED_REFUSALS.find((r) => r.command.test(args.join(' ')))
      if (refusal) {
        if (run.status === 0 || !refusal.says.test(run.stderr)) failures.push(`${command}: expected a refusal (${refusal.why}), got exit ${run.status}: ${run.stderr.trim()}`)
        else expect(run.stderr.trim().split('\n')).toHaveLength(1)
      } else if (run.status !== 0) failures.push(`${command}: exit ${run.status}\n    ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join('\n    ')}`)
    }
    expect(failures, failures.join('\n')).toEqual([])
    expect(existsSync(scratch)).toBe(true)
    // The desktop app's portfolio (where a command without SKILLFOLIO_DB would go) was never made.
    expect(existsSync(join(desktopDataDir(process.platform, { XDG_CONFIG_HOME: join(home, '.config') }, home), DB_FILE_NAME))).toBe(false)
  }, 600_000)
})
