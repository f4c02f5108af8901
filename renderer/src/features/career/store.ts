/**
 * The career file waiting on #/import/career, held in memory only: the page read it from a drop
 * or a file input, and nothing else can name it again (no path). A reload forgets it, and the
 * review screen then asks for the file. Once brought in, its result stays until the next file.
 */
import { useSyncExternalStore } from 'react'
import type { CareerImport, Output } from '../../shared'
import type { CareerSource } from './source'

export type FullImportResult = Output<'exchange:importAll'>

export interface PendingCareer {
  /** New for every file held, so a second drop of the same file starts a fresh review. */
  id: number
  source: CareerSource
  /** Set once it was brought in. */
  result: { kind: 'career'; value: CareerImport } | { kind: 'full-export'; value: FullImportResult } | null
}

let pending: PendingCareer | null = null
let nextId = 1
const listeners = new Set<() => void>()

function set(next: PendingCareer | null): void {
  pending = next
  listeners.forEach((l) => l())
}

/** Holds `source` for review, replacing whatever waited before. */
export function holdCareer(source: CareerSource): void {
  set({ id: nextId++, source, result: null })
}

/** What bringing in the held file `id` did (ignored when another file has been held since). */
export function recordCareerResult(id: number, result: NonNullable<PendingCareer['result']>): void {
  if (pending?.id === id) set({ ...pending, result })
}

export function releaseCareer(): void {
  set(null)
}

export function pendingCareer(): PendingCareer | null {
  return pending
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function usePendingCareer(): PendingCareer | null {
  return useSyncExternalStore(subscribe, pendingCareer)
}
