/**
 * The contract's channel names, and nothing else. The sandboxed preload exposes exactly these
 * without bundling zod and every schema (a sandboxed preload can require only "electron").
 * contract.ts is checked against this list by the compiler: a name missing here, or a
 * contract entry not listed here, is a type error. Add a channel in both places.
 */
export const CHANNEL_NAMES = [
  'app:info', 'app:loadDemo',
  'credentials:list', 'credentials:get', 'credentials:create', 'credentials:update', 'credentials:delete', 'credentials:resolveConflict',
  'projects:list', 'projects:get', 'projects:create', 'projects:update', 'projects:delete',
  'skills:list', 'skills:get', 'skills:suggest', 'skills:create', 'skills:update', 'skills:delete', 'skills:merge',
  'profile:get', 'profile:update',
  'experience:list', 'experience:create', 'experience:update', 'experience:delete',
  'education:list', 'education:create', 'education:update', 'education:delete',
  'search:query',
  'import:start', 'import:status', 'import:undo', 'import:resume', 'import:batches', 'credentials:verify', 'evidence:image',
  'settings:get', 'settings:update',
  'issuers:list', 'issuers:pin', 'issuers:unpin', 'issuers:importRegistry', 'issuers:removeRegistry',
  'roles:list', 'roles:get', 'roles:create', 'roles:update', 'roles:delete', 'roles:fit', 'postings:extract',
  'gap:analyze', 'gap:analyzeSkills', 'gap:profile', 'gap:costs', 'evidence:inferences', 'evidence:decide',
  'tags:pending', 'tags:decide',
  'plans:suggest', 'plans:create', 'plans:list', 'plans:get', 'plans:updateStep', 'plans:reorder', 'plans:markDone', 'plans:markUndone', 'plans:delete', 'plans:swapStep', 'plans:rename',
  'taxonomy:import', 'taxonomy:sources', 'taxonomy:remove', 'taxonomy:exportPack', 'app:about',
  'resume:preview', 'resume:docx', 'report:render', 'resumes:list', 'resumes:get', 'resumes:create', 'resumes:update', 'resumes:delete',
  'exchange:exportJsonResume', 'exchange:previewJsonResume', 'exchange:importJsonResume', 'exchange:previewLinkedIn', 'exchange:importLinkedIn', 'exchange:exportAll', 'exchange:importAll',
  'certificates:read', 'certificates:confirm',
  'backup:create', 'backup:list', 'backup:inspect',
  'share:bundle',
  'reminders:expiring', 'reminders:noticed',
] as const

export type Channel = (typeof CHANNEL_NAMES)[number]
