/**
 * `skillfolio backup`, `backups` and `restore`. Backing up and listing go through the contract
 * like every command; restoring calls the core's restore function with paths, because the
 * portfolio must not be open while its file is replaced (this command never opens it).
 */
import { createInterface } from 'node:readline/promises'
import { resolve } from 'node:path'
import { MIN_PASSPHRASE_LENGTH, type BackupEntry, type BackupSummary } from '../../shared/backup'
import { backupEntry } from '../../core/backup/files'
import { inspectBackup, restoreBackup } from '../../core/backup/restore'
import type { Command, Context } from '../context'
import { showValue, usage } from '../errors'
import { fieldsBlock, plural, table } from '../format'
import { optionTable } from '../help-text'

/** Someone to ask: stdin is a terminal (not a pipe, a file or a CI job). */
const interactive = () => process.stdin.isTTY === true

const PASSPHRASE_ENV = 'SKILLFOLIO_PASSPHRASE'

/** Reads a line from the terminal without echoing it (stdin in raw mode); Ctrl+C or Ctrl+D cancels. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(question)
  return new Promise((done, fail) => {
    let answer = ''
    const wasRaw = stdin.isRaw
    const finish = (value: string | null) => {
      stdin.off('data', onData)
      stdin.setRawMode(wasRaw)
      stdin.pause()
      process.stderr.write('\n')
      if (value === null) fail(usage('cancelled: nothing was changed'))
      else done(value)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(answer)
        if (ch === '\u0003' || ch === '\u0004') return finish(null)
        answer = ch === '\u007f' || ch === '\b' ? [...answer].slice(0, -1).join('') : answer + ch
      }
    }
    stdin.setRawMode(true)
    stdin.setEncoding('utf8')
    stdin.on('data', onData)
    stdin.resume()
  })
}

/** Asks a yes/no question on stderr; end of input answers no. */
async function askYes(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false })
  const closed = new Promise<string>((done) => rl.once('close', () => done('')))
  try {
    const answer = await Promise.race([rl.question(`${question} [y/N] `), closed])
    return /^\s*y(es)?\s*$/i.test(answer)
  } finally {
    rl.close()
  }
}

const noPassphrase = (what: string) =>
  usage(`${what} needs a passphrase: stdin is not a terminal, so set ${PASSPHRASE_ENV} (it is never read from a flag, where other users could see it)`)

/** The passphrase for a new backup: $SKILLFOLIO_PASSPHRASE, else asked twice on the terminal. */
async function newPassphrase(ctx: Context): Promise<string> {
  const fromEnv = ctx.env[PASSPHRASE_ENV]
  let passphrase: string
  if (fromEnv !== undefined && fromEnv !== '') passphrase = fromEnv
  else {
    if (!interactive()) throw noPassphrase('backup --encrypt')
    passphrase = await askHidden('Passphrase for the backup: ')
    if (passphrase.length >= MIN_PASSPHRASE_LENGTH && (await askHidden('The same passphrase again: ')) !== passphrase)
      throw usage('the two passphrases differ; nothing was backed up')
  }
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw usage(`the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters; nothing was backed up`)
  return passphrase
}

/** The passphrase of an existing backup, when it is encrypted. */
async function givenPassphrase(ctx: Context, entry: BackupEntry): Promise<string | undefined> {
  if (!entry.encrypted) return undefined
  const fromEnv = ctx.env[PASSPHRASE_ENV]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!interactive()) throw noPassphrase(`restoring the encrypted backup ${entry.name}`)
  return askHidden(`Passphrase of ${entry.name}: `)
}

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
const REASON_WORDS: Record<BackupEntry['reason'], string> = { manual: 'on demand', daily: 'daily', 'pre-migration': 'before an upgrade' }

function holdsText(s: BackupSummary): string {
  const c = s.counts
  return fieldsBlock(
    [
      ['Backup', s.path],
      ['Made', `${when(s.createdAt)} (${REASON_WORDS[s.reason]}) by Skillfolio ${s.appVersion}, schema ${s.schemaVersion}${s.encrypted ? ', encrypted' : ''}`],
      ['Of', s.portfolio],
      ['Holds', `${plural(c.credentials, 'credential')}, ${plural(c.projects, 'project')}, ${plural(c.skills, 'skill')}, ${plural(c.experience, 'work entry', 'work entries')}, ${plural(c.education, 'education entry', 'education entries')}`],
      ['Originals', `${plural(s.originals.count, 'file')} (${size(s.originals.bytes)})`],
      ['Checked', 'hashes, SQLite integrity check and schema version all passed'],
    ],
    '',
  )
}

