/** One ImportStore for the window, wired to the data layer (refresh on change) and toasts. */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import { errorMessage } from '../../api'
import { useInvalidate } from '../../data'
import { currentRoute } from '../../router'
import { useToast } from '../../ui/Toast'
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
