/**
 * The shared real-world corpus (../shared/fixtures/credentials) against the two newer suites:
 * every file whose proof is Ed25519Signature2018 or DataIntegrityProof ecdsa-rdfc-2019 must
 * verify as its MANIFEST.md row says, and every ecdsa-sd-2023 file must stay "unsupported"
 * (its 1EdTech fragment key, a P-256 zDna… key, now resolves; the cryptosuite still is not checked).
 * Files are found by their content, through the importer (baked PNG/SVG included), so a file
 * added to the corpus later is picked up without editing this test.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVerifier } from '../../../electron/core/verify/verifier'
import { listProofs } from '../../../electron/core/verify/data-integrity'
import type { ParsedCredential } from '../../../electron/core/importers/types'
import type { VerificationResult } from '../../../electron/shared/verification'
import { sharedPath } from '../../helpers/shared-data'
import { localWeb, now, parsedDocument, parseFile, supportRoutes, type LocalWeb } from './helpers'

const dir = sharedPath('fixtures', 'credentials')

type Verdict = VerificationResult['signature']['verdict']

function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name !== 'MANIFEST.md' && !e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

/** The file as the verifier sees it: an importable credential, else a plain JSON-LD document (support/ status lists). */
function load(path: string): ParsedCredential | null {
  try {
    return parseFile(path)
  } catch {
    try {
      const json = JSON.parse(readFileSync(path, 'utf8')) as unknown
      return json && typeof json === 'object' && !Array.isArray(json) ? parsedDocument(json as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
}

/** The suites of a file's own (top-level) proofs. */
function suitesOf(parsed: ParsedCredential): string[] {
  const document = parsed.document
  if (!document || typeof document !== 'object') return []
  return listProofs(document as Record<string, unknown>).map((p) => (p.type === 'DataIntegrityProof' ? (p.cryptosuite ?? '(none)') : p.type))
}

/** MANIFEST rows: relative path → the "Expected verification" column. */
function manifestRows(root: string): Map<string, string> {
  const rows = new Map<string, string>()
  for (const line of readFileSync(join(root, 'MANIFEST.md'), 'utf8').split('\n')) {
    const match = /^\| `([^`]+)` \(/.exec(line)
    if (!match) continue
    const cells = line.split(' | ')
    rows.set(match[1]!, cells[cells.length - 1]!.replace(/\s*\|\s*$/, ''))
  }
  return rows
}

/** The signature verdict a MANIFEST "Expected verification" text states. */
function expectedVerdict(text: string): Verdict | null {
  if (/signature INVALID|TAMPERED/i.test(text)) return 'invalid'
  if (/signature VALID/i.test(text)) return 'valid'
  if (/not checked here|unsupported|unknown cryptosuite/i.test(text)) return 'unsupported'
  if (/unverifiable|needs network|did:web/i.test(text)) return 'needs_network'
  return null
}

const NEW_SUITES = new Set(['Ed25519Signature2018', 'ecdsa-rdfc-2019'])

// Collected when the file is loaded, so that test names can say what was found.
const scanned = dir ? filesUnder(dir).map((path) => ({ rel: relative(dir, path), parsed: load(path) })) : []
const matches = scanned.filter((f) => f.parsed && suitesOf(f.parsed).some((s) => NEW_SUITES.has(s)))
const sdFiles = scanned.filter((f) => f.parsed && suitesOf(f.parsed).includes('ecdsa-sd-2023'))

describe.skipIf(!dir)('shared corpus: Ed25519Signature2018 and ecdsa-rdfc-2019 files', () => {
  const root = dir ?? ''
  const rows = dir ? manifestRows(root) : new Map<string, string>()
  const offline = createVerifier({ now, online: false })
  let web: LocalWeb | null = null

  beforeAll(async () => {
    if (matches.length) web = await localWeb(supportRoutes(root))
  })
  afterAll(() => web?.close())

  it(`scans every corpus file (${scanned.length}) by content`, () => {
    expect(scanned.length).toBeGreaterThan(50)
    expect(scanned.filter((f) => f.parsed).length).toBeGreaterThan(50)
  })

  // Today no corpus file uses either suite (our own fixtures cover both: suites-2018-ecdsa.test.ts);
  // a file added later is verified by the loop below.

  for (const { rel, parsed } of matches) {
    it(`${rel} (${suitesOf(parsed!).join(' + ')}) verifies as its MANIFEST row says`, async () => {
      const row = rows.get(rel)
      expect(row, `${rel} has no MANIFEST row`).toBeDefined()
      const expected = expectedVerdict(row!)
      expect(expected, `cannot read an outcome from "${row}"`).not.toBeNull()
      let result = await offline.verify(parsed!)
      // A key or context on the web: the MANIFEST's support files, served locally, stand in for it.
      if (result.signature.verdict === 'needs_network' && expected !== 'needs_network' && web) {
        result = await createVerifier({ now, online: true, fetchJson: web.fetcher() }).verify(parsed!)
      }
      expect(result.signature.verdict, result.signature.detail).toBe(expected)
    })
  }

  it(`ecdsa-sd-2023 stays unsupported (${sdFiles.map((f) => f.rel).join(', ') || 'no such file'})`, async () => {
    for (const { rel, parsed } of sdFiles) {
      const result = await offline.verify(parsed!)
      expect(result.signature.verdict, rel).toBe('unsupported')
      expect(result.signature.detail, rel).toMatch(/ecdsa-sd-2023/)
      expect(expectedVerdict(rows.get(rel) ?? ''), rel).toBe('unsupported')
    }
  })
})
