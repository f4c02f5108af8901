import type { Db } from '../db/open'
import type { SearchQueryInput, SearchQueryOutput } from '../../shared/io'
import type { SearchHit } from '../../shared/schemas'
import { toPublicId } from './ids'
import { ftsQuery } from './text'

/** Markers around matched words in snippets; control characters never occur in user text shown to the UI. */
export const HIT_START = '\u0002'
export const HIT_END = '\u0003'

/** Past this many matches bm25 ranking costs more than a keystroke's budget; see `hitsFor`. */
const RANKABLE = 2000

const TABLES = {
  skill: { fts: 'skill_fts', base: 'skill', title: 'name', titleColumn: 'name', weights: '10.0, 5.0, 1.0' },
  credential: { fts: 'credential_fts', base: 'credential', title: 'title', titleColumn: 'title', weights: '10.0, 1.0, 4.0' },
  project: { fts: 'project_fts', base: 'project', title: 'title', titleColumn: 'title', weights: '10.0, 1.0, 4.0' },
} as const
type Entity = keyof typeof TABLES

/**
 * One search box over the whole portfolio. Each entity's best hits are found separately
 * and interleaved (best skill, best credential, best project, second best …), since the
 * UI shows them grouped and bm25 scores of different tables are not comparable.
 */
export function createSearch(db: Db) {
  const prepare = (entity: Entity) => {
    const t = TABLES[entity]
    const select = `SELECT f.rowid AS id, b.${t.title} AS title,
        snippet(${t.fts}, -1, '${HIT_START}', '${HIT_END}', '…', 12) AS snippet
      FROM ${t.fts} f JOIN ${t.base} b ON b.id = f.rowid`
    type Row = { id: number; title: string; snippet: string }
    type Params = { match: string; limit: number }
    return {
      count: db.prepare<Params, { n: number }>(`SELECT count(*) AS n FROM ${t.fts} WHERE ${t.fts} MATCH @match`),
      ranked: db.prepare<Params, Row>(`${select} WHERE ${t.fts} MATCH @match ORDER BY bm25(${t.fts}, ${t.weights}) LIMIT @limit`),
      // For very common words: title matches first, then the rest, newest first (both are index walks).
      titleFirst: db.prepare<Params & { titleMatch: string }, Row>(
        `SELECT * FROM (${select} WHERE ${t.fts} MATCH @titleMatch ORDER BY f.rowid DESC LIMIT @limit)
         UNION ALL
         SELECT * FROM (${select} WHERE ${t.fts} MATCH @match AND f.rowid NOT IN
           (SELECT rowid FROM ${t.fts} WHERE ${t.fts} MATCH @titleMatch) ORDER BY f.rowid DESC LIMIT @limit)
         LIMIT @limit`,
      ),
      titleColumn: t.titleColumn,
    }
  }
  const queries = { skill: prepare('skill'), credential: prepare('credential'), project: prepare('project') }

  function hitsFor(entity: Entity, match: string, limit: number): SearchHit[] {
    const q = queries[entity]
    const many = (q.count.get({ match, limit }) as { n: number }).n > RANKABLE
    const rows = many ? q.titleFirst.all({ match, limit, titleMatch: `{${q.titleColumn}} : (${match})` }) : q.ranked.all({ match, limit })
    return rows.map((r) => ({ entity, id: toPublicId(entity, r.id), title: r.title, snippet: r.snippet }))
  }

  return {
    query({ text, limit }: SearchQueryInput): SearchQueryOutput {
      const match = ftsQuery(text)
      if (!match) return []
      const lists = (['skill', 'credential', 'project'] as const).map((e) => hitsFor(e, match, limit))
      const merged: SearchHit[] = []
      for (let i = 0; merged.length < limit && lists.some((l) => i < l.length); i++) {
        for (const list of lists) if (i < list.length && merged.length < limit) merged.push(list[i]!)
      }
      return merged
    },
  }
}
