import type { Db } from '../db/open'
import type { CredentialsCreateInput, CredentialsCreateOutput, CredentialsDeleteInput, CredentialsDeleteOutput, CredentialsGetInput, CredentialsGetOutput, CredentialsListInput, CredentialsListOutput, CredentialsUpdateInput, CredentialsUpdateOutput, CredentialsResolveConflictInput, CredentialsResolveConflictOutput } from '../../shared/io'
import {
  credentialDateProblems,
  type Credential,
  type CredentialKind,
  type CredentialStatus,
  type CredentialSummary,
  type CredentialValues,
  type SkillLink,
} from '../../shared/schemas'
import { badInput, conflict, notFound } from '../../shared/errors'
import { statementCache } from '../db/statements'
import { toPublicId, toRowId } from './ids'
import { ftsQuery, parseJsonArray } from './text'
import { createFtsFilter } from './fts-filter'
import { COUNTED_CREDENTIAL_LINK, type ResolvedSkill, type SkillsService } from './skills'
import { createCredentialSkillWriter } from './credential-skills'
import { createTagReview } from './tag-review'
import { trustOf } from '../../shared/verdict'
import type { IssuerBasis, IssuerVerdict, KeySource, SignatureVerdict, StatusVerdict, ValidityVerdict, VerificationResult } from '../../shared/verification'
import type { SearchIndex } from './search-index'

export interface CredentialRow {
  id: number
  title: string
  kind: CredentialKind
  status: CredentialStatus
  provider: string | null
  issuer_name: string | null
  issuer_url: string | null
  started_on: string | null
  earned_on: string | null
  expires_on: string | null
  hours: number | null
  cost_minor: number | null
  currency: string | null
  credential_code: string | null
  verification_url: string | null
  description: string | null
  notes: string | null
  created_at: string
  updated_at: string
  source_format: string | null
  source_container: string | null
  source_id: string | null
  issuer_id: string | null
  recipient_name: string | null
  recipient_identity: string | null
  recipient_hashed: number | null
  criteria: string | null
  achievement_type: string | null
  image_sha256: string | null
  import_warnings: string
  /** Set on a copy kept beside a better-verified copy of the same credential (see imports). */
  conflict_of: number | null
}

export interface VerificationRow {
  signature_verdict: SignatureVerdict
  signature_detail: string
  signature_method: string | null
  signature_key_id: string | null
  validity_verdict: ValidityVerdict
  validity_detail: string
  valid_from: string | null
  valid_until: string | null
  status_verdict: StatusVerdict
  status_detail: string
  checked_at: string
  online: number
  issuer_verdict: IssuerVerdict
  issuer_detail: string
  issuer_basis: IssuerBasis | null
  issuer_id: string | null
  signer_key: string | null
  key_source: KeySource | null
}

type SummaryRow = CredentialRow & {
  skill_names: string
  signature_verdict: SignatureVerdict | null
  validity_verdict: ValidityVerdict | null
  status_verdict: StatusVerdict | null
  issuer_verdict: IssuerVerdict | null
}

export function toVerification(r: VerificationRow | undefined): VerificationResult | null {
  if (!r) return null
  return {
    signature: { verdict: r.signature_verdict, detail: r.signature_detail, method: r.signature_method, keyId: r.signature_key_id },
    validity: { verdict: r.validity_verdict, detail: r.validity_detail, validFrom: r.valid_from, validUntil: r.valid_until },
    status: { verdict: r.status_verdict, detail: r.status_detail },
    issuer: { verdict: r.issuer_verdict, detail: r.issuer_detail, basis: r.issuer_basis, issuerId: r.issuer_id, signerKey: r.signer_key, keySource: r.key_source },
    checkedAt: r.checked_at,
    online: r.online === 1,
  }
}

