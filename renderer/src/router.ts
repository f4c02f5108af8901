/**
 * The person's place lives in the URL hash, so a reload (or Back/Forward) returns to it:
 *   #/credentials/cred-12?q=sql&sort=title     a screen, a selected item, list settings
 *   #/credentials/new   #/credentials/cred-12/edit
 *   #/import/7                                 an import batch and its report
 *   #/roles/catalog%3Adata-analyst?plan=2      a role's gap analysis and one of its plans
 *   #/resume?role=catalog%3Adata-analyst&variant=3   the resume for a role, a saved variant
 */
import { useSyncExternalStore } from 'react'

export const SCREENS = ['credentials', 'projects', 'skills', 'import', 'profile', 'roles', 'resume', 'settings', 'about'] as const
export type Screen = (typeof SCREENS)[number]

export interface Route {
  screen: Screen
  /** Selected item id, or 'new' for the add form. */
  id: string | null
  edit: boolean
  params: Record<string, string>
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '')
  const [pathPart = '', queryPart = ''] = raw.split('?', 2)
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent)
  const screen = (SCREENS as readonly string[]).includes(segments[0] ?? '') ? (segments[0] as Screen) : 'credentials'
  const id = segments[1] ?? null
  const edit = segments[2] === 'edit'
  const params: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(queryPart)) if (v) params[k] = v
  return { screen, id, edit, params }
}

export function formatRoute(route: Route): string {
  let path = `#/${route.screen}`
  if (route.id) path += `/${encodeURIComponent(route.id)}`
  if (route.id && route.edit) path += '/edit'
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(route.params).sort(([a], [b]) => a.localeCompare(b))) if (v) query.set(k, v)
  const qs = query.toString()
  return qs ? `${path}?${qs}` : path
}

const listeners = new Set<() => void>()
let current = window.location.hash
window.addEventListener('hashchange', () => {
  current = window.location.hash
  listeners.forEach((l) => l())
})

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => current)
  return parseHash(hash)
}

export function currentRoute(): Route {
  return parseHash(current)
}

/** Goes to `next`; `replace` rewrites the current history entry (typing in a search box). */
export function navigate(next: Partial<Route> & { screen?: Screen }, options: { replace?: boolean } = {}): void {
  const base = parseHash(current)
  const screenChanged = next.screen !== undefined && next.screen !== base.screen
  const route: Route = {
    screen: next.screen ?? base.screen,
    id: next.id !== undefined ? next.id : screenChanged ? null : base.id,
    edit: next.edit ?? false,
    params: next.params ?? (screenChanged ? {} : base.params),
  }
  const hash = formatRoute(route)
  if (hash === current) return
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash)
    current = hash
    listeners.forEach((l) => l())
  } else {
    window.location.hash = hash
  }
}

/** Same screen and selection, with some list settings changed (search text, sort, filter). */
export function setParams(patch: Record<string, string | null>, options: { replace?: boolean } = { replace: true }): void {
  const base = parseHash(current)
  const params = { ...base.params }
  for (const [k, v] of Object.entries(patch)) {
    if (v) params[k] = v
    else delete params[k]
  }
  navigate({ id: base.id, edit: base.edit, params }, options)
}
