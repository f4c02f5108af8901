/**
 * Writing the verification bundle (share:bundle's files) into a new folder inside the one the
 * person picked: named for the person and the day, never over anything that exists, and
 * removed again when a file cannot be written (no half bundle). No Electron in here, so the
 * browser-test bridge writes bundles the same way.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, normalize, sep } from 'node:path'
import type { ShareFile } from '../shared/share'
import { safeFileName } from '../core/resume/file-name'
import { localDate } from './save-kinds'

/** "Ada Lovelace - credentials 2026-12-06" (or "Skillfolio credentials …" without a name). */
export function shareFolderName(person: string | null, at: Date): string {
  const base = person ? `${person} - credentials ${localDate(at)}` : `Skillfolio credentials ${localDate(at)}`
  return safeFileName(base, '', 'Skillfolio credentials')
}

export interface WrittenBundle {
  folder: string
  index: string
  files: number
  bytes: number
}

/** A name the core gave, kept inside the bundle's folder. */
function inside(folder: string, name: string): string {
  const path = normalize(join(folder, name))
  if (isAbsolute(name) || name.includes('\0') || !path.startsWith(folder + sep)) throw new Error(`The bundle names a file outside its folder: ${name}`)
  return path
}

/** Makes `<parent>/<name>`, or `<name> (2)`, … when that exists: never an existing folder. */
async function newFolder(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(parent, n === 1 ? name : `${name} (${n})`)
    try {
      await mkdir(candidate) // not recursive: fails on an existing folder
      return candidate
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST' || n >= 100) throw error
    }
  }
}

/** Creates `<parent>/<name>` (or `<name> (2)`, …: never an existing folder) and writes every file into it. */
export async function writeBundleFolder(parent: string, name: string, files: readonly ShareFile[]): Promise<WrittenBundle> {
  const folder = await newFolder(parent, name)
  let bytes = 0
  try {
    for (const file of files) {
      const path = inside(folder, file.name)
      const content = Buffer.from(file.base64, 'base64')
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, content, { flag: 'wx' })
      bytes += content.length
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  return { folder, index: join(folder, 'index.html'), files: files.length, bytes }
}
