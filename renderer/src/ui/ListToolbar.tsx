/**
 * The head of a list pane: title with a count, the Add button, a search box (Ctrl/Cmd+F
 * focuses it), sort / filter selects and a line saying in words which order is on.
 */
import { useId, type ReactNode } from 'react'
import { Button, MOD } from './Button'
import { Icon } from './Icon'
import { Select, type SelectOption } from './Field'

export interface ListToolbarProps {
  title: string
  count?: number | undefined
  search: string
  onSearch: (text: string) => void
  searchLabel: string
  searchPlaceholder?: string
  /** `describe` says the order in words ("Sorted by date earned, newest first"); without it, the option's label is used. */
  sort?: { value: string; options: readonly SelectOption[]; onChange: (v: string) => void; describe?: (value: string) => string }
  filter?: { label: string; value: string; options: readonly SelectOption[]; onChange: (v: string) => void }
  addLabel?: string
  onAdd?: () => void
  extra?: ReactNode
}

/** "Sorted by …" for a sort without its own words: the chosen option's label, without a "Sort:" prefix. */
function sortedBy(sort: NonNullable<ListToolbarProps['sort']>): string {
  if (sort.describe) return sort.describe(sort.value)
  const label = sort.options.find((o) => o.value === sort.value)?.label.replace(/^Sort:\s*/i, '') ?? sort.value
  return `Sorted by ${label.charAt(0).toLowerCase()}${label.slice(1)}`
}

export function ListToolbar({ title, count, search, onSearch, searchLabel, searchPlaceholder, sort, filter, addLabel, onAdd, extra }: ListToolbarProps) {
  const sortNoteId = useId()
  return (
    <div className="list-toolbar">
      <div className="list-toolbar-head">
        <h1 className="pane-title">
          {title}
          {count !== undefined ? <span className="pane-count">{count.toLocaleString('en-US')}</span> : null}
        </h1>
        {extra}
        {onAdd ? (
          <Button size="sm" variant="primary" icon="plus" onClick={onAdd} title={`${addLabel ?? 'Add'} (${MOD}N)`}>
            {addLabel ?? 'Add'}
          </Button>
        ) : null}
      </div>
      <div className="search">
        <Icon name="search" className="search-icon" />
        <input
          type="search"
          className="input search-input"
          data-search
          aria-label={searchLabel}
          placeholder={searchPlaceholder ?? 'Search'}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search) {
              e.stopPropagation()
              onSearch('')
            }
            if (e.key === 'ArrowDown') {
              // Into the list, like Mail and Linear.
              const list = e.currentTarget.closest('.list-pane')?.querySelector<HTMLElement>('[role="listbox"]')
              if (list) {
                e.preventDefault()
                list.focus()
              }
            }
          }}
        />
        <kbd className="search-kbd" aria-hidden="true">
          {MOD}F
        </kbd>
        {search ? (
          <button type="button" className="search-clear" aria-label="Clear search" title="Clear search (Esc)" onClick={() => onSearch('')}>
            <Icon name="x" size={14} />
          </button>
        ) : null}
      </div>
      {sort || filter ? (
        <div className="list-toolbar-controls">
          {filter ? <Select label={filter.label} hideLabel value={filter.value} options={filter.options} onChange={filter.onChange} /> : null}
          {sort ? <Select label="Sort by" hideLabel value={sort.value} options={sort.options} onChange={sort.onChange} aria-describedby={sortNoteId} /> : null}
        </div>
      ) : null}
      {sort ? (
        <p className="list-sort-note" id={sortNoteId} data-sort-note>
          {sortedBy(sort)}
        </p>
      ) : null}
    </div>
  )
}
