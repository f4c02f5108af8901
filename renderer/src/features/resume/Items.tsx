/**
 * What the resume considered, section by section: each item in or out and why ("matches SQL
 * (essential)", "hidden by you", "expired"), with Pin, Hide/Show and Move up/down. Every
 * control is a real button with a name that says what it does to which item. What was left
 * out only to fit the chosen length comes first, in a group of its own.
 *
 * Keyboard: the whole list is ONE Tab stop (a roving tabindex across all groups, as in the
 * WAI-ARIA toolbar pattern). Up/Down move between items (and the "N more under …" links),
 * Home/End go to the first/last; Space hides or shows the focused item; Right moves into the
 * item's buttons (Pin, Hide/Show, Move up, Move down), Left/Right between them, and Left from
 * the first button or Escape back to the item. A roving tabindex rather than a listbox with
 * aria-activedescendant because the items hold real buttons, which options may not contain.
 */
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import type { ResumeDecision, ResumeItemKind } from '../../shared'
import { Button } from '../../ui/Button'
import { Badge } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { KIND_LABEL, KIND_ORDER, leftOutToFit } from './settings'

/** The id of the "Left out to fit" group's heading, which the length notice moves the focus to. */
export const LEFT_OUT_ID = 'resume-left-out'

const KIND_ONE: Record<ResumeItemKind, string> = {
  credential: 'Credential',
  project: 'Project',
  skill: 'Skill',
  experience: 'Experience',
  education: 'Education',
}

/** Moves the focus to the "Left out to fit" group and brings it into view. */
export function showLeftOut(): void {
  const heading = document.getElementById(LEFT_OUT_ID)
  if (!heading) return
  heading.scrollIntoView({ block: 'start' })
  heading.focus({ preventScroll: true })
}

export interface ItemActions {
  pin: (id: string) => void
  hide: (id: string) => void
  move: (id: string, delta: -1 | 1) => void
}

/** The roving-tabindex key of a group's "N more under …" link (items use their own id). */
const moreKey = (kind: ResumeItemKind) => `more:${kind}`

interface GroupView {
  kind: ResumeItemKind
  items: ResumeDecision[]
  included: ResumeDecision[]
  /** Included first, then what is out for a reason other than the length. */
  ordered: ResumeDecision[]
  /** Items of this kind left out to fit, listed in their own group above; here only counted. */
  fitCount: number
}

