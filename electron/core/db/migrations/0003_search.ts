import type { Db } from '../open'
import { createSearchIndex } from '../../portfolio/search-index'

/**
 * Full-text search over credentials, projects and skills (FTS5, diacritics folded, with
 * 2- and 3-character prefix indexes so type-as-you-search stays fast). The services keep
 * the index current; here the tables are created and what earlier versions hold is indexed.
 */
export function up(db: Db): void {
  const options = `tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'`
  db.exec(`
    CREATE VIRTUAL TABLE credential_fts USING fts5 (title, body, tags, ${options});
    CREATE VIRTUAL TABLE project_fts USING fts5 (title, body, tags, ${options});
    CREATE VIRTUAL TABLE skill_fts USING fts5 (name, aliases, description, ${options});
  `)
  createSearchIndex(db).rebuild()
}
