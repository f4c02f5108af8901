/**
 * "Skills from badge tags": the one place where the skills an imported badge's tags gave are
 * accepted or rejected. Grouped by credential, newest import first; each row shows the tag and
 * the skill it maps to. By keyboard: Tab to a row's buttons, or A accepts, R rejects, U undoes
 * and ↑/↓ move between rows; after a decision the focus goes to the next tag waiting.
 * `credentialId` narrows it to one credential (every tag skill of it, decided or not).
 */
import { useState, type KeyboardEvent } from 'react'
import { useQuery } from '../../data'
import { formatDate, plural } from '../../format'
import { formatRoute } from '../../router'
import { Button } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { DetailHeader } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'
import { useFocusLater } from '../evidence/decide'
import { applyAnswer, mergeGroups, openTagReview, rowKey, tagLabel, TAG_REVIEW_ID, useDecideTag, type TagDecision, type TagGroup, type TagSkill } from './tag-review'
import '../../styles/tags.css'

const STATE_WORD: Record<TagDecision, string> = { pending: 'Not reviewed', accepted: 'Accepted', rejected: 'Rejected' }
const TONE: Record<TagDecision, 'neutral' | 'success' | 'danger'> = { pending: 'neutral', accepted: 'success', rejected: 'danger' }
type Action = 'accept' | 'reject' | 'undo'
const KEY_ACTION: Record<string, Action> = { a: 'accept', r: 'reject', u: 'undo' }

/** The words a screen reader hears for a row: "k8s (Kubernetes)" when the tag and skill differ. */
const spoken = (t: TagSkill) => (tagLabel(t) === t.skill ? t.skill : `${t.tag} (${t.skill})`)
const focusKey = (g: TagGroup, t: TagSkill, action: Action) => `tag|${rowKey(g.credentialId, t.skillId)}|${action}`

