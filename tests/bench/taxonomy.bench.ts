/**
 * Taxonomy: loading the built-in catalog, and importing the full ESCO v1.1.1 and O*NET 29.3
 * downloads from ../shared/data/taxonomy into a fresh portfolio database, with the time and
 * the peak resident memory of each import (RSS sampled every 10 ms, minus the RSS before).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../../electron/core/db/open'
import { migrate } from '../../electron/core/db/migrate'
import { clearCatalogCache, loadCatalog } from '../../electron/core/taxonomy/catalog'
import { importEsco } from '../../electron/core/taxonomy/import-esco'
import { importOnet } from '../../electron/core/taxonomy/import-onet'
import type { TaxonomyImportResult } from '../../electron/core/taxonomy/store'
import { SHARED_DIR } from '../helpers/shared-data'
import { median, ms, timeRuns, type BenchRow } from './harness'

const MB = 1024 * 1024

async function measured(run: () => Promise<TaxonomyImportResult>): Promise<{ result: TaxonomyImportResult; ms: number; peakMb: number; deltaMb: number }> {
  const base = process.memoryUsage().rss
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const started = performance.now()
  try {
    const result = await run()
    const elapsed = performance.now() - started
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, ms: elapsed, peakMb: peak / MB, deltaMb: (peak - base) / MB }
  } finally {
    clearInterval(timer)
  }
}

const rows = (r: TaxonomyImportResult) =>
  `${r.source.skills.toLocaleString('en')} skills, ${r.source.occupations.toLocaleString('en')} occupations, ${r.source.relations.toLocaleString('en')} links`

export async function taxonomyBench(): Promise<BenchRow[]> {
  const out: BenchRow[] = []
  const resources = resolve(__dirname, '../../resources')
  const load = timeRuns(() => {
    clearCatalogCache()
    loadCatalog(resources)
  }, 10, 2)
  const catalog = loadCatalog(resources)
  out.push({
    benchmark: 'load + validate built-in catalog',
    value: ms(median(load)),
    note: `${catalog.skills.length} skills, ${catalog.roles.length} roles`,
  })

  const escoDir = join(SHARED_DIR, 'data', 'taxonomy', 'esco')
  const onetDir = join(SHARED_DIR, 'data', 'taxonomy', 'onet')
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-taxonomy-bench-'))
  const db = openDatabase(join(dir, 'bench.sqlite'))
  migrate(db)
  try {
    if (existsSync(escoDir)) {
      global.gc?.()
      const first = await measured(() => importEsco(db, escoDir, { version: '1.1.1' }))
      out.push({
        benchmark: 'import all of ESCO v1.1.1 (CSV + gzipped relations)',
        value: `${(first.ms / 1000).toFixed(1)} s`,
        target: '< 60 s',
        note: rows(first.result),
      })
      out.push({
        benchmark: 'peak memory importing ESCO',
        value: `+${Math.round(first.deltaMb)} MB`,
        target: '< 1 GB',
        note: `peak RSS ${Math.round(first.peakMb)} MB (process incl. Node and the test harness)`,
      })
      const again = await measured(() => importEsco(db, escoDir, { version: '1.1.1' }))
      out.push({
        benchmark: 're-import ESCO (replaces the previous rows)',
        value: `${(again.ms / 1000).toFixed(1)} s`,
        note: `+${Math.round(again.deltaMb)} MB peak RSS`,
      })
    } else {
      out.push({ benchmark: 'import all of ESCO v1.1.1', value: 'skipped', note: `${escoDir} not found` })
    }
    if (existsSync(onetDir)) {
      global.gc?.()
      const onet = await measured(() => importOnet(db, onetDir))
      out.push({
        benchmark: `import O*NET ${onet.result.source.version ?? ''} (occupations, titles, technology + generic skills)`,
        value: `${(onet.ms / 1000).toFixed(1)} s`,
        note: `${rows(onet.result)}; +${Math.round(onet.deltaMb)} MB peak RSS`,
      })
    } else {
      out.push({ benchmark: 'import O*NET 29.3', value: 'skipped', note: `${onetDir} not found` })
    }
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}
