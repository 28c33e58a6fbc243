import { z } from 'zod'
import { KeychainState } from './keychain'
import { StoredMessage } from '../i18n/message'

// What one attempt to hand a task to a provider came to (design.md §4, "Outcome classes"). Every
// provider answer, network failure included, maps to exactly one of these; the outbox turns them
// into its states (`expired` and `cancelled` are decided by the outbox, never by a provider client).
// Messages are keys of the catalogues (shared/i18n) with their parameters, shown in the agent's
// language; an outcome an older version kept in its journal as an English sentence reads as that
// sentence. `providerMessage` is the provider's own text, shown as is. No token or secret ever
// goes into either.

const HttpStatus = z.number().int().min(100).max(599)
const Message = StoredMessage
const ProviderMessage = z.string().nullable()

/**
 * What this computer's network did to a request before it reached the provider: its proxy wanted
 * credentials or refused ours (`proxy_auth`), its proxy refused the destination (`proxy_refused`),
 * or it presented a certificate this computer does not trust (`certificate_untrusted`: an
 * inspecting proxy whose certificate is not installed, an expired or wrong-name certificate).
 */
export const NetworkProblem = z.enum(['proxy_auth', 'proxy_refused', 'certificate_untrusted'])
export type NetworkProblem = z.infer<typeof NetworkProblem>

export const SendOutcome = z.discriminatedUnion('kind', [
  /** The provider took the task; `providerId` is its id for it. */
  z.object({ kind: z.literal('sent'), providerId: z.string().min(1), httpStatus: HttpStatus }).strict(),
  /** Nothing was done (or the provider says so): send again later. */
  z
    .object({
      kind: z.literal('retry'),
      /** The provider's wait (Retry-After), or null for the queue's own backoff with jitter. */
      delayMs: z.number().int().nonnegative().nullable(),
      reason: Message,
      httpStatus: HttpStatus.nullable(),
    })
    .strict(),
  /**
   * Nothing left this computer: its keychain is locked or unavailable, so the credentials (or the
   * cached access token) could not be read or kept. The provider was not asked, so this says nothing
   * about it: the task waits for the keychain, and the provider's lane keeps its health.
   */
  z
    .object({
      kind: z.literal('keychain_unavailable'),
      keychain: KeychainState.exclude(['available']),
      message: Message,
    })
    .strict(),
  /**
   * Nothing left this computer: the task's deadline passed while its request was being prepared
   * (the journal write, the keychain), so it was not sent. Like a keychain problem, it says nothing
   * about the provider; the queue expires the task.
   */
  z.object({ kind: z.literal('deadline_passed'), message: Message }).strict(),
  /**
   * Nothing reached the provider: this computer's network (its proxy, or a certificate it does not
   * trust) stopped the request. Another try meets the same network until IT fixes it, so the task
   * waits with the reason (not a silent retry), and goes when the agent retries or after a pause.
   * Says nothing about the provider. `detail` is the proxy's status or the TLS error code.
   */
  z
    .object({
      kind: z.literal('network_blocked'),
      problem: NetworkProblem,
      message: Message,
      detail: z.string().min(1),
    })
    .strict(),
  /** The credentials no longer work (a refresh was already tried): the agent must sign in again. */
  z.object({ kind: z.literal('needs_auth'), message: Message, providerMessage: ProviderMessage }).strict(),
  /**
   * The request may have reached the provider but its answer was lost, and the provider has no
   * idempotency key: sending again could create the task twice, so the agent decides.
   */
  z.object({ kind: z.literal('needs_review'), message: Message, providerMessage: ProviderMessage }).strict(),
  /** The provider (or our own check before sending) refused this task; sending it again will not help. */
  z
    .object({
      kind: z.literal('rejected'),
      message: Message,
      providerMessage: ProviderMessage,
      httpStatus: HttpStatus.nullable(),
    })
    .strict(),
])
export type SendOutcome = z.infer<typeof SendOutcome>
export type SendOutcomeKind = SendOutcome['kind']
