/**
 * Certificate PDFs waiting for the person's review (#/import/certificates). Each dropped,
 * pasted, picked or opened-with-Skillfolio PDF is read by the core (certificates:read) one at
 * a time, with progress; what it found waits here until the person saves it
 * (certificates:confirm) or skips it.
 * Nothing is saved without that click.
 *
 * One queue for the window, outside React (components follow it with useCertificates), so the
 * drop routing can hand files over with a plain function call. The queue keeps the File
 * objects (or, for opened PDFs, the tickets main gave for them), not their bytes: a folder of
 * PDFs is read one file at a time, and read again when the person saves it, so memory holds one
 * PDF at a time.
 */
import { useSyncExternalStore } from 'react'
import { ApiError, call, errorMessage, onCertificatesOpened, readOpenedCertificate, takeOpenedCertificates } from '../../api'
import { currentRoute, navigate } from '../../router'
import { LIMITS, tooLargeReason, type Credential, type CredentialInput, type OpenedCertificate, type Output } from '../../shared'

export type CertificatePreview = Output<'certificates:read'>

/**
 * A PDF waiting in the queue: a dropped, pasted or picked File, or one opened with Skillfolio,
 * whose bytes main hands over by ticket. Either is read only when its turn comes.
 */
export type CertificateFile = Pick<File, 'name' | 'size' | 'arrayBuffer'>

export type CertificateState =
  /** Queued; read in turn. */
  | { kind: 'waiting' }
  | { kind: 'reading' }
  /** Read: for the person to check and save (or skip). */
  | { kind: 'review'; preview: CertificatePreview }
  /** Skipped: may still be opened and saved. */
  | { kind: 'skipped'; preview: CertificatePreview }
  /** This very PDF was saved before (preview.duplicateOf names the credential). */
  | { kind: 'duplicate'; preview: CertificatePreview; of: { id: string; title: string } }
  | { kind: 'saved'; preview: CertificatePreview; credential: { id: string; title: string } }
  /** Not read: too large, a scan, a damaged file … `retry` when trying again may help (the core could not be reached). */
  | { kind: 'refused'; reason: string; retry: boolean }

export interface CertificateItem {
  id: string
  fileName: string
  state: CertificateState
}

export interface CertificateSnapshot {
  items: readonly CertificateItem[]
  /** The certificate open for review, or null for the overview. */
  selectedId: string | null
  /** While files are being read: how many of this round's are done. */
  reading: { done: number; total: number } | null
}

const ROUTE = { screen: 'import', id: 'certificates', params: {} } as const

