/** Test helpers for backups: a portfolio with records and originals, and everything a portfolio file holds, to compare. */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { openDatabase } from '../../../electron/core/db/open'
import type { Core } from '../../../electron/core/app'
import { expect } from 'vitest'
import { AppError } from '../../../electron/shared/errors'

/** Demo records plus three original files (one of 300 kB, so blobs span overflow pages), attached to credentials. */
export async function fillPortfolio(core: Core): Promise<string[]> {
  await core.call('app:loadDemo', {})
  const files = [Buffer.from('{"@context":"https://w3id.org/openbadges/v2","name":"Café ☕ badge"}'), randomBytes(300_000), Buffer.from([0, 1, 2, 255])]
  return core.db.transaction(() => files.map((bytes, i) => {
    const sha = core.evidence.put(bytes, `original-${i}.bin`, 'application/octet-stream')
    core.evidence.attach(i + 1, sha)
    return sha
  }))()
}

/** Every row of every table (search index included), in a stable order, read from a closed portfolio file. */
export function portfolioContent(file: string): Record<string, unknown[]> {
  const db = openDatabase(file, { readonly: true })
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`).pluck().all() as string[]
    const content: Record<string, unknown[]> = {}
    for (const t of tables) {
      const columns = (db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(t) as number)
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ')
      content[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all()
    }
    content.schema = [db.pragma('user_version', { simple: true }), db.pragma('application_id', { simple: true })]
    return content
  } finally {
    db.close()
  }
}

/** SHA-256 over the portfolio file and its WAL, i.e. everything SQLite would read. */
export function fileHash(file: string): string {
  const h = createHash('sha256')
  for (const f of [file, `${file}-wal`]) h.update(existsSync(f) ? readFileSync(f) : Buffer.from('<none>'))
  return h.digest('hex')
}

/** The passphrase the backup tests encrypt with. */
export const PASSPHRASE = 'correct horse battery staple'

/** The AppError `promise` is refused with (the test fails if it resolves or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}
