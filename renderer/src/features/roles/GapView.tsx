/**
 * One role's gap analysis: the fit (one headline, with how it is computed behind a disclosure),
 * the role's core skills and its transversal skills, each with its depth and the evidence
 * behind it (skills inferred from a job title can be confirmed or rejected here), and the
 * learning plans.
 */
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { formatDate, parseAmount, plural, todayIso } from '../../format'
import { navigate, setParams } from '../../router'
import { areaLabel, DEPTH_WORD, DEPTHS, skillNamesOf, type Depth, type EvidenceItem, type GapAnalysis, type SkillGap } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { TextField } from '../../ui/Field'
import { Icon } from '../../ui/Icon'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'
import { useDecide, useFocusLater } from '../evidence/decide'
import { decisionLabel, focusKey, KIND, relatedDetail, routeOfSource } from '../evidence/words'
import { customRef, EDIT_FOCUS_KEY } from './customRef'
import { PlanView } from './PlanView'

/** The ladder's steps after "none", shown as three segments. */
const STEPS = DEPTHS.filter((d) => d !== 'none')

/** 52.7 → "52.7%", 81 → "81%". */
function percent(n: number): string {
  return `${Math.round(n * 10) / 10}%`
}

interface RoleActions {
  /** Opens the edit form of a custom role. */
  onEdit: () => void
  /** After a custom role is deleted. */
  onDeleted: () => void
}

export function GapView({ roleRef, planId, onEdit, onDeleted }: { roleRef: string; planId: number | null } & RoleActions) {
  const { data, error, loading, reload } = useQuery('gap:analyze', { ref: roleRef })
  const gap = data && data.role.ref === roleRef ? data : undefined
  if (!gap) {
    if (error) return <ErrorBanner error={error} onRetry={reload} title="This role could not be opened" />
    return loading ? <Loading /> : null
  }
  return <Gap gap={gap} planId={planId} onEdit={onEdit} onDeleted={onDeleted} />
}

/** Smooth scrolling unless the person asked the system for less motion. */
function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth'
}

/** An inferred item the person rejected in this view: gone from the analysis, kept here with an Undo. */
interface Rejected {
  skillKey: string
  item: EvidenceItem
}

