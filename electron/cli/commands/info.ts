import type { Command } from '../context'
import { showValue, usage } from '../errors'
import { fieldsBlock } from '../format'

const noArguments = (command: string, positionals: string[]) => {
  if (positionals.length) throw usage(`${command} takes no arguments; unexpected ${showValue(positionals[0]!)}`)
}

export const info: Command = {
  name: 'info',
  summary: 'Where the portfolio lives, what it holds, its schema version',
  usage: ['info'],
  options: () => [],
  async run(ctx, inv) {
    noArguments('info', inv.positionals)
    const i = await ctx.call('app:info', {})
    const text = [
      fieldsBlock(
        [
          ['Portfolio', i.dbPath],
          ['Data folder', i.dataDir],
          ['Schema', `version ${i.schemaVersion}`],
          ['Skillfolio', i.version],
        ],
        '',
      ),
      '',
      fieldsBlock(
        [
          ['Credentials', String(i.counts.credentials)],
          ['Projects', String(i.counts.projects)],
          ['Skills', String(i.counts.skills)],
          ['Experience', String(i.counts.experience)],
          ['Education', String(i.counts.education)],
        ],
        '',
      ),
    ].join('\n')
    return { json: i, text }
  },
}

export const demo: Command = {
  name: 'demo',
  summary: 'Fill an empty portfolio with a realistic sample (Maya Okafor, data analyst)',
  usage: ['demo'],
  options: () => [],
  help: () =>
    'Refuses a portfolio that already has credentials or projects, so it never mixes sample data into\nyours. To explore, point it at a new file: skillfolio --db /tmp/demo.sqlite demo',
  async run(ctx, inv) {
    noArguments('demo', inv.positionals)
    const loaded = await ctx.call('app:loadDemo', {})
    return {
      json: { ...loaded, dbPath: ctx.dbPath },
      text: [
        `Loaded the demo portfolio into ${ctx.dbPath}:`,
        `  ${loaded.credentials} credentials, ${loaded.projects} projects, ${loaded.skills} skills, plus a profile, experience and education.`,
        '',
        'Try: skillfolio list credentials --sort expires   ·   skillfolio show proj-1   ·   skillfolio search sql',
      ].join('\n'),
    }
  },
}
