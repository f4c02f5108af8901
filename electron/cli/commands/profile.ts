import type { Input } from '../../shared/contract'
import type { Command } from '../context'
import { PROFILE_FIELDS, buildFields, fieldOptions } from '../entities'
import { showValue, usage } from '../errors'
import { fieldHelp } from '../help-text'
import { profileView } from '../views'

export const profile: Command = {
  name: 'profile',
  summary: 'Show your profile, or change it with `profile set`',
  usage: ['profile', 'profile set [--name TEXT] [--headline TEXT] [--email ADDRESS] [flags]'],
  subjects: { words: ['set'], resolve: (w) => (w === 'set' ? 'set' : null), optional: true, what: 'what to do with the profile' },
  options: (subject) => (subject === 'set' ? [...fieldOptions(PROFILE_FIELDS), { name: 'clear', type: 'string', multiple: true }] : []),
  help: () =>
    fieldHelp('Flags for profile set (only the fields given change; --link replaces all links):', [
      ...PROFILE_FIELDS,
      { flag: 'clear', field: '', metavar: 'FIELD', help: 'empty a field, e.g. --clear phone; repeat for several', parse: () => null },
    ]),
  async run(ctx, inv) {
    if (inv.positionals.length) throw usage(`profile: unexpected ${showValue(inv.positionals[0]!)}`)
    if (inv.subject !== 'set') {
      const current = await ctx.call('profile:get', {})
      return { json: current, text: profileView(current) }
    }
    const clear = (Array.isArray(inv.values.clear) ? inv.values.clear : []).map((c) => c.replace(/^--/, ''))
    const { values, binding } = buildFields(PROFILE_FIELDS, inv.values, clear)
    if (!Object.keys(values).length) throw usage('profile set: nothing to change; give at least one flag, e.g. --name "Maya Okafor"')
    // profile:update replaces the whole profile, so the fields not given are carried over.
    const { updatedAt: _updatedAt, ...current } = await ctx.call('profile:get', {})
    const updated = await ctx.call('profile:update', { ...current, ...values } as Input<'profile:update'>, binding)
    return { json: updated, text: `Updated your profile.\n\n${profileView(updated)}` }
  },
}
