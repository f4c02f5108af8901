/**
 * Backup and restore of a 10,000-credential portfolio with its originals (issue 12): the
 * credentials of portfolio.bench (3–6 skills each), each with its own original file from
 * importers.bench (a baked PNG of ~27 KB, a baked SVG or the badge JSON, a third each), stored in
 * the portfolio as blobs, about 120 MB in all. Then, as a person does it:
 * - a plain backup and an encrypted one (scrypt + AES-256-GCM) of the open portfolio: seconds,
 *   file size and the memory it took;
 * - checking each backup fully (hashes, integrity check, schema), as `skillfolio backups` /
 *   the Backups screen's "Check" does;
 * - restoring each into a new portfolio file, opened afterwards to count its credentials;
 * - the full export ZIP of the same portfolio and its import into an empty portfolio.
 * Each is one run (they take seconds): read them as rough figures on a busy machine.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core/app'
import { restoreBackup } from '../../electron/core/backup/restore'
import { createPortfolio } from '../../electron/core/portfolio'
import { mb, measure, type BenchRow, type Measured } from './harness'
import { buildBadges } from './importers.bench'
import { fakeCredential, rng } from './portfolio.bench'

const CREDENTIALS = 10_000
const PASSPHRASE = 'correct horse battery staple'
const MEDIA_TYPES: Record<string, string> = { png: 'image/png', svg: 'image/svg+xml', json: 'application/json' }

/** 10,000 credentials, each with its own original, in one transaction (as a long-used portfolio holds them). */
function fill(core: Core): { ms: number; originalBytes: number } {
  const portfolio = createPortfolio(core.db, () => new Date())
  const r = rng(12)
  const inputs = Array.from({ length: CREDENTIALS }, (_, i) => fakeCredential(i, r))
  const badges = buildBadges(CREDENTIALS)
  const start = performance.now()
  core.db.transaction(() =>
    portfolio.batchIndex(() =>
      inputs.forEach((input, i) => {
        const id = portfolio.credentials.insert(input)
        const badge = badges[i]!
        const sha = core.evidence.put(badge.bytes, badge.name, MEDIA_TYPES[badge.name.split('.').pop()!]!)
        core.evidence.attach(id, sha)
      }),
    ),
  )()
  core.db.pragma('wal_checkpoint(TRUNCATE)')
  return { ms: performance.now() - start, originalBytes: badges.reduce((n, b) => n + b.bytes.length, 0) }
}

const seconds = (m: number) => `${(m / 1000).toFixed(2)} s`
/** CPU time (the wall time stretches on a busy machine) and memory: the peak, and how far it rose over the start. */
const memory = (m: Measured<unknown>) => `CPU ${seconds(m.cpuMs)}; peak RSS ${mb(m.peakRss)} (+${mb(m.peakRss - m.startRss)}), heap+buffers ${mb(m.peakHeap)}`

/** Opens a restored portfolio and counts its credentials: a restore that lost any fails the benchmark. */
function countCredentials(dbPath: string, dir: string): number {
  const core = createCore({ dbPath, dataDir: dir, log: () => {} })
  try {
    return core.db.prepare('SELECT count(*) FROM credential').pluck().get() as number
  } finally {
    core.close()
  }
}

export async function backupBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-bench-backup-'))
  const dbPath = join(dir, 'portfolio.sqlite')
  const core = createCore({ dbPath, dataDir: dir, log: () => {} })
  const rows: BenchRow[] = []
  try {
    const built = fill(core)
    const dbBytes = statSync(dbPath).size
    rows.push({
      benchmark: 'backup: build 10,000 credentials with one original each',
      value: seconds(built.ms),
      note: `portfolio file ${mb(dbBytes)}, originals ${mb(built.originalBytes)} (PNG/SVG/JSON badges)`,
    })

    const made: Record<'plain' | 'encrypted', string> = { plain: join(dir, 'plain.sfbackup'), encrypted: join(dir, 'encrypted.sfbackup') }
    for (const kind of ['plain', 'encrypted'] as const) {
      const passphrase = kind === 'encrypted' ? PASSPHRASE : undefined
      const created = await measure(() => core.backups.create({ file: made[kind], ...(passphrase ? { passphrase } : {}) }))
      rows.push({
        benchmark: `backup ${kind}, 10,000 credentials + originals`,
        value: seconds(created.ms),
        note: `file ${mb(created.value.bytes)} (${((100 * created.value.bytes) / dbBytes).toFixed(0)}% of the portfolio); ${memory(created)}`,
      })
      const checked = await measure(() => core.backups.inspect({ path: made[kind], ...(passphrase ? { passphrase } : {}) }))
      if (checked.value.counts.credentials !== CREDENTIALS) throw new Error(`The ${kind} backup says it holds ${checked.value.counts.credentials} credentials`)
      rows.push({ benchmark: `backup ${kind}: check (hashes, integrity, schema)`, value: seconds(checked.ms), note: memory(checked) })
    }
    for (const kind of ['plain', 'encrypted'] as const) {
      const target = join(dir, `restored-${kind}.sqlite`)
      const restored = await measure(() => restoreBackup({ backupFile: made[kind], dbPath: target, ...(kind === 'encrypted' ? { passphrase: PASSPHRASE } : {}) }))
      const count = countCredentials(target, dir)
      if (count !== CREDENTIALS) throw new Error(`The ${kind} restore holds ${count} credentials, not ${CREDENTIALS}`)
      rows.push({ benchmark: `restore ${kind} backup into a new portfolio`, value: seconds(restored.ms), note: `${count.toLocaleString('en-US')} credentials back; ${memory(restored)}` })
    }

    const exported = await measure(() => core.call('exchange:exportAll', {}))
    const zipBytes = Buffer.byteLength(exported.value.zipBase64, 'base64')
    rows.push({ benchmark: 'full export ZIP (portfolio.json + originals), same portfolio', value: seconds(exported.ms), note: `ZIP ${mb(zipBytes)} (base64 over the contract); ${memory(exported)}` })
    const empty = createCore({ dbPath: join(dir, 'from-export.sqlite'), dataDir: dir, log: () => {} })
    try {
      const imported = await measure(() => empty.call('exchange:importAll', { zipBase64: exported.value.zipBase64 }))
      if (imported.value.counts.credentials !== CREDENTIALS) throw new Error(`The export import brought ${imported.value.counts.credentials} credentials`)
      rows.push({ benchmark: 'full export imported into an empty portfolio', value: seconds(imported.ms), note: `${Math.round(CREDENTIALS / (imported.ms / 1000)).toLocaleString('en-US')} credentials/s, one transaction; ${memory(imported)}` })
    } finally {
      empty.close()
    }
    return rows
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
