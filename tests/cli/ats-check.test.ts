/**
 * Resume PDFs that a resume parser reads right: ../shared/tools/ats-check writes the demo
 * portfolio's resumes with the built command line (`node bin/skillfolio.cjs resume …`), parses
 * them with OpenResume's parser (a test oracle run as a separate program, never part of the
 * repo) and scores every field. Every template × page size, general and tailored to two catalog
 * roles the demo fits, must score at least 0.90 strict. On first use the tool installs the
 * parser's pinned dependencies from the npm registry into ~/.cache.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built } from '../helpers/requirements'
import { sharedPath, skipReason } from '../helpers/shared-data'

const ROOT = resolve(__dirname, '../..')
const cli = built('out/cli/index.cjs')
const tool = sharedPath('tools', 'ats-check', 'run.mjs')
const ROLES = ['Data Analyst', 'Data Engineer']
const MIN = '0.9'
/** The first run installs the parser's dependencies (about 45 MB) before it parses anything. */
const TIMEOUT = 300_000

const TITLE = 'ats-check: OpenResume’s parser reads our resume PDFs'

/**
 * The tool installs the parser's dependencies from npm on first use: test infrastructure, not
 * Skillfolio, so it runs outside the network-egress guard (tests/helpers/egress-guard.cjs).
 */
const toolEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(/--require "[^"]*egress-guard\.cjs"/, '').trim(),
  SKILLFOLIO_EGRESS_LOG: '',
})

describe.skipIf(cli.skip || !tool)(tool ? cli.title(TITLE) : `${TITLE} (${skipReason('tools/ats-check')})`, () => {
  let out: string
  /** The PDFs and the report stay for a look when a run fails. */
  let keep = false
  beforeAll(() => {
    cli.check()
    out = mkdtempSync(join(tmpdir(), 'skillfolio-ats-check-'))
  })
  afterAll(() => {
    if (!keep) rmSync(out, { recursive: true, force: true })
  })

  /** Runs the tool; fails with its table (and what went wrong) unless every PDF scores at least MIN. */
  function atsCheck(name: string, args: string[]): void {
    const r = spawnSync(process.execPath, [tool!, '--repo', ROOT, '--min-overall', MIN, '--out', join(out, name), ...ROLES.flatMap((role) => ['--role', role]), ...args], {
      encoding: 'utf8',
      env: toolEnv(),
      timeout: TIMEOUT - 10_000,
      maxBuffer: 16 << 20,
    })
    keep ||= r.status !== 0
    const report = [r.stdout, r.stderr, r.error ? String(r.error) : ''].filter(Boolean).join('\n')
    expect(r.status, `ats-check ${args.join(' ')} (exit ${r.status}; 1 = a PDF below ${MIN}, 2 = setup):\n${report}\ndetails: ${join(out, name, 'report.md')}`).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`ats-check: worst [01]\\.\\d+ .* over ${args.length ? 3 : 6} PDFs; min 0\\.90`))
  }

  it(
    'scores ≥ 0.90 on both templates × A4 and Letter, and on ATS A4 resumes tailored to two roles',
    () => atsCheck('default', []),
    TIMEOUT,
  )

  it(
    'scores ≥ 0.90 on two-column Letter resumes, general and tailored to the same roles',
    () => atsCheck('two-column-letter', ['--templates', 'two-column', '--pages', 'letter']),
    TIMEOUT,
  )
})
