import { createInterface } from 'node:readline/promises'
import type { Settings } from '../../shared/imports'
import { ONLINE_CHECKS_QUESTION, ONLINE_CHECKS_WARNING } from '../../shared/online-checks'
import type { Command } from '../context'
import { showValue, usage } from '../errors'
import { fieldsBlock } from '../format'
import { optionTable } from '../help-text'

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

function settingsText(s: Settings): string {
  return fieldsBlock([['Online checks', `${onOff(s.onlineChecks)}${s.onlineChecks ? ' (hosted badges, issuer keys and status lists are fetched over https)' : ' (everything is checked on this computer)'}`]], '')
}

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'Show the settings; turn online checks on or off',
  usage: ['settings', 'settings online on|off [--yes]'],
  subjects: { words: ['online'], resolve: (w) => (w.toLowerCase() === 'online' ? 'online' : null), optional: true, what: 'a setting' },
  options: (subject) => (subject === 'online' ? [{ name: 'yes', type: 'boolean', short: 'y' }] : []),
  help: () =>
    optionTable('Flags:', [['-y, --yes', 'turn online checks on without asking (needed when stdin is not a terminal)']]) +
    `\n\nOnline checks are off by default. Turning them on asks first, on the terminal:\n\n${ONLINE_CHECKS_WARNING}`,
  async run(ctx, inv) {
    if (!inv.subject) {
      if (inv.positionals.length) throw usage(`settings: unknown ${showValue(inv.positionals[0]!)}; a setting: online`)
      const settings = await ctx.call('settings:get', {})
      return { json: settings, text: settingsText(settings) }
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
