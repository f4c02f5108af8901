/** Add or edit a skill: name, category, aliases, description. */
import { useRef, useState } from 'react'
import { ApiError, call } from '../../api'
import { useInvalidate } from '../../data'
import { CATEGORY_LABEL } from '../../format'
import { SKILL_CATEGORIES, SkillInput, type Skill, type SkillCategory } from '../../shared'
import { Select, TextArea, TextField } from '../../ui/Field'
import { ErrorBanner } from '../../ui/Feedback'
import { FormShell } from '../../ui/FormShell'
import { focusFirstInvalid, issuesToErrors, serverFieldErrors, zodIssues, type FieldErrors } from '../../ui/form'
import { TagInput } from '../../ui/TagInput'
import { useToast } from '../../ui/Toast'

const CATEGORY_OPTIONS = SKILL_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))
const fieldOf = (path: string) => path.split('.')[0] || 'form'

export function SkillForm({ skill, onSaved, onCancel }: { skill?: Skill; onSaved: (s: Skill) => void; onCancel: () => void }) {
  const [initial] = useState(() => ({
    name: skill?.name ?? '',
    category: (skill?.category ?? 'technology') as SkillCategory,
    aliases: skill?.aliases ?? [],
    description: skill?.description ?? '',
  }))
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const invalidate = useInvalidate()
  const toast = useToast()

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (errors[key]) setErrors(({ [key]: _drop, ...rest }) => rest)
  }

  const submit = async () => {
    const input: SkillInput = { ...values }
    const parsed = SkillInput.safeParse(input)
    if (!parsed.success) {
      setErrors(issuesToErrors(zodIssues(parsed.error), fieldOf))
      focusFirstInvalid(formRef.current)
      return
    }
    setErrors({})
    setFailure(null)
    setSaving(true)
    try {
      const saved = skill ? await call('skills:update', { id: skill.id, patch: input }) : await call('skills:create', input)
      invalidate()
      toast.show(skill ? `Saved “${saved.name}”` : `Added “${saved.name}”`)
      onSaved(saved)
    } catch (error) {
      const fieldErrors = serverFieldErrors(error, fieldOf)
      if (fieldErrors) {
        setErrors(fieldErrors)
        focusFirstInvalid(formRef.current)
      } else if (error instanceof ApiError && error.code === 'CONFLICT') {
        setErrors({ name: error.message })
        focusFirstInvalid(formRef.current)
      } else setFailure(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <FormShell
      ref={formRef}
      heading={skill ? 'Edit skill' : 'New skill'}
      dirty={JSON.stringify(values) !== JSON.stringify(initial)}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={skill ? 'Save changes' : 'Add skill'}
      saving={saving}
    >
      {failure ? <ErrorBanner title="Not saved" error={failure} /> : null}
      <fieldset className="form-section">
        <legend>Skill</legend>
        <TextField label="Name" value={values.name} onChange={(v) => set('name', v)} error={errors.name} autoFocus placeholder="e.g. SQL" />
        <Select label="Category" value={values.category} options={CATEGORY_OPTIONS} onChange={(v) => set('category', v as SkillCategory)} error={errors.category} />
        <div className="span-2">
          <TagInput
            label="Aliases"
            value={values.aliases}
            onChange={(v) => set('aliases', v)}
            error={errors.aliases}
            placeholder="Other names, e.g. Structured Query Language"
            hint="Other names for the same skill. Press Enter or type a comma after each."
          />
        </div>
        <TextArea label="Description" optional value={values.description} onChange={(v) => set('description', v)} error={errors.description} rows={4} fieldClassName="span-2" />
      </fieldset>
    </FormShell>
  )
}
