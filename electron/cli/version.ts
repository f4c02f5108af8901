import { readFileSync } from 'node:fs'

/** Replaced with package.json's version by scripts/build-cli.mjs. */
declare const __SKILLFOLIO_VERSION__: string | undefined

/** The app version: baked into the bundle, or read from package.json when run from source. */
export function appVersion(): string {
  if (typeof __SKILLFOLIO_VERSION__ === 'string') return __SKILLFOLIO_VERSION__
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0-dev'
  } catch {
    return '0.0.0-dev'
  }
}
