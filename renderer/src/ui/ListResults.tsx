/**
 * The scrolling body of a list pane, the same on every list screen: an error with Retry, a
 * spinner on first load, "No matches" with a way to clear the search, or the keyboard list whose
 * items open in the detail pane (Enter moves focus there too).
 */
import type { ReactNode } from 'react'
import type { Query } from '../data'
import { navigate } from '../router'
import { EmptyState } from './EmptyState'
import { ErrorBanner, Loading } from './Feedback'
import { focusDetail } from './focus'
import { ListBox } from './ListBox'

export interface ListResultsProps<T> {
  label: string
  query: Query<unknown>
  items: readonly T[]
  getId: (item: T) => string
  selectedId: string | null
  renderItem: (item: T) => ReactNode
  /** Why nothing is listed ("Nothing matches “sql”."). */
  noMatches: ReactNode
  /** Clears the search and filters. */
  onClear: () => void
  /** Route params to set when an item opens (e.g. to reset a sub-view). */
  openParams?: Record<string, string>
}

export function ListResults<T>({ label, query, items, getId, selectedId, renderItem, noMatches, onClear, openParams }: ListResultsProps<T>) {
  return (
    <div className="list-scroll">
      {query.error && !query.data ? <ErrorBanner error={query.error} onRetry={query.reload} /> : null}
      {!query.data && query.loading ? <Loading /> : null}
      {query.data && !items.length ? (
        <EmptyState compact icon="search" title="No matches">
          {noMatches}{' '}
          <button type="button" className="link-button" onClick={onClear}>
            Clear the search
          </button>
        </EmptyState>
      ) : null}
      {items.length ? (
        <ListBox
          label={label}
          items={items}
          getId={getId}
          selectedId={selectedId}
          busy={query.loading}
          onOpen={(id, how) => {
            navigate(openParams ? { id, params: openParams } : { id })
            if (how === 'keyboard') focusDetail(id)
          }}
          renderItem={renderItem}
        />
      ) : null}
    </div>
  )
}
