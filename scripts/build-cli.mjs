// Bundles the `skillfolio` command line (electron/cli/main.ts) into out/cli/index.cjs,
// which bin/skillfolio.cjs loads, and the proof-check worker (electron/core/verify/worker.ts)
// into out/cli/verify-worker.cjs, which the verification pool finds beside the bundle.
// Native and runtime-file-reading packages stay external and are resolved from node_modules
// at run time (better-sqlite3 keeps its Node-ABI build there; see ARCHITECTURE.md, "Native
// module").
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

await build({
  entryPoints: { index: join(root, 'electron/cli/main.ts'), 'verify-worker': join(root, 'electron/core/verify/worker.ts') },
  outdir: join(root, 'out/cli'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // pdfjs-dist (certificate PDFs) loads its worker module beside itself at run time.
  external: ['better-sqlite3', 'pdfkit', 'fontkit', 'pdfjs-dist'],
  define: { __SKILLFOLIO_VERSION__: JSON.stringify(pkg.version) },
  // version.ts falls back to import.meta.url only when the define above is absent.
  logOverride: { 'empty-import-meta': 'silent' },
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
})
console.log('built out/cli/index.cjs and out/cli/verify-worker.cjs')
