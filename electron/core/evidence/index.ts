/**
 * The evidence engine: one index over the whole portfolio that answers "what backs this skill,
 * and how strongly?" for every skill. Gap, ranking, breadth/depth, plan, postings and resume
 * tailoring read it; none of them computes evidence on its own.
 */
export {
  buildEvidenceIndex,
  noEvidence,
  DEPTH_ORDER,
  type CredentialFact,
  type EducationFact,
  type EvidenceIndex,
  type ProjectFact,
  type RelatedEvidence,
  type SkillEvidence,
  type WorkEvidence,
  type WorkFact,
} from './build'
export { evidenceItems, entriesOf, workTitle } from './items'
export { createInferenceStore, experienceInference } from './inferences'
export { durationWords, monthsBetween, staleBefore } from './dates'
