import type { InvokeHandlers } from '@shared/ipc/contract'
import type { SignInService } from './sign-in-service'

type SignInChannel = 'signIn:start' | 'signIn:cancel' | 'signIn:signOut' | 'signIn:status'

/** Signing a profile in and out, as the contract offers it (inputs checked by the dispatch). */
export function signInHandlers(service: SignInService): InvokeHandlers<SignInChannel> {
  return {
    'signIn:start': ({ profileId, method }) => service.start(profileId, method),
    'signIn:cancel': ({ profileId }) => service.cancel(profileId),
    'signIn:signOut': ({ profileId }) => service.signOut(profileId),
    'signIn:status': ({ profileId }) => service.status(profileId),
  }
}
