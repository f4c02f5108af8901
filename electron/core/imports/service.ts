import type { Db } from '../db/open'
import type { CredentialsVerifyInput, CredentialsVerifyOutput, ImportBatchesInput, ImportBatchesOutput, ImportStartInput, ImportStartOutput, ImportStatusInput, ImportStatusOutput, ImportUndoInput, ImportUndoOutput } from '../../shared/io'
import type { ImportItem, ImportProgress } from '../../shared/imports'
import type { VerificationResult } from '../../shared/verification'
import { badInput, conflict } from '../../shared/errors'
import type { Logger } from '../log'
import type { Portfolio } from '../portfolio'
import type { EvidenceStore } from '../originals/store'
import type { SettingsService } from '../settings'
import { toPublicId, toRowId } from '../portfolio/ids'
import { readCredentialFile } from '../importers'
import { ImportError, type ParsedCredential } from '../importers/types'
import { expandSources, type PendingFile } from './sources'
import { toCredential } from './to-credential'
import { createBatchStore } from './batches'
import { createProvenance, type ProvenanceRow } from './provenance'

export interface Verifier {
  verify(parsed: ParsedCredential): Promise<VerificationResult>
}

export interface ImportDeps {
  db: Db
  portfolio: Portfolio
  evidence: EvidenceStore
  settings: SettingsService
  now: () => Date
  log: Logger
  /** A verifier for this run; `online` says whether the user allowed network checks. */
  verifierFor: (online: boolean) => Verifier
}

/** Files read, parsed and verified together before one database transaction writes them. */
const CHUNK = 64

type Prepared =
  | { ok: false; position: number; name: string; reason: string }
  | {
      ok: true
      position: number
      name: string
      size: number
      /** The original file, already written to the evidence folder. */
      sha256: string
      /** The badge image when it is not the file itself (a data: URI inside JSON), already written. */
      image: { sha256: string; mediaType: string; size: number } | null
      parsed: ParsedCredential
      verification: VerificationResult | null
    }

const MEDIA_TYPE: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
  jws: 'application/jose',
  jwt: 'application/jwt',
  url: 'text/plain',
}

/**
 * Import batches. A batch runs in the background: files are read, parsed and verified a
 * chunk at a time outside any transaction (verification is async), then each chunk is
 * written in one transaction with a savepoint per file, so one bad file never stops or
 * undoes the others. Progress lives in memory while running; the per-file report in the
 * database, so it survives a restart and a batch can be undone later.
 */
