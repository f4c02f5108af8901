/** Everything about one credential, with Edit and Delete. */
import { useState, type ReactNode } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { expiryOf, formatDate, formatHours, formatMoney, KIND_LABEL, plural, STATUS_LABEL } from '../../format'
import { formatRoute } from '../../router'
import type { Credential } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { DetailHeader, Properties, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'
import { TrustBadge } from '../../ui/Trust'
import { SourceSection, VerificationSection } from './Verification'
import { CredentialSkills } from './CredentialSkills'
import { ConflictBanner } from './ConflictBanner'

export function CredentialDetail({ id, onEdit, onDeleted }: { id: string; onEdit: () => void; onDeleted: () => void }) {
  const { data, error, loading, reload } = useQuery('credentials:get', { id })
  const credential = data && data.id === id ? data : undefined
  if (!credential) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This credential could not be opened" />
    return loading ? <Loading /> : null
  }
  return <CredentialView credential={credential} onEdit={onEdit} onDeleted={onDeleted} />
}

/** The badge image kept with an imported credential; nothing is shown while it loads or if it cannot be read. */
function BadgeImage({ sha256, title }: { sha256: string; title: string }) {
  const { data } = useQuery('evidence:image', { sha256 })
  return data ? <img className="badge-image" src={data.dataUrl} alt={`Badge image of ${title}`} /> : null
}

function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a className="ext-link" href={href} target="_blank" rel="noreferrer">
      {children ?? href.replace(/^https?:\/\//, '').replace(/\/$/, '')}
      <Icon name="external" size={12} />
    </a>
  )
}

function CredentialView({ credential: c, onEdit, onDeleted }: { credential: Credential; onEdit: () => void; onDeleted: () => void }) {
  const [confirm, setConfirm] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const expiry = expiryOf(c.expiresOn)

  const remove = async () => {
    setDeleting(true)
    try {
      await call('credentials:delete', { id: c.id })
      setConfirm(false)
      invalidate()
      toast.show(`Deleted “${c.title}”`)
      onDeleted()
    } catch (error) {
      toast.show(`Not deleted: ${errorMessage(error)}`, 'error')
    } finally {
      setDeleting(false)
    }
  }

  const by = [c.provider, c.issuerName && c.issuerName !== c.provider ? c.issuerName : null].filter(Boolean).join(' · ')

  return (
    <article className="detail" aria-label={c.title} data-id={c.id}>
      <DetailHeader
        eyebrow={
          <>
            <Badge tone="accent">{KIND_LABEL[c.kind]}</Badge>
            <TrustBadge trust={c.trust} />
            <Badge tone={c.status === 'earned' ? 'success' : c.status === 'revoked' || c.status === 'expired' ? 'danger' : 'neutral'}>
              {STATUS_LABEL[c.status]}
            </Badge>
            {expiry ? (
              <Badge tone={expiry.state === 'expired' ? 'danger' : 'warning'} icon="clock">
                {expiry.label}
              </Badge>
            ) : null}
          </>
        }
        title={c.title}
        subtitle={by || undefined}
        media={c.source?.imageSha256 ? <BadgeImage sha256={c.source.imageSha256} title={c.title} /> : undefined}
        actions={
          <>
            <Button icon="pencil" onClick={onEdit}>
              Edit
            </Button>
            <Button icon="trash" variant="ghost" aria-label={`Delete ${c.title}`} title="Delete" onClick={() => setConfirm(true)} />
          </>
        }
      />

      <div className="stat-row">
        <Stat label="Earned" value={formatDate(c.earnedOn) || '—'} />
        <Stat label="Expires" value={formatDate(c.expiresOn) || 'Never'} tone={expiry?.state} />
        <Stat label="Time" value={formatHours(c.hours) || '—'} />
        <Stat label="Cost" value={formatMoney(c.cost) || '—'} />
      </div>

      {c.conflictWith ? <ConflictBanner credential={c} onDiscarded={onDeleted} /> : null}

      {c.source ? <VerificationSection credential={c} /> : null}

      <Section title="Details">
        <Properties
          items={[
            { label: 'Provider', value: c.provider },
            { label: 'Issuer', value: c.issuerName ?? (c.issuerUrl ? <ExternalLink href={c.issuerUrl} /> : null) },
            { label: 'Issuer website', value: c.issuerName && c.issuerUrl ? <ExternalLink href={c.issuerUrl} /> : null },
            { label: 'Started', value: formatDate(c.startedOn) },
            { label: 'Credential ID', value: c.credentialCode ? <code className="code">{c.credentialCode}</code> : null },
            { label: 'Verification page', value: c.verificationUrl ? <ExternalLink href={c.verificationUrl}>Verify online</ExternalLink> : null },
          ]}
        />
      </Section>

      <Section title={c.skills.length ? `Skills · ${c.skills.length}` : 'Skills'}>
        <CredentialSkills credential={c} />
      </Section>

      {c.description ? (
        <Section title="Description">
          <p className="prose">{c.description}</p>
        </Section>
      ) : null}

      {c.source ? <SourceSection source={c.source} shownId={c.credentialCode} /> : null}

      {c.notes ? (
        <Section title="Private notes">
          <p className="prose">{c.notes}</p>
        </Section>
      ) : null}

      <Section title={c.projects.length ? `Used in ${plural(c.projects.length, 'project')}` : 'Projects'}>
        {c.projects.length ? (
          <ul className="link-list">
            {c.projects.map((p) => (
              <li key={p.id}>
                <a href={formatRoute({ screen: 'projects', id: p.id, edit: false, params: {} })}>
                  <Icon name="folder" />
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Not linked to a project yet. Projects show where you applied what you learned.</p>
        )}
      </Section>

      {c.evidence.length ? (
        <Section title="Evidence files">
          <ul className="link-list">
            {c.evidence.map((e) => (
              <li key={e.sha256}>
                <span className="file-row">
                  <Icon name="layers" />
                  {e.fileName}
                  <span className="muted"> · {Math.max(1, Math.round(e.sizeBytes / 1024))} KB</span>
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <ConfirmDialog
        open={confirm}
        title={`Delete “${c.title}”?`}
        message={
          c.projects.length
            ? `It will also be unlinked from ${plural(c.projects.length, 'project')}. Skills stay in your portfolio. This cannot be undone.`
            : 'Skills stay in your portfolio. This cannot be undone.'
        }
        confirmLabel="Delete credential"
        danger
        busy={deleting}
        onCancel={() => setConfirm(false)}
        onConfirm={remove}
      />
    </article>
  )
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'expired' | 'soon' | undefined }) {
  return (
    <div className={['stat', tone ? `stat-${tone}` : ''].filter(Boolean).join(' ')}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
    </div>
  )
}
