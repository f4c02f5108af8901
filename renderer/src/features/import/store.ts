/**
 * Import batches the window is following. A batch runs in the core's background; its progress
 * arrives as events (api.onImportProgress) after every chunk and when it ends, so nothing is
 * polled: the full report (every file) is fetched when a screen opens a batch and once more
 * when the batch ends. When a batch it saw running finishes, `onFinished` refreshes the app's
 * data (sidebar counts, lists).
 *
 * One safety net: a batch run by another program (the command line) sends this window no
 * events, so a running batch on screen that has had no news for a while is fetched again.
 */
import { call, chooseImport, importFiles, onImportProgress } from '../../api'
import { currentRoute, navigate } from '../../router'
import type { ChooseImportKind, ImportFilesResult, ImportProgress, ImportReport } from '../../shared'
import { collect, type Refusal } from './sources'

export type Origin = 'drop' | 'dialog'

export interface ImportSnapshot {
  reports: ReadonlyMap<number, ImportReport>
  /** The latest progress of every batch this program ran while the window was open. */
  progress: ReadonlyMap<number, ImportProgress>
  errors: ReadonlyMap<number, unknown>
  /** Files refused before sending (too large, unreadable), by batch; key 0: nothing was sent. */
  refused: ReadonlyMap<number, readonly Refusal[]>
  /** Files being handed over (or the file dialog open) before a batch starts. */
  preparing: number
  /** Batches started in this window that are still running. */
  running: readonly number[]
}

export interface ImportHandlers {
  /** Data changed: refresh the app's queries (sidebar counts, lists). */
  onChanged: () => void
  /** A batch this window saw running has finished. */
  onFinished: (report: ImportReport) => void
  onStartFailed: (error: unknown) => void
  /** Started while a form is open, so the window stayed where it was. */
  onStartedInBackground: () => void
}

const NO_HANDLERS: ImportHandlers = { onChanged: () => {}, onFinished: () => {}, onStartFailed: () => {}, onStartedInBackground: () => {} }
/** How long a running batch on screen may go without news before it is fetched again. */
const QUIET_MS = 4000

/**
 * A report with newer progress laid over it. A finished report never goes back to running,
 * and within a run the larger `processed` wins (a fetch may answer after a later event).
 */
export function withProgress(report: ImportReport, progress: ImportProgress | undefined): ImportReport {
  if (!progress || progress.batchId !== report.batchId || report.state !== 'running' || progress.state !== 'running') return report
  if (progress.processed < report.processed || (progress.processed === report.processed && progress.total === report.total)) return report
  return { ...report, total: progress.total, processed: progress.processed, counts: progress.counts }
}

export class ImportStore {
  private snapshot: ImportSnapshot = { reports: new Map(), progress: new Map(), errors: new Map(), refused: new Map(), preparing: 0, running: [] }
  private listeners = new Set<() => void>()
  /** Screens showing a batch (reference counts). */
  private watched = new Map<number, number>()
  /** Started here: followed until done. */
  private following = new Set<number>()
  /** Reports being fetched, and those to fetch again when that answer is in. */
  private fetching = new Set<number>()
  private again = new Set<number>()
  /** When each batch last had news (an event or a fetched report). */
  private heard = new Map<number, number>()
  private quietTimer: ReturnType<typeof setInterval> | null = null
  private unsubscribe: (() => void) | null = null

  private handlers: ImportHandlers = NO_HANDLERS

