/** Proof checks on worker threads give the same answers as in this thread. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProofCheckPool, type ProofCheckPool } from '../../../electron/core/verify/pool'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { now, OWN_FIXTURES, parsedDocument, parseFile } from './helpers'

describe('worker pool', () => {
  let pool: ProofCheckPool
  beforeAll(async () => {
    pool = createProofCheckPool({ size: 2 })
    await pool.ready()
  }, 60_000)
  afterAll(() => pool.close())

  it('verifies, refutes and reports like the in-process runner', async () => {
    const pooled = createVerifier({ now, online: false, runner: pool })
    const local = createVerifier({ now, online: false })
    const names = ['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2020.json', 'ob3-eddsa-rdfc-2022-tampered.json', 'ob3-unknown-cryptosuite.json', 'status-list.json']
    const parsed = names.map((n) => (n === 'status-list.json' ? parsedDocument(JSON.parse(readFileSync(join(OWN_FIXTURES, n), 'utf8')) as Record<string, unknown>) : parseFile(join(OWN_FIXTURES, n))))
    const a = await Promise.all(parsed.map((p) => pooled.verify(p)))
    const b = await Promise.all(parsed.map((p) => local.verify(p)))
    expect(a.map((r) => r.signature.verdict)).toEqual(['valid', 'valid', 'invalid', 'unsupported', 'valid'])
    expect(a).toEqual(b)
  })

  it('spreads many checks over the workers and answers them all', async () => {
    const pooled = createVerifier({ now, online: false, runner: pool })
    const credential = parseFile(join(OWN_FIXTURES, 'ob3-eddsa-rdfc-2022.json'))
    const results = await Promise.all(Array.from({ length: 20 }, () => pooled.verify(credential)))
    expect(results.every((r) => r.signature.verdict === 'valid')).toBe(true)
  })

  it('runs a worker bundled to one CommonJS file, as the built app ships it', async () => {
    const { build } = await import('esbuild')
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-verify-worker-'))
    try {
      const workerScript = join(dir, 'verify-worker.cjs')
      await build({ entryPoints: [join(__dirname, '../../../electron/core/verify/worker.ts')], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' })
      const bundled = createProofCheckPool({ size: 1, workerScript })
      try {
        await bundled.ready()
        const verifier = createVerifier({ now, online: false, runner: bundled })
        const results = await Promise.all(['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2020.json', 'ob3-eddsa-rdfc-2022-tampered.json'].map((n) => verifier.verify(parseFile(join(OWN_FIXTURES, n)))))
        expect(results.map((r) => r.signature.verdict)).toEqual(['valid', 'valid', 'invalid'])
      } finally {
        await bundled.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('a closed pool refuses work instead of hanging', async () => {
    const small = createProofCheckPool({ size: 1 })
    await small.ready()
    await small.close()
    await expect(small.run({ document: {}, methods: {} })).rejects.toThrow(/closed/)
  })
})

describe('a pool whose workers cannot start', () => {
  it('says so, and the verifier still answers in its own thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-verify-broken-'))
    try {
      const workerScript = join(dir, 'broken.cjs')
      writeFileSync(workerScript, "throw new Error('this worker cannot start')\n")
      const broken = createProofCheckPool({ size: 2, workerScript })
      await expect(broken.ready()).rejects.toThrow(/could start/)
      await expect(broken.run({ document: {}, methods: {} })).rejects.toThrow(/could start/)
      const verifier = createVerifier({ now, online: false, runner: broken })
      const result = await verifier.verify(parseFile(join(OWN_FIXTURES, 'ob3-eddsa-rdfc-2022.json')))
      expect(result.signature.verdict).toBe('valid')
      await broken.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
