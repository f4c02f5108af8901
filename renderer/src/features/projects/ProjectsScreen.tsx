/** Projects: where skills were applied and which credentials were put to use. */
import { useDebounced, usePagedList, useQuery } from '../../data'
import { formatRange, plural } from '../../format'
import { navigate, setParams, type Route } from '../../router'
import { PROJECT_SORTS, type ProjectSummary } from '../../shared'
import { Button, MOD } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ChipRow } from '../../ui/ChipRow'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { DetailPane, ListPane } from '../../ui/Layout'
import { RowMeta } from '../../ui/RowMeta'
import { ListResults } from '../../ui/ListResults'
import { ListToolbar } from '../../ui/ListToolbar'
import { LoadDemoButton } from '../../ui/LoadDemoButton'
import { ProjectDetail } from './ProjectDetail'
import { ProjectForm } from './ProjectForm'

type Sort = (typeof PROJECT_SORTS)[number]
/** The default order; an old link's `sort=recent` still picks "Recently added or edited". */
const DEFAULT_SORT: Sort = 'date'
/** Each order named for what it does, and said in words under the toolbar. */
const SORTS: Record<Sort, { label: string; says: string }> = {
  date: { label: 'Most recent work', says: 'Sorted by date: ongoing first, then latest end date' },
  recent: { label: 'Recently added or edited', says: 'Sorted by when added or last edited, latest first' },
  title: { label: 'Title', says: 'Sorted by title, A to Z' },
  started: { label: 'Start date', says: 'Sorted by start date, newest first' },
}
// Listed in the order of SORTS (the default first).
const SORT_OPTIONS = (Object.keys(SORTS) as Sort[]).map((s) => ({ value: s, label: SORTS[s].label }))

export function ProjectsScreen({ route }: { route: Route }) {
  const q = route.params.q ?? ''
  const sort = (PROJECT_SORTS as readonly string[]).includes(route.params.sort ?? '') ? (route.params.sort as Sort) : DEFAULT_SORT
  const text = useDebounced(q, 200)
  const list = usePagedList('projects:list', { text: text.trim(), sort })
  const info = useQuery('app:info', {})
  const isNew = route.id === 'new'
  const selectedId = route.id && !isNew ? route.id : null
  const add = () => navigate({ id: 'new' })

  if (list.total === 0 && !q.trim() && !isNew && !selectedId) {
    const empty = info.data ? info.data.counts.credentials + info.data.counts.projects + info.data.counts.skills === 0 : false
    return (
      <div className="screen screen-empty">
        <EmptyState
          icon="folder"
          title="No projects yet"
          actions={
            <>
              <Button variant="primary" icon="plus" onClick={add} shortcut={`${MOD}N`}>
                Add your first project
              </Button>
              {empty ? <LoadDemoButton /> : null}
            </>
          }
        >
          <p>Projects show where you put your skills to work: what you built, the outcome, and which credentials it drew on.</p>
        </EmptyState>
      </div>
    )
  }

  return (
    <div className="screen">
      <ListPane label="Projects list">
        <ListToolbar
          title="Projects"
          count={list.total}
          search={q}
          onSearch={(v) => setParams({ q: v })}
          searchLabel="Search projects"
          searchPlaceholder="Search projects…"
          sort={{ value: sort, options: SORT_OPTIONS, onChange: (v) => setParams({ sort: v === DEFAULT_SORT ? null : v }), describe: (v) => SORTS[v as Sort].says }}
          addLabel="New"
          onAdd={add}
        />
        <ListResults
          label="Projects"
          paged={list}
          getId={(p) => p.id}
          selectedId={selectedId}
          renderItem={(p) => <ProjectRow p={p} />}
          noMatches={<>Nothing matches “{q.trim()}”.</>}
          onClear={() => setParams({ q: null })}
        />
      </ListPane>
      <DetailPane label="Project">
        {isNew ? (
          <ProjectForm key="new" onSaved={(p) => navigate({ id: p.id }, { replace: true })} onCancel={() => navigate({ id: null }, { replace: true })} />
        ) : selectedId && route.edit ? (
          <EditProject id={selectedId} />
        ) : selectedId ? (
          <ProjectDetail key={selectedId} id={selectedId} onEdit={() => navigate({ id: selectedId, edit: true })} onDeleted={() => navigate({ id: null }, { replace: true })} />
        ) : (
          <EmptyState icon="folder" title="Select a project">
            Choose a project on the left, or press <kbd>{MOD}N</kbd> to add one.
          </EmptyState>
        )}
      </DetailPane>
    </div>
  )
}

function ProjectRow({ p }: { p: ProjectSummary }) {
  const when = formatRange(p.startedOn, p.endedOn)
  return (
    <div className="row row-with-chips no-thumb">
      <div className="row-main">
        <div className="row-title" title={p.title}>
          {p.title}
        </div>
        <RowMeta parts={[p.role, when]} />
      </div>
      <div className="row-side">
        {p.credentialCount ? <span className="row-count">{plural(p.credentialCount, 'credential')}</span> : null}
      </div>
      <ChipRow items={p.skillNames} />
    </div>
  )
}

function EditProject({ id }: { id: string }) {
  const { data, error, reload } = useQuery('projects:get', { id })
  if (error) return <ErrorBanner error={error} onRetry={reload} title="This project could not be opened" />
  if (!data || data.id !== id) return <Loading />
  return (
    <ProjectForm
      key={data.id + data.updatedAt}
      project={data}
      onSaved={() => navigate({ id, edit: false }, { replace: true })}
      onCancel={() => navigate({ id, edit: false }, { replace: true })}
    />
  )
}
