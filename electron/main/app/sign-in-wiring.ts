import type { Message } from '@shared/i18n/message'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import { signInPlanFor } from '../providers/registry'
import type { SignInService } from '../sign-in/sign-in-service'
import { createSignInService } from '../sign-in/sign-in-service'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { EventHub } from './event-hub'
import type { ProfileDirectory } from './profile-directory'

export interface SignInWiringDeps {
  directory: ProfileDirectory
  clock: Clock
  logger: Logger
  fetch: typeof fetch
  events: EventHub
  notOwner: Message | null
  /** The system browser; without one (a service test), a sign-in page cannot be opened. */
  openBrowser?: (url: string, authorizationEndpoint: string) => Promise<void>
  signedIn(profileId: string): void
  /** A profile was signed out: what its sign-in obtained and is held in memory goes. */
  signedOut?(profileId: string): void
}

/** Sign-in over the profile directory: its profiles, their keychain entries, the registry's plans. */
export function wireSignIn(deps: SignInWiringDeps): SignInService {
  const logger = deps.logger.child('sign-in')
  const service = createSignInService({
    findProfile: deps.directory.find,
    planFor: signInPlanFor,
    credentials: deps.directory.signInCredentials,
    tokens: deps.directory.tokens,
    fetch: deps.fetch,
    clock: deps.clock,
    logger,
    notOwner: deps.notOwner,
    endpointFor: deps.directory.endpointFor,
    openBrowser:
      deps.openBrowser ??
      (async () => {
        throw new Error('no system browser here')
      }),
    changed: (status) => deps.events.emit('signin:changed', status),
    signedIn: deps.signedIn,
    ...(deps.signedOut && { signedOut: deps.signedOut }),
  })
  return {
    ...service,
    // A sandbox profile's identity provider is its simulator, started on the profile's first use.
    async start(profileId, method) {
      await deps.directory.ready(profileId)
      return service.start(profileId, method)
    },
  }
}

/**
 * `send`, with a refused renewal signing out the profile that signs in, so the window offers
 * "Sign in again". Best effort: the outcome stands (the task waits for sign-in) whatever the
 * keychain says.
 */
export function signingOutWhenRefused<E extends { profileId: string }>(
  send: (entry: E) => Promise<SendOutcome>,
  signIn: Pick<SignInService, 'renewalRefused'>,
  logger: Logger,
): (entry: E) => Promise<SendOutcome> {
  return async (entry) => {
    const outcome = await send(entry)
    if (outcome.kind === 'needs_auth') {
      signIn.renewalRefused(entry.profileId).catch((error: unknown) =>
        logger.warn('signing out after a refused renewal failed', {
          profileId: entry.profileId,
          error: String(error),
        }),
      )
    }
    return outcome
  }
}
