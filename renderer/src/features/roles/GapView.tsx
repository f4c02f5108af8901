/** One role's gap analysis: coverage, each required skill's depth, and the learning plans. */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { parseAmount, todayIso } from '../../format'
import { navigate, setParams } from '../../router'
import { skillNamesOf, type Depth, type GapAnalysis, type SkillGap } from '../../shared'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { TextField } from '../../ui/Field'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'
import { PlanView } from './PlanView'

const DEPTH_LABEL: Record<Depth, string> = { none: 'None', learned: 'Learned', applied: 'Applied', proven: 'Proven' }
const DEPTH_WIDTH: Record<Depth, number> = { none: 0, learned: 34, applied: 67, proven: 100 }

export function GapView({ roleRef, planId }: { roleRef: string; planId: number | null }) {
  const { data, error, loading, reload } = useQuery('gap:analyze', { ref: roleRef })
  const gap = data && data.role.ref === roleRef ? data : undefined
  if (!gap) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This role could not be opened" />
    return loading ? <Loading /> : null
  }
  return <Gap gap={gap} planId={planId} />
}

function Gap({ gap, planId }: { gap: GapAnalysis; planId: number | null }) {
  const [planning, setPlanning] = useState(false)
  const plans = useQuery('plans:list', {})
  const mine = (plans.data ?? []).filter((p) => p.roleRef === gap.role.ref).sort((a, b) => b.id - a.id)
  const shownPlan = planId && mine.some((p) => p.id === planId) ? planId : (mine[0]?.id ?? null)
  const custom = gap.role.source !== 'catalog'
  return (
    <article className="detail" aria-label={gap.role.title} data-id={gap.role.ref}>
      <DetailHeader
        eyebrow={
          <>
            {gap.role.area ? <Badge tone="accent">{gap.role.area}</Badge> : null}
            {custom ? <Badge>{gap.role.source === 'posting' ? 'Custom · from a posting' : 'Custom'}</Badge> : null}
          </>
        }
        title={gap.role.title}
        subtitle={gap.summary}
        actions={
          <>
            <Button icon="fileText" title="A resume that leads with the evidence for this role" onClick={() => navigate({ screen: 'resume', id: null, params: { role: gap.role.ref } })}>
              Tailor resume
            </Button>
            <Button variant="primary" icon="calendar" onClick={() => setPlanning(true)}>
              Make a plan
            </Button>
          </>
        }
      />

      <div className="stat-row">
        <div className="stat">
          <div className="stat-label">Coverage</div>
          <div className="stat-value" data-coverage>
            {Math.round(gap.coveragePercent)}%
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">Essentials covered</div>
          <div className="stat-value">{Math.round(gap.essentialCoveragePercent)}%</div>
        </div>
        <div className="stat">
          <div className="stat-label">Fit</div>
          <div className="stat-value">{Math.round(gap.fitPercent)}%</div>
        </div>
      </div>

      {gap.missingEssentials.length ? (
        <div className="banner banner-warning" role="note">
          <div className="banner-text">
            <strong>Missing essentials:</strong> {skillNamesOf(gap, gap.missingEssentials).join(', ')}
          </div>
        </div>
      ) : null}

      <Section title="Required skills">
        <ul className="gap-skills" aria-label="Required skills">
          {gap.skills.map((s) => (
            <GapRow key={s.key} s={s} />
          ))}
        </ul>
      </Section>

      {gap.learnedNotApplied.length ? (
        <Section title="Learned but never applied">
          <p className="muted">A project that uses these would show employers you can apply them.</p>
          <ul className="plain-list">
            {gap.learnedNotApplied.map((key) => (
              <li key={key}>{skillNamesOf(gap, [key])[0]}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Learning plan">
        {shownPlan ? (
          <PlanView key={shownPlan} id={shownPlan} />
        ) : (
          <p className="muted">No plan yet. Make a plan to get ordered steps within your budget and time.</p>
        )}
        {mine.length > 1 ? (
          <div className="plan-switch">
            <span className="muted">Other plans:</span>
            {mine
              .filter((p) => p.id !== shownPlan)
              .map((p) => (
                <button key={p.id} type="button" className="link-button" onClick={() => setParams({ plan: String(p.id) })}>
                  {p.title} ({p.percentDone}% done)
                </button>
              ))}
          </div>
        ) : null}
      </Section>

      <PlanDialog open={planning} roleRef={gap.role.ref} title={gap.role.title} onClose={() => setPlanning(false)} />
    </article>
  )
}

function GapRow({ s }: { s: SkillGap }) {
  return (
    <li className={`gap-skill${s.depth === 'none' && s.essential ? ' is-missing' : ''}`}>
      <div className="gap-skill-head">
        <span className="gap-skill-name">{s.name}</span>
        {s.essential ? <Badge tone={s.depth === 'none' ? 'danger' : 'neutral'}>Essential</Badge> : null}
        <span className={`depth-label depth-text-${s.depth}`}>{DEPTH_LABEL[s.depth]}</span>
      </div>
      <div
        className="cover-bar"
        role="meter"
        aria-label={`${s.name} coverage`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={DEPTH_WIDTH[s.depth]}
        aria-valuetext={DEPTH_LABEL[s.depth]}
      >
        <span className={`cover-fill depth-${s.depth}`} style={{ width: `${DEPTH_WIDTH[s.depth]}%` }} />
      </div>
      <div className="gap-skill-why">{s.explanation}</div>
    </li>
  )
}

function PlanDialog({ open, roleRef, title, onClose }: { open: boolean; roleRef: string; title: string; onClose: () => void }) {
  const [budget, setBudget] = useState('')
  const [currency, setCurrency] = useState('USD')
  const [hours, setHours] = useState('8')
  const [fullTime, setFullTime] = useState(false)
  const [employer, setEmployer] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()

  const submit = async () => {
    const next: Record<string, string> = {}
    const cur = currency.trim().toUpperCase()
    if (!/^[A-Z]{3}$/.test(cur)) next.currency = 'Use a three-letter code such as USD'
    let budgetMoney: { amountMinor: number; currency: string } | null = null
    if (budget.trim() && !next.currency) {
      const parsed = parseAmount(budget, cur)
      if ('error' in parsed) next.budget = `Budget ${parsed.error}`
      else budgetMoney = { amountMinor: parsed.minor, currency: cur }
    }
    const h = Number(hours)
    if (!hours.trim() || !Number.isFinite(h) || h <= 0 || h > 80) next.hours = 'Enter hours between 1 and 80'
    setErrors(next)
    if (Object.keys(next).length) return
    setBusy(true)
    try {
      const plan = await call('plans:create', {
        ref: roleRef,
        title: `Plan for ${title}`,
        constraints: { budget: budgetMoney, hoursPerWeek: h, fullTime, employer: employer.trim() || null, currency: cur, targetDate: null },
      })
      invalidate()
      toast.show(`Made a plan with ${plan.steps.length} steps`)
      setParams({ plan: String(plan.id) })
      onClose()
    } catch (error) {
      toast.show(`No plan made: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open={open}
      title="Make a plan"
      size="md"
      onClose={onClose}
      description={`Ordered steps to cover the gaps for ${title}, starting ${todayIso()}.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()}>
            Make plan
          </Button>
        </>
      }
    >
      <form
        className="plan-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <div className="form-grid">
          <TextField label="Budget" value={budget} onChange={setBudget} inputMode="decimal" placeholder="No limit" error={errors.budget} />
          <TextField label="Currency" value={currency} onChange={setCurrency} maxLength={3} error={errors.currency} />
          <TextField label="Hours per week" value={hours} onChange={setHours} inputMode="decimal" error={errors.hours} />
          <TextField label="Employer" value={employer} onChange={setEmployer} placeholder="Optional" hint="Steps your employer offers come first." />
        </div>
        <label className="check">
          <input type="checkbox" checked={fullTime} onChange={(e) => setFullTime(e.target.checked)} />
          <span>Full-time study (bootcamps allowed)</span>
        </label>
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}
