/**
 * A keyboard-friendly list: one Tab stop; Up/Down/Home/End move the highlight, Enter (or a
 * click) opens the highlighted item. The open item is aria-selected.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

export interface ListBoxProps<T> {
  items: readonly T[]
  getId: (item: T) => string
  selectedId: string | null
  onOpen: (id: string, how: 'keyboard' | 'pointer') => void
  renderItem: (item: T, state: { selected: boolean; active: boolean }) => ReactNode
  label: string
  busy?: boolean
}

export function ListBox<T>({ items, getId, selectedId, onOpen, renderItem, label, busy }: ListBoxProps<T>) {
  const baseId = useId()
  const ref = useRef<HTMLUListElement>(null)
  const [active, setActive] = useState<string | null>(selectedId)
  const [seenSelected, setSeenSelected] = useState(selectedId)
  if (seenSelected !== selectedId) {
    // Opening an item elsewhere (URL, Back) moves the highlight to it.
    setSeenSelected(selectedId)
    if (selectedId) setActive(selectedId)
  }
  const ids = items.map(getId)
  const activeId = active && ids.includes(active) ? active : selectedId && ids.includes(selectedId) ? selectedId : (ids[0] ?? null)

  useEffect(() => {
    if (!activeId) return
    const el = ref.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(activeId)}"]`)
    el?.scrollIntoView({ block: 'nearest' })
  }, [activeId])

  const optionId = (id: string) => `${baseId}-${id}`

  return (
    <ul
      ref={ref}
      className="listbox"
      role="listbox"
      aria-label={label}
      aria-busy={busy || undefined}
      tabIndex={0}
      aria-activedescendant={activeId ? optionId(activeId) : undefined}
      onKeyDown={(e) => {
        if (!ids.length) return
        const i = activeId ? ids.indexOf(activeId) : -1
        let next: string | undefined
        if (e.key === 'ArrowDown') next = ids[Math.min(ids.length - 1, i + 1)]
        else if (e.key === 'ArrowUp') {
          if (i <= 0) {
            const search = ref.current?.closest('.list-pane')?.querySelector<HTMLElement>('[data-search]')
            if (search) {
              e.preventDefault()
              search.focus()
              return
            }
          }
          next = ids[Math.max(0, i - 1)]
        } else if (e.key === 'Home') next = ids[0]
        else if (e.key === 'End') next = ids[ids.length - 1]
        else if (e.key === 'Enter' || e.key === ' ') {
          if (activeId) {
            e.preventDefault()
            onOpen(activeId, 'keyboard')
          }
          return
        } else return
        e.preventDefault()
        if (next) setActive(next)
      }}
    >
      {items.map((item) => {
        const id = getId(item)
        const selected = id === selectedId
        const isActive = id === activeId
        return (
          <li
            key={id}
            id={optionId(id)}
            data-id={id}
            role="option"
            aria-selected={selected}
            className={['listbox-item', selected ? 'is-selected' : '', isActive ? 'is-active' : ''].filter(Boolean).join(' ')}
            onMouseDown={(e) => e.preventDefault() /* keep focus on the list, not the item */}
            onClick={() => {
              setActive(id)
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
