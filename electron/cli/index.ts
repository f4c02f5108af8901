/**
 * The `skillfolio` command line: the same core as the desktop app, in a terminal.
 * Parsing and checking happen before the portfolio is opened, so a usage mistake never
 * touches the file; every change goes through the contract (Core.dispatch), so the
 * command line validates exactly as the app does.
 */
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore, type Core } from '../core/app'
import type { Logger } from '../core/log'
import { DB_FILE_NAME, desktopDataDir } from '../core/paths'
import { GLOBAL_OPTIONS, parseOptions, splitLeadingGlobals, type OptionValues } from './args'
import { COMMAND_WORDS, findCommand } from './commands'
import { coreCaller, type Command, type Context, type Invocation } from './context'
import { CliError, EXIT, isAppError, usage } from './errors'
import { commandHelp, mainHelp } from './help'
import { jsonText, printable } from './format'
import { didYouMean } from './suggest'
import { appVersion } from './version'
import { quote } from '../shared/text-rules'

export interface CliIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
  now?: () => Date
  /** Also hears everything the core logs (tests collect it to fail on unexpected errors). */
  log?: Logger
}

/**
 * Runs one command line (without `node` and the script name) and answers the exit code.
 * Everything written goes through `printable` (text) or `jsonText` (--json): names, titles and
 * file names come from the portfolio and from imported files, and a control character in them
 * must reach the terminal as a visible escape, never as an instruction to it.
 */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { ...rawIo, stdout: (s) => rawIo.stdout(printable(s)), stderr: (s) => rawIo.stderr(printable(s)) }
  const wantsJson = argv.includes('--json')
  let core: Core | null = null
  /** What the core logged for an INTERNAL error: the command line has no log file, so it is told here. */
  let internal: unknown
  try {
    const parsed = parseCommandLine(argv)
    const json = parsed.values.json === true
    const dbPath = resolveDbPath(parsed.values, io)
    const now = io.now ?? (() => new Date())
    const print = (text: string) => io.stdout(text.endsWith('\n') ? text : `${text}\n`)

    if (parsed.values.version === true && !parsed.command) {
      print(json ? jsonText({ version: appVersion() }) : `skillfolio ${appVersion()}`)
      return EXIT.ok
    }
    if (parsed.helpFor !== undefined) {
      const defaultDb = defaultDbPath(io.env)
      print(parsed.helpFor ? commandHelp(parsed.helpFor, parsed.subject, defaultDb) : mainHelp(defaultDb))
      return EXIT.ok
    }
    const command = parsed.command!
    // A command that only reads never creates the portfolio or its folder: a mistyped --db says so.
    const mustExist = onlyReads(command, parsed.subject, parsed.values)
    const log: Logger = (message, error) => {
      internal = error
      io.log?.(message, error)
    }
    const open = () => {
      core ??= createCore({ dbPath, mustExist, dataDir: dirname(dbPath), resourcesDir: resourcesDir(), now, version: appVersion(), log })
      return core
    }
    const ctx: Context = { json, now, dbPath, cwd: io.cwd, env: io.env, call: coreCaller(open) }
    const outcome = await command.run(ctx, { subject: parsed.subject, values: parsed.values, positionals: parsed.positionals })
    print(json ? jsonText(outcome.json, 2) : outcome.text)
    // A damaged portfolio is opened read-only: the reading worked, but the person must know. (A
    // refused change says so in its own error.)
    const readOnly = (core as Core | null)?.readOnly
    if (readOnly) io.stderr(`skillfolio: warning: ${readOnly.message}\n`)
    return outcome.exitCode ?? EXIT.ok
  } catch (error) {
    let failure = toCliError(error)
    if (failure.code === 'INTERNAL' && internal !== undefined) {
      const cause = internal instanceof Error ? internal.message : String(internal)
      failure = new CliError('INTERNAL', `${failure.message.replace(/ Details are in the log\.$/, '')} (${cause.split('\n')[0]})`)
      if (io.env.SKILLFOLIO_DEBUG && internal instanceof Error && internal.stack) io.stderr(`${internal.stack}\n`)
    }
    io.stderr(`skillfolio: ${failure.message}\n`)
    if (wantsJson) io.stdout(`${jsonText({ error: failure.toShape() })}\n`)
    return failure.exitCode
  } finally {
    ;(core as Core | null)?.close()
  }
}

interface ParsedCommandLine extends Invocation {
  command: Command | null
  /** Set when help was asked for: the command, or null for the overview. */
  helpFor?: Command | null
}

