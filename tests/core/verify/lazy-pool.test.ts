/** The pool as createCore uses it: started by the first proof check, answering in this thread once closed. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLazyProofCheckPool } from '../../../electron/core/verify/pool'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { now, OWN_FIXTURES, parseFile } from './helpers'

describe('createLazyProofCheckPool', () => {
  it('starts no thread before the first check, and none once closed: checks then run in this thread', async () => {
    const logged: string[] = []
    const pool = createLazyProofCheckPool({ size: 1, log: (message) => logged.push(message) })
    expect(pool.started).toBe(false)
    await pool.close()
    const verifier = createVerifier({ now, online: false, runner: pool })
    const results = await Promise.all(['ob3-eddsa-rdfc-2022.json', 'ob3-eddsa-rdfc-2022-tampered.json'].map((n) => verifier.verify(parseFile(join(OWN_FIXTURES, n)))))
    expect(results.map((r) => r.signature.verdict)).toEqual(['valid', 'invalid'])
    expect(pool.started).toBe(false)
    expect(logged).toEqual([])
  })

  it('logs once and answers in this thread when the worker cannot be created at all', async () => {
    const logged: string[] = []
    const pool = createLazyProofCheckPool({ size: 2, workerScript: join(OWN_FIXTURES, 'no-such-worker.cjs'), log: (message) => logged.push(message) })
    const verifier = createVerifier({ now, online: false, runner: pool })
    const file = parseFile(join(OWN_FIXTURES, 'ob3-ed25519-signature-2020.json'))
    const results = await Promise.all(Array.from({ length: 6 }, () => verifier.verify(file)))
    expect(results.every((r) => r.signature.verdict === 'valid')).toBe(true)
    expect(pool.started).toBe(true)
    expect(logged).toEqual(['Verification workers could not start; verifying in the main thread instead'])
    await pool.close()
  })
})
