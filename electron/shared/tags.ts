/**
 * Skills taken from badge tags, as the review (`tags:pending`, `tags:decide`, `tags:decideAll`)
 * answers them. A tag ("robots", "k8s", "online") may name a skill or not: it waits for the
 * person's word and counts as evidence only once accepted. Pure types; the core fills them.
 */
import type { TagDecision } from './schemas'

export interface TagSkill {
  /** The skill the tag maps to (skill-7), and its name ("Kubernetes"). */
  skillId: string
  skill: string
  /** The tag as the badge wrote it ("k8s"). */
  tag: string
  decision: TagDecision
}

/** One credential and its tag skills. */
export interface TagGroup {
  credentialId: string
  title: string
  issuerName: string | null
  earnedOn: string | null
  tags: TagSkill[]
}

export interface TagReview {
  /** Credentials with tags to review, newest import first (or the one credential asked for). */
  groups: TagGroup[]
  /** Pending tag skills in the whole portfolio, and the credentials that have them. */
  pending: number
  credentials: number
}
