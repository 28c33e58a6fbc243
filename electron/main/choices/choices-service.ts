import type { Message } from '@shared/i18n/message'
import { msg } from '@shared/i18n/message'
import type { ChoiceKind, ChoiceList, ChoicesQuery } from '@shared/schemas/choices'
import type { Profile, ProviderName, ProviderSecret } from '@shared/providers/registry'
import { sharedProvider } from '@shared/providers/registry'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { ChoiceSource, FetchedChoices } from '../providers/choice-source'
import { ChoiceFetchError } from '../providers/choice-source'
import type { ProbeContext } from '../providers/connection-probe'
import { mainProvider } from '../providers/registry'
import type { CredentialsService } from '../secrets/credentials-service'
import type { TokenCache } from '../secrets/token-cache'
import type { CachedList, ChoicesCache } from './choices-cache'
import { withDeadline } from '../providers/http/attempt-deadline'
import { redactMessage, redactSecrets } from '../secrets/redact-secrets'
import { requestSecrets } from '../secrets/request-secrets'

export interface ChoicesServiceDeps {
  cache: ChoicesCache
  findProfile: (id: string) => Profile | undefined
  credentials: Pick<CredentialsService, 'status' | 'read'>
  tokens: TokenCache
  /** Where to reach a profile's provider instead of its own address (the sandbox's simulator). */
  endpointFor?: (profile: Profile) => string | undefined
  /** Makes a profile ready to be used (starts a sandbox profile's simulator). */
  ready?: (profileId: string) => Promise<void>
  clock: Clock
  fetch: typeof fetch
  logger: Logger
  /** Why this process may not write (another Callboard owns the data folder): lists are then not kept. */
  notOwner?: Message | null
  timeoutMs?: number
}

/**
 * The lists a profile's provider offers, kept on disk per profile. A cached list is answered as it
 * is until the agent asks for a refresh; a fetch that fails answers the cached list (if any) with
 * the reason, so what was fetched before is never lost. Two asks for one list share one fetch.
 */
export function createChoicesService(deps: ChoicesServiceDeps) {
  const timeoutMs = deps.timeoutMs ?? 20_000
  const inFlight = new Map<string, Promise<ChoiceList>>()

  const answer = (query: ChoicesQuery, list: CachedList | null, problem: ChoiceList['problem'] = null): ChoiceList => ({
    profileId: query.profileId,
    kind: query.kind,
    choices: list?.choices ?? [],
    fetchedAt: list?.fetchedAt ?? null,
    truncated: list?.truncated ?? false,
    problem,
  })

  async function fetchList(query: ChoicesQuery, profile: Profile): Promise<ChoiceList> {
    const { profileId, kind } = query
    const origin = originOf(profile.provider, profile)
    const kept = await deps.cache.get(profileId, kind)
    // A list fetched while the profile pointed elsewhere (another instance, organization) is not its list.
    const cached = kept?.origin === origin ? kept : null
    if (cached && !query.refresh) return answer(query, cached)
    const status = await deps.credentials.status(profileId)
    if (status.state === 'keychain_locked' || status.state === 'keychain_unavailable') {
      return answer(query, cached, { kind: 'keychain_unavailable', message: msg('choiceFetch.keychainUnreadable') })
    }
    const secret = status.state === 'stored' ? await deps.credentials.read(profileId) : null
    if (!secret) {
      return answer(query, cached, {
        kind: 'missing_credentials',
        message: msg('choiceFetch.storeCredentials'),
      })
    }
    await deps.ready?.(profileId)
    // What the provider answers passes the one redactor before it is logged or shown.
    const { hidden, tokens, reveal } = requestSecrets(secret, deps.tokens)
    const started = deps.clock.monotonicMs()
    try {
      // Under the seam's hard limit, held for the whole fetch (every page, a token renewal included).
      const fetched = await withDeadline(new AbortController().signal, timeoutMs, (signal) =>
        fetchWith(profile.provider, profile, secret, kind, {
          tokens,
          reveal,
          clock: deps.clock,
          fetch: deps.fetch,
          signal,
          endpoint: deps.endpointFor?.(profile),
        }),
      )
      const list: CachedList = { ...fetched, origin, fetchedAt: deps.clock.now().toISOString() }
      deps.logger.info('choices fetched', {
        profileId,
        kind,
        count: list.choices.length,
        ms: Math.round(deps.clock.monotonicMs() - started),
      })
      if (!deps.notOwner) {
        await deps.cache.put(profileId, kind, list).catch((error: unknown) => {
          deps.logger.warn('choices not kept', { profileId, kind, error: String(error) })
        })
      }
      return answer(query, list)
    } catch (error) {
      const known = error instanceof ChoiceFetchError
      deps.logger[known ? 'info' : 'error']('choices not fetched', {
        profileId,
        kind,
        problem: known ? error.problem : 'crashed',
        httpStatus: known ? error.httpStatus : null,
        ...(known ? {} : { error: redactSecrets(String(error), hidden) }),
      })
      return answer(
        query,
        cached,
        known
          ? { kind: error.problem, message: redactMessage(error.said, hidden) }
          : { kind: 'provider_error', message: msg('choiceFetch.unexpected') },
      )
    }
  }

  return {
    /** The kinds of list a profile's provider offers (none for a provider whose API lists nothing). */
    kindsFor(profile: Profile): readonly ChoiceKind[] {
      return mainProvider(profile.provider).choices?.kinds ?? []
    },

    /** A removed profile's lists go with it (only ids and names, but nothing is kept for nobody). */
    async forget(profileId: string): Promise<void> {
      if (deps.notOwner) return
      await deps.cache.drop(profileId).catch((error: unknown) => {
        deps.logger.warn('choices not forgotten', { profileId, error: String(error) })
      })
    },

    async list(query: ChoicesQuery): Promise<ChoiceList> {
      const profile = deps.findProfile(query.profileId)
      if (!profile) throw new AppError('not_found', msg('failure.profileGone'))
      if (!this.kindsFor(profile).includes(query.kind)) {
        throw new AppError('invalid_input', msg('failure.listNotOffered'))
      }
      const key = `${query.profileId}:${query.kind}`
      const running = inFlight.get(key)
      // A refresh asked while a fetch runs gets that fetch's answer: it is as fresh as can be.
      if (running) return running
      const pending = fetchList(query, profile).finally(() => inFlight.delete(key))
      inFlight.set(key, pending)
      return pending
    },
  }
}

export type ChoicesService = ReturnType<typeof createChoicesService>

/** Where a profile's lists come from, as its provider's choice source says (empty when it lists nothing). */
function originOf<P extends ProviderName>(name: P, profile: Profile): string {
  const source: ChoiceSource<P> | null = mainProvider(name).choices
  return source && sharedProvider(name).ownsProfile(profile) ? source.origin(profile) : ''
}

/** The choice source of provider `name`, given one of its profiles and its secret, typed as that provider's. */
function fetchWith<P extends ProviderName>(
  name: P,
  profile: Profile,
  secret: ProviderSecret,
  kind: ChoiceKind,
  ports: Omit<ProbeContext<P>, 'profile' | 'secret'>,
): Promise<FetchedChoices> {
  const shared = sharedProvider(name)
  const source: ChoiceSource<P> | null = mainProvider(name).choices
  if (!source || !shared.ownsProfile(profile) || !shared.ownsSecret(secret)) {
    return Promise.reject(new ChoiceFetchError('missing_credentials', msg('choiceFetch.otherProvider')))
  }
  return source.fetch({ ...ports, profile, secret }, kind)
}
