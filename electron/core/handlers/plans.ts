import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'plans:suggest' | 'plans:create' | 'plans:list' | 'plans:get' | 'plans:updateStep' | 'plans:reorder' | 'plans:markDone' | 'plans:markUndone' | 'plans:delete'

export const planHandlers = ({ analysis }: CoreServices): Pick<Services, Channel> => ({
  'plans:suggest': ({ ref, constraints }) => analysis.suggestPlan(ref, constraints),
  'plans:create': ({ ref, constraints, title }) => analysis.plans.create(ref, constraints, title),
  'plans:list': () => analysis.plans.list(),
  'plans:get': ({ id }) => analysis.plans.get(id),
  'plans:updateStep': ({ stepId, patch }) => analysis.plans.updateStep(stepId, patch),
  'plans:reorder': ({ planId, stepIds }) => analysis.plans.reorder(planId, stepIds),
  'plans:markDone': ({ stepId, credentialId }) => analysis.plans.markDone(stepId, { credentialId: credentialId ?? null }),
  'plans:markUndone': ({ stepId }) => analysis.plans.markUndone(stepId),
  'plans:delete': ({ id }) => analysis.plans.remove(id),
})
