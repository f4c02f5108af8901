/**
 * Certificate PDFs, checked one by one before they are saved (#/import/certificates): the
 * queued files with their state, reading progress, and the open one in the ordinary
 * credential form, filled in with what was read and with what was not found marked. Saving
 * sends the values as the person left them (certificates:confirm); a PDF that cannot be read
 * says why and offers the empty form to type it in.
 */
import { useRef, type ReactNode } from 'react'
import { plural } from '../../format'
import { formatRoute, navigate } from '../../router'
import { Button } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { Badge, Loading } from '../../ui/Feedback'
import { Icon, type IconName } from '../../ui/Icon'
import { DetailHeader, Section } from '../../ui/Layout'
import { ListBox } from '../../ui/ListBox'
import { focusDetail } from '../../ui/focus'
import { CredentialForm } from '../credentials/CredentialForm'
import { emptyValues, type CredentialFormValues } from '../credentials/model'
import { certificates, PDF_ACCEPT, queueCertificates, useCertificates, type CertificateItem, type CertificatePreview, type CertificateSnapshot, type CertificateState } from './store'
import '../../styles/certificates.css'

type Tone = 'neutral' | 'accent' | 'warning' | 'danger' | 'success'

const STATE_WORD: Record<CertificateState['kind'], { word: string; tone: Tone; icon: IconName }> = {
  waiting: { word: 'Waiting', tone: 'neutral', icon: 'clock' },
  reading: { word: 'Reading…', tone: 'neutral', icon: 'clock' },
  review: { word: 'To review', tone: 'accent', icon: 'fileText' },
  skipped: { word: 'Skipped', tone: 'neutral', icon: 'fileText' },
  duplicate: { word: 'Already in your portfolio', tone: 'warning', icon: 'copy' },
  saved: { word: 'Saved', tone: 'success', icon: 'check' },
  refused: { word: 'Not read', tone: 'danger', icon: 'alert' },
}

/** What the form says under a field the certificate did not give. */
const NOT_FOUND: Partial<Record<keyof CertificatePreview['fields'], { field: keyof CredentialFormValues; note: string }>> = {
  title: { field: 'title', note: 'We could not find the title on this certificate.' },
  earnedOn: { field: 'earnedOn', note: 'We could not find the date on this certificate.' },
  issuerName: { field: 'issuerName', note: 'We could not find who awarded this certificate.' },
  provider: { field: 'provider', note: 'We could not find the platform on this certificate.' },
  credentialCode: { field: 'credentialCode', note: 'We could not find a credential ID on this certificate.' },
  verificationUrl: { field: 'verificationUrl', note: 'We could not find a verification link on this certificate.' },
}

export function CertificateReview() {
  const snap = useCertificates()
  if (!snap.items.length)
    return (
      <EmptyState icon="fileText" title="No certificate PDFs to review" actions={<PickPdfs variant="primary">Certificate PDFs…</PickPdfs>}>
        <p>
          Drop the completion certificates you downloaded from Coursera, edX, Udacity, LinkedIn Learning, Microsoft Learn, Google or
          Credly anywhere in the window, or choose them here: one, several, or all of a folder’s.
        </p>
        <p>Each is read on this computer and shown for you to check. Nothing is saved until you say so.</p>
      </EmptyState>
    )

  const selected = snap.items.find((i) => i.id === snap.selectedId) ?? null
  return (
    <article className="detail cert-review" aria-label="Certificate PDFs">
      <DetailHeader
        eyebrow={<Badge tone="accent">Checked before saving</Badge>}
        title={plural(snap.items.length, 'certificate PDF')}
        subtitle={countsSentence(snap.items)}
        actions={<PickPdfs>Add PDFs…</PickPdfs>}
      />
      <ReadingProgress reading={snap.reading} />
      <ListBox
        label="Certificate PDFs"
        items={snap.items}
        getId={(i) => i.id}
        selectedId={snap.selectedId}
        onOpen={(id, how) => {
          certificates.select(id)
          // The form puts the cursor in its first field; elsewhere the heading takes focus.
          if (how === 'keyboard' && snap.items.find((i) => i.id === id)?.state.kind !== 'review') focusDetail(id)
        }}
        renderItem={(item) => <CertificateRow item={item} />}
      />
      {selected ? <Selected key={selected.id} item={selected} /> : <Overview snap={snap} />}
    </article>
  )
}

function countsSentence(items: readonly CertificateItem[]): string {
  const n = (kind: CertificateState['kind']) => items.filter((i) => i.state.kind === kind).length
  const parts = [
    n('waiting') + n('reading') ? `${n('waiting') + n('reading')} being read` : '',
    n('review') ? `${n('review')} to review` : '',
    n('saved') ? `${n('saved')} saved` : '',
    n('skipped') ? `${n('skipped')} skipped` : '',
    n('duplicate') ? `${n('duplicate')} already in your portfolio` : '',
    n('refused') ? `${n('refused')} could not be read` : '',
  ]
  return parts.filter(Boolean).join(' · ')
}

