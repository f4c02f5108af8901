/**
 * A keyboard-friendly list: one Tab stop; Up/Down/Home/End/PageUp/PageDown move the highlight,
 * Enter (or a click) opens the highlighted item. The open item is aria-selected.
 *
 * Long lists are windowed: only the rows in view (plus a few either side) and the highlighted
 * row are in the page, each placed at `index × row height`, so 100,000 rows cost what 30 do.
 * Rows are given one height, the tallest seen so far (measured after each render), so a row
 * with an extra badge line never overlaps the next. Rows not loaded yet (a paged source) show a
 * placeholder until their page arrives. Every option says its place (aria-posinset/setsize).
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ListSource } from '../data'

export interface ListBoxProps<T> {
  /** The rows: an array, or a source that loads them page by page (usePagedList). */
  items: readonly T[] | ListSource<T>
  getId: (item: T) => string
  selectedId: string | null
  onOpen: (id: string, how: 'keyboard' | 'pointer') => void
  renderItem: (item: T, state: { selected: boolean; active: boolean }) => ReactNode
  label: string
  busy?: boolean
}

/** Lists longer than this render only the rows in view; shorter ones render every row as it is. */
const WINDOW_FROM = 120
/** Rows rendered beyond each edge of the view, so fast scrolling rarely shows blank space. */
const OVERSCAN = 8
/** The `.listbox` gap between rows (ui.css). */
const GAP = 1
/** A first guess at a row's height, replaced by the measured one before the first paint. */
const ROW_GUESS = 40

interface Active {
  /** The highlighted row's id, or null when it is not loaded yet (a jump with End). */
  id: string | null
  /** Where it was when highlighted (-1: unknown). */
  index: number
}

function arraySource<T>(items: readonly T[], getId: (item: T) => string): ListSource<T> {
  let positions: Map<string, number> | null = null
  return {
    count: items.length,
    itemAt: (index) => items[index],
    indexOf: (id) => {
      positions ??= new Map(items.map((item, i) => [getId(item), i]))
      return positions.get(id) ?? -1
    },
  }
}

const isSource = <T,>(items: readonly T[] | ListSource<T>): items is ListSource<T> => !Array.isArray(items)

/** Where the open item was, so a reload or coming back finds it without loading every page before it. */
const placeKey = (label: string) => `skillfolio:list-place:${label}`
function rememberPlace(label: string, id: string, index: number): void {
  try {
    sessionStorage.setItem(placeKey(label), JSON.stringify({ id, index }))
  } catch {
    // Storage full or off: the list still opens at the top.
  }
}
function recallPlace(label: string, id: string): number {
  try {
    const place = JSON.parse(sessionStorage.getItem(placeKey(label)) ?? 'null') as { id?: unknown; index?: unknown } | null
    return place?.id === id && typeof place.index === 'number' ? place.index : -1
  } catch {
    return -1
  }
}

/** The nearest ancestor (or the list itself) that scrolls. */
function scrollerOf(el: HTMLElement): HTMLElement {
  for (let node: HTMLElement | null = el; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return node
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : document.documentElement
}

/** The list's top inside the scroller's content. */
function listTop(scroller: HTMLElement, list: HTMLElement): number {
  if (scroller === list) return 0
  if (scroller === document.scrollingElement) return list.getBoundingClientRect().top + scroller.scrollTop
  return list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n))

