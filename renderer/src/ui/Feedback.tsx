/** Small status pieces: an error banner with a retry, a loading line, badges and chips. */
import type { ReactNode } from 'react'
import { ApiError, errorMessage } from '../api'
import { Button } from './Button'
import { Icon, type IconName } from './Icon'

export function ErrorBanner({ error, onRetry, title = 'This could not be loaded' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="alert" />
      <div className="banner-text">
        <strong>{title}.</strong> {errorMessage(error)}
      </div>
      {onRetry && !(error instanceof ApiError && error.code === 'NOT_FOUND') ? (
        <Button size="sm" variant="ghost" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  )
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  )
}

export function Badge({ tone = 'neutral', icon, children }: { tone?: 'neutral' | 'accent' | 'warning' | 'danger' | 'success'; icon?: IconName; children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`}>
      {icon ? <Icon name={icon} size={12} /> : null}
      {children}
    </span>
  )
}

export function Chips({ items, max = 4 }: { items: readonly string[]; max?: number }) {
  if (!items.length) return null
  const shown = items.slice(0, max)
  return (
    <span className="chips">
      {shown.map((s) => (
        <span key={s} className="chip">
          {s}
        </span>
      ))}
      {items.length > max ? <span className="chip chip-more">+{items.length - max}</span> : null}
    </span>
  )
}
