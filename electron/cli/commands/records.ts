/** `show`, `edit` and `remove`: commands that take any prefixed id. */
import { ENTITY_PREFIX } from '../../shared/schemas'
import type { Command } from '../context'
import { ENTITIES, ENTITY_NAMES, buildFields, fieldOptions, type FieldFlag } from '../entities'
import { showValue, usage } from '../errors'
import { fieldHelp, optionTable } from '../help-text'
import { didYouMean } from '../suggest'
import { LABEL, deleteRecord, fetchRecord, parseId, titleOf, updateRecord } from '../records'
import { recordView } from '../views'

function onlyId(command: string, positionals: string[]) {
  const found = parseId(positionals[0], command)
  if (positionals.length > 1) throw usage(`${command} takes one id; unexpected ${showValue(positionals[1]!)}`)
  return found
}

export const show: Command = {
  name: 'show',
  summary: 'Show everything about one entry, by id (cred-1, proj-1, skill-1, exp-1, edu-1)',
  usage: ['show ID'],
  options: () => [],
  async run(ctx, inv) {
    const { id, entity } = onlyId('show', inv.positionals)
    const record = await fetchRecord(ctx, id, entity)
    return { json: record.value, text: recordView(record, ctx.now()) }
  },
}

export const remove: Command = {
  name: 'remove',
  aliases: ['rm', 'delete'],
  summary: 'Remove one entry, by id',
  usage: ['remove ID'],
  options: () => [],
  async run(ctx, inv) {
    const { id, entity } = onlyId('remove', inv.positionals)
    const record = await fetchRecord(ctx, id, entity)
    await deleteRecord(ctx, entity, id)
    const title = titleOf(record)
    return { json: { id, entity, title }, text: `Removed ${LABEL[entity]} ${id}: ${title}` }
  },
}

/** Every field flag of every entity: `edit` learns the entity from the id. */
const ALL_FIELDS: FieldFlag[] = ENTITY_NAMES.flatMap((n) => ENTITIES[n].fields)

export const edit: Command = {
  name: 'edit',
  summary: 'Change some fields of one entry, by id; fields not given stay as they are',
  usage: ['edit ID --FIELD VALUE … [--clear FIELD]…'],
  options: () => [...fieldOptions(ALL_FIELDS), { name: 'clear', type: 'string', multiple: true }],
  help: () =>
    [
      'Takes the same flags as `add` for the entry\'s type. --skills, --aliases and --credentials replace the',
      'whole list; --link, --outcome and --bullet given once or more replace the links, outcomes or bullets.',
      '',
      optionTable('More flags:', [['--clear FIELD', 'empty an optional field, e.g. --clear expires-on; repeat for several']]),
      '',
      ...ENTITY_NAMES.map((n) => `${fieldHelp(`Flags for ${LABEL[n]} ids (${ENTITY_PREFIX[n]}-N):`, ENTITIES[n].fields, false)}\n`),
      'Example:',
      '  skillfolio edit cred-3 --expires-on 2027-06-30 --skills "AWS:intermediate, Cloud security" --clear notes',
    ].join('\n'),
  async run(ctx, inv) {
    const { id, entity } = onlyId('edit', inv.positionals)
    const fields = ENTITIES[entity].fields
    const own = new Set(fields.map((f) => f.flag))
    for (const [name, value] of Object.entries(inv.values)) {
      if (value === undefined || name === 'clear' || own.has(name)) continue
      const isGlobal = ['db', 'json', 'help', 'version'].includes(name)
      if (!isGlobal)
        throw usage(`edit ${id}: a ${LABEL[entity]} has no --${name}${didYouMean(`--${name}`, [...own].map((f) => `--${f}`))}`)
    }
    const clear = (Array.isArray(inv.values.clear) ? inv.values.clear : []).map((c) => c.replace(/^--/, ''))
    const { values, binding } = buildFields(fields, inv.values, clear)
    if (!Object.keys(values).length)
      throw usage(`edit ${id}: nothing to change; give at least one flag, e.g. --${fields[0]!.flag} …`)
    const record = await updateRecord(ctx, entity, id, values, binding)
    return { json: record.value, text: `Updated ${LABEL[entity]} ${id}: ${titleOf(record)}\n\n${recordView(record, ctx.now())}` }
  },
}
