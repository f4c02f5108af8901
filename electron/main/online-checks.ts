import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron'
import { ONLINE_CHECKS_CANCEL, ONLINE_CHECKS_CONFIRM, ONLINE_CHECKS_QUESTION, ONLINE_CHECKS_WARNING } from '../shared/online-checks'

/**
 * The native confirmation before online checks are turned on. Owned by the main process, so a
 * page cannot fake the answer; Cancel is the default and what Escape or closing the box means.
 */
export async function confirmOnlineChecks(dialog: Pick<Dialog, 'showMessageBox'>, win: BrowserWindow | null): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'warning',
    title: 'Skillfolio',
    message: ONLINE_CHECKS_QUESTION,
    detail: ONLINE_CHECKS_WARNING,
    buttons: [ONLINE_CHECKS_CONFIRM, ONLINE_CHECKS_CANCEL],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
  return response === 0
}
