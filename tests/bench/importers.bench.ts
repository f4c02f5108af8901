/**
 * Importer parsing throughput: 1,000 baked badges (one third PNG, one third SVG, one third JSON;
 * OB 2.0 and OB 3.0; no signatures), each distinct, read with readCredentialFile. This is the
 * parsing part only: the database commit is measured where the import service is wired in.
 */
import { bakePng, bakeSvg, pngChunk } from '../../electron/core/importers/bake'
import { readCredentialFile } from '../../electron/core/importers'
import { OB2_ASSERTION, OB3_CREDENTIAL, TINY_SVG } from '../fixtures/importers/make-fixtures'
import { hostileFiles } from '../fixtures/importers/hostile'
import { deflateSync } from 'node:zlib'
import { median, p95, timeRuns, type BenchRow } from './harness'

/** A badge-sized PNG (96×96 RGB, noisy so it does not compress to nothing: about 27 KB). */
function badgePng(seed: number): Uint8Array {
  const size = 96
  let s = seed >>> 0
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24
  const rows = Buffer.alloc(size * (1 + size * 3))
  for (let y = 0, i = 0; y < size; y++) {
    rows[i++] = 0
    for (let x = 0; x < size * 3; x++) rows[i++] = (x * 2 + y + (next() & 0x1f)) & 0xff
  }
  const ihdr = new Uint8Array(13)
  new DataView(ihdr.buffer).setUint32(0, size)
  new DataView(ihdr.buffer).setUint32(4, size)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const signature = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array(0))]))
}

/** A badge-sized SVG: the tiny test badge plus a few hundred path segments (about 6 KB). */
const BADGE_SVG = TINY_SVG.replace('</svg>', `${Array.from({ length: 40 }, (_, i) => `  <path d="M${i},${i} L${i + 10},${i * 2} Q${i * 3},${i} ${i + 20},${i + 5} Z" fill="#${(i * 5123).toString(16).padStart(6, '0').slice(0, 6)}"/>`).join('\n')}\n</svg>`)

export function buildBadges(count = 1000): { name: string; bytes: Uint8Array }[] {
  const png = badgePng(7)
  const out: { name: string; bytes: Uint8Array }[] = []
  for (let i = 0; i < count; i++) {
    const ob2 = JSON.stringify({ ...OB2_ASSERTION, id: `${OB2_ASSERTION.id}-${i}`, badge: { ...OB2_ASSERTION.badge, name: `${OB2_ASSERTION.badge.name} ${i}` } })
    const ob3 = JSON.stringify({ ...OB3_CREDENTIAL, id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })
    const json = i % 2 === 0 ? ob2 : ob3
    const kind = i % 2 === 0 ? 'ob2' : 'ob3'
    switch (i % 3) {
      case 0:
        out.push({ name: `badge-${i}.png`, bytes: bakePng(png, kind === 'ob2' ? 'openbadges' : 'openbadgecredential', json, { position: kind === 'ob2' ? 'after-ihdr' : 'before-iend' }) })
        break
      case 1:
        out.push({ name: `badge-${i}.svg`, bytes: Buffer.from(bakeSvg(BADGE_SVG, json, kind)) })
        break
      default:
        out.push({ name: `badge-${i}.json`, bytes: Buffer.from(json) })
    }
  }
  return out
}

function throughput(label: string, files: { name: string; bytes: Uint8Array }[], target?: string): BenchRow {
  const times = timeRuns(() => {
    for (const f of files) readCredentialFile(f.bytes, f.name)
  }, 9, 2)
  const perSecond = Math.round((files.length / median(times)) * 1000)
  return {
    benchmark: label,
    value: `${perSecond.toLocaleString('en-US')} files/s`,
    target,
    note: `median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms for ${files.length.toLocaleString('en-US')} files (parsing only)`,
  }
}

export function importersBench(): BenchRow[] {
  const badges = buildBadges(1000)
  const kb = Math.round(badges.reduce((n, b) => n + b.bytes.length, 0) / 1024)
  const rows = [throughput(`import parse: 1,000 baked badges, mixed PNG/SVG/JSON (${kb.toLocaleString('en-US')} KB)`, badges, '≫ 1,000 files/s (import target incl. DB commit)')]
  for (const ext of ['png', 'svg', 'json']) {
    const subset = badges.filter((b) => b.name.endsWith(`.${ext}`))
    rows.push(throughput(`import parse: ${ext.toUpperCase()} only`, subset))
  }
  rows.push(hostileRefusals())
  return rows
}

/** How long the slowest of the large hostile files (tests/core/importers/bad-input.test.ts) takes to be refused. */
function hostileRefusals(): BenchRow {
  const files = Object.entries(hostileFiles())
  const refuse = (bytes: Uint8Array, name: string) => {
    try {
      readCredentialFile(bytes, name)
    } catch {
      return
    }
    throw new Error(`${name}: a hostile file was read instead of refused`)
  }
  const medians = files.map(([name, f]) => ({ name, ms: median(timeRuns(() => refuse(f.bytes, f.fileName), 5, 1)) })).sort((a, b) => b.ms - a.ms)
  const slowest = medians[0]!
  return {
    benchmark: `refusing hostile files (${files.length} kinds: bombs, deep nesting, 200,000 PNG chunks…), slowest`,
    value: `${slowest.ms.toFixed(0)} ms`,
    target: '< 2 s',
    note: `${slowest.name}; next ${medians.slice(1, 3).map((m) => `${m.name} ${m.ms.toFixed(0)} ms`).join(', ')}`,
  }
}
