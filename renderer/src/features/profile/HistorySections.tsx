/**
 * Experience and education: lists with add / edit in a dialog and delete with a confirm.
 * What a person did in a job is written and shown as bullets, as the resume prints it.
 * A work entry also lists the skills used in the job (chips that open the skill), picked in
 * its dialog like a project's skills, and below them the skills inferred from its title.
 */
import { useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { formatRange } from '../../format'
import { descriptionBullets, EducationInput, ExperienceInput, type Education, type Experience } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { DateField, TextArea, TextField } from '../../ui/Field'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { focusFirstInvalid, issuesToErrors, serverFieldErrors, zodIssues, type FieldErrors } from '../../ui/form'
import { SkillPicker, type PickedSkill } from '../../ui/SkillPicker'
import { useToast } from '../../ui/Toast'
import { InferredSkills } from '../evidence/InferredSkills'
import { SkillLinks } from '../../ui/SkillLinks'
import { BulletsEditor, bulletsOf, descriptionOf, type Bullet } from './BulletsEditor'

type Kind = 'experience' | 'education'
type Item = Experience | Education

interface FieldSpec {
  key: string
  label: string
  type?: 'date' | 'textarea' | 'bullets'
  optional?: boolean
  placeholder?: string
  span?: boolean
}

const SPECS: Record<Kind, FieldSpec[]> = {
  experience: [
    { key: 'title', label: 'Job title', placeholder: 'e.g. Marketing coordinator' },
    { key: 'organization', label: 'Organisation' },
    { key: 'location', label: 'Location', optional: true, span: true },
    { key: 'startedOn', label: 'Started', type: 'date', optional: true },
    { key: 'endedOn', label: 'Ended', type: 'date', optional: true },
    { key: 'description', label: 'What you did', type: 'bullets', optional: true, span: true },
  ],
  education: [
    { key: 'institution', label: 'Institution' },
    { key: 'degree', label: 'Degree', optional: true, placeholder: 'e.g. BSc' },
    { key: 'field', label: 'Field of study', optional: true },
    { key: 'startedOn', label: 'Started', type: 'date', optional: true },
    { key: 'endedOn', label: 'Ended', type: 'date', optional: true },
    { key: 'description', label: 'Notes', type: 'textarea', optional: true, span: true },
  ],
}

const NOUN: Record<Kind, string> = { experience: 'experience', education: 'education' }

/** `target`: the entry the URL names (#/profile/exp-1, from a gap analysis): scrolled to, focused and highlighted. */
export function ExperienceSection({ target }: { target?: string | null }) {
  return <HistorySection kind="experience" title="Experience" empty="Add the jobs, internships and volunteering you want on a resume." listenForNew target={target} />
}

export function EducationSection({ target }: { target?: string | null }) {
  return <HistorySection kind="education" title="Education" empty="Add degrees, diplomas and schools." target={target} />
}

function HistorySection({ kind, title, empty, listenForNew, target }: { kind: Kind; title: string; empty: string; listenForNew?: boolean; target?: string | null }) {
  const list = useQuery(kind === 'experience' ? 'experience:list' : 'education:list', {})
  const [editing, setEditing] = useState<Item | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Item | null>(null)
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const items = (list.data ?? []) as Item[]
  const targetShown = Boolean(target && items.some((i) => i.id === target))

  useEffect(() => {
    if (!target || !targetShown) return
    const el = document.querySelector<HTMLElement>(`[data-entry="${CSS.escape(target)}"]`)
    if (!el) return
    el.focus({ preventScroll: true })
    return keepInView(el)
  }, [target, targetShown])

  useEffect(() => {
    if (!listenForNew) return
    const open = () => setEditing('new')
    document.addEventListener('skillfolio:new', open)
    return () => document.removeEventListener('skillfolio:new', open)
  }, [listenForNew])

  const remove = async () => {
    if (!deleting) return
    setBusy(true)
    try {
      if (kind === 'experience') await call('experience:delete', { id: deleting.id })
      else await call('education:delete', { id: deleting.id })
      invalidate()
      toast.show(`Deleted “${headline(deleting)}”`)
      setDeleting(null)
    } catch (error) {
      toast.show(`Not deleted: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-label={title}>
      <div className="card-head">
        <h2 className="card-title">{title}</h2>
        <Button size="sm" icon="plus" onClick={() => setEditing('new')}>
          Add {NOUN[kind]}
        </Button>
      </div>
      {list.error && !list.data ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data && !items.length ? (
        <EmptyState compact icon={kind === 'experience' ? 'briefcase' : 'cap'} title={`No ${NOUN[kind]} yet`}>
          {empty}
        </EmptyState>
      ) : null}
      {items.length ? (
        <ul className="history">
          {items.map((item) => (
            <li key={item.id} className={`history-item${item.id === target ? ' is-target' : ''}`} data-entry={item.id} tabIndex={item.id === target ? -1 : undefined} aria-label={headline(item)}>
              <div className="history-icon" aria-hidden="true">
                {(('organization' in item ? item.organization : item.institution) || '?').slice(0, 1).toUpperCase()}
              </div>
              <div className="history-main">
                <div className="history-title">{headline(item)}</div>
                <div className="history-meta">{[formatRange(item.startedOn, item.endedOn), 'location' in item ? item.location : null].filter(Boolean).join(' · ')}</div>
                {'organization' in item ? <DescriptionBullets text={item.description} /> : item.description ? <p className="history-desc">{item.description}</p> : null}
                {'skills' in item && item.skills.length ? <UsedSkills entry={item} /> : null}
                {'skills' in item ? <InferredSkills experienceId={item.id} used={item.skills.map((s) => s.name)} /> : null}
              </div>
              <div className="history-actions">
                <Button size="sm" variant="ghost" icon="pencil" aria-label={`Edit ${headline(item)}`} title="Edit" onClick={() => setEditing(item)} />
                <Button size="sm" variant="ghost" icon="trash" aria-label={`Delete ${headline(item)}`} title="Delete" onClick={() => setDeleting(item)} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? <HistoryDialog kind={kind} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete “${headline(deleting)}”?` : ''}
        message="It will no longer appear on resumes. This cannot be undone."
        confirmLabel="Delete"
        danger
        busy={busy}
        onCancel={() => setDeleting(null)}
        onConfirm={remove}
      />
    </section>
  )
}

/**
 * Scrolls `el` to the top and keeps it there while the cards above it finish loading (the
 * profile, other entries' inferred skills), for at most 1.5 s or until the person scrolls,
 * clicks or types.
 */
function keepInView(el: HTMLElement): () => void {
  const page = el.closest<HTMLElement>('.page') ?? document.body
  const scroller = el.closest<HTMLElement>('.screen-page') ?? window
  const place = () => el.scrollIntoView({ block: 'start' })
  place()
  const observer = new ResizeObserver(place)
  observer.observe(page)
  const stop = () => {
    observer.disconnect()
    clearTimeout(timer)
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) scroller.removeEventListener(type, stop)
  }
  const timer = setTimeout(stop, 1500)
  for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) scroller.addEventListener(type, stop, { passive: true })
  return stop
}

