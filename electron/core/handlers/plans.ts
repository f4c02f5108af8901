import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

/** Prices are shown in the budget's currency, else the one asked for, else the user's currency setting. */
function withCurrency<T extends { currency?: string | undefined }>(constraints: T, settings: CoreServices['settings']): T {
  if (constraints.currency) return constraints
  const currency = settings.get().currency
  return currency ? { ...constraints, currency } : constraints
}

type Channel = 'plans:suggest' | 'plans:create' | 'plans:list' | 'plans:get' | 'plans:updateStep' | 'plans:reorder' | 'plans:markDone' | 'plans:markUndone' | 'plans:delete' | 'plans:swapStep' | 'plans:rename'

export const planHandlers = ({ analysis, settings }: CoreServices): Pick<Services, Channel> => ({
  'plans:suggest': ({ ref, constraints }) => analysis.suggestPlan(ref, withCurrency(constraints, settings)),
  'plans:create': ({ ref, constraints, title }) => analysis.plans.create(ref, withCurrency(constraints, settings), title),
  'plans:list': () => analysis.plans.list(),
  'plans:get': ({ id }) => analysis.plans.get(id),
  'plans:updateStep': ({ stepId, patch }) => analysis.plans.updateStep(stepId, patch),
  'plans:reorder': ({ planId, stepIds }) => analysis.plans.reorder(planId, stepIds),
  'plans:markDone': ({ stepId, credentialId }) => analysis.plans.markDone(stepId, { credentialId: credentialId ?? null }),
  'plans:markUndone': ({ stepId }) => analysis.plans.markUndone(stepId),
  'plans:delete': ({ id }) => analysis.plans.remove(id),
  'plans:rename': ({ id, title }) => analysis.plans.update(id, { title }),
  'plans:swapStep': ({ stepId, to }) => analysis.plans.swapStep(stepId, to),
})