function parseCommandLine(argv: string[]): ParsedCommandLine {
  const { leading, rest } = splitLeadingGlobals(argv)
  const globals = parseOptions(leading, GLOBAL_OPTIONS, '')
  const [word, ...afterWord] = rest
  if (word === undefined) {
    if (globals.values.version === true) return { command: null, subject: undefined, values: globals.values, positionals: [] }
    return { command: null, helpFor: null, subject: undefined, values: globals.values, positionals: [] }
  }
  if (word === 'help') {
    const topic = afterWord.find((a) => !a.startsWith('-'))
    const command = topic === undefined ? null : findCommand(topic)
    if (topic !== undefined && !command) throw unknownCommand(topic)
    const subjectWord = afterWord.filter((a) => !a.startsWith('-'))[1]
    const subject = command && subjectWord ? command.subjects?.resolve(subjectWord) ?? undefined : undefined
    return { command: null, helpFor: command, subject, values: globals.values, positionals: [] }
  }
  const command = findCommand(word)
  if (!command) throw unknownCommand(word)

  let subject: string | undefined
  let args = afterWord
  const subjects = command.subjects
  if (subjects) {
    const next = afterWord[0]
    if (next !== undefined && !next.startsWith('-')) {
      const resolved = subjects.resolve(next)
      if (!resolved) {
        if (!subjects.optional || subjects.words.length)
          throw usage(`${command.name}: unknown ${quote(next)}; ${subjects.what}: ${subjects.words.join(', ')}${didYouMean(next, subjects.words)}`)
      }
      subject = resolved ?? undefined
      args = afterWord.slice(1)
    }
  }
  if (subjects && !subject && !subjects.optional) {
    if (args.includes('--help') || args.includes('-h')) return { command, helpFor: command, subject, values: globals.values, positionals: [] }
    throw usage(`${command.name} needs ${subjects.what}: ${subjects.words.join(', ')} (e.g. skillfolio ${command.usage[0]})`)
  }
  const { values, positionals } = parseOptions(args, [...GLOBAL_OPTIONS, ...command.options(subject)], `${command.name}${subject ? ` ${subject}` : ''}`)
  const merged: OptionValues = { ...globals.values, ...definedOnly(values) }
  if (merged.help === true) return { command, helpFor: command, subject, values: merged, positionals }
  return { command, subject, values: merged, positionals }
}

/**
 * Commands (and subcommands) that only read the portfolio. They are refused on a missing file
 * ("No portfolio at …") instead of creating an empty one; every other command creates it.
 */
export function onlyReads(command: Command, subject: string | undefined, values: OptionValues): boolean {
  switch (command.name) {
    case 'list':
    case 'show':
    case 'search':
    case 'roles':
    case 'gap':
    case 'fit':
    case 'resume':
    case 'report':
    case 'info':
    case 'backup':
    case 'backups':
      return true
    case 'plan':
      return values.save !== true
    case 'profile':
    case 'settings':
      return subject === undefined
    case 'resumes':
      return subject === undefined || subject === 'list'
    case 'evidence':
      return subject === 'inferred'
    case 'tags':
      return subject === undefined || subject === 'list'
    case 'taxonomy':
      return subject === 'sources' || subject === 'export'
    default:
      return false
  }
}

const definedOnly = (v: OptionValues): OptionValues => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined))

function unknownCommand(word: string): CliError {
  return usage(`unknown command ${quote(word)}${didYouMean(word, COMMAND_WORDS)}; run skillfolio --help for the list`)
}

/**
 * The app's resources folder: two levels up from this file, both from source
 * (electron/cli/index.ts) and from the bundle (out/cli/index.cjs).
 */
export function resourcesDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url))
  return join(here, '..', '..', 'resources')
}

export function defaultDbPath(env: NodeJS.ProcessEnv): string {
  return join(desktopDataDir(process.platform, env, homedir()), DB_FILE_NAME)
}

/** `--db PATH`, else $SKILLFOLIO_DB, else the desktop app's portfolio; relative paths from cwd. */
function resolveDbPath(values: OptionValues, io: CliIo): string {
  const given = typeof values.db === 'string' ? values.db : undefined
  if (given !== undefined && !given.trim()) throw usage('--db needs a file path')
  const chosen = given ?? (io.env.SKILLFOLIO_DB?.trim() ? io.env.SKILLFOLIO_DB : undefined)
  return chosen ? resolve(io.cwd, chosen) : defaultDbPath(io.env)
}

function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error
  if (isAppError(error)) return new CliError(error.code, error.message, error.issues)
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  if (typeof code === 'string' && code.startsWith('SQLITE_'))
    return new CliError('INTERNAL', `cannot use the portfolio file: ${message}`)
  if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR')
    return new CliError('INTERNAL', `cannot open the portfolio: ${message}`)
  return new CliError('INTERNAL', `unexpected error: ${message}`)
}
