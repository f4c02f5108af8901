import { AppError, type AppErrorShape, type ErrorCode } from '../shared/errors'
import { QUOTE_MAX, quote } from '../shared/text-rules'

/** Exit codes: 0 success, 1 not found / conflict / anything else, 2 bad input or bad usage. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const

export interface CliIssue {
  path: string
  message: string
  /** The command-line flag the problem belongs to, when there is one. */
  flag?: string
}

/**
 * A failure the command line reports as one line on stderr. `code` is the core's error
 * code (BAD_INPUT for usage mistakes too), so `--json` consumers see one vocabulary.
 */
export class CliError extends Error {
  readonly code: ErrorCode
  readonly issues: CliIssue[] | undefined
  constructor(code: ErrorCode, message: string, issues?: CliIssue[]) {
    super(message)
    this.name = 'CliError'
    this.code = code
    this.issues = issues
  }
  get exitCode(): number {
    return exitCodeFor(this.code)
  }
  toShape(): AppErrorShape & { issues?: CliIssue[] } {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message }
  }
}

export function exitCodeFor(code: ErrorCode): number {
  return code === 'BAD_INPUT' ? EXIT.badInput : EXIT.failure
}

/** A usage mistake or a value the command line refuses before asking the core (exit code 2). */
export const usage = (message: string, issues?: CliIssue[]) => new CliError('BAD_INPUT', message, issues)

/** Where a field of a request came from on the command line, to name the flag in an error. */
export interface FlagSource {
  flag: string
  /** Every value given for the flag, in order (one for single-valued flags). */
  values: string[]
  /** How list items map to values: 'each' (one item per occurrence) or 'split' (one value split into items). */
  items?: 'each' | 'split'
  /** The items of a split value, so `skills.2.level` can quote the third item. */
  splitItems?: string[]
}
export type FlagBinding = Record<string, FlagSource>

/**
 * Turns a core error into the command line's error. BAD_INPUT issues name the flag and the
 * value the user typed: `--earned-on: 2024-13-45 is not a real calendar date`.
 */
export function fromAppError(error: AppError, binding: FlagBinding = {}): CliError {
  if (error.code !== 'BAD_INPUT' || !error.issues?.length) return new CliError(error.code, error.message, error.issues)
  // One problem per field: "2024/01/01" fails both the format and the calendar check.
  const seen = new Set<string>()
  const distinct = error.issues.filter((issue) => !seen.has(issue.path) && seen.add(issue.path))
  const issues = distinct.map((issue) => explainIssue(issue.path, plainMessage(issue.message), binding))
  const first = issues[0]!
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
  return new CliError('BAD_INPUT', `${first.message}${more}`, issues)
}

/** zod's built-in messages, in the words the rest of the schemas use. */
function plainMessage(message: string): string {
  const big = /^Too big: expected \w+ to (?:be|have) <=?\s*(\d+)/.exec(message)
  if (big) return `must be at most ${big[1]}`
  const small = /^Too small: expected \w+ to (?:be|have) >=?\s*(\d+)/.exec(message)
  if (small) return `must be at least ${small[1]}`
  const option = /^Invalid option: expected one of (.+)$/.exec(message)
  if (option) return `must be one of ${option[1]!.replace(/"/g, '').split('|').join(', ')}`
  return message
}

const PREDICATE = /^(is|are|must|cannot|can't|has|have|should|needs?|was|does|contains)\b/

function explainIssue(rawPath: string, message: string, binding: FlagBinding): CliIssue {
  const path = rawPath.replace(/^patch\./, '')
  const [field, ...rest] = path.split('.')
  const source = field !== undefined ? binding[field] : undefined
  if (!source) return { path: rawPath, message: path ? `${path}: ${message}` : message }

  let value: string | undefined
  let sub = rest
  const index = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) : null
  if (index !== null) {
    value = source.items === 'split' ? source.splitItems?.[index] : source.values[index]
    sub = rest.slice(1)
  } else if (source.items !== 'split' || rest.length === 0) {
    value = source.values.at(-1)
  }
  const what = sub.length ? `${sub.join('.')} ` : ''
  let line: string
  if (value === undefined || !value.trim()) line = `${source.flag}: ${what}${message}`
  else if (!what && PREDICATE.test(message)) line = `${source.flag}: ${showValue(value)} ${message}`
  else line = `${source.flag}: ${showValue(value)}: ${what}${message}`
  return { path: rawPath, flag: source.flag, message: line }
}

/**
 * Values are shown bare when that is unambiguous, else quoted; either way at most 80 characters
 * (QUOTE_MAX) of them, with control characters and bidi controls written as escapes.
 */
export function showValue(value: string): string {
  return /^[\w.:/@+,#%&=?~-]+$/u.test(value) && value.length <= QUOTE_MAX ? value : quote(value)
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === 'AppError' && typeof (error as AppError).code === 'string')
}
