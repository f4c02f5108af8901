/** Add or edit a project: what it was, when, links, outcomes, skills applied, credentials used. */
import { useRef, useState } from 'react'
import { call } from '../../api'
import { useInvalidate } from '../../data'
import type { Project } from '../../shared'
import { Button } from '../../ui/Button'
import { CredentialPicker } from '../../ui/CredentialPicker'
import { DateField, TextArea, TextField } from '../../ui/Field'
import { ErrorBanner } from '../../ui/Feedback'
import { FormShell } from '../../ui/FormShell'
import { focusFirstInvalid, issuesToErrors, serverFieldErrors, type FieldErrors } from '../../ui/form'
import { SkillPicker } from '../../ui/SkillPicker'
import { useToast } from '../../ui/Toast'
import { emptyProject, projectFieldOf, projectValues, toProjectInput, type ProjectFormValues } from './model'

export function ProjectForm({ project, onSaved, onCancel }: { project?: Project; onSaved: (p: Project) => void; onCancel: () => void }) {
  const [initial] = useState<ProjectFormValues>(() => (project ? projectValues(project) : emptyProject()))
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const invalidate = useInvalidate()
  const toast = useToast()

  const set = <K extends keyof ProjectFormValues>(key: K, value: ProjectFormValues[K], errorKey: string = key) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (errors[errorKey]) setErrors(({ [errorKey]: _drop, ...rest }) => rest)
  }

  const submit = async () => {
    const { input, issues } = toProjectInput(values)
    if (issues.length) {
      setErrors(issuesToErrors(issues, projectFieldOf))
      focusFirstInvalid(formRef.current)
      return
    }
    setErrors({})
    setFailure(null)
    setSaving(true)
    try {
      const saved = project ? await call('projects:update', { id: project.id, patch: input }) : await call('projects:create', input)
      invalidate()
      toast.show(project ? `Saved “${saved.title}”` : `Added “${saved.title}”`)
      onSaved(saved)
    } catch (error) {
      const fieldErrors = serverFieldErrors(error, projectFieldOf)
      if (fieldErrors) {
        setErrors(fieldErrors)
        focusFirstInvalid(formRef.current)
      } else setFailure(error)
    } finally {
      setSaving(false)
    }
  }

  const errorCount = Object.keys(errors).length

  return (
    <FormShell
      ref={formRef}
      heading={project ? 'Edit project' : 'New project'}
      dirty={JSON.stringify(values) !== JSON.stringify(initial)}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={project ? 'Save changes' : 'Add project'}
      saving={saving}
    >
      {failure ? <ErrorBanner title="Not saved" error={failure} /> : null}
      {errorCount ? (
        <p className="form-summary" role="alert">
          {errorCount === 1 ? 'One field needs attention.' : `${errorCount} fields need attention.`}
        </p>
      ) : null}

      <fieldset className="form-section">
        <legend>Project</legend>
        <TextField label="Title" value={values.title} onChange={(v) => set('title', v)} error={errors.title} autoFocus placeholder="e.g. Sales dashboard for a local bakery" fieldClassName="span-2" />
        <TextField label="Your role" optional value={values.role} onChange={(v) => set('role', v)} error={errors.role} placeholder="e.g. Data analyst" fieldClassName="span-2" />
        <DateField label="Started" optional value={values.startedOn} onChange={(v) => set('startedOn', v)} error={errors.startedOn} />
        <DateField label="Ended" optional value={values.endedOn} onChange={(v) => set('endedOn', v)} error={errors.endedOn} hint="Leave empty if it is ongoing." />
        <TextArea label="Summary" optional value={values.summary} onChange={(v) => set('summary', v)} error={errors.summary} rows={4} fieldClassName="span-2" placeholder="The problem, what you did, how" />
      </fieldset>

      <fieldset className="form-section">
        <legend>Evidence</legend>
        <div className="span-2">
          <SkillPicker label="Skills applied" value={values.skills} onChange={(v) => set('skills', v)} error={errors.skills} />
        </div>
        <div className="span-2">
          <CredentialPicker value={values.credentials} onChange={(v) => set('credentials', v)} error={errors.credentials} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Outcomes</legend>
        <div className="span-2 rows-editor">
          {values.outcomes.map((o, i) => (
            <div className="rows-editor-row" key={i}>
              <TextField
                label={`Outcome ${i + 1}`}
                value={o}
                onChange={(v) => set('outcomes', values.outcomes.map((x, j) => (j === i ? v : x)), `outcomes.${i}`)}
                error={errors[`outcomes.${i}`]}
                placeholder="e.g. Cut weekly reporting from 3 hours to 10 minutes"
                fieldClassName="grow"
              />
              <Button variant="ghost" icon="x" aria-label={`Remove outcome ${i + 1}`} onClick={() => set('outcomes', values.outcomes.filter((_, j) => j !== i))} />
            </div>
          ))}
          <Button size="sm" variant="ghost" icon="plus" onClick={() => set('outcomes', [...values.outcomes, ''])}>
            Add outcome
          </Button>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Links</legend>
        <div className="span-2 rows-editor">
          {values.links.map((l, i) => (
            <div className="rows-editor-row" key={i}>
              <TextField
                label={`Link ${i + 1} label`}
                value={l.label}
                onChange={(v) => set('links', values.links.map((x, j) => (j === i ? { ...x, label: v } : x)), `links.${i}.label`)}
                error={errors[`links.${i}.label`]}
                placeholder="Repository, demo, write-up…"
                fieldClassName="link-label"
              />
              <TextField
                label={`Link ${i + 1} address`}
                type="url"
                inputMode="url"
                value={l.url}
                onChange={(v) => set('links', values.links.map((x, j) => (j === i ? { ...x, url: v } : x)), `links.${i}.url`)}
                error={errors[`links.${i}.url`]}
                placeholder="https://"
                fieldClassName="grow"
              />
              <Button variant="ghost" icon="x" aria-label={`Remove link ${i + 1}`} onClick={() => set('links', values.links.filter((_, j) => j !== i))} />
            </div>
          ))}
          <Button size="sm" variant="ghost" icon="plus" onClick={() => set('links', [...values.links, { label: '', url: '' }])}>
            Add link
          </Button>
        </div>
      </fieldset>
    </FormShell>
  )
}
