import type { InvokeHandlers } from '@shared/ipc/contract'
import type { UpdateKeeper } from './update-keeper'

/** Updates, as the contract offers them: each call answers with the status after it. */
export function updatesHandlers(
  updates: UpdateKeeper,
): InvokeHandlers<'updates:status' | 'updates:check' | 'updates:restart'> {
  return {
    'updates:status': () => updates.status(),
    'updates:check': async () => {
      await updates.checkNow()
      return updates.status()
    },
    'updates:restart': async () => {
      await updates.restartToUpdate()
      return updates.status()
    },
  }
}
