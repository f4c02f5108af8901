import { join } from 'node:path'

/** Where the Electron-ABI copy of better-sqlite3 lives (ELECTRON-NOTES.md §2). */
export interface NativeBindingInput {
  isPackaged: boolean
  /** process.resourcesPath */
  resourcesPath: string
  /** app.getAppPath(): the project root in development */
  appPath: string
  platform: string
  arch: string
  /** process.versions.modules: Electron's NODE_MODULE_VERSION */
  abi: string
  exists: (path: string) => boolean
}

export const NATIVE_FILE = 'better_sqlite3.node'

/**
 * node_modules/better-sqlite3 always stays built for Node (so vitest works); the app loads a
 * separate Electron build through better-sqlite3's `nativeBinding` option. Packaged builds
 * ship it under resources/native (electron-builder.yml); `npm start` builds it into
 * .electron-native/<platform>-<arch>-<abi>/ (scripts/electron-native.mjs). Undefined means
 * "use better-sqlite3's default lookup", which only works if someone rebuilt node_modules.
 */
export function resolveNativeBinding(input: NativeBindingInput): string | undefined {
  if (input.isPackaged) return join(input.resourcesPath, 'native', NATIVE_FILE)
  const dev = join(input.appPath, '.electron-native', `${input.platform}-${input.arch}-${input.abi}`, NATIVE_FILE)
  return input.exists(dev) ? dev : undefined
}
