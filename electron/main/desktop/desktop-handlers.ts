import type { InvokeHandlers } from '@shared/ipc/contract'
import type { DesktopStatus } from '@shared/schemas/dial'
import type { DialDesk } from './dial-desk'

type DesktopChannel = 'dial:pending' | 'dial:confirm' | 'dial:cancel' | 'desktop:status' | 'desktop:clipboardNumber'

export interface DesktopHandlerDeps {
  desk: DialDesk
  status: () => DesktopStatus
  /** The clipboard's text, read only (nothing in the harness unless a test gives it). */
  readClipboard?: () => Promise<string>
}

/** The shortcut and tel:-link outdial and the desktop integration, as the contract offers them. */
export function desktopHandlers({ desk, status, readClipboard }: DesktopHandlerDeps): InvokeHandlers<DesktopChannel> {
  return {
    'dial:pending': () => desk.pending(),
    'dial:confirm': ({ requestId, index, confirmedRepeat }) => desk.confirm(requestId, index, confirmedRepeat === true),
    'dial:cancel': ({ requestId }) => {
      desk.cancel(requestId)
      return { requestId }
    },
    'desktop:status': () => status(),
    'desktop:clipboardNumber': async () => desk.firstNumber((await readClipboard?.()) ?? ''),
  }
}
