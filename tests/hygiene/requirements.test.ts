/**
 * No silent skips: a suite that needs something missing (Chromium, a build, ../shared, a tool)
 * skips locally with a message and fails under CI=true (tests/helpers/requirements.ts). Checked
 * three ways: the helper itself, every skip guard in tests/ (each must be a Requirement's or
 * otherwise fail under CI), and the browser suites run as CI runs them with no Chromium.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

const ROOT = resolve(__dirname, '../..')

async function freshRequirements(ci: string | undefined) {
  vi.resetModules()
  vi.stubEnv('CI', ci as string)
  return import('../helpers/requirements')
}

describe('requirement()', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
    vi.restoreAllMocks()
  })

  it('skips locally, saying what is missing and how to get it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { requirement } = await freshRequirements(undefined)
    const need = requirement('a thing', 'the thing is not installed (apt-get install thing).')
    expect(need.skip).toBe(true)
    expect(need.title('does it')).toBe('does it (skipped: the thing is not installed (apt-get install thing).)')
    expect(() => need.check()).toThrow('the thing is not installed (apt-get install thing).')
    expect(warn).toHaveBeenCalledWith('skipped (needs a thing): the thing is not installed (apt-get install thing).')
  })

  it('never skips under CI=true: the check fails with the reason', async () => {
    const { requirement } = await freshRequirements('true')
    const need = requirement('a thing', 'the thing is not installed.')
    expect(need.skip).toBe(false)
    expect(need.title('does it')).toBe('does it')
    expect(() => need.check()).toThrow(/^the thing is not installed\. CI \(CI=true\) must provide a thing/)
  })

  it('runs and checks nothing when the thing is there', async () => {
    for (const ci of [undefined, 'true']) {
      const { requirement, built } = await freshRequirements(ci)
      const need = requirement('a thing', null)
      expect([need.skip, need.title('does it')]).toEqual([false, 'does it'])
      expect(() => need.check()).not.toThrow()
      expect(built('package.json').missing).toBeNull()
      expect(built('out/no-such-file.js').missing).toBe('out/no-such-file.js is not built (run `npm run build`).')
    }
  })
})

/** Every .ts file under tests/, as [path relative to the repo, text]. */
function testSources(): [string, string][] {
  const out: [string, string][] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.ts')) out.push([relative(ROOT, path), readFileSync(path, 'utf8')])
    }
  }
  walk(join(ROOT, 'tests'))
  return out
}

describe('skip guards in tests/', () => {
  it('every skipIf/runIf is a Requirement, a ../shared path (which throws under CI), a condition false under CI, or a test case', () => {
    const problems: string[] = []
    let guards = 0
    for (const [file, text] of testSources()) {
      if (file === 'tests/hygiene/requirements.test.ts') continue
      for (const match of text.matchAll(/\b(?:it|test|describe)\.(?:skipIf|runIf)\(([^)]*)\)/g)) {
        guards++
        const condition = match[1]!.trim()
        // A case of a loop over data (`template === 'two-column'`) depends on nothing outside the repo.
        if (/^\w+ [!=]== '[^']*'$/.test(condition)) continue
        // Skipped when any part says so: each part must be one of the safe kinds.
        const safe = (part: string) => {
          const name = /^!?\s*(\w+)(?:\.skip| !== null)?$/.exec(part)?.[1]
          const defined = (pattern: string) => name !== undefined && new RegExp(`\\b${name}\\s*=\\s*${pattern}`).test(text)
          return (
            /^\w+\.skip$/.test(part) || // a Requirement
            (part.startsWith('!') && defined('sharedPath\\(')) ||
            defined(`[^\\n]*process\\.env\\.CI !== 'true'`)
          )
        }
        const ok = condition.split('||').every((part) => safe(part.trim()))
        if (!ok) problems.push(`${file}: ${match[0]} may skip under CI=true; use requirement() from tests/helpers/requirements.ts`)
      }
      for (const match of text.matchAll(/\b(?:it|test|describe)\.(?:skip|todo)\(|\b(?:ctx|context)\.skip\(/g)) problems.push(`${file}: ${match[0]} skips without a requirement`)
    }
    expect(problems).toEqual([])
    expect(guards).toBeGreaterThan(20) // the scan sees the guards (it is not looking at nothing)
  })
})

describe('the browser suites under CI=true without Chromium', () => {
  it('fail, every test of every file, and none is skipped', () => {
    // The e2e project as CI runs it, with the browser pointed at nothing (a JSON report on stdout).
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e', '--reporter=json', '--fileParallelism'], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', SKILLFOLIO_CHROMIUM: '/nonexistent/chromium' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(run.status, run.stderr.slice(-2000)).toBe(1)
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      numTotalTests: number
      numFailedTests: number
      testResults: { name: string; assertionResults: { status: string; failureMessages: string[] }[] }[]
    }
    const files = readdirSync(join(ROOT, 'tests/e2e')).filter((f) => f.endsWith('.test.ts'))
    expect(report.testResults.map((r) => relative(join(ROOT, 'tests/e2e'), r.name)).sort()).toEqual(files.sort())
    expect(report.numTotalTests).toBeGreaterThan(files.length)
    for (const file of report.testResults) {
      for (const test of file.assertionResults) {
        expect([relative(ROOT, file.name), test.status]).toEqual([relative(ROOT, file.name), 'failed'])
        expect(test.failureMessages.join('\n')).toContain('Chromium not found at /nonexistent/chromium')
      }
    }
  }, 300_000)
})
