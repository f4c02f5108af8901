/** Contract types for importing credential files and for app settings. */
import { z } from 'zod'
import { LIMITS, MB } from './limits'
import { cleanImportedText } from './text-rules'
import { CurrencyCode, Trust } from './schemas'
import { AbsoluteFolder } from './backup'
import { ExpiryReminderDays } from './reminders'

/** 20 MB as base64 (4/3) plus slack; bigger files are refused by the core with a clear reason. */
const MAX_BASE64 = LIMITS.importBase64Chars

/**
 * A file's name as the window sends it. It only labels the file in the report (files are
 * recognised by their content), so characters the text rule refuses are taken out rather than
 * failing the whole import: a file is never lost over its name.
 */
const sentFileName = z
  .string()
  .min(1)
  .max(LIMITS.fileNameChars)
  .transform((name) => cleanImportedText(name).text.trim() || 'unnamed file')

export const ImportSource = z.union([
  /**
   * A file or folder on disk (desktop app: dropped or chosen files; command line). Kept exactly
   * as given, since it must name the file; only NUL, which no file system allows, is refused.
   */
  z.object({ path: z.string().min(1).max(LIMITS.pathChars).refine((p) => !p.includes('\0'), 'contains a NUL character (U+0000)') }),
  /** File contents sent by the window when no path is available (browser, pasted files). */
  z.object({ name: sentFileName, base64: z.string().max(MAX_BASE64, `is larger than ${LIMITS.importFileBytes / MB} MB`) }),
])
export type ImportSource = z.infer<typeof ImportSource>

export const IMPORT_ORIGINS = ['drop', 'dialog', 'cli', 'open-with'] as const
export const ImportStart = z.object({
  sources: z.array(ImportSource).min(1, 'choose at least one file').max(LIMITS.importFiles, `at most ${LIMITS.importFiles.toLocaleString('en-US')} files at a time`),
  origin: z.enum(IMPORT_ORIGINS).default('drop'),
})

export const IMPORT_OUTCOMES = ['imported', 'updated', 'duplicate', 'failed'] as const
export const ImportItem = z.object({
  position: z.number().int(),
  fileName: z.string(),
  outcome: z.enum(IMPORT_OUTCOMES),
  credentialId: z.string().nullable(),
  title: z.string().nullable(),
  /**
   * Why, in plain words: for failures; for duplicates; for a copy kept beside another as a
   * conflict; and for a file whose own checks found a problem (the failed check). Else null.
   */
  reason: z.string().nullable(),
  warnings: z.array(z.string()),
  /**
   * How far this file's own copy can be trusted (trustOf its verification), also for a
   * duplicate (the copy in the file, not the one kept). Null for failed files.
   */
  trust: Trust.nullable(),
  /** verificationHeadline of this file's own copy: what was and was not checked. Null for failed files. */
  headline: z.string().nullable(),
})
export type ImportItem = z.infer<typeof ImportItem>

/**
 * Where a batch stands. `running`: files are still being read (in this program or another);
 * `done`: every file imported, updated or found a duplicate; `partial`: some files failed;
 * `failed`: every file failed (or the batch could not start); `interrupted`: the program or
 * the computer stopped while it ran, and the files it never reached are failed (it can be
 * resumed with `import:resume`); `undone`: removed again with `import:undo` (whatever it was).
 * In every state but `running`, imported + updated + duplicate + failed = total.
 */
export const IMPORT_STATES = ['running', 'done', 'partial', 'failed', 'interrupted', 'undone'] as const
export type ImportState = (typeof IMPORT_STATES)[number]

export const ImportReport = z.object({
  batchId: z.number().int(),
  state: z.enum(IMPORT_STATES),
  origin: z.enum(IMPORT_ORIGINS),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Files found so far (folders are expanded while the batch runs). */
  total: z.number().int(),
  processed: z.number().int(),
  counts: z.object({ imported: z.number().int(), updated: z.number().int(), duplicate: z.number().int(), failed: z.number().int() }),
  /**
   * Why the batch stopped before reading every file, in plain words ("the disk is full", "the
   * portfolio is busy: another program kept it locked", the import was interrupted); null when
   * it did not stop early.
   */
  stopReason: z.string().nullable(),
  /** The interrupted batch this one resumed, if it is a resume. */
  resumedFrom: z.number().int().nullable(),
  /** The batch that resumed this (interrupted) one; an interrupted batch is resumed at most once. */
  resumedBy: z.number().int().nullable(),
  items: z.array(ImportItem),
})
export type ImportReport = z.infer<typeof ImportReport>

/**
 * A running batch's progress, pushed to the window as an event (`import:progress`) after every
 * chunk and when the batch ends, so the window never polls.
 */
export type ImportProgress = Pick<ImportReport, 'batchId' | 'state' | 'total' | 'processed' | 'counts'>

export const Settings = z.object({
  /** Allow fetching hosted badges, did:web documents and status lists over https. Off by default. */
  onlineChecks: z.boolean(),
  /** Where backups are written; absent or null: `backups` beside the portfolio (shared/backup.ts). */
  backupFolder: AbsoluteFolder.nullable().optional(),
  /** The currency plans show prices in (converted estimates); absent: the plan's budget currency, else USD. */
  currency: CurrencyCode.optional(),
  /** Remind of earned credentials expiring within this many days (banner and notification); 0: no reminders. */
  expiryReminderDays: ExpiryReminderDays,
})
export type Settings = z.infer<typeof Settings>
