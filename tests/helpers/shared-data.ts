import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { requirement } from './requirements'

/** ../shared beside the checkout: real-world fixtures and data that are never copied into the repo. */
export const SHARED_DIR = resolve(__dirname, '../../../shared')

/**
 * Path of a folder in ../shared, or null when it is absent. Absent is fine on a laptop
 * (the caller skips with a message) but a failure under CI=true, where it must exist
 * (tests/helpers/requirements.ts).
 */
export function sharedPath(...parts: string[]): string | null {
  const path = join(SHARED_DIR, ...parts)
  const need = requirement(`../shared/${parts.join('/')}`, existsSync(path) ? null : `${path} is missing (clone the shared folder beside the repo to run these).`)
  if (need.skip) return null
  need.check()
  return path
}

export const skipReason = (what: string) => `skipped: ${what} not found in ../shared (clone the shared folder beside the repo to run these)`
