#!/usr/bin/env node
/**
 * The last step of `npm run dist`: electron-builder, with its progress lines shown and everything
 * else (stack traces included) kept in release/dist-error.log. On failure it prints one sentence
 * that names what is missing, and exits 1.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const LOG = join('release', 'dist-error.log')

/** What a failed electron-builder run most likely lacked, from its output; first match wins. */
const CAUSES = [
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo|ETIMEDOUT|ECONNREFUSED|ECONNRESET|dial tcp|proxyconnect|socket hang up/i, 'it could not download Electron or a packaging tool: packaging needs an internet connection the first time'],
  [/wine is required|wine.*not found|Cannot find wine/i, 'building a Windows installer on Linux or macOS needs Wine (or run npm run dist on Windows)'],
  [/better_sqlite3\.node|\.electron-native/i, 'the Electron build of the SQLite driver is missing (run npm run dist again; it builds it first)'],
  [/ENOSPC/i, 'the disk is full'],
  [/EACCES|EPERM/i, 'it was not allowed to write into release/ (check the folder’s permissions)'],
  [/hdiutil|codesign|notariz/i, 'the macOS signing or disk-image tools failed (packaging for macOS needs a Mac with Xcode’s command line tools)'],
  [/rpmbuild|fpm|dpkg-deb|mksquashfs|appimagetool/i, 'a Linux packaging tool failed (AppImage and deb need the tools electron-builder downloads, and rpm needs rpmbuild)'],
  [/Invalid configuration|configuration\..* is invalid|should NOT have additional properties|must NOT have additional properties/i, 'electron-builder.yml does not match electron-builder’s schema (the test in tests/main/electron-builder-config.test.ts says where)'],
]

/** The first line electron-builder marked as the error ("⨯ …"), without its stack. */
function errorLine(output) {
  const line = output.split('\n').find((l) => /^\s*⨯/.test(l))
  return line ? line.replace(/^\s*⨯\s*/, '').trim().slice(0, 200) : null
}

let cli
try {
  cli = createRequire(join(root, 'package.json')).resolve('electron-builder/cli.js')
} catch {
  console.error('Skillfolio could not be packaged: electron-builder is not installed. Run npm install, then npm run dist again.')
  process.exit(1)
}

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
let output = ''
const show = (chunk) => {
  const text = String(chunk)
  output += text
  // electron-builder's progress lines start with "•"; the rest is detail for the log.
  for (const line of text.split('\n')) if (/^\s*•/.test(line)) console.log(line)
}
child.stdout.on('data', show)
child.stderr.on('data', show)
child.on('error', (error) => finish(1, String(error)))
child.on('close', (code) => finish(code ?? 1, ''))

function finish(code, extra) {
  if (code === 0) return
  const all = output + extra
  try {
    mkdirSync(join(root, 'release'), { recursive: true })
    writeFileSync(join(root, LOG), `${new Date().toISOString()}\n${all}\n`)
  } catch {
    // the sentence matters more than the log
  }
  const cause = CAUSES.find(([pattern]) => pattern.test(all))?.[1] ?? `electron-builder stopped: ${errorLine(all) ?? 'see the log'}`
  console.error(`Skillfolio could not be packaged: ${cause}. Details are in ${LOG}.`)
  process.exit(1)
}
