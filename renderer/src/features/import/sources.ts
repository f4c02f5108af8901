/**
 * Dropped or pasted files -> the File objects handed to the shell (api.importFiles). The page
 * never sees a path: the preload turns each File into its path on disk (a dropped folder
 * included), or reads its contents when it has none. Files over the size limit are refused
 * here, before anything is read, in the same words as the core.
 */
import { LIMITS, tooLargeReason, type ImportRefusal } from '../../shared'

/** The core reads files up to 20 MB; bigger ones are refused here before they are read. */
export const MAX_FILE_BYTES = LIMITS.importFileBytes

/** A file that was not sent, with the reason in plain words. */
export type Refusal = ImportRefusal

export interface Collected {
  files: File[]
  refused: Refusal[]
}

/**
 * The files a drop (or paste) carries. Must run during the event: the browser empties the
 * DataTransfer once the handler returns.
 */
export function droppedFiles(data: DataTransfer): File[] {
  const items = Array.from(data.items ?? [])
  if (items.length) return items.filter((item) => item.kind === 'file').flatMap((item) => item.getAsFile() ?? [])
  return Array.from(data.files ?? [])
}

/** At most the core's file count; oversized files are refused unread. */
export function collect(files: readonly File[]): Collected {
  const out: Collected = { files: [], refused: [] }
  for (const file of files.slice(0, LIMITS.importFiles)) {
    if (file.size > MAX_FILE_BYTES) out.refused.push({ fileName: file.name, reason: tooLargeReason(file.size) })
    else out.files.push(file)
  }
  return out
}