function Gap({ gap, planId, onEdit, onDeleted }: { gap: GapAnalysis; planId: number | null } & RoleActions) {
  const [planning, setPlanning] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [deleting, setDeleting] = useState(false)
  /** A plan just made (to bring into view once drawn) or just deleted (focus stays in the section once it is gone). */
  const [landing, setLanding] = useState<{ planId: number; made: boolean } | null>(null)
  const planSection = useRef<HTMLElement>(null)
  const planHeading = useRef<HTMLHeadingElement>(null)
  const planTitleId = useId()
  const invalidate = useInvalidate()
  const toast = useToast()
  const [rejected, setRejected] = useState<Rejected[]>([])
  const plans = useQuery('plans:list', {})
  const mine = (plans.data ?? []).filter((p) => p.roleRef === gap.role.ref).sort((a, b) => b.id - a.id)
  const shownPlan = planId && mine.some((p) => p.id === planId) ? planId : (mine[0]?.id ?? null)
  const custom = gap.role.source !== 'catalog'
  const editable = customRef(gap.role.ref)
  const core = gap.skills.filter((s) => s.group !== 'transversal')
  const transversal = gap.skills.filter((s) => s.group === 'transversal')
  const { decide, busy } = useDecide()
  const focusLater = useFocusLater()

  // The plan list changes after the dialog has closed and handed focus back to the button that
  // opened it: wait until the new plan is drawn (or the deleted one is gone), then move focus to
  // the section's heading, and bring a new plan into view.
  useEffect(() => {
    if (!landing) return
    let tries = 0
    let timer = 0
    const attempt = () => {
      const section = planSection.current
      const shown = Boolean(section?.querySelector(`[data-plan-id="${landing.planId}"]`))
      if (section && shown === landing.made) {
        planHeading.current?.focus({ preventScroll: true })
        if (landing.made) section.scrollIntoView({ behavior: scrollBehavior(), block: 'start' })
        setLanding(null)
      } else if (tries++ < 120) timer = window.setTimeout(attempt, 25)
      else setLanding(null)
    }
    timer = window.setTimeout(attempt, 0)
    return () => window.clearTimeout(timer)
  }, [landing])

  /** Deletes the role; the core deletes its saved plans with it, in the same transaction. */
  const deleteRole = async () => {
    if (!editable) return
    setDeleting(true)
    try {
      await call('roles:delete', { ref: editable })
      setConfirmDelete(false)
      invalidate()
      toast.show(`Deleted “${gap.role.title}”${mine.length ? ` and ${plural(mine.length, 'plan')}` : ''}`)
      onDeleted()
    } catch (error) {
      invalidate()
      toast.show(`Not deleted: ${errorMessage(error)}`, 'error')
    } finally {
      setDeleting(false)
    }
  }

  const onDecide = async (skill: SkillGap, item: EvidenceItem, action: 'confirm' | 'reject' | 'undo') => {
    const inference = item.inference
    if (!inference) return
    const { experienceId } = inference
    const decision = action === 'confirm' ? 'confirmed' : action === 'reject' ? 'rejected' : 'pending'
    const answer = await decide({ experienceId, skillKey: skill.key, decision })
    if (!answer) return
    const same = (r: Rejected) => r.skillKey === skill.key && r.item.inference?.experienceId === experienceId
    if (action === 'reject') {
      setRejected((list) => [...list.filter((r) => !same(r)), { skillKey: skill.key, item: { ...item, inference: { experienceId, decision: 'rejected' } } }])
      focusLater(focusKey(experienceId, skill.key, 'undo'))
    } else {
      setRejected((list) => list.filter((r) => !same(r)))
      focusLater(focusKey(experienceId, skill.key, action === 'confirm' ? 'undo' : 'confirm'))
    }
  }
  const rows = (skills: SkillGap[]) =>
    skills.map((s) => (
      <GapRow
        key={s.key}
        s={s}
        rejected={rejected
          .filter((r) => r.skillKey === s.key && !s.evidence.items.some((i) => i.inference?.experienceId === r.item.inference?.experienceId))
          .map((r) => r.item)}
        busy={busy}
        onDecide={(item, action) => void onDecide(s, item, action)}
      />
    ))

  return (
    <article className="detail role-detail" aria-label={gap.role.title} data-id={gap.role.ref}>
      <DetailHeader
        eyebrow={
          <>
            {gap.role.area ? <Badge tone="accent">{areaLabel(gap.role.area)}</Badge> : null}
            {custom ? <Badge>{gap.role.source === 'posting' ? 'Custom · from a posting' : 'Custom'}</Badge> : null}
          </>
        }
        title={gap.role.title}
        actions={
          <>
            <Button icon="fileText" title="A resume that leads with the evidence for this role" onClick={() => navigate({ screen: 'resume', id: null, params: { role: gap.role.ref } })}>
              Tailor resume
            </Button>
            <Button variant="primary" icon="calendar" onClick={() => setPlanning(true)}>
              Make a plan
            </Button>
            {editable ? (
              <>
                <Button icon="pencil" data-focus-key={EDIT_FOCUS_KEY} title="Rename this role or change its skills" onClick={onEdit}>
                  Edit
                </Button>
                <Button icon="trash" variant="ghost" aria-label={`Delete ${gap.role.title}`} title="Delete this role" onClick={() => setConfirmDelete(true)} />
              </>
            ) : null}
          </>
        }
      />

      <FitHeadline gap={gap} />

      {gap.missingEssentials.length ? (
        <div className="banner banner-warning" role="note">
          <Icon name="alert" />
          <div className="banner-text">
            <strong>Missing essentials:</strong> {skillNamesOf(gap, gap.missingEssentials).join(', ')}
          </div>
        </div>
      ) : null}

      <Section title={`Core skills · ${core.length}`}>
        {core.length ? (
          <ul className="gap-skills" aria-label="Core skills">
            {rows(core)}
          </ul>
        ) : (
          <p className="muted">This role names only transversal skills.</p>
        )}
      </Section>

      {transversal.length ? (
        <Section title={`Transversal skills · ${gap.transversal.covered} of ${gap.transversal.total} with evidence`}>
          <p className="muted section-note">Skills every role draws on, such as communication and problem solving. They count towards the fit like the core skills.</p>
          <ul className="gap-skills" aria-label="Transversal skills">
            {rows(transversal)}
          </ul>
        </Section>
      ) : null}

      {gap.learnedNotApplied.length ? (
        <Section title="Learned but never practised">
          <p className="muted">A project or work that uses these would show employers you can put them into practice.</p>
          <ul className="plain-list" aria-label="Learned but never practised">
            {gap.learnedNotApplied.map((key) => (
              <li key={key}>{skillNamesOf(gap, [key])[0]}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      {/* A Section with a heading that can take focus, for "Make plan" and after a plan is deleted. */}
      <section className="section plan-section" ref={planSection} aria-labelledby={planTitleId}>
        <div className="section-head">
          <h3 className="section-title" id={planTitleId} tabIndex={-1} ref={planHeading}>
            Learning plan
          </h3>
        </div>
        {shownPlan ? (
          <PlanView
            key={shownPlan}
            id={shownPlan}
            onDeleted={() => {
              setParams({ plan: null })
              setLanding({ planId: shownPlan, made: false })
            }}
          />
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
      </section>

      <PlanDialog open={planning} roleRef={gap.role.ref} title={gap.role.title} onClose={() => setPlanning(false)} onMade={(planId) => setLanding({ planId, made: true })} />
      {editable ? (
        <ConfirmDialog
          open={confirmDelete}
          title={`Delete “${gap.role.title}”?`}
          message={
            <>
              {mine.length ? (
                <>
                  {mine.length === 1 ? 'Its saved plan' : `Its ${mine.length} saved plans`} ({mine.map((p) => `“${p.title}”`).join(', ')}) {mine.length === 1 ? 'is' : 'are'} deleted with
                  it.{' '}
                </>
              ) : null}
              Your credentials, projects and skills stay. This cannot be undone.
            </>
          }
          confirmLabel="Delete role"
          danger
          busy={deleting}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={deleteRole}
        />
      ) : null}
    </article>
  )
}

/** The one number: the fit, with its sentence; the parts it is made of behind "How is this computed?". */
function FitHeadline({ gap }: { gap: GapAnalysis }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const fit = Math.round(gap.fitPercent)
  const hasEssentials = gap.skills.some((s) => s.essential)
  return (
    <section className="fit-hero" aria-label="Fit">
      <div className="fit-hero-top">
        <div
          className="fit-ring"
          role="meter"
          aria-label={`Fit for ${gap.role.title}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fit}
          aria-valuetext={`${fit}%`}
          style={{ '--fit': fit } as CSSProperties}
        >
          <span className="fit-ring-value" data-fit>
            {fit}%
          </span>
        </div>
        <div className="fit-hero-text">
          <div className="fit-hero-label">Fit for this role</div>
          <p className="fit-hero-explain" data-fit-explanation>
            {gap.fitExplanation}
          </p>
          <button type="button" className="disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
            <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
            How is this computed?
          </button>
        </div>
      </div>
      <div id={panelId} className="fit-parts" hidden={!open}>
        <dl className="fit-parts-grid">
          <div className="fit-part">
            <dt>Skill weight covered</dt>
            <dd className="fit-part-value" data-coverage>
              {percent(gap.coveragePercent)}
            </dd>
            <dd className="fit-part-note">counts 70%</dd>
          </div>
          <div className="fit-part">
            <dt>Essential skills covered</dt>
            <dd className="fit-part-value">{percent(gap.essentialCoveragePercent)}</dd>
            <dd className="fit-part-note">{hasEssentials ? 'counts 30%' : 'no essentials: same as coverage'}</dd>
          </div>
          <div className="fit-part">
            <dt>Transversal skills</dt>
            <dd className="fit-part-value">
              {gap.transversal.covered} of {gap.transversal.total}
            </dd>
            <dd className="fit-part-note">with evidence</dd>
          </div>
        </dl>
        <p className="fit-formula">
          0.7 × {percent(gap.coveragePercent)} + 0.3 × {percent(gap.essentialCoveragePercent)} = <strong>{percent(gap.fitPercent)}</strong>
        </p>
        <ul className="fit-depths" aria-label="Skills by depth">
          {[...DEPTHS].reverse().map((d) => (
            <li key={d}>
              <span className={`legend-swatch depth-${d}`} aria-hidden="true" />
              {DEPTH_WORD[d]} <strong>{gap.counts[d]}</strong>
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

/** The ladder as three segments and its word: None, Learned, Practised, Proven. */
function DepthSteps({ depth, name }: { depth: Depth; name: string }) {
  const reached = DEPTHS.indexOf(depth)
  return (
    <span
      className={`depth-steps depth-text-${depth}`}
      role="meter"
      aria-label={`${name} depth`}
      aria-valuemin={0}
      aria-valuemax={STEPS.length}
      aria-valuenow={reached}
      aria-valuetext={DEPTH_WORD[depth]}
    >
      <span className="depth-step-bar" aria-hidden="true">
        {STEPS.map((step, i) => (
          <span key={step} className={`depth-step${i < reached ? ` depth-${depth}` : ''}`} />
        ))}
      </span>
      <span className="depth-label" data-depth={depth}>
        {DEPTH_WORD[depth]}
      </span>
    </span>
  )
}

type Decide = (item: EvidenceItem, action: 'confirm' | 'reject' | 'undo') => void

function GapRow({ s, rejected, busy, onDecide }: { s: SkillGap; rejected: EvidenceItem[]; busy: string | null; onDecide: Decide }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const items = s.evidence.items
  const expandable = items.length > 0 || rejected.length > 0
  const why = s.explanation.startsWith(`${s.name}: `) ? s.explanation.slice(s.name.length + 2) : s.explanation
  const missing = s.depth === 'none'
  return (
    <li className={`gap-skill${missing && s.essential ? ' is-missing' : ''}${open ? ' is-open' : ''}`} data-skill={s.key}>
      <div className="gap-skill-head">
        {expandable ? (
          <button type="button" className="gap-skill-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
            <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
            <span className="gap-skill-name">{s.name}</span>
          </button>
        ) : (
          <span className="gap-skill-name gap-skill-name-plain">{s.name}</span>
        )}
        {s.essential ? <Badge tone={missing ? 'danger' : 'neutral'}>Essential</Badge> : null}
        {s.evidence.stale ? <Badge tone="warning" icon="clock">Over 5 years old</Badge> : null}
        <DepthSteps depth={s.depth} name={s.name} />
      </div>
      <div className="gap-skill-why">
        {why}
        {expandable && !open ? <span className="gap-skill-count"> · {items.length + s.evidence.moreItems} {items.length + s.evidence.moreItems === 1 ? 'item' : 'items'}</span> : null}
      </div>
      {expandable ? (
        <div id={panelId} className="evidence" hidden={!open}>
          {open ? (
            <>
              <div className="evidence-credit">
                Counts for <strong>{Math.round(s.credit * 100)}%</strong> of its weight, from its strongest evidence.
              </div>
              <ul className="evidence-list" aria-label={`Evidence for ${s.name}`}>
                {items.map((item) => (
                  <EvidenceRow key={`${item.kind}|${item.source}`} skill={s} item={item} busy={busy} onDecide={onDecide} />
                ))}
                {rejected.map((item) => (
                  <EvidenceRow key={`rejected|${item.source}`} skill={s} item={item} busy={busy} onDecide={onDecide} />
                ))}
              </ul>
              {s.evidence.moreItems ? <div className="evidence-more muted">and {s.evidence.moreItems} more</div> : null}
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}

function EvidenceRow({ skill, item, busy, onDecide }: { skill: SkillGap; item: EvidenceItem; busy: string | null; onDecide: Decide }) {
  const kind = KIND[item.kind]
  const to = routeOfSource(item.source)
  const decision = item.inference?.decision
  const isBusy = item.inference ? busy === `${item.inference.experienceId}|${skill.key}` : false
  const title = item.kind === 'related' && item.via ? `via ${item.via.name}` : item.title
  const detail = item.kind === 'related' ? relatedDetail(item) : item.detail
  const date = item.date ? (item.date >= todayIso() ? 'Now' : formatDate(item.date)) : ''
  const key = (action: 'confirm' | 'reject' | 'undo') => (item.inference ? focusKey(item.inference.experienceId, skill.key, action) : undefined)
  return (
    <li className={`evidence-item evidence-${item.kind}${decision === 'rejected' ? ' is-rejected' : ''}`} data-source={item.source}>
      <div className="evidence-main">
        <div className="evidence-head">
          <span className={`evidence-kind kind-${item.kind}`}>
            <Icon name={kind.icon} size={13} />
            {kind.label}
          </span>
          <span className="evidence-title">
            {to && decision !== 'rejected' ? (
              <button type="button" className="link-button" onClick={() => navigate(to)} title={`Open ${item.title}`}>
                {title}
              </button>
            ) : (
              title
            )}
          </span>
        </div>
        <div className="evidence-detail">
          {decision === 'rejected' ? 'Rejected by you: no longer counts for this skill.' : detail}
          {date && decision !== 'rejected' ? (
            <>
              <span className="sep" aria-hidden="true">
                ·
              </span>
              <span className="evidence-date">{date}</span>
            </>
          ) : null}
          {item.stale && decision !== 'rejected' ? <span className="evidence-stale"> · over 5 years old</span> : null}
        </div>
      </div>
      <div className="evidence-side">
        {decision !== 'rejected' ? (
          <span className={`evidence-gives depth-text-${item.gives}`} title={`On its own, this makes ${skill.name} ${DEPTH_WORD[item.gives].toLowerCase()}`}>
            Gives {DEPTH_WORD[item.gives]}
          </span>
        ) : null}
        {item.inference ? (
          <div className="evidence-actions">
            {decision === 'pending' ? (
              <>
                <Button size="sm" icon="check" busy={isBusy} aria-label={decisionLabel('confirm', skill.name, item.title)} data-focus-key={key('confirm')} onClick={() => onDecide(item, 'confirm')}>
                  Confirm
                </Button>
                <Button size="sm" variant="ghost" icon="x" disabled={isBusy} aria-label={decisionLabel('reject', skill.name, item.title)} data-focus-key={key('reject')} onClick={() => onDecide(item, 'reject')}>
                  Reject
                </Button>
              </>
            ) : (
              <>
                {decision === 'confirmed' ? (
                  <Badge tone="success" icon="check">
                    Confirmed by you
                  </Badge>
                ) : (
                  <Badge tone="danger" icon="x">
                    Rejected
                  </Badge>
                )}
                <Button size="sm" variant="ghost" icon="undo" busy={isBusy} aria-label={decisionLabel('undo', skill.name, item.title, decision)} data-focus-key={key('undo')} onClick={() => onDecide(item, 'undo')}>
                  Undo
                </Button>
              </>
            )}
          </div>
        ) : null}
      </div>
    </li>
  )
}

function PlanDialog({ open, roleRef, title, onClose, onMade }: { open: boolean; roleRef: string; title: string; onClose: () => void; onMade: (planId: number) => void }) {
  const [budget, setBudget] = useState('')
  // The user's currency setting until they type another (prices are converted into it).
  const settings = useQuery('settings:get', {})
  const [typedCurrency, setCurrency] = useState<string | null>(null)
  const currency = typedCurrency ?? settings.data?.currency ?? 'USD'
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
      onMade(plan.id)
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
