/** Profile: the person behind the portfolio (used by resumes), with experience and education. */
import { useRef, useState } from 'react'
import { call } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import type { Route } from '../../router'
import { ProfileInput, type Profile } from '../../shared'
import { Button } from '../../ui/Button'
import { TextArea, TextField } from '../../ui/Field'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { focusFirstInvalid, issuesToErrors, serverFieldErrors, zodIssues, type FieldErrors } from '../../ui/form'
import { useToast } from '../../ui/Toast'
import { EducationSection, ExperienceSection } from './HistorySections'

/** `route.id` names an experience or education entry to scroll to (exp-1, edu-2). */
export function ProfileScreen({ route }: { route?: Route }) {
  const target = route?.id ?? null
  const profile = useQuery('profile:get', {})
  return (
    <div className="screen screen-page">
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Profile</h1>
          <p className="page-subtitle">Who you are and where you have worked and studied. Resumes are built from this.</p>
        </header>
        {profile.error && !profile.data ? <ErrorBanner error={profile.error} onRetry={profile.reload} /> : null}
        {profile.data ? <ProfileCard key={profile.data.updatedAt ?? 'new'} profile={profile.data} /> : profile.loading ? <Loading /> : null}
        <ExperienceSection target={target} />
        <EducationSection target={target} />
      </div>
    </div>
  )
}

interface ProfileValues {
  fullName: string
  headline: string
  email: string
  phone: string
  location: string
  website: string
  links: Array<{ label: string; url: string }>
  summary: string
}

function valuesOf(p: Profile): ProfileValues {
  return {
    fullName: p.fullName ?? '',
    headline: p.headline ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    location: p.location ?? '',
    website: p.website ?? '',
    links: p.links.map((l) => ({ label: l.label ?? '', url: l.url })),
    summary: p.summary ?? '',
  }
}

function fieldOf(path: string): string {
  if (/^links\.\d+/.test(path)) return path.split('.').length === 2 ? `${path}.url` : path
  return path.split('.')[0] || 'form'
}

function ProfileCard({ profile }: { profile: Profile }) {
  const [initial] = useState(() => valuesOf(profile))
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const invalidate = useInvalidate()
  const toast = useToast()
  const dirty = JSON.stringify(values) !== JSON.stringify(initial)

  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K], errorKey: string = key) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (errors[errorKey]) setErrors(({ [errorKey]: _drop, ...rest }) => rest)
  }

  const save = async () => {
    const linkIndex: number[] = []
    const links = values.links.flatMap((l, i) => {
      if (!l.label.trim() && !l.url.trim()) return []
      linkIndex.push(i)
      return [{ label: l.label, url: l.url.trim() }]
    })
    const input: ProfileInput = { ...values, links }
    const parsed = ProfileInput.safeParse(input)
    if (!parsed.success) {
      const issues = zodIssues(parsed.error).map((i) => {
        const [head, index, ...rest] = i.path.split('.')
        return head === 'links' && index !== undefined ? { ...i, path: ['links', linkIndex[Number(index)] ?? index, ...rest].join('.') } : i
      })
      setErrors(issuesToErrors(issues, fieldOf))
      focusFirstInvalid(formRef.current)
      return
    }
    setErrors({})
    setFailure(null)
    setSaving(true)
    try {
      await call('profile:update', input)
      invalidate()
      toast.show('Profile saved')
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

  return (
    <form
      ref={formRef}
      className="card"
      aria-label="About you"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
          e.preventDefault()
          void save()
        }
      }}
    >
      <div className="card-head">
        <h2 className="card-title">About you</h2>
      </div>
      {failure ? <ErrorBanner title="Not saved" error={failure} /> : null}
      <div className="form-grid">
        <TextField label="Full name" value={values.fullName} onChange={(v) => set('fullName', v)} error={errors.fullName} autoComplete="name" />
        <TextField label="Location" value={values.location} onChange={(v) => set('location', v)} error={errors.location} placeholder="City, country" />
        <TextField label="Headline" value={values.headline} onChange={(v) => set('headline', v)} error={errors.headline} placeholder="e.g. Data analyst moving into analytics engineering" fieldClassName="span-2" />
        <TextField label="Email" type="email" value={values.email} onChange={(v) => set('email', v)} error={errors.email} autoComplete="email" />
        <TextField label="Phone" type="tel" value={values.phone} onChange={(v) => set('phone', v)} error={errors.phone} autoComplete="tel" />
        <TextField label="Website" type="url" value={values.website} onChange={(v) => set('website', v)} error={errors.website} placeholder="https://" fieldClassName="span-2" />
        <div className="span-2 rows-editor">
          <div className="field-label">Links</div>
          {values.links.map((l, i) => (
            <div className="rows-editor-row" key={i}>
              <TextField
                label={`Profile link ${i + 1} label`}
                value={l.label}
                onChange={(v) => set('links', values.links.map((x, j) => (j === i ? { ...x, label: v } : x)), `links.${i}.label`)}
                error={errors[`links.${i}.label`]}
                placeholder="LinkedIn, GitHub…"
                fieldClassName="link-label"
              />
              <TextField
                label={`Profile link ${i + 1} address`}
                type="url"
                value={l.url}
                onChange={(v) => set('links', values.links.map((x, j) => (j === i ? { ...x, url: v } : x)), `links.${i}.url`)}
                error={errors[`links.${i}.url`]}
                placeholder="https://"
                fieldClassName="grow"
              />
              <Button variant="ghost" icon="x" aria-label={`Remove profile link ${i + 1}`} onClick={() => set('links', values.links.filter((_, j) => j !== i))} />
            </div>
          ))}
          <Button size="sm" variant="ghost" icon="plus" onClick={() => set('links', [...values.links, { label: '', url: '' }])}>
            Add link
          </Button>
        </div>
        <TextArea label="Summary" value={values.summary} onChange={(v) => set('summary', v)} error={errors.summary} rows={4} fieldClassName="span-2" placeholder="Two or three sentences about what you do and what you are aiming for" />
      </div>
      <div className="card-foot">
        {dirty ? <span className="muted">Unsaved changes</span> : null}
        <Button onClick={() => { setValues(initial); setErrors({}) }} disabled={!dirty}>
          Revert
        </Button>
        <Button type="submit" variant="primary" busy={saving} disabled={!dirty}>
          Save profile
        </Button>
      </div>
    </form>
  )
}
