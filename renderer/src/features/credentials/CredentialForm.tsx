/** Add or edit a credential: every field of CredentialInput, validated inline. */
import { useRef, useState, type ReactNode } from 'react'
import { call } from '../../api'
import { useInvalidate } from '../../data'
import { currencyDigits, KIND_LABEL, STATUS_LABEL } from '../../format'
import { CREDENTIAL_KINDS, CREDENTIAL_STATUSES, type Credential, type CredentialInput } from '../../shared'
import { DateField, Select, TextArea, TextField } from '../../ui/Field'
import { ErrorBanner } from '../../ui/Feedback'
import { FormShell } from '../../ui/FormShell'
import { focusFirstInvalid, issuesToErrors, serverFieldErrors, type FieldErrors } from '../../ui/form'
import { SkillPicker } from '../../ui/SkillPicker'
import { useToast } from '../../ui/Toast'
import { emptyValues, fieldOf, rememberCurrency, toInput, valuesFrom, type CredentialFormValues } from './model'

const KIND_OPTIONS = CREDENTIAL_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))
const STATUS_OPTIONS = CREDENTIAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'INR', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'MXN', 'SGD', 'NZD', 'ZAR']

/**
 * A new credential filled in from elsewhere (a certificate PDF): the values it opens with, its
 * words, a note per field that was not found (shown under the field, highlighted while it is
 * empty), and how it is saved instead of credentials:create.
 */
export interface CredentialPrefill {
  values: CredentialFormValues
  heading: string
  submitLabel: string
  cancelLabel: string
  intro?: ReactNode
  notes?: Partial<Record<keyof CredentialFormValues, string>>
  save: (input: CredentialInput) => Promise<Credential>
}

