/** A small portfolio for the resume and report channels, and a hash of the database files. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { Core } from '../../../electron/core/app'

export async function seedPortfolio(core: Core) {
  await core.call('profile:update', { fullName: 'Ada Lovelace', headline: 'Analyst', email: 'ada@example.org' })
  await core.call('experience:create', { organization: 'Analytical Engines Ltd', title: 'Programmer', startedOn: '2020-01-01' })
  const db = await core.call('credentials:create', {
    title: 'Database Fundamentals',
    kind: 'platform',
    provider: 'Coursera',
    earnedOn: '2023-03-01',
    skills: [{ name: 'Postgres' }, { name: 'SQL' }],
  })
  const py = await core.call('credentials:create', { title: 'Python for Everybody', kind: 'platform', earnedOn: '2022-06-01', skills: [{ name: 'Python 3' }] })
  const paint = await core.call('credentials:create', { title: 'Watercolour Painting', kind: 'other', earnedOn: '2025-09-01', skills: [{ name: 'Painting' }] })
  const old = await core.call('credentials:create', {
    title: 'Legacy Cloud Certificate',
    kind: 'certification',
    earnedOn: '2021-01-01',
    expiresOn: '2024-01-01',
    skills: [{ name: 'Cloud computing' }],
  })
  const proj = await core.call('projects:create', { title: 'Orders API', summary: 'A REST API over PostgreSQL', skills: [{ name: 'Postgres' }], credentialIds: [db.id] })
  return { db, py, paint, old, proj }
}

/** SHA-256 over the database file and its WAL: everything SQLite would read. */
export function hashDb(dbPath: string): string {
  const h = createHash('sha256')
  for (const file of [dbPath, `${dbPath}-wal`]) h.update(existsSync(file) ? readFileSync(file) : Buffer.from('<none>'))
  return h.digest('hex')
}

export const pdfBytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'))
