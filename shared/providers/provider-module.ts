import type { z } from 'zod'
import type { Message } from '../i18n/message'
import type { TaskIntent } from '../schemas/intents'
import type { TaskKind } from '../schemas/task-kind'

// What every provider's shared module (shared/providers/<name>/index.ts) gives the registry: the
// schemas of its profiles and secrets, its task intents and how they become its wire request, the
// metadata its forms are built from, and the ready-made tasks its sandbox profile offers. Both
// sides use it; nothing here imports Node, Electron or the DOM.

export type WirePath = (string | number)[]

/**
 * What every task intent has, whichever provider takes it. A module's intents are checked against
 * this rather than against TaskIntent: that union is joined from the modules, so a module typed by
 * it would be typed by itself.
 */
export interface IntentBase {
  kind: TaskKind
  profileId: string
  /** Absent only where one provider takes every intent of the kind (outdials: Webex). */
  provider?: string
}

/** A schema of one provider's intent, as the discriminated unions of shared/schemas/intents.ts take it. */
export type IntentSchema = z.core.$ZodTypeDiscriminable & z.ZodType<IntentBase>

/**
 * One quick task a provider takes: the schema of its intent, and of one being queued now (every
 * destination dialable; the intent's own schema when queueing checks nothing more).
 */
export interface TaskIntentSchemas<
  Kind extends TaskKind = TaskKind,
  Intent extends IntentSchema = IntentSchema,
  New extends IntentSchema = IntentSchema,
> {
  kind: Kind
  intent: Intent
  new: New
}

/** A schema giving intents of type `Intent`, as a discriminated union takes it. */
export type IntentSchemaOf<Intent> = z.core.$ZodTypeDiscriminable & z.ZodType<Intent>

/** The intents a provider's schemas give. */
export type IntentOfSchemas<Schemas extends TaskIntentSchemas> = z.output<Schemas['intent']>

/** Why an intent cannot become a wire request, at the intent's path (or `['wire', …]`). */
export interface IntentRefusal {
  error: { path: WirePath; message: string }
}

/** A rule between a profile and its secret that the secret breaks (the credentials form shows it). */
export interface SecretIssue {
  path: string[]
  message: string
}

/** One ready-made task for a sandbox profile, stable by `id` within the profile. */
export interface SampleTask {
  /** `outdial`, `callback-now`, … */
  id: string
  intent: TaskIntent
}

/** i18n lookup, as the renderer's `t` (with a count for plurals). */
export type Translate = (key: string, plural?: number) => string

export interface ProfileFact {
  /** i18n key of the fact's name. */
  name: string
  value: string
}

export interface SecretField {
  name: string
  /** i18n keys. */
  label: string
  help?: string
  /** Key ids are typed in plain text (they are not secret, and main shows their last characters). */
  secret: boolean
  optional?: boolean
}

/** What the profile and credentials forms need to know about a provider. */
export interface ProviderForm<Profile, Draft, Secret> {
  /** What a new profile starts with: every field present, so the form is complete. */
  emptyDraft(): Draft
  /** What the agent types for a profile's secret, which depends on how the profile signs in. */
  secretFields(profile: Profile): SecretField[]
  /** An empty secret of the right shape: the form starts from it and returns to it after saving. */
  blankSecret(profile: Profile): Secret
  /** The few facts that tell profiles apart at a glance: where they point, and what they hold. */
  facts(profile: Profile, t: Translate): ProfileFact[]
}

/** Some of a task form's values, by their path in the form (`target`, `entryPointId`, …). */
export type FormFields = Record<string, unknown>

/**
 * The callback form's fields that are a provider's own, beside the number, customer, time and reason
 * every callback has (the renderer shows them with the provider's own sub-form). The form holds
 * every provider's fields at once, so switching profile back and forth keeps what was typed.
 */
export interface CallbackFormFields<Profile, Intent> {
  /** Its fields as a new callback starts them, for one of its profiles (or with none chosen). */
  defaults(profile: Profile | undefined): FormFields
  /** Its fields as its intent takes them, for a callback now or later (`later`). */
  intent(values: FormFields, later: boolean): FormFields
  /** What stays for the next callback, from the one queued (or the values when the form starts over). */
  kept(from: Intent | FormFields, profile: Profile | undefined): FormFields
  /** Its fields that another chosen profile does not have, replaced with that profile's first. */
  fit(values: FormFields, profile: Profile): FormFields
}

/** What the quick entry read in a "follow up …" line, for a provider to make its follow-up of. */
export interface QuickFollowUpLine {
  /** After `:` or `re:`, or a quoted text: what the follow-up is about. */
  subject: string
  /** What is left of the line: the customer's name. */
  customer: string
  email: string | null
  /** The number found, in E.164. */
  number: string | null
  /** The time said, an ISO date and time with its offset, or ''. */
  due: string
  /** A login after `assign`, or null. */
  assignee: string | null
  /** The word that introduces a due time written into a text (`Due`, `Para`), in the agent's language. */
  dueWord: string
}

/**
 * The follow-up form's fields that are a provider's own (the renderer shows them with the provider's
 * own sub-form). As in the callback form, the form holds every provider's fields at once.
 */
