import type { TaskIntent } from '@shared/schemas/intents'
import type { Profile } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import { toWireRequest } from '@shared/intent-to-wire'
import type { AiccsClient } from '../providers/aiccs/aiccs-client'
import type { ConnectClient } from '../providers/connect/connect-client'
import type { ProbeContext, ProfileFor, SecretFor } from '../providers/connection-probe'
import type { EgainClient } from '../providers/egain/egain-client'
import type { VoiceBroadcastClient } from '../providers/voice-broadcast/voice-broadcast-client'
import type { WebexClient } from '../providers/webex/webex-client'
import { providerClock } from '../outbox/clock-skew'
import type { Clock } from './clock'
import type { CredentialsService } from './credentials-service'
import type { Logger } from './logger'
import type { TokenCache } from './token-cache'

/** One client per provider; the sandbox gets its own set (shorter time limits, its simulators). */
export interface ProviderClients {
  webex: WebexClient
  egain: EgainClient
  connect: ConnectClient
  aiccs: AiccsClient
  voice_broadcast: VoiceBroadcastClient
}

export interface TaskSenderDeps {
  findProfile: (id: string) => Profile | undefined
  credentials: Pick<CredentialsService, 'status' | 'read'>
  tokensFor: (profileId: string) => TokenCache
  clientsFor: (profile: Profile) => ProviderClients
  clock: Clock
  fetch: typeof fetch
  logger: Logger
  /** The provider's clock minus ours, per profile: the request is built and checked on its clock (Q8). */
  providerOffsetMs?: (profileId: string) => number
}

export interface SendTask {
  intent: TaskIntent
  /** The same on every attempt of one task: how keyed providers recognise a resend. */
  idempotencyKey: string
  signal?: AbortSignal
}

const rejected = (message: string): SendOutcome => ({
  kind: 'rejected',
  message,
  providerMessage: null,
  httpStatus: null,
})

/**
 * One attempt to hand a task to its provider: the profile and its secret are looked up at send
 * time (a task waiting in the queue holds neither), the intent becomes the wire request, and the
 * provider's client sends it and classifies the answer. Never throws for a provider or network
 * problem: every path ends in exactly one outcome.
 */
export function createTaskSender(deps: TaskSenderDeps) {
  return async function sendTask({ intent, idempotencyKey, signal }: SendTask): Promise<SendOutcome> {
    const profile = deps.findProfile(intent.profileId)
    if (!profile) return rejected('The profile this task was made for no longer exists.')
    const clock = providerClock(deps.clock, deps.providerOffsetMs?.(profile.id) ?? 0)
    const wire = toWireRequest(intent, profile, clock.now())
    if ('error' in wire) {
      const where = wire.error.path.length ? ` (${wire.error.path.join('.')})` : ''
      return rejected(`The task was not sent${where}: ${wire.error.message}`)
    }

    const status = await deps.credentials.status(profile.id)
    if (status.state === 'keychain_locked' || status.state === 'keychain_unavailable') {
      // Nothing left the machine; the queue tries again once the keychain opens.
      return {
        kind: 'retry',
        delayMs: null,
        reason: `The keychain is ${status.state === 'keychain_locked' ? 'locked' : 'unavailable'}, so the credentials for ${profile.label} cannot be read.`,
        httpStatus: null,
      }
    }
    const secret = status.state === 'stored' ? await deps.credentials.read(profile.id) : null
    if (!secret || secret.provider !== profile.provider) {
      return {
        kind: 'needs_auth',
        message: `No credentials are stored for ${profile.label}. Add them in Profiles, then send the task again.`,
        providerMessage: null,
      }
    }

    const clients = deps.clientsFor(profile)
    // toWireRequest refused a profile of another provider, and the secret's provider was checked
    // above, so the narrowing below only restates what is already known.
    const context = <P extends ProviderName>(): ProbeContext<P> & { idempotencyKey: string } => ({
      profile: profile as ProfileFor<P>,
      secret: secret as SecretFor<P>,
      tokens: deps.tokensFor(profile.id),
      clock,
      fetch: deps.fetch,
      signal: signal ?? new AbortController().signal,
      idempotencyKey,
    })

    const started = deps.clock.monotonicMs()
    let outcome: SendOutcome
    switch (wire.provider) {
      case 'webex':
        outcome = await clients.webex.send(context<'webex'>(), wire.request)
        break
      case 'webex_scheduled':
        outcome = await clients.webex.scheduleCallback(context<'webex'>(), wire.request.body)
        break
      case 'egain':
        outcome = await clients.egain.send(context<'egain'>(), wire.request)
        break
      case 'connect':
        outcome = await clients.connect.send(context<'connect'>(), wire.input)
        break
      case 'aiccs':
        outcome = await clients.aiccs.send(context<'aiccs'>(), wire.params)
        break
      case 'voice_broadcast':
        outcome = await clients.voice_broadcast.send(context<'voice_broadcast'>(), wire.request)
        break
    }
    deps.logger.info('task sent', {
      profileId: profile.id,
      provider: profile.provider,
      kind: intent.kind,
      outcome: outcome.kind,
      httpStatus: 'httpStatus' in outcome ? outcome.httpStatus : null,
      ms: Math.round(deps.clock.monotonicMs() - started),
    })
    return outcome
  }
}

export type TaskSender = ReturnType<typeof createTaskSender>
