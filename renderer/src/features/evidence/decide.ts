/**
 * Confirming or rejecting a skill inferred from a job title (`evidence:decide`), shared by
 * the gap analysis and the Profile screen: the call, a reload of every query (fit, gap,
 * inferences), a toast, and focus that follows the button the decision replaced.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useChange } from '../../change'
import type { ExperienceInference, InferenceDecision } from '../../shared'

export interface DecideRequest {
  experienceId: string
  skillKey: string
  decision: InferenceDecision
}

/** `decide(request)` answers the work entry's inferences, or null when the call failed (a toast says why). */
export function useDecide(): { decide: (request: DecideRequest) => Promise<ExperienceInference | null>; busy: string | null } {
  const { run, busy } = useChange('evidence:decide')
  const decide = useCallback((request: DecideRequest) => run(request, `${request.experienceId}|${request.skillKey}`), [run])
  return { decide, busy }
}

/**
 * Moves focus to the element with `data-focus-key="<key>"` once it is rendered (after the data
 * reloads), so a keyboard user lands on the Undo that replaced the Confirm they pressed. The
 * effect runs after every render and retries briefly until the element is there.
 */
export function useFocusLater(): (key: string) => void {
  const wanted = useRef<{ key: string; until: number } | null>(null)
  const [, setTick] = useState(0)
  useEffect(() => {
    const w = wanted.current
    if (!w) return
    const el = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(w.key)}"]`)
    if (el && !el.hasAttribute('disabled')) {
      el.focus()
      wanted.current = null
      return
    }
    if (Date.now() > w.until) {
      wanted.current = null
      return
    }
    const t = setTimeout(() => setTick((n) => n + 1), 60)
    return () => clearTimeout(t)
  })
  return useCallback((key: string) => {
    wanted.current = { key, until: Date.now() + 3000 }
    setTick((n) => n + 1)
  }, [])
}
