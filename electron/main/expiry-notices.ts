/**
 * Expiry reminders as system notifications, a few seconds after the window opens: one per
 * credential the core says was not yet noticed for its current expiry date (at most three;
 * more become one summary), then recorded with reminders:noticed so the next start stays
 * quiet. Clicking one brings the window forward on that credential, or on the list sorted by
 * expiry. Nothing is shown when reminders are off (the core answers no items) or the
 * portfolio is read-only (the notices could not be recorded, so they would repeat).
 */
import { Notification, type BrowserWindow } from 'electron'
import type { Core } from '../core/app'
import { expirySentence, expirySummary, type ExpiringReminders } from '../shared/reminders'

/** More unnoticed credentials than this are announced by one summary. */
export const MAX_SINGLE_NOTICES = 3

export interface ExpiryNoticeDeps {
  core: Pick<Core, 'dispatch' | 'readOnly'>
  /** The window to bring forward on a click (opening one if it was closed); null when there is none. */
  window: () => BrowserWindow | null
  /** The page's URL without a hash (the dev server's, else app://bundle/index.html). */
  pageUrl: string
  log: (message: string, error?: unknown) => void
}

// Electron drops a notification's click handler once the object is garbage-collected: hold on
// to each until it is clicked or closed.
const live = new Set<Notification>()

/** Shows the notices due; answers how many notifications were shown. Never throws. */
export async function showExpiryNotices(deps: ExpiryNoticeDeps): Promise<number> {
  try {
    if (deps.core.readOnly || !Notification.isSupported()) return 0
    const answer = await deps.core.dispatch('reminders:expiring', {})
    if (!answer?.ok) {
      if (answer) deps.log('Could not read the expiry reminders', answer.error.message)
      return 0
    }
    const { days, items, unnoticed } = answer.value as ExpiringReminders
    const due = items.filter((item) => unnoticed.includes(item.id))
    if (days === 0 || due.length === 0) return 0
    const notices =
      due.length <= MAX_SINGLE_NOTICES
        ? due.map((item) => ({ title: 'Credential expiring soon', body: expirySentence(item), route: `#/credentials/${encodeURIComponent(item.id)}` }))
        : [{ title: 'Credentials expiring soon', body: expirySummary(due.length, days), route: '#/credentials?sort=expires' }]
    for (const notice of notices) {
      const n = new Notification({ title: notice.title, body: notice.body })
      live.add(n)
      n.on('click', () => {
        live.delete(n)
        openRoute(deps, notice.route)
      })
      n.on('close', () => live.delete(n))
      n.show()
    }
    const noticed = await deps.core.dispatch('reminders:noticed', { ids: due.map((item) => item.id) })
    if (!noticed?.ok) deps.log('Could not record the expiry notifications shown', noticed?.error.message)
    return notices.length
  } catch (error) {
    deps.log('Could not show the expiry reminders', error)
    return 0
  }
}

/** Brings the window forward (restored, shown, focused) on `route`. */
function openRoute(deps: ExpiryNoticeDeps, route: string): void {
  const win = deps.window()
  if (!win || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
  win.loadURL(`${deps.pageUrl}${route}`).catch((error: unknown) => deps.log('Could not open the credential from its notification', error))
}