  /** The provider's hooks into the rest of the app, and the progress events; returns the disconnect function. */
  connect(handlers: ImportHandlers): () => void {
    this.handlers = handlers
    this.unsubscribe ??= onImportProgress((progress) => this.onProgress(progress))
    return () => {
      if (this.handlers !== handlers) return
      this.handlers = NO_HANDLERS
      this.unsubscribe?.()
      this.unsubscribe = null
      this.stopQuietCheck()
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): ImportSnapshot => this.snapshot

  private update(patch: Partial<ImportSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    this.listeners.forEach((l) => l())
  }

  /** Hands dropped or pasted files to the shell, starts a batch and opens it on the Import screen. */
  async start(files: readonly File[], origin: Origin): Promise<number | null> {
    if (!files.length) return null
    return this.begin(async () => {
      const { files: sendable, refused } = collect(files)
      const started: ImportFilesResult = sendable.length ? await importFiles(sendable, origin) : { batchId: null, refused: [] }
      return { batchId: started.batchId, refused: [...refused, ...started.refused] }
    })
  }

  /** The system's open dialog; what is picked is imported (nothing happens when it is cancelled). */
  async choose(kind: ChooseImportKind): Promise<number | null> {
    return this.begin(() => chooseImport(kind))
  }

  private async begin(run: () => Promise<ImportFilesResult>): Promise<number | null> {
    this.update({ preparing: this.snapshot.preparing + 1 })
    try {
      const { batchId, refused } = await run()
      if (batchId === null) {
        if (refused.length) {
          this.update({ refused: withEntry(this.snapshot.refused, 0, refused) })
          navigate({ screen: 'import', id: null, params: {} })
        }
        return null
      }
      this.follow(batchId, refused)
      return batchId
    } catch (error) {
      this.handlers.onStartFailed(error)
      return null
    } finally {
      this.update({ preparing: this.snapshot.preparing - 1 })
    }
  }

  /** A batch started here (or resumed): shown, and followed until it ends. */
  private follow(batchId: number, refused: readonly Refusal[]): void {
    this.following.add(batchId)
    this.heard.set(batchId, Date.now())
    this.update({
      refused: withEntry(withoutEntry(this.snapshot.refused, 0), batchId, refused),
      running: [...this.snapshot.running, batchId],
    })
    this.handlers.onChanged() // the batch is in the recent list now
    // Never away from a form being filled in: the typing would be lost.
    const here = currentRoute()
    if (here.id === 'new' || here.edit) this.handlers.onStartedInBackground()
    else navigate({ screen: 'import', id: String(batchId), params: {} })
    void this.fetch(batchId)
  }

  /** Keeps `batchId` fresh while a screen shows it; returns the release function. */
  watch(batchId: number): () => void {
    this.watched.set(batchId, (this.watched.get(batchId) ?? 0) + 1)
    const report = this.snapshot.reports.get(batchId)
    if (!report || report.state === 'running') void this.fetch(batchId)
    return () => {
      const n = (this.watched.get(batchId) ?? 1) - 1
      if (n > 0) this.watched.set(batchId, n)
      else this.watched.delete(batchId)
    }
  }

  /** Fetches a batch again now (after an error, or to be sure). */
  refresh(batchId: number): void {
    this.update({ errors: withoutEntry(this.snapshot.errors, batchId) })
    void this.fetch(batchId)
  }

  async undo(batchId: number): Promise<ImportReport> {
    const report = await call('import:undo', { batchId })
    this.update({ reports: withEntry(this.snapshot.reports, batchId, report) })
    this.handlers.onChanged()
    return report
  }

  /** Reads the files an interrupted batch never reached, as a new batch, and opens it. */
  async resume(batchId: number): Promise<number> {
    const { batchId: next } = await call('import:resume', { batchId })
    void this.fetch(batchId) // now says which batch resumed it
    this.follow(next, [])
    return next
  }

  private interested(batchId: number): boolean {
    return this.following.has(batchId) || this.watched.has(batchId)
  }

  private onProgress(progress: ImportProgress): void {
    const id = progress.batchId
    this.heard.set(id, Date.now())
    const report = this.snapshot.reports.get(id)
    // A batch started elsewhere in this program (a file opened with Skillfolio): the lists learn of it.
    const news = !report && !this.snapshot.progress.has(id) && !this.following.has(id)
    const patch: Partial<ImportSnapshot> = { progress: withEntry(this.snapshot.progress, id, progress) }
    if (progress.state === 'running') {
      if (report) patch.reports = withEntry(this.snapshot.reports, id, withProgress(report, progress))
      this.update(patch)
      if (!report && this.interested(id)) void this.fetch(id)
      else if (news) this.handlers.onChanged()
      return
    }
    this.update(patch)
    // Ended: the full report once, for a batch on screen or started here; else only the lists.
    if (this.interested(id) || report) void this.fetch(id)
    else this.handlers.onChanged()
  }

  private async fetch(batchId: number): Promise<void> {
    if (this.fetching.has(batchId)) {
      this.again.add(batchId)
      return
    }
    this.fetching.add(batchId)
    let answer: ImportReport | null = null
    let failure: unknown = null
    try {
      answer = await call('import:status', { batchId, waitMs: 0 })
    } catch (error) {
      failure = error ?? new Error('unknown')
    } finally {
      this.fetching.delete(batchId)
    }
    this.heard.set(batchId, Date.now())
    if (answer === null) {
      this.following.delete(batchId)
      this.update({ errors: withEntry(this.snapshot.errors, batchId, failure), running: this.snapshot.running.filter((id) => id !== batchId) })
    } else {
      const latest = this.snapshot.progress.get(batchId)
      const report = withProgress(answer, latest)
      const before = this.snapshot.reports.get(batchId)
      const sawRunning = before ? before.state === 'running' : this.following.has(batchId)
      const finished = report.state !== 'running'
      if (finished) this.following.delete(batchId)
      this.update({
        reports: withEntry(this.snapshot.reports, batchId, report),
        errors: withoutEntry(this.snapshot.errors, batchId),
        running: finished ? this.snapshot.running.filter((id) => id !== batchId) : this.snapshot.running,
      })
      if (finished && sawRunning) this.handlers.onFinished(report)
      // The answer was taken before the end the events already announced: ask again.
      if (!finished && latest && latest.state !== 'running') this.again.add(batchId)
    }
    if (this.again.delete(batchId)) void this.fetch(batchId)
    this.checkQuiet()
  }

  /** Starts or stops the safety net, depending on whether a running batch is on screen or followed. */
  private checkQuiet(): void {
    const any = [...this.snapshot.reports.values()].some((r) => r.state === 'running' && this.interested(r.batchId))
    if (any && !this.quietTimer) this.quietTimer = setInterval(() => this.fetchQuiet(), QUIET_MS)
    if (!any) this.stopQuietCheck()
  }

  private stopQuietCheck(): void {
    if (this.quietTimer) clearInterval(this.quietTimer)
    this.quietTimer = null
  }

  private fetchQuiet(): void {
    const now = Date.now()
    for (const r of this.snapshot.reports.values()) {
      if (r.state === 'running' && this.interested(r.batchId) && now - (this.heard.get(r.batchId) ?? 0) >= QUIET_MS) void this.fetch(r.batchId)
    }
    this.checkQuiet()
  }
}

function withEntry<V>(map: ReadonlyMap<number, V>, key: number, value: V): Map<number, V> {
  const next = new Map(map)
  next.set(key, value)
  return next
}

function withoutEntry<V>(map: ReadonlyMap<number, V>, key: number): Map<number, V> {
  if (!map.has(key)) return map as Map<number, V>
  const next = new Map(map)
  next.delete(key)
  return next
}
