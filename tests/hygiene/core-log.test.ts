/**
 * Errors the core logs fail the test that caused them (tests/helpers/core-log.ts, checked after
 * every test by tests/helpers/core-log-setup.ts): from a test portfolio and from the command
 * line's core, unless the test declared them; a declaration nothing matches fails too.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempPortfolio as tempCliPortfolio } from '../cli/harness'
import { dropFiles } from '../helpers/badges'
import { checkCoreLog, expectLoggedErrors, loggedEntries } from '../helpers/core-log'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

/** A core whose import-progress listener throws: the import service catches it and logs it. */
async function importWithBrokenListener(p: TempPortfolio): Promise<string> {
  p.core.onImportProgress(() => {
    throw new Error('the window went away')
  })
  const file = dropFiles()[0]!
  const { batchId } = await p.core.call('import:start', { origin: 'drop', sources: [{ name: file.name, base64: file.bytes.toString('base64') }] })
  await p.core.idle()
  return (await p.core.call('import:status', { batchId })).state
}

describe('the core log of a test portfolio', () => {
  let p: TempPortfolio
  afterEach(() => p.cleanup())

  it('fails the test on an error it did not expect, naming it (the import itself went on)', async () => {
    p = tempPortfolio()
    expect(await importWithBrokenListener(p)).toBe('done')
    expect(() => checkCoreLog('during this test')).toThrow(/the core logged an error during this test: An import progress listener failed: Error: the window went away/)
  })

  it('passes an error the test declared', async () => {
    expectLoggedErrors(/An import progress listener failed: Error: the window went away/)
    p = tempPortfolio()
    expect(await importWithBrokenListener(p)).toBe('done')
    // (the setup file's afterEach checks it)
  })

  it('fails a declaration that nothing matched', () => {
    p = tempPortfolio()
    expectLoggedErrors(/a crash that never happens/)
    expect(() => checkCoreLog('during this test')).toThrow(/expected the core to log an error matching \/a crash that never happens\/ during this test; it logged none/)
  })

  it('keeps notes (no error attached) for the test to read, and fails nothing for them', () => {
    p = tempPortfolio()
    // A folder of originals from an older version with a stranger in it: kept, and the log says why.
    mkdirSync(join(p.dir, 'evidence'))
    writeFileSync(join(p.dir, 'evidence', 'notes.txt'), 'mine')
    p.reopen()
    expect(loggedEntries()).toEqual([{ message: expect.stringMatching(/^Kept .*evidence: .*notes\.txt/), error: undefined }])
    expect(() => checkCoreLog('during this test')).not.toThrow()
  })
})

describe('the core log of the command line', () => {
  it('reaches the test through the CLI harness', async () => {
    const cli = tempCliPortfolio()
    try {
      // Where older versions kept originals there is a file, not a folder: moving them fails, is logged, and the command still works.
      writeFileSync(join(cli.dir, 'evidence'), 'not a folder')
      const added = await cli.run('add', 'skill', '--name', 'SQL')
      expect(added.code, added.stderr).toBe(0)
      expect(() => checkCoreLog('during this test')).toThrow(/the core logged an error during this test: Moving the originals from .*evidence into the portfolio stopped/)
    } finally {
      cli.cleanup()
    }
  })
})