export function createImports(deps: ImportDeps) {
  const { db, portfolio, evidence, now, log } = deps
  const batches = createBatchStore(db)
  const provenance = createProvenance(db)
  const running = new Map<number, { processed: number; done: Promise<void> }>()
  const progressListeners = new Set<(progress: ImportProgress) => void>()
  /** Tells every listener where a batch stands (after each chunk and when it ends). */
  function emitProgress(batchId: number): void {
    if (progressListeners.size === 0) return
    const r = batches.report(batchId, running.get(batchId)?.processed ?? null)
    const progress: ImportProgress = { batchId: r.batchId, state: r.state, total: r.total, processed: r.processed, counts: r.counts }
    for (const listener of progressListeners) {
      try {
        listener(progress)
      } catch (error) {
        log('An import progress listener failed', error)
      }
    }
  }
  const stamp = () => now().toISOString()

  async function prepare(file: PendingFile | { name: string; error: string }, position: number, verifier: Verifier): Promise<Prepared> {
    if ('error' in file) return { ok: false, position, name: file.name, reason: file.error }
    let bytes: Uint8Array
    try {
      bytes = await file.load()
    } catch (error) {
      return { ok: false, position, name: file.name, reason: error instanceof ImportError ? error.message : 'The file could not be read from disk.' }
    }
    let parsed: ParsedCredential
    try {
      parsed = readCredentialFile(bytes, file.name)
    } catch (error) {
      if (error instanceof ImportError) return { ok: false, position, name: file.name, reason: error.message }
      log(`Importer failed on ${file.name}`, error)
      return { ok: false, position, name: file.name, reason: 'Skillfolio could not read this file (the problem was logged).' }
    }
    let verification: VerificationResult | null = null
    try {
      verification = await verifier.verify(parsed)
    } catch (error) {
      log(`Verification failed on ${file.name}`, error)
    }
    try {
      const sha256 = await evidence.write(bytes)
      const embedded = parsed.image && 'bytes' in parsed.image && parsed.image.bytes.byteLength > 0 ? parsed.image : null
      const image = embedded ? { sha256: await evidence.write(embedded.bytes), mediaType: embedded.mediaType, size: embedded.bytes.byteLength } : null
      return { ok: true, position, name: file.name, size: bytes.byteLength, sha256, image, parsed, verification }
    } catch (error) {
      log(`Keeping the original of ${file.name} failed`, error)
      return { ok: false, position, name: file.name, reason: 'The original file could not be saved in the data folder (is the disk full?); nothing was changed.' }
    }
  }

  /** Writes one prepared file; runs inside the chunk's transaction. */
  function store(batchId: number, p: Extract<Prepared, { ok: true }>): void {
    const item = { batchId, position: p.position, fileName: p.name }
    const same = provenance.byContent(p.sha256)
    if (same) {
      batches.record({ ...item, outcome: 'duplicate', credentialId: same.id, title: same.title, reason: `Already in your portfolio as “${same.title}”.`, warnings: [] })
      return
    }
    const { values, source, warnings } = toCredential(p.parsed)
    const earlier = p.parsed.sourceId ? provenance.bySourceId(p.parsed.sourceId, p.parsed.issuer.id) : undefined
    if (earlier && !isNewer(p.parsed.issuedOn, earlier.issued_at)) {
      batches.record({ ...item, outcome: 'duplicate', credentialId: earlier.id, title: earlier.title, reason: `The same credential is already in your portfolio as “${earlier.title}” (this copy is not newer).`, warnings })
      return
    }
    evidence.record(p.sha256, p.name, MEDIA_TYPE[p.parsed.container] ?? 'application/octet-stream', p.size)
    const isImage = p.parsed.container === 'png' || p.parsed.container === 'svg'
    if (p.image) evidence.record(p.image.sha256, `${p.name} (badge image)`, p.image.mediaType, p.image.size)
    const imageSha = isImage ? p.sha256 : (p.image?.sha256 ?? null)
    const row: ProvenanceRow = { ...source, issuedAt: p.parsed.issuedOn, contentSha256: p.sha256, imageSha256: imageSha, warnings: JSON.stringify(warnings), batchId }
    let rowId: number
    let previous: unknown
    if (earlier) {
      rowId = earlier.id
      const before = portfolio.credentials.get({ id: toPublicId('credential', rowId) })
      previous = { credential: before, provenance: provenance.read(rowId) }
      // Keep skills the person added by hand; add what the newer copy names.
      const skills = [...before.skills.map((s) => ({ name: s.name, level: s.level })), ...values.skills]
      portfolio.credentials.update({ id: before.id, patch: { ...values, skills } })
    } else {
      rowId = portfolio.credentials.insert(values)
    }
    provenance.write(rowId, row)
    evidence.attach(rowId, p.sha256)
    if (imageSha && imageSha !== p.sha256) evidence.attach(rowId, imageSha)
    provenance.saveVerification(rowId, p.verification)
    batches.record({ ...item, outcome: earlier ? 'updated' : 'imported', credentialId: rowId, title: values.title, reason: null, warnings, previous })
  }

  async function run(batchId: number, sources: ImportStartInput['sources'], job: { processed: number }): Promise<void> {
    const files = await expandSources(sources)
    batches.setTotal(batchId, files.length)
    const verifier = deps.verifierFor(deps.settings.get().onlineChecks)
    const prepareChunk = (start: number) => Promise.all(files.slice(start, start + CHUNK).map((f, k) => prepare(f, start + k, verifier)))
    // Pipelined: the next chunk is read, parsed, verified and kept on disk (I/O on libuv's
    // threads) while this one is written to the database (synchronous, on this thread).
    let next: Promise<Prepared[]> | null = files.length ? prepareChunk(0) : null
    for (let start = 0; next; start += CHUNK) {
      const prepared = await next
      next = start + CHUNK < files.length ? prepareChunk(start + CHUNK) : null
      try {
        writeChunk(batchId, prepared, false)
      } catch {
        // Something in the chunk failed to save: write it again file by file, each in its own
        // savepoint, so only the file at fault is reported and nothing of it is kept.
        writeChunk(batchId, prepared, true)
      }
      job.processed += prepared.length
      emitProgress(batchId)
      await new Promise((resolve) => setImmediate(resolve)) // let the window's calls in between chunks
    }
  }

  /**
   * One transaction per chunk. Savepoints per file cost ~5x the insert itself, so they are
   * used only on the retry after a chunk failed as a whole.
   */
  function writeChunk(batchId: number, prepared: Prepared[], isolate: boolean): void {
    db.transaction(() => {
      for (const p of prepared) {
        if (!p.ok) {
          batches.record({ batchId, position: p.position, fileName: p.name, outcome: 'failed', credentialId: null, title: null, reason: p.reason, warnings: [] })
        } else if (!isolate) {
          store(batchId, p)
        } else {
          try {
            db.transaction(() => store(batchId, p))()
          } catch (error) {
            log(`Storing ${p.name} failed`, error)
            batches.record({ batchId, position: p.position, fileName: p.name, outcome: 'failed', credentialId: null, title: p.parsed.title, reason: 'The credential could not be saved (the problem was logged); nothing was changed.', warnings: [] })
          }
        }
      }
    })()
  }

  return {
    start({ sources, origin }: ImportStartInput): ImportStartOutput {
      const batchId = batches.create(origin, stamp())
      const job = { processed: 0, done: Promise.resolve() }
      job.done = run(batchId, sources, job)
        .catch((error) => log(`Import batch ${batchId} stopped`, error))
        .finally(() => {
          batches.finish(batchId, stamp())
          running.delete(batchId)
          emitProgress(batchId)
        })
      running.set(batchId, job)
      return { batchId }
    },

    async status({ batchId, waitMs }: ImportStatusInput): Promise<ImportStatusOutput> {
      batches.requireBatch(batchId)
      const job = running.get(batchId)
      if (job && waitMs > 0) await Promise.race([job.done, new Promise((resolve) => setTimeout(resolve, waitMs))])
      return batches.report(batchId, running.get(batchId)?.processed ?? null)
    },

    batches({ limit }: ImportBatchesInput): ImportBatchesOutput {
      return batches.recent(limit, (id) => running.get(id)?.processed ?? null)
    },

    undo({ batchId }: ImportUndoInput): ImportUndoOutput {
      const batch = batches.requireBatch(batchId)
      if (running.has(batchId)) throw conflict('This import is still running; undo it when it has finished.')
      if (batch.undone_at) throw conflict('This import was already undone.')
      db.transaction(() => {
        const items = batches.rawItems(batchId)
        // Newest first, so a credential updated twice in one batch ends at its original state.
        for (const item of [...items].reverse()) {
          if (item.credential_id === null) continue
          const id = toPublicId('credential', item.credential_id)
          if (item.outcome === 'imported') {
            if (provenance.read(item.credential_id)) portfolio.credentials.remove({ id })
          } else if (item.outcome === 'updated' && item.previous) {
            restore(item.credential_id, JSON.parse(item.previous) as { credential: ReturnType<Portfolio['credentials']['get']>; provenance: ProvenanceRow })
          }
        }
        batches.markUndone(batchId, stamp())
      })()
      return batches.report(batchId)
    },

    async verify({ id }: CredentialsVerifyInput): Promise<CredentialsVerifyOutput> {
      const rowId = toRowId('credential', id)
      portfolio.credentials.get({ id }) // NOT_FOUND for unknown ids
      const source = provenance.read(rowId)
      if (!source?.contentSha256) throw badInput('This credential was typed in by hand: there is no original file to check.')
      const bytes = evidence.get(source.contentSha256)
      const parsed = readCredentialFile(bytes, 'original file')
      const result = await deps.verifierFor(deps.settings.get().onlineChecks).verify(parsed)
      db.transaction(() => provenance.saveVerification(rowId, result))()
      return result
    },

    /** Calls `listener` with a batch's progress after each chunk and when it ends; returns the unsubscribe. */
    onProgress(listener: (progress: ImportProgress) => void): () => void {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
    },

    /** Resolves when every running batch has finished (used by the command line and on quit). */
    idle: () => Promise.all([...running.values()].map((j) => j.done)).then(() => undefined),
  }

  function restore(rowId: number, previous: { credential: ReturnType<Portfolio['credentials']['get']>; provenance: ProvenanceRow }): void {
    const c = previous.credential
    portfolio.credentials.update({
      id: c.id,
      patch: {
        title: c.title, kind: c.kind, status: c.status, provider: c.provider, issuerName: c.issuerName, issuerUrl: c.issuerUrl,
        startedOn: c.startedOn, earnedOn: c.earnedOn, expiresOn: c.expiresOn, hours: c.hours, cost: c.cost,
        credentialCode: c.credentialCode, verificationUrl: c.verificationUrl, description: c.description, notes: c.notes,
        skills: c.skills.map((s) => ({ name: s.name, level: s.level })),
      },
    })
    provenance.write(rowId, previous.provenance)
    provenance.saveVerification(rowId, c.verification)
  }
}

/** A copy replaces what is stored only when it was issued later (re-issued, renewed). */
function isNewer(candidate: string | null, stored: string | null): boolean {
  if (!candidate) return false
  if (!stored) return true
  return Date.parse(candidate) > Date.parse(stored)
}

export type ImportsService = ReturnType<typeof createImports>
export type { ImportItem }
