#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's Electron security scanner) over electron/, held to an allowlist:
 * fails on any HIGH (or CRITICAL) finding, on a MEDIUM one that .ci/electronegativity-allow.json
 * does not list with its reason, and on a listed entry that no longer matches anything (so the
 * list never keeps an excuse for code that is gone).
 *
 *   node scripts/electronegativity.mjs [folder to scan, default electron]   (npm run security)
 *
 * The tool is a development aid, not part of the app: it is installed on first use, pinned, into
 * ${XDG_CACHE_HOME:-~/.cache}/skillfolio-tools/ (it needs the npm registry once). Its check of
 * Electron's release feed is left out (it would go online); the Electron version is the one in
 * package.json.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const allow = JSON.parse(readFileSync(join(root, '.ci', 'electronegativity-allow.json'), 'utf8'))
const [name, version] = allow.tool.split(/@(?=[^@]+$)/)
const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'skillfolio-tools', `electronegativity-${version}`)
const bin = join(cache, 'node_modules', '.bin', 'electronegativity')
const target = resolve(root, process.argv[2] ?? 'electron')

function fail(sentence, code = 1) {
  console.error(sentence)
  process.exit(code)
}

if (!existsSync(bin)) {
  mkdirSync(cache, { recursive: true })
  console.error(`Installing ${allow.tool} into ${cache} (first use only)...`)
  const install = spawnSync('npm', ['install', '--prefix', cache, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `${name}@${version}`], { encoding: 'utf8' })
  if (install.status !== 0 || !existsSync(bin)) fail(`electronegativity could not be installed (it needs the npm registry once): ${(install.stderr || install.error || '').toString().trim().split('\n').pop()}`, 2)
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const out = mkdtempSync(join(tmpdir(), 'skillfolio-electronegativity-'))
const csv = join(out, 'report.csv')
const run = spawnSync(bin, ['-i', target, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-v', 'false', '-o', csv], { encoding: 'utf8', cwd: root })
const report = existsSync(csv) ? readFileSync(csv, 'utf8') : null
rmSync(out, { recursive: true, force: true })
if (run.status !== 0 || report === null) fail(`electronegativity did not finish (exit ${run.status}): ${(run.stderr || '').trim().split('\n').slice(-3).join(' ')}`, 2)

/**
 * The findings of the tool's CSV. Its sample column is not escaped (a code sample may hold quotes
 * and line breaks), so each finding is found by the fields that come before it, which are always
 * the same shape: ID,"SEVERITY","CONFIDENCE","file","line:column",
 */
function parseCsv(text) {
  const finding = /^([A-Z0-9_]+),"([A-Z]+)","([A-Z]+)","([^"\n]*)","([^"\n]*)",/gm
  return [...text.matchAll(finding)].map(([, check, severity, confidence, file, location]) => ({ check, severity, confidence, file, location }))
}

const findings = parseCsv(report)
// A record this reader does not recognise must not pass as "no finding".
const records = (report.match(/^[A-Z0-9_]+_CHECK,/gm) ?? []).length
if (records !== findings.length) fail(`electronegativity's report has ${records} findings, of which ${findings.length} could be read; the report format changed?`, 2)
const listed = (f) => allow.allowed.some((a) => a.check === f.check && a.file === f.file)
const problems = [
  ...findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL').map((f) => `${f.severity} ${f.check} in ${f.file}:${f.location}`),
  ...findings.filter((f) => f.severity === 'MEDIUM' && !listed(f)).map((f) => `MEDIUM ${f.check} in ${f.file}:${f.location} is not on the allowlist (.ci/electronegativity-allow.json)`),
  // A file's entry that matches nothing is an excuse for code that is gone. Global checks (file N/A)
  // are not reported the same way on every run (the tool's CSP detection varies), so theirs are not held to it.
  ...(target === resolve(root, 'electron')
    ? allow.allowed.filter((a) => a.file !== 'N/A' && !findings.some((f) => f.check === a.check && f.file === a.file)).map((a) => `the allowlist entry ${a.check} in ${a.file} matches nothing any more: remove it`)
    : []),
]
const count = (s) => findings.filter((f) => f.severity === s).length
console.log(`electronegativity ${version} on ${relative(root, target) || '.'} (Electron ${electronVersion}): ${count('HIGH') + count('CRITICAL')} high, ${count('MEDIUM')} medium (${findings.filter((f) => f.severity === 'MEDIUM' && listed(f)).length} allowed), ${count('LOW')} low, ${count('INFORMATIONAL')} informational`)
if (problems.length) fail(`Security scan failed:\n  ${problems.join('\n  ')}`)