export function CredentialForm({
  credential,
  prefill,
  onSaved,
  onCancel,
}: {
  credential?: Credential
  prefill?: CredentialPrefill
  onSaved: (saved: Credential) => void
  onCancel: () => void
}) {
  const [initial] = useState<CredentialFormValues>(() => (credential ? valuesFrom(credential) : (prefill?.values ?? emptyValues())))
  const [values, setValues] = useState<CredentialFormValues>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const invalidate = useInvalidate()
  const toast = useToast()

  const set = <K extends keyof CredentialFormValues>(key: K, value: CredentialFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    const field = key as string
    if (errors[field]) setErrors(({ [field]: _drop, ...rest }) => rest)
  }
  const dirty = JSON.stringify(values) !== JSON.stringify(initial)
  /** A field's prefill note (none without a prefill) and its class, marked while the field is empty. */
  const noted = (key: keyof CredentialFormValues, className?: string) => {
    const note = prefill?.notes?.[key]
    const classes = [className, note && !values[key] ? 'field-missing' : ''].filter(Boolean).join(' ')
    return { hint: note, ...(classes ? { fieldClassName: classes } : {}) }
  }

  const submit = async () => {
    const { input, issues } = toInput(values)
    if (issues.length) {
      setErrors(issuesToErrors(issues, fieldOf))
      focusFirstInvalid(formRef.current)
      return
    }
    setErrors({})
    setFailure(null)
    setSaving(true)
    try {
      const saved = credential
        ? await call('credentials:update', { id: credential.id, patch: input })
        : prefill
          ? await prefill.save(input)
          : await call('credentials:create', input)
      if (input.cost) rememberCurrency(input.cost.currency)
      invalidate()
      toast.show(credential ? `Saved “${saved.title}”` : `Added “${saved.title}”`)
      onSaved(saved)
    } catch (error) {
      const fieldErrors = serverFieldErrors(error, fieldOf)
      if (fieldErrors) {
        setErrors(fieldErrors)
        focusFirstInvalid(formRef.current)
      } else setFailure(error)
    } finally {
      setSaving(false)
    }
  }

  const digits = currencyDigits(values.costCurrency.toUpperCase())

  return (
    <FormShell
      ref={formRef}
      heading={prefill?.heading ?? (credential ? 'Edit credential' : 'New credential')}
      dirty={dirty}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={prefill?.submitLabel ?? (credential ? 'Save changes' : 'Add credential')}
      cancelLabel={prefill?.cancelLabel}
      saving={saving}
    >
      {prefill?.intro}
      {failure ? <ErrorBanner title="Not saved" error={failure} /> : null}
      {Object.keys(errors).length ? (
        <p className="form-summary" role="alert">
          {Object.keys(errors).length === 1 ? 'One field needs attention.' : `${Object.keys(errors).length} fields need attention.`}
        </p>
      ) : null}

      <fieldset className="form-section">
        <legend>Credential</legend>
        <TextField label="Title" value={values.title} onChange={(v) => set('title', v)} error={errors.title} autoFocus placeholder="e.g. Google Data Analytics Certificate" {...noted('title', 'span-2')} />
        <Select label="Kind" value={values.kind} options={KIND_OPTIONS} onChange={(v) => set('kind', v as CredentialFormValues['kind'])} error={errors.kind} />
        <Select label="Status" value={values.status} options={STATUS_OPTIONS} onChange={(v) => set('status', v as CredentialFormValues['status'])} error={errors.status} />
        <TextField label="Provider" optional value={values.provider} onChange={(v) => set('provider', v)} error={errors.provider} placeholder="Coursera, edX, your employer…" {...noted('provider')} />
        <TextField label="Issuer" optional value={values.issuerName} onChange={(v) => set('issuerName', v)} error={errors.issuerName} placeholder="Who signs it" {...noted('issuerName')} />
        <TextField label="Issuer website" optional type="url" inputMode="url" value={values.issuerUrl} onChange={(v) => set('issuerUrl', v)} error={errors.issuerUrl} placeholder="https://" fieldClassName="span-2" />
      </fieldset>

      <fieldset className="form-section">
        <legend>Dates</legend>
        <div className="span-2 grid-3">
          <DateField label="Started" optional value={values.startedOn} onChange={(v) => set('startedOn', v)} error={errors.startedOn} />
          <DateField label="Earned" optional value={values.earnedOn} onChange={(v) => set('earnedOn', v)} error={errors.earnedOn} {...noted('earnedOn')} />
          <DateField label="Expires" optional value={values.expiresOn} onChange={(v) => set('expiresOn', v)} error={errors.expiresOn} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Effort and cost</legend>
        <TextField label="Hours" optional inputMode="decimal" value={values.hours} onChange={(v) => set('hours', v)} error={errors.hours} placeholder="e.g. 40" />
        <div className="cost-row">
          <TextField label="Cost" optional inputMode="decimal" value={values.costAmount} onChange={(v) => set('costAmount', v)} error={errors.costAmount} placeholder={digits ? `0.${'0'.repeat(digits)}` : '0'} fieldClassName="cost-amount" />
          <TextField
            label="Currency"
            value={values.costCurrency}
            onChange={(v) => set('costCurrency', v.toUpperCase().slice(0, 3))}
            error={errors.costCurrency}
            list="currency-codes"
            autoComplete="off"
            spellCheck={false}
            fieldClassName="cost-currency"
          />
          <datalist id="currency-codes">
            {CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Verification</legend>
        <TextField label="Credential ID" optional value={values.credentialCode} onChange={(v) => set('credentialCode', v)} error={errors.credentialCode} spellCheck={false} {...noted('credentialCode')} />
        <TextField label="Verification link" optional type="url" inputMode="url" value={values.verificationUrl} onChange={(v) => set('verificationUrl', v)} error={errors.verificationUrl} placeholder="https://" {...noted('verificationUrl')} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Skills</legend>
        <div className="span-2">
          <SkillPicker value={values.skills} onChange={(v) => set('skills', v)} error={errors.skills} hint="Pick existing skills or create new ones. A level is optional." />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Notes</legend>
        <TextArea label="Description" optional value={values.description} onChange={(v) => set('description', v)} error={errors.description} rows={4} fieldClassName="span-2" placeholder="What it covers, what you learned" />
        <TextArea label="Private notes" optional value={values.notes} onChange={(v) => set('notes', v)} error={errors.notes} rows={3} fieldClassName="span-2" />
      </fieldset>
      {errors.form ? <p className="form-summary">{errors.form}</p> : null}
    </FormShell>
  )
}