export interface FollowUpFormFields<Profile, Intent> {
  /** Its fields as a new follow-up starts them, from one of its profiles (or with none). */
  defaults(profile: Profile | undefined): FormFields
  /** Its fields as its follow-up intent takes them, the optional ones left empty left out. */
  intent(values: FormFields): FormFields
  /** What stays for the next follow-up, from the one queued (or the values when the form starts over). */
  kept(from: Intent | FormFields): FormFields
  /** Its fields to change when `profile` is chosen after `previous` (when that was one of its own too). */
  fit(values: FormFields, profile: Profile, previous: Profile | undefined): FormFields
  /**
   * Its follow-up intent's schema as the form checks it, when the form checks more than main does
   * (Connect: each reference's value against its type); without it, the intent's own. `t` gives
   * the renderer's messages.
   */
  formIntent?(t: Translate): IntentSchemaOf<Extract<Intent, { kind: 'followUp' }>>
  quickEntry: {
    /** It finds the customer by an email or a number, so the quick entry picks it when one is given. */
    needsContact: boolean
    /** Its fields for a quick-entry line, and what it cannot make of the line (`path`, a quick-entry message). */
    read(line: QuickFollowUpLine): { values: FormFields; problems: { path: string; message: string }[] }
  }
}

/**
 * One provider, as both sides know it. `Name` is its name in the contract; the schemas are its
 * profile, the profile editor's draft and its secret; `Intent` the tasks it takes; `Payload` what its
 * client sends for one of them.
 */
export interface SharedProviderModule<
  Name extends string,
  ProfileSchema extends z.ZodType<{ id: string; provider: string; label: string }>,
  DraftSchema extends z.ZodType<{ provider: string }>,
  SecretSchema extends z.ZodType<{ provider: string }>,
  Intent extends IntentBase,
  Payload,
  Schemas extends TaskIntentSchemas = TaskIntentSchemas,
  ChoiceKinds extends string = string,
> {
  name: Name
  /**
   * The lists of ids its API can list for a profile (shared/schemas/choices.ts joins every
   * provider's into ChoiceKind); each is named after the provider, and none for most.
   */
  choiceKinds: readonly ChoiceKinds[]
  profile: ProfileSchema
  draft: DraftSchema
  secret: SecretSchema
  /** Whether a profile is one of this provider's (narrows it to this provider's type). */
  ownsProfile(profile: { provider: string }): profile is z.output<ProfileSchema>
  /** Whether a secret is one of this provider's. */
  ownsSecret(secret: { provider: string }): secret is z.output<SecretSchema>
  /** Rules between a profile and its secret beyond the secret's own schema (none for most). */
  secretIssues(profile: z.output<ProfileSchema>, secret: z.output<SecretSchema>): SecretIssue[]
  /** The secret's key id, whose last characters are shown to tell keys apart (never a secret), or null. */
  keyId(secret: z.output<SecretSchema>): string | null
  /**
   * The quick tasks this provider takes and its intents' schemas for them, in the order the app
   * lists them: the intent unions (shared/schemas/intents.ts) are joined from these.
   */
  intents: readonly Schemas[]
  /** The quick tasks this provider takes (the kinds of its intents). */
  tasks: readonly Schemas['kind'][]
  /** Whether an intent is one of this provider's. */
  owns(intent: IntentBase): intent is Intent
  /**
   * What a task is about, in a few words (its queue and history row, the window's questions): a
   * number, a name, as a message (subject-kit.ts) that the window renders in the agent's language.
   */
  subject(intent: Intent): Message
  /**
   * What makes two of its tasks the same for the agent (the window asks before queueing a twin): the
   * customer or subject, not the details a deliberate resend changes.
   */
  identity(intent: Intent): string
  /**
   * The wire request for an intent on this profile, checked against the provider's rules at `now`
   * (the provider's clock), or why it cannot be sent. The one check of the wire: the client sends
   * what this returns without checking it again.
   */
  toWire(
    intent: Intent,
    profile: z.output<ProfileSchema>,
    now: Date,
  ): { provider: Name; payload: Payload } | IntentRefusal
  form: ProviderForm<z.output<ProfileSchema>, z.output<DraftSchema>, z.output<SecretSchema>>
  /** Its own fields in the callback form, when it takes callbacks. */
  callbackForm?: CallbackFormFields<z.output<ProfileSchema>, Intent>
  /** Its own fields in the follow-up form, when it takes follow-ups. */
  followUpForm?: FollowUpFormFields<z.output<ProfileSchema>, Intent>
  /** One ready-made task per task kind this provider takes, built from the (sandbox) profile. */
  samples(profile: z.output<ProfileSchema>, now: Date, timeZone: string): SampleTask[]
}

/** Infers a module's types from its definition (and checks it against the shape above). */
export function defineSharedProvider<
  Name extends string,
  ProfileSchema extends z.ZodType<{ id: string; provider: string; label: string }>,
  DraftSchema extends z.ZodType<{ provider: string }>,
  SecretSchema extends z.ZodType<{ provider: string }>,
  Schemas extends TaskIntentSchemas,
  Payload,
  ChoiceKinds extends string = never,
>(
  module: Omit<
    SharedProviderModule<
      Name,
      ProfileSchema,
      DraftSchema,
      SecretSchema,
      IntentOfSchemas<Schemas>,
      Payload,
      Schemas,
      ChoiceKinds
    >,
    'ownsProfile' | 'ownsSecret' | 'tasks'
  >,
): SharedProviderModule<
  Name,
  ProfileSchema,
  DraftSchema,
  SecretSchema,
  IntentOfSchemas<Schemas>,
  Payload,
  Schemas,
  ChoiceKinds
> {
  return {
    ...module,
    tasks: module.intents.map((schemas) => schemas.kind),
    // Profiles and secrets carry their provider's name: that is what makes them this provider's.
    ownsProfile: (profile): profile is z.output<ProfileSchema> => profile.provider === module.name,
    ownsSecret: (secret): secret is z.output<SecretSchema> => secret.provider === module.name,
  }
}