export function Items({
  decisions,
  pinned,
  hidden,
  fitTitle,
  actions: outer,
}: {
  decisions: readonly ResumeDecision[]
  pinned: readonly string[]
  hidden: readonly string[]
  /** "Left out to fit on 1 page". */
  fitTitle: string
  actions: ItemActions
}) {
  const box = useRef<HTMLDivElement>(null)
  const hintId = useId()
  // The list is redrawn when the new preview arrives; keep the focus on the item or button that was used.
  const refocus = useRef<string | null>(null)
  useEffect(() => {
    const selector = refocus.current
    if (!selector) return
    refocus.current = null
    const el = document.querySelector<HTMLElement>(selector)
    const now = document.activeElement
    // Only when the redraw lost the focus or it is still in the list: never away from another control.
    if (el && el !== now && (!now || now === document.body || box.current?.contains(now))) el.focus()
  }, [decisions])
  const remember = () => {
    const el = document.activeElement
    const item = el instanceof HTMLElement ? el.closest<HTMLElement>('.resume-items [data-item]') : null
    if (!(el instanceof HTMLElement) || !item) {
      refocus.current = null
      return
    }
    const at = `.resume-items [data-item="${CSS.escape(item.dataset.item ?? '')}"]`
    refocus.current = el === item ? at : el.dataset.action ? `${at} [data-action="${el.dataset.action}"]` : null
  }
  const actions: ItemActions = {
    pin: (id) => {
      remember()
      outer.pin(id)
    },
    hide: (id) => {
      remember()
      outer.hide(id)
    },
    move: (id, delta) => {
      remember()
      outer.move(id, delta)
    },
  }

  const fit = decisions.filter(leftOutToFit)
  const groups: GroupView[] = KIND_ORDER.map((kind) => {
    const items = decisions.filter((d) => d.kind === kind)
    const included = items.filter((d) => d.included)
    const out = items.filter((d) => !d.included && !leftOutToFit(d))
    return { kind, items, included, ordered: [...included, ...out], fitCount: items.length - included.length - out.length }
  }).filter((g) => g.items.length)

  // Roving tabindex: the stop last focused (or the first) is the list's one Tab stop.
  const stops = [...fit.map((d) => d.id), ...groups.flatMap((g) => [...g.ordered.map((d) => d.id), ...(g.fitCount ? [moreKey(g.kind)] : [])])]
  const [current, setCurrent] = useState<string | null>(null)
  const active = current !== null && stops.includes(current) ? current : (stops[0] ?? null)
  const tabIndexOf = (key: string): 0 | -1 => (key === active ? 0 : -1)

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-stop]')?.dataset.stop
    if (key !== undefined) setCurrent(key)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !box.current) return
    const target = e.target as HTMLElement
    const stop = target.closest<HTMLElement>('[data-stop]')
    if (!stop) return
    const all = [...box.current.querySelectorAll<HTMLElement>('[data-stop]')]
    const at = all.indexOf(stop)
    const tools = [...stop.querySelectorAll<HTMLElement>('.resume-item-tools button')]
    const tool = tools.indexOf(target)
    let next: HTMLElement | undefined
    if (e.key === 'ArrowDown') next = all[at + 1]
    else if (e.key === 'ArrowUp') next = all[at - 1]
    else if (e.key === 'Home') next = all[0]
    else if (e.key === 'End') next = all[all.length - 1]
    else if (e.key === 'ArrowRight') next = target === stop ? tools[0] : tools[tool + 1]
    else if (e.key === 'ArrowLeft') next = tool > 0 ? tools[tool - 1] : tool === 0 ? stop : undefined
    else if (e.key === 'Escape' && tool >= 0) next = stop
    else if (e.key === ' ' && target === stop && stop.dataset.item) {
      e.preventDefault()
      actions.hide(stop.dataset.item)
      return
    } else return
    // Arrow keys never scroll the side panel here, even at the ends of the list.
    e.preventDefault()
    next?.focus()
  }

  return (
    <div className="resume-items" ref={box} onFocus={onFocus} onKeyDown={onKeyDown}>
      <p className="resume-items-keys" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Space</kbd> hide or show · <kbd>→</kbd> Pin, Move
      </p>
      <p className="sr-only" id={hintId}>
        Up and Down arrows move between items, Space hides or shows the item, Right arrow reaches its Pin and Move buttons.
      </p>
      {fit.length ? (
        <section className="resume-group resume-group-fit" aria-labelledby={LEFT_OUT_ID}>
          <h3 className="resume-group-title" id={LEFT_OUT_ID} tabIndex={-1}>
            {fitTitle}
            <span className="resume-group-count">{fit.length === 1 ? '1 item' : `${fit.length} items`}</span>
          </h3>
          <p className="resume-group-note">Pin one to keep it on the resume; something less relevant is left out instead.</p>
          <ul className="resume-item-list" aria-label={fitTitle}>
            {fit.map((d) => (
              <Item
                key={d.id}
                d={d}
                kind={KIND_ONE[d.kind]}
                isPinned={pinned.includes(d.id)}
                isHidden={hidden.includes(d.id)}
                first
                last
                movable={false}
                tabIndex={tabIndexOf(d.id)}
                hintId={hintId}
                actions={actions}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {groups.map((g) => (
        <Group key={g.kind} group={g} pinned={pinned} hidden={hidden} fitTitle={fitTitle} tabIndexOf={tabIndexOf} hintId={hintId} actions={actions} />
      ))}
    </div>
  )
}

function Group({
  group: { kind, items, included, ordered, fitCount },
  pinned,
  hidden,
  fitTitle,
  tabIndexOf,
  hintId,
  actions,
}: {
  group: GroupView
  pinned: readonly string[]
  hidden: readonly string[]
  fitTitle: string
  tabIndexOf: (key: string) => 0 | -1
  hintId: string
  actions: ItemActions
}) {
  return (
    <section className="resume-group" aria-label={KIND_LABEL[kind]}>
      <h3 className="resume-group-title">
        {KIND_LABEL[kind]}
        <span className="resume-group-count">
          {included.length} of {items.length} shown
        </span>
      </h3>
      {ordered.length ? (
        <ul className="resume-item-list" aria-label={`${KIND_LABEL[kind]} on the resume`}>
          {ordered.map((d) => {
            const at = included.indexOf(d)
            return (
              <Item
                key={d.id}
                d={d}
                isPinned={pinned.includes(d.id)}
                isHidden={hidden.includes(d.id)}
                first={at === 0}
                last={at === included.length - 1}
                tabIndex={tabIndexOf(d.id)}
                hintId={hintId}
                actions={actions}
              />
            )
          })}
        </ul>
      ) : null}
      {fitCount ? (
        <button type="button" className="resume-group-more" data-stop={moreKey(kind)} tabIndex={tabIndexOf(moreKey(kind))} onClick={showLeftOut}>
          {fitCount === 1 ? '1 more' : `${fitCount} more`} under “{fitTitle}”
        </button>
      ) : null}
    </section>
  )
}

function Item({
  d,
  kind,
  isPinned,
  isHidden,
  first,
  last,
  movable = true,
  tabIndex,
  hintId,
  actions,
}: {
  d: ResumeDecision
  /** The item's kind, shown where items of several kinds are listed together. */
  kind?: string
  isPinned: boolean
  isHidden: boolean
  first: boolean
  last: boolean
  /** Move up/down, in a list where the order means something. */
  movable?: boolean
  /** 0 for the list's one Tab stop, -1 for the rest. */
  tabIndex: 0 | -1
  /** The keyboard hint every item is described by. */
  hintId: string
  actions: ItemActions
}) {
  const whyId = useId()
  return (
    <li
      className={['resume-item', d.included ? 'is-in' : 'is-out', isPinned ? 'is-pinned' : ''].filter(Boolean).join(' ')}
      data-item={d.id}
      data-stop={d.id}
      tabIndex={tabIndex}
      aria-label={isPinned ? `${d.title}, pinned` : d.title}
      aria-describedby={`${whyId} ${hintId}`}
    >
      <span className={d.included ? 'resume-item-state is-in' : 'resume-item-state is-out'} aria-hidden="true">
        <Icon name={d.included ? 'check' : 'minus'} size={13} />
      </span>
      <div className="resume-item-title">
        <span className="resume-item-name">{d.title}</span>
        {isPinned ? (
          <Badge tone="accent" icon="pin">
            Pinned
          </Badge>
        ) : null}
      </div>
      <div className="resume-item-why" id={whyId}>
        <span className="sr-only">{d.included ? 'On the resume: ' : 'Left out: '}</span>
        {kind ? <span className="resume-item-kind">{kind} · </span> : null}
        {d.reason}
      </div>
      <div className="resume-item-tools">
        <Button
          size="sm"
          variant="ghost"
          tabIndex={-1}
          icon="pin"
          data-action="pin"
          className={isPinned ? 'is-pressed' : undefined}
          aria-pressed={isPinned}
          aria-label={`${isPinned ? 'Unpin' : 'Pin'} ${d.title}`}
          title={isPinned ? 'Unpin: let Skillfolio decide' : 'Pin: always show it'}
          onClick={() => actions.pin(d.id)}
        />
        <Button
          size="sm"
          variant="ghost"
          tabIndex={-1}
          icon={isHidden ? 'eye' : 'eyeOff'}
          data-action="hide"
          aria-label={`${isHidden ? 'Show' : 'Hide'} ${d.title}`}
          title={isHidden ? 'Show it again' : 'Hide it from the resume'}
          onClick={() => actions.hide(d.id)}
        />
        {movable ? (
          <>
            <Button
              size="sm"
              variant="ghost"
              tabIndex={-1}
              icon="arrowUp"
              data-action="up"
              aria-label={`Move ${d.title} up`}
              title="Move up"
              aria-disabled={!d.included || first || undefined}
              onClick={() => {
                if (d.included && !first) actions.move(d.id, -1)
              }}
            />
            <Button
              size="sm"
              variant="ghost"
              tabIndex={-1}
              icon="arrowDown"
              data-action="down"
              aria-label={`Move ${d.title} down`}
              title="Move down"
              aria-disabled={!d.included || last || undefined}
              onClick={() => {
                if (d.included && !last) actions.move(d.id, 1)
              }}
            />
          </>
        ) : null}
      </div>
    </li>
  )
}