class CertificateQueue {
  private snapshot: CertificateSnapshot = { items: [], selectedId: null, reading: null }
  private listeners = new Set<() => void>()
  private files = new Map<string, CertificateFile>()
  private nextId = 1
  private pumping = false

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): CertificateSnapshot => this.snapshot

  private update(patch: Partial<CertificateSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    this.listeners.forEach((l) => l())
  }

  private setState(id: string, state: CertificateState, patch: Partial<CertificateSnapshot> = {}): void {
    this.update({ ...patch, items: this.snapshot.items.map((item) => (item.id === id ? { ...item, state } : item)) })
  }

  private item(id: string): CertificateItem | undefined {
    return this.snapshot.items.find((i) => i.id === id)
  }

  /** Queues `files` (too large or empty ones refused unread), reads them in turn and opens the review screen. */
  add(files: readonly CertificateFile[]): void {
    if (!files.length) return
    const added: CertificateItem[] = files.map((file) => {
      const id = `pdf-${this.nextId++}`
      const refusal = file.size > LIMITS.importFileBytes ? tooLargeReason(file.size) : file.size === 0 ? 'This file is empty (0 bytes): there is nothing to read.' : null
      if (!refusal) this.files.set(id, file)
      return { id, fileName: file.name, state: refusal ? { kind: 'refused', reason: refusal, retry: false } : { kind: 'waiting' } }
    })
    const queued = added.filter((i) => i.state.kind === 'waiting').length
    const reading = queued ? { done: this.snapshot.reading?.done ?? 0, total: (this.snapshot.reading?.total ?? 0) + queued } : this.snapshot.reading
    this.update({ items: [...this.snapshot.items, ...added], reading })
    // Never away from a form being filled in: the typing would be lost. The queue waits on the Import screen.
    const here = currentRoute()
    if (!(here.id === 'new' || here.edit)) navigate(ROUTE)
    void this.pump()
  }

  /** Reads the waiting files one by one (the core reads one PDF at a time anyway). */
  private async pump(): Promise<void> {
    if (this.pumping) return
    this.pumping = true
    try {
      for (let next = this.firstWaiting(); next; next = this.firstWaiting()) await this.read(next)
    } finally {
      this.pumping = false
      this.update({ reading: null })
    }
  }

  private firstWaiting(): CertificateItem | undefined {
    return this.snapshot.items.find((i) => i.state.kind === 'waiting')
  }

  private async read(item: CertificateItem): Promise<void> {
    const file = this.files.get(item.id)
    if (!file) return this.setState(item.id, { kind: 'refused', reason: 'This file is no longer available: add it again.', retry: false })
    this.setState(item.id, { kind: 'reading' })
    let state: CertificateState
    try {
      const preview = await call('certificates:read', { pdf: await base64Of(file), fileName: item.fileName })
      state = preview.duplicateOf ? { kind: 'duplicate', preview, of: preview.duplicateOf } : { kind: 'review', preview }
    } catch (error) {
      state = { kind: 'refused', reason: reasonOf(error), retry: !(error instanceof ApiError && error.code === 'BAD_INPUT') && !(error instanceof FileReadError) }
    }
    if (state.kind === 'refused' && !state.retry) this.files.delete(item.id)
    const reading = this.snapshot.reading ? { ...this.snapshot.reading, done: this.snapshot.reading.done + 1 } : null
    // The first certificate read opens for review unless the person has one open already.
    const select = this.snapshot.selectedId === null && state.kind === 'review' ? { selectedId: item.id } : {}
    this.setState(item.id, state, { reading, ...select })
  }

  select(id: string | null): void {
    this.update({ selectedId: id })
  }

  /** Saves the certificate as the person checked it; then the next one to review opens. */
  async confirm(id: string, values: CredentialInput): Promise<Credential> {
    const item = this.item(id)
    const file = this.files.get(id)
    if (!item || !file || item.state.kind !== 'review') throw new ApiError('NOT_FOUND', 'This certificate is no longer waiting to be saved: add the PDF again.')
    const preview = item.state.preview
    const pdf = await base64Of(file).catch((error: unknown) => {
      throw new ApiError('BAD_INPUT', reasonOf(error))
    })
    try {
      const saved = await call('certificates:confirm', { pdf, fileName: item.fileName, values, learnerName: preview.fields.learnerName })
      this.files.delete(id)
      this.setState(id, { kind: 'saved', preview, credential: { id: saved.id, title: saved.title } }, { selectedId: this.nextToReview(id) })
      return saved
    } catch (error) {
      // Saved meanwhile (the same PDF twice in the list): read it again to say as what.
      if (error instanceof ApiError && error.code === 'CONFLICT') void this.reread(id)
      throw error
    }
  }

  /** Leaves it unsaved (it can be opened again) and opens the next one. */
  skip(id: string): void {
    const item = this.item(id)
    if (!item || item.state.kind !== 'review') return
    this.setState(id, { kind: 'skipped', preview: item.state.preview }, { selectedId: this.nextToReview(id) })
  }

  /** Opens a skipped certificate for review again. */
  reopen(id: string): void {
    const item = this.item(id)
    if (!item || item.state.kind !== 'skipped') return
    this.setState(id, { kind: 'review', preview: item.state.preview }, { selectedId: id })
  }

  /** Reads a file again (after the core could not be reached, or to learn what it was saved as). */
  reread(id: string): Promise<void> {
    if (!this.files.has(id)) return Promise.resolve()
    this.setState(id, { kind: 'waiting' }, { reading: { done: this.snapshot.reading?.done ?? 0, total: (this.snapshot.reading?.total ?? 0) + 1 } })
    return this.pump()
  }

  /** Empties the list (what was saved stays saved). Files still being read are kept. */
  clear(): void {
    const busy = (i: CertificateItem) => i.state.kind === 'waiting' || i.state.kind === 'reading'
    for (const item of this.snapshot.items) if (!busy(item)) this.files.delete(item.id)
    this.update({ items: this.snapshot.items.filter(busy), selectedId: null })
  }

  /** The next certificate to review after `id` (in list order, wrapping), or null for the overview. */
  private nextToReview(id: string): string | null {
    const items = this.snapshot.items
    const at = items.findIndex((i) => i.id === id)
    const order = [...items.slice(at + 1), ...items.slice(0, Math.max(0, at))]
    return order.find((i) => i.state.kind === 'review')?.id ?? null
  }
}

class FileReadError extends Error {}

async function base64Of(file: CertificateFile): Promise<string> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    throw new FileReadError('This file could not be read: it may have been moved, changed or deleted since it was added.')
  }
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function reasonOf(error: unknown): string {
  return error instanceof FileReadError ? error.message : errorMessage(error)
}

const queue = new CertificateQueue()

/**
 * Queues certificate PDFs for review: each is read (with progress) and waits on the Import
 * screen's certificate review (#/import/certificates), which opens. The drop and paste routing
 * calls it for every PDF.
 */
export function queueCertificates(files: readonly CertificateFile[]): void {
  queue.add(files)
}

/** An opened PDF as the queue holds it: its bytes come from main, by ticket, when it is read. */
function openedFile(opened: OpenedCertificate): CertificateFile {
  return {
    name: opened.fileName,
    size: opened.bytes,
    arrayBuffer: async () => {
      const bytes = await readOpenedCertificate(opened.ticket)
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    },
  }
}

let followingOpened = false

/**
 * Queues the certificate PDFs opened with Skillfolio (double-click, Open With): those opened
 * before the window was ready at once, later ones when the shell says so. Once per window, for
 * its whole life, like the queue (a React effect running twice must not take them twice).
 */
export function followOpenedCertificates(): void {
  if (followingOpened) return
  followingOpened = true
  const take = () => {
    takeOpenedCertificates().then(
      (opened) => queueCertificates(opened.map(openedFile)),
      () => {}, // the shell could not be reached: nothing to queue
    )
  }
  onCertificatesOpened(take)
  take()
}

/**
 * Opens the system's file picker for certificate PDFs (several at once, or all of a folder's)
 * and queues what is picked. Call it from a click: a picker opens only on a user's gesture.
 */
export function chooseCertificates(): void {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = PDF_ACCEPT
  input.multiple = true
  input.addEventListener('change', () => queueCertificates(Array.from(input.files ?? [])), { once: true })
  input.click()
}

/** What a certificate file input accepts. */
export const PDF_ACCEPT = 'application/pdf,.pdf'

export function useCertificates(): CertificateSnapshot {
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot)
}

/** The queue's actions, for the review screen. */
export const certificates = {
  select: (id: string | null) => queue.select(id),
  confirm: (id: string, values: CredentialInput) => queue.confirm(id, values),
  skip: (id: string) => queue.skip(id),
  reopen: (id: string) => queue.reopen(id),
  retry: (id: string) => void queue.reread(id),
  clear: () => queue.clear(),
}
