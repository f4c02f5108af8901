import type { SearchHit } from '../../shared/schemas'
import { quote } from '../../shared/text-rules'
import type { Command } from '../context'
import { usage } from '../errors'
import { parseCount } from '../fields'
import { highlight, plainSnippet, plural, truncate, wrap } from '../format'
import { optionTable } from '../help-text'

const GROUPS = [
  ['credential', 'Credentials'],
  ['project', 'Projects'],
  ['skill', 'Skills'],
] as const

export const search: Command = {
  name: 'search',
  aliases: ['find'],
  summary: 'Search credentials, projects and skills (words and prefixes, any order)',
  usage: ['search TEXT [--limit N]'],
  options: () => [{ name: 'limit', type: 'string' }],
  help: () => optionTable('Flags:', [['--limit N', 'at most N results (default 20, up to 100)']]),
  async run(ctx, inv) {
    const text = inv.positionals.join(' ').trim()
    if (!text) throw usage('search needs some text, e.g. skillfolio search "sql dashboard"')
    const rawLimit = typeof inv.values.limit === 'string' ? inv.values.limit : undefined
    const input = rawLimit === undefined ? { text } : { text, limit: parseCount(rawLimit, '--limit', 1) }
    const hits = await ctx.call('search:query', input, {
      text: { flag: 'search text', values: [text] },
      ...(rawLimit === undefined ? {} : { limit: { flag: '--limit', values: [rawLimit] } }),
    })
    const groups: Record<SearchHit['entity'], SearchHit[]> = { credential: [], project: [], skill: [] }
    for (const hit of hits) groups[hit.entity].push(hit)
    const json = { text, total: hits.length, credentials: groups.credential, projects: groups.project, skills: groups.skill }
    if (!hits.length) return { json, text: `Nothing matches ${quote(text)}.` }
    const blocks = GROUPS.filter(([key]) => groups[key].length).map(([key, title]) => {
      const idWidth = Math.max(...groups[key].map((h) => h.id.length))
      const lines = groups[key].map((h) => {
        const head = `  ${h.id.padEnd(idWidth)}  ${truncate(h.title, 70)}`
        const snippet = highlight(h.snippet).trim()
        const plain = plainSnippet(h.snippet).trim()
        return snippet && plain !== h.title ? `${head}\n${wrap(snippet, ' '.repeat(idWidth + 4), 100)}` : head
      })
      return `${title} (${groups[key].length})\n${lines.join('\n')}`
    })
    return { json, text: `${blocks.join('\n\n')}\n\n${plural(hits.length, 'result')} for ${quote(text)}` }
  },
}
