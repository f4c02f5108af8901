/**
 * The preload's import request (FILE_CHANNELS.importFiles), checked again in main: main trusts no
 * shape it did not build. Pure rules with no Electron in them, so the browser-test bridge
 * (tests/helpers/bridge.ts) applies exactly the same ones.
 */
import { isAbsolute } from 'node:path'
import type { ImportFilesOrigin } from '../shared/files'
import type { ImportSource } from '../shared/imports'
import { LIMITS } from '../shared/limits'

export const isPath = (p: unknown): p is string => typeof p === 'string' && p.length > 0 && p.length <= LIMITS.pathChars && !p.includes('\0') && isAbsolute(p)

/** The sources to import, or why the request is refused. */
export function parseImportRequest(raw: unknown): { origin: ImportFilesOrigin; sources: ImportSource[] } | string {
  if (!raw || typeof raw !== 'object') return 'The import request is malformed.'
  const { origin, paths, contents } = raw as { origin?: unknown; paths?: unknown; contents?: unknown }
  if (origin !== 'drop' && origin !== 'dialog') return 'The import request has no valid origin.'
  if (!Array.isArray(paths) || !Array.isArray(contents)) return 'The import request is malformed.'
  if (paths.length + contents.length > LIMITS.importFiles) return `At most ${LIMITS.importFiles.toLocaleString('en-US')} files can be imported at a time.`
  if (!paths.every(isPath)) return 'The import request holds something that is not a file path.'
  const sources: ImportSource[] = paths.map((path) => ({ path }))
  for (const item of contents as unknown[]) {
    const { name, bytes } = (item ?? {}) as { name?: unknown; bytes?: unknown }
    if (typeof name !== 'string' || !(bytes instanceof Uint8Array)) return 'The import request holds a file without a name or contents.'
    sources.push({ name, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') })
  }
  return { origin, sources }
}
