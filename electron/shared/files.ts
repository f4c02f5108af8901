/**
 * The shell's own calls (not the core's): saving a PDF through the native save dialog and
 * opening a file the shell saved. The core only returns PDF bytes; the main process (or, in the
 * browser tests, the bridge) asks where to save, renders through the core and writes the file.
 *
 * The preload exposes these as `window.skillfolioFiles.savePdf` / `.openSaved`. The renderer
 * never sends bytes to be written and never names a path to open: `openSaved` takes only a path
 * the shell itself returned from a save in this session.
 *
 * Importing is the shell's too: the page hands File objects to `importFiles` (the preload turns
 * them into paths) or asks for the native open dialog (`chooseImport`); it never names a path.
 * Progress comes back as events (SHELL_EVENTS), not by polling.
 */
import type { ReportSettingsInput, ResumeSettingsInput } from './resume'
import type { BackupEntry, BackupSummary, RestoreResult } from './backup'
import type { ShareBundleInput, ShareSummary } from './share'
import type { Result } from './errors'
import type { ImportProgress } from './imports'
import { LIMITS, MB } from './limits'
import type { z } from 'zod'

export const FILE_CHANNELS = {
  savePdf: 'files:savePdf',
  openSaved: 'files:openSaved',
  /**
   * Preload -> main only: the paths the preload resolved from File objects the page handed to
   * `importFiles` (plus the contents of Files with no path). The page has no way to send on it:
   * the preload exposes no generic send, and `importFiles` takes File objects, never strings.
   */
  importFiles: 'files:importFiles',
  /** Main shows the open dialog and imports what was picked; the paths never reach the page. */
  chooseImport: 'files:chooseImport',
  /** Backups (Settings → Backups): see BackupFilesApi. */
  chooseBackup: 'files:chooseBackup',
  inspectBackup: 'files:inspectBackup',
  restoreBackup: 'files:restoreBackup',
  chooseBackupFolder: 'files:chooseBackupFolder',
  /** The employer's verification bundle written into a folder the person picks: see ShareFilesApi. */
  saveShareBundle: 'files:saveShareBundle',
  /** Certificate PDFs opened with Skillfolio, handed to the window by ticket: see OpenedFilesApi. */
  takeOpenedCertificates: 'files:takeOpenedCertificates',
  readOpenedCertificate: 'files:readOpenedCertificate',
} as const

/** Main -> window events (webContents.send), received through the preload's `on…` functions. */
export const SHELL_EVENTS = {
  /** An import batch's ImportProgress, after every chunk and when the batch ends. */
  importProgress: 'import:progress',
  /** Certificate PDFs were opened with Skillfolio: the window takes them (takeOpenedCertificates). */
  certificatesOpened: 'files:certificatesOpened',
} as const

export type ImportFilesOrigin = 'drop' | 'dialog'

/** A file that was not sent to the core, with the reason in plain words. */
export interface ImportRefusal {
  fileName: string
  reason: string
}

/** What the preload sends main on FILE_CHANNELS.importFiles. */
export interface ImportFilesRequest {
  origin: ImportFilesOrigin
  /** Disk paths from webUtils.getPathForFile: dropped or chosen files and folders. */
  paths: string[]
  /** Files with no path on disk (pasted, built in JavaScript): their bytes. */
  contents: Array<{ name: string; bytes: Uint8Array }>
}

/** `batchId: null` when nothing was sent (every file refused, or the dialog was cancelled). */
export interface ImportFilesResult {
  batchId: number | null
  refused: ImportRefusal[]
}

export type ChooseImportKind = 'files' | 'folder'

/**
 * The import half of `window.skillfolioFiles`. `F` is the DOM's File (this module is shared
 * with code that has no DOM types).
 */
