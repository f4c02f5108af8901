/**
 * Toasts for "Saved" / "Deleted" and a polite live region that reads them out. The region
 * is always in the document so screen readers pick up every new message. A toast may carry one
 * action ("Open" after saving a PDF); it then stays longer, so there is time to reach it by Tab.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
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

const ToastContext = createContext<ToastApi>({ show: () => {} })

export function useToast(): ToastApi {
  return useContext(ToastContext)
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const next = useRef(1)

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), [])

  const show = useCallback(
    (message: string, tone: Tone = 'success', action?: ToastAction) => {
      const id = next.current++
      setItems((list) => [...list.slice(-2), action ? { id, message, tone, action } : { id, message, tone }])
      setTimeout(() => dismiss(id), action ? 12_000 : tone === 'error' ? 8000 : 4000)
    },
    [dismiss],
  )
  const api = useMemo(() => ({ show }), [show])

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-atomic="false">
        {items.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <Icon name={t.tone === 'error' ? 'alert' : t.tone === 'success' ? 'check' : 'sparkles'} />
            <span className="toast-message">{t.message}</span>
            {t.action ? (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  dismiss(t.id)
                  t.action!.run()
                }}
              >
                {t.action.label}
              </button>
            ) : null}
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              <Icon name="x" size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}
