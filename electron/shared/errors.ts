/**
 * Error codes and the Result envelope that every contract call answers with.
 * Nothing is ever thrown across IPC: Electron would pass on only the message.
 */
export const ERROR_CODES = [
  'BAD_INPUT', // the request does not match the contract, or a field is invalid
  'NOT_FOUND', // the id names nothing in this portfolio
  'CONFLICT', // the change clashes with existing data (e.g. a duplicate skill name)
  'DB_TOO_NEW', // the portfolio was written by a newer Skillfolio
  'NOT_A_PORTFOLIO', // the file is not a Skillfolio portfolio (another program's database, or not a database): refused untouched
  'DAMAGED', // the portfolio is damaged and cannot be opened (or upgraded) at all
  'READ_ONLY', // the portfolio was opened read-only (it is damaged): the change was refused
  'FORBIDDEN', // the caller is not our own window
  'IO', // the shell could not write or open a file the person chose (disk full, no permission)
  'UNKNOWN_CHANNEL',
  'INTERNAL', // a bug: logged, and reported without internals
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** Dotted path of the field, e.g. `cost.currency` or `skills.2.name`. */
  path: string
  message: string
}

export interface AppErrorShape {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** The one error type the core throws on purpose; anything else is reported as INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues: FieldIssue[] | undefined
  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }
  toShape(): AppErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message }
  }
}

export const badInput = (message: string, issues?: FieldIssue[]) => new AppError('BAD_INPUT', message, issues)
export const notFound = (message: string) => new AppError('NOT_FOUND', message)
export const conflict = (message: string) => new AppError('CONFLICT', message)

/** One readable line for a terminal or a toast: "earnedOn: is not a real calendar date". */
export function describeError(error: AppErrorShape): string {
  if (!error.issues?.length) return error.message
  const first = error.issues[0]!
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : ''
  return first.path ? `${first.path}: ${first.message}${more}` : `${first.message}${more}`
}
