/**
 * Resume: choose a target role, a length and a layout, see what the resume includes, what it
 * left out and why, adjust it item by item, and watch the real PDF re-render beside it (or the
 * text an applicant-tracking system reads). Save the PDF (Ctrl/Cmd+S) or a Word document
 * through the shell, or a gap report for the role.
 *
 * The choices persist (localStorage) and the role and saved variant are in the URL, so
 * `#/resume?role=catalog:data-analyst` opens a resume tailored to that role.
 */
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react'
import '../../styles/resume.css'
import { ApiError, call, errorMessage, openSaved, savePdf } from '../../api'
import { useDataVersion, useInvalidate, useQuery } from '../../data'
import { navigate, setParams, type Route } from '../../router'
import type { ResumePreview, ResumeVariant } from '../../shared'
import { Button, MOD } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorBanner } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { useToast } from '../../ui/Toast'
import { Controls } from './Controls'
import { Items, showLeftOut, type ItemActions } from './Items'
import { PdfView, type PreviewMode } from './PdfView'
import { Segmented } from './Segmented'
import { loadStored, moveItem, pagesWord, sameSettings, store, toInput, toSettings, toggleHidden, togglePin, type Settings, type Stored } from './settings'
import { DeleteVariantDialog, VariantDialog, VariantList, type VariantDetails } from './Variants'

const DEBOUNCE_MS = 120

function validRole(ref: string | null | undefined): string | null {
  if (!ref) return null
  return toSettings({ roleRef: ref })?.roleRef ?? null
}

function variantParam(value: string | undefined): number | null {
  const n = Number(value)
  return value && Number.isInteger(n) && n > 0 ? n : null
}

/** The stored choices, with the URL's role and variant (a link from Roles) taking precedence. */
function initialState(route: Route): Stored {
  const stored = loadStored()
  const role = route.params.role
  const variant = variantParam(route.params.variant)
  if (role === undefined && variant === null) return stored
  return {
    settings: { ...stored.settings, roleRef: role !== undefined ? validRole(role) : stored.settings.roleRef },
    variantId: variant,
  }
}

/**
 * `resume:preview` for the latest choices: debounced (a lone change is sent at once, a burst
 * once it settles), newest wins, the last answer kept while the next loads.
 */
function usePreview(settings: Settings) {
  const { version } = useDataVersion()
  const [attempt, setAttempt] = useState(0)
  const key = JSON.stringify(toInput(settings))
  const request = `${key}|${version}|${attempt}`
  const [answer, setAnswer] = useState<{ request: string | null; preview: ResumePreview | undefined; error: unknown }>({ request: null, preview: undefined, error: undefined })
  const seq = useRef(0)
  const lastChange = useRef(0)
  useEffect(() => {
    const mine = ++seq.current
    // A single change goes out at once; a burst (typing a colour, holding an arrow key) waits until it settles.
    const now = performance.now()
    const delay = now - lastChange.current > DEBOUNCE_MS ? 0 : DEBOUNCE_MS
    lastChange.current = now
    const t = setTimeout(() => {
      call('resume:preview', JSON.parse(key) as ReturnType<typeof toInput>).then(
        (preview) => {
          if (mine === seq.current) setAnswer({ request, preview, error: undefined })
        },
        (error: unknown) => {
          if (mine === seq.current) setAnswer((a) => ({ request, preview: a.preview, error }))
        },
      )
    }, delay)
    return () => clearTimeout(t)
  }, [key, request])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { preview: answer.preview, error: answer.request === request ? answer.error : undefined, loading: answer.request !== request, retry }
}

type SaveKind = 'resume' | 'resume-docx' | 'report'

function goTo(e: MouseEvent<HTMLAnchorElement>, screen: 'profile' | 'credentials'): void {
  e.preventDefault()
  navigate({ screen })
}

