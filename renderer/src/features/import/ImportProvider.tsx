/**
 * One ImportStore for the window, wired to the data layer (refresh on change) and toasts; and
 * `useBringIn`, where dropped or pasted files go their ways.
 */
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import { errorMessage } from '../../api'
import { useInvalidate } from '../../data'
import { plural } from '../../format'
import { currentRoute } from '../../router'
import { useToast } from '../../ui/Toast'
import { openCareer } from '../career/open'
import { followOpenedCertificates, queueCertificates } from '../certificates/store'
import { sortDropped, type Dropped } from './sources'
import { ImportStore, type ImportSnapshot } from './store'
import { reportSentence } from './words'

const ImportContext = createContext<ImportStore | null>(null)

export function ImportProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new ImportStore())
  const invalidate = useInvalidate()
  const toast = useToast()
  useEffect(
    () =>
      store.connect({
        onChanged: invalidate,
        onFinished: (report) => {
          invalidate()
          const route = currentRoute()
          // On the batch's own page the report says it all; elsewhere, a toast.
          if (!(route.screen === 'import' && route.id === String(report.batchId))) {
            toast.show(`Import finished: ${reportSentence(report)}`, report.counts.failed ? 'info' : 'success')
          }
        },
        onStartFailed: (error) => toast.show(`The import could not start: ${errorMessage(error)}`, 'error'),
        onStartedInBackground: () => toast.show('Importing in the background; the Import screen shows how it goes', 'info'),
      }),
    [store, invalidate, toast],
  )
  // Certificate PDFs opened with Skillfolio join the review queue, like dropped ones.
  useEffect(followOpenedCertificates, [])
  return <ImportContext.Provider value={store}>{children}</ImportContext.Provider>
}

export function useImportStore(): ImportStore {
  const store = useContext(ImportContext)
  if (!store) throw new Error('useImportStore outside ImportProvider')
  return store
}

export function useImports(): ImportSnapshot {
  const store = useImportStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The report of `batchId`, kept fresh (by progress events while it runs) as long as the caller is mounted. */
export function useImportBatch(batchId: number | null) {
  const store = useImportStore()
  const snap = useImports()
  useEffect(() => (batchId === null ? undefined : store.watch(batchId)), [store, batchId])
  if (batchId === null) return { report: undefined, error: undefined, refused: [] as const }
  return { report: snap.reports.get(batchId), error: snap.errors.get(batchId), refused: snap.refused.get(batchId) ?? [] }
}

/**
 * Takes a drop (or paste), each part its way: badges and folders of them to the badge import,
 * certificate PDFs to their review queue, a LinkedIn export, JSON Resume or Skillfolio export
 * to the career review (opened last, as it waits for the person's choice).
 */
export function useBringIn(): (items: readonly Dropped[]) => Promise<void> {
  const store = useImportStore()
  const toast = useToast()
  return useCallback(
    async (items) => {
      let sorted
      try {
        sorted = await sortDropped(items)
      } catch (error) {
        toast.show(`The files could not be read: ${errorMessage(error)}`, 'error')
        return
      }
      if (sorted.certificates.length) queueCertificates(sorted.certificates)
      if (sorted.badges.length) await store.start(sorted.badges, 'drop')
      const [first, ...others] = sorted.career
      if (first) openCareer(first, toast)
      if (others.length) toast.show(`One career file at a time: ${others.map((s) => s.name).join(', ')} ${others.length === 1 ? 'was' : 'were'} not opened; drop ${others.length === 1 ? 'it' : 'them'} again after this one.`, 'info')
      if (sorted.problems.length) toast.show(`Not read: ${sorted.problems.join(' ')}`, 'error')
      else if (!first && !sorted.badges.length && !sorted.certificates.length && items.length) toast.show(`Nothing to import in ${plural(items.length, 'item')}.`, 'info')
    },
    [store, toast],
  )
}
