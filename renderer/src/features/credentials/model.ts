/** The credential form's values (all text, as typed) and their conversion to CredentialInput. */
import { minorToText, parseAmount } from '../../format'
import { CredentialInput, credentialDateProblems, isRealDate, type Credential, type CredentialKind, type CredentialStatus, type FieldIssue } from '../../shared'
import type { PickedSkill } from '../../ui/SkillPicker'
import { zodIssues } from '../../ui/form'

export interface CredentialFormValues {
  title: string
  kind: CredentialKind
  status: CredentialStatus
  provider: string
  issuerName: string
  issuerUrl: string
  startedOn: string
  earnedOn: string
  expiresOn: string
  hours: string
  costAmount: string
  costCurrency: string
  credentialCode: string
  verificationUrl: string
  description: string
  notes: string
  skills: PickedSkill[]
}

const CURRENCY_KEY = 'skillfolio.lastCurrency'

export function defaultCurrency(): string {
  try {
    const saved = localStorage.getItem(CURRENCY_KEY)
    if (saved && /^[A-Z]{3}$/.test(saved)) return saved
  } catch {
    /* storage unavailable */
  }
  return 'USD'
}

export function rememberCurrency(code: string): void {
  try {
    localStorage.setItem(CURRENCY_KEY, code)
  } catch {
    /* storage unavailable */
  }
}

export function emptyValues(): CredentialFormValues {
  return {
    title: '',
    kind: 'platform',
    status: 'earned',
    provider: '',
    issuerName: '',
    issuerUrl: '',
    startedOn: '',
    earnedOn: '',
    expiresOn: '',
    hours: '',
    costAmount: '',
    costCurrency: defaultCurrency(),
    credentialCode: '',
    verificationUrl: '',
    description: '',
    notes: '',
    skills: [],
  }
}

export function valuesFrom(c: Credential): CredentialFormValues {
  return {
    title: c.title,
    kind: c.kind,
    status: c.status,
    provider: c.provider ?? '',
    issuerName: c.issuerName ?? '',
    issuerUrl: c.issuerUrl ?? '',
    startedOn: c.startedOn ?? '',
    earnedOn: c.earnedOn ?? '',
    expiresOn: c.expiresOn ?? '',
    hours: c.hours === null ? '' : String(c.hours),
    costAmount: minorToText(c.cost),
    costCurrency: c.cost?.currency ?? defaultCurrency(),
    credentialCode: c.credentialCode ?? '',
    verificationUrl: c.verificationUrl ?? '',
    description: c.description ?? '',
    notes: c.notes ?? '',
    skills: c.skills.map((s) => ({ name: s.name, level: s.level })),
  }
}

/** Which form field an issue path belongs to. */
export function fieldOf(path: string): string {
  if (path === 'cost' || path === 'cost.amountMinor') return 'costAmount'
  if (path === 'cost.currency') return 'costCurrency'
  if (path.startsWith('skills')) return 'skills'
  return path.split('.')[0] || 'form'
}

/**
 * Builds the contract input and checks it with the shared schema (the same one the core
 * uses) plus the date-order rule. Issues are returned with contract paths.
 */
export function toInput(v: CredentialFormValues): { input: CredentialInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  let hours: number | null = null
  const hoursText = v.hours.trim()
  if (hoursText) {
    hours = Number(hoursText.replace(',', '.'))
    if (Number.isNaN(hours)) {
      issues.push({ path: 'hours', message: 'must be a number of hours' })
      hours = null
    }
  }
  let cost: CredentialInput['cost'] = null
  const currency = v.costCurrency.trim().toUpperCase()
  if (v.costAmount.trim()) {
    if (!/^[A-Z]{3}$/.test(currency)) {
      issues.push({ path: 'cost.currency', message: 'must be a three-letter currency code such as USD or EUR' })
    } else {
      const parsed = parseAmount(v.costAmount, currency)
      if ('error' in parsed) issues.push({ path: 'cost.amountMinor', message: parsed.error })
      else cost = { amountMinor: parsed.minor, currency }
    }
  }
  const input: CredentialInput = {
    title: v.title,
    kind: v.kind,
    status: v.status,
    provider: v.provider,
    issuerName: v.issuerName,
    issuerUrl: v.issuerUrl,
    startedOn: v.startedOn,
    earnedOn: v.earnedOn,
    expiresOn: v.expiresOn,
    hours,
    cost,
    credentialCode: v.credentialCode,
    verificationUrl: v.verificationUrl,
    description: v.description,
    notes: v.notes,
    skills: v.skills.map((s) => ({ name: s.name, level: s.level })),
  }
  const parsed = CredentialInput.safeParse(input)
  if (!parsed.success) issues.push(...zodIssues(parsed.error))
  // Date order is checked even when another field is wrong, so every problem shows at once.
  const date = (v: string) => (isRealDate(v) ? v : null)
  issues.push(...credentialDateProblems({ startedOn: date(v.startedOn), earnedOn: date(v.earnedOn), expiresOn: date(v.expiresOn) }))
  return { input, issues }
}