export function TagReview({ credentialId }: { credentialId: string | null }) {
  const query = useQuery('tags:pending', credentialId ? { credentialId } : {})
  // Rows shown so far, so a decision keeps its row (with Undo) after the list reloads.
  const [rows, setRows] = useState<{ scope: string | null; data: unknown; groups: TagGroup[] }>({ scope: credentialId, data: undefined, groups: [] })
  if (query.data && (query.data !== rows.data || rows.scope !== credentialId)) {
    const fresh = credentialId ? query.data.groups.filter((g) => g.credentialId === credentialId) : query.data.groups
    setRows({ scope: credentialId, data: query.data, groups: credentialId || rows.scope !== credentialId ? fresh : mergeGroups(rows.groups, fresh) })
  }
  const { decide, busy } = useDecideTag()
  const focusLater = useFocusLater()
  const toast = useToast()

  if (!query.data) return query.error ? <ErrorBanner error={query.error} onRetry={query.reload} title="The badge tags could not be listed" /> : <Loading />
  const groups = rows.scope === credentialId ? rows.groups : []
  const waiting = groups.flatMap((g) => g.tags.filter((t) => t.decision === 'pending').map((t) => ({ g, t })))

  /** After deciding `done`, the next tag waiting (after it, else before it), else `fallback`. */
  const focusNext = (done: readonly string[], fallback: string | null) => {
    const order = groups.flatMap((g) => g.tags.map((t) => ({ g, t })))
    const at = order.findIndex(({ g, t }) => done.includes(rowKey(g.credentialId, t.skillId)))
    const open = (i: number) => order[i] && order[i]!.t.decision === 'pending' && !done.includes(rowKey(order[i]!.g.credentialId, order[i]!.t.skillId))
    for (let i = at + 1; i < order.length; i++) if (open(i)) return focusLater(focusKey(order[i]!.g, order[i]!.t, 'accept'))
    for (let i = at - 1; i >= 0; i--) if (open(i)) return focusLater(focusKey(order[i]!.g, order[i]!.t, 'accept'))
    if (fallback) focusLater(fallback)
  }

  const run = async (g: TagGroup, t: TagSkill, action: Action) => {
    const decision: TagDecision = action === 'accept' ? 'accepted' : action === 'reject' ? 'rejected' : 'pending'
    const answer = await decide({ credentialId: g.credentialId, skillId: t.skillId, decision }, (a) => setRows((r) => ({ ...r, groups: applyAnswer(r.groups, a) })))
    if (!answer) return
    const what = `“${spoken(t)}” from ${g.title}`
    if (action === 'undo') {
      toast.show(`${what} waits for review again.`, 'info')
      focusLater(focusKey(g, t, 'accept'))
    } else {
      toast.show(action === 'accept' ? `Accepted ${what}: it counts as evidence now.` : `Rejected ${what}: it will not come back when you import the badge again.`)
      focusNext([rowKey(g.credentialId, t.skillId)], focusKey(g, t, 'undo'))
    }
  }

  const runAll = async (g: TagGroup, decision: 'accepted' | 'rejected') => {
    const pending = g.tags.filter((t) => t.decision === 'pending')
    const answer = await decide({ credentialId: g.credentialId, decision }, (a) => setRows((r) => ({ ...r, groups: applyAnswer(r.groups, a) })))
    if (!answer) return
    toast.show(`${decision === 'accepted' ? 'Accepted' : 'Rejected'} ${plural(pending.length, 'tag skill')} from ${g.title}.`)
    const first = pending[0]
    focusNext(
      pending.map((t) => rowKey(g.credentialId, t.skillId)),
      first ? focusKey(g, first, 'undo') : null,
    )
  }

  /** A, R, U on a row press its button; ↑/↓ move to the row above or below. */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-tag-row]')
    if (!row) return
    const action = KEY_ACTION[e.key.toLowerCase()]
    if (action) {
      const button = row.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)
      if (button && !button.disabled) {
        e.preventDefault()
        button.click()
      }
      return
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    const all = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-tag-row]')]
    const next = all[all.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)]
    const button = next?.querySelector<HTMLButtonElement>('button:not([disabled])')
    if (button) {
      e.preventDefault()
      button.focus()
    }
  }

  const one = credentialId ? groups[0] : undefined
  const subtitle = credentialId
    ? one
      ? `${plural(one.tags.length, 'tag skill')} of ${one.title}`
      : undefined
    : query.data.pending
      ? `${plural(query.data.pending, 'tag skill')} to review on ${plural(query.data.credentials, 'credential')}`
      : 'Nothing waits for review'

  return (
    <article className="detail tag-review" aria-label="Skills from badge tags" data-id={TAG_REVIEW_ID}>
      <DetailHeader
        eyebrow={<Badge tone="accent" icon="hash">Badge tags</Badge>}
        title="Skills from badge tags"
        subtitle={subtitle}
        actions={
          credentialId ? (
            <Button icon="layers" onClick={openTagReview}>
              All credentials
            </Button>
          ) : undefined
        }
      />
      <p className="tag-review-note">
        Badges tag themselves with loose words (“robots”, “online”, “k8s”). Skillfolio keeps each tag as a skill of its credential, but it counts as evidence only once
        you accept it. A rejected tag is hidden and will not come back when you import the badge again.
      </p>
      <p className="tag-review-keys" aria-hidden="true">
        <kbd>A</kbd> accept · <kbd>R</kbd> reject · <kbd>U</kbd> undo · <kbd>↑</kbd>
        <kbd>↓</kbd> move
      </p>

      {!groups.length ? (
        <EmptyState icon="check" title={credentialId ? 'No skills from badge tags' : 'No badge tags to review'}>
          {credentialId ? 'This credential’s badge has no tags.' : 'Skills from the tags of badges you import will wait here for your word.'}
        </EmptyState>
      ) : (
        <div className="tag-groups" onKeyDown={onKeyDown}>
          {groups.map((g) => {
            const pending = g.tags.filter((t) => t.decision === 'pending')
            const headingId = `tags-${g.credentialId}`
            return (
              <section key={g.credentialId} className="tag-group" aria-labelledby={headingId} data-credential={g.credentialId}>
                <div className="tag-group-head">
                  <div className="tag-group-heading">
                    <h3 className="tag-group-title" id={headingId}>
                      <a href={formatRoute({ screen: 'credentials', id: g.credentialId, edit: false, params: {} })}>{g.title}</a>
                    </h3>
                    <div className="tag-group-meta">{[g.issuerName, formatDate(g.earnedOn)].filter(Boolean).join(' · ')}</div>
                  </div>
                  {pending.length > 1 ? (
                    <span className="tag-group-actions">
                      <Button size="sm" icon="check" disabled={busy !== null} aria-label={`Accept all ${pending.length} tag skills from ${g.title}`} onClick={() => void runAll(g, 'accepted')}>
                        Accept all
                      </Button>
                      <Button size="sm" variant="ghost" icon="x" disabled={busy !== null} aria-label={`Reject all ${pending.length} tag skills from ${g.title}`} onClick={() => void runAll(g, 'rejected')}>
                        Reject all
                      </Button>
                    </span>
                  ) : null}
                </div>
                <ul className="tag-rows" aria-label={`Badge tags of ${g.title}`}>
                  {g.tags.map((t) => {
                    const isBusy = busy === rowKey(g.credentialId, t.skillId) || busy === rowKey(g.credentialId, '*')
                    const name = spoken(t)
                    return (
                      <li key={t.skillId} className={`tag-row is-${t.decision}`} data-tag-row data-skill={t.skillId}>
                        <span className="tag-row-text">
                          <Icon name="hash" size={14} />
                          <span className="tag-row-tag">{t.tag}</span>
                          {tagLabel(t) !== t.skill ? (
                            <>
                              <span className="tag-row-arrow" aria-hidden="true">
                                →
                              </span>
                              <a className="tag-row-skill" href={formatRoute({ screen: 'skills', id: t.skillId, edit: false, params: {} })} tabIndex={-1}>
                                {t.skill}
                              </a>
                            </>
                          ) : null}
                        </span>
                        <Badge tone={TONE[t.decision]} icon={t.decision === 'accepted' ? 'check' : t.decision === 'rejected' ? 'x' : undefined}>
                          {STATE_WORD[t.decision]}
                        </Badge>
                        <span className="tag-row-actions">
                          {t.decision === 'pending' ? (
                            <>
                              <Button size="sm" icon="check" busy={isBusy} data-action="accept" data-focus-key={focusKey(g, t, 'accept')} aria-label={`Accept ${name} from ${g.title}`} onClick={() => void run(g, t, 'accept')}>
                                Accept
                              </Button>
                              <Button size="sm" variant="ghost" icon="x" disabled={isBusy} data-action="reject" data-focus-key={focusKey(g, t, 'reject')} aria-label={`Reject ${name} from ${g.title}`} onClick={() => void run(g, t, 'reject')}>
                                Reject
                              </Button>
                            </>
                          ) : (
                            <Button size="sm" variant="ghost" icon="undo" busy={isBusy} data-action="undo" data-focus-key={focusKey(g, t, 'undo')} aria-label={`Undo ${t.decision === 'accepted' ? 'accepting' : 'rejecting'} ${name} from ${g.title}`} onClick={() => void run(g, t, 'undo')}>
                              Undo
                            </Button>
                          )}
                        </span>
                      </li>
                    )
                  })}
                </ul>
              </section>
            )
          })}
        </div>
      )}
      {!credentialId && waiting.length === 0 && groups.length ? <p className="muted tag-review-done">Every tag here is reviewed.</p> : null}
    </article>
  )
}
