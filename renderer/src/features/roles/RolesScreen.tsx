/**
 * Roles: the catalog and the person's own roles, ranked by fit; a role's gap analysis and its
 * learning plans; a pasted job posting turned into a target role.
 */
import { useMemo } from 'react'
import { useDebounced, useQuery } from '../../data'
import { formatRoute, navigate, setParams, type Route } from '../../router'
import { formatHours, formatMoney, plural } from '../../format'
import { areaLabel, DEPTH_WORD, type BreadthDepthProfile, type CredentialSummary, type Money, type RoleListItem } from '../../shared'
import { Button } from '../../ui/Button'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { DetailPane, ListPane, Section } from '../../ui/Layout'
import { ListResults } from '../../ui/ListResults'
import { ListToolbar } from '../../ui/ListToolbar'
import { focusDetail } from '../../ui/focus'
import { useFocusLater } from '../evidence/decide'
import { CustomRoleForm } from './CustomRoleForm'
import { customRef, EDIT_FOCUS_KEY, type CustomRoleRef } from './customRef'
import { GapView } from './GapView'
import { PostingForm } from './PostingForm'

/** The steps with evidence, deepest first (bars, their words and the legend). */
const LADDER = ['proven', 'practised', 'learned'] as const

type Sort = 'fit' | 'title'
const SORT_OPTIONS = [
  { value: 'fit', label: 'Best fit' },
  { value: 'title', label: 'Title' },
]
const SORT_SAYS: Record<Sort, string> = { fit: 'Sorted by fit, best first', title: 'Sorted by title, A to Z' }

export function RolesScreen({ route }: { route: Route }) {
  const q = route.params.q ?? ''
  const sort: Sort = route.params.sort === 'title' ? 'title' : 'fit'
  const text = useDebounced(q, 200)
  const list = useQuery('roles:list', { text: text.trim() || undefined })
  const fit = useQuery('roles:fit', { limit: 1000 })
  const fitByRef = useMemo(() => new Map((fit.data ?? []).map((f) => [f.ref as string, f.fitPercent])), [fit.data])
  const items = useMemo(() => {
    const all = [...(list.data ?? [])]
    if (sort === 'fit') all.sort((a, b) => (fitByRef.get(b.ref) ?? -1) - (fitByRef.get(a.ref) ?? -1) || a.title.localeCompare(b.title))
    else all.sort((a, b) => a.title.localeCompare(b.title))
    return all
  }, [list.data, sort, fitByRef])
  const isPosting = route.id === 'new-posting' || route.id === 'new'
  const isNewRole = route.id === 'new-role'
  const selected = route.id && !isPosting && !isNewRole ? route.id : null
  const editing = selected && route.edit ? customRef(selected) : null
  const focusLater = useFocusLater()
  /** Back from the edit form to the role, focus on the Edit button that opened it. */
  const closeEdit = (ref: string) => {
    navigate({ id: ref, edit: false, params: route.params }, { replace: true })
    focusLater(EDIT_FOCUS_KEY)
  }

  return (
    <div className="screen">
      <ListPane label="Roles list">
        <ListToolbar
          title="Roles"
          count={list.data?.length}
          search={q}
          onSearch={(v) => setParams({ q: v })}
          searchLabel="Search roles"
          searchPlaceholder="Search roles and titles…"
          sort={{ value: sort, options: SORT_OPTIONS, onChange: (v) => setParams({ sort: v === 'fit' ? null : v }), describe: (v) => SORT_SAYS[v as Sort] }}
          extra={
            <Button size="sm" icon="plus" onClick={() => navigate({ id: 'new-role', params: { ...route.params, plan: '' } })}>
              New custom role
            </Button>
          }
          addLabel="Paste a job posting"
          onAdd={() => navigate({ id: 'new-posting', params: { ...route.params, plan: '' } })}
        />
        <ListResults
          label="Roles"
          query={list}
          items={items}
          getId={(r) => r.ref}
          selectedId={selected}
          renderItem={(r) => <RoleRow r={r} fit={fitByRef.get(r.ref)} />}
          noMatches={q.trim() ? <>Nothing matches “{q.trim()}”.</> : 'No roles yet.'}
          onClear={() => setParams({ q: null })}
          openParams={{ ...route.params, plan: '' }}
        />
      </ListPane>
      <DetailPane label="Role">
        {isPosting ? (
          <PostingForm onSaved={(ref) => navigate({ id: ref, params: { ...route.params, plan: '' } })} onCancel={() => navigate({ id: null }, { replace: true })} />
        ) : isNewRole ? (
          <CustomRoleForm onSaved={(ref) => navigate({ id: ref, params: { ...route.params, plan: '' } })} onCancel={() => navigate({ id: null }, { replace: true })} />
        ) : editing ? (
          <EditRole key={editing} roleRef={editing} onDone={closeEdit} />
        ) : selected ? (
          <GapView
            key={selected}
            roleRef={selected}
            planId={route.params.plan ? Number(route.params.plan) : null}
            onEdit={() => navigate({ id: selected, edit: true, params: route.params })}
            onDeleted={() => {
              navigate({ id: null, params: { ...route.params, plan: '' } }, { replace: true })
              focusDetail()
            }}
          />
        ) : (
          <RolesLanding />
        )}
      </DetailPane>
    </div>
  )
}

