/**
 * The trust list from the command line: which issuer keys you pinned, which issuer registries
 * you imported; pin and unpin keys, import and remove registries. Each change re-applies the
 * list to every credential at once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { RegistryImportResult, TrustListView } from '../../shared/trust'
import { humanDate } from '../../shared/verdict'
import type { Command } from '../context'
import { showValue, usage } from '../errors'
import { plural, table } from '../format'

const WORDS = ['list', 'pin', 'unpin', 'import-registry', 'remove-registry'] as const
type Word = (typeof WORDS)[number]
const MAX_REGISTRY_BYTES = 20 * 1024 * 1024

function listText(view: TrustListView): string {
  const parts: string[] = []
  if (view.pins.length) {
    parts.push(
      'Pinned keys',
      table(
        [{ header: 'Issuer' }, { header: 'Key' }, { header: 'Pinned' }, { header: 'Confirms', align: 'right' }],
        view.pins.map((p) => [p.label ? `${p.label} (${p.issuerId})` : p.issuerId, p.signerKey, `${humanDate(p.pinnedAt)}${p.source === 'online' ? ' after an online check' : ''}`, plural(p.credentials, 'credential')]),
      ),
    )
  } else {
    parts.push('No pinned keys. Pin the key of a credential you trust: skillfolio issuers pin cred-3')
  }
  if (view.registries.length) {
    parts.push(
      '',
      'Issuer registries',
      table(
        [{ header: 'Registry' }, { header: 'Issuers', align: 'right' }, { header: 'Imported' }],
        view.registries.map((r) => [r.name, String(r.entries), humanDate(r.importedAt) ?? '']),
      ),
    )
  } else {
    parts.push('No issuer registries. Import one (DCC format): skillfolio issuers import-registry registry.json')
  }
  return parts.join('\n')
}

function importText(r: RegistryImportResult): string {
  const lines = [`Imported the issuer registry “${r.name}”: ${plural(r.added, 'issuer')}.`]
  if (r.rebound) lines.push(`${plural(r.rebound, 'credential')} changed verdict.`)
  if (r.skipped.length) lines.push(`Not taken (${r.skipped.length}): ${r.skipped.slice(0, 5).join('; ')}${r.skipped.length > 5 ? '; …' : ''}`)
  return lines.join('\n')
}

const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export const issuersCommand: Command = {
  name: 'issuers',
  summary: 'Your trust list: pin issuer keys, import issuer registries',
  usage: [
    'issuers [list]',
    'issuers pin CRED_ID [--label TEXT]',
    'issuers pin --issuer ISSUER_ID --key KEY [--label TEXT]',
    'issuers unpin --issuer ISSUER_ID --key KEY',
    'issuers import-registry FILE [--name NAME]',
    'issuers remove-registry NAME',
  ],
  subjects: { words: WORDS, resolve: (w) => ((WORDS as readonly string[]).includes(w.toLowerCase()) ? w.toLowerCase() : null), optional: true, what: 'what to do' },
  options: (subject) =>
    subject === 'pin' || subject === 'unpin'
      ? [
          { name: 'issuer', type: 'string' },
          { name: 'key', type: 'string' },
          { name: 'label', type: 'string' },
        ]
      : subject === 'import-registry'
        ? [{ name: 'name', type: 'string' }]
        : [],
  help: () =>
    [
      'A valid signature only says that some key signed the credential. Skillfolio calls a credential',
      'Verified when the key is also the issuer’s: the issuer is a did:key and that key signed, the',
      'issuer’s own did:web or web document lists the key (online checks), or you pinned the key here.',
      'An issuer registry (the Digital Credentials Consortium format) names the issuers behind DIDs.',
      '',
      'KEY is a did:key, a multibase public key (z6Mk…, zDn…) or jwk:<thumbprint>, as',
      '`skillfolio show CRED_ID --json` gives it in verification.issuer.signerKey.',
      '',
      'Examples:',
      '  skillfolio issuers pin cred-3 --label "Example University"',
      '  skillfolio issuers unpin --issuer https://example.edu/issuer --key z6Mk…',
      '  skillfolio issuers import-registry dcc-registry.json --name "DCC Member Registry"',
    ].join('\n'),
  async run(ctx, inv) {
    const word = (inv.subject ?? 'list') as Word
    const args = inv.positionals
    const label = one(inv.values.label) ?? null
    if (word === 'list') {
      if (args.length) throw usage(`issuers list takes no arguments; unexpected ${args.map(showValue).join(' ')}`)
      const view = await ctx.call('issuers:list', {})
      return { json: view, text: listText(view) }
    }
    if (word === 'pin' || word === 'unpin') {
      const issuerId = one(inv.values.issuer)
      const key = one(inv.values.key)
      if (word === 'pin' && args.length === 1 && !issuerId && !key) {
        const view = await ctx.call('issuers:pin', { credentialId: args[0]!, label }, { credentialId: { flag: 'id', values: [args[0]!] } })
        return { json: view, text: `Pinned the key that signed ${args[0]} for its issuer.\n\n${listText(view)}` }
      }
      if (args.length || !issuerId || !key) throw usage(`issuers ${word} needs ${word === 'pin' ? 'a credential id, or ' : ''}--issuer and --key, e.g. skillfolio issuers ${word} --issuer https://example.edu/issuer --key z6Mk…`)
      const view = word === 'pin' ? await ctx.call('issuers:pin', { issuerId, key, label }) : await ctx.call('issuers:unpin', { issuerId, signerKey: key })
      return { json: view, text: `${word === 'pin' ? 'Pinned' : 'Unpinned'} ${key} for ${issuerId}.\n\n${listText(view)}` }
    }
    if (word === 'import-registry') {
      if (args.length !== 1) throw usage('issuers import-registry needs one file, e.g. skillfolio issuers import-registry registry.json')
      const path = resolve(ctx.cwd, args[0]!)
      if (!existsSync(path) || !statSync(path).isFile()) throw usage(`No file at ${showValue(args[0]!)}.`)
      if (statSync(path).size > MAX_REGISTRY_BYTES) throw usage(`${showValue(args[0]!)} is larger than 20 MB; an issuer registry is much smaller.`)
      const result = await ctx.call('issuers:importRegistry', { text: readFileSync(path, 'utf8'), name: one(inv.values.name) ?? null })
      return { json: result, text: importText(result) }
    }
    if (args.length !== 1) throw usage('issuers remove-registry needs the registry’s name, as skillfolio issuers lists it')
    const view = await ctx.call('issuers:removeRegistry', { name: args[0]! })
    return { json: view, text: `Removed the issuer registry ${showValue(args[0]!)}.\n\n${listText(view)}` }
  },
}