function CertificateRow({ item }: { item: CertificateItem }) {
  const s = item.state
  const look = STATE_WORD[s.kind]
  const layout = 'preview' in s ? (s.preview.platformName ?? 'Unknown layout') : null
  return (
    <div className="row cert-row" data-state={s.kind}>
      <Icon name={look.icon} className="cert-row-icon" />
      <div className="row-main">
        <div className="row-title">{item.fileName}</div>
        {layout ? <div className="row-meta">{layout}</div> : null}
        {s.kind === 'refused' ? <div className="cert-row-reason">{s.reason}</div> : null}
      </div>
      <div className="row-side">
        <Badge tone={look.tone}>{look.word}</Badge>
      </div>
    </div>
  )
}

function ReadingProgress({ reading }: { reading: CertificateSnapshot['reading'] }) {
  if (!reading) return null
  const { done, total } = reading
  return (
    <div className="progress-block">
      <div
        className="progress"
        role="progressbar"
        aria-label="Reading progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} read`}
      >
        <div className="progress-fill" style={{ width: `${Math.max(3, Math.round((done / total) * 100))}%` }} />
      </div>
      <div className="progress-label" role="status">
        <span className="spinner spinner-xs" aria-hidden="true" />
        Reading {Math.min(done + 1, total)} of {plural(total, 'certificate')}…
      </div>
    </div>
  )
}

