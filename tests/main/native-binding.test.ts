import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveNativeBinding, type NativeBindingInput } from '../../electron/main/native-binding'

const base: NativeBindingInput = {
  isPackaged: false,
  resourcesPath: '/opt/Skillfolio/resources',
  appPath: '/home/ada/skillfolio',
  platform: 'linux',
  arch: 'x64',
  abi: '150',
  exists: () => true,
}
const devFile = join('/home/ada/skillfolio', '.electron-native', 'linux-x64-150', 'better_sqlite3.node')

describe('resolveNativeBinding', () => {
  it('uses the shipped copy in a packaged app, whatever exists in development', () => {
    expect(resolveNativeBinding({ ...base, isPackaged: true, exists: () => false })).toBe(
      join('/opt/Skillfolio/resources', 'native', 'better_sqlite3.node'),
    )
  })

  it('uses the .electron-native build for this platform, arch and ABI in development', () => {
    const asked: string[] = []
    expect(resolveNativeBinding({ ...base, exists: (p) => (asked.push(p), true) })).toBe(devFile)
    expect(asked).toEqual([devFile])
  })

  it('names the triple exactly', () => {
    expect(resolveNativeBinding({ ...base, platform: 'darwin', arch: 'arm64', abi: '143' })).toBe(
      join('/home/ada/skillfolio', '.electron-native', 'darwin-arm64-143', 'better_sqlite3.node'),
    )
  })

  it('falls back to better-sqlite3 itself when no development build exists', () => {
    expect(resolveNativeBinding({ ...base, exists: () => false })).toBeUndefined()
  })

  it('does not take a build made for another Electron ABI', () => {
    const exists = (p: string) => p.includes('linux-x64-143')
    expect(resolveNativeBinding({ ...base, abi: '150', exists })).toBeUndefined()
  })
})
