import type { Core } from '../core/app'
import type { Channel, Input, Output } from '../shared/contract'
import { AppError } from '../shared/errors'
import type { OptionSpec, OptionValues } from './args'
import { fromAppError, type FlagBinding } from './errors'

/** What a command gets to work with. */
export interface Context {
  json: boolean
  now: () => Date
  dbPath: string
  /** The folder relative paths (such as `--out`) are resolved from. */
  cwd: string
  /** The environment the command line was started with (e.g. SKILLFOLIO_PASSPHRASE). */
  env: NodeJS.ProcessEnv
  /**
   * Calls the core, opening the portfolio on first use. Commands parse and check all of
   * their input before the first call, so a usage mistake never touches the database.
   * Failures are thrown as CliError, with BAD_INPUT issues mapped to flags via `binding`.
   */
  call<C extends Channel>(channel: C, input: Input<C>, binding?: FlagBinding): Promise<Output<C>>
}

/** A command's answer: what a person reads, and what `--json` prints. */
export interface Outcome {
  text: string
  json: unknown
  /** A command may succeed in running yet report failure (e.g. an import where a file failed). */
  exitCode?: number
}

export interface Invocation {
  /** The word after the command, for commands that take one (`add credential`, `profile set`). */
  subject: string | undefined
  values: OptionValues
  positionals: string[]
}

export interface Command {
  name: string
  aliases?: readonly string[]
  /** One line for the command list. */
  summary: string
  /** Usage lines, without the leading `skillfolio `. */
  usage: readonly string[]
  /** Words accepted right after the command; `optional` when the command works without one. */
  subjects?: { words: readonly string[]; resolve: (word: string) => string | null; optional?: boolean; what: string }
  /** Command-specific options (the global ones are added by the parser). */
  options(subject: string | undefined): OptionSpec[]
  /** Extra help text: flag tables, examples. */
  help?(subject: string | undefined): string
  run(ctx: Context, inv: Invocation): Promise<Outcome>
}

/** Builds Context.call over an opened-on-demand core. */
export function coreCaller(open: () => Core): Context['call'] {
  return async (channel, input, binding) => {
    const result = await open().dispatch(channel, input)
    if (!result.ok) throw fromAppError(new AppError(result.error.code, result.error.message, result.error.issues), binding)
    return result.value as Output<typeof channel>
  }
}
