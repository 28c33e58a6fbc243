import { z } from 'zod'
import type { FollowUpIntent } from '../schemas/intents'
import type { FormFields, IntentSchemaOf, QuickFollowUpLine, Translate } from './provider-module'
import { providerList, sharedProvider, type Profile, type ProviderName, type SharedModule } from './registry'

// The quick-task forms' provider fields, read through the registry: the forms and the quick entry
// iterate these and never name a provider.

/** The providers whose callbacks the form offers, in the registry's order. */
const callbackProviders = providerList.filter((provider) => provider.callbackForm !== undefined)

const first = callbackProviders[0]
if (!first) throw new Error('no provider takes callbacks')
/** The provider a callback form starts with before a profile is chosen: the first that takes callbacks. */
export const firstCallbackProvider: ProviderName = first.name

const takesCallbacks = (name: string | undefined) => callbackProviders.find((provider) => provider.name === name)

/** Every provider's own callback fields, each from `profile` when it is that provider's. */
export function callbackDefaults(profile: Profile | undefined): FormFields {
  return Object.assign({}, ...callbackProviders.map((provider) => defaultsOf(provider, profile)))
}

function defaultsOf<P extends ProviderName>(provider: SharedModule<P>, profile: Profile | undefined): FormFields {
  return provider.callbackForm?.defaults(profile && provider.ownsProfile(profile) ? profile : undefined) ?? {}
}

/** The provider's own fields as its callback intent takes them (the form's default provider when none is named). */
export function callbackIntentFields(provider: string | undefined, values: FormFields, later: boolean): FormFields {
  const form = (takesCallbacks(provider) ?? sharedProvider(firstCallbackProvider)).callbackForm
  return form?.intent(values, later) ?? {}
}

/** What the provider's own fields keep for the next callback, from the one queued or the form's values. */
export function callbackKept(from: FormFields, profile: Profile | undefined): FormFields {
  const provider = takesCallbacks(typeof from.provider === 'string' ? from.provider : undefined)
  return provider ? keptOf(provider, from, profile) : {}
}

function keptOf<P extends ProviderName>(
  provider: SharedModule<P>,
  from: FormFields,
  profile: Profile | undefined,
): FormFields {
  return provider.callbackForm?.kept(from, profile && provider.ownsProfile(profile) ? profile : undefined) ?? {}
}

/** The fields to change when `profile` is chosen: its provider's own that the profile does not have. */
export function callbackFit(values: FormFields, profile: Profile): FormFields {
  return fitOf(sharedProvider(profile.provider), values, profile)
}

function fitOf<P extends ProviderName>(provider: SharedModule<P>, values: FormFields, profile: Profile): FormFields {
  return provider.ownsProfile(profile) ? (provider.callbackForm?.fit(values, profile) ?? {}) : {}
}

/** The providers whose follow-ups the form offers, in the registry's order. */
const followUpProviders = providerList.filter((provider) => provider.followUpForm !== undefined)

const firstFollowUp = followUpProviders[0]
if (!firstFollowUp) throw new Error('no provider takes follow-ups')
/**
 * The provider a follow-up stands for when no profile of another is chosen (and so the one whose
 * rules the form shows before a profile is chosen): the first that takes follow-ups.
 */
export const firstFollowUpProvider: ProviderName = firstFollowUp.name

const takesFollowUps = (name: unknown) => followUpProviders.find((provider) => provider.name === name)

/**
 * Every provider's own follow-up fields: each from `profile` when it is that provider's, else from
 * that provider's first profile in `profiles` (so switching to it later starts from its choices).
 */
export function followUpDefaults(profiles: readonly Profile[], profile: Profile | undefined): FormFields {
  return Object.assign({}, ...followUpProviders.map((provider) => followUpDefaultsOf(provider, profiles, profile)))
}

function followUpDefaultsOf<P extends ProviderName>(
  provider: SharedModule<P>,
  profiles: readonly Profile[],
  profile: Profile | undefined,
): FormFields {
  const own = profile && provider.ownsProfile(profile) ? profile : profiles.find((p) => provider.ownsProfile(p))
  return provider.followUpForm?.defaults(own && provider.ownsProfile(own) ? own : undefined) ?? {}
}

/** The follow-up intent's provider and its own fields, for the chosen profile (the first follow-up provider's without one). */
export function followUpIntentFields(profile: Profile | undefined, values: FormFields): FormFields {
  const provider = takesFollowUps(profile?.provider) ?? sharedProvider(firstFollowUpProvider)
  return { provider: provider.name, ...provider.followUpForm?.intent(values) }
}

/**
 * What the provider's own fields keep for the next follow-up, from the one queued; from the form's
 * values (which name no provider) as the first follow-up provider keeps them.
 */
export function followUpKept(from: FormFields): FormFields {
  const provider = takesFollowUps(from.provider) ?? sharedProvider(firstFollowUpProvider)
  return provider.followUpForm?.kept(from) ?? {}
}

/** The fields to change when `profile` is chosen after `previous`: its provider's own that it does not have. */
export function followUpFit(values: FormFields, profile: Profile, previous: Profile | undefined): FormFields {
  return followUpFitOf(sharedProvider(profile.provider), values, profile, previous)
}

function followUpFitOf<P extends ProviderName>(
  provider: SharedModule<P>,
  values: FormFields,
  profile: Profile,
  previous: Profile | undefined,
): FormFields {
  if (!provider.ownsProfile(profile)) return {}
  return (
    provider.followUpForm?.fit(values, profile, previous && provider.ownsProfile(previous) ? previous : undefined) ?? {}
  )
}

/** The profile a quick-entry follow-up goes to unless one is named: one whose provider finds the customer by what was given. */
export function quickFollowUpProfile<T extends Profile>(usable: readonly T[], contactGiven: boolean): T | undefined {
  return usable.find((p) => takesFollowUps(p.provider)?.followUpForm?.quickEntry.needsContact === contactGiven)
}

/** A quick-entry follow-up line, read by the provider of `profile` (the first follow-up provider's without one). */
export function quickFollowUp(profile: Profile | undefined, line: QuickFollowUpLine) {
  const provider = takesFollowUps(profile?.provider) ?? sharedProvider(firstFollowUpProvider)
  return provider.followUpForm?.quickEntry.read(line) ?? { values: {}, problems: [] }
}

/**
 * The follow-up intent as the form checks it: each follow-up provider's intent, with the rules its
 * form adds where it adds some (`formIntent`). `t` gives the renderer's messages.
 */
export function followUpFormIntent(t: Translate) {
  const [first, ...rest] = followUpProviders.map((provider) => formIntentOf(provider, t))
  if (!first) throw new Error('no provider takes follow-ups')
  return z.discriminatedUnion('provider', [first, ...rest])
}

function formIntentOf<P extends ProviderName>(provider: SharedModule<P>, t: Translate): IntentSchemaOf<FollowUpIntent> {
  const own = provider.followUpForm?.formIntent?.(t)
  if (own) return own
  for (const schemas of provider.intents) if (schemas.kind === 'followUp') return schemas.intent
  throw new Error(`${provider.name} has a follow-up form and no follow-up intent`)
}
