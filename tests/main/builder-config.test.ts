import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

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

function loadYaml(): Record<string, unknown> | null {
  try {
    const yaml = require('js-yaml') as { load: (text: string) => unknown }
    return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}

const config = loadYaml()
const builder = internals()

describe('electron-builder.yml', () => {
  it.skipIf(!config)(`packages the hardened, Node-ABI-safe layout${config ? '' : ' (skipped: js-yaml not installed)'}`, () => {
    const c = config!
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
    // Offered in "Open with" for badge and credential files, never the default app for them.
    const associations = c.fileAssociations as Array<{ ext: string[]; rank: string }>
    expect(associations.flatMap((a) => a.ext).sort()).toEqual(['json', 'jsonld', 'jws', 'jwt', 'png', 'svg'])
    expect(associations.every((a) => a.rank === 'Alternate')).toBe(true)
    expect((c.mac as { target: string[] }).target).toEqual(['dmg', 'zip'])
    expect((c.win as { target: string[] }).target).toEqual(['nsis'])
    expect((c.linux as { target: string[] }).target).toEqual(['AppImage', 'deb'])
  })

  it('main loads the native module from where the yml puts it', () => {
    const source = readFileSync(join(root, 'electron', 'main', 'native-binding.ts'), 'utf8')
    expect(source).toContain("join(input.resourcesPath, 'native', NATIVE_FILE)")
  })

  it.skipIf(!config || !builder)(
    `passes electron-builder's schema${builder ? '' : ' (skipped: app-builder-lib/out/util/config/config is not at its internal path any more)'}`,
    async () => {
      const { validateConfiguration, DebugLogger } = builder!
      await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
      // and the check is real: a typo is refused
      await expect(validateConfiguration({ ...config, asarUnpak: ['x'] }, new DebugLogger(false))).rejects.toThrow(/unknown property/)
    },
  )
})
