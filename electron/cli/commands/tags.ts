/**
 * `skillfolio tags`: skills taken from badge tags. They wait for the person's word: listed here,
 * accepted (they count as evidence from then on) or rejected (hidden, and not added back when
 * the same badge is imported again). The same channels as the Skills screen's review panel.
 */
import type { TagGroup, TagReview, TagSkill } from '../../shared/tags'
import { CredentialId, type SkillLink, type TagDecision } from '../../shared/schemas'
import type { Command } from '../context'
import { CliError, showValue, usage } from '../errors'
import { plural } from '../format'

const TAG_WORDS = ['list', 'accept', 'reject', 'reset'] as const
type TagWord = (typeof TAG_WORDS)[number]
const DECISION_OF: Record<Exclude<TagWord, 'list'>, TagDecision> = { accept: 'accepted', reject: 'rejected', reset: 'pending' }
const STATE: Record<TagDecision, string> = { pending: 'pending', accepted: 'accepted', rejected: 'rejected' }

function parseCredentialId(raw: string | undefined, command: string): string {
  if (raw === undefined) throw usage(`${command} needs a credential id, e.g. skillfolio ${command} cred-1 (see skillfolio tags)`)
  const parsed = CredentialId.safeParse(raw)
  if (!parsed.success) throw usage(`${command}: ${showValue(raw)} is not a credential id like cred-1 (see skillfolio tags)`, [{ path: 'credentialId', message: 'must be a credential id like cred-1' }])
  return parsed.data
}

const fold = (s: string) => s.normalize('NFKC').trim().toLocaleLowerCase('en').replace(/[\s_-]+/g, ' ')

/** SKILL as a skill id (skill-7), the tag as the badge wrote it ("k8s") or the skill's name ("Kubernetes"). */
function resolveTag(group: TagGroup, raw: string): TagSkill {
  const want = fold(raw)
  const hit = group.tags.find((t) => t.skillId === raw.trim()) ?? group.tags.find((t) => fold(t.tag) === want) ?? group.tags.find((t) => fold(t.skill) === want)
  if (hit) return hit
  const where = `${group.credentialId} (“${group.title}”)`
  if (!group.tags.length) throw new CliError('NOT_FOUND', `${where} has no skills taken from badge tags.`)
  throw new CliError('NOT_FOUND', `${where} has no badge tag ${showValue(raw.trim())}; its tags: ${group.tags.map((t) => t.tag).join(', ')}.`)
}

const tagLabel = (t: TagSkill) => (fold(t.tag) === fold(t.skill) ? t.tag : `${t.tag} → ${t.skill}`)

/** `show`'s "From tags" line: "SQL, Python (not reviewed)"; empty without tag skills. */
export function tagSkillList(skills: readonly SkillLink[]): string {
  return skills
    .filter((s) => s.origin === 'tag')
    .map((s) => `${s.tag && fold(s.tag) !== fold(s.name) ? `${s.tag} → ${s.name}` : s.name}${s.decision === 'pending' ? ' (not reviewed)' : ''}`)
    .join(', ')
}

function groupText(g: TagGroup): string {
  const head = `${g.credentialId}  ${g.title}${g.issuerName ? ` · ${g.issuerName}` : ''}${g.earnedOn ? ` · ${g.earnedOn}` : ''}`
  if (!g.tags.length) return `${head}\n  No skills taken from badge tags.`
  return [head, ...g.tags.map((t) => `  ${STATE[t.decision].padEnd(9)} ${tagLabel(t)}  (${t.skillId})`)].join('\n')
}

function reviewText(r: TagReview): string {
  if (!r.groups.length) return 'No skills from badge tags wait for review.'
  const shown = r.groups.reduce((n, g) => n + g.tags.length, 0)
  const more = shown < r.pending ? ` (the ${r.groups.length} most recent shown)` : ''
  return [
    ...r.groups.map(groupText),
    '',
    `${plural(r.pending, 'skill')} from badge tags on ${plural(r.credentials, 'credential')} wait for review${more}; until accepted they do not count as evidence.`,
    'Accept or reject them: skillfolio tags accept|reject CRED_ID [SKILL…]',
  ].join('\n')
}

