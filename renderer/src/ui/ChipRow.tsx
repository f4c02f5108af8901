/**
 * One line of chips (a list row's skills) that never cuts a chip mid-word: as many whole chips as
 * fit, then "+N" naming the rest (its title shows them; screen readers hear them).
 *
 * Cost: chip widths are measured once per item list (a chip's width does not depend on the pane),
 * in a layout effect before the first paint; after that, one ResizeObserver shared by every row
 * reports width changes and the count is recomputed from the cached widths, so scrolling and
 * typing never measure and a resize reads each row's width once.
 */
import { useLayoutEffect, useRef, useState } from 'react'

/** `.chips` gap in ui.css. */
const GAP = 4

type Listener = (width: number) => void
const listeners = new WeakMap<Element, Listener>()
let shared: ResizeObserver | null = null

function observeWidth(el: Element, listener: Listener): () => void {
  shared ??= new ResizeObserver((entries) => {
    for (const e of entries) listeners.get(e.target)?.(e.contentRect.width)
  })
  listeners.set(el, listener)
  shared.observe(el)
  return () => {
    shared?.unobserve(el)
    listeners.delete(el)
  }
}

/**
 * How many chips fit in `width`: all when they do, else the most that fit beside the "+N" chip.
 * At least one: a single chip wider than the row shrinks with an ellipsis (its title names it).
 */
export function chipsThatFit(width: number, chipWidths: readonly number[], moreWidth: number): number {
  const all = chipWidths.reduce((sum, w, i) => sum + w + (i ? GAP : 0), 0)
  if (all <= width) return chipWidths.length
  let used = moreWidth
  let count = 0
  while (count < chipWidths.length && used + chipWidths[count]! + GAP <= width) used += chipWidths[count++]! + GAP
  return Math.max(1, count)
}

interface Measure {
  key: string
  chips: number[]
  more: number
}

export function ChipRow({ items }: { items: readonly string[] }) {
  const ref = useRef<HTMLSpanElement>(null)
  const measure = useRef<Measure | null>(null)
  const key = items.join('\u0000')
  // `null` until measured: every chip is drawn (with the "+N" chip at its widest) so it can be measured.
  const [shown, setShown] = useState<{ key: string; count: number } | null>(null)
  const count = shown?.key === key ? shown.count : null

  useLayoutEffect(() => {
    const row = ref.current
    if (!row) return
    if (measure.current?.key !== key) {
      const chips = [...row.children] as HTMLElement[]
      const more = chips.pop()
      const width = (el: HTMLElement) => Math.ceil(el.getBoundingClientRect().width)
      measure.current = { key, chips: chips.map(width), more: more ? width(more) : 0 }
    }
    const m = measure.current
    const update = (width: number) => {
      const next = chipsThatFit(width, m.chips, m.more)
      setShown((s) => (s?.key === key && s.count === next ? s : { key, count: next }))
    }
    update(row.clientWidth)
    return observeWidth(row, update)
  }, [key])

  if (!items.length) return null
  const visible = count ?? items.length
  const rest = items.slice(visible)
  const measuring = count === null
  return (
    <span className="chips chip-row" ref={ref} data-measuring={measuring || undefined}>
      {items.map((s, i) => (
        <span key={`${i}-${s}`} className="chip" hidden={i >= visible} title={i === 0 && visible === 1 ? s : undefined}>
          {s}
        </span>
      ))}
      <span className="chip chip-more" hidden={!measuring && !rest.length} title={rest.length ? `Also: ${rest.join(', ')}` : undefined} data-chip-more>
        <span aria-hidden="true">+{measuring ? items.length : rest.length}</span>
        {rest.length ? <span className="sr-only"> more: {rest.join(', ')}</span> : null}
      </span>
    </span>
  )
}
