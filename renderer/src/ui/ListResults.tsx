/**
 * The scrolling body of a list pane, the same on every list screen: an error with Retry, a
 * spinner on first load, "No matches" with a way to clear the search, or the keyboard list whose
 * items open in the detail pane (Enter moves focus there too). The rows come from a query's
 * array (`query` + `items`) or from a list loaded page by page (`paged`, usePagedList).
 */
import type { ReactNode } from 'react'
import type { PagedList, Query } from '../data'
import { navigate } from '../router'
import { EmptyState } from './EmptyState'
import { ErrorBanner, Loading } from './Feedback'
import { focusDetail } from './focus'
import { ListBox } from './ListBox'

/** Every row at once from a query, or page by page. */
export type ListRows<T> = { query: Query<unknown>; items: readonly T[]; paged?: never } | { paged: PagedList<T>; query?: never; items?: never }

export type ListResultsProps<T> = ListRows<T> & {
  label: string
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

export function ListResults<T>({ label, query, items, paged, getId, selectedId, renderItem, noMatches, onClear, openParams }: ListResultsProps<T>) {
  const state = paged ?? query
  const ready = paged ? paged.ready : query.data !== undefined
  const rows = paged ?? items
  const count = paged ? paged.count : items.length
  return (
    <div className="list-scroll">
      {state.error && !ready ? <ErrorBanner error={state.error} onRetry={state.reload} /> : null}
      {!ready && state.loading ? <Loading /> : null}
      {ready && !count ? (
        <EmptyState compact icon="search" title="No matches">
          {noMatches}{' '}
          <button type="button" className="link-button" onClick={onClear}>
            Clear the search
          </button>
        </EmptyState>
      ) : null}
      {count ? (
        <ListBox
          label={label}
          items={rows}
          getId={getId}
          selectedId={selectedId}
          busy={state.loading}
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
