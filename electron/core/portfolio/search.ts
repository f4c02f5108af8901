import type { Db } from '../db/open'
import type { ParsedInput, Output } from '../../shared/contract'
import type { SearchHit } from '../../shared/schemas'
import { toPublicId } from './ids'
import { ftsQuery } from './text'

/** Markers around matched words in snippets; control characters never occur in user text shown to the UI. */
export const HIT_START = '\u0002'
export const HIT_END = '\u0003'

/**
 * One search box over the whole portfolio. Each FTS5 table is asked for its best hits
 * (bm25, title weighted highest) and the lists are merged by rank.
 */
export function createSearch(db: Db) {
  const snippet = (table: string) => `snippet(${table}, -1, '${HIT_START}', '${HIT_END}', '…', 12)`
  const queries = {
    credential: db.prepare<{ match: string; limit: number }, { id: number; title: string; snippet: string; rank: number }>(
      `SELECT f.rowid AS id, c.title, ${snippet('credential_fts')} AS snippet, bm25(credential_fts, 10.0, 1.0, 4.0) AS rank
         FROM credential_fts f JOIN credential c ON c.id = f.rowid
        WHERE credential_fts MATCH @match ORDER BY rank LIMIT @limit`,
    ),
    project: db.prepare<{ match: string; limit: number }, { id: number; title: string; snippet: string; rank: number }>(
      `SELECT f.rowid AS id, p.title, ${snippet('project_fts')} AS snippet, bm25(project_fts, 10.0, 1.0, 4.0) AS rank
         FROM project_fts f JOIN project p ON p.id = f.rowid
        WHERE project_fts MATCH @match ORDER BY rank LIMIT @limit`,
    ),
    skill: db.prepare<{ match: string; limit: number }, { id: number; title: string; snippet: string; rank: number }>(
      `SELECT f.rowid AS id, s.name AS title, ${snippet('skill_fts')} AS snippet, bm25(skill_fts, 10.0, 5.0, 1.0) AS rank
         FROM skill_fts f JOIN skill s ON s.id = f.rowid
        WHERE skill_fts MATCH @match ORDER BY rank LIMIT @limit`,
    ),
  }
  return {
    'search:query'({ text, limit }: ParsedInput<'search:query'>): Output<'search:query'> {
      const match = ftsQuery(text)
      if (!match) return []
      const hits: Array<SearchHit & { rank: number }> = []
      for (const entity of ['skill', 'credential', 'project'] as const) {
        for (const r of queries[entity].all({ match, limit })) {
          hits.push({ entity, id: toPublicId(entity, r.id), title: r.title, snippet: r.snippet, rank: r.rank })
        }
      }
      return hits
        .sort((a, b) => a.rank - b.rank)
        .slice(0, limit)
        .map(({ rank: _rank, ...hit }) => hit)
    },
  }
}