/** A saved custom role in the same form that made it: rename it, change its skills. */
function EditRole({ roleRef, onDone }: { roleRef: CustomRoleRef; onDone: (ref: string) => void }) {
  const { data, error, loading, reload } = useQuery('roles:get', { ref: roleRef })
  const role = data && data.ref === roleRef ? data : undefined
  if (!role) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This role could not be opened" />
    return loading ? <Loading /> : null
  }
  return <CustomRoleForm role={{ ref: roleRef, title: role.title, skills: role.skills }} onSaved={onDone} onCancel={() => onDone(roleRef)} />
}

function RoleRow({ r, fit }: { r: RoleListItem; fit: number | undefined }) {
  const custom = r.source !== 'catalog'
  return (
    <div className="row">
      <div className="row-main">
        <div className="row-title" title={r.title}>
          {r.title}
        </div>
        <div className="row-meta">
          {custom ? <Badge tone="accent">{r.source === 'posting' ? 'Custom · posting' : 'Custom'}</Badge> : null}
          <span>{r.area ? areaLabel(r.area) : 'Your role'}</span>
          <span>
            <span className="sep" aria-hidden="true">·</span>
            {r.skills} skills
          </span>
        </div>
      </div>
      <div className="row-side">
        {fit !== undefined ? (
          <span className="fit" title="How well your portfolio fits this role">
            <span className="fit-value">{Math.round(fit)}%</span>
            <span className="fit-label">fit</span>
          </span>
        ) : null}
      </div>
    </div>
  )
}

/** What the detail pane shows before a role is picked: the shape of the portfolio. */
function RolesLanding() {
  const profile = useQuery('gap:profile', {})
  const costs = useQuery('gap:costs', {})
  // Spend is shown per credential, in the currency it was paid in ("cost" order: largest amount first, currencies not converted).
  const credentials = useQuery('credentials:list', { sort: 'cost', limit: 500 })
  return (
    <div className="detail">
      <header className="detail-header">
        <div className="detail-heading">
          <h2 className="detail-title" tabIndex={-1} data-detail-title>
            Your skills at a glance
          </h2>
          <div className="detail-subtitle">Pick a role to see how your credentials and projects cover it, or paste a job posting.</div>
        </div>
        <div className="detail-actions">
          <Button variant="primary" icon="file" onClick={() => navigate({ id: 'new-posting' })}>
            Paste a job posting
          </Button>
        </div>
      </header>
      {profile.error && !profile.data ? <ErrorBanner error={profile.error} onRetry={profile.reload} /> : null}
      {!profile.data && profile.loading ? <Loading /> : null}
      {profile.data ? <ProfileBars profile={profile.data} /> : null}
      {costs.data && credentials.data ? <SpendTable items={credentials.data.items} totals={costs.data.totals} /> : null}
    </div>
  )
}

