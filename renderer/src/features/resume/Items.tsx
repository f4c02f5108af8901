/**
 * What the resume considered, section by section: each item in or out and why ("matches SQL
 * (essential)", "hidden by you", "expired"), with Pin, Hide/Show and Move up/down. Every
 * control is a real button with a name that says what it does to which item. What was left
 * out only to fit the chosen length comes first, in a group of its own.
 */
import { useEffect, useRef } from 'react'
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
  // The list is redrawn when the new preview arrives; keep the focus on the button that was pressed.
  const refocus = useRef<string | null>(null)
  useEffect(() => {
    const selector = refocus.current
    if (!selector) return
    const el = document.querySelector<HTMLElement>(selector)
    if (el && document.activeElement !== el) el.focus()
  }, [decisions])
  const remember = () => {
    const el = document.activeElement
    const item = el instanceof HTMLElement ? el.closest<HTMLElement>('.resume-items [data-item]') : null
    const action = el instanceof HTMLElement ? el.dataset.action : undefined
    refocus.current = item && action ? `.resume-items [data-item="${CSS.escape(item.dataset.item ?? '')}"] [data-action="${action}"]` : null
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
  const groups = KIND_ORDER.map((kind) => ({ kind, items: decisions.filter((d) => d.kind === kind) })).filter((g) => g.items.length)
  return (
    <div className="resume-items">
      {fit.length ? (
        <section className="resume-group resume-group-fit" aria-labelledby={LEFT_OUT_ID}>
          <h3 className="resume-group-title" id={LEFT_OUT_ID} tabIndex={-1}>
            {fitTitle}
            <span className="resume-group-count">{fit.length === 1 ? '1 item' : `${fit.length} items`}</span>
          </h3>
          <p className="resume-group-note">Pin one to keep it on the resume; something less relevant is left out instead.</p>
          <ul className="resume-item-list" aria-label={fitTitle}>
            {fit.map((d) => (
              <Item key={d.id} d={d} kind={KIND_ONE[d.kind]} isPinned={pinned.includes(d.id)} isHidden={hidden.includes(d.id)} first last movable={false} actions={actions} />
            ))}
          </ul>
        </section>
      ) : null}
      {groups.map((g) => (
        <Group key={g.kind} kind={g.kind} items={g.items} pinned={pinned} hidden={hidden} fitTitle={fitTitle} actions={actions} />
      ))}
    </div>
  )
}

function Group({
  kind,
  items,
  pinned,
  hidden,
  fitTitle,
  actions,
}: {
  kind: ResumeItemKind
  items: ResumeDecision[]
  pinned: readonly string[]
  hidden: readonly string[]
  fitTitle: string
  actions: ItemActions
}) {
  const included = items.filter((d) => d.included)
  // Items left out to fit are listed in their own group above; here they are only counted.
  const out = items.filter((d) => !d.included && !leftOutToFit(d))
  const fitCount = items.length - included.length - out.length
  const ordered = [...included, ...out]
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
                actions={actions}
              />
            )
          })}
        </ul>
      ) : null}
      {fitCount ? (
        <button type="button" className="resume-group-more" onClick={showLeftOut}>
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
  actions: ItemActions
}) {
  return (
    <li className={['resume-item', d.included ? 'is-in' : 'is-out', isPinned ? 'is-pinned' : ''].filter(Boolean).join(' ')} data-item={d.id}>
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
      <div className="resume-item-why">
        <span className="sr-only">{d.included ? 'On the resume: ' : 'Left out: '}</span>
        {kind ? <span className="resume-item-kind">{kind} · </span> : null}
        {d.reason}
      </div>
      <div className="resume-item-tools">
        <Button
          size="sm"
          variant="ghost"
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
