/**
 * Skillfolio's set-up of jsonld.js (electron/core/verify/active-context.ts: copy-on-write active
 * contexts, a private resolved-context cache): the very same canonical N-Quads (and the same
 * errors) as stock jsonld.js, only Skillfolio's calls use it, and remembered canonical forms
 * never let a changed copy of a credential pass.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { fastJsonLdAvailable, fastJsonLdOptions, PROCESSING_MODE } from '../../../electron/core/verify/active-context'
import { clearCanonicalCache } from '../../../electron/core/verify/data-integrity'
import { createDocumentLoader, missingContexts } from '../../../electron/core/verify/document-loader'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { achievementCredential, signDataIntegrity, signEd25519Signature2020, testKey, OB3_CONTEXT } from '../../fixtures/verify/sign'
import { sharedPath } from '../../helpers/shared-data'
import { now, OWN_FIXTURES, parsedDocument } from './helpers'

type Obj = Record<string, unknown>
const loader = createDocumentLoader()
const jsonldContext = createRequire(__filename)('jsonld/lib/context.js') as { getInitialContext(o: { processingMode?: string }): { clone: unknown } }

async function canonical(input: unknown, fast: boolean, documentLoader: unknown = loader): Promise<string> {
  if (fast) expect(fastJsonLdAvailable()).toBe(true)
  try {
    return await eddsaRdfc2022.canonize(input, { documentLoader, ...(fast ? fastJsonLdOptions(documentLoader) : {}) })
  } catch (error) {
    return `error: ${(error as Error).message}`
  }
}

/** The document and its proof configurations (proof without its value, with the document's context). */
function inputsOf(document: Obj): unknown[] {
  const { proof, ...rest } = document
  const proofs = (Array.isArray(proof) ? proof : proof ? [proof] : []) as Obj[]
  return [rest, document, ...proofs.map(({ proofValue: _v, jws: _j, ...p }) => ({ '@context': document['@context'], ...p }))]
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return jsonFiles(path)
    return /\.(json|jsonld)$/.test(name) ? [path] : []
  })
}

function readJson(path: string): Obj | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) && '@context' in value ? (value as Obj) : null
  } catch {
    return null
  }
}

