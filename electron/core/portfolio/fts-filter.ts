import type { Db } from '../db/open'
import { statementCache } from '../db/statements'

/** Above this many matches a list walks its sort index instead of sorting the matches. */
const MANY_MATCHES = 500

/**
 * Builds the WHERE fragment that restricts a list to full-text matches, choosing the plan
 * by how many rows match. Few matches: look each one up and sort them (cheap). Many
 * matches (a common word at 100k credentials): the unary `+` stops SQLite from driving
 * the query from the match list, so it walks the index that already has the list's sort
 * order and stops after one page, testing membership in the materialised match set.
 * Also returns the match count, which is the list's total when no other filter applies.
 */
export function createFtsFilter(db: Db, table: 'credential' | 'project', alias: string) {
  const cached = statementCache(db)
  const count = cached(`SELECT count(*) AS n FROM ${table}_fts WHERE ${table}_fts MATCH @match`)
  return (match: string): { clause: string; matches: number } => {
    const matches = (count.get({ match }) as { n: number }).n
    const column = matches > MANY_MATCHES ? `+${alias}.id` : `${alias}.id`
    return { clause: `${column} IN (SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH @match)`, matches }
  }
}
