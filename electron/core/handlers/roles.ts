import type { Services } from '../../shared/contract'
import { customRoleId, roleDetail } from '../analysis/role-detail'
import type { CoreServices } from './services'

type Channel = 'roles:list' | 'roles:get' | 'roles:create' | 'roles:update' | 'roles:delete' | 'roles:fit'

export const roleHandlers = ({ analysis, catalog }: CoreServices): Pick<Services, Channel> => ({
  'roles:list': ({ text }) => analysis.listRoles(text),
  'roles:get': ({ ref }) => roleDetail(analysis, catalog, ref),
  'roles:create': (input) => analysis.roles.create(input),
  'roles:update': ({ ref, patch }) => analysis.roles.update(customRoleId(ref), patch),
  'roles:delete': ({ ref }) => {
    analysis.roles.remove(customRoleId(ref))
    return { ref }
  },
  'roles:fit': ({ limit }) => analysis.rankRoles(limit),
})
