/** Making a backup: of an open portfolio (online, for the app and the CLI) and inside a migration's lock. */
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { AppError } from '../../shared/errors'
import type { BackupCreated, BackupReason } from '../../shared/backup'
import type { Db } from '../db/open'
import { encodeEncrypted, encodePlain, plainBody, type HeaderFacts } from './format'
import { asRollbackJournal, buildManifest, describe, openCopy, type Contents } from './manifest'
import { writeNewFile } from './files'

export interface BackupTarget {
  /** The file to write (never overwritten). */
  path: string
  dbPath: string
  reason: BackupReason
  appVersion: string
  createdAt: Date
  passphrase?: string
}

const factsOf = (target: Omit<BackupTarget, 'passphrase'>, contents: Contents): HeaderFacts => ({
  createdAt: target.createdAt.toISOString(),
  reason: target.reason,
  appVersion: target.appVersion,
  schemaVersion: contents.schemaVersion,
  portfolio: basename(target.dbPath),
})
const bodyOf = (facts: HeaderFacts, database: Buffer, contents: Contents) => plainBody(JSON.stringify(buildManifest(facts, database, contents)), database)

function seal(target: BackupTarget, database: Buffer, contents: Contents): Promise<Buffer> | Buffer {
  const facts = factsOf(target, contents)
  const body = bodyOf(facts, database, contents)
  return target.passphrase ? encodeEncrypted(facts, body, target.passphrase) : encodePlain(facts, body)
}

/**
 * Backs up an open portfolio with SQLite's online backup (`db.backup`, a few pages at a time,
 * so the app stays responsive and other writers are not blocked), then describes and seals
 * that copy. The copy is made beside the target and removed afterwards.
 */
export async function backupPortfolio(db: Db, target: BackupTarget, nativeBinding?: string | object): Promise<BackupCreated> {
  const copyPath = `${target.path}.partial-db`
  try {
    try {
      mkdirSync(dirname(target.path), { recursive: true })
    } catch (error) {
      throw new AppError('IO', `Could not make the folder ${dirname(target.path)}: ${error instanceof Error ? error.message : String(error)}`)
    }
    await db.backup(copyPath)
    const database = asRollbackJournal(readFileSync(copyPath))
    const copy = openCopy(database, nativeBinding)
    let contents: Contents
    try {
      contents = describe(copy)
    } finally {
      copy.close()
    }
    const bytes = await seal(target, database, contents)
    writeNewFile(target.path, bytes)
    return { path: target.path, bytes: bytes.length, createdAt: target.createdAt.toISOString() }
  } finally {
    for (const f of [copyPath, `${copyPath}-journal`]) rmSync(f, { force: true })
  }
}

/**
 * The backup taken before a schema upgrade, synchronously, through the migrating connection
 * while it holds the write lock (the committed state, WAL included, that nobody can change
 * until the upgrade is done). Never encrypted: no passphrase is at hand while opening. The
 * written file is read back and compared, so the upgrade goes ahead only after a good copy.
 */
export function backupBeforeUpgrade(db: Db, target: Omit<BackupTarget, 'reason' | 'passphrase'>): string {
  const database = asRollbackJournal(db.serialize())
  const contents = describe(db)
  const facts = factsOf({ ...target, reason: 'pre-migration' }, contents)
  const bytes = encodePlain(facts, bodyOf(facts, database, contents))
  writeNewFile(target.path, bytes)
  if (!readFileSync(target.path).equals(bytes)) throw new Error(`The backup ${target.path} reads back differently from what was written`)
  return target.path
}
