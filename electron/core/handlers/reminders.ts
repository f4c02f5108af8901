import type { Services } from '../../shared/contract'
import { createReminders } from '../reminders'
import type { CoreServices } from './services'

export const reminderHandlers = ({ db, now, settings }: CoreServices): Pick<Services, 'reminders:expiring' | 'reminders:noticed'> => {
  const reminders = createReminders(db, now)
  return {
    'reminders:expiring': () => reminders.expiring(settings.get().expiryReminderDays),
    'reminders:noticed': ({ ids }) => reminders.markNoticed(ids),
  }
}
