/** Structural pieces shared by the list/detail screens. */
import type { ReactNode, Ref } from 'react'

export function ListPane({ children, label }: { children: ReactNode; label: string }) {
  return (
    <section className="list-pane" aria-label={label}>
      {children}
    </section>
  )
}

export function DetailPane({ children, label, ref }: { children: ReactNode; label: string; ref?: Ref<HTMLElement> }) {
  return (
    <section className="detail-pane" aria-label={label} ref={ref} tabIndex={-1}>
      <div className="detail-inner">{children}</div>
    </section>
  )
}

export function DetailHeader({ eyebrow, title, subtitle, actions, badges, media }: { eyebrow?: ReactNode; title: string; subtitle?: ReactNode; actions?: ReactNode; badges?: ReactNode; media?: ReactNode }) {
  return (
    <header className="detail-header">
      {media ? <div className="detail-media">{media}</div> : null}
      <div className="detail-heading">
        {eyebrow ? <div className="detail-eyebrow">{eyebrow}</div> : null}
        <h2 className="detail-title" tabIndex={-1} data-detail-title>
          {title}
        </h2>
        {subtitle ? <div className="detail-subtitle">{subtitle}</div> : null}
        {badges ? <div className="detail-badges">{badges}</div> : null}
      </div>
      {actions ? <div className="detail-actions">{actions}</div> : null}
    </header>
  )
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="section">
      <div className="section-head">
        <h3 className="section-title">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  )
}

export interface Property {
  label: string
  value: ReactNode
}

/** A definition list of label/value pairs; empty values are left out. */
export function Properties({ items }: { items: Property[] }) {
  const shown = items.filter((p) => p.value !== null && p.value !== undefined && p.value !== '')
  if (!shown.length) return null
  return (
    <dl className="props">
      {shown.map((p) => (
        <div className="prop" key={p.label}>
          <dt>{p.label}</dt>
          <dd>{p.value}</dd>
        </div>
      ))}
    </dl>
  )
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>
}
