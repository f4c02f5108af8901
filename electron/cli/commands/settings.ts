import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { AbsoluteFolder } from '../../shared/backup'
import type { Settings } from '../../shared/imports'
import { ONLINE_CHECKS_QUESTION, ONLINE_CHECKS_WARNING } from '../../shared/online-checks'
import { DEFAULT_EXPIRY_REMINDER_DAYS, ExpiryReminderDays, MAX_EXPIRY_REMINDER_DAYS } from '../../shared/reminders'
import type { Command, Context } from '../context'
import { CliError, showValue, usage } from '../errors'
import { fieldsBlock } from '../format'
import { optionTable } from '../help-text'
import { CURRENCIES, currencyLabel, DEFAULT_CURRENCY, RATES_AS_OF } from '../../shared/currencies'

/** Someone to ask: stdin is a terminal (not a pipe, a file or a CI job). */
const interactive = () => process.stdin.isTTY === true

/**
 * Asks on the terminal, with the warning first. Both go to stderr, so stdout stays the
 * command's answer (`--json` included).
 */
async function askOnTerminal(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false })
  // End of input (Ctrl+D) answers no: a pending question would otherwise wait forever.
  const closed = new Promise<string>((resolve) => rl.once('close', () => resolve('')))
  try {
    process.stderr.write(`${ONLINE_CHECKS_WARNING}\n\n`)
    const answer = await Promise.race([rl.question(`${ONLINE_CHECKS_QUESTION} [y/N] `), closed])
    return /^\s*y(es)?\s*$/i.test(answer)
  } finally {
    rl.close()
  }
}

const onOff = (on: boolean) => (on ? 'on' : 'off')

const remindersText = (days: number) =>
  days === 0 ? 'off' : `credentials that expire within ${days} ${days === 1 ? 'day' : 'days'} (shown when the app starts)`

/** `settings reminders DAYS|off`: a whole number of days from 0 (off) to the maximum. */
function reminderDaysArgument(given: string | undefined, extra: string[]): number {
  const example = 'e.g. skillfolio settings reminders 30, or skillfolio settings reminders off'
  if (given === undefined || extra.length)
    throw usage(`settings reminders needs one number of days, ${example}${extra.length ? `; unexpected ${showValue(extra[0]!)}` : ''}`)
  if (given.toLowerCase() === 'off') return 0
  const days = /^\d{1,4}$/.test(given) ? Number(given) : NaN
  if (!ExpiryReminderDays.safeParse(days).success)
    throw usage(`settings reminders needs a whole number of days from 0 (off) to ${MAX_EXPIRY_REMINDER_DAYS}; got ${showValue(given)} (${example})`)
  return days
}


/** `settings currency CODE`: a code the exchange rates know, any case. */
function currencyArgument(given: string | undefined, extra: string[]): string {
  const example = 'e.g. skillfolio settings currency GBP'
  if (given === undefined || extra.length) throw usage(`settings currency needs one currency code, ${example}${extra.length ? `; unexpected ${showValue(extra[0]!)}` : ''}`)
  const code = given.trim().toUpperCase()
  if (!CURRENCIES.includes(code)) throw usage(`settings currency: ${showValue(given)} is not a currency Skillfolio has exchange rates for; one of ${CURRENCIES.join(', ')}`)
  return code
}

/** `folder`: where backups go now (the setting, else the default beside the portfolio). */
function settingsText(s: Settings, folder: string): string {
  return fieldsBlock(
    [
      ['Online checks', `${onOff(s.onlineChecks)}${s.onlineChecks ? ' (hosted badges, issuer keys and status lists are fetched over https)' : ' (everything is checked on this computer)'}`],
      ['Backup folder', s.backupFolder ? folder : `${folder} (the default, beside the portfolio)`],
      ['Expiry reminders', remindersText(s.expiryReminderDays)],
      ['Currency', s.currency ? `${currencyLabel(s.currency)} (plans show prices in it)` : `${currencyLabel(DEFAULT_CURRENCY)} (the default)`],
    ],
    '',
  )
}

/** The folder backups go to now, as the core resolves it. */
const backupFolderOf = async (ctx: Context) => (await ctx.call('backup:list', {})).folder

const SETTING_WORDS: Record<string, string> = { online: 'online', 'backup-folder': 'backup-folder', backupfolder: 'backup-folder', reminders: 'reminders', currency: 'currency' }

/**
 * The folder a `settings backup-folder PATH` names, checked before the portfolio is opened: an
 * absolute path (a relative one would depend on where the command happened to run).
 */
function folderArgument(ctx: Context, given: string | undefined, extra: string[]): string | null {
  if (given === undefined || extra.length)
    throw usage(`settings backup-folder needs one absolute folder path, or "default", e.g. skillfolio settings backup-folder /home/me/Backups${extra.length ? `; unexpected ${showValue(extra[0]!)}` : ''}`)
  if (given.toLowerCase() === 'default') return null
  if (!isAbsolute(given) || !AbsoluteFolder.safeParse(given).success)
    throw usage(`settings backup-folder needs an absolute path; ${showValue(given)} is relative (from here it would be ${resolve(ctx.cwd, given)})`)
  return resolve(given)
}

