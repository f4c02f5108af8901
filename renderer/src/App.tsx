/**
 * The window: sidebar navigation (with counts) and the current screen. Global shortcuts:
 * Ctrl/Cmd+N adds an item on the current screen (on Resume: saves the choices as a variant),
 * Ctrl/Cmd+F focuses its search box.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { DataContext, useQuery } from './data'
import { CredentialsScreen } from './features/credentials/CredentialsScreen'
import { ExpiryBanner } from './features/credentials/ExpiryBanner'
import { DropOverlay } from './features/import/DropOverlay'
import { ImportProvider, useImports } from './features/import/ImportProvider'
import { ImportScreen } from './features/import/ImportScreen'
import { ProfileScreen } from './features/profile/ProfileScreen'
import { ProjectsScreen } from './features/projects/ProjectsScreen'
import { AboutScreen } from './features/roles/AboutScreen'
import { RolesScreen } from './features/roles/RolesScreen'
import { ResumeScreen } from './features/resume/ResumeScreen'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { SkillsScreen } from './features/skills/SkillsScreen'
import { formatRoute, navigate, parseHash, useRoute, type Route, type Screen } from './router'
import { MOD } from './ui/Button'
import { focusSearch } from './ui/focus'
import { Icon, type IconName } from './ui/Icon'
import { ToastProvider } from './ui/Toast'

interface NavItem {
  screen: Screen
  label: string
  icon: IconName
  count?: (c: { credentials: number; projects: number; skills: number }) => number
}

/** Grouped so later screens (Import, Roles, Plan, Resume) slot in as new groups or items. */
const NAV: Array<{ heading: string; items: NavItem[] }> = [
  {
    heading: 'Portfolio',
    items: [
      { screen: 'credentials', label: 'Credentials', icon: 'award', count: (c) => c.credentials },
      { screen: 'projects', label: 'Projects', icon: 'folder', count: (c) => c.projects },
      { screen: 'skills', label: 'Skills', icon: 'spark', count: (c) => c.skills },
      { screen: 'import', label: 'Import', icon: 'download' },
    ],
  },
  {
    heading: 'Plan',
    items: [
      { screen: 'roles', label: 'Roles', icon: 'briefcase' },
      { screen: 'resume', label: 'Resume', icon: 'fileText' },
    ],
  },
  { heading: 'You', items: [{ screen: 'profile', label: 'Profile', icon: 'user' }] },
]

const TITLES: Record<Screen, string> = {
  credentials: 'Credentials',
  projects: 'Projects',
  skills: 'Skills',
  import: 'Import',
  profile: 'Profile',
  roles: 'Roles',
  resume: 'Resume',
  settings: 'Settings',
  about: 'About',
}

export function App() {
  const [version, setVersion] = useState(0)
  const invalidate = useCallback(() => setVersion((v) => v + 1), [])
  const data = useMemo(() => ({ version, invalidate }), [version, invalidate])
  return (
    <DataContext.Provider value={data}>
      <ToastProvider>
        <ImportProvider>
          <Shell />
        </ImportProvider>
      </ToastProvider>
    </DataContext.Provider>
  )
}

