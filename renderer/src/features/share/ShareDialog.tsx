/**
 * "Share with an employer": choose credentials (each with its verification state) and projects,
 * then the shell writes the verification bundle (a page, the original files byte for byte and
 * presentation.json) into a new folder inside the one the person picks. The button that opens
 * the dialog gets the focus back when it closes (Dialog does that).
 */
import { useId, useMemo, useState, type ReactNode } from 'react'
import { errorMessage, openSaved, saveShareBundle } from '../../api'
import { useQuery } from '../../data'
import { formatDate, plural } from '../../format'
import type { CredentialSummary, ProjectSummary, SaveShareResult, Trust } from '../../shared'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { useToast } from '../../ui/Toast'
import { TrustBadge } from '../../ui/Trust'
import { formatSize } from '../settings/backup-words'
import '../../styles/share.css'

/** Credentials whose signature checks out: the employer can check the file themselves. */
const SIGNED: ReadonlySet<Trust> = new Set<Trust>(['verified', 'status_unchecked', 'signed'])

type Saved = Extract<SaveShareResult, { saved: true }>

/** The "Share…" button for a screen's header, with its dialog. */
export function ShareButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="sm" variant="ghost" icon="external" onClick={() => setOpen(true)} title="Share with an employer: a folder they can open and check">
        Share…
      </Button>
      {open ? <ShareDialog onClose={() => setOpen(false)} /> : null}
    </>
  )
}

/** "3 credentials (2 signed files), 1 project". */
export function selectionSummary(credentials: readonly CredentialSummary[], projects: number): string {
  if (!credentials.length && !projects) return 'Nothing chosen yet'
  const parts: string[] = []
  if (credentials.length) {
    const signed = credentials.filter((c) => SIGNED.has(c.trust)).length
    parts.push(`${plural(credentials.length, 'credential')}${signed ? ` (${plural(signed, 'signed file')})` : ''}`)
  }
  if (projects) parts.push(plural(projects, 'project'))
  return parts.join(', ')
}

const matches = (needle: string, ...hay: Array<string | null | undefined>) => !needle || hay.some((h) => h?.toLowerCase().includes(needle))

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const id = useId()
  const credentials = useQuery('credentials:list', { sort: 'title', limit: 500 })
  const projects = useQuery('projects:list', { sort: 'title', limit: 500 })
  const [filter, setFilter] = useState('')
  const [chosenCredentials, setChosenCredentials] = useState<ReadonlySet<string>>(new Set())
  const [chosenProjects, setChosenProjects] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [saved, setSaved] = useState<Saved | null>(null)

  const needle = filter.trim().toLowerCase()
  const allCredentials = useMemo(() => credentials.data?.items ?? [], [credentials.data])
  const allProjects = useMemo(() => projects.data?.items ?? [], [projects.data])
  const shownCredentials = allCredentials.filter((c) => matches(needle, c.title, c.provider, c.issuerName, ...c.skillNames))
  const shownProjects = allProjects.filter((p) => matches(needle, p.title, p.role, ...p.skillNames))
  const chosen = allCredentials.filter((c) => chosenCredentials.has(c.id))
  const summary = selectionSummary(chosen, chosenProjects.size)
  const nothing = chosenCredentials.size + chosenProjects.size === 0

  const create = async () => {
    if (busy || nothing) return
    setBusy(true)
    setFailure(null)
    try {
      const result = await saveShareBundle({ credentialIds: [...chosenCredentials], projectIds: [...chosenProjects] })
      if (result.saved) setSaved(result)
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  if (saved) return <ShareSaved saved={saved} summary={summary} onClose={onClose} />

  const loading = (credentials.loading && !credentials.data) || (projects.loading && !projects.data)
  const loadError = (!credentials.data && credentials.error) || (!projects.data && projects.error)
  return (
    <Dialog
      open
      size="lg"
      title="Share with an employer"
      onClose={() => {
        if (!busy) onClose()
      }}
      initialFocus={`#${CSS.escape(`${id}-filter`)}`}
      description="Choose what to give them. Skillfolio writes a folder with a page they open in any browser, your original files byte for byte so they can check the signatures, and a list of it all. Nothing is uploaded."
      footer={
        <>
          <p className="share-summary" role="status" aria-live="polite" data-share-summary>
            {summary}
          </p>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" icon="folder" busy={busy} disabled={nothing} onClick={() => void create()}>
            Create bundle…
          </Button>
        </>
      }
    >
      <div className="search share-filter">
        <Icon name="search" className="search-icon" />
        <input
          id={`${id}-filter`}
          type="search"
          className="input search-input"
          aria-label="Filter credentials and projects"
          placeholder="Filter by title, provider or skill"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            // Escape clears the filter first; a second Escape closes the dialog.
            if (e.key === 'Escape' && filter) {
              e.preventDefault()
              e.stopPropagation()
              setFilter('')
            }
          }}
        />
      </div>
      {loadError ? <ErrorBanner error={loadError} onRetry={() => (credentials.error ? credentials.reload() : projects.reload())} /> : null}
      {loading ? (
        <Loading />
      ) : (
        <div className="share-groups">
          <ChoiceGroup
            title="Credentials"
            total={allCredentials.length}
            items={shownCredentials}
            chosen={chosenCredentials}
            onChange={setChosenCredentials}
            empty={allCredentials.length ? <>Nothing matches “{filter.trim()}”.</> : 'No credentials yet.'}
            render={(c) => <CredentialChoice c={c} />}
            label={(c) => c.title}
          />
          <ChoiceGroup
            title="Projects"
            total={allProjects.length}
            items={shownProjects}
            chosen={chosenProjects}
            onChange={setChosenProjects}
            empty={allProjects.length ? <>Nothing matches “{filter.trim()}”.</> : 'No projects yet.'}
            render={(p) => <ProjectChoice p={p} />}
            label={(p) => p.title}
          />
        </div>
      )}
      {busy ? <Loading label="Making the bundle: the page, your original files and their fingerprints…" /> : null}
      {failure ? <ErrorBanner error={failure} title="No bundle was made" /> : null}
    </Dialog>
  )
}

