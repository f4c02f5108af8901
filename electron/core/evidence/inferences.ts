/**
 * The user's word on skills inferred from a work entry's title: confirm (counts as practised at
 * work, like a skill the entry names) or reject (no evidence, never inferred again for that
 * entry). `pending` removes the decision. Table experience_inference (migration 0007).
 */
import type { Db } from '../db/open'
import { badInput, notFound } from '../../shared/errors'
import type { ExperienceInference, InferenceDecision } from '../../shared/evidence'
import { toRowId } from '../portfolio/ids'
import type { EvidenceIndex } from './build'
import { durationWords } from './dates'
import { workTitle } from './items'

/** One work entry's inferred skills, as the index sees them now. */
export function experienceInference(index: EvidenceIndex, experienceId: string): ExperienceInference {
  const w = index.work.findIndex((f) => f.id === experienceId)
  if (w < 0) throw notFound(`There is no work entry ${experienceId}.`)
  const f = index.work[w]!
  return {
    experienceId,
    entry: workTitle(f),
    role: f.role ? { ref: `catalog:${f.role.id}`, title: f.role.title } : null,
    duration: f.months !== null ? durationWords(f.months) : null,
    skills: index.inferences.get(w) ?? [],
  }
}

export function createInferenceStore(db: Db, now: () => Date) {
  const upsert = db.prepare(
    `INSERT INTO experience_inference (experience_id, skill_key, decision, decided_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (experience_id, skill_key) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
  )
  const remove = db.prepare('DELETE FROM experience_inference WHERE experience_id = ? AND skill_key = ?')
  return {
    /** Records a decision; the skill must be one the entry's role infers (checked against the index). */
    decide(index: EvidenceIndex, experienceId: string, skillKey: string, decision: InferenceDecision): void {
      const current = experienceInference(index, experienceId)
      if (!current.skills.some((s) => s.key === skillKey))
        throw badInput(`skillKey: ${current.entry} does not infer the skill "${skillKey.slice(0, 80)}"`, [{ path: 'skillKey', message: 'is not a skill inferred from this entry' }])
      const rowId = toRowId('experience', experienceId)
      db.transaction(() => {
        if (decision === 'pending') remove.run(rowId, skillKey)
        else upsert.run(rowId, skillKey, decision, now().toISOString())
      })()
    },
  }
}