export function ResumeScreen({ route }: { route: Route }) {
  const [state, setState] = useState<Stored>(() => initialState(route))
  const { settings, variantId } = state
  const toast = useToast()
  const invalidate = useInvalidate()

  // The URL follows the choices…
  useEffect(() => {
    setParams({ role: settings.roleRef, variant: variantId ? String(variantId) : null })
  }, [settings.roleRef, variantId])
  // …and the choices follow the URL when it changes from outside (Back, a link).
  const routeRole = route.params.role ?? null
  const routeVariant = variantParam(route.params.variant)
  const [seen, setSeen] = useState({ role: routeRole, variant: routeVariant })
  if (seen.role !== routeRole || seen.variant !== routeVariant) {
    setSeen({ role: routeRole, variant: routeVariant })
    if (validRole(routeRole) !== settings.roleRef || routeVariant !== variantId) {
      setState((s) => ({ settings: { ...s.settings, roleRef: validRole(routeRole) }, variantId: routeVariant }))
    }
  }

  useEffect(() => {
    store(state)
  }, [state])

  const roles = useQuery('roles:list', {})
  const variants = useQuery('resumes:list', {})
  // After a delete, the focus moves to "Save as variant…" once the deleted variant (and its
  // Delete button, which the closing dialog gives the focus back to) has left the list.
  const refocusAfterDelete = useRef<number | null>(null)
  useEffect(() => {
    const id = refocusAfterDelete.current
    if (id === null || variants.data?.some((v) => v.id === id)) return
    refocusAfterDelete.current = null
    document.querySelector<HTMLElement>('[data-save-variant]')?.focus()
  }, [variants.data])
  const variantList = variants.data ?? []
  const current = variantList.find((v) => v.id === variantId) ?? null
  const currentSettings = current ? toSettings(current.settings) : null
  const edited = current !== null && currentSettings !== null && !sameSettings(currentSettings, settings)

  // A variant named in the URL that is not applied yet (a link, Back): apply it once the list is in.
  // The stored choices already are (an edit of) the stored variant; any other variant is loaded from the list.
  const [applied, setApplied] = useState<number | null>(() => loadStored().variantId)
  if (variantId !== applied && variants.data) {
    setApplied(variantId)
    if (current && currentSettings) setState({ settings: currentSettings, variantId: current.id })
  }

  const { preview, error, loading, retry } = usePreview(settings)
  const [mode, setMode] = useState<PreviewMode>('pages')
  const [drawing, setDrawing] = useState(false)
  const onBusy = useCallback((busy: boolean) => setDrawing(busy), [])
  const updating = loading || drawing

  const change = (patch: Partial<Settings>) => setState((s) => ({ ...s, settings: { ...s.settings, ...patch } }))
  const actions: ItemActions = {
    pin: (id) => setState((s) => ({ ...s, settings: togglePin(s.settings, id) })),
    hide: (id) => setState((s) => ({ ...s, settings: toggleHidden(s.settings, id) })),
    move: (id, delta) => setState((s) => ({ ...s, settings: moveItem(s.settings, preview?.decisions ?? [], id, delta) })),
  }

  // Variants.
  const [dialog, setDialog] = useState<{ mode: 'create' | 'edit'; variant: ResumeVariant | null } | null>(null)
  const [deleting, setDeleting] = useState<ResumeVariant | null>(null)
  const load = (v: ResumeVariant) => {
    const next = toSettings(v.settings)
    if (!next) {
      toast.show(`“${v.name}” could not be loaded`, 'error')
      return
    }
    setApplied(v.id)
    setState({ settings: next, variantId: v.id })
    toast.show(`Loaded “${v.name}”`, 'info')
  }
  const update = async (v: ResumeVariant) => {
    try {
      await call('resumes:update', { id: v.id, patch: { settings: toInput(settings) } })
      invalidate()
      toast.show(`Updated “${v.name}”`)
    } catch (e) {
      toast.show(`Not updated: ${errorMessage(e)}`, 'error')
    }
  }
  const submitDetails = async (details: VariantDetails): Promise<string | null> => {
    const extra = { sentTo: details.sentTo || null, sentOn: details.sentOn || null }
    try {
      if (dialog?.mode === 'edit' && dialog.variant) {
        await call('resumes:update', { id: dialog.variant.id, patch: { name: details.name, ...extra } })
        toast.show(`Saved “${details.name}”`)
      } else {
        const made = await call('resumes:create', { name: details.name, settings: toInput(settings), ...extra })
        setApplied(made.id)
        setState((s) => ({ ...s, variantId: made.id }))
        toast.show(`Saved variant “${made.name}”`)
      }
      invalidate()
      setDialog(null)
      return null
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'BAD_INPUT')) return errorMessage(e)
      toast.show(`Not saved: ${errorMessage(e)}`, 'error')
      return null
    }
  }

  // Saving files through the shell: the resume as a PDF or a Word document, or the gap report.
  const [saving, setSaving] = useState<SaveKind | null>(null)
  const save = async (kind: SaveKind) => {
    if (saving) return
    if (kind === 'report' && !settings.roleRef) return
    setSaving(kind)
    try {
      const result = await savePdf(
        kind === 'report'
          ? { kind: 'report', settings: { ref: toInput(settings).roleRef!, pageSize: settings.pageSize, accent: settings.accent, fontScale: settings.fontScale } }
          : { kind, settings: toInput(settings) },
      )
      if (result.saved) toast.show(`Saved ${result.fileName}`, 'success', { label: 'Open', run: () => void open(result.path) })
    } catch (e) {
      toast.show(`Not saved: ${errorMessage(e)}`, 'error')
    } finally {
      setSaving(null)
    }
  }
  const open = async (path: string) => {
    try {
      await openSaved(path)
    } catch (e) {
      toast.show(`Could not open it: ${errorMessage(e)}`, 'error')
    }
  }

  // Ctrl/Cmd+S saves the PDF; Ctrl/Cmd+N (from App) saves the choices as a variant.
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 's') return
      e.preventDefault()
      if (document.querySelector('dialog[open]')) return
      void saveRef.current('resume')
    }
    const onNew = () => setDialog({ mode: 'create', variant: null })
    window.addEventListener('keydown', onKey)
    document.addEventListener('skillfolio:new', onNew)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('skillfolio:new', onNew)
    }
  }, [])

  const decisions = preview?.decisions ?? []
  const roleTitle = preview?.role?.title ?? roles.data?.find((r) => r.ref === settings.roleRef)?.title ?? null
  const shownCount = decisions.filter((d) => d.included).length
  const defaultName = `${roleTitle ?? 'General'} resume`
  const asked = preview?.length.asked ?? settings.length
  const fitTitle = asked === 'auto' ? 'Left out to fit' : `Left out to fit on ${pagesWord(Number(asked))}`

  return (
    <div className="screen resume-screen">
      <aside className="resume-side" aria-label="Resume choices">
        <div className="resume-side-scroll">
          <header className="resume-head">
            <h1 className="resume-title" tabIndex={-1} data-detail-title>
              Resume
            </h1>
            <p className="resume-subtitle">{roleTitle ? <>Tailored to {roleTitle}</> : 'A general resume from your whole portfolio'}</p>
          </header>
          {/* Variants, layout and the item list (one Tab stop, Items.tsx) come before the preview: a way straight to it. */}
          <button type="button" className="resume-skip" onClick={() => document.querySelector<HTMLElement>('.preview-toolbar input:checked')?.focus()}>
            Skip to the preview and Save PDF
          </button>

          {preview && !decisions.length ? (
            <EmptyState compact icon="fileText" title="Nothing to put on it yet">
              Add your name, headline and experience in{' '}
              <a href="#/profile" onClick={(e) => goTo(e, 'profile')}>
                Profile
              </a>
              , and your certificates and badges in{' '}
              <a href="#/credentials" onClick={(e) => goTo(e, 'credentials')}>
                Credentials
              </a>
              . The preview updates as you go.
            </EmptyState>
          ) : null}

          <section className="panel" aria-label="Saved versions">
            <VariantList
              variants={variantList}
              currentId={variantId}
              edited={edited}
              onLoad={load}
              onUpdate={(v) => void update(v)}
              onEdit={(v) => setDialog({ mode: 'edit', variant: v })}
              onDelete={setDeleting}
              onSaveAs={() => setDialog({ mode: 'create', variant: null })}
            />
          </section>

          <section className="panel" aria-label="Layout">
            <Controls settings={settings} roles={roles.data} onChange={change} report={{ busy: saving === 'report', save: () => void save('report') }} />
          </section>

          <section className="panel panel-items" aria-labelledby="resume-items-title">
            <div className="panel-head">
              <h3 className="panel-title" id="resume-items-title">
                What goes on it
              </h3>
              {decisions.length ? (
                <span className="panel-count">
                  {shownCount} of {decisions.length} items
                </span>
              ) : null}
            </div>
            {preview?.keywords.length ? (
              <p className="resume-keywords">
                <span className="muted">Role keywords on the resume:</span> {preview.keywords.join(', ')}
              </p>
            ) : null}
            {preview && !decisions.length ? <p className="muted resume-items-empty">Items appear here as you add them, each with the reason it is in or out.</p> : null}
            {decisions.length ? <Items decisions={decisions} pinned={settings.pinned} hidden={settings.hidden} fitTitle={fitTitle} actions={actions} /> : null}
          </section>
        </div>
      </aside>

      <section className="resume-preview" aria-label="Preview">
        <div className="preview-toolbar">
          <Segmented
            label="View"
            hideLabel
            size="sm"
            value={mode}
            options={[
              { value: 'pages', label: 'Preview' },
              { value: 'text', label: 'ATS text' },
            ]}
            onChange={setMode}
          />
          <div className="preview-status" role="status" aria-live="polite">
            {updating && preview ? (
              <span className="preview-updating">
                <span className="spinner spinner-xs" aria-hidden="true" /> Updating…
              </span>
            ) : preview ? (
              <span className="muted">
                {preview.pageCount} {preview.pageCount === 1 ? 'page' : 'pages'} · {preview.settings.pageSize === 'letter' ? 'Letter' : 'A4'}
              </span>
            ) : null}
          </div>
          <div className="preview-actions">
            <Button icon="fileText" busy={saving === 'resume-docx'} onClick={() => void save('resume-docx')} title="The same resume as a Word document, for portals that ask for one">
              Save as Word…
            </Button>
            <Button variant="primary" icon="download" busy={saving === 'resume'} shortcut={`${MOD}S`} onClick={() => void save('resume')}>
              Save PDF…
            </Button>
          </div>
        </div>
        {preview ? <Notices preview={preview} /> : null}
        {error ? (
          <ErrorBanner
            error={error}
            onRetry={retry}
            title={preview ? 'The preview could not be updated; it shows your previous choices' : 'The resume could not be made'}
          />
        ) : null}
        {!preview && !error ? (
          <div className="preview-loading" role="status">
            <span className="spinner" aria-hidden="true" /> Making your resume…
          </div>
        ) : null}
        <div className={updating && preview ? 'preview-body is-updating' : 'preview-body'}>
          <PdfView base64={preview?.pdfBase64 ?? null} mode={mode} onBusy={onBusy} />
        </div>
      </section>

      <VariantDialog
        open={dialog !== null}
        mode={dialog?.mode ?? 'create'}
        initial={
          dialog?.variant
            ? { name: dialog.variant.name, sentTo: dialog.variant.sentTo ?? '', sentOn: dialog.variant.sentOn ?? '' }
            : { name: defaultName, sentTo: '', sentOn: '' }
        }
        onClose={() => setDialog(null)}
        onSubmit={submitDetails}
      />
      <DeleteVariantDialog
        variant={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(v) => {
          setDeleting(null)
          refocusAfterDelete.current = v.id
          if (v.id === variantId) {
            setApplied(null)
            setState((s) => ({ ...s, variantId: null }))
          }
        }}
      />

    </div>
  )
}

