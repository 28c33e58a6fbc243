import type { TaskIntent } from '@shared/schemas/intents'
import type { IntentOf, Profile, ProviderName, ProviderSecret } from '@shared/providers/registry'
import { intentProvider, sharedProvider } from '@shared/providers/registry'
import { aiccs } from './aiccs'
import { connect } from './connect'
import { egain } from './egain'
import type { ProviderModule } from './provider-module'
import type { SignInPlan } from '../sign-in/sign-in-capability'
import { voiceBroadcast } from './voice-broadcast'
import { webex } from './webex'

/**
 * Every provider's main module, by its name in the contract. A provider is its folder beside this
 * file and one line here (and its folder and line in shared/providers/registry.ts); the task sender,
 * the connection tester, the queue and the sandbox find everything about a provider through here.
 * The type makes a missing or misfiled provider a compile error.
 */
export const mainProviders: { readonly [P in ProviderName]: ProviderModule<P> } = {
  webex,
  egain,
  connect,
  aiccs,
  voice_broadcast: voiceBroadcast,
}

/** The main module of the provider named `name`. */
export function mainProvider<P extends ProviderName>(name: P): ProviderModule<P> {
  return mainProviders[name]
}

/** Whether a provider recognises a resend of the same task (see ProviderModule.resendIsSafe). */
export const resendIsSafe = (provider: ProviderName): boolean => mainProviders[provider].resendIsSafe

/** `use` applied to the intent and its provider's main module, typed as that provider's. */
export function withProvider<R>(
  intent: TaskIntent,
  use: <P extends ProviderName>(provider: ProviderModule<P>, intent: IntentOf<P>) => R,
): R {
  return applyTo(intentProvider(intent), intent, use)
}

function applyTo<P extends ProviderName, R>(
  name: P,
  intent: TaskIntent,
  use: (provider: ProviderModule<P>, intent: IntentOf<P>) => R,
): R {
  // Unreachable: the name is the one whose module owns the intent.
  if (!sharedProvider(name).owns(intent)) throw new Error(`${name} does not take ${intent.kind} tasks`)
  return use(mainProvider(name), intent)
}

/** What the task is about, in a few words: the number called, the task's name (shared/providers). */
export { taskSubject as subjectOf } from '@shared/providers/registry'

/**
 * How a profile signs in through its provider's identity provider (the provider module's `signIn`),
 * with the secret to keep for it when none is stored yet; null when the profile does not sign in so.
 */
export function signInPlanFor(
  profile: Profile,
  secret: ProviderSecret | null,
): { plan: SignInPlan; blankSecret: ProviderSecret | null } | null {
  return planOf(profile.provider, profile, secret)
}

function planOf<P extends ProviderName>(
  name: P,
  profile: Profile,
  secret: ProviderSecret | null,
): { plan: SignInPlan; blankSecret: ProviderSecret | null } | null {
  const { signIn } = mainProvider(name)
  const shared = sharedProvider(name)
  if (!signIn || !shared.ownsProfile(profile)) return null
  const plan = signIn.plan(profile, secret && shared.ownsSecret(secret) ? secret : null)
  return plan ? { plan, blankSecret: signIn.blankSecret(profile) } : null
}
