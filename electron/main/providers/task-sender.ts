import type { TaskIntent } from '@shared/schemas/intents'
import { msg, type Message } from '@shared/i18n/message'
import { issueText } from '@shared/i18n/issue-message'
import type { OutboxEntry } from '@shared/schemas/outbox'
import type { IntentRefusal, Profile, ProviderName, ProviderSecret } from '@shared/providers/registry'
import { intentProvider, sharedProvider } from '@shared/providers/registry'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { CredentialsService } from '../secrets/credentials-service'
import { keychainOutcome } from '../secrets/keychain-outcome'
import { KeychainError } from '../secrets/secret-store'
import type { TokenCache } from '../secrets/token-cache'
import { providerClock } from './clock-skew'
import { observingFetch } from './http/observing-transport'
import { redactError, redactOutcome } from '../secrets/redact-secrets'
import { requestSecrets } from '../secrets/request-secrets'
import type { ClientEnv, ProviderClient } from './provider-module'
import { mainProvider } from './registry'

export interface TaskSenderDeps {
  findProfile: (id: string) => Profile | undefined
  credentials: Pick<CredentialsService, 'status' | 'read'>
  tokensFor: (profileId: string) => TokenCache
  /** How the client for a profile is made (its time limit, whose clock its answers teach). */
  clientEnv: (profile: Profile) => ClientEnv
  /** Makes a provider's client; default: its module's (tests hand stand-ins). */
  createClient?: <P extends ProviderName>(name: P, env: ClientEnv) => ProviderClient<P>
  /** Where to reach a profile's provider instead of its own address (the sandbox's simulator), if anywhere. */
  endpointFor?: (profile: Profile) => string | undefined
  clock: Clock
  fetch: typeof fetch
  logger: Logger
  /** The provider's clock minus ours, per profile: the request is built and checked on its clock (Q8). */
  providerOffsetMs?: (profileId: string) => number
}

export interface SendTask {
  /** The outbox entry's id: what the log names the task by (never its number or text). */
  taskId: string
  intent: TaskIntent
  /** The same on every attempt of one task: how keyed providers recognise a resend. */
  idempotencyKey: string
  /**
   * The task's deadline. The queue checks it before an attempt; the journal write and the keychain
   * come between that check and the request, and a starved machine can stretch them past it, so
   * it is checked again right before the request leaves.
   */
  notAfter?: string
  signal?: AbortSignal
}

/** The attempt the queue makes for an entry: every field the sender needs, the deadline included. */
export const attemptOf = (entry: OutboxEntry): SendTask => ({
  taskId: entry.id,
  intent: entry.intent,
  idempotencyKey: entry.idempotencyKey,
  notAfter: entry.notAfter,
})

/** What the client needs besides the wire: the secret and the ports, for one attempt. */
interface Attempt {
  secret: ProviderSecret
  tokens: TokenCache
  clock: Clock
  fetch: typeof fetch
  signal: AbortSignal
  idempotencyKey: string
  endpoint: string | undefined
  reveal: (values: readonly string[]) => void
}

/** A task's wire request, built and checked for its profile, ready for its client. */
type Prepared = (attempt: Attempt) => Promise<SendOutcome>

/** The send path of one profile: its provider's client (made once), and the wire built for it. */
type ProfileSender = (intent: TaskIntent, profile: Profile, now: Date) => Prepared | IntentRefusal

const rejected = (message: Message): SendOutcome => ({
  kind: 'rejected',
  message,
  providerMessage: null,
  httpStatus: null,
})

/**
 * The send path for profiles of provider `name`, typed as that provider's throughout: the intent,
 * profile and secret are narrowed by the provider's own guards, so its client gets exactly its types.
 */
function providerSender<P extends ProviderName>(name: P, client: ProviderClient<P>): ProfileSender {
  const shared = sharedProvider(name)
  return (intent, profile, now) => {
    if (!shared.ownsProfile(profile))
      return refusal(['profileId'], issueText('schema.registry.intentNamesAnotherProfile'))
    if (!shared.owns(intent)) {
      const needed = intentProvider(intent)
      return refusal(
        ['profileId'],
        issueText('schema.templates.otherProvidersProfile', {
          provider: msg(`schema.provider.${profile.provider}`),
          needed: msg(`schema.provider.${needed}`),
        }),
      )
    }
    // The one check of the wire, at send time on the provider's clock (the profile may have been
    // edited, and time rules move); the client sends what it returns without checking it again.
    const wire = shared.toWire(intent, profile, now)
    if ('error' in wire) return wire
    return async ({ secret, ...rest }) =>
      shared.ownsSecret(secret)
        ? client.send({ ...rest, profile, secret }, wire.payload)
        : rejected(msg('sendOutcome.local.otherProviderSecret'))
  }
}

const refusal = (path: (string | number)[], message: string): IntentRefusal => ({ error: { path, message } })

/**
 * One attempt to hand a task to its provider: the profile and its secret are looked up at send
 * time (a task waiting in the queue holds neither), the intent becomes the wire request, and the
 * provider's client for that profile sends it and classifies the answer. Whatever the provider
 * said passes the one redaction here. Never throws for a provider or network problem: every path
 * ends in exactly one outcome.
 */
