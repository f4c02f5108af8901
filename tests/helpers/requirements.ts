/**
 * What a suite needs that may be missing on a laptop: a browser, a build in out/, ../shared,
 * an optional tool. One rule for all of them: missing locally, the suite is skipped and says
 * how to provide it; missing under CI=true, the suite runs and fails with the same sentence,
 * so a CI run never passes by skipping.
 *
 *   const chromium = requirement('Chromium', problem)
 *   describe.skipIf(chromium.skip)(chromium.title('…'), () => {
 *     beforeAll(() => chromium.check())
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const IN_CI = process.env.CI === 'true'

export interface Requirement {
  /** Why the suite cannot run here (what is missing and how to provide it), or null. */
  missing: string | null
  /** Skip the suite: only when something is missing and this is not CI. */
  skip: boolean
  /** Throws `missing` (call it in a beforeAll or first in a test): the failure CI reports. */
  check(): void
  /** `name`, with the reason appended when the suite is skipped. */
  title(name: string): string
}

const warned = new Set<string>()

/** `missing` is null when `what` is there; otherwise a sentence saying what is missing and how to get it. */
export function requirement(what: string, missing: string | null): Requirement {
  const skip = missing !== null && !IN_CI
  if (skip && !warned.has(missing)) {
    warned.add(missing)
    console.warn(`skipped (needs ${what}): ${missing}`)
  }
  return {
    missing,
    skip,
    check() {
      if (missing !== null) throw new Error(`${missing}${IN_CI ? ` CI (CI=true) must provide ${what}: a missing requirement fails the run, it is never skipped.` : ''}`)
    },
    title: (name) => (skip ? `${name} (skipped: ${missing})` : name),
  }
}

const ROOT = resolve(__dirname, '../..')

/** Files `npm run build` writes (out/…, relative to the repo): tests of the built app need them. */
export function built(...files: string[]): Requirement {
  const absent = files.filter((file) => !existsSync(join(ROOT, file)))
  return requirement('a build (`npm run build` before the tests)', absent.length ? `${absent.join(', ')} ${absent.length > 1 ? 'are' : 'is'} not built (run \`npm run build\`).` : null)
}
