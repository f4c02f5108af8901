/**
 * One import batch: progress while it runs, then where it ended in words ("Imported 12 of 14
 * files; 2 failed", "Interrupted: 40 files were not read" with Resume), the counts, and a
 * per-file report with the failures first: each file with its verdict word and what was
 * checked, or why it failed. "Undo this import" removes what it added.
 */
import { useState, type MouseEvent } from 'react'
import { errorMessage } from '../../api'
import { plural } from '../../format'
import { formatRoute, navigate } from '../../router'
import type { ImportItem, ImportReport } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon, type IconName } from '../../ui/Icon'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'
import { TrustBadge } from '../../ui/Trust'
import { useImportBatch, useImportStore } from './ImportProvider'
import { StateBadge } from './StateBadge'
import type { Refusal } from './sources'
import { capitalise, humanMoment, ORIGIN_LABEL, reportSentence, stateSentence, unreadItems } from './words'
import '../../styles/import.css'

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
  const [busy, setBusy] = useState<'undo' | 'resume' | null>(null)
  const running = r.state === 'running'
  const changed = r.counts.imported + r.counts.updated
  const unread = r.state === 'interrupted' ? unreadItems(r.items) : []
  const unreadPositions = new Set(unread.map((i) => i.position))
  const canResume = r.state === 'interrupted' && unread.length > 0 && r.resumedBy === null
  const canUndo = !running && r.state !== 'undone' && changed > 0
  // The core counts files an interrupted batch never reached as failed; here they are "not read".
  const failedCount = r.counts.failed - unread.length + refused.length

  const undo = async () => {
    setBusy('undo')
    try {
      const after = await store.undo(r.batchId)
      setConfirm(false)
      toast.show(`Import undone: ${undoSentence(after)}`)
    } catch (error) {
      toast.show(`Not undone: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(null)
    }
  }
  const resume = async () => {
    setBusy('resume')
    try {
      await store.resume(r.batchId)
    } catch (error) {
      toast.show(`Not resumed: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(null)
    }
  }

  const title = running ? `Importing ${plural(r.total, 'file')}…` : `Import of ${plural(r.total, 'file')}`
  const sentence = running ? 'Reading, checking and saving each file. You can keep working meanwhile.' : stateSentence(r, unread.length)

  return (
    <article className="detail batch" aria-label={title} data-id={String(r.batchId)} data-state={r.state}>
      <DetailHeader
        eyebrow={
          <>
            <Badge tone="accent">{ORIGIN_LABEL[r.origin]}</Badge>
            {running ? null : <StateBadge state={r.state} />}
            <span className="eyebrow-text">Started {humanMoment(r.startedAt)}</span>
          </>
        }
        title={title}
        subtitle={sentence}
        actions={
          canResume || canUndo ? (
            <>
              {canResume ? (
                <Button variant="primary" icon="refresh" onClick={() => void resume()} busy={busy === 'resume'}>
                  Resume
                </Button>
              ) : null}
              {canUndo ? (
                <Button icon="undo" onClick={() => setConfirm(true)}>
                  {r.state === 'interrupted' ? 'Undo' : 'Undo this import'}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />

      <Progress report={r} />

      <div className="stat-row import-counts" aria-label="Summary">
        <Count label="Imported" value={r.counts.imported} tone={r.counts.imported ? 'success' : undefined} />
        <Count label="Updated" value={r.counts.updated} />
        <Count label="Duplicates" value={r.counts.duplicate} />
        <Count label="Failed" value={failedCount} tone={failedCount ? 'danger' : undefined} />
        {unread.length ? <Count label="Not read" value={unread.length} tone="warning" /> : null}
      </div>

      <StateBanner report={r} unread={unread.length} canUndo={canUndo} />

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

      {unread.length ? (
        <Section title={`Not read before it stopped · ${unread.length}`}>
          <ul className="outcomes-list outcomes-compact" data-outcome="unread">
            {unread.map((item) => (
              <li key={item.position} className="outcome outcome-unread">
                <Icon name="clock" className="outcome-icon" />
                <div className="outcome-main">
                  <div className="outcome-title">{item.fileName}</div>
                </div>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {GROUPS.map((g) => {
        const items = r.items.filter((i) => i.outcome === g.outcome && !unreadPositions.has(i.position))
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

      <ConfirmDialog
        open={confirm}
        title="Undo this import?"
        message={undoQuestion(r)}
        confirmLabel="Undo import"
        danger
        busy={busy === 'undo'}
        onCancel={() => setConfirm(false)}
        onConfirm={undo}
      />
    </article>
  )
}

/** What the state means and what can be done about it, beyond the one-line sentence. */
function StateBanner({ report: r, unread, canUndo }: { report: ImportReport; unread: number; canUndo: boolean }) {
  if (r.state === 'undone')
    return (
      <div className="banner banner-info">
        <Icon name="undo" />
        <div className="banner-text">
          This import was undone: the credentials it added were removed and the ones it updated were put back as they were.
        </div>
      </div>
    )
  if (r.state === 'interrupted')
    return (
      <div className="banner banner-warning" role="note">
        <Icon name="alert" />
        <div className="banner-text">
          <strong>Skillfolio or the computer stopped while this import ran.</strong>{' '}
          {r.resumedBy !== null ? (
            <>
              It was resumed as{' '}
              <a href={formatRoute({ screen: 'import', id: String(r.resumedBy), edit: false, params: {} })} onClick={(e) => goTo(e, r.resumedBy!)}>
                import {r.resumedBy}
              </a>
              .
            </>
          ) : unread ? (
            `Resume reads the ${plural(unread, 'file')} it had not reached${canUndo ? '; Undo removes what it imported before it stopped' : ''}.`
          ) : (
            'Every file was read before it stopped.'
          )}
        </div>
      </div>
    )
  if (r.stopReason && r.state !== 'running')
    return (
      <div className="banner banner-error" role="note">
        <Icon name="alert" />
        <div className="banner-text">
          <strong>The import stopped early.</strong> {r.stopReason}
        </div>
      </div>
    )
  if (r.resumedFrom !== null)
    return (
      <p className="muted batch-note">
        This import resumed{' '}
        <a href={formatRoute({ screen: 'import', id: String(r.resumedFrom), edit: false, params: {} })} onClick={(e) => goTo(e, r.resumedFrom!)}>
          import {r.resumedFrom}
        </a>
        , which was interrupted.
      </p>
    )
  return null
}

function goTo(e: MouseEvent, batchId: number): void {
  e.preventDefault()
  navigate({ screen: 'import', id: String(batchId), params: {} })
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
  const failed = item.outcome === 'failed'
  return (
    <li className={`outcome outcome-${item.outcome}`} data-position={item.position}>
      <Icon name={icon} className="outcome-icon" />
      <div className="outcome-main">
        <div className="outcome-head">
          <div className="outcome-title">
            {link ? (
              <a href={formatRoute({ screen: 'credentials', id: item.credentialId, edit: false, params: {} })}>{item.title}</a>
            ) : failed ? (
              item.fileName
            ) : (
              (item.title ?? item.fileName)
            )}
          </div>
          {item.trust ? <TrustBadge trust={item.trust} explain={item.headline ?? undefined} /> : null}
        </div>
        {!failed ? (
          <div className="outcome-file">
            <Icon name="file" size={12} />
            {item.fileName}
          </div>
        ) : null}
        {item.headline ? <div className="outcome-checked">{capitalise(item.headline)}</div> : null}
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

function Count({ label, value, tone }: { label: string; value: number; tone?: 'success' | 'danger' | 'warning' | undefined }) {
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