function toSource(row: CredentialRow): Credential['source'] {
  if (!row.source_format) return null
  return {
    format: row.source_format,
    container: row.source_container ?? 'json',
    sourceId: row.source_id,
    issuerId: row.issuer_id,
    recipientName: row.recipient_name,
    recipientIdentity: row.recipient_identity,
    recipientHashed: row.recipient_hashed === 1,
    criteria: row.criteria,
    achievementType: row.achievement_type,
    imageSha256: row.image_sha256,
    warnings: parseJsonArray<string>(row.import_warnings),
  }
}

/**
 * Sort orders offered by the list; NULL dates and amounts always sort last. `earned` (the
 * default) is newest earned first; undated ones follow, most recently added first.
 */
// Each order is an index's (0001_portfolio.ts), so a page deep in 100,000 credentials is read
// from the index instead of sorting them all. Ids grow with creation: id DESC is "added last first".
export const CREDENTIAL_ORDER = {
  earned: 'c.earned_on IS NULL, c.earned_on DESC, c.id DESC',
  recent: 'c.updated_at DESC, c.id DESC',
  title: 'c.title COLLATE NOCASE, c.id',
  expires: 'c.expires_on IS NULL, c.expires_on, c.id',
  cost: 'c.cost_minor IS NULL, c.cost_minor DESC, c.id DESC',
  hours: 'c.hours IS NULL, c.hours DESC, c.id DESC',
} as const

// The list shows the skills that count (pending and rejected badge tags wait in the tag review).
const SKILL_NAMES = `(SELECT json_group_array(name) FROM (SELECT s.name FROM credential_skill cs JOIN skill s ON s.id = cs.skill_id
   WHERE cs.credential_id = c.id AND ${COUNTED_CREDENTIAL_LINK} ORDER BY cs.position, s.name COLLATE NOCASE)) AS skill_names`

function rowToValues(row: CredentialRow): Omit<CredentialValues, 'skills'> {
  return {
    title: row.title,
    kind: row.kind,
    status: row.status,
    provider: row.provider,
    issuerName: row.issuer_name,
    issuerUrl: row.issuer_url,
    startedOn: row.started_on,
    earnedOn: row.earned_on,
    expiresOn: row.expires_on,
    hours: row.hours,
    cost: row.cost_minor === null || row.currency === null ? null : { amountMinor: row.cost_minor, currency: row.currency },
    credentialCode: row.credential_code,
    verificationUrl: row.verification_url,
    description: row.description,
    notes: row.notes,
  }
}

/** What a credential links to, besides its own row. */
export interface CredentialLinkRow {
  owner: number
  id: number
  title: string
}
export interface EvidenceRow {
  owner: number
  sha256: string
  file_name: string
  media_type: string
  size_bytes: number
}

/**
 * The projects that used a credential, and its evidence files: for one credential (`one`:
 * bind its row id) or for all (`all`: grouped by credential, the same order within each).
 */
export function credentialProjectsSql(scope: 'one' | 'all'): string {
  return `SELECT pc.credential_id AS owner, p.id, p.title FROM project_credential pc JOIN project p ON p.id = pc.project_id
    ${scope === 'one' ? 'WHERE pc.credential_id = ? ORDER BY' : 'ORDER BY pc.credential_id,'} p.title COLLATE NOCASE, p.id`
}
export function credentialEvidenceSql(scope: 'one' | 'all'): string {
  return `SELECT ce.credential_id AS owner, e.sha256, e.file_name, e.media_type, e.size_bytes
    FROM credential_evidence ce JOIN evidence_file e ON e.sha256 = ce.sha256
    ${scope === 'one' ? 'WHERE ce.credential_id = ? ORDER BY' : 'ORDER BY ce.credential_id,'} e.added_at, e.sha256`
}

