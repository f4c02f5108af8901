/**
 * The Resume screen's choices: what `resume:preview` and a saved variant hold. They persist in
 * localStorage (validated on read, so an old or hand-edited value falls back to defaults), and
 * the role also lives in the URL (`#/resume?role=catalog:data-analyst`).
 */
import { ResumeSettings, type ResumeDecision, type ResumeItemKind, type ResumeSettingsValue } from '../../shared'

export const STORAGE_KEY = 'skillfolio.resume.v1'

export type Settings = Omit<ResumeSettingsValue, 'roleRef' | 'accent' | 'sections'> & { roleRef: string | null; accent: string | null }

/** The contract's defaults: a field added to ResumeSettings needs no second list here. */
export const DEFAULT_SETTINGS: Settings = toSettings({})!

/** Any settings-like value (a variant's, a stored one) as complete Settings, or null if invalid. */
export function toSettings(raw: unknown): Settings | null {
  const parsed = ResumeSettings.safeParse(raw)
  if (!parsed.success) return null
  const { sections: _sections, ...v } = parsed.data
  return { ...v, roleRef: v.roleRef ?? null, accent: v.accent ?? null, pinned: [...v.pinned], hidden: [...v.hidden], order: [...v.order] }
}

export interface Stored {
  settings: Settings
  /** The saved variant these choices came from, if any. */
  variantId: number | null
}

export function loadStored(): Stored {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY)
    if (!text) return { settings: DEFAULT_SETTINGS, variantId: null }
    const raw = JSON.parse(text) as unknown
    if (!raw || typeof raw !== 'object') return { settings: DEFAULT_SETTINGS, variantId: null }
    const { settings, variantId } = raw as { settings?: unknown; variantId?: unknown }
    return {
      settings: toSettings(settings) ?? DEFAULT_SETTINGS,
      variantId: typeof variantId === 'number' && Number.isInteger(variantId) && variantId > 0 ? variantId : null,
    }
  } catch {
    return { settings: DEFAULT_SETTINGS, variantId: null }
  }
}

export function store(value: Stored): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ settings: toInput(value.settings), variantId: value.variantId }))
  } catch {
    // Storage full or disabled: the screen still works, it just forgets on restart.
  }
}

/** What is sent to the core: no nulls where the schema has defaults, nothing empty. */
export function toInput(s: Settings): ResumeSettingsValue {
  return { ...s, roleRef: (s.roleRef ?? null) as ResumeSettingsValue['roleRef'] }
}

/** Field by field, whatever order the fields were set in. */
export function sameSettings(a: Settings, b: Settings): boolean {
  const canonical = (s: Settings) => JSON.stringify(Object.entries(toInput(s)).sort(([x], [y]) => (x < y ? -1 : 1)))
  return canonical(a) === canonical(b)
}

export function togglePin(s: Settings, id: string): Settings {
  const pinned = s.pinned.includes(id) ? s.pinned.filter((x) => x !== id) : [...s.pinned, id]
  return { ...s, pinned, hidden: s.hidden.filter((x) => x !== id) }
}

export function toggleHidden(s: Settings, id: string): Settings {
  const hidden = s.hidden.includes(id) ? s.hidden.filter((x) => x !== id) : [...s.hidden, id]
  return { ...s, hidden, pinned: s.pinned.filter((x) => x !== id) }
}

/**
 * Moves an included item one place up or down within its section: the section's printed order
 * (as the core reported it) with the two swapped becomes that section's custom order.
 */
export function moveItem(s: Settings, decisions: readonly ResumeDecision[], id: string, delta: -1 | 1): Settings {
  const item = decisions.find((d) => d.id === id)
  if (!item) return s
  const section = decisions.filter((d) => d.kind === item.kind && d.included).map((d) => d.id)
  const at = section.indexOf(id)
  const to = at + delta
  if (at < 0 || to < 0 || to >= section.length) return s
  section[at] = section[to]!
  section[to] = id
  const others = s.order.filter((x) => !decisions.some((d) => d.id === x && d.kind === item.kind))
  return { ...s, order: [...others, ...section] }
}

export const KIND_ORDER: ResumeItemKind[] = ['credential', 'project', 'skill', 'experience', 'education']
export const KIND_LABEL: Record<ResumeItemKind, string> = {
  credential: 'Credentials',
  project: 'Projects',
  skill: 'Skills',
  experience: 'Experience',
  education: 'Education',
}

/** The templates' own accent (electron/core/pdf/templates/theme.ts). */
export const DEFAULT_ACCENT = '#1f5f8b'

export const ACCENTS: Array<{ value: string | null; label: string }> = [
  { value: null, label: 'Default blue' },
  { value: '#0f766e', label: 'Teal' },
  { value: '#4d4dc7', label: 'Indigo' },
  { value: '#9d2d5f', label: 'Plum' },
  { value: '#b45309', label: 'Amber' },
  { value: '#333338', label: 'Graphite' },
]

/** "1 page", "2 pages": a length limit in words. */
export function pagesWord(n: number): string {
  return `${n} ${n === 1 ? 'page' : 'pages'}`
}

/** An item the core left out only to fit the chosen length, as opposed to hidden by you, expired or not relevant. */
export function leftOutToFit(d: ResumeDecision): boolean {
  return !d.included && d.toFit === true
}
