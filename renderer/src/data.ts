/**
 * A small query layer over api.ts: a query re-runs when its input changes or when any
 * mutation calls `invalidate()`; stale answers are dropped and the last data is kept
 * while a new answer loads, so lists never flash empty. Long lists load page by page
 * (usePagedList).
 */
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { call } from './api'
import type { Channel, Input, Output } from './shared'

export interface DataState {
  version: number
  invalidate: () => void
}
export const DataContext = createContext<DataState>({ version: 0, invalidate: () => {} })

export function useDataVersion(): DataState {
  return useContext(DataContext)
}

export function useInvalidate(): () => void {
  return useContext(DataContext).invalidate
}

export interface Query<T> {
  /** The latest answer; while a new one loads, the previous one (check ids in detail views). */
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

/** Runs `channel` with `input`; pass `null` to skip (e.g. nothing selected). */
export function useQuery<C extends Channel>(channel: C, input: Input<C> | null): Query<Output<C>> {
  const { version } = useDataVersion()
  const [tick, setTick] = useState(0)
  const key = input === null ? null : JSON.stringify(input)
  const request = key === null ? null : `${channel}|${key}|${version}|${tick}`
  const [answer, setAnswer] = useState<{ request: string | null; data: Output<C> | undefined; error: unknown }>({
    request: null,
    data: undefined,
    error: undefined,
  })
  const seq = useRef(0)

  useEffect(() => {
    if (key === null || request === null) return
    const mine = ++seq.current
    call(channel, JSON.parse(key) as Input<C>).then(
      (data) => {
        if (mine === seq.current) setAnswer({ request, data, error: undefined })
      },
      (error: unknown) => {
        if (mine === seq.current) setAnswer((a) => ({ request, data: a.data, error }))
      },
    )
  }, [channel, key, request])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  if (key === null) return { data: undefined, error: undefined, loading: false, reload }
  return { data: answer.data, error: answer.request === request ? answer.error : undefined, loading: answer.request !== request, reload }
}

/** The value after it has stopped changing for `ms` milliseconds (search boxes). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return settled
}

/**
 * Rows of a list by position, some of which may not be loaded yet: what ListBox shows. A plain
 * array is one too (ListBox wraps it).
 */
export interface ListSource<T> {
  /** How many rows the list has in all, loaded or not. */
  count: number
  itemAt: (index: number) => T | undefined
  /** Position of a loaded row, or -1 (not in the list, or not loaded yet). */
  indexOf: (id: string) => number
  /** Rows `start` to `end` (exclusive) are about to be shown: load what is missing. */
  want?: (start: number, end: number) => void
}

/** A list loaded page by page, with the state of its loading (see useQuery). */
export interface PagedList<T> extends ListSource<T> {
  /** The first answer has come (until then `count` is 0 and `total` undefined). */
  ready: boolean
  total: number | undefined
  error: unknown
  /** A new answer for changed input (search, sort, a change elsewhere) is on its way. */
  loading: boolean
  reload: () => void
}

/** List channels that answer `{ items, total }` for a `limit` and an `offset`. */
export type PagedChannel = 'credentials:list' | 'projects:list' | 'skills:list'
export type PageItem<C extends PagedChannel> = Output<C>['items'][number] & { id: string }

/** Rows per request: a screenful many times over, small enough to answer in a few ms at 100,000. */
export const PAGE_SIZE = 200
/** Fetch the next page once the rows shown come this close to the end of what is loaded. */
const PREFETCH_ROWS = 60

interface LoadedPages<T> {
  /** The input (JSON), data version and reload count these pages answer. */
  request: string
  key: string
  total: number
  pages: ReadonlyMap<number, readonly T[]>
}

interface PageAnswer<T> {
  items: readonly T[]
  total: number
}

/**
 * A list channel read page by page: the first page when the input changes, then the pages the
 * list shows (ListBox calls `want`). After a change elsewhere (`invalidate()`), the first page and
 * the pages in view are asked again and swapped in together, so the list never flashes; answers
 * for an older input are dropped.
 */
export function usePagedList<C extends PagedChannel>(channel: C, input: Omit<Input<C>, 'limit' | 'offset'>, pageSize = PAGE_SIZE): PagedList<PageItem<C>> {
  type T = PageItem<C>
  const { version } = useDataVersion()
  const [tick, setTick] = useState(0)
  const key = JSON.stringify(input)
  const request = `${key}|${version}|${tick}`
  const [loaded, setLoaded] = useState<LoadedPages<T> | null>(null)
  const [failure, setFailure] = useState<{ request: string; error: unknown } | null>(null)
  /** The request answers must belong to, and the pages shown, read by the effect below. */
  const live = useRef({ request, key })
  const shown = useRef(loaded)
  useLayoutEffect(() => {
    shown.current = loaded
  }, [loaded])
  const wanted = useRef({ start: 0, end: pageSize })
  const inFlight = useRef(new Set<string>())

  const fetchPage = useCallback(
    (req: string, inputKey: string, page: number): Promise<PageAnswer<T> | null> => {
      const asked = { ...(JSON.parse(inputKey) as object), limit: pageSize, offset: page * pageSize } as Input<C>
      return call(channel, asked).then(
        (answer) => answer as PageAnswer<T>,
        (error: unknown) => {
          if (live.current.request === req) setFailure({ request: req, error })
          return null
        },
      )
    },
    [channel, pageSize],
  )

  useEffect(() => {
    live.current.request = request
    live.current.key = key
    const previous = shown.current
    // Same input (a change elsewhere, a reload): refresh the pages in view too, not just the first.
    const pages = new Set([0])
    if (previous?.key === key) {
      const end = Math.min(wanted.current.end, previous.total)
      for (let p = Math.floor(wanted.current.start / pageSize); p * pageSize < end; p++) pages.add(p)
    }
    const list = [...pages]
    void Promise.all(list.map((p) => fetchPage(request, key, p))).then((answers) => {
      if (live.current.request !== request || answers.some((a) => a === null)) return
      const map = new Map<number, readonly T[]>()
      answers.forEach((a, i) => map.set(list[i]!, a!.items))
      setLoaded({ request, key, total: answers[0]!.total, pages: map })
      setFailure(null)
    })
  }, [request, key, fetchPage, pageSize])

  const want = useCallback(
    (start: number, end: number) => {
      wanted.current = { start, end }
      // While a new answer is on its way the list asks again once it lands (a new `want`).
      if (!loaded || loaded.request !== live.current.request) return
      const last = Math.min(end + PREFETCH_ROWS, loaded.total)
      for (let p = Math.floor(start / pageSize); p * pageSize < last; p++) {
        const tag = `${loaded.request}#${p}`
        if (loaded.pages.has(p) || inFlight.current.has(tag)) continue
        inFlight.current.add(tag)
        void fetchPage(loaded.request, loaded.key, p).then((answer) => {
          inFlight.current.delete(tag)
          if (!answer) return
          setLoaded((now) => (now && now.request === loaded.request ? { ...now, total: answer.total, pages: new Map(now.pages).set(p, answer.items) } : now))
        })
      }
    },
    [loaded, fetchPage, pageSize],
  )

  const reload = useCallback(() => setTick((t) => t + 1), [])
  const error = failure && failure.request === request ? failure.error : undefined
  const loading = loaded?.request !== request
  return useMemo(() => {
    const positions = new Map<string, number>()
    for (const [p, items] of loaded?.pages ?? []) items.forEach((item, i) => positions.set(item.id, p * pageSize + i))
    return {
      ready: loaded !== null,
      total: loaded?.total,
      count: loaded?.total ?? 0,
      itemAt: (index: number) => loaded?.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
      indexOf: (id: string) => positions.get(id) ?? -1,
      want,
      error,
      loading,
      reload,
    }
  }, [loaded, pageSize, want, error, loading, reload])
}
