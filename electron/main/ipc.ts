import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Channel } from '../shared/contract'
import type { Result } from '../shared/errors'
import { isTrustedUrl } from './security'
import { wantsOnlineChecksOn, windowCallProblem } from './window-calls'

/** What registerIpc needs from the core: the one validated entry point. */
export interface Dispatcher {
  dispatch(channel: Channel, raw: unknown): Promise<Result<unknown>>
}

export interface IpcOptions {
  /** The electron-vite dev server URL; trusted only when not packaged. */
  devUrl?: string
  log?: (message: string, error?: unknown) => void
  /**
   * Asks the person, with a native dialog owned by this process, whether online checks may be
   * turned on (true: "Turn on"). Without it the window can never turn them on.
   */
  confirmOnlineChecks?: (event: IpcMainInvokeEvent) => Promise<boolean>
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>

/** Why a call is refused, or null for our own top-level page (Electron security item 17). */
export function senderProblem(event: SenderEvent, devUrl?: string): string | null {
  try {
    const frame = event.senderFrame
    if (!frame) return 'the sending page is gone'
    if (frame.parent) return 'the request came from an embedded frame'
    if (!isTrustedUrl(frame.url, devUrl)) return 'the request came from a page outside Skillfolio'
    return null
  } catch {
    return 'the sending page is gone' // a disposed frame throws on property access
  }
}

/** The answer to a call from anything but our own top-level page, or null to go on. */
export function refusedSender(event: SenderEvent, devUrl?: string): Result<never> | null {
  const problem = senderProblem(event, devUrl)
  return problem ? { ok: false, error: { code: 'FORBIDDEN', message: `Refused: ${problem}.` } } : null
}

/**
 * One handler per contract channel and nothing else: check the sender, then hand the raw
 * input to the core, which validates it with zod and answers a Result. Never throws:
 * Electron would pass only the message of an exception on to the renderer.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Dispatcher, options: IpcOptions = {}): void {
  const log = options.log ?? ((message, error) => console.error(message, error))
  /** One confirmation at a time: a second request while the dialog is up waits for its answer. */
  let asking: Promise<boolean> | null = null

  /** settings:update turning online checks on: only after the person confirmed in the native dialog. */
  async function updateSettings(event: IpcMainInvokeEvent, raw: unknown): Promise<Result<unknown>> {
    if (!wantsOnlineChecksOn(raw)) return core.dispatch('settings:update', raw)
    const current = await core.dispatch('settings:get', {})
    if (current.ok && (current.value as { onlineChecks?: unknown }).onlineChecks === true) return core.dispatch('settings:update', raw)
    const confirm = options.confirmOnlineChecks
    let confirmed = false
    if (confirm) {
      asking ??= confirm(event).finally(() => (asking = null))
      confirmed = await asking
    }
    if (confirmed) return core.dispatch('settings:update', raw)
    // Not confirmed: everything else in the request still applies; online checks stay off.
    const { onlineChecks: _refused, ...rest } = raw as Record<string, unknown>
    return core.dispatch('settings:update', rest)
  }

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<Result<unknown>> => {
      const problem = senderProblem(event, options.devUrl) ?? windowCallProblem(channel, raw)
      if (problem) return { ok: false, error: { code: 'FORBIDDEN', message: `Refused: ${problem}.` } }
      try {
        if (channel === 'settings:update') return await updateSettings(event, raw)
        return await core.dispatch(channel, raw)
      } catch (error) {
        log(`Unexpected failure in ${channel}`, error)
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Skillfolio; nothing was changed.' } }
      }
    })
  }
}
