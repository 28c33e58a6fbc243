import type { InvokeHandlers } from '@shared/ipc/contract'
import type { SignInService } from './sign-in-service'

type SignInChannel = 'signin:start' | 'signin:cancel' | 'signin:signOut' | 'signin:status'

/** Signing a profile in and out, as the contract offers it (inputs checked by the dispatch). */
export function signInHandlers(service: SignInService): InvokeHandlers<SignInChannel> {
  return {
    'signin:start': ({ profileId, method }) => service.start(profileId, method),
    'signin:cancel': ({ profileId }) => service.cancel(profileId),
    'signin:signOut': ({ profileId }) => service.signOut(profileId),
    'signin:status': ({ profileId }) => service.status(profileId),
  }
}