const onePath = (command: string, positionals: string[], what: string) => {
  if (positionals.length !== 1) throw usage(positionals.length ? `${command} takes one ${what}; unexpected ${showValue(positionals[1]!)}` : `${command} needs ${what}, e.g. skillfolio ${command} backups/portfolio.sfbackup`)
  return positionals[0]!
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back the portfolio up into one file (optionally encrypted)',
  usage: ['backup [--out FILE] [--encrypt]'],
  options: () => [
    { name: 'out', type: 'string', short: 'o' },
    { name: 'encrypt', type: 'boolean' },
  ],
  help: () =>
    optionTable('Flags:', [
      ['-o, --out FILE', 'write the backup to FILE (default: a new file in the backups folder; see skillfolio backups)'],
      ['--encrypt', `encrypt it with a passphrase (scrypt + AES-256-GCM): asked on the terminal, or read from $${PASSPHRASE_ENV}`],
    ]) +
    '\n\nThe backup is one file: the whole portfolio (records and original files) and a manifest of hashes.' +
    '\nThe desktop app also makes one a day (keeping 7 daily and 4 weekly) and one before every upgrade.' +
    '\nA lost passphrase cannot be recovered: without it an encrypted backup cannot be restored.',
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`backup takes no arguments; unexpected ${showValue(inv.positionals[0]!)} (write the file with --out)`)
    const out = typeof inv.values.out === 'string' ? inv.values.out : undefined
    if (out !== undefined && !out.trim()) throw usage('--out needs a file path')
    // Asked before the portfolio is opened: a cancelled question touches nothing.
    const passphrase = inv.values.encrypt === true ? await newPassphrase(ctx) : undefined
    const made = await ctx.call('backup:create', { ...(out ? { file: resolve(ctx.cwd, out) } : {}), ...(passphrase ? { passphrase } : {}) }, { file: { flag: '--out', values: out ? [out] : [] } })
    return { json: { ...made, encrypted: passphrase !== undefined }, text: `Backed up ${ctx.dbPath} to ${made.path} (${size(made.bytes)}${passphrase ? ', encrypted' : ''}).` }
  },
}

export const backupsCommand: Command = {
  name: 'backups',
  summary: 'List the backups in the backups folder',
  usage: ['backups'],
  options: () => [],
  help: () => 'Lists the backups folder (the setting backupFolder, else "backups" beside the portfolio), newest first.\nRestore one with: skillfolio restore FILE',
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`backups takes no arguments; unexpected ${showValue(inv.positionals[0]!)}`)
    const list = await ctx.call('backup:list', {})
    const lines = [`Backups folder: ${list.folder}`]
    if (!list.backups.length) lines.push('No backups yet. Make one with: skillfolio backup')
    else
      lines.push(
        '',
        table(
          [{ header: 'Made' }, { header: 'Why' }, { header: 'Size', align: 'right' }, { header: 'Encrypted' }, { header: 'File' }],
          list.backups.map((b) => [when(b.createdAt), REASON_WORDS[b.reason], size(b.bytes), b.encrypted ? 'yes' : 'no', b.name]),
        ),
      )
    for (const u of list.unreadable) lines.push(`Unreadable: ${u.path}: ${u.reason}`)
    return { json: list, text: lines.join('\n') }
  },
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Replace the portfolio with a backup (the replaced one is kept aside)',
  usage: ['restore FILE [--yes]'],
  options: () => [{ name: 'yes', type: 'boolean', short: 'y' }],
  help: () =>
    optionTable('Flags:', [['-y, --yes', 'restore without asking (needed when stdin is not a terminal)']]) +
    '\n\nThe backup is checked in full first (hashes, SQLite integrity check, schema version); a damaged' +
    '\nbackup or a wrong passphrase is refused and the portfolio is left untouched. The portfolio it replaces' +
    `\nis renamed to <name>.replaced-<time> beside it. An encrypted backup's passphrase is asked, or read from $${PASSPHRASE_ENV}.` +
    '\nClose the desktop app first: it must not have the portfolio open.',
  async run(ctx, inv) {
    const file = resolve(ctx.cwd, onePath('restore', inv.positionals, 'a backup file'))
    const yes = inv.values.yes === true
    if (!yes && !interactive()) throw usage('restore replaces the portfolio and needs a yes: stdin is not a terminal, so add --yes')
    const passphrase = await givenPassphrase(ctx, backupEntry(file))
    if (!yes) {
      const summary = await inspectBackup(file, passphrase)
      process.stderr.write(`${holdsText(summary)}\n\n`)
      if (!(await askYes(`Replace the portfolio at ${ctx.dbPath} with this backup? The current one is kept aside.`)))
        return { json: { restored: false }, text: 'Nothing was restored.' }
    }
    const result = await restoreBackup({ backupFile: file, dbPath: ctx.dbPath, now: ctx.now, ...(passphrase !== undefined ? { passphrase } : {}) })
    const text = [
      `Restored ${result.backup.name} into ${result.dbPath}.`,
      '',
      holdsText(result.backup),
      '',
      result.keptAside ? `The portfolio it replaced is kept at ${result.keptAside}.` : 'There was no portfolio there before.',
    ].join('\n')
    return { json: { restored: true, ...result }, text }
  },
}
