import { z } from 'zod'
import { Message } from '../i18n/message'
import { ProfileId } from './providers'
import { providerList } from '../providers/registry'

// Ids a provider can list for a profile (issue #16 item 5: fewer ids to type). The lists help the
// agent fill in a profile; an id can always still be typed, and a list that cannot be fetched never
// blocks anything.

/**
 * Which list: each provider's shared module states the kinds its API can list (main's provider module
 * fetches them), and this joins them from the registry, so a sixth provider's lists come with it.
 */
export const ChoiceKind = z.enum(providerList.flatMap((provider) => provider.choiceKinds))
export type ChoiceKind = z.infer<typeof ChoiceKind>

/** At most this many choices are kept per list (a tenant with more is cut, and the answer says so). */
export const CHOICES_MAX = 2000

export const Choice = z
  .object({
    /** What goes in the field: the id (an ANI's number for outdial ANIs). */
    value: z.string().min(1).max(500),
    /** The provider's name for it. */
    name: z.string().max(500),
    /** A word more where the provider gives one (inbound/outbound, a flow's type, a template's status). */
    detail: z.string().max(100).optional(),
  })
  .strict()
export type Choice = z.infer<typeof Choice>

/** Why the last fetch failed, in one word the window can explain; what was cached is kept. */
export const ChoiceProblem = z.enum([
  /** The provider refused the credentials. */
  'auth_rejected',
  /** The credentials work but may not list this (a missing permission or scope). */
  'not_permitted',
  /** The provider could not be reached (offline, DNS, timeout). */
  'offline',
  /** The profile lacks what the list needs (Webex's organization id), or the instance is unknown. */
  'not_configured',
  /** Anything else the provider answered. */
  'provider_error',
  'missing_credentials',
  'keychain_unavailable',
])
export type ChoiceProblem = z.infer<typeof ChoiceProblem>

export const ChoicesQuery = z
  .object({
    profileId: ProfileId,
    kind: ChoiceKind,
    /** Fetch from the provider now, even if a list is cached. */
    refresh: z.boolean().optional(),
  })
  .strict()
export type ChoicesQuery = z.infer<typeof ChoicesQuery>

export const ChoiceList = z
  .object({
    profileId: ProfileId,
    kind: ChoiceKind,
    choices: z.array(Choice).max(CHOICES_MAX),
    /** When the choices were fetched (ISO 8601), or null when nothing was ever fetched. */
    fetchedAt: z.iso.datetime().nullable(),
    /** The provider had more than CHOICES_MAX. */
    truncated: z.boolean(),
    /** Why the latest fetch failed (the choices are then the cached ones), or null. */
    problem: z.object({ kind: ChoiceProblem, message: Message }).strict().nullable(),
  })
  .strict()
export type ChoiceList = z.infer<typeof ChoiceList>
