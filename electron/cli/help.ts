import type { Command } from './context'
import { COMMANDS } from './commands'
import { optionTable } from './help-text'

export function mainHelp(defaultDb: string): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'skillfolio: your private portfolio of credentials, projects and skills, in a terminal.',
    'It works on the same portfolio file as the Skillfolio desktop app.',
    '',
    'Usage: skillfolio [--db PATH] [--json] COMMAND [arguments]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}   ${c.summary}`),
    `  ${'help'.padEnd(w)}   Help for one command: skillfolio help add`,
    '',
    globalOptions(defaultDb),
    '',
    'Examples:',
    '  skillfolio --db /tmp/try.sqlite demo',
    '  skillfolio add credential --title "AWS Certified Cloud Practitioner" --kind certification \\',
    '      --issuer "Amazon Web Services" --earned-on 2024-03-02 --expires-on 2027-03-02 --cost "100 USD"',
    '  skillfolio list credentials --sort expires',
    '  skillfolio search "sql dashboard"',
    '  skillfolio resume --role "Data Analyst" --out resume.pdf',
    '',
    'Exit status: 0 success, 1 not found, conflict or other failure, 2 bad input or usage.',
    'Errors are one line on stderr ("skillfolio: …"); with --json, stdout also gets',
    '{"error":{"code","message","issues"}} so a script always reads JSON.',
  ].join('\n')
}

function globalOptions(defaultDb: string): string {
  return optionTable('Options for every command:', [
    ['--db PATH', `the portfolio file (default: $SKILLFOLIO_DB, else ${defaultDb})`],
    ['--json', 'machine-readable output on stdout (full records)'],
    ['-h, --help', 'help'],
    ['-V, --version', 'the version'],
  ])
}

export function commandHelp(command: Command, subject: string | undefined, defaultDb: string): string {
  const usage = subject
    ? command.usage.filter((u) => u.split(' ')[1]?.startsWith(subject.slice(0, 4)) ?? true)
    : command.usage
  const lines = (usage.length ? usage : command.usage).map((u, i) => `${i === 0 ? 'Usage: ' : '       '}skillfolio ${u}`)
  return [command.summary + '.', '', ...lines, ...(command.help ? ['', command.help(subject)] : []), '', globalOptions(defaultDb)].join('\n')
}
