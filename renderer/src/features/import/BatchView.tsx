/**
 * One import batch: progress while it runs, then the counts and a per-file report with the
 * failures first (each with its reason in plain words), and "Undo this import".
 */
import { useState } from 'react'
import { errorMessage } from '../../api'
import { formatDateTime, plural } from '../../format'
import { formatRoute } from '../../router'
import type { ImportItem, ImportReport } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon, type IconName } from '../../ui/Icon'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'
import { useImportBatch, useImportStore } from './ImportProvider'
import type { Refusal } from './sources'
import { capitalise, ORIGIN_LABEL, reportSentence } from './words'

type Outcome = ImportItem['outcome']

/** Report order: what needs attention first. */
const GROUPS: Array<{ outcome: Outcome; title: (n: number) => string; icon: IconName }> = [
  { outcome: 'failed', title: (n) => `Could not be imported · ${n}`, icon: 'alert' },
  { outcome: 'imported', title: (n) => `Imported · ${n}`, icon: 'check' },
  { outcome: 'updated', title: (n) => `Updated · ${n}`, icon: 'refresh' },
  { outcome: 'duplicate', title: (n) => `Already in your portfolio · ${n}`, icon: 'copy' },
]

export function BatchView({ batchId }: { batchId: number }) {
  const store = useImportStore()
  const { report, error, refused } = useImportBatch(batchId)
  if (!report) {
    if (error) return <ErrorBanner error={error} onRetry={() => store.refresh(batchId)} title="This import could not be opened" />
    return <Loading label="Opening the import…" />
  }
  return <Report report={report} refused={refused} />
}