export const tagsCommand: Command = {
  name: 'tags',
  summary: 'Skills taken from badge tags: list them, accept or reject them',
  usage: ['tags [list] [CRED_ID]', 'tags accept CRED_ID [SKILL…]', 'tags reject CRED_ID [SKILL…]', 'tags reset CRED_ID SKILL…'],
  subjects: { words: TAG_WORDS, optional: true, resolve: (w) => ((TAG_WORDS as readonly string[]).includes(w.toLowerCase()) ? w.toLowerCase() : null), what: 'what to do' },
  options: () => [],
  help: () =>
    [
      'A badge\'s tags ("robots", "k8s", "online") become skills of its credential, marked as taken from a tag.',
      'They do not count as evidence until you accept them. A rejected tag is hidden and is not added back when',
      'the same badge is imported again (typing the skill in yourself still adds it). reset takes a decision back.',
      '',
      'tags (or tags list) shows the tags waiting for review, newest import first; tags list CRED_ID shows every',
      'tag skill of one credential with its decision. Without SKILL, accept and reject decide every pending tag',
      'of the credential. SKILL is the tag as the badge wrote it, the skill\'s name or its id (skill-7); quote',
      'names with spaces.',
      '',
      'Examples:',
      '  skillfolio tags',
      '  skillfolio tags accept cred-3 SQL "data analysis"',
      '  skillfolio tags reject cred-3',
      '  skillfolio tags reset cred-3 awesome',
    ].join('\n'),
  async run(ctx, inv) {
    const word = (inv.subject ?? 'list') as TagWord
    const args = inv.positionals
    if (word === 'list') {
      if (args.length > 1) throw usage(`tags list takes at most one credential id; unexpected ${args.slice(1).map(showValue).join(' ')}`)
      if (args.length === 1) {
        const credentialId = parseCredentialId(args[0], 'tags list')
        const review = await ctx.call('tags:pending', { credentialId })
        return { json: review, text: groupText(review.groups[0]!) }
      }
      const review = await ctx.call('tags:pending', {})
      return { json: review, text: reviewText(review) }
    }
    const command = `tags ${word}`
    const credentialId = parseCredentialId(args[0], command)
    const named = args.slice(1).filter((a) => a.trim())
    const decision = DECISION_OF[word]
    if (word === 'reset' && !named.length) throw usage(`tags reset needs the tags to take back, e.g. skillfolio tags reset ${credentialId} SQL (see skillfolio tags list ${credentialId})`)

    // Every name is checked before the first change, so a typo changes nothing.
    const current = (await ctx.call('tags:pending', { credentialId })).groups[0]!
    const picked = [...new Map(named.map((n) => resolveTag(current, n)).map((t) => [t.skillId, t])).values()]
    let result: TagGroup = current
    if (!picked.length) {
      result = await ctx.call('tags:decide', { credentialId, decision })
    } else {
      for (const t of picked) result = await ctx.call('tags:decide', { credentialId, skillId: t.skillId, decision })
    }
    const changed = picked.length ? picked : current.tags.filter((t) => t.decision === 'pending')
    const what = `of “${result.title}” (${credentialId})`
    const names = changed.map(tagLabel).join(', ')
    const text = !changed.length
      ? `${result.credentialId} (“${result.title}”) has no pending badge tags; nothing changed.`
      : decision === 'accepted'
        ? `Accepted ${plural(changed.length, 'tag skill')} ${what}: ${names}. They count as evidence now.`
        : decision === 'rejected'
          ? `Rejected ${plural(changed.length, 'tag skill')} ${what}: ${names}. They are hidden and will not come back when the badge is imported again.`
          : `Reset ${plural(changed.length, 'tag skill')} ${what}: ${names}. They wait for review again and do not count until accepted.`
    return { json: result, text }
  },
}
