/** A saved learning plan: ordered steps with why, hours and cost; steps can be marked done. */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { formatDate, formatHours, formatMoney } from '../../format'
import type { SavedPlan, SavedStep } from '../../shared'
import { Button } from '../../ui/Button'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { useToast } from '../../ui/Toast'

const KIND_LABEL: Record<SavedStep['kind'], string> = {
  platform: 'Online course',
  bootcamp: 'Bootcamp',
  employer: 'Employer',
  project: 'Project',
  'self-study': 'Self-study',
}

export function PlanView({ id }: { id: number }) {
  const { data, error, loading, reload } = useQuery('plans:get', { id })
  const plan = data && data.id === id ? data : undefined
  if (!plan) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This plan could not be opened" />
    return loading ? <Loading /> : null
  }
  return <Plan plan={plan} />
}

function Plan({ plan }: { plan: SavedPlan }) {
  const [busy, setBusy] = useState<number | null>(null)
  const invalidate = useInvalidate()
  const toast = useToast()
  const p = plan.progress

  const toggle = async (step: SavedStep) => {
    setBusy(step.id)
    try {
      if (step.doneAt) await call('plans:markUndone', { stepId: step.id })
      else await call('plans:markDone', { stepId: step.id })
      invalidate()
    } catch (error) {
      toast.show(`Not changed: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="plan" data-plan-id={plan.id}>
      <div className="plan-summary">
        <strong>{plan.title}</strong>
        <span className="muted">
          {p.done} of {p.steps} steps done · {formatHours(p.hoursPlanned)} · {formatMoney(p.costPlanned)}
          {plan.budget ? <> of {formatMoney(plan.budget)} budget</> : null}
          {p.projectedCompletion ? <> · done by {formatDate(p.projectedCompletion)}</> : null}
        </span>
      </div>
      <div className="cover-bar" role="progressbar" aria-label="Plan progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.percentDone}>
        <span className="cover-fill depth-proven" style={{ width: `${p.percentDone}%` }} />
      </div>
      {plan.steps.length ? (
        <ol className="plan-steps" aria-label="Plan steps">
          {[...plan.steps]
            .sort((a, b) => a.position - b.position)
            .map((s) => (
              <li key={s.id} className={s.doneAt ? 'plan-step is-done' : 'plan-step'}>
                <div className="plan-step-main">
                  <div className="plan-step-head">
                    <span className="plan-step-title">
                      {s.position}. {s.title}
                    </span>
                    <Badge tone={s.kind === 'employer' ? 'success' : 'neutral'}>{KIND_LABEL[s.kind]}</Badge>
                    {s.doneAt ? <Badge tone="success" icon="check">Done</Badge> : null}
                  </div>
                  <div className="plan-step-why">{s.reason}</div>
                  <div className="plan-step-meta muted">
                    {formatHours(s.hours)} · {formatMoney(s.cost)}
                    {s.skills.length ? <> · {s.skills.map((k) => k.name).join(', ')}</> : null}
                  </div>
                </div>
                <div className="plan-step-side">
                  <Button size="sm" variant={s.doneAt ? 'ghost' : 'secondary'} icon={s.doneAt ? 'undo' : 'check'} busy={busy === s.id} onClick={() => void toggle(s)}>
                    {s.doneAt ? 'Mark not done' : 'Mark done'}
                  </Button>
                </div>
              </li>
            ))}
        </ol>
      ) : (
        <p className="muted">Nothing to learn: your portfolio already covers this role.</p>
      )}
    </div>
  )
}
