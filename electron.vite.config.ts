import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * Dev server only (`npm run dev`): Vite injects CSS as <style> elements and talks to the page
 * over a websocket for hot reload, which the app's strict CSP forbids. Relax exactly those
 * two directives while serving; builds keep the CSP of renderer/index.html untouched.
 */
function devServerCsp(): Plugin {
  return {
    name: 'skillfolio-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Proof checks on worker threads (electron/core/verify/pool.ts): out/main/verify-worker.js,
          // the same CommonJS output as index.js with the same packages left to node_modules.
          'verify-worker': resolve(__dirname, 'electron/core/verify/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react(), devServerCsp()],
  },
})
