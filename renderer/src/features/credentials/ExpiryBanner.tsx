/**
 * Expiry reminders at the top of the window: earned credentials that expire within the
 * `expiryReminderDays` setting (the core decides which; shared/reminders.ts), each a link to
 * the credential, plus the whole list sorted by expiry. Dismissing hides it for this run of the
 * app only (sessionStorage), so the next start reminds again. It sits in the page flow, so it
 * pushes the screen down and never covers an action.
 */
import { useId, useState } from 'react'
import { useQuery } from '../../data'
import { formatDate } from '../../format'
import { formatRoute } from '../../router'
import { daysLeftWords, expirySummary } from '../../../../electron/shared/reminders'
import { Button } from '../../ui/Button'
import { Icon } from '../../ui/Icon'
import '../../styles/expiry.css'

const DISMISSED_KEY = 'skillfolio.expiryBanner.dismissed'
/** More than this are left to "Show all". */
const LISTED = 3

const hrefOf = (id: string | null, params: Record<string, string> = {}) => formatRoute({ screen: 'credentials', id, edit: false, params })

function storedDismissal(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === '1'
  } catch {
    return false // storage unavailable: the banner shows, and Dismiss still hides it for now
  }
}

export function ExpiryBanner() {
  const [dismissed, setDismissed] = useState(storedDismissal)
  const reminders = useQuery('reminders:expiring', dismissed ? null : {})
  const id = useId()
  const items = reminders.data?.items ?? []
  if (dismissed || items.length === 0) return null

  const dismiss = () => {
    setDismissed(true)
    try {
      sessionStorage.setItem(DISMISSED_KEY, '1')
    } catch {
      // Hidden for now; a reload shows it again.
    }
  }
  const days = reminders.data!.days
  const more = items.length - LISTED

  return (
    <section className="expiry-banner" role="status" aria-labelledby={`${id}-title`}>
      <Icon name="clock" size={16} />
      <div className="expiry-banner-body">
        <p className="expiry-banner-title" id={`${id}-title`}>
          {items.length === 1 ? `A credential expires within ${days} ${days === 1 ? 'day' : 'days'}` : expirySummary(items.length, days)}
        </p>
        <ul className="expiry-banner-list">
          {items.slice(0, LISTED).map((item) => (
            <li key={item.id}>
              <a className="expiry-banner-link" href={hrefOf(item.id)}>
                {item.title}
              </a>{' '}
              <span className="expiry-banner-when">
                expires <strong>{daysLeftWords(item.daysLeft)}</strong> ({formatDate(item.expiresOn)})
              </span>
            </li>
          ))}
          {more > 0 ? <li className="expiry-banner-when">and {more} more</li> : null}
        </ul>
      </div>
      <div className="expiry-banner-actions">
        <a className="btn btn-secondary btn-sm" href={hrefOf(null, { sort: 'expires' })}>
          <span className="btn-label">Show all</span>
        </a>
        <Button size="sm" variant="ghost" icon="x" onClick={dismiss} aria-label="Dismiss the expiry reminder until Skillfolio restarts">
          Dismiss
        </Button>
      </div>
    </section>
  )
}