describe("Skillfolio's jsonld.js set-up", () => {
  it('is installed for Skillfolio and leaves jsonld.js unchanged for everyone else', () => {
    expect(fastJsonLdAvailable()).toBe(true)
    const ours = jsonldContext.getInitialContext({ processingMode: PROCESSING_MODE })
    const stock = jsonldContext.getInitialContext({})
    expect(ours).not.toBe(stock)
    expect(ours.clone).not.toBe(stock.clone)
  })

  it('gives the same canonical N-Quads (and the same errors) as stock jsonld.js', async () => {
    const credentials = sharedPath('fixtures', 'credentials')
    const files = [...jsonFiles(OWN_FIXTURES), ...(credentials ? jsonFiles(credentials) : [])]
    const documents = files.map(readJson).filter((d): d is Obj => d !== null && missingContexts(d).length === 0)
    expect(documents.length).toBeGreaterThan(credentials ? 20 : 5)
    let compared = 0
    for (const document of documents) {
      for (const input of inputsOf(document)) {
        // Fast first, stock second, then fast again: neither may leave state that changes the other.
        const fast = await canonical(input, true)
        expect(await canonical(input, false)).toBe(fast)
        expect(await canonical(input, true)).toBe(fast)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(documents.length)
  }, 60_000)

  it('keeps scoped contexts apart: nested types, protected terms, undefined terms', async () => {
    const key = await testKey()
    const base = achievementCredential(key) as Obj
    const nested: Obj = {
      ...base,
      credentialSubject: {
        ...(base.credentialSubject as Obj),
        achievement: { ...((base.credentialSubject as Obj).achievement as Obj), alignment: [{ type: ['Alignment'], targetName: 'x', targetUrl: 'https://example.org/a' }] },
      },
      evidence: [{ type: ['Evidence'], name: 'e', narrative: 'n' }],
    }
    const cases: unknown[] = [
      nested,
      // A term from a type-scoped context used outside its type: safe mode refuses it.
      { ...base, targetName: 'outside its type' },
      // A term no context defines.
      { ...base, notATerm: 1 },
      // Redefining a protected VC 2.0 term.
      { ...base, '@context': [...OB3_CONTEXT, { name: 'https://example.org/name' }] },
      // A context of its own that defines a new term.
      { ...base, '@context': [...OB3_CONTEXT, { extra: 'https://example.org/extra' }], extra: 'ok' },
      // A protected term inside a type-scoped context stays inside: the unprotected outer context
      // may still be cleared (`@context: null`) in a node after it.
      {
        '@context': { '@version': 1.1, Thing: { '@id': 'https://example.org/Thing', '@context': { '@protected': true, p: 'https://example.org/p' } }, q: 'https://example.org/q', r: 'https://example.org/r' },
        '@id': 'https://example.org/1',
        q: { '@type': 'Thing', p: 'v' },
        r: { '@context': null, '@id': 'https://example.org/2', 'https://example.org/s': 'w' },
      },
    ]
    const results: string[] = []
    for (const input of cases) {
      const fast = await canonical(input, true)
      expect(await canonical(input, false)).toBe(fast)
      results.push(fast)
    }
    expect(results[0]).toContain('<https://schema.org/targetName> "x"')
    expect(results.slice(1, 4).every((r) => r.startsWith('error:'))).toBe(true)
    expect(results[4]).toContain('<https://example.org/extra>')
    expect(results[5]).toContain('<https://example.org/s> "w"')
  })
})

describe('remembered canonical forms', () => {
  it('never let a changed copy pass, before or after the original', async () => {
    const key = await testKey()
    const original = await signDataIntegrity(achievementCredential(key, { n: 77 }), key)
    const legacy = await signEd25519Signature2020(achievementCredential(key, { n: 78 }), key)
    const verifier = createVerifier({ now, online: false })
    const verdict = async (document: Obj) => (await verifier.verify(parsedDocument(document, 'ob3'))).signature.verdict
    const changes: ((d: Obj) => void)[] = [
      (d) => (d.name = `${String(d.name)}!`),
      (d) => (((d.credentialSubject as Obj).achievement as Obj).name = 'Something else'),
      (d) => ((d.issuer as Obj).name = 'Another issuer'),
      (d) => ((d.proof as Obj).created = '2025-01-01T00:00:01Z'),
    ]
    clearCanonicalCache()
    for (const signed of [original, legacy]) {
      for (const change of changes) {
        const tampered = structuredClone(signed)
        change(tampered)
        expect(await verdict(signed)).toBe('valid')
        expect(await verdict(tampered)).toBe('invalid')
        expect(await verdict(signed)).toBe('valid')
        expect(await verdict(structuredClone(tampered))).toBe('invalid')
      }
    }
    // Tampered first, with nothing remembered.
    clearCanonicalCache()
    const tampered = structuredClone(original)
    changes[1]!(tampered)
    expect(await verdict(tampered)).toBe('invalid')
    expect(await verdict(original)).toBe('valid')
  })
})

describe('contexts are resolved per loader', () => {
  // Another part of the app (the Blockcerts hash) serves its own copies of contexts under the
  // same URLs as Skillfolio's bundled ones; neither may see the other's.
  const VC_V2 = 'https://www.w3.org/ns/credentials/v2'
  const document = { '@context': [VC_V2], id: 'urn:uuid:1', type: ['VerifiableCredential'], name: 'n' }
  const other = (tag?: 'static') => async (url: string) => {
    if (url !== VC_V2) return loader(url)
    return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': 'https://other.example/#', id: '@id', type: '@type' } }, ...(tag ? { tag } : {}) }
  }

  it("Skillfolio's cached contexts do not leak to other loaders, nor theirs to Skillfolio", async () => {
    const ours = await canonical(document, true)
    expect(ours).toContain('<https://schema.org/name>')
    expect(await canonical(document, false, other())).toContain('<https://other.example/#name>')
    expect(await canonical(document, true)).toBe(ours)
    // A loader that tags its copy `static` puts it in jsonld.js's process-wide cache, where it stays
    // (so this comes last in the file: stock jsonld.js calls, such as signing, would now get it).
    expect(await canonical(document, false, other('static'))).toContain('<https://other.example/#name>')
    expect(await canonical(document, true)).toBe(ours)
  })
})
