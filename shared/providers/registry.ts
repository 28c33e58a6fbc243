import { z } from 'zod'
import type { TaskIntent } from '../schemas/intents'
import type { TaskKind } from '../schemas/task-kind'
import { aiccs } from './aiccs'
import { connect } from './connect'
import { egain } from './egain'
import type {
  IntentRefusal,
  ProfileFact,
  SampleTask,
  SecretField,
  SecretIssue,
  SharedProviderModule,
  Translate,
} from './provider-module'
import { refuse } from './to-wire-kit'
import { voiceBroadcast } from './voice-broadcast'
import { webex } from './webex'
import { issueText } from '../i18n/issue-message'
import { msg, type Message } from '../i18n/message'

/**
 * Every provider, by its name in the contract, in the order the app lists them. A provider is its
 * folder beside this file, one line here and one in main's registry
 * (electron/main/providers/registry.ts); the provider names, the profile, draft and secret schemas
 * and the lookups below all follow from this list.
 */
const modules = {
  webex,
  egain,
  connect,
  aiccs,
  voice_broadcast: voiceBroadcast,
}

type Modules = typeof modules

/** The provider names used everywhere in the contract. */
export type ProviderName = keyof Modules

/** Each provider's own types, as its module states them. */
type TypesOf<M> =
  M extends SharedProviderModule<string, infer PS, infer DS, infer SS, infer I, infer W, infer S, infer C>
    ? { profileSchema: PS; draftSchema: DS; secretSchema: SS; intent: I; payload: W; intentSchemas: S; choiceKinds: C }
    : never
type Types = { [P in ProviderName]: TypesOf<Modules[P]> }

/**
 * A provider's shared module, typed by its name. Written as one mapped type over the names so that a
 * function generic in `P` keeps a provider's intent, profile and wire together (no casts).
 */
export type SharedModule<P extends ProviderName> = SharedProviderModule<
  P,
  Types[P]['profileSchema'],
  Types[P]['draftSchema'],
  Types[P]['secretSchema'],
  Types[P]['intent'],
  Types[P]['payload'],
  Types[P]['intentSchemas'],
  Types[P]['choiceKinds']
>

/** The registry, checked: each entry is filed under its own name. */
export const sharedProviders: { readonly [P in ProviderName]: SharedModule<P> } = modules

/** The providers in the order they are listed. */
export const providerList: readonly SharedModule<ProviderName>[] = Object.values(sharedProviders)

export const ProviderName = z.enum(providerList.map((provider) => provider.name))

/** A list that is known to hold at least one item, as zod's unions want their options. */
function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items
  if (first === undefined) throw new Error('provider registry empty')
  return [first, ...rest]
}

const concrete = Object.values(modules)

export const Profile = z.discriminatedUnion('provider', nonEmpty(concrete.map((p) => p.profile)))
export type Profile = z.infer<typeof Profile>
/** A provider's profile (written through the registry's types, so generic code keeps it tied to `P`). */
export type ProfileOf<P extends ProviderName> = z.output<Types[P]['profileSchema']>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const ProfileDraft = z.discriminatedUnion('provider', nonEmpty(concrete.map((p) => p.draft)))
export type ProfileDraft = z.infer<typeof ProfileDraft>

/** Secrets are write-only: the renderer sends them, and nothing ever sends them back. */
export const ProviderSecret = z.discriminatedUnion('provider', nonEmpty(concrete.map((p) => p.secret)))
export type ProviderSecret = z.infer<typeof ProviderSecret>
/** A provider's secret (written through the registry's types, so generic code keeps it tied to `P`). */
export type SecretOf<P extends ProviderName> = z.output<Types[P]['secretSchema']>

/** The intents a provider takes. */
export type IntentOf<P extends ProviderName> = Types[P]['intent']

/**
 * What a provider's client sends for one task: the provider's name and its payload. Generic code
 * keeps the two together through `P`; the registries are the only places that pick a provider.
 */
export type WireRequestOf<P extends ProviderName> = { provider: P; payload: Types[P]['payload'] }
export type WireRequest = WireRequestOf<ProviderName>
export type IntentResult = WireRequest | IntentRefusal
export type { IntentRefusal, ProfileFact, SampleTask, SecretField, Translate } from './provider-module'

/** The shared module of the provider named `name`. */
export function sharedProvider<P extends ProviderName>(name: P): SharedModule<P> {
  return sharedProviders[name]
}

/** The provider an intent is for (an outdial names none: Webex is the one that dials). */
export function intentProvider(intent: TaskIntent): ProviderName {
  for (const provider of providerList) if (provider.owns(intent)) return provider.name
  // Every intent kind is some provider's; the type checker cannot see that through the list.
  throw new Error(`no provider takes ${intent.kind} tasks`)
}

/** `use` applied to the intent and its provider's shared module, typed as that provider's. */
export function withSharedProvider<R>(
  intent: TaskIntent,
  use: <P extends ProviderName>(provider: SharedModule<P>, intent: IntentOf<P>) => R,
): R {
  return ownIntent(sharedProvider(intentProvider(intent)), intent, use)
}

function ownIntent<P extends ProviderName, R>(
  provider: SharedModule<P>,
  intent: TaskIntent,
  use: (provider: SharedModule<P>, intent: IntentOf<P>) => R,
): R {
  // Unreachable: the provider was found as the one that owns the intent.
  if (!provider.owns(intent)) throw new Error(`${provider.name} does not take ${intent.kind} tasks`)
  return use(provider, intent)
}

/** What a task is about, in a few words (its provider says): the number called, the task's name. */
export const taskSubject = (intent: TaskIntent): Message => withSharedProvider(intent, (p, own) => p.subject(own))

