/** Skills: every skill with how much evidence backs it, and where it comes from. */

import { useDebounced, usePagedList, useQuery } from '../../data'
import { CATEGORY_LABEL, plural } from '../../format'
import { navigate, setParams, type Route } from '../../router'
import { SKILL_CATEGORIES, SKILL_SORTS, type Skill, type SkillCategory } from '../../shared'
import { Button, MOD } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { DetailPane, ListPane } from '../../ui/Layout'
import { ListResults } from '../../ui/ListResults'
import { ListToolbar } from '../../ui/ListToolbar'
import { LoadDemoButton } from '../../ui/LoadDemoButton'
import { Icon } from '../../ui/Icon'
import { SkillDetail } from './SkillDetail'
import { SkillForm } from './SkillForm'
import { TagReview } from './TagReview'
import { openTagReview, TAG_REVIEW_ID } from './tag-review'
import '../../styles/tags.css'

type Sort = (typeof SKILL_SORTS)[number]
const SORT_LABEL: Record<Sort, string> = { name: 'Name', evidence: 'Most evidence', recent: 'Newest first' }
const SORT_OPTIONS = SKILL_SORTS.map((s) => ({ value: s, label: `Sort: ${SORT_LABEL[s]}` }))
const CATEGORY_OPTIONS = [{ value: '', label: 'All categories' }, ...SKILL_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))]

export function SkillsScreen({ route }: { route: Route }) {
  const q = route.params.q ?? ''
  const sort = (SKILL_SORTS as readonly string[]).includes(route.params.sort ?? '') ? (route.params.sort as Sort) : 'name'
  const category = (SKILL_CATEGORIES as readonly string[]).includes(route.params.category ?? '') ? (route.params.category as SkillCategory) : null
  const text = useDebounced(q, 200)
  const list = usePagedList('skills:list', { text: text.trim(), sort, category })
  const info = useQuery('app:info', {})
  const isNew = route.id === 'new'
  const isTagReview = route.id === TAG_REVIEW_ID
  const selectedId = route.id && !isNew && !isTagReview ? route.id : null
  const add = () => navigate({ id: 'new' })

  if (list.total === 0 && !q.trim() && !category && !isNew && !selectedId && !isTagReview) {
    const empty = info.data ? info.data.counts.credentials + info.data.counts.projects === 0 : false
    return (
      <div className="screen screen-empty">
        <EmptyState
          icon="spark"
          title="No skills yet"
          actions={
            <>
              <Button variant="primary" icon="plus" onClick={add} shortcut={`${MOD}N`}>
                Add a skill
              </Button>
              {empty ? <LoadDemoButton /> : null}
            </>
          }
        >
          <p>Skills appear here as you add them to credentials, projects and work entries, so you can see what each one is backed by.</p>
        </EmptyState>
      </div>
    )
  }

  return (
    <div className="screen">
      <ListPane label="Skills list">
        <ListToolbar
          title="Skills"
          count={list.total}
          search={q}
          onSearch={(v) => setParams({ q: v })}
          searchLabel="Search skills"
          searchPlaceholder="Search skills and aliases…"
          sort={{ value: sort, options: SORT_OPTIONS, onChange: (v) => setParams({ sort: v === 'name' ? null : v }) }}
          filter={{ label: 'Filter by category', value: category ?? '', options: CATEGORY_OPTIONS, onChange: (v) => setParams({ category: v || null }) }}
          addLabel="New"
          onAdd={add}
        />
        <TagReviewNotice current={isTagReview} />
        <ListResults
          label="Skills"
          paged={list}
          getId={(s) => s.id}
          selectedId={selectedId}
          renderItem={(s) => <SkillRow s={s} />}
          noMatches={q.trim() ? <>Nothing matches “{q.trim()}”.</> : 'No skills in this category.'}
          onClear={() => setParams({ q: null, category: null })}
        />
      </ListPane>
      <DetailPane label="Skill">
        {isTagReview ? (
          <TagReview credentialId={/^cred-\d+$/.test(route.params.credential ?? '') ? route.params.credential! : null} />
        ) : isNew ? (
          <SkillForm key="new" onSaved={(s) => navigate({ id: s.id }, { replace: true })} onCancel={() => navigate({ id: null }, { replace: true })} />
        ) : selectedId && route.edit ? (
          <EditSkill id={selectedId} />
        ) : selectedId ? (
          <SkillDetail
            key={selectedId}
            id={selectedId}
            onEdit={() => navigate({ id: selectedId, edit: true })}
            onDeleted={() => navigate({ id: null }, { replace: true })}
            onMerged={(targetId) => navigate({ id: targetId }, { replace: true })}
          />
        ) : (
          <EmptyState icon="spark" title="Select a skill">
            See which credentials prove a skill, and which projects and jobs apply it. Press <kbd>{MOD}N</kbd> to add one.
          </EmptyState>
        )}
      </DetailPane>
    </div>
  )
}

/** "3 skills from badge tags to review": the way into the review while tags wait for it. */
function TagReviewNotice({ current }: { current: boolean }) {
  const { data } = useQuery('tags:pending', { limit: 1 })
  if (!data?.pending) return null
  return (
    <button type="button" className={current ? 'tag-review-notice is-current' : 'tag-review-notice'} aria-current={current ? 'page' : undefined} onClick={openTagReview}>
      <Icon name="hash" size={14} />
      <span>
        {plural(data.pending, 'skill')} from badge tags to review
      </span>
      <Icon name="chevronRight" size={14} />
    </button>
  )
}

function SkillRow({ s }: { s: Skill }) {
  const atWork = s.experienceCount
  const evidence = [
    s.credentialCount ? plural(s.credentialCount, 'credential') : '',
    s.projectCount ? plural(s.projectCount, 'project') : '',
    atWork ? plural(atWork, 'job') : '',
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <div className="row">
      <div className="row-main">
        <div className="row-title" title={s.name}>
          {s.name}
        </div>
        <div className="row-meta" title={`${CATEGORY_LABEL[s.category]} · ${evidence || 'No evidence yet'}`}>
          <span>{CATEGORY_LABEL[s.category]}</span>
          <span className="row-meta-rest">
            <span className="sep" aria-hidden="true">·</span>
            {evidence || 'No evidence yet'}
          </span>
        </div>
      </div>
      <div className="row-side">
        <EvidenceMeter credentials={s.credentialCount} applied={s.projectCount + atWork} />
      </div>
    </div>
  )
}

/** Five dots: filled by credentials (accent), then projects and work entries (green). */
function EvidenceMeter({ credentials, applied }: { credentials: number; applied: number }) {
  const c = Math.min(credentials, 5)
  const p = Math.min(applied, 5 - c)
  return (
    <span className="meter" aria-hidden="true">
      {Array.from({ length: 5 }, (_, i) => (
        <span key={i} className={i < c ? 'meter-dot is-cred' : i < c + p ? 'meter-dot is-proj' : 'meter-dot'} />
      ))}
    </span>
  )
}

function EditSkill({ id }: { id: string }) {
  const { data, error, reload } = useQuery('skills:get', { id })
  if (error) return <ErrorBanner error={error} onRetry={reload} title="This skill could not be opened" />
  if (!data || data.id !== id) return <Loading />
  return (
    <SkillForm
      key={data.id + data.updatedAt}
      skill={data}
      onSaved={() => navigate({ id, edit: false }, { replace: true })}
      onCancel={() => navigate({ id, edit: false }, { replace: true })}
    />
  )
}
