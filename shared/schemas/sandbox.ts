import { z } from 'zod'
import { Message } from '../i18n/message'
import { ProfileId, ProviderName } from './providers'

// The built-in sandbox: one profile per provider, backed by a loopback simulator inside main, so a
// new user can create every task kind with no account. A scenario makes the simulator misbehave in
// one way, to see how Callboard shows each kind of outcome.

export const SandboxScenario = z.enum([
  /** Answers normally: the task is created and its id comes back. */
  'normal',
  /** Refuses connections, as when the network or the service is unreachable. */
  'offline',
  /** Takes the request and never answers. */
  'unresponsive',
  /** Answers 503 Service Unavailable with a Retry-After. */
  'down',
  /** Answers 500: the service may have acted on the request. */
  'server_error',
  /** Answers 429 Too Many Requests with a Retry-After. */
  'rate_limited',
  /** Answers 401: the stored credentials no longer work. */
  'credentials_refused',
  /** Answers 400: the provider refuses the request. */
  'invalid',
  /** Creates the task, then drops the connection before answering. */
  'answer_lost',
  /** Answers normally after a few seconds. */
  'slow',
  /** Answers normally, but its clock is four minutes ahead of this computer's. */
  'clock_ahead',
])
export type SandboxScenario = z.infer<typeof SandboxScenario>

export const SandboxProviderState = z
  .object({
    provider: ProviderName,
    profileId: ProfileId,
    scenario: SandboxScenario,
    /** Tasks the simulator has created since the app started (its ledger of effects). */
    created: z.number().int().nonnegative(),
  })
  .strict()
export type SandboxProviderState = z.infer<typeof SandboxProviderState>

export const SandboxState = z
  .object({
    /** False when the sandbox could not start (the reason is in `problem`). */
    running: z.boolean(),
    problem: Message.nullable(),
    providers: z.array(SandboxProviderState),
  })
  .strict()
export type SandboxState = z.infer<typeof SandboxState>

export const SandboxSimulate = z.object({ provider: ProviderName, scenario: SandboxScenario }).strict()
export type SandboxSimulate = z.infer<typeof SandboxSimulate>
