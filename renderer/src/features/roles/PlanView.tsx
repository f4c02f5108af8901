/**
 * A saved learning plan: ordered steps with why, hours and cost (estimates in the plan's
 * currency, the provider's price alongside); steps can be marked done, edited, moved, and
 * swapped for another catalog program or the user's own planned credential.
 */
import { useId, useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { formatDate, formatHours, formatMoney, minorToText, parseAmount, plural } from '../../format'
import { formatPriceEstimate, type PlanAlternative, type SavedPlan, type SavedStep } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { Select, TextField } from '../../ui/Field'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { useToast } from '../../ui/Toast'

const KIND_LABEL: Record<SavedStep['kind'], string> = {
  platform: 'Online course',
  certification: 'Certification',
  bootcamp: 'Bootcamp',
  employer: 'Employer',
  project: 'Project',
  'self-study': 'Self-study',
}

/** `onDeleted` runs after the plan is deleted (its view is gone; the caller moves focus). */
export function PlanView({ id, onDeleted }: { id: number; onDeleted: () => void }) {
  const { data, error, loading, reload } = useQuery('plans:get', { id })
  const plan = data && data.id === id ? data : undefined
  if (!plan) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This plan could not be opened" />
    return loading ? <Loading /> : null
  }
  return <Plan plan={plan} onDeleted={onDeleted} />
}

