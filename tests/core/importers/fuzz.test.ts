/**
 * Deterministic mutation fuzzing of readCredentialFile over the project's own fixtures and, when
 * present, the ../shared credential corpus. Every mutated file must give a ParsedCredential or
 * an ImportError: never another exception, never a hang.
 *
 * Mutations: bit flips, byte insertion and deletion, range duplication, truncation, PNG chunk
 * length corruption, PNG text-chunk edits with the CRC fixed up (so the payload readers are
 * reached, not only the CRC check), splices between two files, token injection into text
 * (brackets, quotes, CDATA, DOCTYPE …), and JSON type confusion (a random value of the
 * document replaced by a value of another type, re-serialised).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ImportError, readCredentialFile, type ParsedCredential } from '../../../electron/core/importers'
import { buildFixtures } from '../../fixtures/importers/make-fixtures'
import { sharedPath } from '../../helpers/shared-data'

const MUTATIONS = 4_000
const SEED = 0x5eed_f00d

function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Sample {
  name: string
  bytes: Uint8Array
}

function corpus(): Sample[] {
  const own = [...buildFixtures()].map(([name, bytes]) => ({ name, bytes }))
  const dir = sharedPath('fixtures', 'credentials')
  if (!dir) return own
  const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => walk(join(p, f))) : [p])
  const shared = walk(dir)
    .filter((p) => !p.endsWith('MANIFEST.md'))
    .map((p) => ({ name: p.slice(dir.length + 1), bytes: new Uint8Array(readFileSync(p)) }))
  return [...own, ...shared]
}

const TOKENS = ['{', '}', '[', ']', '"', ',', ':', 'null', '1e999', '-0', '"__proto__"', '\\u0000', '\\ud800', '<', '>', '<![CDATA[', ']]>', '<!DOCTYPE svg [<!ENTITY a "b">]>', '&a;', '&#0;', 'eyJ', '.', 'data:image/png;base64,', 'sha256$', 'https://', '\u0000', '\uFEFF']

const pngChunks = (b: Uint8Array): { at: number; length: number; type: string }[] => {
  const out: { at: number; length: number; type: string }[] = []
  if (b[0] !== 0x89 || b[1] !== 0x50) return out
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  for (let at = 8; at + 12 <= b.length && out.length < 10_000; ) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!)
    if (at + 12 + length > b.length) break
    out.push({ at, length, type })
    at += 12 + length
  }
  return out
}

function jsonTypeConfusion(bytes: Uint8Array, r: () => number): Uint8Array | null {
  let doc: unknown
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    return null
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!
  const values = [null, 0, -1, 1.5, 1359217910, '', 'x', '2015-04-31', true, [], [null], {}, { id: 5 }, { '@value': 7 }, [[[[]]]], 'https://a.example', { en: null }]
  for (let n = 0; n < 1 + Math.floor(r() * 3); n++) {
    // Walk down a random path and replace what is found.
    let parent: Record<string, unknown> | unknown[] | null = null
    let key: string | number = ''
    let node: unknown = doc
    for (let depth = 0; depth < 8 && typeof node === 'object' && node !== null; depth++) {
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node)
      if (keys.length === 0 || (depth > 0 && r() < 0.25)) break
      parent = node as Record<string, unknown>
      key = pick(keys)
      node = (node as Record<string | number, unknown>)[key]
    }
    if (parent === null) return null
    ;(parent as Record<string | number, unknown>)[key] = r() < 0.15 ? undefined : structuredClone(pick(values))
  }
  return new Uint8Array(Buffer.from(JSON.stringify(doc)))
}

function mutate(samples: Sample[], r: () => number): { bytes: Uint8Array; how: string; from: string } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!
  const sample = pick(samples)
  let b: Uint8Array = new Uint8Array(sample.bytes)
  const at = () => Math.floor(r() * (b.length + 1))
  const kind = Math.floor(r() * 10)
  let how: string
  switch (kind) {
    case 0: {
      const flips = 1 + Math.floor(r() * 8)
      for (let i = 0; i < flips && b.length > 0; i++) b[Math.floor(r() * b.length)]! ^= 1 << Math.floor(r() * 8)
      how = `flip ${flips} bits`
      break
    }
    case 1: {
      const p = at()
      const insert = Uint8Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.floor(r() * 256))
      b = new Uint8Array(Buffer.concat([b.subarray(0, p), insert, b.subarray(p)]))
      how = `insert ${insert.length} bytes at ${p}`
      break
    }
    case 2: {
      const p = at()
      const n = 1 + Math.floor(r() * 16)
      b = new Uint8Array(Buffer.concat([b.subarray(0, p), b.subarray(p + n)]))
      how = `delete ${n} bytes at ${p}`
      break
    }
    case 3: {
      const p = at()
      how = `truncate at ${p}`
      b = b.slice(0, p)
      break
    }
    case 4: {
      const chunks = pngChunks(b)
      if (chunks.length === 0) return mutate(samples, r)
      const c = pick(chunks)
      const view = new DataView(b.buffer)
      const value = pick([0, 1, c.length + 1, c.length - 1, 0x7fffffff, 0xffffffff, Math.floor(r() * 2 ** 32)])
      view.setUint32(c.at, Math.max(0, value) >>> 0)
      how = `set ${c.type} length to ${value}`
      break
    }
    case 5: {
      // Edit inside a text (or any) chunk and fix its CRC, so the payload readers run.
      const chunks = pngChunks(b).filter((c) => c.length > 0)
      if (chunks.length === 0) return mutate(samples, r)
      const text = chunks.filter((c) => c.type === 'iTXt' || c.type === 'tEXt' || c.type === 'zTXt')
      const c = text.length > 0 && r() < 0.8 ? pick(text) : pick(chunks)
      const edits = 1 + Math.floor(r() * 4)
      for (let i = 0; i < edits; i++) b[c.at + 8 + Math.floor(r() * c.length)] = pick([0, 0x22, 0x7b, 0x7d, 0x5b, 0x2e, Math.floor(r() * 256)])
      new DataView(b.buffer).setUint32(c.at + 8 + c.length, crc32(b.subarray(c.at + 4, c.at + 8 + c.length)) >>> 0)
      how = `edit ${edits} bytes in ${c.type} with CRC fixed`
      break
    }
    case 6: {
      const other = pick(samples).bytes
      const p = at()
      const q = Math.floor(r() * (other.length + 1))
      b = new Uint8Array(Buffer.concat([b.subarray(0, p), other.subarray(q)]))
      how = `splice at ${p} with another file from ${q}`
      break
    }
    case 7: {
      const p = at()
      const token = pick(TOKENS)
      b = new Uint8Array(Buffer.concat([b.subarray(0, p), Buffer.from(token), b.subarray(p)]))
      how = `inject ${JSON.stringify(token)} at ${p}`
      break
    }
    case 8: {
      const p = at()
      const n = Math.min(b.length - p, 1 + Math.floor(r() * 64))
      const times = 1 + Math.floor(r() * 50)
      b = new Uint8Array(Buffer.concat([b.subarray(0, p), ...Array.from({ length: times }, () => b.subarray(p, p + n)), b.subarray(p)]))
      how = `repeat ${n} bytes ×${times} at ${p}`
      break
    }
    default: {
      const confused = jsonTypeConfusion(b, r)
      if (confused === null) return mutate(samples, r)
      b = confused
      how = 'JSON type confusion'
    }
  }
  return { bytes: b, how, from: sample.name }
}

function sane(c: ParsedCredential): boolean {
  return (
    typeof c.format === 'string' &&
    typeof c.container === 'string' &&
    (c.title === null || typeof c.title === 'string') &&
    Array.isArray(c.skills) &&
    c.skills.every((s) => typeof s.name === 'string' && s.name.length > 0) &&
    Array.isArray(c.warnings) &&
    c.warnings.every((w) => typeof w === 'string') &&
    Array.isArray(c.urls.evidence) &&
    (c.issuedOn === null || typeof c.issuedOn === 'string')
  )
}

describe('fuzz: mutated files give a credential or an ImportError', () => {
  it(`survives ${MUTATIONS.toLocaleString('en-US')} deterministic mutations`, () => {
    const samples = corpus()
    const r = prng(SEED)
    const problems: string[] = []
    const reasons = new Map<string, number>()
    let parsed = 0
    for (let i = 0; i < MUTATIONS; i++) {
      const { bytes, how, from } = mutate(samples, r)
      try {
        const c = readCredentialFile(bytes, from.split('/').pop()!)
        parsed++
        if (!sane(c)) problems.push(`#${i} ${from} (${how}): result has the wrong shape`)
      } catch (e) {
        if (e instanceof ImportError) {
          reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1)
          if (typeof e.message !== 'string' || e.message.length < 10) problems.push(`#${i} ${from} (${how}): empty message`)
          if (e.reason === 'corrupt' && e.message.startsWith('Skillfolio could not read this file')) problems.push(`#${i} ${from} (${how}): an unexpected exception was wrapped`)
        } else problems.push(`#${i} ${from} (${how}): ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)
      }
    }
    console.log(`fuzz: ${MUTATIONS} files from ${samples.length} samples; ${parsed} read, refused: ${JSON.stringify(Object.fromEntries(reasons))}`)
    expect(problems.slice(0, 20)).toEqual([])
    expect(parsed).toBeGreaterThan(MUTATIONS / 20) // the fuzzer reaches the readers, not only the refusals
  }, 30_000)
})
