/** Plain-text output for a terminal: aligned tables, label/value blocks, dates, money. */
import type { Money } from '../shared/schemas'
import { formatMoney } from '../shared/format'
import { escapeControls } from '../shared/text-rules'

/**
 * Text safe to write to a terminal: every control character (ESC, NUL, CR, DEL, the C1 range),
 * line and paragraph separator and bidirectional override or isolate becomes a visible escape
 * (`\x1b`, `\u202e`); only newlines are kept. runCli passes everything it writes through this,
 * so a badge name or file name holding an escape sequence (a screen clear, an OSC 52 clipboard
 * write) is shown, never acted on. Tables and label blocks apply it per cell, so columns stay aligned.
 */
export const printable = (text: string): string => escapeControls(text, true)

/**
 * `--json` output. JSON.stringify already escapes U+0000–U+001F; this also escapes DEL, the C1
 * controls, the line and paragraph separators and the bidi controls as \uXXXX, which parses to
 * the same value, so no raw control character reaches a terminal that shows the JSON.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Length in code points, so "Zürich" and emoji count as what they look like (mostly). */
export const width = (s: string): number => [...s].length

export function truncate(s: string, max: number): string {
  const chars = [...printable(s.replace(/\s+/g, ' '))]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`
}

export interface Column {
  header: string
  align?: 'left' | 'right'
  /** Longer cells are cut with an ellipsis. */
  max?: number
}

/** Columns separated by two spaces, padded to the widest cell, no trailing spaces. */
export function table(columns: Column[], rows: string[][]): string {
  const cells = rows.map((row) => columns.map((c, i) => (c.max ? truncate(row[i] ?? '', c.max) : printable((row[i] ?? '').replace(/\s+/g, ' ')))))
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i]!))))
  const line = (r: string[]) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - width(cell))
        return columns[i]!.align === 'right' ? pad + cell : cell + pad
      })
      .join('  ')
      .trimEnd()
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n')
}

/** `Label   value` lines; empty values are left out. */
export function fieldsBlock(pairs: Array<[string, string | null | undefined]>, indent = '  '): string {
  const shown = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
  const w = Math.max(0, ...shown.map(([k]) => width(k)))
  return shown.map(([k, v]) => `${indent}${k}${' '.repeat(w - width(k))}  ${printable(v!)}`).join('\n')
}

/** Wraps prose to `columns`, indenting every line. */
export function wrap(text: string, indent = '    ', columns = 88): string {
  return text
    .split(/\n/)
    .map((paragraph) => {
      const words = paragraph.split(/\s+/).filter(Boolean)
      const lines: string[] = []
      let current = ''
      for (const word of words) {
        if (current && width(indent + current + ' ' + word) > columns) {
          lines.push(indent + current)
          current = word
        } else current = current ? `${current} ${word}` : word
      }
      lines.push(indent + current)
      return lines.join('\n').trimEnd()
    })
    .join('\n')
}

export const dash = (v: string | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : v)

export const money = (m: Money | null): string => formatMoney(m)

export function hours(h: number | null): string {
  if (h === null) return ''
  return `${Number.isInteger(h) ? h : Number(h.toFixed(2))}`
}

/** Whole days from `now` (UTC midnight) to an ISO date; negative in the past. */
export function daysFrom(now: Date, isoDate: string): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const [y, m, d] = isoDate.split('-').map(Number)
  return Math.round((Date.UTC(y!, m! - 1, d!) - today) / 86_400_000)
}

/** "2025-03-01 (in 23 days)", "2023-01-01 (expired 1 year ago)". */
export function expiryNote(now: Date, expiresOn: string | null): string | null {
  if (!expiresOn) return null
  const days = daysFrom(now, expiresOn)
  if (days > 0) return `${expiresOn} (in ${span(days)})`
  if (days === 0) return `${expiresOn} (today)`
  return `${expiresOn} (expired ${span(-days)} ago)`
}

function span(days: number): string {
  if (days < 60) return `${days} day${days === 1 ? '' : 's'}`
  if (days < 730) return `${Math.round(days / 30.44)} months`
  return `${Math.round(days / 365.25)} years`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Search snippets mark hits with \u0002 … \u0003; a terminal shows them in brackets. */
export const HIT_START = String.fromCharCode(2)
export const HIT_END = String.fromCharCode(3)
export function highlight(snippet: string): string {
  return snippet.split(HIT_START).join('[').split(HIT_END).join(']')
}

/** The snippet without hit marks. */
export function plainSnippet(snippet: string): string {
  return snippet.split(HIT_START).join('').split(HIT_END).join('')
}
