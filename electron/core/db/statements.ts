import type { Statement } from 'better-sqlite3'
import type { Db } from './open'

/**
 * Prepares each distinct SQL text once. List queries assemble their WHERE and ORDER BY
 * from a whitelisted, finite set of fragments, so the cache stays small.
 */
export function statementCache(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>()
  return (sql) => {
    let stmt = cache.get(sql)
    if (!stmt) {
      stmt = db.prepare(sql)
      cache.set(sql, stmt)
    }
    return stmt
  }
}
