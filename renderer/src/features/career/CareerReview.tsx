/**
 * The career import's review (#/import/career): a LinkedIn export or a JSON Resume is previewed
 * (nothing written), shown entry by entry by section with a checkbox for every new one, then
 * brought in with the unchecked entries left out; afterwards what was added, with links, and
 * what was left out. A Skillfolio export instead offers "Bring in everything", into an empty
 * portfolio only. The file is held in memory (./store): after a reload the screen asks for it.
 */
import { useEffect, useId, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react'
import { ApiError, call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { plural } from '../../format'
import { formatRoute, navigate, type Route } from '../../router'
import type { CareerImport, ExchangeItem, LinkedInImport } from '../../shared'
import { Button } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { Badge } from '../../ui/Feedback'
import { Icon, type IconName } from '../../ui/Icon'
import { DetailHeader, Section } from '../../ui/Layout'
import { focusDetail } from '../../ui/focus'
import { CareerButtons } from './CareerButtons'
import { recordCareerResult, releaseCareer, usePendingCareer, type FullImportResult, type PendingCareer } from './store'
import type { CareerSource } from './source'
import { holdsWords, initialChoice, itemRoute, leaveOutKeys, previewSentence, resultSentence, SECTION_TITLE, SECTIONS, sourceWords } from './words'
import '../../styles/career.css'

type Career = Exclude<CareerSource, { kind: 'full-export' }>
type Full = Extract<CareerSource, { kind: 'full-export' }>

export function CareerReview() {
  const pending = usePendingCareer()
  if (!pending) return <NothingPending />
  const { source } = pending
  if (source.kind === 'full-export') return <FullExport key={pending.id} id={pending.id} source={source} result={pending.result?.kind === 'full-export' ? pending.result.value : null} />
  if (pending.result?.kind === 'career') return <CareerResult source={source} result={pending.result.value} />
  return <Review key={pending.id} pending={pending} source={source} />
}

function NothingPending() {
  return (
    <EmptyState
      icon="briefcase"
      title="Nothing to review"
      actions={<CareerButtons />}
    >
      Drop your LinkedIn export or JSON Resume here, or choose it below. Its entries are shown one by one before anything is
      brought in. (A file you opened before the window reloaded has to be chosen again.)
    </EmptyState>
  )
}

function cancel(): void {
  releaseCareer()
  navigate({ screen: 'import', id: null, params: {} })
}

/** The preview, then the person's choice. */
function Review({ pending, source }: { pending: PendingCareer; source: Career }) {
  const invalidate = useInvalidate()
  const [preview, setPreview] = useState<{ value: CareerImport | null; error: unknown }>({ value: null, error: null })
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  useEffect(() => {
    let stale = false
    const run = source.kind === 'linkedin' ? call('exchange:previewLinkedIn', source.input) : call('exchange:previewJsonResume', { text: source.text })
    run.then(
      (value) => {
        if (stale) return
        setPreview({ value, error: null })
        setChosen(initialChoice(value.items))
        focusDetail()
      },
      (error: unknown) => {
        if (!stale) setPreview({ value: null, error })
      },
    )
    return () => {
      stale = true
    }
  }, [source])

  const { value, error } = preview
  const header = (subtitle: ReactNode) => (
    <DetailHeader eyebrow={<Badge tone="accent" icon="briefcase">{sourceWords(source, filesRead(value))}</Badge>} title={source.name} subtitle={subtitle} />
  )

  if (error) {
    return (
      <article className="detail career" aria-label={`Review of ${source.name}`} data-state="refused">
        {header('Choose another file, or correct this one and drop it again.')}
        <Refusal title="This file cannot be brought in" error={error} />
        <div className="career-actions">
          <CareerButtons />
          <Button variant="ghost" onClick={cancel}>
            Cancel
          </Button>
        </div>
      </article>
    )
  }
  if (!value) {
    return (
      <article className="detail career" aria-label={`Review of ${source.name}`} aria-busy="true" data-state="reading">
        {header('Reading the file and comparing it with your portfolio…')}
        <div className="progress-block">
          <div className="progress career-progress" role="progressbar" aria-label="Reading the file" aria-valuetext="Reading">
            <div className="progress-fill" />
          </div>
          <div className="progress-label">
            <span className="spinner spinner-xs" aria-hidden="true" />
            Nothing is brought in until you choose.
          </div>
        </div>
      </article>
    )
  }

  const count = value.items.filter((i) => i.outcome === 'added' && chosen.has(i.key)).length
  const bringIn = async (e: FormEvent) => {
    e.preventDefault()
    if (!count || busy) return
    setBusy(true)
    setFailure(null)
    const leaveOut = leaveOutKeys(value.items, chosen)
    try {
      const result = source.kind === 'linkedin' ? await call('exchange:importLinkedIn', { ...source.input, leaveOut }) : await call('exchange:importJsonResume', { text: source.text, leaveOut })
      recordCareerResult(pending.id, { kind: 'career', value: result })
      invalidate()
      focusDetail()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  const toggle = (keys: readonly string[], on: boolean) =>
    setChosen((before) => {
      const next = new Set(before)
      keys.forEach((k) => (on ? next.add(k) : next.delete(k)))
      return next
    })

  return (
    <form className="detail career" aria-label={`Review of ${source.name}`} data-state="review" onSubmit={(e) => void bringIn(e)}>
      {header(`${previewSentence(value.counts)}.`)}
      {failure ? <Refusal title="Nothing was brought in" error={failure} /> : null}
      {value.counts.added ? (
        <p className="career-note">Uncheck what you do not want in your portfolio. Entries already there are not brought in twice.</p>
      ) : (
        <div className="banner banner-info">
          <Icon name="check" />
          <div className="banner-text">Everything in this file is already in your portfolio, or cannot be taken; there is nothing new to bring in.</div>
        </div>
      )}
      {SECTIONS.map((section) => {
        const items = value.items.filter((i) => i.section === section)
        if (!items.length) return null
        const open = items.filter((i) => i.outcome === 'added').map((i) => i.key)
        const title = SECTION_TITLE[section]
        return (
          <Section
            key={section}
            title={`${title} · ${items.length}`}
            actions={
              open.length > 1 ? (
                <span className="career-select">
                  <Button size="sm" variant="ghost" onClick={() => toggle(open, true)} aria-label={`Select all in ${title}`} disabled={open.every((k) => chosen.has(k))}>
                    All
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => toggle(open, false)} aria-label={`Select none in ${title}`} disabled={!open.some((k) => chosen.has(k))}>
                    None
                  </Button>
                </span>
              ) : null
            }
          >
            <ul className="career-rows" data-section={section}>
              {items.map((item) => (
                <ChoiceRow key={item.key} item={item} checked={chosen.has(item.key)} onChange={(on) => toggle([item.key], on)} />
              ))}
            </ul>
          </Section>
        )
      })}
      <Ignored lines={value.ignored} />
      <div className="career-actions career-submit">
        <Button type="submit" variant="primary" icon="download" busy={busy} disabled={!count}>
          {count ? `Bring in ${plural(count, 'entry', 'entries')}` : 'Nothing to bring in'}
        </Button>
        <Button variant="ghost" onClick={cancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  )
}

const filesRead = (value: CareerImport | null) => (value && 'files' in value ? (value as LinkedInImport).files.length : undefined)

/** Why an entry is as it is, in words. */
function rowNote(item: ExchangeItem): string | null {
  if (item.outcome === 'duplicate') return item.reason ? `Already in your portfolio: ${item.reason}` : 'Already in your portfolio'
  if (item.outcome === 'skipped') return `Cannot be taken: ${item.reason ?? 'Skillfolio cannot read it'}`
  if (item.outcome === 'left-out') return 'Left out'
  return item.reason
}

const ROW_ICON: Record<ExchangeItem['outcome'], IconName> = { added: 'plus', duplicate: 'copy', skipped: 'alert', 'left-out': 'minus' }

function ChoiceRow({ item, checked, onChange }: { item: ExchangeItem; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId()
  const note = rowNote(item)
  const open = item.outcome === 'added'
  return (
    <li className={`career-row career-${item.outcome}`} data-key={item.key} data-outcome={item.outcome}>
      <input id={id} type="checkbox" checked={open && checked} disabled={!open} onChange={(e) => onChange(e.target.checked)} aria-describedby={note ? `${id}-note` : undefined} />
      <div className="career-row-main">
        <label htmlFor={id} className="career-row-label">
          {item.label}
        </label>
        {note ? (
          <div className="career-row-note" id={`${id}-note`}>
            {open ? null : <Icon name={ROW_ICON[item.outcome]} size={12} />}
            {note}
          </div>
        ) : null}
      </div>
    </li>
  )
}

/** What the file holds that Skillfolio keeps nowhere, folded away. */
function Ignored({ lines }: { lines: readonly string[] }) {
  if (!lines.length) return null
  return (
    <details className="career-ignored">
      <summary>
        <Icon name="chevronRight" size={14} className="career-ignored-chevron" />
        Not brought in · {lines.length}
      </summary>
      <p className="career-note">Parts of the file Skillfolio has no place for. They stay in your file.</p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </details>
  )
}

/** A refusal from the core, in its words, with every problem it listed. */
function Refusal({ title, error }: { title: string; error: unknown }) {
  const issues = error instanceof ApiError ? error.issues : []
  const shown = issues.slice(0, 20)
  return (
    <div className="banner banner-error career-refusal" role="alert">
      <Icon name="alert" />
      <div className="banner-text">
        <strong>{title}.</strong> {error instanceof ApiError ? error.message : errorMessage(error)} Your portfolio is unchanged.
        {shown.length ? (
          <ul className="career-issues">
            {shown.map((issue, i) => (
              <li key={i}>
                {issue.path ? <code>{issue.path}</code> : null} {issue.message}
              </li>
            ))}
            {issues.length > shown.length ? <li>… and {plural(issues.length - shown.length, 'more problem')}</li> : null}
          </ul>
        ) : null}
      </div>
    </div>
  )
}

function goTo(e: MouseEvent, route: Pick<Route, 'screen' | 'id'>): void {
  e.preventDefault()
  navigate({ ...route, params: {} })
}

function ItemLink({ item }: { item: ExchangeItem }) {
  const route = itemRoute(item)
  if (!route) return <>{item.label}</>
  return (
    <a href={formatRoute({ ...route, edit: false, params: {} })} onClick={(e) => goTo(e, route)}>
      {item.label}
    </a>
  )
}

/** After the import: what was added (with links), what was left out, what was there already or could not be taken. */
function CareerResult({ source, result }: { source: Career; result: CareerImport }) {
  const groups: Array<{ outcome: ExchangeItem['outcome']; title: string; icon: IconName }> = [
    { outcome: 'added', title: 'Brought in', icon: 'check' },
    { outcome: 'left-out', title: 'Left out', icon: 'minus' },
    { outcome: 'skipped', title: 'Could not be taken', icon: 'alert' },
    { outcome: 'duplicate', title: 'Already in your portfolio', icon: 'copy' },
  ]
  return (
    <article className="detail career" aria-label={`Result of ${source.name}`} data-state="done">
      <DetailHeader
        eyebrow={
          <>
            <Badge tone="accent" icon="briefcase">
              {sourceWords(source, filesRead(result))}
            </Badge>
            <Badge tone="success" icon="check">
              Brought in
            </Badge>
          </>
        }
        title={source.name}
        subtitle={`${resultSentence(result.counts)}.`}
        actions={
          <Button variant="primary" onClick={cancel}>
            Done
          </Button>
        }
      />
      {groups.map((g) => {
        // In the review's order: by section, as a resume reads.
        const items = result.items.filter((i) => i.outcome === g.outcome).sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section))
        if (!items.length) return null
        return (
          <Section key={g.outcome} title={`${g.title} · ${items.length}`}>
            <ul className="outcomes-list career-outcomes" data-outcome={g.outcome}>
              {items.map((item) => (
                <li key={item.key} className={`outcome career-${item.outcome}`} data-key={item.key}>
                  <Icon name={g.icon} className="outcome-icon" />
                  <div className="outcome-main">
                    <div className="outcome-title">{g.outcome === 'left-out' || g.outcome === 'skipped' ? item.label : <ItemLink item={item} />}</div>
                    <div className="outcome-file">{SECTION_TITLE[item.section]}</div>
                    {g.outcome === 'skipped' && item.reason ? <div className="outcome-reason">{item.reason}</div> : null}
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        )
      })}
      <Ignored lines={result.ignored} />
    </article>
  )
}

/** A Skillfolio export: everything at once, into an empty portfolio only. */
function FullExport({ id, source, result }: { id: number; source: Full; result: FullImportResult | null }) {
  const invalidate = useInvalidate()
  const info = useQuery('app:info', {})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const held = info.data ? Object.values(info.data.counts).reduce((a, b) => a + b, 0) : null
  const holds = source.holds ? holdsWords(source.holds) : null

  const bringIn = async () => {
    setBusy(true)
    setFailure(null)
    try {
      recordCareerResult(id, { kind: 'full-export', value: await call('exchange:importAll', { zipBase64: source.zipBase64 }) })
      invalidate()
      focusDetail()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  const eyebrow = (
    <Badge tone="accent" icon="layers">
      {sourceWords(source)}
    </Badge>
  )
  if (result) {
    const c = result.counts
    const links: Array<[Route['screen'], string]> = [
      ['credentials', plural(c.credentials, 'credential')],
      ['projects', plural(c.projects, 'project')],
      ['skills', plural(c.skills, 'skill')],
      ['profile', `${plural(c.experience, 'work entry', 'work entries')} and ${plural(c.education, 'education entry', 'education entries')}`],
    ]
    return (
      <article className="detail career" aria-label={`Result of ${source.name}`} data-state="done">
        <DetailHeader
          eyebrow={eyebrow}
          title={source.name}
          subtitle="Everything in the export was brought in."
          actions={
            <Button variant="primary" onClick={cancel}>
              Done
            </Button>
          }
        />
        <ul className="career-links">
          {links.map(([screen, words]) => (
            <li key={screen}>
              <a href={formatRoute({ screen, id: null, edit: false, params: {} })} onClick={(e) => goTo(e, { screen, id: null })}>
                {words}
              </a>
            </li>
          ))}
          {c.roles ? <li>{plural(c.roles, 'target role')}</li> : null}
          {c.variants ? <li>{plural(c.variants, 'saved resume')}</li> : null}
          {c.originals ? <li>{plural(c.originals, 'original file')}, kept as evidence</li> : null}
        </ul>
      </article>
    )
  }

  return (
    <article className="detail career" aria-label={`Review of ${source.name}`} data-state="full-export">
      <DetailHeader
        eyebrow={eyebrow}
        title={source.name}
        subtitle={holds ? `A whole Skillfolio portfolio: ${holds}.` : 'A whole Skillfolio portfolio; it is checked in full when you bring it in.'}
      />
      {failure ? <Refusal title="Nothing was brought in" error={failure} /> : null}
      {held ? (
        <div className="banner banner-warning" role="note">
          <Icon name="alert" />
          <div className="banner-text">
            <strong>Your portfolio is not empty.</strong> A Skillfolio export brings back a whole portfolio, so it only goes into an
            empty one, where nothing can be mixed up or counted twice. Bring it into a new portfolio instead (on the command line:{' '}
            <code>skillfolio --db new.sqlite import “{source.name}”</code>). To add only a career history to this portfolio, use a
            LinkedIn export or a JSON Resume.
          </div>
        </div>
      ) : (
        <p className="career-note">
          Everything comes in at once, originals included, after every part of the export has been checked. If anything is wrong,
          nothing is brought in.
        </p>
      )}
      <div className="career-actions">
        <Button variant="primary" icon="download" busy={busy} disabled={held !== 0} onClick={() => void bringIn()}>
          Bring in everything
        </Button>
        <Button variant="ghost" onClick={cancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </article>
  )
}
