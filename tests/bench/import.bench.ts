/**
 * Importing 1,000 baked badges (a third each PNG, SVG and JSON, no signatures) from a folder,
 * timed from import:start to the last database commit, as a person dropping a folder sees it.
 * The originals are stored in the portfolio, in the same transactions as the credentials.
 * The app is warm (it has imported a few other badges since it started): under tsx the first
 * batch also pays for compiling the lazily loaded modules, which the bundled app does not; that
 * first, cold batch is reported in the note.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../electron/core/app'
import { bakePng, bakeSvg } from '../../electron/core/importers/bake'
import { ms, type BenchRow } from './harness'

const FIXTURES = join(__dirname, '../fixtures/importers')

function assertion(i: number) {
  return JSON.stringify({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    recipient: { type: 'email', hashed: false, identity: `learner${i}@example.org` },
    issuedOn: `2024-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
    verification: { type: 'HostedBadge' },
    badge: {
      type: 'BadgeClass',
      id: `https://badges.example.org/classes/${i % 50}`,
      name: `Badge ${i}: ${['SQL basics', 'Cloud foundations', 'UX research', 'Agile delivery', 'Python for data'][i % 5]}`,
      description: 'Awarded for completing the course and its project.',
      criteria: { narrative: 'Complete all modules.' },
      alignment: [{ targetName: ['SQL', 'AWS', 'User research', 'Scrum', 'Python'][i % 5] }, { targetName: `Topic ${i % 40}` }],
      issuer: { type: 'Profile', id: 'https://badges.example.org/issuer', name: 'Example Academy', url: 'https://academy.example.org' },
    },
  })
}

export async function importBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-import-bench-'))
  const folder = join(dir, 'badges')
  const warmFolder = join(dir, 'warm-up')
  mkdirSync(folder)
  mkdirSync(warmFolder)
  const png = readFileSync(join(FIXTURES, 'plain.png'))
  const svg = readFileSync(join(FIXTURES, 'plain.svg'), 'utf8')
  for (let i = 0; i < 1000; i++) {
    const json = assertion(i)
    if (i % 3 === 0) writeFileSync(join(folder, `badge-${i}.png`), bakePng(png, 'openbadges', json))
    else if (i % 3 === 1) writeFileSync(join(folder, `badge-${i}.svg`), bakeSvg(svg, json, 'ob2'))
    else writeFileSync(join(folder, `badge-${i}.json`), json)
  }
  for (let i = 0; i < 30; i++) {
    const json = assertion(100_000 + i)
    if (i % 3 === 0) writeFileSync(join(warmFolder, `warm-${i}.png`), bakePng(png, 'openbadges', json))
    else if (i % 3 === 1) writeFileSync(join(warmFolder, `warm-${i}.svg`), bakeSvg(svg, json, 'ob2'))
    else writeFileSync(join(warmFolder, `warm-${i}.json`), json)
  }
  const core = createCore({ dbPath: join(dir, 'bench.sqlite'), dataDir: dir, log: () => {} })
  try {
    const warmStarted = performance.now()
    const warm = await core.call('import:start', { sources: [{ path: warmFolder }], origin: 'cli' })
    const warmReport = await core.call('import:status', { batchId: warm.batchId, waitMs: 30_000 })
    const cold = Math.round((warmReport.total / (performance.now() - warmStarted)) * 1000)
    let imported = 0
    const started = performance.now()
    const { batchId } = await core.call('import:start', { sources: [{ path: folder }], origin: 'cli' })
    const report = await core.call('import:status', { batchId, waitMs: 30_000 })
    const elapsed = performance.now() - started
    imported = report.counts.imported
    const originals = core.db.prepare<[], { n: number; bytes: number }>('SELECT count(*) AS n, coalesce(sum(length(bytes)), 0) AS bytes FROM original_blob').get()!
    const perSecond = Math.round((report.total / elapsed) * 1000)
    return [
      {
        benchmark: 'import 1,000 baked badges (PNG/SVG/JSON) incl. commit, originals in the portfolio',
        value: `${perSecond} files/s`,
        target: '≥ 3,000 files/s',
        note: `${ms(elapsed)} total, ${imported} imported, ${report.counts.failed} failed, ${originals.n} originals (${(originals.bytes / 1024).toFixed(0)} KiB) in the portfolio; first batch after start (30 files, cold): ${cold} files/s`,
      },
    ]
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
