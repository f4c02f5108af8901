/**
 * Writing a credential's skill links with where each came from (migration 0012). A new list
 * replaces the old one, with two things kept:
 * - the origin and decision of a link that stays, unless the new mention is firmer (typed over
 *   an issuer's alignment over a badge tag): re-importing a badge never turns a skill the
 *   person typed, or a tag they accepted, back into a pending tag;
 * - rejected tags, hidden but remembered, so importing the same badge again does not add the
 *   tag back. Typing the skill (or the issuer aligning to it) still adds it.
 */
import type { Db } from '../db/open'
import type { SkillOrigin } from '../../shared/schemas'
import { firmerOrigin, type ResolvedSkill } from './skills'

export type StoredDecision = 'pending' | 'accepted' | 'rejected'

export interface LinkState {
  origin: SkillOrigin
  decision: StoredDecision | null
  tag: string | null
  decidedAt: string | null
}

/**
 * The link after a mention. `incoming.origin` null means the caller did not say (an edit form
 * sending the list back): the link keeps what it has, and a new link is typed.
 */
export function mergeLink(existing: LinkState | undefined, incoming: Pick<ResolvedSkill, 'origin' | 'tag'>): LinkState {
  const said = incoming.origin
  if (!existing) {
    const origin = said ?? 'typed'
    return origin === 'tag' ? { origin, decision: 'pending', tag: incoming.tag, decidedAt: null } : { origin, decision: null, tag: null, decidedAt: null }
  }
  if (existing.decision === 'rejected') {
    // Only the same badge tag again is refused; the person typing it, or an alignment, adds it.
    if (said === 'tag') return existing
    return { origin: said ?? 'typed', decision: null, tag: null, decidedAt: null }
  }
  const origin = firmerOrigin(existing.origin, said) ?? existing.origin
  if (origin === existing.origin) return existing
  return { origin, decision: null, tag: null, decidedAt: null }
}

interface LinkRow {
  skill_id: number
  origin: SkillOrigin
  decision: StoredDecision | null
  tag: string | null
  decided_at: string | null
}

export function createCredentialSkillWriter(db: Db) {
  const current = db.prepare<[number], LinkRow>('SELECT skill_id, origin, decision, tag, decided_at FROM credential_skill WHERE credential_id = ?')
  const unlink = db.prepare('DELETE FROM credential_skill WHERE credential_id = ? AND skill_id = ?')
  const upsert = db.prepare(
    `INSERT INTO credential_skill (credential_id, skill_id, level, position, origin, decision, tag, decided_at)
     VALUES (@credentialId, @skillId, @level, @position, @origin, @decision, @tag, @decidedAt)
     ON CONFLICT (credential_id, skill_id) DO UPDATE SET level = excluded.level, position = excluded.position,
       origin = excluded.origin, decision = excluded.decision, tag = excluded.tag, decided_at = excluded.decided_at`,
  )
  return {
    /**
     * Replaces the credential's links with `resolved`; runs inside the caller's transaction.
     * `fresh`: the credential was inserted just now, so it has no links to read.
     */
    write(credentialId: number, resolved: readonly ResolvedSkill[], fresh = false): void {
      const before = new Map<number, LinkState>()
      if (!fresh) for (const r of current.all(credentialId)) before.set(r.skill_id, { origin: r.origin, decision: r.decision, tag: r.tag, decidedAt: r.decided_at })
      const wanted = new Set(resolved.map((s) => s.skillId))
      for (const [skillId, state] of before) if (!wanted.has(skillId) && state.decision !== 'rejected') unlink.run(credentialId, skillId)
      resolved.forEach((s, position) => {
        const next = mergeLink(before.get(s.skillId), s)
        upsert.run({ credentialId, skillId: s.skillId, level: s.level, position, origin: next.origin, decision: next.decision, tag: next.tag, decidedAt: next.decidedAt })
      })
    },
  }
}
