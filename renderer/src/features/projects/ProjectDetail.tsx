/** One project: summary, outcomes, skills applied, credentials used, links. */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { formatRange } from '../../format'
import { formatRoute } from '../../router'
import type { Project } from '../../shared'
import { Button } from '../../ui/Button'
import { SkillLinks } from '../../ui/SkillLinks'
import { ConfirmDialog } from '../../ui/Dialog'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'

export function ProjectDetail({ id, onEdit, onDeleted }: { id: string; onEdit: () => void; onDeleted: () => void }) {
  const { data, error, loading, reload } = useQuery('projects:get', { id })
  const project = data && data.id === id ? data : undefined
  if (!project) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This project could not be opened" />
    return loading ? <Loading /> : null
  }
  return <ProjectView project={project} onEdit={onEdit} onDeleted={onDeleted} />
}

function ProjectView({ project: p, onEdit, onDeleted }: { project: Project; onEdit: () => void; onDeleted: () => void }) {
  const [confirm, setConfirm] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()

  const remove = async () => {
    setDeleting(true)
    try {
      await call('projects:delete', { id: p.id })
      setConfirm(false)
      invalidate()
      toast.show(`Deleted “${p.title}”`)
      onDeleted()
    } catch (error) {
      toast.show(`Not deleted: ${errorMessage(error)}`, 'error')
    } finally {
      setDeleting(false)
    }
  }

  const when = formatRange(p.startedOn, p.endedOn)
  return (
    <article className="detail" aria-label={p.title} data-id={p.id}>
      <DetailHeader
        eyebrow={when ? <span className="eyebrow-text">{when}</span> : undefined}
        title={p.title}
        subtitle={p.role ?? undefined}
        actions={
          <>
            <Button icon="pencil" onClick={onEdit}>
              Edit
            </Button>
            <Button icon="trash" variant="ghost" aria-label={`Delete ${p.title}`} title="Delete" onClick={() => setConfirm(true)} />
          </>
        }
      />

      {p.summary ? (
        <Section title="Summary">
          <p className="prose">{p.summary}</p>
        </Section>
      ) : null}

      {p.outcomes.length ? (
        <Section title="Outcomes">
          <ul className="outcomes">
            {p.outcomes.map((o, i) => (
              <li key={i}>
                <Icon name="check" size={14} />
                <span>{o}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title={p.skills.length ? `Skills applied · ${p.skills.length}` : 'Skills applied'}>
        {p.skills.length ? (
          <SkillLinks skills={p.skills} />
        ) : (
          <p className="muted">No skills yet. Edit the project to record what you applied.</p>
        )}
      </Section>

      <Section title="Credentials used">
        {p.credentials.length ? (
          <ul className="link-list">
            {p.credentials.map((c) => (
              <li key={c.id}>
                <a href={formatRoute({ screen: 'credentials', id: c.id, edit: false, params: {} })}>
                  <Icon name="award" />
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No credentials linked. Link the courses or certificates this project put to use.</p>
        )}
      </Section>

      {p.links.length ? (
        <Section title="Links">
          <ul className="link-list">
            {p.links.map((l, i) => (
              <li key={i}>
                <a className="ext-link" href={l.url} target="_blank" rel="noreferrer">
                  <Icon name="link" />
                  {l.label ?? l.url.replace(/^https?:\/\//, '')}
                  <Icon name="external" size={12} />
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <ConfirmDialog
        open={confirm}
        title={`Delete “${p.title}”?`}
        message="Its links to skills and credentials go with it; the skills and credentials themselves stay. This cannot be undone."
        confirmLabel="Delete project"
        danger
        busy={deleting}
        onCancel={() => setConfirm(false)}
        onConfirm={remove}
      />
    </article>
  )
}
