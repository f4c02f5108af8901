/**
 * The resume's choices: target role, length, template, page, font size, accent colour, how
 * certifications and expired ones print, and QR codes. Native controls throughout, so the
 * keyboard works as everywhere else.
 */
import { useId, useMemo, useState } from 'react'
import type { RoleListItem } from '../../shared'
import { Button } from '../../ui/Button'
import { Icon } from '../../ui/Icon'
import { Segmented } from './Segmented'
import { ACCENTS, DEFAULT_ACCENT, type Settings } from './settings'

const TEMPLATES = [
  { value: 'ats', label: 'ATS single column' },
  { value: 'two-column', label: 'Two columns' },
] as const
const PAGES = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'Letter' },
] as const
const FONTS = [
  { value: 'small', label: 'Small' },
  { value: 'normal', label: 'Normal' },
  { value: 'large', label: 'Large' },
] as const
const LENGTHS = [
  { value: '1', label: '1 page' },
  { value: '2', label: '2 pages' },
  { value: 'auto', label: 'As needed' },
] as const
/** What the length choice does, with a role and without (a general resume keeps the newest and best-evidenced). */
function lengthHint(length: Settings['length'], hasRole: boolean): string {
  if (length === 'auto') return 'Everything chosen is printed, however many pages it takes.'
  return hasRole ? 'What is least relevant to the role is left out to fit.' : 'Older items with less evidence are left out first to fit.'
}
const CREDENTIAL_DETAIL = [
  { value: 'compact', label: 'One line each' },
  { value: 'full', label: 'With ID and link' },
] as const
const CREDENTIAL_HINT: Record<Settings['credentialDetail'], string> = {
  compact: 'Title, issuer and year; the verification link sits on the title.',
  full: 'Also the credential ID and the verification link, written out.',
}
const EXPIRED = [
  { value: 'mark', label: 'Mark in words' },
  { value: 'highlight', label: 'Mark in colour' },
  { value: 'hide', label: 'Leave out' },
] as const
const EXPIRED_HINT: Record<Settings['expired'], string> = {
  mark: '“Expired” and the date, in the same colour as the rest.',
  highlight: '“Expired” and the date, also in colour to stand out.',
  hide: 'Expired credentials are not printed.',
}

export function Controls({
  settings,
  roles,
  onChange,
  report,
}: {
  settings: Settings
  roles: readonly RoleListItem[] | undefined
  onChange: (patch: Partial<Settings>) => void
  /** Saving the role's gap report (offered once a role is chosen). */
  report: { busy: boolean; save: () => void }
}) {
  const qrId = useId()
  return (
    <div className="resume-controls">
      <RolePicker value={settings.roleRef} roles={roles} onChange={(roleRef) => onChange({ roleRef })} />
      {settings.roleRef ? (
        <Button size="sm" variant="ghost" icon="file" className="resume-report" busy={report.busy} onClick={report.save} title="A PDF of the gap analysis and learning plan for this role">
          Save gap report…
        </Button>
      ) : null}
      <Segmented label="Length" value={settings.length} options={LENGTHS} hint={lengthHint(settings.length, settings.roleRef !== null)} onChange={(length) => onChange({ length })} />
      <Segmented label="Template" value={settings.template} options={TEMPLATES} onChange={(template) => onChange({ template })} />
      <div className="resume-controls-row">
        <Segmented label="Page" value={settings.pageSize} options={PAGES} onChange={(pageSize) => onChange({ pageSize })} />
        <Segmented label="Font size" value={settings.fontScale} options={FONTS} onChange={(fontScale) => onChange({ fontScale })} />
      </div>
      <AccentPicker value={settings.accent} onChange={(accent) => onChange({ accent })} />
      <Segmented label="Certifications" value={settings.credentialDetail} options={CREDENTIAL_DETAIL} hint={CREDENTIAL_HINT[settings.credentialDetail]} onChange={(credentialDetail) => onChange({ credentialDetail })} />
      <Segmented label="Expired credentials" value={settings.expired} options={EXPIRED} hint={EXPIRED_HINT[settings.expired]} onChange={(expired) => onChange({ expired })} />
      <div className="resume-toggle">
        <label className="resume-toggle-text" htmlFor={qrId}>
          <span className="resume-toggle-label">QR codes</span>
          <span className="resume-toggle-desc">A code beside each verifiable credential, for printed copies.</span>
        </label>
        <span className="switch">
          <input id={qrId} type="checkbox" role="switch" className="switch-input" checked={settings.showQr} onChange={(e) => onChange({ showQr: e.target.checked })} />
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
        </span>
      </div>
    </div>
  )
}

