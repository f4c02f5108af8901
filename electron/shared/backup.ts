/** Contract types for backups of the portfolio (see electron/core/backup/format.ts for the file). */
import { z } from 'zod'

/** Why a backup was made: asked for, the daily one, or the one taken before a schema upgrade. */
export const BACKUP_REASONS = ['manual', 'daily', 'pre-migration'] as const
export const BackupReason = z.enum(BACKUP_REASONS)
export type BackupReason = z.infer<typeof BackupReason>

/** The file extension of every backup. */
export const BACKUP_EXTENSION = '.sfbackup'

const FilePath = z.string().trim().min(1, 'is required').max(4096, 'must be at most 4096 characters')
/** Absolute on either platform: `/…`, `C:\…` or `\\server\share`. */
export const AbsoluteFolder = FilePath.refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be an absolute folder path')

export const MIN_PASSPHRASE_LENGTH = 8
/** A new backup's passphrase; an existing one is tried whatever its length (a wrong one is refused in words). */
export const NewPassphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `must be at least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024, 'must be at most 1024 characters')
const GivenPassphrase = z.string().max(1024, 'must be at most 1024 characters')

export const BackupCreateInput = z
  .strictObject({
    /** Encrypts the backup with this passphrase (scrypt + AES-256-GCM). */
    passphrase: NewPassphrase.optional(),
    /** Where to write it; default the backups folder (setting `backupFolder`). */
    folder: AbsoluteFolder.optional(),
    /** The exact file to write (an existing file is not overwritten). */
    file: FilePath.optional(),
  })
  .refine((v) => !(v.folder && v.file), { path: ['file'], message: 'give a file or a folder, not both' })
  .default({})
export type BackupCreateInput = z.infer<typeof BackupCreateInput>

export const BackupInspectInput = z.strictObject({ path: FilePath, passphrase: GivenPassphrase.optional() })
export type BackupInspectInput = z.infer<typeof BackupInspectInput>

export interface BackupCreated {
  path: string
  bytes: number
  /** ISO timestamp. */
  createdAt: string
}

/** What a backup's header tells without its passphrase (a list entry). */
export interface BackupEntry {
  path: string
  /** The file name. */
  name: string
  bytes: number
  createdAt: string
  reason: BackupReason
  encrypted: boolean
  appVersion: string
  schemaVersion: number
  /** The portfolio file it was made of (its name, not its folder). */
  portfolio: string
}

export interface BackupList {
  /** The backups folder (the setting, else `backups` beside the portfolio). */
  folder: string
  /** Newest first. */
  backups: BackupEntry[]
  /** Files with the backup extension that could not be read as one, with why. */
  unreadable: Array<{ path: string; reason: string }>
}

/** A fully verified backup: hashes, SQLite integrity check and schema version all passed. */
export interface BackupSummary extends BackupEntry {
  database: { bytes: number; sha256: string }
  originals: { count: number; bytes: number }
  /** Rows per table of the portfolio inside. */
  tables: Record<string, number>
  /** The rows a person recognises, from `tables`. */
  counts: { credentials: number; projects: number; skills: number; experience: number; education: number }
}

export interface RestoreResult {
  /** The portfolio file that now holds the backup's content. */
  dbPath: string
  /** Where the replaced portfolio was moved (null when there was none). */
  keptAside: string | null
  backup: BackupSummary
}