/** Makes sure `folder` is a folder backups can be written to: creates it when missing; a file, or a folder not writable, is refused. */
function prepareFolder(folder: string): 'created' | 'existing' {
  let created: 'created' | 'existing' = 'existing'
  try {
    if (!statSync(folder).isDirectory()) throw new CliError('BAD_INPUT', `${folder} is a file, not a folder: backups need a folder. Nothing was changed.`)
  } catch (error) {
    if (error instanceof CliError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') throw new CliError('BAD_INPUT', `${folder} cannot be a folder: part of that path is a file. Nothing was changed.`)
    if (code !== 'ENOENT') throw new CliError('IO', `Cannot use ${folder} as the backup folder: ${(error as Error).message}. Nothing was changed.`)
    try {
      mkdirSync(folder, { recursive: true })
      created = 'created'
    } catch (mkdirError) {
      throw new CliError('IO', `Could not make the folder ${folder}: ${(mkdirError as Error).message}. Nothing was changed.`)
    }
  }
  // A real write, not access(): root passes every permission check, and a read-only disk or a
  // kernel folder still refuses the file.
  const probe = join(folder, `.skillfolio-write-check-${process.pid}`)
  try {
    writeFileSync(probe, '', { flag: 'wx' })
    rmSync(probe, { force: true })
  } catch {
    throw new CliError('IO', `Backups cannot be written to ${folder}: the folder is not writable. Nothing was changed.`)
  }
  return created
}

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'Show the settings; turn online checks on or off; set the backup folder, expiry reminders and currency',
  usage: ['settings', 'settings online on|off [--yes]', 'settings backup-folder FOLDER|default', 'settings reminders DAYS|off', 'settings currency CODE'],
  subjects: { words: ['online', 'backup-folder', 'reminders', 'currency'], resolve: (w) => SETTING_WORDS[w.toLowerCase()] ?? null, optional: true, what: 'a setting' },
  options: (subject) => (subject === 'online' ? [{ name: 'yes', type: 'boolean', short: 'y' }] : []),
  help: () =>
    optionTable('Flags:', [['-y, --yes', 'turn online checks on without asking (needed when stdin is not a terminal)']]) +
    `\n\nOnline checks are off by default. Turning them on asks first, on the terminal:\n\n${ONLINE_CHECKS_WARNING}` +
    '\n\nThe backup folder is where skillfolio backup and the daily backup write (default: "backups" beside the portfolio).\n' +
    'Give an absolute path; a missing folder is created. "default" goes back to the default.' +
    `\n\nExpiry reminders: the app reminds you of earned credentials that expire within this many days (default ${DEFAULT_EXPIRY_REMINDER_DAYS}; 0 or "off" turns them off).` +
    `\n\nCurrency: learning plans show prices in it, converted with the exchange rates as of ${RATES_AS_OF} (estimates), the provider's price alongside (default ${DEFAULT_CURRENCY}). One of: ${CURRENCIES.join(', ')}.`,
  async run(ctx, inv) {
    if (!inv.subject) {
      if (inv.positionals.length) throw usage(`settings: unknown ${showValue(inv.positionals[0]!)}; a setting: online, backup-folder, reminders, currency`)
      const settings = await ctx.call('settings:get', {})
      return { json: settings, text: settingsText(settings, await backupFolderOf(ctx)) }
    }
    if (inv.subject === 'reminders') {
      const [given, ...extra] = inv.positionals
      const days = reminderDaysArgument(given, extra)
      const settings = await ctx.call('settings:update', { expiryReminderDays: days })
      return { json: settings, text: days === 0 ? 'Expiry reminders are off.' : `Skillfolio reminds you of credentials that expire within ${days} ${days === 1 ? 'day' : 'days'}.` }
    }
    if (inv.subject === 'currency') {
      const [given, ...extra] = inv.positionals
      const code = currencyArgument(given, extra)
      const settings = await ctx.call('settings:update', { currency: code })
      return { json: settings, text: `Plans show prices in ${currencyLabel(code)}.` }
    }
    if (inv.subject === 'backup-folder') {
      const [given, ...extra] = inv.positionals
      const folder = folderArgument(ctx, given, extra)
      if (folder === null) {
        const settings = await ctx.call('settings:update', { backupFolder: null })
        return { json: settings, text: `Backups go to the default folder again: ${await backupFolderOf(ctx)}` }
      }
      const made = prepareFolder(folder)
      const settings = await ctx.call('settings:update', { backupFolder: folder })
      return { json: settings, text: `Backups go to ${folder}${made === 'created' ? ' (the folder was created)' : ''}.` }
    }
    const [value, ...extra] = inv.positionals.map((p) => p.toLowerCase())
    if ((value !== 'on' && value !== 'off') || extra.length)
      throw usage(`settings online needs on or off, e.g. skillfolio settings online off${value && value !== 'on' && value !== 'off' ? `; got ${showValue(inv.positionals[0]!)}` : ''}`)
    if (value === 'off') {
      const settings = await ctx.call('settings:update', { onlineChecks: false })
      return { json: settings, text: 'Online checks are off: Skillfolio stays offline.' }
    }
    const yes = inv.values.yes === true
    // Checked before the portfolio is opened: a refused command touches nothing.
    if (!yes && !interactive())
      throw usage('turning online checks on needs a yes: stdin is not a terminal, so add --yes (skillfolio help settings says what is fetched and from whom)')
    const current = await ctx.call('settings:get', {})
    if (current.onlineChecks) return { json: current, text: 'Online checks are already on.' }
    if (!yes) {
      if (!(await askOnTerminal())) return { json: current, text: 'Online checks stay off.' }
      return { json: await ctx.call('settings:update', { onlineChecks: true }), text: 'Online checks are on.' }
    }
    // Confirmed with --yes: the warning is still printed, with the answer.
    const settings = await ctx.call('settings:update', { onlineChecks: true })
    return { json: settings, text: `Online checks are on.\n\n${ONLINE_CHECKS_WARNING}` }
  },
}
