/**
 * What backs a skill, as the evidence engine (electron/core/evidence) answers it and every
 * screen, the command line and the PDFs show it. Defined once here; the core imports these.
 */

/**
 * The depth ladder of one skill:
 * none; learned (a credential, education or a typed skill); practised (at work or in a project);
 * proven (practised, and a verified credential).
 */
export const DEPTHS = ['none', 'learned', 'practised', 'proven'] as const
export type Depth = (typeof DEPTHS)[number]

/** Words for the ladder, used by the renderer, the command line and the gap report. */
export const DEPTH_WORD: Record<Depth, string> = { none: 'None', learned: 'Learned', practised: 'Practised', proven: 'Proven' }

/**
 * Where one piece of evidence comes from:
 * credential (linked skill), project (skill applied), experience (named in a work entry or linked
 * to it), inferred (an essential skill of the catalog role a work entry's title names, until the
 * user confirms or rejects it), education (named in a degree or course), self-reported (a skill
 * the user typed with nothing behind it), related (credit through a narrower or implying skill).
 */
export const EVIDENCE_KINDS = ['credential', 'project', 'experience', 'inferred', 'education', 'self-reported', 'related'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export type InferenceDecision = 'pending' | 'confirmed' | 'rejected'

export interface EvidenceItem {
  kind: EvidenceKind
  /** The entry behind it: cred-3, proj-2, exp-1, edu-1, skill-4; for `related`, the related skill's key. */
  source: string
  /** The entry as a person knows it: a credential's title, "Data Analyst at Brightwave Retail". */
  title: string
  /** The step of the ladder this item gives on its own. */
  gives: 'learned' | 'practised'
  /** 0–1: the share of the skill's weight this item alone earns. */
  strength: number
  /** The date it speaks for (earned on, project or job end; today for current work). */
  date: string | null
  /** Why it counts, in words: "verified credential", "named in your work at Brightwave Retail for 3 years 2 months". */
  detail: string
  /** Credentials only: the trust word's key (verified, unverified, expired, self_reported). */
  trust?: string
  /** Inferred items: the work entry and the user's decision so far. */
  inference?: { experienceId: string; decision: InferenceDecision }
  /** Related items: the skill that lends the credit. */
  via?: { key: string; name: string; relation: 'broader' | 'implies' }
  /** More than five years old. */
  stale: boolean
}

/** How each kind counts towards a skill; shown by `skillfolio gap --explain` and the About screen. */
export const EVIDENCE_STRENGTH = {
  /** A verified, unverified or self-reported credential (expired: `credentialExpired`). */
  credential: 0.6,
  credentialExpired: 0.5,
  education: 0.5,
  selfReported: 0.3,
  project: 0.85,
  /** Work: by how long the entry lasted. */
  workLong: 0.85, // two years or more
  workMedium: 0.8, // six months or more
  workShort: 0.7,
  /** Taken off work that ended more than five years ago. */
  workStalePenalty: 0.15,
  /** An inferred skill not confirmed yet. */
  inferred: 0.7,
  /** Proven: practised and a verified credential. */
  proven: 1,
  /** Credit through a related skill: this share of that skill's own credit. */
  relatedShare: 0.5,
} as const

/** The one sentence that says how a role's fit is computed (renderer, CLI and gap report). */
export const FIT_EXPLANATION =
  "Fit is the share of the role's skill weight your evidence covers (70 %) plus the same share over its essential skills (30 %); each skill counts by its strongest evidence: proven 100 %, practised 55–85 % (by kind, length and age), learned 50–60 %, self-reported 30 %, half of a related skill's."

/** One work entry's inferred skills and the user's decisions about them. */
export interface ExperienceInference {
  experienceId: string
  /** "Data Analyst at Brightwave Retail". */
  entry: string
  /** The catalog role its title names, if any. */
  role: { ref: string; title: string } | null
  /** "3 years 2 months". */
  duration: string | null
  skills: { key: string; name: string; decision: InferenceDecision }[]
}
