import type { IntentOf, ProfileOf, ProviderName, SecretOf, WireRequestOf } from '@shared/providers/registry'
import type { Message } from '@shared/i18n/message'
import type { CallbackWhen } from '@shared/schemas/intents'
import type { QueueItem } from '@shared/schemas/outbox'
import type { SandboxScenario } from '@shared/schemas/sandbox'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { RateLimit } from '../core/rate-limit'
import type { SignInCapability } from '../sign-in/sign-in-capability'
import type { ChoiceSource } from './choice-source'
import type { ConnectionProbe, ProbeContext } from './connection-probe'
import type { HttpTransport } from './http/http-transport'

// What each provider's folder in main (electron/main/providers/<name>/index.ts) gives main's registry:
// the facts about the provider the queue needs (is a resend harmless, how fast may a lane send, how
// is a task named and ordered, how long is it worth sending), its connection probe, how to make its
// client, and its part of the sandbox (loaded only when the sandbox first needs it).

/** How fast one profile's lane may send, and how many of its requests may be in flight at once. */
export interface LaneLimits {
  rate: RateLimit | null
  concurrency: number
}

/** A task's request, as its provider's client gets it: the profile, secret and ports, and the task's key. */
export interface SendContext<P extends ProviderName> extends ProbeContext<P> {
  /** The same on every attempt of one task: how keyed providers recognise a resend. */
  idempotencyKey: string
}

/** What the composition root hands a client made for one profile. */
export interface ClientEnv {
  /** Per HTTP request (a token request included); the provider's own default when absent. */
  timeoutMs?: number
  /** Told of every answer's `Date` header, so the outbox can learn the provider's clock (Q8). */
  onServerDate?: (dateHeader: string | undefined, sentAtMs: number, receivedAtMs: number) => void
  /** The HTTP transport of the clients that send with node:http (default: a real one); tests hand a fake. */
  transport?: HttpTransport
}

/**
 * One provider's client, made for one profile: sends one task's wire request (checked once, by the
 * shared registry's `toWireRequest`; the client does not check it again) and classifies the answer.
 * Never throws for a provider or network problem.
 */
export interface ProviderClient<P extends ProviderName> {
  send(context: SendContext<P>, payload: WireRequestOf<P>['payload']): Promise<SendOutcome>
}

/** Which entries go out in order: `<profile>:<kind>:<key>` (one customer number, customer, contact chain). */
export interface ScopeKey {
  kind: 'number' | 'customer' | 'contact'
  key: string
}

/** When a task meant for later is to happen, as its queue and history row shows it. */
export type Scheduled = NonNullable<QueueItem['scheduled']>

/** A callback for later (any provider's): its time, in the zone the agent chose. */
export const scheduledCallback = (intent: { kind: string; when?: CallbackWhen }): Scheduled | null =>
  intent.kind === 'callback' && intent.when?.kind === 'at'
    ? { at: intent.when.at, timeZone: intent.when.timeZone }
    : null

/** A task pinned to a time: it must reach the provider `leadMs` before `atMs`. */
export interface PinnedTime {
  atMs: number
  leadMs: number
  /** Why, in words for the agent. */
  reason: Message
}

/** A sandbox simulator running for this provider, and the sandbox profile that points at it. */
export interface SandboxSimulator<P extends ProviderName> {
  profile: ProfileOf<P>
  /** Where clients and probes reach it when the profile cannot say (Connect's address is its region's). */
  endpoint?: string
  /** The sandbox's sign-in profile pointing at this simulator (its identity provider), where there is one. */
  signIn?: { profile: ProfileOf<P>; endpoint?: string }
  /** Make the simulator misbehave as the scenario says, or answer normally again. */
  play(scenario: SandboxScenario): Promise<void>
  /** Tasks it has created since it started. */
  created(): number
  /** What it accepted, as received: how tests check what reached the provider. */
  ledger(): readonly unknown[]
  close(): Promise<void>
}

/**
 * This provider's part of the built-in sandbox. The profile and credentials are known without the
 * simulator (so the sandbox can list its profiles at once); the simulator, and all its code, is
 * loaded and started the first time the sandbox profile is used.
 */
export interface SandboxKit<P extends ProviderName> {
  /** The sandbox profile's id: fixed, so a task queued against it survives a restart. */
  profileId: string
  /** Credentials for one run of the app, kept in memory only. */
  newSecret(): SecretOf<P>
  /** The sandbox profile before its simulator runs (its address is only known once it listens). */
  profile(secret: SecretOf<P>): ProfileOf<P>
  /** Loads and starts the simulator (on a random loopback port) that accepts those credentials. */
  start(secret: SecretOf<P>): Promise<SandboxSimulator<P>>
  /**
   * A second sandbox profile, on the same simulator, that starts signed out and signs in through the
   * simulator's identity provider exactly as a real profile does; absent where the provider has no
   * user sign-in.
   */
  signIn?: SandboxSignInKit<P>
}

/** The sandbox's sign-in profile of a provider, before its simulator runs. */
export interface SandboxSignInKit<P extends ProviderName> {
  /** Fixed, like the ready profile's, so a task queued against it survives a restart. */
  profileId: string
  profile(): ProfileOf<P>
  /**
   * What its keychain entry holds while signed out (a public client's empty client secret), or null
   * where the sign-in itself is the secret (Identity Center). Kept in memory, like every sandbox secret.
   */
  signedOutSecret(): SecretOf<P> | null
}

export interface ProviderModule<P extends ProviderName> {
  name: P
  /**
   * Whether the provider recognises a resend of the same task (an idempotency key, or a task name
   * unique per account): an attempt that may have arrived can then be sent again safely. Without
   * it such an attempt waits for the agent.
   */
  resendIsSafe: boolean
  /** How long the provider recognises a resend, when that is limited; the task expires before. */
  resendWindow: { ms: number; reason: Message } | null
  /** The provider's published limits, kept a little under where they are exact. */
  laneLimits: LaneLimits
  /** The tasks a task must follow (same customer or contact chain), or null for one of its own. */
  scope(intent: IntentOf<P>): ScopeKey | null
  /** When the task is pinned to a time the provider holds it to, or null. */
  pinnedTime(intent: IntentOf<P>): PinnedTime | null
  /** When a task meant for later is to happen (and the customer's zone, if chosen), for its row; else null. */
  scheduled(intent: IntentOf<P>): Scheduled | null
  /** "Test connection": one authenticated request that creates nothing. */
  probe: ConnectionProbe<P>
  /** The ids its API can list for a profile (entry points, flows, …), or null where it lists none. */
  choices: ChoiceSource<P> | null
  /** The client for one profile of this provider. */
  createClient(env: ClientEnv): ProviderClient<P>
  /** This provider's part of the built-in sandbox (its simulator is loaded on first use). */
  sandbox: SandboxKit<P>
  /** How its profiles sign in through its identity provider (browser, device code), or null. */
  signIn: SignInCapability<P> | null
}

/** Checks a main module against the shape above, keeping its own name type. */
export function defineProvider<P extends ProviderName>(module: ProviderModule<P>): ProviderModule<P> {
  return module
}
