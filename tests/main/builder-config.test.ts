import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { requirement } from '../helpers/requirements'
import { OPENABLE_EXTENSIONS } from '../../electron/main/open-files'

const root = join(__dirname, '..', '..')
const require = createRequire(join(root, 'package.json'))

/** electron-builder's own schema check lives at an internal path (ELECTRON-NOTES.md §3). */
function internals() {
  try {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
    }
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown }
    return { validateConfiguration, DebugLogger }
  } catch {
    return null
  }
}

/** Read with js-yaml 4, the parser electron-builder itself uses (a dev dependency). */
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
const builder = internals()
const schemaCheck = requirement(
  "electron-builder's schema check",
  builder ? null : 'app-builder-lib/out/util/config/config is not at its internal path any more (electron-builder was updated: find validateConfiguration again).',
)

describe('electron-builder.yml', () => {
  it('packages the hardened, Node-ABI-safe layout', () => {
    const c = config
    expect(c.appId).toBe('io.skillfolio.app')
    expect(c.productName).toBe('Skillfolio')
    expect(c.asar).toBe(true)
    expect(c.npmRebuild).toBe(false)
    expect(c.publish).toBeNull()
    expect(c.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!node_modules/better-sqlite3/{src,deps,build}/**']))
    expect(c.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'resources/', to: 'resources/' },
        { from: '.electron-native/current/better_sqlite3.node', to: 'native/better_sqlite3.node' },
      ]),
    )
    expect(c.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    })
    // Offered in "Open with" for badge and credential files and certificate PDFs, never the default app for them.
    const associations = c.fileAssociations as Array<{ ext: string[]; name: string; role: string; rank: string }>
    expect(associations.flatMap((a) => a.ext).sort()).toEqual(['json', 'jsonld', 'jws', 'jwt', 'pdf', 'png', 'svg'])
    expect(associations.every((a) => a.rank === 'Alternate' && a.role === 'Viewer')).toBe(true)
    expect(associations.find((a) => a.ext.includes('pdf'))?.name).toBe('Certificate PDF')
    expect((c.mac as { target: string[] }).target).toEqual(['dmg', 'zip'])
    expect((c.win as { target: string[] }).target).toEqual(['nsis'])
    expect((c.linux as { target: string[] }).target).toEqual(['AppImage', 'deb'])
  })

  it('associates every kind of file the app takes when opened with it, and only those', () => {
    const associated = (config.fileAssociations as Array<{ ext: string[] }>).flatMap((a) => a.ext.map((ext) => `.${ext}`))
    // What open-files.ts accepts from the OS (argv, open-file) is exactly what the installers register.
    expect(new Set(associated)).toEqual(OPENABLE_EXTENSIONS)
    for (const ext of ['.json', '.png', '.svg', '.jwt', '.pdf']) expect(associated, ext).toContain(ext)
  })

  it('ships the verification worker inside app.asar, beside the main bundle', () => {
    const c = config
    // out/** holds out/main/verify-worker.js and its chunks; Electron's worker threads read app.asar
    // (electron/electron spec/asar-spec.ts, "should start worker thread from asar file"), so no
    // asarUnpack is needed for it.
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^ {2}- out\/\*\*$/m)
    expect((c.asarUnpack as string[] | undefined) ?? ['**/*.node']).toEqual(['**/*.node'])
    const source = readFileSync(join(root, 'electron', 'main', 'index.ts'), 'utf8')
    expect(source).toContain("verifyWorkers: { script: join(__dirname, 'verify-worker.js') }")
  })

  it('gives the app its own icon: a square PNG of at least 512 px in resources/, made from the SVG beside it', () => {
    const icon = config.icon as string
    expect(icon).toBe('resources/icons/icon.png')
    const png = readFileSync(join(root, icon))
    // PNG signature, then the IHDR chunk's width and height (big-endian, bytes 16–23).
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    const width = png.readUInt32BE(16)
    expect(width).toBeGreaterThanOrEqual(512)
    expect(png.readUInt32BE(20)).toBe(width)
    expect(readFileSync(join(root, 'resources', 'icons', 'icon.svg'), 'utf8')).toMatch(/^<svg /)
  })

  it('main loads the native module from where the yml puts it', () => {
    const source = readFileSync(join(root, 'electron', 'main', 'native-binding.ts'), 'utf8')
    expect(source).toContain("join(input.resourcesPath, 'native', NATIVE_FILE)")
  })

  it.skipIf(schemaCheck.skip)(
    schemaCheck.title("passes electron-builder's schema"),
    async () => {
      schemaCheck.check()
      const { validateConfiguration, DebugLogger } = builder!
      await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
      // and the check is real: a typo is refused
      await expect(validateConfiguration({ ...config, asarUnpak: ['x'] }, new DebugLogger(false))).rejects.toThrow(/unknown property/)
    },
  )
})

describe('build entries of the verification worker', () => {
  it('electron-vite builds electron/core/verify/worker.ts as out/main/verify-worker.js', async () => {
    // By path: the config belongs to the node tsconfig project, not to the tests'.
    const { default: config } = (await import(join(root, 'electron.vite.config.ts'))) as { default: { main?: { build?: { outDir?: string; rollupOptions?: { input?: Record<string, string> } } } } }
    expect(config.main?.build?.outDir).toBe('out/main')
    const input = config.main?.build?.rollupOptions?.input ?? {}
    expect(input.index).toBe(join(root, 'electron', 'main', 'index.ts'))
    expect(input['verify-worker']).toBe(join(root, 'electron', 'core', 'verify', 'worker.ts'))
  })

  it('the CLI bundle builds it as out/cli/verify-worker.cjs, beside index.cjs', () => {
    const script = readFileSync(join(root, 'scripts', 'build-cli.mjs'), 'utf8')
    expect(script).toContain("'verify-worker': join(root, 'electron/core/verify/worker.ts')")
    expect(script).toContain("outdir: join(root, 'out/cli')")
    expect(script).toContain("outExtension: { '.js': '.cjs' }")
    // pool.ts looks for these names beside the bundle when no script is given (the CLI gives none).
    expect(readFileSync(join(root, 'electron', 'core', 'verify', 'pool.ts'), 'utf8')).toContain("['verify-worker.js', 'verify-worker.cjs']")
  })
})
