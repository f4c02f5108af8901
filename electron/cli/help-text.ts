import type { FieldFlag } from './entities'
import { width } from './format'

/** A two-column flag table: `  --earned-on YYYY-MM-DD   date earned`. */
export function optionTable(title: string, rows: Array<[string, string]>): string {
  const w = Math.max(...rows.map(([k]) => width(k)))
  return [title, ...rows.map(([k, v]) => `  ${k}${' '.repeat(w - width(k))}   ${v}`)].join('\n')
}

export function fieldHelp(title: string, fields: FieldFlag[], markRequired = true): string {
  return optionTable(
    title,
    fields.map((f) => [`--${f.flag} ${f.metavar}`, `${f.help}${markRequired && f.required ? ' (required)' : ''}`]),
  )
}
