/**
 * Argument parsing on top of node:util parseArgs. A first pass resolves every flag
 * against the command's own list (so an unknown flag gets "did you mean …?" and a value
 * may start with a dash, as in `--cost "-5 USD"`); parseArgs then structures the result.
 */
import { parseArgs } from 'node:util'
import { showValue, usage } from './errors'
import { didYouMean } from './suggest'

export interface OptionSpec {
  name: string
  type: 'string' | 'boolean'
  multiple?: boolean
  short?: string
}

/** Accepted by every command, before or after the command name. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'db', type: 'string' },
  { name: 'json', type: 'boolean' },
  { name: 'help', type: 'boolean', short: 'h' },
  { name: 'version', type: 'boolean', short: 'V' },
]

export type OptionValues = Record<string, string | string[] | boolean | undefined>

export interface ParsedOptions {
  values: OptionValues
  positionals: string[]
}

const looksLikeNumber = (arg: string) => /^-\d/.test(arg)

/**
 * Parses `args` against `specs`. `context` names the command in messages
 * ("unknown option --earned for add credential").
 */
export function parseOptions(args: readonly string[], specs: readonly OptionSpec[], context: string): ParsedOptions {
  const byName = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  const normalized: string[] = []
  const positionals: string[] = []
  const flagNames = specs.map((s) => `--${s.name}`)

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq)
      const spec = byName.get(name)
      if (!spec) {
        const where = context ? ` for ${context}` : ''
        throw usage(`unknown option ${showValue(`--${name}`)}${where}${didYouMean(`--${name}`, flagNames)}`)
      }
      if (spec.type === 'boolean') {
        if (eq >= 0) throw usage(`--${name} does not take a value`)
        normalized.push(`--${name}`)
        continue
      }
      let value: string
      if (eq >= 0) value = arg.slice(eq + 1)
      else {
        if (i + 1 >= args.length) throw usage(`--${name} needs a value`)
        value = args[++i]!
      }
      normalized.push(`--${name}=${value}`)
      continue
    }
    if (arg.startsWith('-') && arg.length > 1 && !looksLikeNumber(arg)) {
      const spec = byShort.get(arg.slice(1))
      if (!spec || spec.type !== 'boolean') throw usage(`unknown option ${showValue(arg)}${context ? ` for ${context}` : ''}${didYouMean(arg, flagNames)}`)
      normalized.push(`--${spec.name}`)
      continue
    }
    positionals.push(arg)
  }

  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {}
  for (const s of specs) options[s.name] = { type: s.type, ...(s.multiple ? { multiple: true } : {}) }
  const parsed = parseArgs({ args: [...normalized, '--', ...positionals], options, allowPositionals: true, strict: true })
  return { values: { ...parsed.values } as OptionValues, positionals: parsed.positionals }
}

/**
 * Splits off the global options that come before the command word:
 * `skillfolio --db x.sqlite --json list credentials` -> globals + ['list', 'credentials'].
 */
export function splitLeadingGlobals(argv: readonly string[]): { leading: string[]; rest: string[] } {
  const leading: string[] = []
  let i = 0
  while (i < argv.length) {
    const arg = argv[i]!
    if (!arg.startsWith('-') || arg === '-' || looksLikeNumber(arg)) break
    if (arg === '--') {
      i++
      break
    }
    leading.push(arg)
    if (arg === '--db' && i + 1 < argv.length) leading.push(argv[++i]!)
    i++
  }
  return { leading, rest: argv.slice(i) }
}
