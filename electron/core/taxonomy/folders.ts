/**
 * Finding the files of an official download in the folder a person chose, and saying
 * clearly what is wrong when it is not that folder.
 */
import { readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { badInput } from '../../shared/errors'

/** Names of the regular files directly inside `folder`; a clear error when it is not a folder. */
export function listFolder(folder: string, what: string): string[] {
  let stats
  try {
    stats = statSync(folder)
  } catch {
    throw badInput(`${folder} does not exist; choose the folder that holds the ${what}`)
  }
  if (!stats.isDirectory()) {
    if (/\.zip$/i.test(folder)) throw badInput(`${basename(folder)} is a zip archive; unzip it first, then choose the folder that holds the ${what}`)
    throw badInput(`${basename(folder)} is a file, not a folder; choose the folder that holds the ${what}`)
  }
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
}

/** The first name in `names` matching one of `patterns` (earlier patterns win), or null. */
export function pick(names: readonly string[], ...patterns: RegExp[]): string | null {
  for (const pattern of patterns) {
    const hit = names.filter((name) => pattern.test(name)).sort()[0]
    if (hit) return hit
  }
  return null
}

/** A subfolder of `folder` that has a file matching `pattern` (a person picked the parent folder). */
export function subfolderWith(folder: string, pattern: RegExp): string | null {
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const names = readdirSync(join(folder, entry.name))
      if (names.some((name) => pattern.test(name))) return entry.name
    }
  } catch {
    // unreadable: no hint
  }
  return null
}

export const fileSize = (path: string) => statSync(path).size
