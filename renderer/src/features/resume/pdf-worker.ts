/**
 * The pdf.js worker as a same-origin module bundled by Vite (a `.js` file in out/renderer), so
 * it runs under the app's CSP (`script-src 'self'`, workers fall back to it). Importing the
 * build is enough: it notices it runs in a worker and starts listening on `self`.
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs'