/**
 * What makes two tasks the same for the agent: the same kind, on the same profile, for the same
 * customer or subject (its provider says which).
 */
export const taskIdentity = (intent: TaskIntent): string =>
  [intent.kind, intent.profileId, withSharedProvider(intent, (p, own) => p.identity(own))].join('|')

/**
 * The wire request for a task: its intent on its profile, checked against the provider's rules at
 * `now` (the provider's clock), or why it cannot be sent, at the intent's path. Pure; the profile
 * must be the one the intent names, of the intent's provider.
 */
export function toWireRequest(intent: TaskIntent, profile: Profile, now: Date): IntentResult {
  if (profile.id !== intent.profileId)
    return refuse(['profileId'], issueText('schema.registry.intentNamesAnotherProfile'))
  return wireFor(sharedProvider(intentProvider(intent)), intent, profile, now)
}

function wireFor<P extends ProviderName>(
  provider: SharedModule<P>,
  intent: TaskIntent,
  profile: Profile,
  now: Date,
): WireRequestOf<P> | IntentRefusal {
  // Unreachable: the provider was found as the one that owns the intent.
  if (!provider.owns(intent)) throw new Error(`${provider.name} does not take ${intent.kind} tasks`)
  if (!provider.ownsProfile(profile)) {
    const needed = provider.name
    return refuse(
      ['profileId'],
      issueText('schema.templates.otherProvidersProfile', {
        provider: msg(`schema.provider.${profile.provider}`),
        needed: msg(`schema.provider.${needed}`),
      }),
    )
  }
  return provider.toWire(intent, profile, now)
}

/** The rules between a profile and a secret offered for it (the secret's own schema aside). */
export function secretIssues(profile: Profile, secret: ProviderSecret): SecretIssue[] {
  return issuesFor(sharedProvider(profile.provider), profile, secret)
}

function issuesFor<P extends ProviderName>(
  provider: SharedModule<P>,
  profile: Profile,
  secret: ProviderSecret,
): SecretIssue[] {
  if (!provider.ownsProfile(profile)) return []
  if (!provider.ownsSecret(secret)) {
    return [
      {
        path: ['provider'],
        message: issueText('schema.templates.otherProvidersCredentials', {
          provider: msg(`schema.provider.${secret.provider}`),
          profile: profile.label,
          profileProvider: msg(`schema.provider.${profile.provider}`),
        }),
      },
    ]
  }
  return provider.secretIssues(profile, secret)
}

/** The key id a secret carries (never a secret itself), or null. */
export function secretKeyId(secret: ProviderSecret): string | null {
  return keyIdFor(sharedProvider(secret.provider), secret)
}

function keyIdFor<P extends ProviderName>(provider: SharedModule<P>, secret: ProviderSecret): string | null {
  return provider.ownsSecret(secret) ? provider.keyId(secret) : null
}

/** One ready-made task per task kind for a (sandbox) profile. */
export function sampleTasks(profile: Profile, now: Date, timeZone: string): SampleTask[] {
  return samplesFor(sharedProvider(profile.provider), profile, now, timeZone)
}

function samplesFor<P extends ProviderName>(
  provider: SharedModule<P>,
  profile: Profile,
  now: Date,
  timeZone: string,
): SampleTask[] {
  return provider.ownsProfile(profile) ? provider.samples(profile, now, timeZone) : []
}

// ——— Which providers take which quick task ———

/** The providers that take quick task `K`, as a type. */
export type ProvidersOfTask<K extends TaskKind> = {
  [P in ProviderName]: K extends IntentOf<P>['kind'] ? P : never
}[ProviderName]

/** The profiles among `profiles` whose provider takes quick task `kind`, in their order. */
export function profilesForTask<K extends TaskKind>(
  kind: K,
  profiles: readonly Profile[],
): ProfileOf<ProvidersOfTask<K>>[] {
  return profiles.filter((profile): profile is ProfileOf<ProvidersOfTask<K>> =>
    takesTask(sharedProvider(profile.provider), kind),
  )
}

function takesTask<P extends ProviderName>(provider: SharedModule<P>, kind: TaskKind): boolean {
  return provider.tasks.some((task) => task === kind)
}

/** The profiles of one provider among `profiles`, typed as that provider's. */
export function profilesOf<P extends ProviderName>(name: P, profiles: readonly Profile[]): ProfileOf<P>[] {
  return profiles.filter((profile): profile is ProfileOf<P> => profile.provider === name)
}

// ——— What the forms are built from ———

/** What a new profile of a provider starts with: every field present, so the form is complete. */
export function emptyDraft(provider: ProviderName): ProfileDraft {
  return sharedProvider(provider).form.emptyDraft()
}

/** What the agent types for a profile's secret, which depends on how the profile signs in. */
export function secretFields(profile: Profile): SecretField[] {
  return formOf(sharedProvider(profile.provider), profile).secretFields()
}

/** An empty secret of the right shape: the credentials form starts from it. */
export function blankSecret(profile: Profile): ProviderSecret {
  return formOf(sharedProvider(profile.provider), profile).blankSecret()
}

/** The few facts that tell profiles apart at a glance. */
export function profileFacts(profile: Profile, t: Translate): ProfileFact[] {
  return formOf(sharedProvider(profile.provider), profile).facts(t)
}

/** The provider's form metadata, bound to one of its profiles. */
function formOf<P extends ProviderName>(provider: SharedModule<P>, profile: Profile) {
  // Unreachable: the provider was looked up by the profile's own name.
  if (!provider.ownsProfile(profile)) throw new Error(`not a ${provider.name} profile`)
  const { form } = provider
  return {
    secretFields: () => form.secretFields(profile),
    blankSecret: () => form.blankSecret(profile),
    facts: (t: Translate) => form.facts(profile, t),
  }
}
