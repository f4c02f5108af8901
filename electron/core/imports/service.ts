import type { Db } from '../db/open'
import type {
  CredentialsVerifyInput, CredentialsVerifyOutput, ImportBatchesInput, ImportBatchesOutput, ImportResumeInput, ImportResumeOutput, ImportStartInput,
  ImportStartOutput, ImportStatusInput, ImportStatusOutput, ImportUndoInput, ImportUndoOutput,
} from '../../shared/io'
import type { ImportItem, ImportProgress, ImportReport } from '../../shared/imports'
import type { VerificationResult } from '../../shared/verification'
import { CERTIFICATE_PDF_FORMAT } from '../../shared/certificates'
import { AppError, badInput, conflict } from '../../shared/errors'
import type { Logger } from '../log'
import type { Portfolio } from '../portfolio'
import { sha256Of, type EvidenceStore } from '../originals/store'
import type { SettingsService } from '../settings'
import { toPublicId, toRowId } from '../portfolio/ids'
import { readCredentialFile } from '../importers'
import { ImportError, type ParsedCredential } from '../importers/types'
import { expandSources, type ExpandedFile } from './sources'
import { toCredential } from './to-credential'
import { createBatchStore, type KeptSource, type LiveState } from './batches'
import { createBatchEndings } from './endings'
import { createProvenance, type ProvenanceRow } from './provenance'
import { storageProblem, withBusyRetry } from './storage-problems'
import { claimBatch, currentOwner, interruptAbandoned, releaseBatch, stillRunning } from './recovery'
import { chooseCopy, conflictReason, fileVerdict, isNewer, verdictsOf, type FileVerdict } from './copies'

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

/**
 * Files are read, parsed and verified a group at a time (at most this many files and bytes,
 * and at least one file) while the group before is written.
 */
const GROUP_FILES = 256
const GROUP_BYTES = 16 * 1024 * 1024
/**
 * A group's files are all read at once (libuv's threads; a completed read only keeps the bytes),
 * then parsed in order in slices of about this long, the thread handed back between slices, so
 * parsing never adds more than a slice to the longest pause a chunk's write makes. Verification
 * is started for each file as it is parsed and awaited at the group's end (proof checks run on
 * workers meanwhile).
 */
const PARSE_SLICE_MS = 8
/**
 * A write transaction (a chunk) takes files until it has run this long, then commits: few,
 * large transactions (fewer commits and full-text segments) that still leave the thread to the
 * window several times a second, whatever the machine's speed or load. Each chunk is followed
 * by a progress event.
 */
const CHUNK_MS = 40
/**
 * …or until it holds this many bytes of originals: what a commit costs grows with the bytes it
 * writes (and SQLite copies the log into the file once it passes ~4 MB), which the time spent
 * before the commit does not show when the files are large images.
 */
const CHUNK_BYTES = 2 * 1024 * 1024

type Prepared =
  | { ok: false; position: number; name: string; reason: string }
  | {
      ok: true
      position: number
      name: string
      size: number
      /** The original file and its hash (the duplicate check); stored by `store`, in its transaction. */
      sha256: string
      bytes: Uint8Array
      /** The badge image when it is not the file itself (a data: URI inside JSON). */
      image: { sha256: string; mediaType: string; size: number; bytes: Uint8Array } | null
      /**
       * What storing needs of the parsed file. Not the whole parse: its document stays alive
       * only until it is verified, so a group waiting to be written holds far fewer objects (the
       * garbage collector copies every one that is still alive, each time it runs).
       */
      parsed: Pick<ParsedCredential, 'sourceId' | 'issuedOn' | 'container' | 'title'> & { issuerId: string | null }
      verification: VerificationResult | null
      /** The words for its checks, and its record (or why it has none), made before the write transaction. */
      verdict: FileVerdict
      record: ReturnType<typeof toCredential> | { error: unknown }
    }

const MEDIA_TYPE: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
  jws: 'application/jose',
  jwt: 'application/jwt',
  url: 'text/plain',
}

/** When a chunk cannot be written for a reason that is not a storage problem (a bug): the words for it. */
const UNEXPECTED_STOP = 'Skillfolio could not save to the portfolio (the problem was logged)'
/** A file that was sent as its contents: nothing of it is kept, so it cannot be read again. */
const CONTENTS_NOT_KEPT = 'This file was sent as its contents, which Skillfolio does not keep, so it cannot be resumed: add the file again to import it.'

