import type { Message } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'
import type { Choice, ChoiceKind, ChoiceProblem } from '@shared/schemas/choices'
import { CHOICES_MAX } from '@shared/schemas/choices'
import type { ProfileOf, ProviderName } from '@shared/providers/registry'
import type { ProbeContext } from './connection-probe'

// What a provider's choices module (providers/<name>/<name>-choices.ts) gives its main module: the
// lists its API offers and how to fetch one. The choices service (choices/choices-service.ts) finds
// it through the registry, caches what it returns and keeps the cache when a fetch fails.

/** One list fetched whole (every page), as many as CHOICES_MAX. */
export interface FetchedChoices {
  choices: Choice[]
  /** The provider had more than CHOICES_MAX. */
  truncated: boolean
}

export interface ChoiceSource<P extends ProviderName> {
  /** The lists this provider's API offers. */
  kinds: readonly ChoiceKind[]
  /**
   * Where a profile's lists come from (its host and organization, its region and instance): a list
   * cached for another origin is not offered once the profile points elsewhere.
   */
  origin(profile: ProfileOf<P>): string
  /** Fetches one of them. Throws ChoiceFetchError for every provider or network problem. */
  fetch(context: ProbeContext<P>, kind: ChoiceKind): Promise<FetchedChoices>
}

/**
 * A fetch that failed, classified for the window, and said in the agent's words (a message key);
 * the error's own message is its English, for the log.
 */
export class ChoiceFetchError extends Error {
  constructor(
    readonly problem: ChoiceProblem,
    readonly said: Message,
    readonly httpStatus: number | null = null,
  ) {
    super(renderMessage(said))
    this.name = 'ChoiceFetchError'
  }
}

/** Pages a provider may hand out before the list is taken as endless (a token that never ends). */
const MAX_PAGES = 100

/**
 * Every page of a paged list, following the provider's token (a Connect `NextToken`, a Webex page
 * number) until it has none, CHOICES_MAX choices are in hand, or MAX_PAGES were read.
 */
export async function collectPages<T>(
  page: (token: T | undefined) => Promise<{ choices: Choice[]; next: T | undefined }>,
): Promise<FetchedChoices> {
  const choices: Choice[] = []
  let token: T | undefined
  for (let read = 0; read < MAX_PAGES; read++) {
    const answer = await page(token)
    choices.push(...answer.choices)
    if (choices.length > CHOICES_MAX) return { choices: choices.slice(0, CHOICES_MAX), truncated: true }
    if (answer.next === undefined) return { choices, truncated: false }
    token = answer.next
  }
  return { choices, truncated: true }
}
