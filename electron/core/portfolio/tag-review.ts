/**
 * The one place where skills taken from badge tags are reviewed: list the pending ones grouped
 * by credential, accept (they count as evidence from then on) or reject (hidden, and never
 * added back by importing the same badge again), one by one or all of a credential's pending
 * ones at once. `pending` takes a decision back. Rows: credential_skill with origin 'tag' (migration 0012).
 */
import type { Db } from '../db/open'
import { badInput, notFound } from '../../shared/errors'
import type { TagsDecideInput, TagsDecideOutput, TagsPendingInput, TagsPendingOutput } from '../../shared/io'
import type { TagDecision } from '../../shared/schemas'
import type { TagGroup } from '../../shared/tags'
import { toPublicId, toRowId } from './ids'

interface TagRow {
  credential_id: number
  title: string
  issuer_name: string | null
  earned_on: string | null
  skill_id: number
  name: string
  tag: string | null
  decision: TagDecision
}

const TAG_COLUMNS = `SELECT c.id AS credential_id, c.title, c.issuer_name, c.earned_on, s.id AS skill_id, s.name, l.tag, l.decision
  FROM credential_skill l JOIN credential c ON c.id = l.credential_id JOIN skill s ON s.id = l.skill_id`
const TAG_ORDER = 'l.position, s.name COLLATE NOCASE, s.id'

function groupRows(rows: readonly TagRow[]): TagGroup[] {
  const groups = new Map<number, TagGroup>()
  for (const r of rows) {
    let g = groups.get(r.credential_id)
    if (!g) groups.set(r.credential_id, (g = { credentialId: toPublicId('credential', r.credential_id), title: r.title, issuerName: r.issuer_name, earnedOn: r.earned_on, tags: [] }))
    g.tags.push({ skillId: toPublicId('skill', r.skill_id), skill: r.name, tag: r.tag ?? r.name, decision: r.decision })
  }
  return [...groups.values()]
}

export function createTagReview(db: Db, now: () => Date) {
  const pendingCredentials = db.prepare<{ limit: number }, { id: number }>(
    `SELECT c.id FROM credential c WHERE c.id IN (SELECT credential_id FROM credential_skill WHERE decision = 'pending')
      ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`,
  )
  const pendingOf = db.prepare<[number], TagRow>(`${TAG_COLUMNS} WHERE l.credential_id = ? AND l.decision = 'pending' ORDER BY ${TAG_ORDER}`)
  const tagsOf = db.prepare<[number], TagRow>(`${TAG_COLUMNS} WHERE l.credential_id = ? AND l.origin = 'tag' ORDER BY ${TAG_ORDER}`)
  const totals = db.prepare<[], { pending: number; credentials: number }>(
    `SELECT count(*) AS pending, count(DISTINCT credential_id) AS credentials FROM credential_skill WHERE decision = 'pending'`,
  )
  const credential = db.prepare<[number], { id: number; title: string; issuer_name: string | null; earned_on: string | null }>('SELECT id, title, issuer_name, earned_on FROM credential WHERE id = ?')
  const linkOf = db.prepare<[number, number], { decision: TagDecision; name: string }>(
    `SELECT l.decision, s.name FROM credential_skill l JOIN skill s ON s.id = l.skill_id WHERE l.credential_id = ? AND l.skill_id = ? AND l.origin = 'tag'`,
  )
  const setDecision = db.prepare(`UPDATE credential_skill SET decision = @decision, decided_at = @at WHERE credential_id = @credentialId AND skill_id = @skillId AND origin = 'tag'`)
  const setAllPending = db.prepare(`UPDATE credential_skill SET decision = @decision, decided_at = @at WHERE credential_id = @credentialId AND decision = 'pending'`)

  function requireCredential(rowId: number, publicId: string) {
    const row = credential.get(rowId)
    if (!row) throw notFound(`There is no credential ${publicId}.`)
    return row
  }

  /** Every tag skill of one credential, whatever its decision. */
  function group(rowId: number, publicId: string): TagGroup {
    const c = requireCredential(rowId, publicId)
    return groupRows(tagsOf.all(rowId))[0] ?? { credentialId: publicId, title: c.title, issuerName: c.issuer_name, earnedOn: c.earned_on, tags: [] }
  }

  return {
    /** Pending tag skills grouped by credential, newest import first; or every tag skill of one credential. */
    pending({ credentialId, limit }: TagsPendingInput): TagsPendingOutput {
      const { pending, credentials } = totals.get() ?? { pending: 0, credentials: 0 }
      if (credentialId !== undefined) return { groups: [group(toRowId('credential', credentialId), credentialId)], pending, credentials }
      const groups = pendingCredentials.all({ limit }).flatMap((c) => groupRows(pendingOf.all(c.id)))
      return { groups, pending, credentials }
    },

    /**
     * Accepts or rejects one tag skill of a credential (`pending` takes the decision back), or
     * every pending one when `skillId` is absent; answers the credential's tag skills.
     */
    decide({ credentialId, skillId, decision }: TagsDecideInput): TagsDecideOutput {
      const rowId = toRowId('credential', credentialId)
      const skillRow = skillId === undefined ? null : toRowId('skill', skillId)
      const at = decision === 'pending' ? null : now().toISOString()
      return db.transaction(() => {
        const c = requireCredential(rowId, credentialId)
        if (skillRow === null) {
          if (decision === 'pending') throw badInput('skillId: is required to take a decision back', [{ path: 'skillId', message: 'is required to take a decision back' }])
          setAllPending.run({ credentialId: rowId, decision, at })
        } else {
          if (!linkOf.get(rowId, skillRow))
            throw badInput(`skillId: ${skillId} is not a skill taken from a badge tag of “${c.title}”`, [{ path: 'skillId', message: 'is not a badge tag of this credential' }])
          setDecision.run({ credentialId: rowId, skillId: skillRow, decision, at })
        }
        return group(rowId, credentialId)
      })()
    },
  }
}

export type TagReviewService = ReturnType<typeof createTagReview>
