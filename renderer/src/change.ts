/**
 * One change through the contract, the way every review list makes it: the call, a reload of
 * every query, a toast saying why when it fails, and which row is busy meanwhile.
 */
import { useCallback, useState } from 'react'
import { call, errorMessage } from './api'
import { useInvalidate } from './data'
import type { Channel, Input, Output } from './shared'
import { useToast } from './ui/Toast'

export interface Change<C extends Channel> {
  /**
   * Answers the channel's output, or null when the call failed (a toast says why). `onAnswer`
   * runs before the queries reload, so rows on screen can take the answer before new lists arrive.
   */
  run: (input: Input<C>, busyKey: string, onAnswer?: (answer: Output<C>) => void) => Promise<Output<C> | null>
  /** The `busyKey` of the call under way, if any. */
  busy: string | null
}

export function useChange<C extends Channel>(channel: C): Change<C> {
  const invalidate = useInvalidate()
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)
  const run = useCallback(
    async (input: Input<C>, busyKey: string, onAnswer?: (answer: Output<C>) => void) => {
      setBusy(busyKey)
      try {
        const answer = await call(channel, input)
        onAnswer?.(answer)
        invalidate()
        return answer
      } catch (error) {
        toast.show(`Not changed: ${errorMessage(error)}`, 'error')
        return null
      } finally {
        setBusy(null)
      }
    },
    [channel, invalidate, toast],
  )
  return { run, busy }
}