function Plan({ plan, onDeleted }: { plan: SavedPlan; onDeleted: () => void }) {
  const [busy, setBusy] = useState<number | null>(null)
  const invalidate = useInvalidate()
  const toast = useToast()
  const p = plan.progress

  const [editing, setEditing] = useState<SavedStep | null>(null)
  const [completing, setCompleting] = useState<SavedStep | null>(null)
  const [swapping, setSwapping] = useState<SavedStep | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [renaming, setRenaming] = useState(false)
  const ordered = [...plan.steps].sort((a, b) => a.position - b.position)

  const undo = async (step: SavedStep) => {
    setBusy(step.id)
    try {
      await call('plans:markUndone', { stepId: step.id })
      invalidate()
    } catch (error) {
      toast.show(`Not changed: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(null)
    }
  }

  const move = async (index: number, by: -1 | 1) => {
    const target = index + by
    if (target < 0 || target >= ordered.length) return
    const ids = ordered.map((s) => s.id)
    const [moved] = ids.splice(index, 1)
    if (moved === undefined) return
    ids.splice(target, 0, moved)
    setBusy(moved)
    try {
      await call('plans:reorder', { planId: plan.id, stepIds: ids })
      invalidate()
    } catch (error) {
      toast.show(`Not moved: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(null)
    }
  }

  const remove = async () => {
    setDeleting(true)
    try {
      await call('plans:delete', { id: plan.id })
      setConfirmDelete(false)
      invalidate()
      toast.show(`Deleted “${plan.title}”`)
      onDeleted()
    } catch (error) {
      toast.show(`Not deleted: ${errorMessage(error)}`, 'error')
    } finally {
      setDeleting(false)
    }
  }

  return (
    <div className="plan" data-plan-id={plan.id}>
      <div className="plan-head">
        <strong className="plan-title">{plan.title}</strong>
        <Button size="sm" variant="ghost" icon="pencil" aria-label={`Rename plan ${plan.title}`} title="Rename this plan" onClick={() => setRenaming(true)}>
          Rename
        </Button>
        <Button size="sm" variant="ghost" icon="trash" aria-label={`Delete plan ${plan.title}`} title="Delete this plan" onClick={() => setConfirmDelete(true)}>
          Delete plan
        </Button>
      </div>
      <div className="plan-summary">
        <span className="muted">
          {p.done} of {p.steps} steps done · {formatHours(p.hoursPlanned)} · {p.costPlanned.amountMinor ? <>{formatMoney(p.costPlanned)} estimated</> : 'free'}
          {plan.budget ? <> · budget {formatMoney(plan.budget)}</> : null}
          {p.projectedCompletion ? <> · done by {formatDate(p.projectedCompletion)}</> : null}
        </span>
        <span className="muted plan-to-date" data-plan-to-date>
          To date: {formatHours(p.hoursDone)} of {formatHours(p.hoursPlanned)} · {p.costDone.amountMinor ? <>{formatMoney(p.costDone)} spent</> : 'nothing spent'}
          {p.actual.credentials ? (
            <>
              {' '}
              · from credentials: {formatHours(p.actual.hours)}
              {p.actual.spend.length ? <>, {p.actual.spend.map((m) => formatMoney(m)).join(' + ')}</> : null}
            </>
          ) : null}
        </span>
      </div>
      <div className="cover-bar" role="progressbar" aria-label="Plan progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.percentDone}>
        <span className="cover-fill depth-proven" style={{ width: `${p.percentDone}%` }} />
      </div>
      {plan.steps.length ? (
        <ol className="plan-steps" aria-label="Plan steps">
          {ordered.map((s, i) => (
              <li key={s.id} className={s.doneAt ? 'plan-step is-done' : 'plan-step'}>
                <div className="plan-step-main">
                  <div className="plan-step-head">
                    <span className="plan-step-title">
                      {s.position}. {s.title}
                    </span>
                    <Badge tone={s.kind === 'employer' ? 'success' : 'neutral'}>{KIND_LABEL[s.kind]}</Badge>
                    {s.certificate ? <Badge tone="neutral">Certificate</Badge> : null}
                    {s.doneAt ? <Badge tone="success" icon="check">Done</Badge> : null}
                  </div>
                  {s.offer ? (
                    <div className="plan-step-offer">
                      {offerBy(s.offer)} ·{' '}
                      <a className="ext-link" href={s.offer.url} target="_blank" rel="noreferrer">
                        Program page
                      </a>
                    </div>
                  ) : null}
                  {s.doneAt && s.credential ? <div className="plan-step-credential">Completed by {s.credential.title}</div> : null}
                  {!s.doneAt && s.credential ? <div className="plan-step-credential">Your credential: {s.credential.title}</div> : null}
                  <div className="plan-step-why">{s.reason}</div>
                  <div className="plan-step-meta muted">
                    {formatHours(s.hours)} · <span data-step-price>{priceText(s.cost, s.originalCost)}</span>
                    {s.skills.length ? <> · {s.skills.map((k) => k.name).join(', ')}</> : null}
                  </div>
                </div>
                <div className="plan-step-side">
                  <Button
                    size="sm"
                    variant={s.doneAt ? 'ghost' : 'secondary'}
                    icon={s.doneAt ? 'undo' : 'check'}
                    busy={busy === s.id}
                    onClick={() => (s.doneAt ? void undo(s) : setCompleting(s))}
                  >
                    {s.doneAt ? 'Mark not done' : 'Mark done'}
                  </Button>
                  <div className="plan-step-tools">
                    <Button size="sm" variant="ghost" disabled={i === 0 || busy !== null} onClick={() => void move(i, -1)}>
                      Move up
                    </Button>
                    <Button size="sm" variant="ghost" disabled={i === ordered.length - 1 || busy !== null} onClick={() => void move(i, 1)}>
                      Move down
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setEditing(s)}>
                      Edit
                    </Button>
                    {!s.doneAt && s.alternatives.length ? (
                      <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setSwapping(s)} aria-label={`Swap step ${s.position}, ${s.title}`}>
                        Swap…
                      </Button>
                    ) : null}
                  </div>
                </div>
              </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Nothing to learn: your portfolio already covers this role.</p>
      )}
      {plan.steps.some((s) => s.offer) ? (
        <p className="muted plan-prices" data-plan-prices>
          Prices are estimates from the providers&apos; public list prices as of {asOfText(plan)}, shown in {plan.currency}; converted prices use a dated
          exchange-rate table shipped with Skillfolio. Check the program page before you enrol.
        </p>
      ) : null}
      {editing ? <EditStepDialog key={editing.id} step={editing} onClose={() => setEditing(null)} /> : null}
      {completing ? <DoneDialog key={completing.id} step={completing} onClose={() => setCompleting(null)} /> : null}
      {swapping ? <SwapDialog key={swapping.id} step={swapping} onClose={() => setSwapping(null)} /> : null}
      {renaming ? <RenamePlanDialog plan={plan} onClose={() => setRenaming(false)} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete “${plan.title}”?`}
        message={`Its ${plural(p.steps, 'step')}${p.done ? ` (${p.done} marked done)` : ''} ${p.steps === 1 ? 'goes' : 'go'} with it. Credentials you linked to steps stay in your portfolio, and you can make a new plan any time. This cannot be undone.`}
        confirmLabel="Delete plan"
        danger
        busy={deleting}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={remove}
      />
    </div>
  )
}

function EditStepDialog({ step, onClose }: { step: SavedStep; onClose: () => void }) {
  const [title, setTitle] = useState(step.title)
  const [hours, setHours] = useState(String(step.hours))
  const [cost, setCost] = useState(minorToText(step.cost))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()

  const submit = async () => {
    const next: Record<string, string> = {}
    if (!title.trim()) next.title = 'Title is required'
    const h = Number(hours)
    if (!hours.trim() || !Number.isFinite(h) || h < 0 || h > 10_000) next.hours = 'Enter hours between 0 and 10000'
    let costMinor = 0
    if (cost.trim()) {
      const parsed = parseAmount(cost, step.cost.currency)
      if ('error' in parsed) next.cost = `Cost ${parsed.error}`
      else costMinor = parsed.minor
    }
    setErrors(next)
    if (Object.keys(next).length) return
    setBusy(true)
    try {
      await call('plans:updateStep', { stepId: step.id, patch: { title: title.trim(), hours: h, costMinor } })
      invalidate()
      toast.show('Step saved')
      onClose()
    } catch (error) {
      toast.show(`Not saved: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open
      title="Edit step"
      size="md"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()}>
            Save step
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <div className="form-grid">
          <TextField label="Step title" value={title} onChange={setTitle} maxLength={200} error={errors.title} />
          <TextField label="Hours" value={hours} onChange={setHours} inputMode="decimal" error={errors.hours} />
          <TextField label={`Cost (${step.cost.currency})`} value={cost} onChange={setCost} inputMode="decimal" placeholder="Free" error={errors.cost} />
        </div>
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}

function DoneDialog({ step, onClose }: { step: SavedStep; onClose: () => void }) {
  const creds = useQuery('credentials:list', { text: '', sort: 'title', limit: 500 })
  const [credentialId, setCredentialId] = useState(step.credential?.id ?? '')
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const options = [{ value: '', label: 'No credential' }, ...(creds.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))]

  const submit = async () => {
    setBusy(true)
    try {
      await call('plans:markDone', credentialId ? { stepId: step.id, credentialId } : { stepId: step.id })
      invalidate()
      onClose()
    } catch (error) {
      toast.show(`Not changed: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open
      title="Mark step done"
      description={step.title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" icon="check" busy={busy} onClick={() => void submit()}>
            Mark as done
          </Button>
        </>
      }
    >
      <Select label="Completed by" value={credentialId} onChange={setCredentialId} options={options} optional hint="A credential that shows this step is done." />
    </Dialog>
  )
}

/** "≈ £39 (US$49) estimate", "£120 estimate" or "Free". */
function priceText(cost: SavedStep['cost'], original: SavedStep['originalCost']): string {
  const text = formatPriceEstimate(cost, original)
  return cost.amountMinor ? `${text} estimate` : text
}

/** "Google on Coursera". */
function offerBy(offer: NonNullable<SavedStep['offer']>): string {
  return offer.platform && offer.platform !== offer.provider ? `${offer.provider} on ${offer.platform}` : offer.provider
}

function asOfText(plan: SavedPlan): string {
  const dates = [...new Set(plan.steps.map((s) => s.offer?.asOf).filter((d): d is string => !!d))].sort()
  return dates.map((d) => formatMonthYear(d)).join(', ')
}

const formatMonthYear = (ym: string) => {
  const [y, m] = ym.split('-').map(Number)
  return y && m ? new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) : ym
}

const altKey = (a: PlanAlternative) => (a.credentialId ? `cred:${a.credentialId}` : `cat:${a.offer?.id ?? ''}`)

/** Swap a step for a catalog program covering its skills or one of the user's own planned credentials. */
function SwapDialog({ step, onClose }: { step: SavedStep; onClose: () => void }) {
  const options = step.alternatives.filter((a) => a.credentialId || a.offer)
  const [choice, setChoice] = useState(options[0] ? altKey(options[0]) : '')
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const name = useId()

  const submit = async () => {
    const picked = options.find((a) => altKey(a) === choice)
    if (!picked) return
    setBusy(true)
    try {
      await call('plans:swapStep', { stepId: step.id, to: picked.credentialId ? { credentialId: picked.credentialId } : { catalogId: picked.offer!.id } })
      invalidate()
      toast.show(`Step ${step.position} is now ${picked.title ?? picked.offer?.title ?? 'swapped'}`)
      onClose()
    } catch (error) {
      toast.show(`Not swapped: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open
      title="Swap step"
      size="md"
      description={`Instead of ${step.title}: ${options.some((a) => a.credentialId) ? 'your own planned credentials and programs' : 'programs'} that cover ${step.skills.map((k) => k.name).join(', ')}. Prices are estimates.`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy} disabled={!choice} onClick={() => void submit()}>
            Swap step
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <fieldset className="swap-options">
          <legend className="sr-only">Swap for</legend>
          {options.map((a) => {
            const key = altKey(a)
            return (
              <label key={key} className={choice === key ? 'swap-option is-selected' : 'swap-option'}>
                <input type="radio" name={name} value={key} checked={choice === key} onChange={() => setChoice(key)} />
                <span className="swap-option-body">
                  <span className="swap-option-title">
                    {a.title ?? a.offer?.title}
                    {a.credentialId ? <Badge tone="success">Your planned credential</Badge> : null}
                    {a.offer && !a.offer.certificate ? <Badge tone="neutral">No certificate</Badge> : null}
                  </span>
                  <span className="muted swap-option-meta">
                    {[a.offer ? offerBy(a.offer) : null, KIND_LABEL[a.kind], formatHours(a.hours), priceText(a.cost, a.originalCost ?? null)].filter(Boolean).join(' · ')}
                  </span>
                  {a.covers?.length ? <span className="muted swap-option-meta">Covers {a.covers.join(', ')}</span> : null}
                </span>
              </label>
            )
          })}
        </fieldset>
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}

/** Renames a saved plan (plans:rename); the title is all that changes. */
function RenamePlanDialog({ plan, onClose }: { plan: SavedPlan; onClose: () => void }) {
  const [title, setTitle] = useState(plan.title)
  const [error, setError] = useState<string | undefined>()
  const [saving, setSaving] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const formId = useId()
  const save = async () => {
    if (!title.trim()) return setError('Give the plan a name')
    setSaving(true)
    try {
      await call('plans:rename', { id: plan.id, title })
      invalidate()
      toast.show(`Renamed to “${title.trim()}”`)
      onClose()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Dialog
      open
      title="Rename plan"
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={formId} busy={saving}>
            Rename
          </Button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        noValidate
      >
        <TextField label="Name" value={title} onChange={(v) => { setTitle(v); setError(undefined) }} error={error} maxLength={200} autoFocus />
      </form>
    </Dialog>
  )
}