function Report({ report: r, refused }: { report: ImportReport; refused: readonly Refusal[] }) {
  const store = useImportStore()
  const toast = useToast()
  const [confirm, setConfirm] = useState(false)
  const [undoing, setUndoing] = useState(false)
  const running = r.state === 'running'
  const changed = r.counts.imported + r.counts.updated

  const undo = async () => {
    setUndoing(true)
    try {
      const after = await store.undo(r.batchId)
      setConfirm(false)
      toast.show(`Import undone: ${undoSentence(after)}`)
    } catch (error) {
      toast.show(`Not undone: ${errorMessage(error)}`, 'error')
    } finally {
      setUndoing(false)
    }
  }

  const title = running ? `Importing ${plural(r.total, 'file')}…` : `Import of ${plural(r.total, 'file')}`

  return (
    <article className="detail batch" aria-label={title} data-id={String(r.batchId)} data-state={r.state}>
      <DetailHeader
        eyebrow={
          <>
            <Badge tone="accent">{ORIGIN_LABEL[r.origin]}</Badge>
            {r.state === 'undone' ? <Badge icon="undo">Undone</Badge> : null}
            <span className="eyebrow-text">{formatDateTime(r.startedAt)}</span>
          </>
        }
        title={title}
        subtitle={running ? 'Reading, checking and saving each file. You can keep working meanwhile.' : capitalise(reportSentence(r))}
        actions={
          r.state === 'done' && changed ? (
            <Button icon="undo" onClick={() => setConfirm(true)}>
              Undo this import
            </Button>
          ) : null
        }
      />

      <Progress report={r} />

      <div className="stat-row import-counts" aria-label="Summary">
        <Count label="Imported" value={r.counts.imported} tone={r.counts.imported ? 'success' : undefined} />
        <Count label="Updated" value={r.counts.updated} />
        <Count label="Duplicates" value={r.counts.duplicate} />
        <Count label="Failed" value={r.counts.failed + refused.length} tone={r.counts.failed + refused.length ? 'danger' : undefined} />
      </div>

      {r.state === 'undone' ? (
        <div className="banner banner-info">
          <Icon name="undo" />
          <div className="banner-text">
            This import was undone: the credentials it added were removed and the ones it updated were put back as they were.
          </div>
        </div>
      ) : null}

      {refused.length ? (
        <Section title={`Not read · ${refused.length}`}>
          <ul className="outcomes-list">
            {refused.map((f, i) => (
              <li key={i} className="outcome outcome-failed">
                <Icon name="alert" className="outcome-icon" />
                <div className="outcome-main">
                  <div className="outcome-title">{f.fileName}</div>
                  <div className="outcome-reason">{f.reason}</div>
                </div>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {GROUPS.map((g) => {
        const items = r.items.filter((i) => i.outcome === g.outcome)
        if (!items.length) return null
        return (
          <Section key={g.outcome} title={g.title(items.length)}>
            <ul className="outcomes-list" data-outcome={g.outcome}>
              {items.map((item) => (
                <ItemRow key={item.position} item={item} icon={g.icon} undone={r.state === 'undone'} />
              ))}
            </ul>
          </Section>
        )
      })}

      {!running && r.total === 0 && !refused.length ? <p className="muted">No files were found in what was given.</p> : null}

      <ConfirmDialog
        open={confirm}
        title="Undo this import?"
        message={undoQuestion(r)}
        confirmLabel="Undo import"
        danger
        busy={undoing}
        onCancel={() => setConfirm(false)}
        onConfirm={undo}
      />
    </article>
  )
}

function Progress({ report: r }: { report: ImportReport }) {
  const running = r.state === 'running'
  const pct = r.total ? Math.round((r.processed / r.total) * 100) : 0
  return (
    <>
      {running ? (
        <div className="progress-block">
          <div
            className="progress"
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={r.total || 1}
            aria-valuenow={r.processed}
            aria-valuetext={r.total ? `${r.processed} of ${r.total} files` : 'Looking for files'}
          >
            <div className="progress-fill" style={{ width: `${r.total ? Math.max(3, pct) : 3}%` }} />
          </div>
          <div className="progress-label">
            <span className="spinner spinner-xs" aria-hidden="true" />
            {r.total ? `${r.processed} of ${plural(r.total, 'file')}` : 'Looking for files…'}
          </div>
        </div>
      ) : null}
      <div className="sr-only" role="status" aria-live="polite">
        {running ? (r.total ? `Imported ${r.processed} of ${r.total} files` : 'Looking for files') : `Import finished: ${reportSentence(r)}`}
      </div>
    </>
  )
}

function ItemRow({ item, icon, undone }: { item: ImportItem; icon: IconName; undone: boolean }) {
  const link = item.credentialId && item.title && !(undone && item.outcome === 'imported')
  return (
    <li className={`outcome outcome-${item.outcome}`}>
      <Icon name={icon} className="outcome-icon" />
      <div className="outcome-main">
        <div className="outcome-title">
          {link ? (
            <a href={formatRoute({ screen: 'credentials', id: item.credentialId, edit: false, params: {} })}>{item.title}</a>
          ) : item.outcome === 'failed' ? (
            item.fileName
          ) : (
            (item.title ?? item.fileName)
          )}
        </div>
        {item.outcome !== 'failed' ? (
          <div className="outcome-file">
            <Icon name="file" size={12} />
            {item.fileName}
          </div>
        ) : null}
        {item.reason ? <div className="outcome-reason">{item.reason}</div> : null}
        {item.warnings.length ? (
          <ul className="outcome-warnings">
            {item.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  )
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'success' | 'danger' | undefined }) {
  return (
    <div className={['stat', tone ? `stat-${tone}` : ''].filter(Boolean).join(' ')}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
    </div>
  )
}

function undoQuestion(r: ImportReport): string {
  const parts = [
    r.counts.imported ? `The ${plural(r.counts.imported, 'credential')} it added will be removed` : '',
    r.counts.updated ? `the ${plural(r.counts.updated, 'credential')} it updated will go back to how ${r.counts.updated === 1 ? 'it was' : 'they were'}` : '',
  ].filter(Boolean)
  return `${capitalise(parts.join(', and '))}. Everything else stays as it is.`
}

function undoSentence(r: ImportReport): string {
  const parts = [
    r.counts.imported ? `removed ${plural(r.counts.imported, 'credential')}` : '',
    r.counts.updated ? `restored ${plural(r.counts.updated, 'credential')}` : '',
  ].filter(Boolean)
  return parts.join(', ') || 'nothing to change'
}
