import type { FormFields } from './provider-module'
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
