/** Opens a career file the page has read on its review screen (#/import/career). */
import { currentRoute, navigate } from '../../router'
import type { useToast } from '../../ui/Toast'
import { sourceWords } from './words'
import { holdCareer } from './store'
import type { CareerSource } from './source'

export function openCareer(source: CareerSource, toast: ReturnType<typeof useToast>): void {
  holdCareer(source)
  const go = () => navigate({ screen: 'import', id: 'career', params: {} })
  // Never away from a form being filled in: the typing would be lost.
  const here = currentRoute()
  if (here.id === 'new' || here.edit) toast.show(`${source.name} (${sourceWords(source)}) is ready to review`, 'info', { label: 'Review', run: go })
  else go()
}
