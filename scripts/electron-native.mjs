#!/usr/bin/env node
/**
 * Runs before `npm start` / `npm run dev` (ELECTRON-NOTES.md §2):
 *  1. makes sure the Electron runtime is there (electron 45 downloads it lazily, on first use);
 *  2. builds an Electron-ABI copy of better-sqlite3 into
 *     .electron-native/<platform>-<arch>-<abi>/better_sqlite3.node, once, and mirrors it to
 *     .electron-native/current/ for electron-builder.yml.
 * node_modules/better-sqlite3 is never rebuilt: it stays built for Node so tests keep working.
 * On failure it prints one sentence (details go to .electron-native/last-error.log) and exits 1.
 *
 * Flags: --native-only  skip step 1 (packaging downloads its own Electron).
 */
import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const nativeRoot = join(root, '.electron-native')
const electronDir = join(root, 'node_modules', 'electron')
const sqliteDir = join(root, 'node_modules', 'better-sqlite3')
const FILE = 'better_sqlite3.node'
const require = createRequire(import.meta.url)

/** `npm run dist` runs this with --native-only: its sentences say packaging, and which command to run again. */
const packaging = process.argv.includes('--native-only')
const FAILED = packaging ? 'Skillfolio could not be packaged' : 'Skillfolio could not start'
const AGAIN = packaging ? 'npm run dist' : 'npm start'

const RUNTIME_MISSING = `${FAILED}: the Electron runtime could not be downloaded (no internet connection to its download host). Connect to the internet and run ${AGAIN} again.`

function fail(sentence, details) {
  if (details !== undefined) {
    try {
      mkdirSync(nativeRoot, { recursive: true })
      writeFileSync(join(nativeRoot, 'last-error.log'), `${new Date().toISOString()}\n${details instanceof Error ? details.stack : String(details)}\n`)
    } catch {
      // the sentence matters more than the log
    }
  }
  console.error(sentence)
  process.exit(1)
}

function readElectron() {
  let version
  try {
    version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  } catch (error) {
    fail(`${FAILED}: the electron package is not installed. Run npm install, then ${AGAIN} again.`, error)
  }
  let abi = ''
  try {
    abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim()
  } catch {
    try {
      abi = String(require('node-abi').getAbi(version, 'electron'))
    } catch (error) {
      fail(`${FAILED}: the native ABI of Electron ${version} is unknown (no node_modules/electron/abi_version, no node-abi entry); update node-abi or electron.`, error)
    }
  }
  if (!/^\d+$/.test(abi)) fail(`${FAILED}: node_modules/electron/abi_version holds "${abi}", not an ABI number; reinstall electron.`)
  return { version, abi }
}

/** The same test electron/install.js makes, without spawning it when all is well. */
function runtimePresent() {
  try {
    const executable = readFileSync(join(electronDir, 'path.txt'), 'utf8')
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
    return existsSync(join(dist, executable))
  } catch {
    return false
  }
}

/** Electron's own installer, quietly: its stack trace would only bury the one useful sentence. */
function ensureRuntime() {
  if (runtimePresent()) return Promise.resolve()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    // Only a download that is really happening deserves a progress note.
    const note = setTimeout(() => console.error('Downloading the Electron runtime (first start only)...'), 3000)
    child.on('error', (error) => fail(RUNTIME_MISSING, error))
    child.on('close', (code) => {
      clearTimeout(note)
      if (code === 0 && runtimePresent()) resolve()
      else fail(RUNTIME_MISSING, output || `electron/install.js exited with ${code}`)
    })
  })
}

function mirrorToCurrent(built) {
  const current = join(nativeRoot, 'current')
  mkdirSync(current, { recursive: true })
  copyFileSync(built, join(current, FILE))
}

async function buildNative({ version, abi }) {
  const target = join(nativeRoot, `${process.platform}-${process.arch}-${abi}`, FILE)
  if (existsSync(target)) return mirrorToCurrent(target)
  if (!existsSync(join(sqliteDir, 'package.json'))) fail(`${FAILED}: better-sqlite3 is not installed. Run npm install, then ${AGAIN} again.`)

  // A private copy: @electron/rebuild (node-gyp) deletes build/ first, and a failed rebuild of
  // node_modules itself would leave better-sqlite3 unloadable in Node too.
  const work = join(nativeRoot, 'work')
  const workModule = join(work, 'node_modules', 'better-sqlite3')
  rmSync(work, { recursive: true, force: true })
  cpSync(sqliteDir, workModule, {
    recursive: true,
    filter: (src) => {
      const rel = relative(sqliteDir, src)
      return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`)
    },
  })
  const sqliteVersion = JSON.parse(readFileSync(join(workModule, 'package.json'), 'utf8')).version
  // rebuild() only looks at what this package.json depends on, and stops walking up at the
  // first folder without one (.electron-native has none), so the root node_modules is never seen.
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'skillfolio-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2))

  // ~/.npmrc may say nodedir=/usr: node-gyp would then compile against Node's headers and
  // produce a module that Electron refuses (ELECTRON-NOTES.md §2).
  delete process.env.npm_config_nodedir
  delete process.env.NPM_CONFIG_NODEDIR

  console.error(`Building better-sqlite3 ${sqliteVersion} for Electron ${version} (ABI ${abi}), ${packaging ? 'for packaging' : 'first start only'}...`)
  // In a child process with its output captured: node-gyp's workers print stack traces that would
  // bury the one sentence that matters; they go to the log instead.
  const { code, output } = await new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--rebuild-child', work, version], { stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    child.stdout.on('data', (chunk) => (text += chunk))
    child.stderr.on('data', (chunk) => (text += chunk))
    child.on('error', (error) => resolve({ code: -1, output: String(error) }))
    child.on('close', (exit) => resolve({ code: exit, output: text }))
  })
  if (code !== 0) {
    rmSync(work, { recursive: true, force: true })
    const offline = /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|network connectivity|getaddrinfo/i.test(output)
    const reason = offline
      ? 'its prebuilt download and the Electron headers need an internet connection, and there is none'
      : 'a local build needs a C++ toolchain (Python 3, make and a C++ compiler; see the README)'
    fail(`${FAILED}: better-sqlite3 could not be built for Electron (${reason}); details are in .electron-native/last-error.log. Fix that and run ${AGAIN} again.`, output || `the rebuild exited with ${code}`)
  }
  const built = join(workModule, 'build', 'Release', FILE)
  if (!existsSync(built)) fail(`${FAILED}: building better-sqlite3 for Electron produced no better_sqlite3.node; see .electron-native/last-error.log.`, `missing ${built}`)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(built, target)
  mirrorToCurrent(target)
  rmSync(work, { recursive: true, force: true })
}

if (process.argv[2] === '--rebuild-child') {
  // The child of buildNative: its output is captured by the parent.
  const [, , , work, version] = process.argv
  const { rebuild } = await import('@electron/rebuild')
  await rebuild({ buildPath: work, projectRootPath: work, electronVersion: version, force: true, onlyModules: ['better-sqlite3'] })
} else {
  const electron = readElectron()
  if (!packaging) await ensureRuntime()
  await buildNative(electron)
}
