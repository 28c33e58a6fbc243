import { issueText } from '@shared/i18n/issue-message'
import { msg } from '@shared/i18n/message'
import type { IpcMainInvokeEvent } from 'electron'
import { invokeChannels } from '@shared/ipc/channels'
import type { Result } from '@shared/ipc/result'
import { fail } from '@shared/ipc/result'
import type { SenderEventLike } from '../security/trusted-sender'
import { checkSender } from '../security/trusted-sender'
import type { Logger } from '../core/logger'
import type { Dispatch } from './dispatch'

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>): void
}

/**
 * Registers one handler per contract channel, each checking the sender before anything else.
 * Returns the channels registered, which tests compare with the contract.
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, appOrigin: string, logger: Logger): string[] {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event, ...args) => {
      const verdict = checkSender(event as SenderEventLike, appOrigin)
      if (!verdict.trusted) {
        logger.warn('call from untrusted sender refused', { channel, reason: verdict.reason })
        return fail('forbidden_sender', msg('failure.forbiddenSender'))
      }
      if (args.length > 1) {
        return fail('invalid_input', msg('failure.tooManyArguments', { channel }), [
          { path: [], message: issueText('failure.tooManyArguments', { channel }) },
        ])
      }
      return dispatch(channel, args[0])
    })
  }
  return [...invokeChannels]
}