/** A work entry's description as the resume prints it: one bullet per line or sentence. */
function DescriptionBullets({ text }: { text: string | null }) {
  const bullets = descriptionBullets(text)
  if (!bullets.length) return null
  return (
    <ul className="history-bullets">
      {bullets.map((b, i) => (
        <li key={i}>{b}</li>
      ))}
    </ul>
  )
}

/** "Skills used": the skills linked to a work entry, as chips that open the skill (as on a project). */
function UsedSkills({ entry }: { entry: Experience }) {
  return (
    <div className="history-skills">
      <h3 className="history-skills-title">
        Skills used
      </h3>
      <SkillLinks skills={entry.skills} label={`Skills used as ${headline(entry)}`} />
    </div>
  )
}

function headline(item: Item): string {
  if ('organization' in item) return `${item.title} at ${item.organization}`
  return [item.degree, item.field].filter(Boolean).join(', ') ? `${[item.degree, item.field].filter(Boolean).join(', ')} · ${item.institution}` : item.institution
}

function HistoryDialog({ kind, item, onClose }: { kind: Kind; item: Item | null; onClose: () => void }) {
  const specs = SPECS[kind]
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries(specs.map((s) => [s.key, item ? String((item as unknown as Record<string, unknown>)[s.key] ?? '') : ''])),
  )
  /** The skills used in a job (experience only). */
  const [skills, setSkills] = useState<PickedSkill[]>(() => (item && 'skills' in item ? item.skills.map((s) => ({ name: s.name, level: s.level })) : []))
  /** What was done in a job, as bullets (experience only; saved as the description). */
  const [described] = useState(() => bulletsOf(item?.description))
  const [bullets, setBullets] = useState<Bullet[]>(described.bullets)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const invalidate = useInvalidate()
  const toast = useToast()

  const save = async () => {
    const values = kind === 'experience' ? { ...fields, description: descriptionOf(bullets) } : fields
    const parsed = kind === 'experience' ? ExperienceInput.safeParse({ ...values, skills }) : EducationInput.safeParse(values)
    const issues = parsed.success ? [] : zodIssues(parsed.error)
    if (parsed.success && parsed.data.startedOn && parsed.data.endedOn && parsed.data.endedOn < parsed.data.startedOn)
      issues.push({ path: 'endedOn', message: 'cannot be before the start date' })
    if (issues.length) {
      setErrors(issuesToErrors(issues, (p) => p.split('.')[0] ?? p))
      focusFirstInvalid(formRef.current)
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      if (kind === 'experience') {
        // `skills` replaces the entry's list, so a removed chip is unlinked.
        const input = { ...values, skills } as unknown as ExperienceInput
        if (item) await call('experience:update', { id: item.id, patch: input })
        else await call('experience:create', input)
      } else {
        const input = values as unknown as EducationInput
        if (item) await call('education:update', { id: item.id, patch: input })
        else await call('education:create', input)
      }
      invalidate()
      toast.show(item ? 'Saved' : `Added ${NOUN[kind]}`)
      onClose()
    } catch (error) {
      const fieldErrors = serverFieldErrors(error, (p) => p.split('.')[0] ?? p)
      if (fieldErrors) {
        setErrors(fieldErrors)
        focusFirstInvalid(formRef.current)
      } else setFailure(error)
    } finally {
      setSaving(false)
    }
  }

  const formId = `${kind}-form`
  return (
    <Dialog
      open
      size="md"
      title={item ? `Edit ${NOUN[kind]}` : `Add ${NOUN[kind]}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" busy={saving}>
            {item ? 'Save' : 'Add'}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        ref={formRef}
        noValidate
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {failure ? <ErrorBanner title="Not saved" error={failure} /> : null}
        {specs.map((s) => {
          const common = {
            label: s.label,
            value: fields[s.key] ?? '',
            optional: s.optional,
            error: errors[s.key],
            placeholder: s.placeholder,
            onChange: (v: string) => {
              setFields((old) => ({ ...old, [s.key]: v }))
              if (errors[s.key]) setErrors(({ [s.key]: _drop, ...rest }) => rest)
            },
          }
          if (s.type === 'bullets')
            return (
              <div key={s.key} className="span-2">
                <BulletsEditor
                  label={s.label}
                  value={bullets}
                  split={described.split}
                  error={errors[s.key]}
                  onChange={(next) => {
                    setBullets(next)
                    if (errors[s.key]) setErrors(({ [s.key]: _drop, ...rest }) => rest)
                  }}
                />
              </div>
            )
          if (s.type === 'textarea') return <TextArea key={s.key} {...common} rows={4} fieldClassName="span-2" />
          if (s.type === 'date') return <DateField key={s.key} {...common} />
          return <TextField key={s.key} {...common} fieldClassName={s.span ? 'span-2' : undefined} />
        })}
        {kind === 'experience' ? (
          <div className="span-2">
            <SkillPicker
              label="Skills used"
              value={skills}
              onChange={(next) => {
                setSkills(next)
                if (errors.skills) setErrors(({ skills: _drop, ...rest }) => rest)
              }}
              error={errors.skills}
              hint="Each one counts as practised at work when you compare yourself with a role."
            />
          </div>
        ) : null}
      </form>
    </Dialog>
  )
}
