/**
 * Text helpers shared by the repositories: the key two skill names must share to be
 * "the same skill", and the FTS5 query built from what a person typed.
 */

/** "  Power   BI " and "power bi" are one skill; so are "Ｐython" (full-width) and "Python". */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim()
}

/**
 * Turns free text into an FTS5 query that cannot be a syntax error: every word becomes a
 * quoted term, all of which must match. Only the last word is a prefix (it is the one still
 * being typed): prefix terms are the expensive part of a query, and "sql dash" should find
 * "SQL dashboards" while "sql" alone before another word means the word SQL.
 * Returns null when nothing searchable is left.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12)
  if (words.length === 0) return null
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

/** Escapes LIKE wildcards so a typed "%" or "_" is matched literally (use with ESCAPE '\\'). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export function parseJsonArray<T>(json: string | null | undefined): T[] {
  if (!json) return []
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? (value as T[]) : []
}
