/** Credentials: searchable list on the left, the open credential (or its form) on the right. */
import { useDebounced, usePagedList, useQuery } from '../../data'
import { expiryOf, formatDate, KIND_LABEL, STATUS_LABEL } from '../../format'
import { navigate, setParams, type Route } from '../../router'
import { CREDENTIAL_KINDS, CREDENTIAL_SORTS, type CredentialSummary } from '../../shared'
import { Button, MOD } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ChipRow } from '../../ui/ChipRow'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { RowMeta } from '../../ui/RowMeta'
import { ListResults } from '../../ui/ListResults'
import { ListToolbar } from '../../ui/ListToolbar'
import { DetailPane, ListPane } from '../../ui/Layout'
import { LoadDemoButton } from '../../ui/LoadDemoButton'
import { BadgeThumb } from './BadgeThumb'
import { CredentialDetail } from './CredentialDetail'
import { CredentialForm } from './CredentialForm'
import { TrustBadge } from '../../ui/Trust'
import { ShareButton } from '../share/ShareDialog'

type Sort = (typeof CREDENTIAL_SORTS)[number]
/** The default order; an old link's `sort=recent` still picks "Recently added or edited". */
const DEFAULT_SORT: Sort = 'earned'
/** Each order named for what it does, and said in words under the toolbar. */
const SORTS: Record<Sort, { label: string; says: string }> = {
  earned: { label: 'Date earned', says: 'Sorted by date earned, newest first' },
  recent: { label: 'Recently added or edited', says: 'Sorted by when added or last edited, latest first' },
  title: { label: 'Title', says: 'Sorted by title, A to Z' },
  expires: { label: 'Expires soonest', says: 'Sorted by expiry date, soonest first' },
  cost: { label: 'Cost, highest first', says: 'Sorted by cost, highest first' },
  hours: { label: 'Hours, most first', says: 'Sorted by hours, most first' },
}
// Listed in the order of SORTS (the default first).
const SORT_OPTIONS = (Object.keys(SORTS) as Sort[]).map((s) => ({ value: s, label: SORTS[s].label }))
const KIND_OPTIONS = [{ value: '', label: 'All kinds' }, ...CREDENTIAL_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))]

export function CredentialsScreen({ route }: { route: Route }) {
  const q = route.params.q ?? ''
  const sort = (CREDENTIAL_SORTS as readonly string[]).includes(route.params.sort ?? '') ? (route.params.sort as Sort) : DEFAULT_SORT
  const kind = (CREDENTIAL_KINDS as readonly string[]).includes(route.params.kind ?? '') ? (route.params.kind as CredentialSummary['kind']) : null
  const text = useDebounced(q, 200)
  const list = usePagedList('credentials:list', { text: text.trim(), sort, kind })
  const filtered = Boolean(q.trim() || kind)
  const isNew = route.id === 'new'
  const selectedId = route.id && !isNew ? route.id : null

  const newCredential = () => navigate({ id: 'new' })

  if (list.total === 0 && !filtered && !isNew && !selectedId) {
    return <WelcomeEmpty onAdd={newCredential} />
  }

  return (
    <div className="screen">
      <ListPane label="Credentials list">
        <ListToolbar
          title="Credentials"
          count={list.total}
          search={q}
          onSearch={(v) => setParams({ q: v })}
          searchLabel="Search credentials"
          searchPlaceholder="Search title, provider, skill…"
          sort={{ value: sort, options: SORT_OPTIONS, onChange: (v) => setParams({ sort: v === DEFAULT_SORT ? null : v }), describe: (v) => SORTS[v as Sort].says }}
          filter={{ label: 'Filter by kind', value: kind ?? '', options: KIND_OPTIONS, onChange: (v) => setParams({ kind: v || null }) }}
          addLabel="New"
          onAdd={newCredential}
          extra={<ShareButton />}
        />
        <ListResults
          label="Credentials"
          paged={list}
          getId={(c) => c.id}
          selectedId={selectedId}
          renderItem={(c) => <CredentialRow c={c} />}
          noMatches={q.trim() ? <>Nothing matches “{q.trim()}”.</> : 'No credentials of this kind.'}
          onClear={() => setParams({ q: null, kind: null })}
        />
      </ListPane>
      <DetailPane label="Credential">
        {isNew ? (
          <CredentialForm key="new" onSaved={(saved) => navigate({ id: saved.id }, { replace: true })} onCancel={() => navigate({ id: null }, { replace: true })} />
        ) : selectedId && route.edit ? (
          <EditCredential id={selectedId} />
        ) : selectedId ? (
          <CredentialDetail
            key={selectedId}
            id={selectedId}
            onEdit={() => navigate({ id: selectedId, edit: true })}
            onDeleted={() => navigate({ id: null }, { replace: true })}
          />
        ) : (
          <EmptyState icon="award" title={list.count ? 'Select a credential' : 'Nothing selected'}>
            Choose a credential on the left to see everything about it, or press <kbd>{MOD}N</kbd> to add one.
          </EmptyState>
        )}
      </DetailPane>
    </div>
  )
}

function CredentialRow({ c }: { c: CredentialSummary }) {
  const expiry = expiryOf(c.expiresOn)
  const by = c.provider ?? c.issuerName
  return (
    <div className="row row-with-chips">
      <BadgeThumb sha256={c.imageSha256} />
      <div className="row-main">
        <div className="row-title" title={c.title}>
          {c.title}
        </div>
        <RowMeta parts={[by, c.earnedOn ? formatDate(c.earnedOn) : c.status !== 'earned' ? STATUS_LABEL[c.status] : null]} />
      </div>
      <div className="row-side">
        <Badge tone="neutral">{KIND_LABEL[c.kind]}</Badge>
        <TrustBadge trust={c.trust} compact />
        {expiry && c.trust !== 'expired' ? (
          <Badge tone={expiry.state === 'expired' ? 'danger' : 'warning'} icon="clock">
            {expiry.state === 'expired' ? 'Expired' : `${expiry.days}d left`}
          </Badge>
        ) : null}
      </div>
      <ChipRow items={c.skillNames} />
    </div>
  )
}

function EditCredential({ id }: { id: string }) {
  const { data, error, reload } = useQuery('credentials:get', { id })
  if (error) return <ErrorBanner error={error} onRetry={reload} title="This credential could not be opened" />
  if (!data || data.id !== id) return <Loading />
  return (
    <CredentialForm
      key={data.id + data.updatedAt}
      credential={data}
      onSaved={() => navigate({ id, edit: false }, { replace: true })}
      onCancel={() => navigate({ id, edit: false }, { replace: true })}
    />
  )
}

function WelcomeEmpty({ onAdd }: { onAdd: () => void }) {
  return (
    <div className="screen screen-empty">
      <EmptyState
        icon="award"
        title="No credentials yet"
        actions={
          <>
            <Button variant="primary" icon="plus" onClick={onAdd} shortcut={`${MOD}N`}>
              Add your first credential
            </Button>
            <Button icon="download" onClick={() => navigate({ screen: 'import', id: null, params: {} })}>
              Import badge files
            </Button>
            <LoadDemoButton />
          </>
        }
      >
        <p>
          Keep every certificate, badge, course and bootcamp in one private place: what it proves, what it cost, when it
          expires. Nothing leaves this computer.
        </p>
        <p className="muted">Add your first credential, drop badge files onto this window, or load a sample portfolio to look around.</p>
      </EmptyState>
    </div>
  )
}
