/** One skill: its evidence (credentials, projects, work entries), aliases, edit, merge and delete. */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { CATEGORY_LABEL, LEVEL_LABEL, plural } from '../../format'
import { formatRoute } from '../../router'
import type { SkillDetail as SkillDetailData } from '../../shared'
import { Button } from '../../ui/Button'
import { Combobox, type ComboOption } from '../../ui/Combobox'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'

export function SkillDetail({ id, onEdit, onDeleted, onMerged }: { id: string; onEdit: () => void; onDeleted: () => void; onMerged: (targetId: string) => void }) {
  const { data, error, loading, reload } = useQuery('skills:get', { id })
  const skill = data && data.id === id ? data : undefined
  if (!skill) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This skill could not be opened" />
    return loading ? <Loading /> : null
  }
  return <SkillView skill={skill} onEdit={onEdit} onDeleted={onDeleted} onMerged={onMerged} />
}

function SkillView({ skill: s, onEdit, onDeleted, onMerged }: { skill: SkillDetailData; onEdit: () => void; onDeleted: () => void; onMerged: (targetId: string) => void }) {
  const [dialog, setDialog] = useState<'delete' | 'merge' | null>(null)
  const [busy, setBusy] = useState(false)
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null)
  const invalidate = useInvalidate()
  const toast = useToast()
  const learned = s.credentials.length > 0
  const applied = s.projects.length > 0
  const atWork = s.experience.length > 0
  const links = s.credentials.length + s.projects.length + s.experience.length
  /** What links to the skill, by kind, for the delete and merge dialogs. */
  const linked = [
    { n: s.credentials.length, one: 'credential', many: 'credentials' },
    { n: s.projects.length, one: 'project', many: 'projects' },
    { n: s.experience.length, one: 'work entry', many: 'work entries' },
  ].filter((k) => k.n > 0)

  const remove = async () => {
    setBusy(true)
    try {
      await call('skills:delete', { id: s.id })
      setDialog(null)
      invalidate()
      toast.show(`Deleted “${s.name}”`)
      onDeleted()
    } catch (error) {
      toast.show(`Not deleted: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  const merge = async () => {
    if (!target) return
    setBusy(true)
    try {
      const merged = await call('skills:merge', { sourceId: s.id, targetId: target.id })
      setDialog(null)
      invalidate()
      toast.show(`Merged “${s.name}” into “${merged.name}”`)
      onMerged(merged.id)
    } catch (error) {
      toast.show(`Not merged: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  const fetchTargets = async (text: string): Promise<ComboOption[]> => {
    const found = await call('skills:suggest', { text: text.trim(), limit: 8 })
    return found.filter((x) => x.id !== s.id).map((x) => ({ key: x.id, label: x.name, detail: CATEGORY_LABEL[x.category] }))
  }

  return (
    <article className="detail" aria-label={s.name} data-id={s.id}>
      <DetailHeader
        eyebrow={
          <>
            <Badge tone="accent">{CATEGORY_LABEL[s.category]}</Badge>
            {atWork ? (
              <Badge tone="success" icon="briefcase">
                Practised at work
              </Badge>
            ) : learned && !applied ? (
              <Badge tone="warning" icon="alert">
                Not applied in a project or at work yet
              </Badge>
            ) : null}
          </>
        }
        title={s.name}
        subtitle={s.aliases.length ? <>Also known as {s.aliases.map((a, i) => <span key={a}>{i ? ', ' : ''}“{a}”</span>)}</> : undefined}
        actions={
          <>
            <Button icon="pencil" onClick={onEdit}>
              Edit
            </Button>
            <Button icon="merge" onClick={() => { setTarget(null); setDialog('merge') }}>
              Merge…
            </Button>
            <Button icon="trash" variant="ghost" aria-label={`Delete ${s.name}`} title="Delete" onClick={() => setDialog('delete')} />
          </>
        }
      />

      <div className="stat-row">
        <div className="stat">
          <div className="stat-label">Credentials</div>
          <div className="stat-value">{s.credentials.length}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Projects</div>
          <div className="stat-value">{s.projects.length}</div>
        </div>
        <div className="stat">
          <div className="stat-label">At work</div>
          <div className="stat-value">{s.experience.length}</div>
        </div>
        <div className="stat stat-words">
          <div className="stat-label">Evidence</div>
          <div className="stat-value">{evidenceWords(learned, applied, atWork)}</div>
        </div>
      </div>

      {s.description ? (
        <Section title="Description">
          <p className="prose">{s.description}</p>
        </Section>
      ) : null}

      <Section title="Credentials">
        {s.credentials.length ? (
          <ul className="link-list">
            {s.credentials.map((c) => (
              <li key={c.id}>
                <a href={formatRoute({ screen: 'credentials', id: c.id, edit: false, params: {} })}>
                  <Icon name="award" />
                  {c.title}
                  {c.level ? <span className="muted"> · {LEVEL_LABEL[c.level]}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No credential proves this skill yet.</p>
        )}
      </Section>

      <Section title="Projects">
        {s.projects.length ? (
          <ul className="link-list">
            {s.projects.map((p) => (
              <li key={p.id}>
                <a href={formatRoute({ screen: 'projects', id: p.id, edit: false, params: {} })}>
                  <Icon name="folder" />
                  {p.title}
                  {p.level ? <span className="muted"> · {LEVEL_LABEL[p.level]}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            {atWork
              ? 'Not applied in a project yet. It is practised at work, which also shows employers you can use it.'
              : 'Not applied in a project yet. Projects show employers you can use it.'}
          </p>
        )}
      </Section>

      <Section title={atWork ? `At work · ${s.experience.length}` : 'At work'}>
        {atWork ? (
          <ul className="link-list">
            {s.experience.map((e) => (
              <li key={e.id}>
                <a href={formatRoute({ screen: 'profile', id: e.id, edit: false, params: {} })}>
                  <Icon name="briefcase" />
                  {e.title} at {e.organization}
                  {e.level ? <span className="muted"> · {LEVEL_LABEL[e.level]}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            Not linked to a job yet. Add it to a work entry’s skills on your <a href={formatRoute({ screen: 'profile', id: null, edit: false, params: {} })}>Profile</a> to count it as practised at work.
          </p>
        )}
      </Section>

      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete “${s.name}”?`}
        message={
          links
            ? `It will be removed from ${joinAnd(linked.map((k) => plural(k.n, k.one, k.many)))} (${plural(links, 'link')} removed). The ${joinAnd(linked.map((k) => (k.n === 1 ? k.one : k.many)))} stay. This cannot be undone.`
            : 'Nothing links to it. This cannot be undone.'
        }
        confirmLabel="Delete skill"
        danger
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={remove}
      />

      <Dialog
        open={dialog === 'merge'}
        title={`Merge “${s.name}” into another skill`}
        size="md"
        onClose={() => setDialog(null)}
        description={`Use this for duplicates. Every credential, project and work entry linked to “${s.name}” moves to the skill you pick, and “${s.name}” becomes one of its aliases.`}
        footer={
          <>
            <Button onClick={() => setDialog(null)}>Cancel</Button>
            <Button variant="primary" icon="merge" disabled={!target} busy={busy} onClick={() => void merge()}>
              {target ? `Merge into “${target.name}”` : 'Merge'}
            </Button>
          </>
        }
      >
        <div className="field">
          <label className="field-label" htmlFor="merge-target">
            Merge into
          </label>
          {target ? (
            <div className="merge-target">
              <span className="token">
                <span className="token-label">{target.name}</span>
                <button type="button" className="token-remove" aria-label={`Choose another skill than ${target.name}`} onClick={() => setTarget(null)}>
                  <Icon name="x" size={12} />
                </button>
              </span>
            </div>
          ) : (
            <Combobox id="merge-target" label="Merge into" placeholder="Search skills" fetchOptions={fetchTargets} onPick={(o) => setTarget({ id: o.key, name: o.label })} />
          )}
        </div>
      </Dialog>
    </article>
  )
}

/** "Learned, applied and practised at work": what the evidence shows, from credentials, projects and work entries. */
function evidenceWords(learned: boolean, applied: boolean, atWork: boolean): string {
  const words = [learned ? 'learned' : '', applied ? 'applied' : '', atWork ? 'practised at work' : ''].filter(Boolean)
  if (!words.length) return 'None yet'
  const text = joinAnd(words)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "a", "a and b", "a, b and c". */
function joinAnd(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '')
}
