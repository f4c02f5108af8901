import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** ../shared beside the checkout: real-world fixtures and data that are never copied into the repo. */
export const SHARED_DIR = resolve(__dirname, '../../../shared')

/**
 * Path of a folder in ../shared, or null when it is absent. Absent is fine on a laptop
 * (the caller skips with a message) but a failure under CI=true, where it must exist.
 */
export function sharedPath(...parts: string[]): string | null {
  const path = join(SHARED_DIR, ...parts)
  if (existsSync(path)) return path
  if (process.env.CI === 'true') throw new Error(`${path} is missing: CI must provide ../shared (fixtures and data).`)
  return null
}

export const skipReason = (what: string) => `skipped: ${what} not found in ../shared (clone the shared folder beside the repo to run these)`