/**
 * Import batches. A batch runs in the background: files are read, parsed and verified a
 * chunk at a time outside any transaction (verification is async), then each chunk is
 * written in one transaction (BEGIN IMMEDIATE, tried again while another program holds the
 * lock), with a savepoint per file when a file of it fails, so one bad file never stops or
 * undoes the others. Every file ends in the report: imported + updated + duplicate + failed =
 * total. When the portfolio itself cannot be written (the disk is full, another program keeps
 * it locked …), the batch stops and every file not written is failed with that reason. The
 * expanded file list is kept with the batch, so a batch whose program died is found at the
 * next open, marked interrupted, and can be resumed.
 */
export function createImports(deps: ImportDeps) {
  const { db, portfolio, evidence, now, log } = deps
  const batches = createBatchStore(db)
  const provenance = createProvenance(db)
  const owner = currentOwner()
  const running = new Map<number, { processed: number; done: Promise<void> }>()
  const endings = createBatchEndings(db, batches, log)
  const liveOf = (batchId: number): LiveState => ({ processed: running.get(batchId)?.processed, ...endings.kept(batchId) })
  const progressListeners = new Set<(progress: ImportProgress) => void>()
  /** Tells every listener where a batch stands (after each chunk and when it ends). */
  function emitProgress(batchId: number): void {
    if (progressListeners.size === 0) return
    // The counts only: reading every item after every chunk would make a large batch quadratic.
    const r = batches.progress(batchId, liveOf(batchId))
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
  // Batches left running by a program that died are interrupted, before anything else happens.
  interruptAbandoned(db, batches, stamp(), log)

  /** Reads one file: its bytes, or why it has none. */
  async function load(file: ExpandedFile, position: number): Promise<Uint8Array | Extract<Prepared, { ok: false }>> {
    if ('error' in file) return { ok: false, position, name: file.name, reason: file.error }
    try {
      return await file.load()
    } catch (error) {
      return { ok: false, position, name: file.name, reason: error instanceof ImportError ? error.message : 'The file could not be read from disk.' }
    }
  }

  /** Parses a file read (synchronously, before its first await), then verifies it and makes its record. */
  async function prepare(name: string, position: number, bytes: Uint8Array, verifier: Verifier): Promise<Prepared> {
    let parsed: ParsedCredential
    try {
      parsed = readCredentialFile(bytes, name)
    } catch (error) {
      if (error instanceof ImportError) return { ok: false, position, name, reason: error.message }
      log(`Importer failed on ${name}`, error)
      return { ok: false, position, name, reason: 'Skillfolio could not read this file (the problem was logged).' }
    }
    let verification: VerificationResult | null = null
    try {
      verification = await verifier.verify(parsed)
    } catch (error) {
      log(`Verification failed on ${name}`, error)
    }
    const sha256 = sha256Of(bytes)
    const embedded = parsed.image && 'bytes' in parsed.image && parsed.image.bytes.byteLength > 0 ? parsed.image : null
    const image = embedded ? { sha256: sha256Of(embedded.bytes), mediaType: embedded.mediaType, size: embedded.bytes.byteLength, bytes: embedded.bytes } : null
    // Needs no database, so it is done here rather than inside the chunk's transaction; a file
    // it fails on still fails when it is stored (after the duplicate check, as before).
    let record: Extract<Prepared, { ok: true }>['record']
    try {
      record = toCredential(parsed)
    } catch (error) {
      record = { error }
    }
    const kept = { sourceId: parsed.sourceId, issuerId: parsed.issuer.id, issuedOn: parsed.issuedOn, container: parsed.container, title: parsed.title }
    return { ok: true, position, name, size: bytes.byteLength, sha256, bytes, image, parsed: kept, verification, verdict: fileVerdict(verification), record }
  }

  /** Writes one prepared file; runs inside the chunk's transaction. */
  function store(batchId: number, p: Extract<Prepared, { ok: true }>): void {
    const { verdict } = p
    const item = { batchId, position: p.position, fileName: p.name, trust: verdict.trust, headline: verdict.headline }
    const same = provenance.byContent(p.sha256)
    if (same) {
      batches.record({ ...item, outcome: 'duplicate', credentialId: same.id, title: same.title, reason: `Already in your portfolio as “${same.title}”.`, warnings: [] })
      return
    }
    if ('error' in p.record) throw p.record.error
    const { values, source, warnings } = p.record
    // The same credential id from the same issuer: the copy that verifies better wins, and a
    // worse-verified copy never replaces a better one (see chooseCopy).
    const stored = p.parsed.sourceId ? provenance.bySourceId(p.parsed.sourceId, p.parsed.issuerId) : undefined
    const choice = stored ? chooseCopy(verdictsOf(p.verification), provenance.storedVerdicts(stored.id), isNewer(p.parsed.issuedOn, stored.issued_at)) : null
    if (stored && choice === 'duplicate') {
      batches.record({ ...item, outcome: 'duplicate', credentialId: stored.id, title: stored.title, reason: `The same credential is already in your portfolio as “${stored.title}” (this copy is not newer and does not verify better).`, warnings })
      return
    }
    const earlier = choice === 'replace' ? stored : undefined
    evidence.put(p.bytes, p.name, MEDIA_TYPE[p.parsed.container] ?? 'application/octet-stream', p.sha256)
    const isImage = p.parsed.container === 'png' || p.parsed.container === 'svg'
    if (p.image) evidence.put(p.image.bytes, `${p.name} (badge image)`, p.image.mediaType, p.image.sha256)
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
      provenance.write(rowId, row)
    } else {
      // Where it came from, and the status its checks give, are written with the row (one
      // write, not an insert and two updates).
      rowId = portfolio.credentials.insert({ ...values, status: provenance.statusAfter(values.status, p.verification) }, row)
      if (stored && choice === 'conflict') provenance.markConflict(rowId, stored.id)
    }
    evidence.attach(rowId, p.sha256)
    if (imageSha && imageSha !== p.sha256) evidence.attach(rowId, imageSha)
    provenance.saveVerification(rowId, p.verification, !earlier)
    const reason = stored && choice === 'conflict' ? conflictReason(stored.title, verdict) : verdict.problem
    batches.record({ ...item, outcome: earlier ? 'updated' : 'imported', credentialId: rowId, title: values.title, reason, warnings, previous })
  }

  /** Creates the batch's row (owned by this program) and runs it in the background. */
  function begin(origin: ImportReport['origin'], kept: readonly KeptSource[], resumedFrom: number | null, expand: () => Promise<ExpandedFile[]>): ImportStartOutput {
    endings.writeKept()
    let batchId: number
    try {
      batchId = batches.create({ origin, at: stamp(), owner, sources: kept, resumedFrom })
    } catch (error) {
      // A read-only portfolio's refusal is worded by the core (READ_ONLY); other storage problems here.
      const problem = db.readonly ? null : storageProblem(error)
      if (problem) throw new AppError('IO', `The import could not start: ${problem}. Nothing was changed.`)
      throw error
    }
    claimBatch(db, batchId)
    const job = { processed: 0, done: Promise.resolve() }
    running.set(batchId, job)
    job.done = run(batchId, expand, job)
      .catch((error: unknown) => log(`Import batch ${batchId} stopped`, error))
      .finally(() => {
        running.delete(batchId)
        releaseBatch(db, batchId)
        emitProgress(batchId)
      })
    return { batchId }
  }

  /** Lists the files, keeps the list, imports them, and ends the batch with every file accounted for. */
  async function run(batchId: number, expand: () => Promise<ExpandedFile[]>, job: { processed: number }): Promise<void> {
    let files: ExpandedFile[] = []
    let stop: string | null = null
    try {
      files = await expand()
      await withBusyRetry(() => batches.setFiles(batchId, files))
      if (files.length) stop = await importFiles(batchId, files, job)
    } catch (error) {
      stop = stopReasonFor(error, `Import batch ${batchId}`)
    }
    await endings.finish(batchId, files.map((f) => f.name), stop, stamp())
  }

  /** Imports group after group, chunk after chunk; answers why the batch had to stop early, or null. */
  async function importFiles(batchId: number, files: readonly ExpandedFile[], job: { processed: number }): Promise<string | null> {
    const verifier = deps.verifierFor(deps.settings.get().onlineChecks)
    const groups = groupsOf(files)
    const prepareGroup = async ({ start, end }: { start: number; end: number }): Promise<Prepared[]> => {
      const reads = files.slice(start, end).map((f, k) => load(f, start + k))
      const prepared: Array<Promise<Prepared>> = []
      let slice = performance.now()
      for (let k = 0; k < reads.length; k++) {
        const read = await reads[k]!
        prepared.push(read instanceof Uint8Array ? prepare(files[start + k]!.name, start + k, read, verifier) : Promise.resolve(read))
        if (performance.now() - slice >= PARSE_SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve))
          slice = performance.now()
        }
      }
      return Promise.all(prepared)
    }
    // Pipelined: the next group is read, parsed and verified (I/O on libuv's threads, proof
    // checks on workers, parsing between chunks) while this one is written to the database
    // (synchronous, on this thread).
    let next: Promise<Prepared[]> | null = prepareGroup(groups[0]!)
    for (let g = 0; next; g++) {
      const prepared: Prepared[] = await next
      next = g + 1 < groups.length ? prepareGroup(groups[g + 1]!) : null
      for (let from = 0; from < prepared.length; ) {
        const written = await writeChunk(batchId, prepared, from)
        if (typeof written === 'string') {
          await next // the files being read are dropped, but not left running
          return written
        }
        from += written
        job.processed += written
        emitProgress(batchId)
        await new Promise((resolve) => setImmediate(resolve)) // let the window's calls in between chunks
      }
    }
    return null
  }

  /**
   * Writes one chunk, `prepared` from `from` on, in one transaction; answers how many files it
   * wrote, or the words for why the batch must stop. When a file of it fails to save, the chunk
   * is written again file by file, each in its own savepoint, so only the file at fault is
   * failed. A storage problem (disk full, locked, damaged …) is not a file's fault: the chunk is
   * not written, and its words are answered so the batch stops.
   */
  async function writeChunk(batchId: number, prepared: Prepared[], from: number): Promise<number | string> {
    try {
      return await withBusyRetry(() => writeTransaction(batchId, prepared, from, false))
    } catch (error) {
      const problem = storageProblem(error)
      if (problem) return problem
    }
    try {
      return await withBusyRetry(() => writeTransaction(batchId, prepared, from, true))
    } catch (error) {
      return stopReasonFor(error, `Writing a chunk of import batch ${batchId}`)
    }
  }

  /** The words for why a batch stops; anything but a storage problem is a bug, and logged. */
  function stopReasonFor(error: unknown, what: string): string {
    const problem = storageProblem(error)
    if (!problem) log(`${what} failed`, error)
    return problem ?? UNEXPECTED_STOP
  }

  /**
   * One transaction per chunk: files from `from` on, until CHUNK_MS have passed or CHUNK_BYTES
   * were taken (at least one file); answers how many it wrote. Savepoints per file cost ~5x the
   * insert itself, so they are used only on the retry after a chunk failed as a whole.
   */
  function writeTransaction(batchId: number, prepared: Prepared[], from: number, isolate: boolean): number {
    return db.transaction(() => portfolio.batchIndex(() => {
      const started = performance.now()
      let end = from
      let bytes = 0
      do {
        const p = prepared[end++]!
        if (!p.ok) {
          batches.record({ batchId, position: p.position, fileName: p.name, outcome: 'failed', credentialId: null, title: null, reason: p.reason, warnings: [] })
        } else if (!isolate) {
          bytes += p.size + (p.image?.size ?? 0)
          store(batchId, p)
        } else {
          bytes += p.size + (p.image?.size ?? 0)
          try {
            db.transaction(() => store(batchId, p))()
          } catch (error) {
            if (storageProblem(error)) throw error
            log(`Storing ${p.name} failed`, error)
            batches.record({ batchId, position: p.position, fileName: p.name, outcome: 'failed', credentialId: null, title: p.parsed.title, reason: 'The credential could not be saved (the problem was logged); nothing was changed.', warnings: [] })
          }
        }
      } while (end < prepared.length && bytes < CHUNK_BYTES && performance.now() - started < CHUNK_MS)
      return end - from
    }))()
  }

  return {
    start({ sources, origin }: ImportStartInput): ImportStartOutput {
      const kept = sources.map((source): KeptSource => ('path' in source ? { path: source.path } : { name: source.name }))
      return begin(origin, kept, null, () => expandSources(sources))
    },

    /**
     * A new batch with the files an interrupted batch never reached: read again from their
     * paths (a file gone since is reported as not found); files sent as contents are failed
     * with the reason they cannot be resumed.
     */
    resume({ batchId }: ImportResumeInput): ImportResumeOutput {
      endings.writeKept()
      const batch = batches.requireBatch(batchId)
      if (running.has(batchId) || batch.state === 'running') throw conflict('This import is still running; only an interrupted import can be resumed.')
      if (batch.undone_at) throw conflict('This import was undone; import the files again instead of resuming it.')
      if (batch.state !== 'interrupted') throw conflict('Only an interrupted import can be resumed: this one finished.')
      const resumedBy = batches.resumedBy(batchId)
      if (resumedBy !== null) throw conflict(`This import was already resumed (import ${resumedBy}).`)
      const left: Array<{ name: string; path: string | null }> = batches.unprocessed(batchId).map((f) => ({ name: f.file_name, path: f.path }))
      // Stopped before its files were listed: list what was asked for again.
      if (left.length === 0 && batch.total === 0) for (const s of batches.keptSources(batch)) left.push('path' in s ? { name: s.path, path: s.path } : { name: s.name, path: null })
      if (left.length === 0) throw conflict('Every file of this import was read before it stopped: there is nothing to resume.')
      if (left.every((f) => f.path === null)) throw conflict('The files this import did not reach were sent as their contents, which Skillfolio does not keep: add them again to import them.')
      const kept = left.map((f): KeptSource => (f.path === null ? { name: f.name } : { path: f.path }))
      return begin(batch.source, kept, batchId, () => expandLeft(left))
    },

    async status({ batchId, waitMs }: ImportStatusInput): Promise<ImportStatusOutput> {
      endings.writeKept()
      const batch = batches.requireBatch(batchId)
      // Another program's import that died while this one was open (a killed `skillfolio import`).
      if (batch.state === 'running' && !running.has(batchId) && !stillRunning(db, batch)) interruptAbandoned(db, batches, stamp(), log)
      const job = running.get(batchId)
      if (job && waitMs > 0) {
        // The timer is cleared when the batch ends first, so a finished wait holds no process open.
        let timer: NodeJS.Timeout | undefined
        await Promise.race([job.done, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))])
        clearTimeout(timer)
      }
      return batches.report(batchId, liveOf(batchId))
    },

    batches({ limit }: ImportBatchesInput): ImportBatchesOutput {
      endings.writeKept()
      return batches.recent(limit, liveOf)
    },

    undo({ batchId }: ImportUndoInput): ImportUndoOutput {
      endings.writeKept()
      const batch = batches.requireBatch(batchId)
      if (running.has(batchId) || (batch.state === 'running' && stillRunning(db, batch))) throw conflict('This import is still running; undo it when it has finished.')
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
      return batches.report(batchId, liveOf(batchId))
    },

    async verify({ id }: CredentialsVerifyInput): Promise<CredentialsVerifyOutput> {
      const rowId = toRowId('credential', id)
      portfolio.credentials.get({ id }) // NOT_FOUND for unknown ids
      const source = provenance.read(rowId)
      if (!source?.contentSha256) throw badInput('This credential was typed in by hand: there is no original file to check.')
      if (source.sourceFormat === CERTIFICATE_PDF_FORMAT)
        throw badInput('This credential came from a certificate PDF, which is not signed: there is nothing to check in the file. Open its verification link to check it with the platform.')
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

/** Consecutive runs of files, each at most GROUP_FILES files and GROUP_BYTES bytes (a larger file is a group of its own). */
function groupsOf(files: readonly ExpandedFile[]): Array<{ start: number; end: number }> {
  const groups: Array<{ start: number; end: number }> = []
  let start = 0
  let bytes = 0
  files.forEach((f, i) => {
    const size = 'size' in f ? f.size : 0
    if (i > start && (i - start >= GROUP_FILES || bytes + size > GROUP_BYTES)) {
      groups.push({ start, end: i })
      start = i
      bytes = 0
    }
    bytes += size
  })
  if (files.length > start) groups.push({ start, end: files.length })
  return groups
}

/** Each file an interrupted batch never reached, found again at its path (or failed when it was sent as contents). */
async function expandLeft(left: ReadonlyArray<{ name: string; path: string | null }>): Promise<ExpandedFile[]> {
  const out: ExpandedFile[] = []
  for (const f of left) {
    if (f.path === null) out.push({ name: f.name, path: null, error: CONTENTS_NOT_KEPT })
    else out.push(...(await expandSources([{ path: f.path }])))
  }
  return out
}

export type ImportsService = ReturnType<typeof createImports>
export type { ImportItem }
