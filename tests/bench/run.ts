/** `npm run bench`: every benchmark of the project in one run (or those named), printed as one table. */
import { cpus, loadavg } from 'node:os'
import { printTable, type BenchRow } from './harness'
import { portfolioBench } from './portfolio.bench'
import { importBench } from './import.bench'
import { importersBench } from './importers.bench'
import { verifyBench } from './verify.bench'
import { taxonomyBench } from './taxonomy.bench'
import { analysisBench } from './analysis.bench'
import { pdfBench } from './pdf.bench'
import { previewBench } from './preview.bench'
import { snapshotBench } from './snapshot.bench'
import { backupBench } from './backup.bench'
import { exchangeBench } from './exchange.bench'
import { uiBench } from './ui.bench'

/** Every benchmark by name, in the order they run. */
const BENCHES: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  portfolio: portfolioBench,
  importers: importersBench,
  import: importBench,
  verify: verifyBench,
  taxonomy: taxonomyBench,
  analysis: analysisBench,
  snapshot: snapshotBench,
  backup: backupBench,
  exchange: exchangeBench,
  pdf: pdfBench,
  preview: previewBench,
  ui: uiBench,
}

/** `npm run bench -- import verify` runs only the benchmarks named. */
async function main(): Promise<void> {
  const names = process.argv.slice(2)
  const unknown = names.filter((n) => !(n in BENCHES))
  if (unknown.length) throw new Error(`No benchmark named ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`)
  const rows: BenchRow[] = []
  const started = Date.now()
  console.log(`Skillfolio benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`)
  for (const [name, bench] of Object.entries(BENCHES)) if (names.length === 0 || names.includes(name)) rows.push(...(await bench()))
  rows.push({ benchmark: 'peak resident memory (whole run)', value: `${Math.round(process.resourceUsage().maxRSS / 1024)} MB` })
  printTable(rows)
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s, load average after ${loadavg().map((n) => n.toFixed(2)).join(' ')})`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
