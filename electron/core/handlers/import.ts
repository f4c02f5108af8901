import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'import:start' | 'import:status' | 'import:undo' | 'import:resume' | 'import:batches'

export const importHandlers = ({ imports }: CoreServices): Pick<Services, Channel> => ({
  'import:start': (input) => imports.start(input),
  'import:status': (input) => imports.status(input),
  'import:undo': (input) => imports.undo(input),
  'import:resume': (input) => imports.resume(input),
  'import:batches': (input) => imports.batches(input),
})
