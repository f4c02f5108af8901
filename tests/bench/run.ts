/** `npm run bench`: every benchmark of the project in one run, printed as one table. */
import { cpus } from 'node:os'
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

async function main(): Promise<void> {
  const rows: BenchRow[] = []
  const started = Date.now()
  console.log(`Skillfolio benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`)
  rows.push(...portfolioBench())
  rows.push(...importersBench())
  rows.push(...(await importBench()))
  rows.push(...(await verifyBench()))
  rows.push(...(await taxonomyBench()))
  rows.push(...(await analysisBench()))
  rows.push(...(await snapshotBench()))
  rows.push(...(await pdfBench()))
  rows.push(...(await previewBench()))
  rows.push({ benchmark: 'peak resident memory (whole run)', value: `${Math.round(process.resourceUsage().maxRSS / 1024)} MB` })
  printTable(rows)
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