function Shell() {
  const route = useRoute()
  const lastByScreen = useRef<Partial<Record<Screen, string>>>({})
  const here = formatRoute(route)
  useEffect(() => {
    lastByScreen.current[parseHash(here).screen] = here
  }, [here])

  useEffect(() => {
    document.title = `${TITLES[route.screen]} · Skillfolio`
  }, [route.screen])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      if (!mod || e.altKey || e.shiftKey) return
      const key = e.key.toLowerCase()
      if (key === 'f') {
        if (focusSearch()) e.preventDefault()
      } else if (key === 'n') {
        if (document.querySelector('dialog[open]')) return
        e.preventDefault()
        const current = parseHash(window.location.hash)
        if (current.screen === 'profile' || current.screen === 'import' || current.screen === 'resume') document.dispatchEvent(new CustomEvent('skillfolio:new'))
        else if (current.screen === 'roles') navigate({ id: 'new-posting' })
        else if (current.screen !== 'settings' && current.screen !== 'about') navigate({ id: 'new' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const go = (screen: Screen) => {
    if (screen === route.screen) {
      navigate({ screen, id: null, params: route.params })
      return
    }
    const remembered = lastByScreen.current[screen]
    const target: Route = remembered ? parseHash(remembered) : { screen, id: null, edit: false, params: {} }
    navigate({ ...target, edit: false })
  }

  return (
    <div className="app">
      <Sidebar current={route.screen} onGo={go} />
      <main className="main" aria-label={TITLES[route.screen]}>
        <ExpiryBanner />
        {route.screen === 'credentials' ? <CredentialsScreen route={route} /> : null}
        {route.screen === 'projects' ? <ProjectsScreen route={route} /> : null}
        {route.screen === 'skills' ? <SkillsScreen route={route} /> : null}
        {route.screen === 'import' ? <ImportScreen route={route} /> : null}
        {route.screen === 'profile' ? <ProfileScreen route={route} /> : null}
        {route.screen === 'roles' ? <RolesScreen route={route} /> : null}
        {route.screen === 'resume' ? <ResumeScreen route={route} /> : null}
        {route.screen === 'settings' ? <SettingsScreen /> : null}
        {route.screen === 'about' ? <AboutScreen /> : null}
      </main>
      <DropOverlay />
    </div>
  )
}

function Sidebar({ current, onGo }: { current: Screen; onGo: (s: Screen) => void }) {
  const info = useQuery('app:info', {})
  const counts = info.data?.counts
  const imports = useImports()
  const importing = imports.preparing > 0 || imports.running.length > 0
  const progress = imports.running
    .map((id) => imports.reports.get(id))
    .reduce((acc, r) => (r ? { done: acc.done + r.processed, total: acc.total + r.total } : acc), { done: 0, total: 0 })
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 64 64" width="22" height="22">
            <rect width="64" height="64" rx="15" fill="currentColor" />
            <circle cx="32" cy="27" r="13" fill="none" stroke="#fff" strokeWidth="5" />
            <path d="M24 37l-4 16 12-6 12 6-4-16" fill="#fff" />
          </svg>
        </span>
        <span className="brand-name">Skillfolio</span>
      </div>
      {NAV.map((group) => (
        <div className="nav-group" key={group.heading}>
          <div className="nav-heading">{group.heading}</div>
          <ul>
            {group.items.map((item) => {
              const count = counts && item.count ? item.count(counts) : undefined
              return (
                <li key={item.screen}>
                  <a
                    className={item.screen === current ? 'nav-item is-current' : 'nav-item'}
                    href={`#/${item.screen}`}
                    aria-current={item.screen === current ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault()
                      onGo(item.screen)
                    }}
                  >
                    <Icon name={item.icon} />
                    <span className="nav-label">{item.label}</span>
                    {count !== undefined ? (
                      <span className="nav-count" aria-label={`${count} ${item.label.toLowerCase()}`}>
                        {count.toLocaleString('en-US')}
                      </span>
                    ) : null}
                    {item.screen === 'import' && importing ? (
                      <span className="nav-count nav-busy" aria-label={progress.total ? `importing ${progress.done} of ${progress.total} files` : 'importing'}>
                        <span className="spinner spinner-xs" aria-hidden="true" />
                        {progress.total ? `${progress.done}/${progress.total}` : null}
                      </span>
                    ) : null}
                  </a>
                </li>
              )
            })}
          </ul>
        </div>
      ))}
      <div className="nav-group sidebar-settings">
        <a
          className={current === 'settings' ? 'nav-item is-current' : 'nav-item'}
          href="#/settings"
          aria-current={current === 'settings' ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault()
            onGo('settings')
          }}
        >
          <Icon name="sliders" />
          <span className="nav-label">Settings</span>
        </a>
        <a
          className={current === 'about' ? 'nav-item is-current' : 'nav-item'}
          href="#/about"
          aria-current={current === 'about' ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault()
            onGo('about')
          }}
        >
          <Icon name="help" />
          <span className="nav-label">About</span>
        </a>
      </div>
      <div className="sidebar-foot">
        <div className="sidebar-hint">
          <kbd>{MOD}N</kbd> new · <kbd>{MOD}F</kbd> search
        </div>
        <div className="sidebar-private">
          <Icon name="check" size={12} /> Stored only on this computer
        </div>
      </div>
    </nav>
  )
}