export function ListBox<T>({ items, getId, selectedId, onOpen, renderItem, label, busy }: ListBoxProps<T>) {
  const baseId = useId()
  const ref = useRef<HTMLUListElement>(null)
  const source = useMemo(() => (isSource(items) ? items : arraySource(items, getId)), [items, getId])
  const count = source.count
  const windowed = count > WINDOW_FROM

  const [active, setActive] = useState<Active | null>(() => (selectedId ? { id: selectedId, index: recallPlace(label, selectedId) } : null))
  const [seenSelected, setSeenSelected] = useState(selectedId)
  if (seenSelected !== selectedId) {
    // Opening an item elsewhere (URL, Back) moves the highlight to it.
    setSeenSelected(selectedId)
    if (selectedId) {
      const at = source.indexOf(selectedId)
      setActive({ id: selectedId, index: at >= 0 ? at : recallPlace(label, selectedId) })
    }
  }

  const activeIndex = ((): number => {
    if (!count) return -1
    if (active) {
      if (active.id !== null) {
        const at = source.indexOf(active.id)
        if (at >= 0) return at
      }
      // Not loaded yet: stay where it was asked for until its page comes.
      if (active.index >= 0 && active.index < count && (active.id === null || source.itemAt(active.index) === undefined)) return active.index
    }
    const at = selectedId ? source.indexOf(selectedId) : -1
    return at >= 0 ? at : 0
  })()
  const activeItem = activeIndex >= 0 ? source.itemAt(activeIndex) : undefined
  const activeId = activeItem === undefined ? null : getId(activeItem)
  const selectedIndex = selectedId ? source.indexOf(selectedId) : -1

  useEffect(() => {
    if (selectedId && selectedIndex >= 0) rememberPlace(label, selectedId, selectedIndex)
  }, [label, selectedId, selectedIndex])

  // Row height: the tallest rendered row so far (rows get it as their min-height, so it only grows).
  const [rowHeight, setRowHeight] = useState(0)
  const pitch = (rowHeight || ROW_GUESS) + GAP
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 40) })
  const updateRange = useRef<() => void>(() => {})


  useLayoutEffect(() => {
    const list = ref.current
    if (!windowed || !list) return
    const sc = scrollerOf(list)
    const update = () => {
      const from = sc.scrollTop - listTop(sc, list)
      const start = clamp(Math.floor(from / pitch) - OVERSCAN, 0, count)
      const end = clamp(Math.ceil((from + sc.clientHeight) / pitch) + OVERSCAN, start, count)
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }))
    }
    updateRange.current = update
    update()
    const target = sc === document.scrollingElement ? window : sc
    target.addEventListener('scroll', update, { passive: true })
    const resize = new ResizeObserver(update)
    resize.observe(sc)
    return () => {
      target.removeEventListener('scroll', update)
      resize.disconnect()
    }
  }, [windowed, pitch, count])

  // Bring the highlighted row into view; in a long list centred at first (until rows are
  // measured), so a reload shows the open item with the rows around it.
  const centred = useRef(false)
  useLayoutEffect(() => {
    const list = ref.current
    if (activeIndex < 0 || !list) return
    if (!windowed) {
      list.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' })
      return
    }
    const centre = !centred.current
    if (rowHeight) centred.current = true
    const sc = scrollerOf(list)
    const top = listTop(sc, list) + activeIndex * pitch
    const bottom = top + pitch - GAP
    const view = sc.clientHeight
    if (centre) sc.scrollTop = top - (view - pitch) / 2
    else if (top < sc.scrollTop) sc.scrollTop = top - 4
    else if (bottom > sc.scrollTop + view) sc.scrollTop = bottom - view + 4
    updateRange.current()
  }, [activeIndex, windowed, pitch, rowHeight])

  const start = windowed ? Math.min(range.start, count) : 0
  const end = windowed ? Math.min(range.end, count) : count
  useLayoutEffect(() => {
    if (!windowed || !ref.current) return
    let tallest = rowHeight
    for (const li of ref.current.children) if (li instanceof HTMLElement) tallest = Math.max(tallest, li.offsetHeight)
    if (tallest > rowHeight) setRowHeight(tallest)
  }, [windowed, rowHeight, start, end, activeIndex, source])
  useEffect(() => {
    // The window last: a paged source refreshes the range it was last asked for after a change.
    if (activeIndex >= 0 && (activeIndex < start || activeIndex >= end)) source.want?.(activeIndex, activeIndex + 1)
    source.want?.(start, end)
  }, [source, start, end, activeIndex])

  // The rows in the page: the window, and the highlighted row wherever it is (aria-activedescendant names it).
  const indexes: number[] = []
  if (activeIndex >= 0 && activeIndex < start) indexes.push(activeIndex)
  for (let i = start; i < end; i++) indexes.push(i)
  if (activeIndex >= end) indexes.push(activeIndex)

  const optionId = (index: number) => `${baseId}-${index}`
  const move = (to: number) => {
    const index = clamp(to, 0, count - 1)
    const item = source.itemAt(index)
    setActive({ id: item === undefined ? null : getId(item), index })
  }
  /** Rows that fit in the scroller, less one so a page keeps one row of context. */
  const rowsPerPage = () => {
    const list = ref.current
    if (!list) return 1
    const sc = scrollerOf(list)
    const rowPitch = windowed ? pitch : list.offsetHeight / Math.max(1, count)
    return Math.max(1, Math.floor(sc.clientHeight / rowPitch) - 1)
  }

  return (
    <ul
      ref={ref}
      className={windowed ? 'listbox is-windowed' : 'listbox'}
      style={windowed ? { height: count * pitch - GAP } : undefined}
      role="listbox"
      aria-label={label}
      aria-busy={busy || undefined}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
      onKeyDown={(e) => {
        if (!count) return
        const i = activeIndex
        if (e.key === 'ArrowDown') move(i + 1)
        else if (e.key === 'ArrowUp') {
          if (i <= 0) {
            const search = ref.current?.closest('.list-pane')?.querySelector<HTMLElement>('[data-search]')
            if (search) {
              e.preventDefault()
              search.focus()
              return
            }
          }
          move(i - 1)
        } else if (e.key === 'Home') move(0)
        else if (e.key === 'End') move(count - 1)
        else if (e.key === 'PageDown') move(i + rowsPerPage())
        else if (e.key === 'PageUp') move(i - rowsPerPage())
        else if (e.key === 'Enter' || e.key === ' ') {
          if (activeId) {
            e.preventDefault()
            onOpen(activeId, 'keyboard')
          }
          return
        } else return
        e.preventDefault()
      }}
    >
      {indexes.map((index) => {
        const item = source.itemAt(index)
        const place = windowed ? { top: index * pitch, minHeight: rowHeight || undefined } : undefined
        const isActive = index === activeIndex
        if (item === undefined) {
          return (
            <li
              key={`@${index}`}
              id={optionId(index)}
              data-index={index}
              role="option"
              aria-selected={false}
              aria-setsize={count}
              aria-posinset={index + 1}
              className={['listbox-item is-loading', isActive ? 'is-active' : ''].filter(Boolean).join(' ')}
              style={place}
            >
              <span className="listbox-loading">Loading…</span>
            </li>
          )
        }
        const id = getId(item)
        const selected = id === selectedId
        return (
          <li
            key={id}
            id={optionId(index)}
            data-id={id}
            data-index={index}
            role="option"
            aria-selected={selected}
            aria-setsize={count}
            aria-posinset={index + 1}
            className={['listbox-item', selected ? 'is-selected' : '', isActive ? 'is-active' : ''].filter(Boolean).join(' ')}
            style={place}
            onMouseDown={(e) => e.preventDefault() /* keep focus on the list, not the item */}
            onClick={() => {
              setActive({ id, index })
              ref.current?.focus()
              onOpen(id, 'pointer')
            }}
          >
            {renderItem(item, { selected, active: isActive })}
          </li>
        )
      })}
    </ul>
  )
}
