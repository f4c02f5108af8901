import type { Command } from '../context'
import { ENTITIES, ENTITY_NAMES, buildFields, entityByWord, fieldOptions, requireFields, type EntityName } from '../entities'
import { showValue, usage } from '../errors'
import { fieldHelp } from '../help-text'
import { LABEL, createRecord, titleOf } from '../records'
import { recordView } from '../views'

export const add: Command = {
  name: 'add',
  summary: 'Add a credential, project, skill, experience or education entry',
  usage: [
    'add credential --title TEXT --kind KIND [flags]',
    'add project --title TEXT [flags]',
    'add skill --name TEXT [flags]',
    'add experience --organization TEXT --title TEXT [flags]',
    'add education --institution TEXT [flags]',
  ],
  subjects: { words: ENTITY_NAMES, resolve: (w) => entityByWord(w)?.name ?? null, what: 'what to add' },
  options: (subject) => (subject ? fieldOptions(ENTITIES[subject as EntityName].fields) : []),
  help: (subject) => {
    const names = subject ? [subject as EntityName] : ENTITY_NAMES
    const examples = [
      'Examples:',
      '  skillfolio add credential --title "Google Data Analytics" --kind platform --provider Coursera \\',
      '      --earned-on 2024-05-01 --hours 180 --cost "294.00 USD" --skills "SQL:advanced, Tableau"',
      '  skillfolio add project --title "Churn dashboard" --link "Repo=https://example.org/churn" \\',
      '      --outcome "Cut reporting time by 80%" --skills "Power BI, SQL" --credentials cred-1',
    ]
    return [...names.map((n) => fieldHelp(`Flags for add ${n}:`, ENTITIES[n].fields)), examples.join('\n')].join('\n\n')
  },
  async run(ctx, inv) {
    const entity = ENTITIES[inv.subject as EntityName]
    if (inv.positionals.length)
      throw usage(`add ${entity.name}: unexpected ${showValue(inv.positionals[0]!)}; values go after flags, quoted if they contain spaces`)
    requireFields(entity.fields, inv.values, `add ${entity.name}`)
    const { values, binding } = buildFields(entity.fields, inv.values)
    const record = await createRecord(ctx, entity.name, values, binding)
    return {
      json: record.value,
      text: `Added ${LABEL[entity.name]} ${record.value.id}: ${titleOf(record)}\n\n${recordView(record, ctx.now())}`,
    }
  },
}
