/**
 * A small query layer over api.ts: a query re-runs when its input changes or when any
 * mutation calls `invalidate()`; stale answers are dropped and the last data is kept
 * while a new answer loads, so lists never flash empty.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
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
