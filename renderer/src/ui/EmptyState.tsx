import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon'

export function EmptyState({
  icon,
  title,
  children,
  actions,
  compact,
}: {
  icon: IconName
  title: string
  children?: ReactNode
  actions?: ReactNode
  compact?: boolean
}) {
  return (
    <div className={compact ? 'empty empty-compact' : 'empty'}>
      <div className="empty-icon">
        <Icon name={icon} size={compact ? 20 : 26} />
      </div>
      <h2 className="empty-title">{title}</h2>
      {children ? <div className="empty-body">{children}</div> : null}
      {actions ? <div className="empty-actions">{actions}</div> : null}
    </div>
  )
}