function ChoiceGroup<T extends { id: string }>({
  title,
  total,
  items,
  chosen,
  onChange,
  empty,
  render,
  label,
}: {
  title: string
  total: number
  items: readonly T[]
  chosen: ReadonlySet<string>
  onChange: (next: ReadonlySet<string>) => void
  empty: ReactNode
  render: (item: T) => ReactNode
  label: (item: T) => string
}) {
  const allShownChosen = items.length > 0 && items.every((i) => chosen.has(i.id))
  const toggleShown = () => {
    const next = new Set(chosen)
    for (const i of items) {
      if (allShownChosen) next.delete(i.id)
      else next.add(i.id)
    }
    onChange(next)
  }
  const toggle = (itemId: string, on: boolean) => {
    const next = new Set(chosen)
    if (on) next.add(itemId)
    else next.delete(itemId)
    onChange(next)
  }
  const headId = useId()
  return (
    <div className="share-group" role="group" aria-labelledby={headId}>
      <div className="share-group-head">
        <h3 className="share-group-title" id={headId}>
          {title}
        </h3>
        <span className="muted">{chosen.size ? `${chosen.size} of ${total} chosen` : plural(total, title.toLowerCase().replace(/s$/, ''))}</span>
        {items.length ? (
          <Button size="sm" variant="ghost" className="share-all" onClick={toggleShown} aria-label={`${allShownChosen ? 'Clear' : 'Choose'} all ${title.toLowerCase()} shown`}>
            {allShownChosen ? 'Clear all' : 'Choose all'}
          </Button>
        ) : null}
      </div>
      {items.length ? (
        <>
          <ul className="share-list" aria-label={title}>
            {items.map((item) => (
              <li key={item.id}>
                <label className="share-choice">
                  <input type="checkbox" checked={chosen.has(item.id)} onChange={(e) => toggle(item.id, e.currentTarget.checked)} aria-label={label(item)} />
                  {render(item)}
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted share-empty">{empty}</p>
      )}
    </div>
  )
}

function CredentialChoice({ c }: { c: CredentialSummary }) {
  const meta = [c.provider ?? c.issuerName, c.earnedOn ? formatDate(c.earnedOn) : null].filter(Boolean).join(' · ')
  return (
    <>
      <span className="share-choice-main">
        <span className="share-choice-title">{c.title}</span>
        {meta ? <span className="share-choice-meta">{meta}</span> : null}
      </span>
      <TrustBadge trust={c.trust} compact />
    </>
  )
}

function ProjectChoice({ p }: { p: ProjectSummary }) {
  const meta = [p.role, p.skillNames.slice(0, 3).join(', ')].filter(Boolean).join(' · ')
  return (
    <span className="share-choice-main">
      <span className="share-choice-title">{p.title}</span>
      {meta ? <span className="share-choice-meta">{meta}</span> : null}
    </span>
  )
}

/** After the bundle was written: where, how big, "Open the page", and what is not in presentation.json. */
function ShareSaved({ saved, summary, onClose }: { saved: Saved; summary: string; onClose: () => void }) {
  const toast = useToast()
  const leftOut = saved.summary.notInPresentation
  const open = async () => {
    try {
      await openSaved(saved.index)
    } catch (error) {
      toast.show(`Could not open it: ${errorMessage(error)}`, 'error')
    }
  }
  return (
    <Dialog
      open
      size="md"
      title="The bundle is ready"
      onClose={onClose}
      initialFocus="[data-open-page]"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button data-open-page variant="primary" icon="external" onClick={() => void open()}>
            Open the page
          </Button>
        </>
      }
    >
      <p className="share-done" role="status" data-share-saved>
        <Icon name="check" />
        <span>
          Wrote {summary.toLowerCase()} as {plural(saved.files, 'file')} ({formatSize(saved.bytes)}) into <code className="code">{saved.folder}</code>.
        </span>
      </p>
      <p className="muted">Give the employer the whole folder: they open index.html in any browser, and can check each original file on its own.</p>
      {leftOut.length ? (
        <div className="banner banner-info share-left-out" role="note" data-share-left-out>
          <Icon name="alert" />
          <div className="banner-text">
            <strong>
              {leftOut.length === 1 ? 'One credential is' : `${leftOut.length} credentials are`} on the page but not in presentation.json (the Verifiable Presentation of the credentials):
            </strong>
            <ul>
              {leftOut.map((l) => (
                <li key={l.id}>
                  {l.title} — {l.reason}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </Dialog>
  )
}