/** The open certificate: the form while it waits for review, else what became of it. */
function Selected({ item }: { item: CertificateItem }) {
  const s = item.state
  if (s.kind === 'review') return <Review item={item} preview={s.preview} />
  return (
    <section className="cert-selected" aria-label={item.fileName} data-id={item.id}>
      <div className="cert-selected-head">
        <h3 className="cert-selected-title" tabIndex={-1} data-detail-title>
          {item.fileName}
        </h3>
        <Button size="sm" variant="ghost" icon="x" onClick={() => certificates.select(null)}>
          Close
        </Button>
      </div>
      {s.kind === 'waiting' || s.kind === 'reading' ? <Loading label={`Reading ${item.fileName}…`} /> : null}
      {s.kind === 'refused' ? (
        <>
          <div className="banner banner-error" role="alert">
            <Icon name="alert" />
            <div className="banner-text">
              <strong>This PDF could not be read.</strong> {s.reason}
            </div>
          </div>
          <div className="cert-actions">
            <Button variant="primary" icon="pencil" onClick={() => navigate({ screen: 'credentials', id: 'new', params: {} })}>
              Type it in
            </Button>
            {s.retry ? (
              <Button icon="refresh" onClick={() => certificates.retry(item.id)}>
                Try again
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
      {s.kind === 'duplicate' ? (
        <div className="banner banner-warning" role="note">
          <Icon name="copy" />
          <div className="banner-text">
            Already in your portfolio as <CredentialLink credential={s.of} />. This same PDF was saved before, so there is nothing to add.
          </div>
        </div>
      ) : null}
      {s.kind === 'saved' ? (
        <div className="banner banner-success" role="status">
          <Icon name="check" />
          <div className="banner-text">
            Saved as <CredentialLink credential={s.credential} />, self-reported, with this PDF kept as its original.
          </div>
        </div>
      ) : null}
      {s.kind === 'skipped' ? (
        <>
          <p className="muted">You skipped this certificate: nothing was saved.</p>
          <div className="cert-actions">
            <Button variant="primary" icon="pencil" onClick={() => certificates.reopen(item.id)}>
              Review it again
            </Button>
          </div>
        </>
      ) : null}
    </section>
  )
}

function Review({ item, preview: p }: { item: CertificateItem; preview: CertificatePreview }) {
  const notes: Partial<Record<keyof CredentialFormValues, string>> = {}
  for (const name of p.missing) {
    const found = NOT_FOUND[name]
    if (found) notes[found.field] = found.note
  }
  return (
    <div className="cert-form" data-id={item.id}>
      <CredentialForm
        prefill={{
          values: formValues(p),
          heading: p.fields.title ?? item.fileName,
          submitLabel: 'Save credential',
          cancelLabel: 'Skip',
          intro: <Source item={item} preview={p} />,
          notes,
          save: (values) => certificates.confirm(item.id, values),
        }}
        onSaved={() => {} /* the queue has opened the next one already */}
        onCancel={() => certificates.skip(item.id)}
      />
    </div>
  )
}

/** Where the values came from and why they are self-reported, with the link to check them. */
function Source({ item, preview: p }: { item: CertificateItem; preview: CertificatePreview }) {
  const url = p.fields.verificationUrl
  const from = p.platformName ? `${/^[aeio]/i.test(p.platformName) ? 'an' : 'a'} ${p.platformName} certificate PDF` : 'a certificate PDF in a layout Skillfolio does not know'
  const toCheck = p.missing.filter((m) => m in NOT_FOUND).length
  return (
    <div className="cert-source">
      <div className="banner banner-info" role="note">
        <Icon name="fileText" />
        <div className="banner-text">
          Read from {from}; nothing in a PDF is signed, so it is saved as self-reported.{' '}
          {url ? (
            <>
              Check it with {p.platformName ? 'the platform' : 'the issuer'}:{' '}
              <a className="ext-link" href={url} target="_blank" rel="noreferrer">
                {url.replace(/^https?:\/\//, '')}
                <Icon name="external" size={12} />
              </a>
            </>
          ) : (
            'It names no page to check it on.'
          )}
          <div className="cert-source-meta">
            <span>
              <Icon name="file" size={12} /> {item.fileName}
            </span>
            {p.fields.learnerName ? <span>Made out to {p.fields.learnerName}</span> : <span>No learner’s name found</span>}
          </div>
        </div>
      </div>
      {p.needsReview || toCheck ? (
        <p className="cert-check" role="note">
          <Icon name="alert" size={14} />
          {p.platform === null
            ? 'Skillfolio does not know this layout, so check every field before saving. '
            : 'Check the fields before saving. '}
          {toCheck ? `What could not be found is marked (${plural(toCheck, 'field')}).` : ''}
        </p>
      ) : null}
    </div>
  )
}

/** The form's starting values: the draft where the core made one, else whatever was found. */
function formValues(p: CertificatePreview): CredentialFormValues {
  const f = p.fields
  const d = p.draft
  return {
    ...emptyValues(),
    kind: d?.kind ?? (p.platform ? 'platform' : 'other'),
    status: d?.status ?? 'earned',
    title: d?.title ?? f.title ?? '',
    provider: d?.provider ?? f.provider ?? '',
    issuerName: d?.issuerName ?? f.issuerName ?? '',
    earnedOn: d?.earnedOn ?? f.earnedOn ?? '',
    expiresOn: d?.expiresOn ?? f.expiresOn ?? '',
    credentialCode: d?.credentialCode ?? f.credentialCode ?? '',
    verificationUrl: d?.verificationUrl ?? f.verificationUrl ?? '',
  }
}

/** Nothing open: where the list stands, with the saved credentials linked. */
function Overview({ snap }: { snap: CertificateSnapshot }) {
  const saved = snap.items.flatMap((i) => (i.state.kind === 'saved' ? [{ item: i, credential: i.state.credential }] : []))
  const toReview = snap.items.filter((i) => i.state.kind === 'review')
  const busy = snap.items.some((i) => i.state.kind === 'waiting' || i.state.kind === 'reading')
  if (busy && !saved.length && !toReview.length) return null
  return (
    <div className="cert-overview">
      {toReview.length ? (
        <div className="cert-actions">
          <Button variant="primary" icon="chevronRight" onClick={() => certificates.select(toReview[0]!.id)}>
            Review {toReview.length === 1 ? 'it' : `the next of ${toReview.length}`}
          </Button>
        </div>
      ) : busy ? null : (
        <p className="cert-done" role="status">
          <Icon name="check" />
          {saved.length ? `Done: ${plural(saved.length, 'credential')} saved.` : 'Done: nothing was saved.'}
        </p>
      )}
      {saved.length ? (
        <Section title={`Saved · ${saved.length}`}>
          <ul className="outcomes-list" data-outcome="saved">
            {saved.map(({ item, credential }) => (
              <li key={item.id} className="outcome outcome-imported">
                <Icon name="check" className="outcome-icon" />
                <div className="outcome-main">
                  <div className="outcome-title">
                    <CredentialLink credential={credential} />
                  </div>
                  <div className="outcome-file">
                    <Icon name="file" size={12} />
                    {item.fileName}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {busy ? null : (
        <div className="cert-actions">
          <Button variant="ghost" icon="x" onClick={certificates.clear}>
            Clear the list
          </Button>
        </div>
      )}
    </div>
  )
}

function CredentialLink({ credential }: { credential: { id: string; title: string } }) {
  return <a href={formatRoute({ screen: 'credentials', id: credential.id, edit: false, params: {} })}>{credential.title}</a>
}

/** A button that opens the system's picker for PDFs (several, or all of a folder's). */
function PickPdfs({ children, variant }: { children: ReactNode; variant?: 'primary' }) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={PDF_ACCEPT}
        multiple
        hidden
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? [])
          e.currentTarget.value = ''
          queueCertificates(files)
        }}
      />
      <Button variant={variant} icon="fileText" onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  )
}
