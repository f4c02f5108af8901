/**
 * The shell's own calls (not the core's): saving a PDF through the native save dialog and
 * opening a file the shell saved. The core only returns PDF bytes; the main process (or, in the
 * browser tests, the bridge) asks where to save, renders through the core and writes the file.
 *
 * The preload exposes these as `window.skillfolioFiles.savePdf` / `.openSaved`. The renderer
 * never sends bytes to be written and never names a path to open: `openSaved` takes only a path
 * the shell itself returned from a save in this session.
 */
import type { ReportSettingsInput, ResumeSettingsInput } from './resume'
import type { Result } from './errors'

export const FILE_CHANNELS = { savePdf: 'files:savePdf', openSaved: 'files:openSaved' } as const

export type SavePdfRequest = { kind: 'resume'; settings: ResumeSettingsInput } | { kind: 'report'; settings: ReportSettingsInput }

/** `saved: false` when the person cancelled the dialog. */
export type SavePdfResult = { saved: false } | { saved: true; path: string; fileName: string; bytes: number }

/** The save/open half of `window.skillfolioFiles` (the preload adds `getPathForFile`). */
export interface SaveFilesApi {
  savePdf(request: SavePdfRequest): Promise<Result<SavePdfResult>>
  openSaved(path: string): Promise<Result<{ opened: true }>>
}