export function createTaskSender(deps: TaskSenderDeps) {
  /**
   * One client per profile, of that profile's provider, made when the profile first sends, and the
   * fetch its token requests go through: their answers teach the profile's clock as the task's do.
   */
  const senders = new Map<string, { send: ProfileSender; fetch: typeof fetch }>()
  const senderFor = (profile: Profile) => {
    let sender = senders.get(profile.id)
    if (!sender) {
      const env = deps.clientEnv(profile)
      const create = deps.createClient ?? ((name, env) => mainProvider(name).createClient(env))
      sender = {
        send: providerSender(profile.provider, create(profile.provider, env)),
        fetch: observingFetch(deps.fetch, env.onServerDate),
      }
      senders.set(profile.id, sender)
    }
    return sender
  }

  async function sendTask({ taskId, intent, idempotencyKey, notAfter, signal }: SendTask): Promise<SendOutcome> {
    const profile = deps.findProfile(intent.profileId)
    // Gone between the queue's own check and this send: nothing was sent, and the queue holds the
    // task on its next look until the profile is back (a missing profile never refuses a task).
    if (!profile) {
      return {
        kind: 'retry',
        delayMs: null,
        reason: msg('sendOutcome.local.noProfile'),
        httpStatus: null,
      }
    }
    const clock = providerClock(deps.clock, deps.providerOffsetMs?.(profile.id) ?? 0)
    // Refused before the keychain is asked: a task that cannot be sent needs no credentials.
    const { send: sendFor, fetch: fetchFor } = senderFor(profile)
    const prepared = sendFor(intent, profile, clock.now())
    if (typeof prepared !== 'function') {
      const { path, message: why } = prepared.error
      return rejected(
        path.length
          ? msg('sendOutcome.local.notSentAt', { field: path.join('.'), why })
          : msg('sendOutcome.local.notSent', { why }),
      )
    }

    // A keychain problem is this computer's, not the provider's: its own outcome, so the queue
    // waits for the keychain instead of marking the provider offline.
    const status = await deps.credentials.status(profile.id)
    if (status.state === 'keychain_locked' || status.state === 'keychain_unavailable') {
      return keychainOutcome(
        status.state === 'keychain_locked' ? 'locked' : 'unavailable',
        'credentials',
        profile.label,
      )
    }
    let secret: ProviderSecret | null
    try {
      secret = status.state === 'stored' ? await deps.credentials.read(profile.id) : null
    } catch (error) {
      // The keychain was locked between the status check and the read.
      if (error instanceof AppError && (error.code === 'keychain_locked' || error.code === 'keychain_unavailable')) {
        return keychainOutcome(
          error.code === 'keychain_locked' ? 'locked' : 'unavailable',
          'credentials',
          profile.label,
        )
      }
      throw error
    }
    if (!secret || secret.provider !== profile.provider) {
      // Signed out (or never signed in): nothing its client still holds may outlive the secret.
      senders.delete(profile.id)
      return {
        kind: 'needs_auth',
        message: msg('sendOutcome.local.noCredentials', { profile: profile.label }),
        providerMessage: null,
      }
    }

    // Every secret value, and every token this attempt used or renewed, is hidden from whatever the
    // provider answers.
    const { hidden: hide, tokens: seen, reveal } = requestSecrets(secret, deps.tokensFor(profile.id))

    // By the provider's clock, as the queue's own check.
    if (notAfter !== undefined && clock.now().getTime() >= Date.parse(notAfter)) {
      deps.logger.warn('deadline passed before the request left', { taskId, notAfter })
      return {
        kind: 'deadline_passed',
        message: msg('sendOutcome.local.deadlineWhilePreparing'),
      }
    }
    const started = deps.clock.monotonicMs()
    let outcome: SendOutcome
    try {
      outcome = await prepared({
        secret,
        tokens: seen,
        clock,
        fetch: fetchFor,
        signal: signal ?? new AbortController().signal,
        idempotencyKey,
        endpoint: deps.endpointFor?.(profile),
        reveal,
      })
    } catch (error) {
      // Clients turn every provider answer into an outcome; what can escape them is the token
      // cache's keychain (dropping a refused token after a 401: the provider created nothing).
      // Anything else is a bug, logged by the queue: its message may quote the provider.
      if (!(error instanceof KeychainError)) throw redactError(error, hide)
      outcome = keychainOutcome(error.state, 'token', profile.label)
    }
    outcome = redactOutcome(outcome, hide)
    deps.logger.info('task sent', {
      taskId,
      profileId: profile.id,
      provider: profile.provider,
      kind: intent.kind,
      outcome: outcome.kind,
      httpStatus: 'httpStatus' in outcome ? outcome.httpStatus : null,
      ms: Math.round(deps.clock.monotonicMs() - started),
    })
    return outcome
  }

  return Object.assign(sendTask, {
    /**
     * The profile signed out: its client goes, and with it whatever the client held in memory
     * (Amazon Connect's role credentials, good for up to an hour). The next task makes a new one,
     * which must obtain everything again from the keychain.
     */
    forgetClient(profileId: string): void {
      senders.delete(profileId)
    },
  })
}

export type TaskSender = ReturnType<typeof createTaskSender>
