/**
 * Import batches the window is following. A batch runs in the core's background; this store
 * polls `import:status` every 250 ms for the batches it started (until they finish, wherever
 * the person is in the app) and for the batch the Import screen shows. When a batch it saw
 * running finishes, `onFinished` refreshes the app's data (sidebar counts, lists).
 */
import { call } from '../../api'
import { currentRoute, navigate } from '../../router'
import type { ImportReport } from '../../shared'
import { collectSources, type Dropped, type Refusal } from './sources'

export type Origin = 'drop' | 'dialog'

export interface ImportSnapshot {
  reports: ReadonlyMap<number, ImportReport>
  errors: ReadonlyMap<number, unknown>
  /** Files refused before sending (too large, unreadable), by batch; key 0: nothing was sent. */
  refused: ReadonlyMap<number, readonly Refusal[]>
  /** Files being read before a batch starts. */
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
const POLL_MS = 250

export class ImportStore {
  private snapshot: ImportSnapshot = { reports: new Map(), errors: new Map(), refused: new Map(), preparing: 0, running: [] }
  private listeners = new Set<() => void>()
  /** Screens showing a batch (reference counts). */
  private watched = new Map<number, number>()
  /** Started here: followed until done. */
  private following = new Set<number>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private polling = false

  private handlers: ImportHandlers = NO_HANDLERS

  /** The provider's hooks into the rest of the app; returns the disconnect function. */
  connect(handlers: ImportHandlers): () => void {
    this.handlers = handlers
    return () => {
      if (this.handlers === handlers) this.handlers = NO_HANDLERS
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

  /** Reads the files, starts a batch and opens it on the Import screen. */
  async start(items: readonly Dropped[], origin: Origin): Promise<number | null> {
    if (!items.length) return null
    this.update({ preparing: this.snapshot.preparing + 1 })
    try {
      const { sources, refused } = await collectSources(items)
      if (!sources.length) {
        this.update({ refused: withEntry(this.snapshot.refused, 0, refused) })
        navigate({ screen: 'import', id: null, params: {} })
        return null
      }
      const { batchId } = await call('import:start', { sources, origin })
      this.following.add(batchId)
      this.update({
        refused: withEntry(withoutEntry(this.snapshot.refused, 0), batchId, refused),
        running: [...this.snapshot.running, batchId],
      })
      this.handlers.onChanged() // the batch is in the recent list now
      // Never away from a form being filled in: the typing would be lost.
      const here = currentRoute()
      if (here.id === 'new' || here.edit) this.handlers.onStartedInBackground()
      else navigate({ screen: 'import', id: String(batchId), params: {} })
      this.schedule(0)
      return batchId
    } catch (error) {
      this.handlers.onStartFailed(error)
      return null
    } finally {
      this.update({ preparing: this.snapshot.preparing - 1 })
    }
  }

  /** Keeps `batchId` fresh while a screen shows it; returns the release function. */
  watch(batchId: number): () => void {
    this.watched.set(batchId, (this.watched.get(batchId) ?? 0) + 1)
    if (!this.snapshot.reports.has(batchId) || this.snapshot.reports.get(batchId)!.state === 'running') this.schedule(0)
    return () => {
      const n = (this.watched.get(batchId) ?? 1) - 1
      if (n > 0) this.watched.set(batchId, n)
      else this.watched.delete(batchId)
    }
  }

  /** Fetches a batch again now (after an error, or to be sure). */
  refresh(batchId: number): void {
    this.update({ errors: withoutEntry(this.snapshot.errors, batchId) })
    this.schedule(0)
  }

  async undo(batchId: number): Promise<ImportReport> {
    const report = await call('import:undo', { batchId })
    this.update({ reports: withEntry(this.snapshot.reports, batchId, report) })
    this.handlers.onChanged()
    return report
  }

  private due(): number[] {
    const ids = new Set([...this.following, ...this.watched.keys()])
    return [...ids].filter((id) => {
      if (this.snapshot.errors.has(id)) return false
      const r = this.snapshot.reports.get(id)
      return !r || r.state === 'running'
    })
  }

  private schedule(delay: number): void {
    if (this.polling) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.poll()
    }, delay)
  }

  private async poll(): Promise<void> {
    const ids = this.due()
    if (!ids.length) return
    this.polling = true
    const answers = await Promise.allSettled(ids.map((batchId) => call('import:status', { batchId, waitMs: 0 })))
    this.polling = false
    let reports = this.snapshot.reports
    let errors = this.snapshot.errors
    const finished: ImportReport[] = []
    answers.forEach((answer, i) => {
      const id = ids[i]!
      if (answer.status === 'rejected') {
        errors = withEntry(errors, id, answer.reason)
        this.following.delete(id)
        return
      }
      const report = answer.value
      const before = reports.get(id)
      const sawRunning = before ? before.state === 'running' : this.following.has(id)
      if (report.state !== 'running') {
        this.following.delete(id)
        if (sawRunning) finished.push(report)
      }
      reports = withEntry(reports, id, report)
    })
    const running = this.snapshot.running.filter((id) => reports.get(id)?.state === 'running' || (!reports.has(id) && !errors.has(id)))
    this.update({ reports, errors, running })
    for (const report of finished) this.handlers.onFinished(report)
    if (this.due().length) this.schedule(POLL_MS)
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