/** The full credential as `credentials:get` returns it, from its row and what it links to. */
export function toCredential(
  row: CredentialRow,
  parts: {
    skills: SkillLink[]
    projects: readonly CredentialLinkRow[]
    evidence: readonly EvidenceRow[]
    verification: VerificationRow | undefined
    /** The other copy it conflicts with (either direction); omitted by readers that do not show conflicts. */
    conflictWith?: { id: number; title: string } | undefined
  },
): Credential {
  const verification = toVerification(parts.verification)
  return {
    id: toPublicId('credential', row.id),
    ...rowToValues(row),
    skills: parts.skills,
    projects: parts.projects.map((p) => ({ id: toPublicId('project', p.id), title: p.title })),
    evidence: parts.evidence.map((e) => ({ sha256: e.sha256, fileName: e.file_name, mediaType: e.media_type, sizeBytes: e.size_bytes })),
    source: toSource(row),
    verification,
    trust: trustOf(
      verification
        ? { signature: verification.signature.verdict, validity: verification.validity.verdict, status: verification.status.verdict, issuer: verification.issuer.verdict }
        : null,
    ),
    conflictWith: parts.conflictWith ? { id: toPublicId('credential', parts.conflictWith.id), title: parts.conflictWith.title } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toSummary(row: SummaryRow): CredentialSummary {
  const v = rowToValues(row)
  return {
    id: toPublicId('credential', row.id),
    title: v.title,
    kind: v.kind,
    status: v.status,
    provider: v.provider,
    issuerName: v.issuerName,
    earnedOn: v.earnedOn,
    expiresOn: v.expiresOn,
    hours: v.hours,
    cost: v.cost,
    trust: trustOf(
      row.signature_verdict && row.validity_verdict && row.status_verdict && row.issuer_verdict
        ? { signature: row.signature_verdict, validity: row.validity_verdict, status: row.status_verdict, issuer: row.issuer_verdict }
        : null,
    ),
    skillNames: parseJsonArray<string>(row.skill_names),
    imageSha256: row.image_sha256,
  }
}

function toParams(v: Omit<CredentialValues, 'skills'>) {
  return {
    title: v.title,
    kind: v.kind,
    status: v.status,
    provider: v.provider,
    issuerName: v.issuerName,
    issuerUrl: v.issuerUrl,
    startedOn: v.startedOn,
    earnedOn: v.earnedOn,
    expiresOn: v.expiresOn,
    hours: v.hours,
    costMinor: v.cost?.amountMinor ?? null,
    currency: v.cost?.currency ?? null,
    credentialCode: v.credentialCode,
    verificationUrl: v.verificationUrl,
    description: v.description,
    notes: v.notes,
  }
}

/**
 * What an import knows of a credential beyond its resume fields (the source columns of
 * migration 0004 and after), written with its row so an import inserts each credential once.
 */
export interface CredentialProvenance {
  sourceFormat: string
  sourceContainer: string
  sourceId: string | null
  issuedAt: string | null
  contentSha256: string | null
  issuerId: string | null
  recipientName: string | null
  recipientIdentity: string | null
  recipientHashed: number
  criteria: string | null
  achievementType: string | null
  imageSha256: string | null
  /** The import's warnings, as a JSON array. */
  warnings: string
  batchId: number | null
}

export function createCredentials(db: Db, skills: SkillsService, index: SearchIndex, now: () => Date) {
  const cached = statementCache(db)
  const textFilter = createFtsFilter(db, 'credential', 'c')
  const byId = db.prepare<[number], CredentialRow>('SELECT * FROM credential WHERE id = ?')
  const insertRow = db.prepare(
    `INSERT INTO credential (title, kind, status, provider, issuer_name, issuer_url, started_on, earned_on, expires_on,
       hours, cost_minor, currency, credential_code, verification_url, description, notes, created_at, updated_at)
     VALUES (@title, @kind, @status, @provider, @issuerName, @issuerUrl, @startedOn, @earnedOn, @expiresOn,
       @hours, @costMinor, @currency, @credentialCode, @verificationUrl, @description, @notes, @at, @at)`,
  )
  const insertImportedRow = db.prepare(
    `INSERT INTO credential (title, kind, status, provider, issuer_name, issuer_url, started_on, earned_on, expires_on,
       hours, cost_minor, currency, credential_code, verification_url, description, notes, created_at, updated_at,
       source_format, source_container, source_id, issued_at, content_sha256, issuer_id, recipient_name, recipient_identity,
       recipient_hashed, criteria, achievement_type, image_sha256, import_warnings, batch_id)
     VALUES (@title, @kind, @status, @provider, @issuerName, @issuerUrl, @startedOn, @earnedOn, @expiresOn,
       @hours, @costMinor, @currency, @credentialCode, @verificationUrl, @description, @notes, @at, @at,
       @sourceFormat, @sourceContainer, @sourceId, @issuedAt, @contentSha256, @issuerId, @recipientName, @recipientIdentity,
       @recipientHashed, @criteria, @achievementType, @imageSha256, @warnings, @batchId)`,
  )
  const updateRow = db.prepare(
    `UPDATE credential SET title = @title, kind = @kind, status = @status, provider = @provider, issuer_name = @issuerName,
       issuer_url = @issuerUrl, started_on = @startedOn, earned_on = @earnedOn, expires_on = @expiresOn, hours = @hours,
       cost_minor = @costMinor, currency = @currency, credential_code = @credentialCode, verification_url = @verificationUrl,
       description = @description, notes = @notes, updated_at = @at
     WHERE id = @id`,
  )
  const deleteRow = db.prepare('DELETE FROM credential WHERE id = ?')
  const skillLinks = createCredentialSkillWriter(db)
  const projectsOf = db.prepare<[number], CredentialLinkRow>(credentialProjectsSql('one'))
  const verificationOf = db.prepare<[number], VerificationRow>('SELECT * FROM credential_verification WHERE credential_id = ?')
  const evidenceOf = db.prepare<[number], EvidenceRow>(credentialEvidenceSql('one'))
  // Either side of a conflict names the other: the copy kept as a conflict, or the one it conflicts with.
  const conflictOf = db.prepare<[number], { id: number; title: string }>(
    'SELECT o.id, o.title FROM credential c JOIN credential o ON o.id = c.conflict_of OR o.conflict_of = c.id WHERE c.id = ? ORDER BY o.id LIMIT 1',
  )
  const repointConflicts = db.prepare('UPDATE credential SET conflict_of = @keep WHERE conflict_of = @discard AND id <> @keep')

  function requireRow(rowId: number, publicId: string): CredentialRow {
    const row = byId.get(rowId)
    if (!row) throw notFound(`There is no credential ${publicId}.`)
    return row
  }

  function assertDatesInOrder(v: Pick<CredentialValues, 'startedOn' | 'earnedOn' | 'expiresOn'>): void {
    const problems = credentialDateProblems(v)
    if (problems.length) throw badInput(`${problems[0]!.path}: ${problems[0]!.message}`, problems)
  }

  /** Keeps where each skill came from and the person's word on badge tags (credential-skills.ts). */
  function writeSkills(credentialId: number, resolved: ResolvedSkill[], fresh = false): void {
    skillLinks.write(credentialId, resolved, fresh)
  }

  function read(rowId: number): Credential {
    const row = requireRow(rowId, toPublicId('credential', rowId))
    return toCredential(row, {
      skills: skills.linksOf('credential', rowId),
      projects: projectsOf.all(rowId),
      evidence: evidenceOf.all(rowId),
      verification: verificationOf.get(rowId),
      conflictWith: conflictOf.get(rowId),
    })
  }

  /**
   * Inserts one credential, with where it came from when an import gives it; runs inside the
   * caller's transaction (shared by create, imports, demo and bulk loads).
   */
  function insert(values: CredentialValues, provenance?: CredentialProvenance): number {
    assertDatesInOrder(values)
    const params = { ...toParams(values), at: now().toISOString() }
    const rowId = Number((provenance ? insertImportedRow.run({ ...params, ...provenance }) : insertRow.run(params)).lastInsertRowid)
    writeSkills(rowId, skills.resolve(values.skills), true)
    index.credential(rowId)
    return rowId
  }

  return {
    insert,
    read,
    /** Skills taken from badge tags: list, accept, reject (tag-review.ts). */
    tags: createTagReview(db, now),

    list(q: CredentialsListInput): CredentialsListOutput {
      const where: string[] = []
      const params: Record<string, unknown> = { limit: q.limit, offset: q.offset }
      const match = ftsQuery(q.text)
      if (q.text && !match) return { items: [], total: 0 }
      let matches: number | null = null
      if (match) {
        const text = textFilter(match)
        where.push(text.clause)
        params.match = match
        matches = text.matches
      }
      if (q.kind) {
        where.push('c.kind = @kind')
        params.kind = q.kind
      }
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : ''
      const total =
        matches !== null && !q.kind ? matches : (cached(`SELECT count(*) AS n FROM credential c ${filter}`).get(params) as { n: number }).n
      const rows = cached(
        `SELECT c.*, ${SKILL_NAMES}, v.signature_verdict, v.validity_verdict, v.status_verdict, v.issuer_verdict
           FROM credential c LEFT JOIN credential_verification v ON v.credential_id = c.id ${filter} ORDER BY ${CREDENTIAL_ORDER[q.sort]} LIMIT @limit OFFSET @offset`,
      ).all(params) as SummaryRow[]
      return { items: rows.map(toSummary), total }
    },

    get({ id }: CredentialsGetInput): CredentialsGetOutput {
      return read(toRowId('credential', id))
    },

    create(input: CredentialsCreateInput): CredentialsCreateOutput {
      return db.transaction(() => read(insert(input)))()
    },

    update({ id, patch }: CredentialsUpdateInput): CredentialsUpdateOutput {
      const rowId = toRowId('credential', id)
      return db.transaction(() => {
        const current = rowToValues(requireRow(rowId, id))
        const { skills: skillPatch, ...fields } = patch
        // Only the keys present in the patch change; zod drops absent optional keys.
        const next = { ...current, ...fields }
        assertDatesInOrder(next)
        updateRow.run({ ...toParams(next), id: rowId, at: now().toISOString() })
        if (skillPatch !== undefined) writeSkills(rowId, skills.resolve(skillPatch))
        index.credential(rowId)
        return read(rowId)
      })()
    },

    remove({ id }: CredentialsDeleteInput): CredentialsDeleteOutput {
      const rowId = toRowId('credential', id)
      db.transaction(() => {
        requireRow(rowId, id)
        deleteRow.run(rowId)
        index.credential(rowId)
      })()
      return { id }
    },

    /**
     * Settles two copies kept side by side: deletes `discard`, and whatever conflicted with it
     * now conflicts with `keep` (the mark between the two goes with the deleted copy).
     */
    resolveConflict({ keep, discard }: CredentialsResolveConflictInput): CredentialsResolveConflictOutput {
      const keepId = toRowId('credential', keep)
      const discardId = toRowId('credential', discard)
      if (keepId === discardId) throw badInput('discard: must be another credential than the one to keep')
      return db.transaction(() => {
        const kept = requireRow(keepId, keep)
        const discarded = requireRow(discardId, discard)
        if (kept.conflict_of !== discardId && discarded.conflict_of !== keepId)
          throw conflict(`“${kept.title}” and “${discarded.title}” are not marked as conflicting copies of one credential.`)
        repointConflicts.run({ keep: keepId, discard: discardId })
        deleteRow.run(discardId) // conflict_of of the kept copy is cleared by ON DELETE SET NULL
        index.credential(discardId)
        return read(keepId)
      })()
    },

    count(): number {
      return (cached('SELECT count(*) AS n FROM credential').get() as { n: number }).n
    },
  }
}