/** Amounts in several currencies, each total on its own and never added together: "£2,548.57 and $169.50". */
function moneyList(amounts: readonly Money[]): string {
  const parts = amounts.map((m) => formatMoney(m))
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}` : (parts[0] ?? '—')
}

const SPEND_ROWS = 15

/** Time and money per credential (planned ones left out), dearest first, each in its own currency. */
function SpendTable({ items, totals }: { items: readonly CredentialSummary[]; totals: { credentials: number; hours: number; spend: Money[] } }) {
  const spent = items.filter((c) => c.status !== 'planned' && (c.cost || c.hours))
  const top = spent.slice(0, SPEND_ROWS)
  return (
    <Section title="Time and money per credential">
      {top.length ? (
        <>
          <table className="cost-table" aria-label="Time and money per credential">
            <thead>
              <tr>
                <th scope="col">Credential</th>
                <th scope="col">Hours</th>
                <th scope="col">Cost</th>
              </tr>
            </thead>
            <tbody>
              {top.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={formatRoute({ screen: 'credentials', id: c.id, edit: false, params: {} })}>{c.title}</a>
                  </th>
                  <td>{formatHours(c.hours) || '—'}</td>
                  <td>{c.cost ? formatMoney(c.cost) : '—'}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All {plural(totals.credentials, 'credential')}</th>
                <td>{formatHours(totals.hours) || '—'}</td>
                <td>{moneyList(totals.spend)}</td>
              </tr>
            </tfoot>
          </table>
          {spent.length > SPEND_ROWS ? (
            <p className="muted spend-more">
              {plural(spent.length - SPEND_ROWS, 'more credential')} with hours or a cost.{' '}
              <a href={formatRoute({ screen: 'credentials', id: null, edit: false, params: { sort: 'cost' } })}>See all in Credentials, by cost</a>
            </p>
          ) : null}
          {totals.spend.length > 1 ? <p className="muted spend-more">Totals stay in the currency you paid in; they are not converted.</p> : null}
        </>
      ) : (
        <p className="muted">No hours or cost recorded yet. Add them to your credentials to see where your time and money went.</p>
      )}
    </Section>
  )
}

function ProfileBars({ profile }: { profile: BreadthDepthProfile }) {
  const areas = profile.areas.filter((a) => a.skills > 0)
  const max = Math.max(1, ...areas.map((a) => a.skills))
  return (
    <>
      <p className="prose">{profile.summary}</p>
      <Section title="Breadth and depth by area">
        {areas.length ? (
          <>
            <ul className="depth-areas" aria-label="Skills by area">
              {areas.map((a) => {
                const parts = LADDER.filter((d) => a[d] > 0).map((d) => `${a[d]} ${DEPTH_WORD[d].toLowerCase()}`)
                return (
                  <li key={a.group} className="depth-area">
                    <div className="depth-area-head">
                      <span className="depth-area-name">{areaLabel(a.group)}</span>
                      {a.level === 'deep' ? <Badge tone="success">Deep</Badge> : null}
                      <span className="depth-area-text">{parts.join(' · ') || `${a.skills} skills, no evidence yet`}</span>
                    </div>
                    <div className="stack-bar" aria-hidden="true">
                      {LADDER.map((d) => (
                        <span key={d} className={`stack-seg depth-${d}`} style={{ width: `${(a[d] / max) * 100}%` }} />
                      ))}
                    </div>
                  </li>
                )
              })}
            </ul>
            <DepthLegend />
          </>
        ) : (
          <p className="muted">No skills with evidence yet. Add credentials and projects to see your breadth and depth.</p>
        )}
      </Section>
    </>
  )
}

export function DepthLegend() {
  return (
    <div className="depth-legend" aria-hidden="true">
      {LADDER.map((d) => (
        <span key={d}>
          <span className={`legend-swatch depth-${d}`} /> {DEPTH_WORD[d]}
        </span>
      ))}
    </div>
  )
}
