/**
 * Words for the evidence engine's answers (electron/shared/evidence.ts) as the screens show
 * them: a label and an icon per kind of evidence (never an icon alone), where an item's entry
 * lives, and the sentences on the Confirm / Reject / Undo buttons of an inferred skill.
 */
import type { Route } from '../../router'
import type { EvidenceItem, EvidenceKind, InferenceDecision } from '../../shared'
import type { IconName } from '../../ui/Icon'

export const KIND: Record<EvidenceKind, { label: string; icon: IconName }> = {
  credential: { label: 'Credential', icon: 'award' },
  project: { label: 'Project', icon: 'folder' },
  experience: { label: 'Work', icon: 'briefcase' },
  inferred: { label: 'Inferred from work', icon: 'sparkles' },
  education: { label: 'Education', icon: 'cap' },
  'self-reported': { label: 'Self-reported', icon: 'pencil' },
  related: { label: 'Related', icon: 'link' },
}

export const DECISION_WORD: Record<InferenceDecision, string> = {
  pending: 'Inferred',
  confirmed: 'Confirmed by you',
  rejected: 'Rejected by you',
}

/** The screen that shows an item's entry, if there is one (related skills and catalog keys have none). */
export function routeOfSource(source: string): Partial<Route> | null {
  if (/^cred-\d+$/.test(source)) return { screen: 'credentials', id: source, params: {} }
  if (/^proj-\d+$/.test(source)) return { screen: 'projects', id: source, params: {} }
  if (/^skill-\d+$/.test(source)) return { screen: 'skills', id: source, params: {} }
  if (/^(exp|edu)-\d+$/.test(source)) return { screen: 'profile', id: source, params: {} }
  return null
}

/** "Business intelligence implies Data analysis": the core's "via X (…)" detail without the repeated name. */
export function relatedDetail(item: EvidenceItem): string {
  const m = /^via .+? \((.+)\)$/.exec(item.detail)
  return m ? m[1]! : item.detail
}

export type DecideAction = 'confirm' | 'reject' | 'undo'

/** "Confirm Data analysis for Data Analyst at Brightwave Retail": the accessible name of a decision button. */
export function decisionLabel(action: DecideAction, skill: string, entry: string, current: InferenceDecision = 'pending'): string {
  if (action === 'confirm') return `Confirm ${skill} for ${entry}`
  if (action === 'reject') return `Reject ${skill} for ${entry}`
  return `Undo ${current === 'rejected' ? 'rejecting' : 'confirming'} ${skill} for ${entry}`
}

/** A key for `data-focus-key`, so focus can follow a button that is replaced after a decision. */
export function focusKey(experienceId: string, skillKey: string, action: DecideAction): string {
  return `${experienceId}|${skillKey}|${action}`
}
