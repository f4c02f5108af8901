/**
 * The review of skills taken from badge tags (`tags:pending`, `tags:decide`): the rows the panel
 * shows and the call behind each button. The core lists pending tags only; a row decided here
 * stays in place (Accepted / Rejected, with Undo) until the panel is left, so the list does not
 * jump under the keyboard.
 */
import { useCallback } from 'react'
import { useChange } from '../../change'
import { currentRoute, navigate } from '../../router'
import type { Output } from '../../shared'

export type TagGroup = Output<'tags:decide'>
export type TagSkill = TagGroup['tags'][number]
export type TagDecision = TagSkill['decision']

/** The route id of the review panel on the Skills screen: #/skills/badge-tags. */
export const TAG_REVIEW_ID = 'badge-tags'

/** Opens the review (on every credential), keeping the Skills list's search and filters. */
export function openTagReview(): void {
  const { credential: _one, ...list } = currentRoute().params
  navigate({ screen: 'skills', id: TAG_REVIEW_ID, params: list })
}

export const rowKey = (credentialId: string, skillId: string) => `${credentialId}|${skillId}`

/**
 * The rows to show: what was shown before, with decisions taken here kept in place, then what
 * the core lists now. A row shown as pending that the core no longer lists (decided elsewhere,
 * its credential deleted) goes away; so does a group left with nothing to show.
 */
export function mergeGroups(shown: readonly TagGroup[], listed: readonly TagGroup[]): TagGroup[] {
  const now = new Map(listed.map((g) => [g.credentialId, g]))
  const out: TagGroup[] = []
  for (const g of shown) {
    const fresh = now.get(g.credentialId)
    const freshTags = new Map(fresh?.tags.map((t) => [t.skillId, t]))
    const tags = g.tags.flatMap((t) => {
      const f = freshTags.get(t.skillId)
      if (f) return [f]
      return t.decision === 'pending' ? [] : [t]
    })
    for (const t of fresh?.tags ?? []) if (!g.tags.some((x) => x.skillId === t.skillId)) tags.push(t)
    if (tags.length) out.push({ ...(fresh ?? g), tags })
  }
  for (const g of listed) if (!shown.some((s) => s.credentialId === g.credentialId)) out.push(g)
  return out
}

/** A decision's answer (every tag skill of the credential) applied to the rows shown. */
export function applyAnswer(shown: readonly TagGroup[], answer: TagGroup): TagGroup[] {
  return shown.map((g) => (g.credentialId === answer.credentialId ? { ...g, tags: g.tags.map((t) => answer.tags.find((a) => a.skillId === t.skillId) ?? t) } : g))
}

/** "k8s → Kubernetes" when the tag and the skill differ, else the tag. */
export function tagLabel(t: Pick<TagSkill, 'tag' | 'skill'>): string {
  return t.tag.trim().toLocaleLowerCase() === t.skill.trim().toLocaleLowerCase() ? t.skill : `${t.tag} → ${t.skill}`
}

export interface DecideTagRequest {
  credentialId: string
  /** Absent: every pending tag skill of the credential. */
  skillId?: string
  decision: TagDecision
}

/**
 * `decide(request, onAnswer)` answers the credential's tag skills, or null when the call failed
 * (a toast says why). `onAnswer` runs before the queries reload, so the rows shown take the
 * decision before the new list arrives.
 */
export function useDecideTag(): { decide: (request: DecideTagRequest, onAnswer?: (answer: TagGroup) => void) => Promise<TagGroup | null>; busy: string | null } {
  const { run, busy } = useChange('tags:decide')
  const decide = useCallback(
    (request: DecideTagRequest, onAnswer?: (answer: TagGroup) => void) => run(request, rowKey(request.credentialId, request.skillId ?? '*'), onAnswer),
    [run],
  )
  return { decide, busy }
}