/**
 * Under the toolbar: what the length choice did (and a way to the items it left out), and any
 * text the fonts cannot show. Both stay until the next preview says otherwise.
 */
function Notices({ preview }: { preview: ResumePreview }) {
  const { length, unprintable } = preview
  const limit = length.asked === 'auto' ? 'the pages chosen' : pagesWord(Number(length.asked))
  const overflow = !length.fits
  const lengthText = overflow ? (length.note ?? `Even with everything optional left out, it takes ${pagesWord(length.pages)}.`) : length.note
  // Always there (empty when there is nothing to say), so a new note is announced.
  return (
    <div className="resume-notices" aria-live="polite">
      {lengthText ? (
        <div className={overflow ? 'banner banner-warning resume-notice' : 'banner banner-info resume-notice'} role="note" data-length-note>
          <Icon name={overflow ? 'alert' : 'layers'} />
          <div className="banner-text">
            {overflow ? <strong>It does not fit on {limit}. </strong> : null}
            {lengthText}
          </div>
          {length.dropped > 0 ? (
            <Button size="sm" variant="ghost" onClick={showLeftOut}>
              {length.dropped === 1 ? 'Show the item left out' : `Show the ${length.dropped} items left out`}
            </Button>
          ) : null}
        </div>
      ) : null}
      {unprintable.length ? (
        <div className="banner banner-warning resume-notice" role="note" data-unprintable>
          <Icon name="alert" />
          <div className="banner-text">
            <strong>Some text cannot be shown in the PDF.</strong>
            <ul className="resume-notice-list">
              {unprintable.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  )
}
