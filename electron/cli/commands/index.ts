import type { Command } from '../context'
import { add } from './add'
import { list } from './list'
import { edit, remove, show } from './records'
import { search } from './search'
import { profile } from './profile'
import { demo, info } from './info'
import { importCommand, verifyCommand } from './imports'
import { issuersCommand } from './issuers'
import { evidenceCommand, fitCommand, gapCommand, planCommand, rolesCommand, taxonomyCommand } from './analysis'
import { reportCommand, resumeCommand, resumesCommand } from './resume'
import { tagsCommand } from './tags'
import { settingsCommand } from './settings'
import { backupCommand, backupsCommand, restoreCommand } from './backup'
import { exportCommand } from './exchange'
import { shareCommand } from './share'

/** Every command, in the order `--help` lists them (`help` itself is handled by index.ts). */
export const COMMANDS: readonly Command[] = [add, list, show, edit, remove, search, importCommand, exportCommand, verifyCommand, issuersCommand, rolesCommand, gapCommand, fitCommand, evidenceCommand, tagsCommand, planCommand, resumeCommand, reportCommand, resumesCommand, taxonomyCommand, profile, settingsCommand, backupCommand, backupsCommand, restoreCommand, shareCommand, info, demo]

export function findCommand(word: string): Command | null {
  const w = word.toLowerCase()
  return COMMANDS.find((c) => c.name === w || c.aliases?.includes(w)) ?? null
}

export const COMMAND_WORDS = [...COMMANDS.map((c) => c.name), 'help']
