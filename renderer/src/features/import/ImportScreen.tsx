/**
 * Import: choose files or a folder with the system's dialog (or drop or paste them anywhere),
 * the recent imports on the left and the open one on the right, with its progress and per-file
 * report. The batch id is in the URL (#/import/7), so a reload comes back to the same report.
 */
import { useEffect, type ReactNode } from 'react'
import { useQuery } from '../../data'
import { plural } from '../../format'
import { navigate, type Route } from '../../router'
import type { ImportProgress, ImportReport } from '../../shared'
import { Button, MOD } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { DetailPane, ListPane } from '../../ui/Layout'
import { ListBox } from '../../ui/ListBox'
import { Icon } from '../../ui/Icon'
import { focusDetail } from '../../ui/focus'
import { BatchView } from './BatchView'
import { CareerButtons } from '../career/CareerButtons'
import { CareerReview } from '../career/CareerReview'
import { CertificateReview } from '../certificates/CertificateReview'
import { useImports, useImportStore } from './ImportProvider'
import { StateBadge } from './StateBadge'
import { humanMoment, ORIGIN_LABEL, stateSentence } from './words'

type BatchSummary = Omit<ImportReport, 'items'>

export function ImportScreen({ route }: { route: Route }) {
  const store = useImportStore()
  const snap = useImports()
  const batches = useQuery('import:batches', { limit: 50 })
  const batchId = route.id && /^\d+$/.test(route.id) ? Number(route.id) : null

  // The system's open dialog: the shell imports what is picked; the page never sees the paths.
  const chooseFiles = () => void store.choose('files')
  const chooseFolder = () => void store.choose('folder')

  // Ctrl/Cmd+N on this screen opens the file chooser.
  useEffect(() => {
    const open = () => void store.choose('files')
    document.addEventListener('skillfolio:new', open)
    return () => document.removeEventListener('skillfolio:new', open)
  }, [store])

  // Live numbers for batches this window is following; the list query refreshes when they end.
  const list: BatchSummary[] = (batches.data ?? []).map((b) => snap.reports.get(b.batchId) ?? withLive(b, snap.progress.get(b.batchId)))
  const nothingSent = snap.refused.get(0) ?? []

  return (
    <div className="screen">
      <ListPane label="Imports">
        <div className="list-toolbar">
          <div className="list-toolbar-head">
            <h1 className="pane-title">Import</h1>
            <Button size="sm" icon="folder" onClick={chooseFolder} title="Choose a folder of badges">
              Folder…
            </Button>
            <Button size="sm" variant="primary" icon="download" onClick={chooseFiles} busy={snap.preparing > 0} title={`Choose badge files (${MOD}N)`}>
              Files…
            </Button>
          </div>
          <p className="list-toolbar-hint">Or drop or paste files and folders anywhere in the window.</p>
        </div>
        <div className="list-scroll">
          <h2 className="list-heading">Recent imports</h2>
          {batches.error && !batches.data ? <ErrorBanner error={batches.error} onRetry={batches.reload} /> : null}
          {!batches.data && batches.loading ? <Loading /> : null}
          {batches.data && !list.length ? (
            <EmptyState compact icon="layers" title="No imports yet">
              Every import is listed here with its report, and can be undone.
            </EmptyState>
          ) : null}
          {list.length ? (
            <ListBox
              label="Recent imports"
              items={list}
              getId={(b) => String(b.batchId)}
              selectedId={batchId === null ? null : String(batchId)}
              onOpen={(id, how) => {
                navigate({ id })
                if (how === 'keyboard') focusDetail(id)
              }}
              renderItem={(b) => <BatchRow b={b} />}
            />
          ) : null}
        </div>
      </ListPane>
      <DetailPane label="Import report">
        {route.id === 'career' ? (
          <CareerReview />
        ) : route.id === 'certificates' ? (
          <CertificateReview />
        ) : batchId !== null ? (
          <BatchView key={batchId} batchId={batchId} />
        ) : (
          <Welcome onFiles={chooseFiles} onFolder={chooseFolder} preparing={snap.preparing > 0}>
            {nothingSent.length ? (
              <div className="banner banner-error" role="alert">
                <Icon name="alert" />
                <div className="banner-text">
                  <strong>Nothing was imported.</strong>{' '}
                  {nothingSent.map((r) => `${r.fileName}: ${r.reason}`).join(' ')}
                </div>
              </div>
            ) : null}
          </Welcome>
        )}
      </DetailPane>
    </div>
  )
}

/** A listed batch with the latest progress event laid over it (batches this window does not follow). */
function withLive(b: BatchSummary, live: ImportProgress | undefined): BatchSummary {
  if (!live || b.state !== 'running') return b
  return { ...b, state: live.state, total: live.total, processed: live.processed, counts: live.counts }
}

function BatchRow({ b }: { b: BatchSummary }) {
  return (
    <div className="batch-row" data-state={b.state}>
      <div className="batch-row-head">
        <div className="row-title">{plural(b.total, 'file')}</div>
        <StateBadge state={b.state} />
      </div>
      <div className="batch-row-line">
        {humanMoment(b.startedAt)} · {ORIGIN_LABEL[b.origin]}
      </div>
      <div className="batch-row-line">{stateSentence(b)}</div>
    </div>
  )
}

function Welcome({ onFiles, onFolder, preparing, children }: { onFiles: () => void; onFolder: () => void; preparing: boolean; children?: ReactNode }) {
  return (
    <div className="import-welcome">
      {children}
      <div className="drop-target">
        <div className="drop-target-icon">
          <Icon name="download" size={28} />
        </div>
        <h2 className="drop-target-title">Drop badges here to import them</h2>
        <p className="drop-target-text">One badge, a hundred, or a whole folder of them.</p>
        <div className="drop-target-actions">
          <Button variant="primary" icon="file" onClick={onFiles} busy={preparing}>
            Choose files…
          </Button>
          <Button icon="folder" onClick={onFolder}>
            Choose folder…
          </Button>
        </div>
      </div>
      <div className="import-career">
        <div className="import-career-text">
          <strong>Bring in your career history.</strong> Your LinkedIn data export (its ZIP or its folder) or a JSON Resume:
          every job, school, certificate, project and skill in it is shown for you to choose from before anything is added.
        </div>
        <div className="import-career-actions">
          <CareerButtons />
        </div>
      </div>
      <ul className="import-facts">
        <li>
          <Icon name="layers" />
          <div>
            <strong>Reads what issuers hand out.</strong> Open Badges 2.0 and 3.0 (JSON, baked PNG and SVG, signed JWS and
            VC-JWT), CLR 2.0, Blockcerts and European Digital Credentials. The format is recognised from the contents, not the
            file name.
          </div>
        </li>
        <li>
          <Icon name="shieldCheck" />
          <div>
            <strong>Checks them on this computer.</strong> Signatures, validity dates and revocation are checked offline. Hosted
            badges and revocation lists need online checks, which you can turn on in{' '}
            <a href="#/settings">Settings</a>.
          </div>
        </li>
        <li>
          <Icon name="undo" />
          <div>
            <strong>Changes nothing you already have.</strong> The original file is kept as evidence, the same badge twice is
            reported as a duplicate, and every import can be undone.
          </div>
        </li>
      </ul>
    </div>
  )
}
