/**
 * Toasts for "Saved" / "Deleted", read out by live regions that are always in the document so
 * screen readers pick up every new message: a polite status region, and an alert region for
 * errors. They sit in the sidebar's empty band between the sections and Settings (ui.css), so
 * they never cover a button of the screen.
 *
 * How long: a plain confirmation goes after 4 s (not while the pointer or the focus is on it).
 * An error, or a toast that carries an action ("Open" after saving a PDF), stays until it is
 * dismissed (its close button, or Escape while it has the focus), so it can be read and reached
 * by Tab at any pace; at most two toasts show, and a new one replaces the oldest confirmation first.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Icon } from './Icon'

type Tone = 'success' | 'error' | 'info'
export interface ToastAction {
  label: string
  run: () => void
}
interface ToastItem {
  id: number
  message: string
  tone: Tone
  action?: ToastAction
}

interface ToastApi {
  show: (message: string, tone?: Tone, action?: ToastAction) => void
}

/** How long a plain confirmation stays, in ms. */
const SHOWN_MS = 4000
const MAX_SHOWN = 2

const ToastContext = createContext<ToastApi>({ show: () => {} })

export function useToast(): ToastApi {
  return useContext(ToastContext)
}

/** Whether a toast stays until dismissed: errors, and toasts with something to do. */
const stays = (t: ToastItem) => t.tone === 'error' || Boolean(t.action)

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const next = useRef(1)

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), [])

  const show = useCallback((message: string, tone: Tone = 'success', action?: ToastAction) => {
    const id = next.current++
    const item: ToastItem = action ? { id, message, tone, action } : { id, message, tone }
    setItems((list) => {
      const all = [...list, item]
      while (all.length > MAX_SHOWN) {
        const passing = all.findIndex((t) => !stays(t))
        all.splice(passing >= 0 && passing < all.length - 1 ? passing : 0, 1)
      }
      return all
    })
  }, [])
  const api = useMemo(() => ({ show }), [show])

  const view = (t: ToastItem) => <ToastView key={t.id} item={t} onDismiss={dismiss} />
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div className="toast-region" role="status" aria-live="polite" aria-atomic="false">
          {items.filter((t) => t.tone !== 'error').map(view)}
        </div>
        <div className="toast-region" role="alert" aria-atomic="false">
          {items.filter((t) => t.tone === 'error').map(view)}
        </div>
      </div>
    </ToastContext.Provider>
  )
}

function ToastView({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  const box = useRef<HTMLDivElement>(null)
  // Where the focus came from, to go back there when the toast closes under it.
  const cameFrom = useRef<HTMLElement | null>(null)
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const timed = !stays(item)

  useEffect(() => {
    if (!timed || hovered || focused) return
    // Pointer or focus leaving starts the full time again.
    const timer = setTimeout(() => onDismiss(item.id), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [timed, hovered, focused, item.id, onDismiss])

  const close = () => {
    const back = cameFrom.current
    if (box.current?.contains(document.activeElement) && back?.isConnected) back.focus()
    onDismiss(item.id)
  }

  return (
    <div
      ref={box}
      className={`toast toast-${item.tone}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={(e) => {
        if (!box.current?.contains(e.relatedTarget)) cameFrom.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null
        setFocused(true)
      }}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget)) setFocused(false)
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        e.stopPropagation()
        close()
      }}
    >
      <Icon name={item.tone === 'error' ? 'alert' : item.tone === 'success' ? 'check' : 'sparkles'} />
      <span className="toast-message">{item.message}</span>
      {item.action ? (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            close()
            item.action!.run()
          }}
        >
          {item.action.label}
        </button>
      ) : null}
      <button type="button" className="toast-close" aria-label="Dismiss" title="Dismiss (Esc)" onClick={close}>
        <Icon name="x" size={14} />
      </button>
    </div>
  )
}