export interface ImportFilesApi<F> {
  /** Imports File objects from a drop, a paste or an <input type=file>; anything else is refused. */
  importFiles(files: readonly F[], origin: ImportFilesOrigin): Promise<Result<ImportFilesResult>>
  /** The native open dialog (files, or one folder); what is picked is imported without passing through the page. */
  chooseImport(kind: ChooseImportKind): Promise<Result<ImportFilesResult>>
  /** Calls `listener` with every import batch's progress; returns the unsubscribe. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void
}

/**
 * A certificate PDF the person opened with Skillfolio (double-click, Open With, a second copy's
 * command line), named by a ticket main issued for it: the window never learns or sends its path.
 */
export interface OpenedCertificate {
  ticket: string
  fileName: string
  /** Its size on disk when it was opened, so the review queue refuses an oversized one unread. */
  bytes: number
}

/**
 * Files opened with Skillfolio, the window's half (`window.skillfolioFiles`). Badges and
 * credentials go to an import batch in main; certificate PDFs wait in main until the window
 * takes them (at start, and on every `onCertificatesOpened`) for its certificate review queue,
 * which reads each one when its turn comes.
 */
export interface OpenedFilesApi {
  /** The certificate PDFs opened since the last call (each handed over once). */
  takeOpenedCertificates(): Promise<Result<OpenedCertificate[]>>
  /** The bytes of an opened PDF; refused for a ticket main did not issue in this session. */
  readOpenedCertificate(ticket: string): Promise<Result<Uint8Array>>
  /** Calls `listener` when more certificate PDFs were opened; returns the unsubscribe. */
  onCertificatesOpened(listener: () => void): () => void
}

/** Same words as the core uses for a file that is too large. */
export function tooLargeReason(bytes: number): string {
  return `The file is ${(bytes / MB).toFixed(1)} MB; Skillfolio reads credential files up to ${LIMITS.importFileBytes / MB} MB.`
}

/**
 * `resume-docx`: the resume as a Word document (resume:docx), saved with a .docx name.
 * `json-resume`: the portfolio as JSON Resume (exchange:exportJsonResume), a .json file.
 * `full-export`: everything, originals included (exchange:exportAll), a .zip file.
 */
export type SavePdfRequest =
  | { kind: 'resume'; settings: ResumeSettingsInput }
  | { kind: 'resume-docx'; settings: ResumeSettingsInput }
  | { kind: 'report'; settings: ReportSettingsInput }
  | { kind: 'json-resume' }
  | { kind: 'full-export' }

/** `saved: false` when the person cancelled the dialog. */
export type SavePdfResult = { saved: false } | { saved: true; path: string; fileName: string; bytes: number }

/** The save/open half of `window.skillfolioFiles`. */
export interface SaveFilesApi {
  savePdf(request: SavePdfRequest): Promise<Result<SavePdfResult>>
  openSaved(path: string): Promise<Result<{ opened: true }>>
}

/**
 * A backup the page may name: one listed in the backups folder (by its file name, from
 * backup:list), or one the person picked in the native open dialog (by the ticket main gave
 * for it). The page never names a path: main resolves either to the file.
 */
export type BackupRef = { name: string } | { ticket: string }

/** The backups half of `window.skillfolioFiles` (Settings → Backups). */
export interface BackupFilesApi {
  /** The native open dialog for a backup file anywhere; what its header says (no passphrase needed) and a ticket naming it. null when cancelled. */
  chooseBackup(): Promise<Result<{ ticket: string; entry: BackupEntry } | null>>
  /** Verifies the backup fully (container, passphrase, hashes, integrity check, schema version) and says what it holds; changes nothing. */
  inspectBackup(ref: BackupRef, passphrase?: string): Promise<Result<BackupSummary>>
  /**
   * Replaces the open portfolio with the backup, after verifying it fully; the replaced
   * portfolio is kept aside (RestoreResult.keptAside). Refused in words (wrong passphrase,
   * damaged file) with the portfolio untouched. The page reloads its data afterwards.
   */
  restoreBackup(ref: BackupRef, passphrase?: string): Promise<Result<RestoreResult>>
  /** The native folder dialog; the folder picked becomes the `backupFolder` setting. null when cancelled. */
  chooseBackupFolder(): Promise<Result<{ folder: string } | null>>
}

/** `saved: false` when the person cancelled the folder dialog. */
export type SaveShareResult =
  | { saved: false }
  | {
      saved: true
      /** The new folder that holds the bundle (inside the one picked). */
      folder: string
      /** Its index.html: `openSaved` opens it. */
      index: string
      files: number
      bytes: number
      /** What the core put in the bundle, with the credentials left out of presentation.json and why. */
      summary: ShareSummary
    }

/** The sharing half of `window.skillfolioFiles`. */
export interface ShareFilesApi {
  /** Builds the bundle (share:bundle) and writes it into a new folder inside the one the person picks. */
  saveShareBundle(input: z.input<typeof ShareBundleInput>): Promise<Result<SaveShareResult>>
}