/** The target role: a native select (type-ahead), with a filter box once the list is long. */
function RolePicker({ value, roles, onChange }: { value: string | null; roles: readonly RoleListItem[] | undefined; onChange: (ref: string | null) => void }) {
  const id = useId()
  const [filter, setFilter] = useState('')
  const groups = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    const match = (r: RoleListItem) =>
      r.ref === value || !needle || r.title.toLowerCase().includes(needle) || r.area.toLowerCase().includes(needle) || r.alternateTitles.some((t) => t.toLowerCase().includes(needle))
    const shown = (roles ?? []).filter(match)
    const mine = shown.filter((r) => r.source !== 'catalog').sort((a, b) => a.title.localeCompare(b.title))
    const byArea = new Map<string, RoleListItem[]>()
    for (const r of shown.filter((x) => x.source === 'catalog')) {
      const list = byArea.get(r.area || 'Other') ?? []
      list.push(r)
      byArea.set(r.area || 'Other', list)
    }
    const catalog = [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([area, list]) => ({ area, list: list.sort((a, b) => a.title.localeCompare(b.title)) }))
    return { mine, catalog, count: shown.length }
  }, [roles, filter, value])
  const long = (roles?.length ?? 0) > 12
  const known = value === null || (roles ?? []).some((r) => r.ref === value)
  return (
    <div className="field role-picker">
      <label className="field-label" htmlFor={id}>
        Target role
      </label>
      {long ? (
        <div className="search role-filter">
          <Icon name="search" size={14} className="search-icon" />
          <input
            className="input search-input"
            type="search"
            aria-label="Filter roles"
            placeholder={`Filter ${roles?.length ?? 0} roles…`}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'ArrowDown') {
                e.preventDefault()
                document.getElementById(id)?.focus()
              } else if (e.key === 'Escape' && filter) {
                e.preventDefault()
                e.stopPropagation()
                setFilter('')
              }
            }}
          />
        </div>
      ) : null}
      <select id={id} className="input select" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">General resume (no role)</option>
        {!known && value ? <option value={value}>{value}</option> : null}
        {groups.mine.length ? (
          <optgroup label="Your roles">
            {groups.mine.map((r) => (
              <option key={r.ref} value={r.ref}>
                {r.title}
              </option>
            ))}
          </optgroup>
        ) : null}
        {groups.catalog.map((g) => (
          <optgroup key={g.area} label={g.area}>
            {g.list.map((r) => (
              <option key={r.ref} value={r.ref}>
                {r.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {filter.trim() ? (
        <p className="field-hint" role="status">
          {groups.count === 0 ? 'No role matches the filter.' : `${groups.count} ${groups.count === 1 ? 'role matches' : 'roles match'}; pick one above.`}
        </p>
      ) : null}
    </div>
  )
}

/** A few swatches and a custom colour; "Default" is the templates' own blue. */
function AccentPicker({ value, onChange }: { value: string | null; onChange: (accent: string | null) => void }) {
  const name = useId()
  const custom = value !== null && !ACCENTS.some((a) => a.value === value)
  return (
    <div className="seg-field">
      <div className="field-label" id={`${name}-label`}>
        Accent colour
      </div>
      <div className="swatches" role="radiogroup" aria-labelledby={`${name}-label`}>
        {ACCENTS.map((a) => {
          const on = a.value === value
          return (
            <label key={a.label} className={on ? 'swatch is-on' : 'swatch'} title={a.label}>
              <input type="radio" className="seg-input" name={name} checked={on} aria-label={a.label} onChange={() => onChange(a.value)} />
              <Swatch colour={a.value ?? DEFAULT_ACCENT} />
            </label>
          )
        })}
        <label className={custom ? 'swatch swatch-custom is-on' : 'swatch swatch-custom'} title="Custom colour">
          <input
            type="color"
            className="swatch-colour"
            aria-label="Custom accent colour"
            value={value ?? DEFAULT_ACCENT}
            onChange={(e) => onChange(/^#[0-9a-f]{6}$/i.test(e.target.value) ? e.target.value.toLowerCase() : null)}
          />
          <span className="swatch-dot swatch-rainbow" aria-hidden="true">
            {custom ? <Swatch colour={value} /> : null}
          </span>
        </label>
      </div>
    </div>
  )
}

function Swatch({ colour }: { colour: string }) {
  return (
    <svg className="swatch-dot" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="10" fill={colour} />
    </svg>
  )
}
